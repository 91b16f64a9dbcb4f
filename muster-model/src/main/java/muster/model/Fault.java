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
     * to U+009F), each invisible format character of Unicode's category Cf (a zero-width space, a
     * bidirectional control, a language tag U+E0001 and the tag characters U+E0020 to U+E007F) and
     * each surrogate that stands alone written as a backslash, {@code u} and its code in four hex
     * digits (U+001B as {@code \\u001B}), one outside the BMP as the two escapes of its surrogate
     * pair, as JSON writes it (U+E0001 as {@code \\uDB40\\uDC01}); and cut after its first {@link
     * #SHOWN_CHARS} characters (code points) so written, with "..." after it, where it is longer.
     * The text is read by code points, so that neither a letter outside the BMP nor an escape is
     * cut in two. null stays null. Showing a text twice gives what showing it once gives.
     */
    public static String shown(String text) {
        if (text == null) {
            return null;
        }
        StringBuilder b = new StringBuilder(Math.min(text.length(), SHOWN_CHARS + 16));
        int i = 0;
        int written = 0;
        while (i < text.length() && written < SHOWN_CHARS) {
            int c = text.codePointAt(i);
            int unit = Character.charCount(c);
            if (unprintable(c)) {
                b.append(escape(c));
                written += 6 * unit;
            } else {
                int escape = escapeLength(text, i);
                if (escape > 0) {
                    unit = escape;
                }
                b.append(text, i, i + unit);
                written += escape > 0 ? escape : 1;
            }
            i += unit;
        }
        return i < text.length() ? b + "..." : b.toString();
    }

    /**
     * Whether {@link #shown} writes code point {@code c} as an escape: a control character, an
     * invisible format character (category Cf) or a surrogate that stands alone. A format character
     * prints as nothing, or reorders the rest of the line; a surrogate alone prints as a question
     * mark, or not at all.
     */
    public static boolean unprintable(int c) {
        int type = Character.getType(c);
        return type == Character.CONTROL || type == Character.FORMAT || type == Character.SURROGATE;
    }

    /**
     * The escape {@link #shown} writes for code point {@code c}: a backslash, {@code u} and four
     * hex digits for each of its UTF-16 units.
     */
    public static String escape(int c) {
        StringBuilder b = new StringBuilder(12);
        for (char u : Character.toChars(c)) {
            b.append(String.format(java.util.Locale.ROOT, "\\u%04X", (int) u));
        }
        return b.toString();
    }

    /**
     * How many chars of {@code s} at {@code i} are one escape as {@link #shown} writes it: 6 for a
     * backslash, {@code u} and four hex digits, 12 for two that are a surrogate pair; 0 for none.
     */
    private static int escapeLength(String s, int i) {
        int first = escapeAt(s, i);
        if (first < 0) {
            return 0;
        }
        int second = escapeAt(s, i + 6);
        return Character.isHighSurrogate((char) first)
                        && second >= 0
                        && Character.isLowSurrogate((char) second)
                ? 12
                : 6;
    }

    /**
     * The code a backslash, {@code u} and four hex digits at {@code i} of {@code s} write, or -1
     * when there is none.
     */
    private static int escapeAt(String s, int i) {
        if (i + 6 > s.length() || s.charAt(i) != '\\' || s.charAt(i + 1) != 'u') {
            return -1;
        }
        int code = 0;
        for (int k = i + 2; k < i + 6; k++) {
            int d = "0123456789ABCDEFabcdef".indexOf(s.charAt(k));
            if (d < 0) {
                return -1;
            }
            code = code * 16 + (d < 16 ? d : d - 6);
        }
        return code;
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
