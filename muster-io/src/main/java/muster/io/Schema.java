package muster.io;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The fields one kind of object in a scenario file may have, and their types. */
final class Schema {
    enum Kind {
        STRING,
        INT,
        LONG,
        DOUBLE,
        ENUM,
        STRING_LIST,
        DOUBLE_LIST,
        ENUM_LIST,
        OBJECT,
        OBJECT_LIST
    }

    record Field(String name, Kind kind, Class<? extends Enum<?>> enumType, Schema nested) {}

    private final Map<String, Field> fields = new LinkedHashMap<>();

    Schema add(String name, Kind kind) {
        fields.put(name, new Field(name, kind, null, null));
        return this;
    }

    Schema addEnum(String name, Kind kind, Class<? extends Enum<?>> type) {
        fields.put(name, new Field(name, kind, type, null));
        return this;
    }

    Schema addObject(String name, Kind kind, Schema nested) {
        fields.put(name, new Field(name, kind, null, nested));
        return this;
    }

    Field field(String name) {
        return fields.get(name);
    }

    List<String> names() {
        return new ArrayList<>(fields.keySet());
    }

    static List<String> enumNames(Class<? extends Enum<?>> type) {
        return Arrays.stream(type.getEnumConstants()).map(Enum::name).toList();
    }
}
