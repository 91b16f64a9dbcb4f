package muster.io;

import com.fasterxml.jackson.core.JacksonException;
import java.util.regex.Pattern;

/**
 * A JSON parser's complaint in words a reader of the file can use: its first line, with the
 * parser's own location notes ({@code [Source: REDACTED ...; line: 1, column: 1]}, which name a
 * parser setting rather than the file) cut down to the line and column they give.
 */
public final class JacksonText {
    private static final Pattern SOURCE =
            Pattern.compile("\\[Source: .*?; line: (\\d+), column: (\\d+)\\]");

    private JacksonText() {}

    /** The problem {@code e} reports, without the parser's location notes. */
    public static String problem(JacksonException e) {
        return clean(e.getOriginalMessage());
    }

    /** {@code message} with each parser location note replaced by its line and column. */
    static String clean(String message) {
        if (message == null) {
            return "unreadable input";
        }
        String first = message.strip();
        int nl = first.indexOf('\n');
        if (nl >= 0) {
            first = first.substring(0, nl).strip();
        }
        String t = SOURCE.matcher(first).replaceAll("line $1, column $2");
        return t.length() > 300 ? t.substring(0, 300) + "..." : t;
    }
}
