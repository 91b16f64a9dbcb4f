package muster.model;

/**
 * One thing wrong with an input. Its {@code where} and {@code value} are kept as {@link
 * #shown(String)} gives them, with each control character written as an escape and cut to a
 * readable length, so that a fault of a text that holds a line break or a terminal's escape
 * sequence is one line and prints as it reads, and one of a huge value is a line of text.
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
        String named = shown(field);
        if (named != null && !named.equals(field)) {
            // a field the file names (an unknown one) is shown so too, and so in its path
            if (path != null && path.endsWith(field)) {
                path = path.substring(0, path.length() - field.length()) + named;
            }
            field = named;
        }
    }

    /**
     * The most characters of a value or place a fault shows, as the orders commands show theirs: a
     * number of two million digits, or a text of megabytes, given for a field made a refusal of
     * megabytes.
     */
    public static final int SHOWN_CHARS = 60;

    /**
     * {@code text} as a fault shows it: each control character (U+0000 to U+001F, U+007F and U+0080
     * to U+009F) and each invisible format character of Unicode's category Cf (a zero-width space,
     * a bidirectional control) written as a backslash, {@code u} and its code in four hex digits
     * (U+001B as {@code \\u001B}), and cut after its first {@link #SHOWN_CHARS} characters so
     * written, with "..." after it, where it is longer; an escape or a letter written with two
     * chars is not cut in two. null stays null. Showing a text twice gives what showing it once
     * gives.
     */
    public static String shown(String text) {
        if (text == null) {
            return null;
        }
        StringBuilder b = new StringBuilder(Math.min(text.length(), SHOWN_CHARS + 6));
        int i = 0;
        while (i < text.length() && b.length() < SHOWN_CHARS) {
            char c = text.charAt(i);
            int unit = 1;
            if (Character.getType(c) == Character.CONTROL
                    || Character.getType(c) == Character.FORMAT) {
                // a format character prints as nothing, or reorders the rest of the line
                b.append(String.format(java.util.Locale.ROOT, "\\u%04X", (int) c));
            } else {
                if (isEscape(text, i)) {
                    unit = 6;
                } else if (Character.isHighSurrogate(c)
                        && i + 1 < text.length()
                        && Character.isLowSurrogate(text.charAt(i + 1))) {
                    unit = 2;
                }
                b.append(text, i, i + unit);
            }
            i += unit;
        }
        return i < text.length() ? b + "..." : b.toString();
    }

    /** Whether {@code s} holds a backslash, {@code u} and four hex digits at {@code i}. */
    private static boolean isEscape(String s, int i) {
        if (i + 6 > s.length() || s.charAt(i) != '\\' || s.charAt(i + 1) != 'u') {
            return false;
        }
        for (int k = i + 2; k < i + 6; k++) {
            if ("0123456789ABCDEFabcdef".indexOf(s.charAt(k)) < 0) {
                return false;
            }
        }
        return true;
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
