package muster.io.report;

import java.util.Locale;

/** Escaping and number formatting for the report's HTML and SVG. */
final class Html {
    private Html() {}

    /** Escapes text for element content and double-quoted attribute values. */
    static String esc(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(s.length() + 8);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    /** A coordinate for SVG: one decimal, no trailing ".0". */
    static String px(double v) {
        long tenths = Math.round(v * 10);
        if (tenths % 10 == 0) {
            return Long.toString(tenths / 10);
        }
        return String.format(Locale.ROOT, "%.1f", tenths / 10.0);
    }

    /** A figure for people to read: thousands separated, at most {@code decimals} decimals. */
    static String num(double v, int decimals) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return "–";
        }
        String s = String.format(Locale.ROOT, "%,." + decimals + "f", v);
        if (decimals > 0 && s.indexOf('.') >= 0) {
            s = s.replaceAll("0+$", "").replaceAll("\\.$", "");
        }
        return s.equals("-0") ? "0" : s;
    }

    static String num(double v) {
        return num(v, 1);
    }

    static String integer(long v) {
        return String.format(Locale.ROOT, "%,d", v);
    }

    /** A count with its noun: "1 mission", "2 missions", "1,200 missions". */
    static String count(long n, String noun) {
        return integer(n) + " " + noun + (n == 1 ? "" : "s");
    }
}
