package muster.io;

import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;

/** Strict UTF-8 validation that names the byte offset and line of the first bad byte. */
public final class Utf8Check {
    private Utf8Check() {}

    /** The first fault in the stream as text, or null when it is valid UTF-8. */
    public static String firstFault(InputStream in) throws IOException {
        byte[] buf = new byte[1 << 16];
        long offset = 0;
        long line = 1;
        int need = 0; // continuation bytes still expected
        int lo = 0x80; // allowed range of the next continuation byte
        int hi = 0xBF;
        long seqStart = 0;
        int n;
        while ((n = in.read(buf)) > 0) {
            for (int i = 0; i < n; i++, offset++) {
                int b = buf[i] & 0xFF;
                if (need > 0) {
                    if (b < lo || b > hi) {
                        return describe(
                                offset,
                                line,
                                buf[i],
                                "not a valid continuation of a multi-byte sequence");
                    }
                    lo = 0x80;
                    hi = 0xBF;
                    need--;
                    continue;
                }
                seqStart = offset;
                if (b < 0x80) {
                    if (b == '\n') {
                        line++;
                    }
                } else if (b >= 0xC2 && b <= 0xDF) {
                    need = 1;
                } else if (b >= 0xE0 && b <= 0xEF) {
                    need = 2;
                    lo = b == 0xE0 ? 0xA0 : 0x80;
                    hi = b == 0xED ? 0x9F : 0xBF;
                } else if (b >= 0xF0 && b <= 0xF4) {
                    need = 3;
                    lo = b == 0xF0 ? 0x90 : 0x80;
                    hi = b == 0xF4 ? 0x8F : 0xBF;
                } else {
                    return describe(offset, line, buf[i], "a byte that cannot start a character");
                }
            }
        }
        if (need > 0) {
            return String.format(
                    Locale.ROOT,
                    "not valid UTF-8: the file ends inside a multi-byte sequence that starts at byte"
                            + " offset %d (line %d)",
                    seqStart,
                    line);
        }
        return null;
    }

    /**
     * Where the first character {@code codePoint} is in a valid UTF-8 stream, as text that {@link
     * #lineOf} reads the line from: a YAML parser refuses a control character (a NUL, an escape)
     * naming neither its place nor the character, and this names both. Null when it is not there.
     */
    public static String placeOf(InputStream in, int codePoint) throws IOException {
        java.io.Reader r =
                new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8);
        long line = 1;
        long column = 1;
        int c;
        while ((c = r.read()) >= 0) {
            int cp = c;
            if (Character.isHighSurrogate((char) c)) {
                int low = r.read();
                cp = low < 0 ? c : Character.toCodePoint((char) c, (char) low);
            }
            if (cp == codePoint) {
                return String.format(
                        Locale.ROOT,
                        "the character U+%04X, which a YAML file may not hold, at column %d (line"
                                + " %d): remove it",
                        codePoint,
                        column,
                        line);
            }
            if (cp == '\n') {
                line++;
                column = 1;
            } else {
                column++;
            }
        }
        return null;
    }

    /** The line of the first bad byte, parsed back out of a fault text; 0 when absent. */
    public static int lineOf(String fault) {
        int i = fault.lastIndexOf("(line ");
        if (i < 0) {
            return 0;
        }
        int j = fault.indexOf(')', i);
        try {
            return (int) Math.min(Integer.MAX_VALUE, Long.parseLong(fault.substring(i + 6, j)));
        } catch (RuntimeException e) {
            return 0;
        }
    }

    private static String describe(long offset, long line, byte b, String what) {
        return String.format(
                Locale.ROOT,
                "not valid UTF-8: byte 0x%02X at byte offset %d is %s (line %d)",
                b & 0xFF,
                offset,
                what,
                line);
    }
}
