package muster.io;

import java.util.regex.Pattern;

/**
 * Which text muster reads as a number from a CSV cell or a text value: decimal digits, with an
 * optional sign, point and exponent, as a spreadsheet writes them. Java's own number reading also
 * takes {@code 12f} and {@code 12d} as 12 and {@code 0x1p3} as 8, which no spreadsheet means.
 */
public final class NumberText {
    private static final Pattern DECIMAL =
            Pattern.compile("[+-]?([0-9]+\\.?[0-9]*|\\.[0-9]+)([eE][+-]?[0-9]+)?");

    private NumberText() {}

    /** Whether {@code text} (already stripped of spaces) is a decimal number. */
    public static boolean isDecimal(String text) {
        return DECIMAL.matcher(text).matches();
    }
}
