package muster.io.csv;

/** Which text cells a spreadsheet may run as a formula, for the CSVs muster writes. */
public final class FormulaCells {
    private FormulaCells() {}

    /**
     * Whether a spreadsheet may run {@code s} as a formula: it begins with a tab or carriage
     * return, or with = + - or @ after any blanks (spaces, tabs, no-break spaces).
     */
    public static boolean mayRun(String s) {
        if (!s.isEmpty() && (s.charAt(0) == '\t' || s.charAt(0) == '\r')) {
            return true;
        }
        int k = 0;
        while (k < s.length()
                && (Character.isWhitespace(s.charAt(k)) || Character.isSpaceChar(s.charAt(k)))) {
            k++;
        }
        return k < s.length() && "=+-@".indexOf(s.charAt(k)) >= 0;
    }
}
