package muster.model.validate;

import java.util.Locale;
import muster.model.Fault;

/**
 * The rule every text of muster's inputs keeps, in scenarios, catalogues and requirement files
 * alike, so that each reader refuses by the same rule and in the same words: no control character
 * (U+0000 to U+001F, the tab and the line breaks among them, U+007F and U+0080 to U+009F). Ids and
 * names are one line each, printed in the columns of the plan's CSV files, its report and the
 * terminal, where a NUL cannot be stored by the server's database, a line break starts a row of its
 * own and an escape sequence recolours or clears the terminal. A text holding one is written with
 * an escape in YAML or JSON (a backslash, {@code u0000}) or comes from a CSV cell.
 */
public final class TextRule {
    private TextRule() {}

    /** What is wrong with a text, and how to mend it. */
    public record Problem(String message, String hint) {}

    /**
     * The first control character in {@code value}, named with its code and place, as a fault's
     * message and hint; null when it holds none (null holds none).
     *
     * @param what what the text is, for the message: {@code an id or a name of a scenario}
     */
    public static Problem controlCharacter(String value, String what) {
        if (value == null) {
            return null;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.getType(c) == Character.CONTROL) {
                return new Problem(
                        "holds "
                                + controlName(c)
                                + " ("
                                + String.format(Locale.ROOT, "U+%04X", (int) c)
                                + ") at character "
                                + value.codePointCount(0, i + 1)
                                + ": "
                                + what
                                + " is one line with no control character",
                        "remove it (in a quoted YAML or JSON text it is written as an escape,"
                                + " such as "
                                + Fault.shown(String.valueOf(c))
                                + ")");
            }
        }
        return null;
    }

    /**
     * The first invisible format character in an id, named with its code and place; null when it
     * holds none (null holds none). An id is matched character by character, and such a character
     * prints as nothing: a ULN {@code U1<U+200B>A} beside {@code U1A}, or a UIC in {@code
     * excludeUnits} written with one, is another id that prints the same, so a duplicate passed and
     * a reference matched nothing. That is any character of Unicode's category Cf: the zero-width
     * characters (U+200B to U+200D, U+2060, U+FEFF), the bidirectional controls (U+202A to U+202E,
     * U+2066 to U+2069, U+200E, U+200F, U+061C), which also reorder what follows on the line, the
     * soft hyphen, the language tag (U+E0001) and the tag characters (U+E0020 to U+E007F) outside
     * the BMP and the like. Its place is counted in characters (code points), a letter outside the
     * BMP one. A name is not held to it: a name in Arabic or Hebrew may need a bidirectional mark,
     * one in Persian or an Indic script a zero-width joiner, and a name is shown, not matched.
     *
     * @param what what the text is, for the message: {@code an id of a scenario}
     */
    public static Problem idCharacter(String value, String what) {
        if (value == null) {
            return null;
        }
        for (int i = 0; i < value.length(); ) {
            int c = value.codePointAt(i);
            if (Character.getType(c) == Character.FORMAT) {
                return new Problem(
                        "holds "
                                + formatName(c)
                                + " ("
                                + String.format(Locale.ROOT, "U+%04X", c)
                                + ") at character "
                                + value.codePointCount(0, i + 1)
                                + ": "
                                + what
                                + " holds no invisible character, which would make it another id"
                                + " that prints the same",
                        "remove it (it may come from text copied out of a document or a web"
                                + " page)");
            }
            i += Character.charCount(c);
        }
        return null;
    }

    /**
     * The first bidirectional embedding, override or isolate that a text opens and does not close,
     * named with its code and place; null when it leaves none open (null leaves none). Such a
     * control reorders what follows it until the end of the line, and so the columns, words and
     * figures shown after a name, on a terminal's line or in a sentence of a report, where another
     * nation reads them: a unit named {@code Alpha<U+202E>} made the rest of its line read
     * backwards. One closed within the text (a {@code U+202C} after an embedding or override, a
     * {@code U+2069} after an isolate) reorders the text itself alone, which a name in Arabic or
     * Hebrew beside Latin letters may need, and the marks (U+200E, U+200F, U+061C) open nothing.
     * Where a text runs over lines (a note), each line is a paragraph of its own and must close
     * what it opens.
     *
     * @param what what the text is, for the message: {@code a name of a scenario}
     */
    public static Problem openBidi(String value, String what) {
        if (value == null) {
            return null;
        }
        // the open controls, innermost last, as indexes into the text
        java.util.ArrayDeque<Integer> open = new java.util.ArrayDeque<>();
        for (int i = 0; i <= value.length(); i++) {
            char c = i < value.length() ? value.charAt(i) : '\n';
            if (c == '\n' || c == '\r' || c == '\u2029' || c == '\u0085') {
                if (!open.isEmpty()) {
                    int at = open.peekFirst();
                    int code = value.charAt(at);
                    return new Problem(
                            "holds "
                                    + bidiName(code)
                                    + " ("
                                    + String.format(Locale.ROOT, "U+%04X", code)
                                    + ") at character "
                                    + value.codePointCount(0, at + 1)
                                    + " that is not closed before the end of its line: "
                                    + what
                                    + " closes each bidirectional control it opens, which would"
                                    + " otherwise reorder what is shown after it",
                            "close it within the text ("
                                    + (isIsolate(code)
                                            ? "U+2069, pop directional isolate"
                                            : "U+202C, pop directional formatting")
                                    + ") or remove it");
                }
                continue;
            }
            switch (c) {
                case '\u202A', '\u202B', '\u202D', '\u202E', '\u2066', '\u2067', '\u2068' ->
                        open.addLast(i);
                case '\u202C' -> {
                    // closes the innermost embedding or override, not past an isolate
                    if (!open.isEmpty() && !isIsolate(value.charAt(open.peekLast()))) {
                        open.removeLast();
                    }
                }
                case '\u2069' -> {
                    // closes the innermost isolate and whatever was opened inside it
                    boolean isolated = false;
                    for (int o : open) {
                        isolated |= isIsolate(value.charAt(o));
                    }
                    while (isolated && !open.isEmpty()) {
                        if (isIsolate(value.charAt(open.removeLast()))) {
                            break;
                        }
                    }
                }
                default -> {}
            }
        }
        return null;
    }

    private static boolean isIsolate(int c) {
        return c == 0x2066 || c == 0x2067 || c == 0x2068;
    }

    private static String bidiName(int c) {
        return switch (c) {
            case 0x202A, 0x202B -> "a bidirectional embedding";
            case 0x202D, 0x202E -> "a bidirectional override";
            default -> "a bidirectional isolate";
        };
    }

    private static String formatName(int c) {
        return switch (c) {
            case 0x200B -> "a zero-width space";
            case 0x200C -> "a zero-width non-joiner";
            case 0x200D -> "a zero-width joiner";
            case 0x2060 -> "a word joiner";
            case 0xFEFF -> "a zero-width no-break space (a byte order mark)";
            case 0x00AD -> "a soft hyphen";
            case 0x061C,
                    0x200E,
                    0x200F,
                    0x202A,
                    0x202B,
                    0x202C,
                    0x202D,
                    0x202E,
                    0x2066,
                    0x2067,
                    0x2068,
                    0x2069 ->
                    "a bidirectional control";
            default -> "an invisible format character";
        };
    }

    private static String controlName(char c) {
        return switch (c) {
            case '\0' -> "a NUL character";
            case '\t' -> "a tab";
            case '\n', '\r' -> "a line break";
            case '\033' -> "an escape";
            default -> "a control character";
        };
    }
}
