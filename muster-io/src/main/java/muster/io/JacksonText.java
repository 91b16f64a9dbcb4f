package muster.io;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
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

    /**
     * Where {@code e} happened in the file {@code p} read: the place {@code e} names, else, for a
     * size limit of the parser (lists and objects nested too deep, a number too long), which names
     * none, the token {@code p} was reading when it stopped; null when neither is known.
     */
    public static JsonLocation location(JacksonException e, JsonParser p) {
        JsonLocation loc = e.getLocation();
        if ((loc == null || loc.getLineNr() <= 0) && p != null) {
            loc = p.currentTokenLocation();
        }
        return loc == null || loc.getLineNr() <= 0 ? null : loc;
    }

    /**
     * The problem {@code e} reports, and where {@code e} names no place, the column and line where
     * {@code p} stopped ({@code Document nesting depth (1001) exceeds the maximum allowed (1000) at
     * column 1004 (line 3)}), as the fault's line alone would not find the bracket in a line of a
     * thousand.
     */
    public static String problem(JacksonException e, JsonParser p) {
        String problem = problem(e);
        JsonLocation own = e.getLocation();
        JsonLocation loc = location(e, p);
        if ((own == null || own.getLineNr() <= 0) && loc != null && loc.getColumnNr() > 0) {
            return problem + " at column " + loc.getColumnNr() + " (line " + loc.getLineNr() + ")";
        }
        return problem;
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
