package muster.io;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One object read from a file: its checked values by field name, the file line of each field and of
 * the object itself. Lives only while one record is built.
 */
final class Item {
    final String path;
    final int line;
    final Map<String, Object> values = new HashMap<>();
    final Map<String, Integer> lines = new HashMap<>();

    /** Fields that were present but faulty; a record is not built from a faulty item. */
    boolean faulty;

    /** Fields given with an empty (null) value. */
    final java.util.Set<String> empty = new java.util.HashSet<>();

    Item(String path, int line) {
        this.path = path;
        this.line = line;
    }

    boolean has(String f) {
        return values.get(f) != null;
    }

    String string(String f) {
        return (String) values.get(f);
    }

    int lineOf(String f) {
        Integer l = lines.get(f);
        return l == null ? line : l;
    }

    @SuppressWarnings("unchecked")
    <T> T get(String f) {
        return (T) values.get(f);
    }

    @SuppressWarnings("unchecked")
    List<Item> items(String f) {
        Object v = values.get(f);
        return v == null ? List.of() : (List<Item>) v;
    }
}
