package muster.io.csv;

import java.io.IOException;
import java.io.Writer;
import java.util.Locale;

/** RFC 4180 CSV output: comma separated, CRLF-free (LF lines), fields quoted when needed. */
final class Csv {
    private final Writer out;

    Csv(Writer out) {
        this.out = out;
    }

    void row(Object... fields) throws IOException {
        for (int i = 0; i < fields.length; i++) {
            if (i > 0) {
                out.write(',');
            }
            out.write(field(fields[i]));
        }
        out.write('\n');
    }

    static String field(Object v) {
        if (v == null) {
            return "";
        }
        String s;
        if (v instanceof Double d) {
            s = number(d);
        } else {
            s = v.toString();
        }
        boolean quote = false;
        for (int i = 0; i < s.length() && !quote; i++) {
            char c = s.charAt(i);
            quote = c == ',' || c == '"' || c == '\n' || c == '\r';
        }
        // A leading = + - @ would be read as a formula by spreadsheets, and so may one after
        // leading spaces, tabs or carriage returns, which some strip; quote and prefix it. A
        // number is written as a number, so -3.5 stays a figure a spreadsheet can add up.
        if (!(v instanceof Number) && FormulaCells.mayRun(s)) {
            s = "'" + s;
            quote = true;
        }
        return quote ? '"' + s.replace("\"", "\"\"") + '"' : s;
    }

    /** Up to 4 decimals, no trailing zeros, no exponent. */
    static String number(double d) {
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            return "";
        }
        String s = String.format(Locale.ROOT, "%.4f", d);
        s = s.replaceAll("0+$", "").replaceAll("\\.$", "");
        return s.equals("-0") ? "0" : s;
    }
}
