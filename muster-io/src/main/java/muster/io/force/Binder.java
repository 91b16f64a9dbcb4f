package muster.io.force;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import muster.io.NumberText;
import muster.model.Fault;
import muster.model.validate.Closest;
import muster.model.validate.TextRule;

/**
 * Reads typed fields from a located tree, collecting one fault per bad field (naming file, line,
 * place, field and value) instead of stopping at the first.
 */
final class Binder {
    final LocatedDoc doc;
    final List<Fault> faults = new ArrayList<>();

    Binder(LocatedDoc doc) {
        this.doc = doc;
    }

    boolean hasErrors() {
        return faults.stream().anyMatch(Fault::isError);
    }

    int line(String path) {
        return doc.lineOf(path);
    }

    /**
     * Whether a list entry is a mapping of fields; if not (a number, text, list or null), names it
     * once with its value, rather than as a mapping with every field missing.
     */
    boolean mapping(JsonNode n, String path, String where, String fields) {
        if (n != null && n.isObject()) {
            return true;
        }
        String v =
                Fault.shown(
                        n == null || n.isNull()
                                ? "null"
                                : n.isValueNode() ? n.asText() : n.toString());
        error(path, where, null, v, "is '" + v + "', not a mapping of " + fields, null);
        return false;
    }

    void error(String path, String where, String field, String value, String msg, String hint) {
        String p = field == null ? path : (path.isEmpty() ? field : path + "." + field);
        faults.add(new Fault(Fault.Severity.ERROR, p, where, field, value, msg, hint, line(p)));
    }

    void warning(String path, String where, String field, String value, String msg) {
        String p = field == null ? path : (path.isEmpty() ? field : path + "." + field);
        faults.add(new Fault(Fault.Severity.WARNING, p, where, field, value, msg, null, line(p)));
    }

    /** Adds the file line to a fault found later (by the engine) from its path. */
    Fault locate(Fault f) {
        return f.line() > 0 ? f : f.withLine(line(f.path()));
    }

    void unknownFields(JsonNode obj, String path, String where, Set<String> known) {
        if (obj == null || !obj.isObject()) {
            return;
        }
        for (Iterator<String> it = obj.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!known.contains(f)) {
                String near = closest(f, known);
                error(
                        path,
                        where,
                        f,
                        obj.get(f).isValueNode() ? obj.get(f).asText() : null,
                        "unknown field",
                        near == null ? null : "'" + near + "'");
            }
        }
    }

    JsonNode child(JsonNode obj, String field) {
        JsonNode v = obj == null ? null : obj.get(field);
        return v == null || v.isNull() ? null : v;
    }

    /**
     * A list field: its array, or null when absent. A value of another kind (a number, a text, a
     * mapping) is a fault, not read as an empty list and its contents dropped.
     */
    JsonNode list(JsonNode obj, String path, String where, String field) {
        JsonNode v = child(obj, field);
        if (v == null || v.isArray()) {
            return v;
        }
        error(
                path,
                where,
                field,
                v.isValueNode() ? v.asText() : null,
                "must be a list" + (v.isObject() ? " (a mapping is one entry: put it in [ ])" : ""),
                null);
        return null;
    }

    /**
     * A text field: trimmed, with no control character, and closing each bidirectional control it
     * opens ({@link TextRule#openBidi}); null when absent or refused.
     */
    String str(JsonNode obj, String path, String where, String field, boolean required) {
        String s = text(obj, path, where, field, required);
        if (s == null) {
            return null;
        }
        TextRule.Problem p = TextRule.openBidi(s, "a text of a catalogue or requirement file");
        if (p != null) {
            error(path, where, field, s, p.message(), p.hint());
            return null;
        }
        return s;
    }

    /** A text field, trimmed, with no control character; null when absent or refused. */
    private String text(JsonNode obj, String path, String where, String field, boolean required) {
        JsonNode v = child(obj, field);
        if (v == null) {
            if (required) {
                error(path, where, field, null, "is missing", null);
            }
            return null;
        }
        if (!v.isValueNode()) {
            error(path, where, field, null, "must be a text value", null);
            return null;
        }
        String s = v.asText().trim();
        if (s.isEmpty() && required) {
            error(path, where, field, "", "must not be empty", null);
            return null;
        }
        if (!plain(path, where, field, s)) {
            return null;
        }
        return s.isEmpty() ? null : s;
    }

    /**
     * A text field that is an id, or names one (a UIC, a node, a requirement): as {@link #str}, and
     * an invisible format character in it is refused by the rule a scenario's ids keep.
     */
    String id(JsonNode obj, String path, String where, String field, boolean required) {
        String s = text(obj, path, where, field, required);
        return s != null && plainId(path, where, field, s) ? s : null;
    }

    /** As {@link #strings}, for a list of ids: one with an invisible character is refused. */
    List<String> ids(JsonNode obj, String path, String where, String field) {
        List<String> out = new ArrayList<>();
        for (String s : strings(obj, path, where, field)) {
            if (plainId(path, where, field, s)) {
                out.add(s);
            }
        }
        return out;
    }

    private boolean plainId(String path, String where, String field, String value) {
        TextRule.Problem p =
                TextRule.idCharacter(value, "an id of a catalogue or requirement file");
        if (p != null) {
            error(path, where, field, value, p.message(), p.hint());
        }
        return p == null;
    }

    /**
     * Whether a text holds no control character; if it does, names it at this file's line and field
     * by the rule a scenario's texts keep, rather than write it into the sourced scenario (which
     * the validator then refuses, naming the scenario) and print it to the terminal.
     */
    boolean plain(String path, String where, String field, String value) {
        TextRule.Problem p =
                TextRule.controlCharacter(value, "a text of a catalogue or requirement file");
        if (p != null) {
            error(path, where, field, value, p.message(), p.hint());
        }
        return p == null;
    }

    /** An integer at least {@code min}; {@code dflt} when absent and not required. */
    Integer integer(
            JsonNode obj,
            String path,
            String where,
            String field,
            boolean required,
            int min,
            Integer dflt) {
        JsonNode v = child(obj, field);
        if (v == null) {
            if (required) {
                error(path, where, field, null, "is missing", null);
            }
            return dflt;
        }
        // read at any size, so a number past a long is named as too large rather than wrapped
        // round (asLong) or thrown (parseLong) without its place
        BigInteger n;
        if (v.isIntegralNumber()) {
            n = v.bigIntegerValue();
        } else if (v.isTextual() && v.asText().trim().matches("-?\\d+")) {
            // a number past the parser's length limit comes as its text; one of more digits than
            // any long has is named from its digits, not read: BigInteger reads a text in time
            // growing with the square of its length, a minute for two million digits
            String t = v.asText().trim();
            if (NumberText.significantDigits(t) > 18) {
                error(
                        path,
                        where,
                        field,
                        t,
                        t.startsWith("-") ? "must be at least " + min : tooLarge(),
                        null);
                return dflt;
            }
            n = new BigInteger(t);
        } else {
            error(path, where, field, v.asText(), "must be a whole number", null);
            return dflt;
        }
        if (n.compareTo(BigInteger.valueOf(min)) < 0) {
            error(path, where, field, n.toString(), "must be at least " + min, null);
            return dflt;
        }
        if (n.compareTo(BigInteger.valueOf(Integer.MAX_VALUE)) > 0) {
            error(path, where, field, n.toString(), tooLarge(), null);
            return dflt;
        }
        return n.intValueExact();
    }

    private static String tooLarge() {
        return String.format(Locale.ROOT, "number too large (at most %,d)", Integer.MAX_VALUE);
    }

    /** A whole number from {@code min} to {@code max}; above it a fault naming the limit. */
    Integer integer(
            JsonNode obj,
            String path,
            String where,
            String field,
            boolean required,
            int min,
            int max,
            Integer dflt) {
        Integer n = integer(obj, path, where, field, required, min, dflt);
        if (n != null && n > max && child(obj, field) != null) {
            error(
                    path,
                    where,
                    field,
                    Integer.toString(n),
                    String.format(java.util.Locale.ROOT, "must be at most %,d", max),
                    null);
            return dflt;
        }
        return n;
    }

    /** A finite number from 0 to {@code max}; above it a fault naming the limit. */
    Double number(
            JsonNode obj,
            String path,
            String where,
            String field,
            boolean required,
            double max,
            double dflt) {
        Double d = number(obj, path, where, field, required, dflt);
        if (d != null && d > max && child(obj, field) != null) {
            error(
                    path,
                    where,
                    field,
                    child(obj, field).asText(),
                    String.format(java.util.Locale.ROOT, "must be at most %,.0f", max),
                    null);
            return dflt;
        }
        return d;
    }

    Double number(
            JsonNode obj, String path, String where, String field, boolean required, double dflt) {
        JsonNode v = child(obj, field);
        if (v == null) {
            if (required) {
                error(path, where, field, null, "is missing", null);
            }
            return dflt;
        }
        double d;
        if (v.isNumber()) {
            d = v.asDouble();
        } else {
            // '12f', '12d' and '0x1p3' are numbers to Java, not to whoever wrote the cell
            String t = v.asText().trim();
            if (!NumberText.isDecimal(t)) {
                error(path, where, field, v.asText(), "must be a number", null);
                return dflt;
            }
            d = Double.parseDouble(t);
        }
        if (!Double.isFinite(d) || d < 0) {
            error(path, where, field, v.asText(), "must be a finite number, 0 or more", null);
            return dflt;
        }
        return d;
    }

    <E extends Enum<E>> E enumValue(
            JsonNode obj,
            String path,
            String where,
            String field,
            boolean required,
            Class<E> type) {
        String s = str(obj, path, where, field, required);
        if (s == null) {
            return null;
        }
        String norm = s.toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
        for (E e : type.getEnumConstants()) {
            if (e.name().equals(norm)) {
                return e;
            }
        }
        List<String> names = Arrays.stream(type.getEnumConstants()).map(Enum::name).toList();
        String near = closest(norm, Set.copyOf(names));
        error(
                path,
                where,
                field,
                s,
                "is not one of " + names,
                near == null ? null : "'" + near + "'");
        return null;
    }

    LocalDate date(JsonNode obj, String path, String where, String field, boolean required) {
        String s = str(obj, path, where, field, required);
        if (s == null) {
            return null;
        }
        try {
            return LocalDate.parse(s);
        } catch (DateTimeParseException e) {
            error(path, where, field, s, "is not a date (yyyy-mm-dd)", null);
            return null;
        }
    }

    List<String> strings(JsonNode obj, String path, String where, String field) {
        JsonNode v = child(obj, field);
        if (v == null) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        if (v.isArray()) {
            for (JsonNode x : v) {
                if (x.isValueNode() && !x.asText().isBlank()) {
                    if (plain(path, where, field, x.asText().trim())) {
                        out.add(x.asText().trim());
                    }
                } else {
                    error(path, where, field, x.toString(), "must list text values", null);
                }
            }
        } else if (v.isValueNode()) {
            for (String part : v.asText().split("[;,]")) {
                if (!part.isBlank() && plain(path, where, field, part.trim())) {
                    out.add(part.trim());
                }
            }
        } else {
            error(path, where, field, null, "must be a list", null);
        }
        return out;
    }

    /** Near-miss spelling among the known names, by edit distance; null when none is close. */
    static String closest(String s, Set<String> known) {
        String best = null;
        int bestD = Integer.MAX_VALUE;
        for (String k : known) {
            int d = Closest.distance(s.toLowerCase(Locale.ROOT), k.toLowerCase(Locale.ROOT));
            if (d < bestD || (d == bestD && best != null && k.compareTo(best) < 0)) {
                bestD = d;
                best = k;
            }
        }
        return best != null && bestD <= Math.max(2, s.length() / 3) ? best : null;
    }
}
