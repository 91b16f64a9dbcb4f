package muster.model;

/**
 * One thing wrong with an input. Its {@code where} and {@code value} are kept as {@link
 * #shown(String)} gives them, with each control character written as an escape, so that a fault of
 * a text that holds a line break or a terminal's escape sequence is one line and prints as it
 * reads.
 *
 * @param severity ERROR refuses the input; WARNING does not
 * @param path where in the document, e.g. {@code requirements[12].poe}
 * @param where the human name of the place, e.g. {@code requirement A82AB01}
 * @param field the field at fault, or null when the fault concerns the whole place
 * @param value the offending value as text (may be empty), or null when there is none
 * @param message what is wrong
 * @param hint a likely fix, or null
 * @param line 1-based line in the source file, or 0 when unknown
 */
public record Fault(
        Severity severity,
        String path,
        String where,
        String field,
        String value,
        String message,
        String hint,
        int line) {
    public enum Severity {
        ERROR,
        WARNING
    }

    public Fault {
        where = shown(where);
        value = shown(value);
    }

    /**
     * {@code text} as a fault shows it: each control character (U+0000 to U+001F, U+007F and U+0080
     * to U+009F) written as a backslash, {@code u} and its code in four hex digits (U+001B as
     * {@code \\u001B}); null stays null. Showing a text twice gives what showing it once gives.
     */
    public static String shown(String text) {
        if (text == null) {
            return null;
        }
        StringBuilder b = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.getType(c) == Character.CONTROL) {
                if (b == null) {
                    b = new StringBuilder(text.length() + 8).append(text, 0, i);
                }
                b.append(String.format(java.util.Locale.ROOT, "\\u%04X", (int) c));
            } else if (b != null) {
                b.append(c);
            }
        }
        return b == null ? text : b.toString();
    }

    /** A fault whose file line is not (yet) known. */
    public Fault(
            Severity severity,
            String path,
            String where,
            String field,
            String value,
            String message,
            String hint) {
        this(severity, path, where, field, value, message, hint, 0);
    }

    public static Fault error(
            String path, String where, String field, String value, String message, String hint) {
        return new Fault(Severity.ERROR, path, where, field, value, message, hint, 0);
    }

    public static Fault warning(
            String path, String where, String field, String value, String message, String hint) {
        return new Fault(Severity.WARNING, path, where, field, value, message, hint, 0);
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    public Fault withLine(int newLine) {
        return new Fault(severity, path, where, field, value, message, hint, newLine);
    }

    /** The path of the place, without the trailing field: {@code requirements[12]}. */
    public String placePath() {
        if (path == null || path.equals(field)) {
            return "";
        }
        if (field != null && path.endsWith("." + field)) {
            return path.substring(0, path.length() - field.length() - 1);
        }
        return path;
    }

    /** As {@link #describe(String)} without a source name. */
    public String describe() {
        return describe(null);
    }

    /**
     * One line, {@code error: source:line: where (path): field 'f' = 'v': message}, and a second
     * line {@code Maybe ...} when hinted.
     */
    public String describe(String source) {
        StringBuilder b = new StringBuilder();
        b.append(severity == Severity.WARNING ? "warning: " : "error: ");
        if (source != null) {
            b.append(source);
            if (line > 0) {
                b.append(':').append(line);
            }
            b.append(": ");
        } else if (line > 0) {
            b.append("line ").append(line).append(": ");
        }
        b.append(where);
        String place = placePath();
        if (!place.isEmpty() && !place.equals(where)) {
            b.append(" (").append(place).append(')');
        }
        b.append(": ");
        if (field != null) {
            b.append("field '").append(field).append('\'');
            if (value != null) {
                b.append(" = '").append(value).append('\'');
            }
            b.append(": ");
        }
        b.append(message);
        if (hint != null) {
            b.append(System.lineSeparator()).append("  Maybe ").append(hint);
        }
        return b.toString();
    }
}
