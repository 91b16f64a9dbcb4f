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
                                + (i + 1)
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
