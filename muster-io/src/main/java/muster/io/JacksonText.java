package muster.io;

import com.fasterxml.jackson.core.JacksonException;
import java.util.regex.Pattern;

/**
 * A JSON parser's complaint in words a reader of the file can use: its first line, with the
 * parser's own location notes ({@code [Source: REDACTED ...; line: 1, column: 1]}, which name a
 * parser setting rather than the file) cut down to the line and column they give, and the name of
 * the parser setting a size limit comes from left out.
 */
public final class JacksonText {
    private static final Pattern SOURCE =
            Pattern.compile("\\[Source: .*?; line: (\\d+), column: (\\d+)\\]");

    /**
     * The parser's note on which of its settings a size limit comes from ({@code (1000, from
     * `StreamReadConstraints.getMaxNestingDepth()`)}), which names no part of the file.
     */
    private static final Pattern LIMIT_SETTING = Pattern.compile(", from `[^`]*`\\)");

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
        t = LIMIT_SETTING.matcher(t).replaceAll(")");
        return t.length() > 300 ? t.substring(0, 300) + "..." : t;
    }
}
