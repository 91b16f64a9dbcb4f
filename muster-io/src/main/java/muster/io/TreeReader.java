package muster.io;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import muster.model.Fault;
import muster.model.validate.Closest;

/**
 * Reads objects described by a {@link Schema} from a streaming parser, one object at a time, and
 * records a fault with the file line for every wrong type, bad enum, unknown or repeated field. The
 * faults carry no {@code where}; the caller names the place once the object is read.
 */
final class TreeReader {
    private final JsonParser p;
    private final List<Fault> sink;

    TreeReader(JsonParser p, List<Fault> sink) {
        this.p = p;
        this.sink = sink;
    }

    int line() {
        return p.currentTokenLocation().getLineNr();
    }

    /** Reads the object at the current START_OBJECT token, up to and including its END_OBJECT. */
    Item readObject(Schema schema, String path, boolean allowUnknown) throws IOException {
        Item item = new Item(path, line());
        JsonToken t;
        while ((t = p.nextToken()) != JsonToken.END_OBJECT) {
            if (t != JsonToken.FIELD_NAME) {
                throw new java.io.EOFException("the file ends inside an object");
            }
            String name = p.currentName();
            int fieldLine = line();
            p.nextToken();
            String fp = path.isEmpty() ? name : path + "." + name;
            Schema.Field f = schema.field(name);
            if (f == null) {
                if (!allowUnknown) {
                    fault(
                            fp,
                            name,
                            null,
                            "unknown field",
                            Closest.to(name, schema.names()),
                            fieldLine);
                    item.faulty = true;
                }
                p.skipChildren();
                continue;
            }
            if (item.lines.containsKey(name)) {
                fault(fp, name, null, "field given twice", null, fieldLine);
                item.faulty = true;
                p.skipChildren();
                continue;
            }
            item.lines.put(name, fieldLine);
            Object v = readValue(f, fp, allowUnknown);
            if (v == INVALID) {
                item.faulty = true;
            } else if (v != null) {
                item.values.put(name, v);
            } else {
                item.empty.add(name);
            }
        }
        return item;
    }

    static final Object INVALID = new Object();

    private JsonToken next() throws IOException {
        JsonToken t = p.nextToken();
        if (t == null) {
            throw new java.io.EOFException("the file ends inside a list");
        }
        return t;
    }

    /**
     * Whether the current token is a YAML alias ({@code *name}), after recording its fault: the
     * parser gives an alias as the anchor's name, not the value it stands for, so reading it would
     * take the name for the value.
     */
    private boolean alias(String fp, String name) throws IOException {
        if (p instanceof com.fasterxml.jackson.dataformat.yaml.YAMLParser y && y.isCurrentAlias()) {
            fault(
                    fp,
                    name,
                    "*" + p.getText(),
                    "a YAML alias, which muster does not expand: write the value out here",
                    null,
                    line());
            return true;
        }
        return false;
    }

    private Object readValue(Schema.Field f, String fp, boolean allowUnknown) throws IOException {
        JsonToken t = p.currentToken();
        if (t == JsonToken.VALUE_NULL) {
            return null;
        }
        if (alias(fp, f.name())) {
            return INVALID;
        }
        switch (f.kind()) {
            case STRING, INT, LONG, DOUBLE, ENUM:
                return scalar(f.kind(), f.enumType(), fp, f.name());
            case STRING_LIST, DOUBLE_LIST, ENUM_LIST:
                {
                    if (t != JsonToken.START_ARRAY) {
                        return wrongType(fp, f.name(), "a list");
                    }
                    Schema.Kind ek =
                            f.kind() == Schema.Kind.STRING_LIST
                                    ? Schema.Kind.STRING
                                    : f.kind() == Schema.Kind.DOUBLE_LIST
                                            ? Schema.Kind.DOUBLE
                                            : Schema.Kind.ENUM;
                    List<Object> out = new ArrayList<>();
                    boolean bad = false;
                    int k = 0;
                    while (next() != JsonToken.END_ARRAY) {
                        Object e;
                        if (p.currentToken() == JsonToken.VALUE_NULL) {
                            fault(
                                    fp + "[" + k + "]",
                                    f.name(),
                                    "null",
                                    "a list item is empty",
                                    null,
                                    line());
                            e = INVALID;
                        } else if (alias(fp + "[" + k + "]", f.name())) {
                            e = INVALID;
                        } else {
                            e = scalar(ek, f.enumType(), fp + "[" + k + "]", f.name());
                        }
                        if (e == INVALID) {
                            bad = true;
                        } else {
                            out.add(e);
                        }
                        k++;
                    }
                    return bad ? INVALID : out;
                }
            case OBJECT:
                if (t != JsonToken.START_OBJECT) {
                    return wrongType(fp, f.name(), "an object with fields " + f.nested().names());
                }
                {
                    Item it = readObject(f.nested(), fp, allowUnknown);
                    return it.faulty ? INVALID : it;
                }
            case OBJECT_LIST:
                {
                    if (t != JsonToken.START_ARRAY) {
                        return wrongType(fp, f.name(), "a list");
                    }
                    List<Item> out = new ArrayList<>();
                    boolean bad = false;
                    int k = 0;
                    while (next() != JsonToken.END_ARRAY) {
                        String ip = fp + "[" + k + "]";
                        if (alias(ip, f.name())) {
                            bad = true;
                        } else if (p.currentToken() != JsonToken.START_OBJECT) {
                            wrongType(ip, f.name(), "an object with fields " + f.nested().names());
                            bad = true;
                        } else {
                            Item it = readObject(f.nested(), ip, allowUnknown);
                            bad |= it.faulty;
                            out.add(it);
                        }
                        k++;
                    }
                    return bad ? INVALID : out;
                }
            default:
                throw new IllegalStateException(f.kind().toString());
        }
    }

    private Object scalar(
            Schema.Kind kind, Class<? extends Enum<?>> enumType, String fp, String name)
            throws IOException {
        JsonToken t = p.currentToken();
        if (t == JsonToken.START_ARRAY || t == JsonToken.START_OBJECT) {
            String what =
                    switch (kind) {
                        case INT, LONG -> "a whole number";
                        case DOUBLE -> "a number";
                        case ENUM -> "one of " + Schema.enumNames(enumType);
                        default -> "text";
                    };
            return wrongType(fp, name, what);
        }
        if (!t.isScalarValue()) {
            return wrongType(fp, name, "a value");
        }
        String text = p.getText();
        switch (kind) {
            case STRING:
                return text;
            case INT:
            case LONG:
                if (leadingZeroOf8Or9(t, text)) {
                    // 09 is 9: YAML reads it as text, as it is no octal number
                    if (NumberText.significantDigits(text) > 18
                            || (kind == Schema.Kind.INT
                                    && Long.parseLong(text) != (int) Long.parseLong(text))) {
                        fault(fp, name, text, "number too large", null, line());
                        return INVALID;
                    }
                    long v = Long.parseLong(text);
                    return kind == Schema.Kind.INT ? (Object) (int) v : (Object) v;
                }
                if (t != JsonToken.VALUE_NUMBER_INT) {
                    fault(fp, name, text, "expected a whole number", null, line());
                    return INVALID;
                }
                if (octal(fp, name, text)) {
                    return INVALID;
                }
                {
                    JsonParser.NumberType nt = p.getNumberType();
                    boolean fits =
                            nt == JsonParser.NumberType.INT
                                    || (kind == Schema.Kind.LONG
                                            && nt == JsonParser.NumberType.LONG);
                    if (!fits) {
                        fault(fp, name, text, "number too large", null, line());
                        return INVALID;
                    }
                    return kind == Schema.Kind.INT
                            ? (Object) p.getIntValue()
                            : (Object) p.getLongValue();
                }
            case DOUBLE:
                if (leadingZeroOf8Or9(t, text)) {
                    double v = Double.parseDouble(text);
                    if (Double.isInfinite(v)) {
                        fault(fp, name, text, "not a finite number", null, line());
                        return INVALID;
                    }
                    return v;
                }
                if (t != JsonToken.VALUE_NUMBER_INT && t != JsonToken.VALUE_NUMBER_FLOAT) {
                    fault(fp, name, text, "expected a number", null, line());
                    return INVALID;
                }
                if (t == JsonToken.VALUE_NUMBER_INT && octal(fp, name, text)) {
                    return INVALID;
                }
                try {
                    double v = p.getDoubleValue();
                    if (Double.isInfinite(v) || Double.isNaN(v)) {
                        fault(fp, name, text, "not a finite number", null, line());
                        return INVALID;
                    }
                    return v;
                } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                    // YAML's .nan and .inf are number tokens no double is read from: the field
                    // is named here rather than the whole document refused without it
                    fault(fp, name, text, "not a finite number", null, line());
                    return INVALID;
                }
            case ENUM:
                {
                    List<String> names = Schema.enumNames(enumType);
                    for (Enum<?> e : enumType.getEnumConstants()) {
                        if (e.name().equals(text)) {
                            return e;
                        }
                    }
                    fault(
                            fp,
                            name,
                            text,
                            "not one of " + String.join(", ", names),
                            Closest.to(text, names),
                            line());
                    return INVALID;
                }
            default:
                throw new IllegalStateException(kind.toString());
        }
    }

    /**
     * Whether the current token is a whole number with a leading 0 and an 8 or a 9 in a YAML file
     * ({@code 09}, {@code -018}): YAML reads it as text, as it is no octal number, where its digits
     * say one number alone, in decimal; catalogues and requirement files read it so, as a leading 0
     * that changes nothing ({@code 07}) is read. It was refused as no whole number.
     */
    private boolean leadingZeroOf8Or9(JsonToken t, String text) {
        return t == JsonToken.VALUE_STRING
                && p instanceof com.fasterxml.jackson.dataformat.yaml.YAMLParser
                && NumberText.isLeadingZeroOf8Or9(text)
                && plain(text);
    }

    /**
     * Whether the current scalar was written as it reads, without quotes: it then spans exactly its
     * text. A quoted {@code "09"} is text by the writer's choice, refused as {@code "12"} is.
     */
    private boolean plain(String text) {
        long from = p.currentTokenLocation().getCharOffset();
        long to = p.currentLocation().getCharOffset();
        return from >= 0 && to - from == text.length();
    }

    /**
     * Whether the current whole number is one YAML reads as octal against its decimal digits
     * ({@code 010} as 8), after recording its fault: taking it would change the value unseen.
     */
    private boolean octal(String fp, String name, String text) throws IOException {
        if (!(p instanceof com.fasterxml.jackson.dataformat.yaml.YAMLParser)
                || NumberText.yamlOctalMeant(text) == null) {
            return false;
        }
        fault(
                fp,
                name,
                text,
                NumberText.yamlOctalProblem(text, p.getNumberValue().toString()),
                NumberText.yamlOctalMeant(text),
                line());
        return true;
    }

    private Object wrongType(String fp, String name, String what) throws IOException {
        JsonToken t = p.currentToken();
        String found =
                t == JsonToken.START_ARRAY
                        ? "a list"
                        : t == JsonToken.START_OBJECT
                                ? "an object"
                                : "'" + Fault.shown(p.getText()) + "'";
        fault(
                fp,
                name,
                t.isScalarValue() ? p.getText() : null,
                "expected " + what + ", found " + found,
                null,
                line());
        p.skipChildren();
        return INVALID;
    }

    void fault(String path, String field, String value, String message, String hint, int line) {
        sink.add(new Fault(Fault.Severity.ERROR, path, null, field, value, message, hint, line));
    }
}
