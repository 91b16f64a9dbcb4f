package muster.io;

import java.util.regex.Pattern;

/**
 * Which text muster reads as a number from a CSV cell or a text value: decimal digits, with an
 * optional sign, point and exponent, as a spreadsheet writes them. Java's own number reading also
 * takes {@code 12f} and {@code 12d} as 12 and {@code 0x1p3} as 8, which no spreadsheet means.
 */
public final class NumberText {
    /**
     * Possessive ({@code ++}, {@code *+}): each part takes what it can and never gives it back, as
     * no part can end where the next begins; a greedy {@code [0-9]+\.?[0-9]*} tried every split of
     * the digits before refusing a text such as 200,000 digits and a letter, which took minutes.
     */
    private static final Pattern DECIMAL =
            Pattern.compile("[+-]?+([0-9]++\\.?+[0-9]*+|\\.[0-9]++)([eE][+-]?+[0-9]++)?+");

    /**
     * A whole number that YAML reads as octal and whose value its digits do not give in decimal: a
     * leading 0 and a digit from 1 to 7 before the last ({@code 010} is 8, {@code 0300} is 192).
     * {@code 07} and {@code 00} are the same either way, and {@code 09} is no octal number.
     */
    private static final Pattern YAML_OCTAL = Pattern.compile("[+-]?0[0-7_]*[1-7]_*[0-7][0-7_]*");

    /**
     * A whole number with a leading 0 that YAML reads as text: an 8 or a 9 makes it no octal.
     * Possessive, as {@link #DECIMAL}: the digits before the first 8 or 9 are 0 to 7.
     */
    private static final Pattern LEADING_ZERO_OF_8_OR_9 = Pattern.compile("-?+0[0-7]*+[89][0-9]*+");

    private NumberText() {}

    /**
     * Whether {@code text} is a whole number with a leading 0 and an 8 or a 9 ({@code 09}, {@code
     * 0189}), which YAML reads as text, not as a number: it is no octal number, and no decimal one
     * by YAML's rule, which takes a leading 0 for octal. Its digits say one number, in decimal.
     */
    public static boolean isLeadingZeroOf8Or9(CharSequence text) {
        return LEADING_ZERO_OF_8_OR_9.matcher(text).matches();
    }

    /**
     * What a whole number written {@code text} in a YAML file means in decimal, when YAML reads it
     * as another (octal) number; null when the two agree. A value such as {@code 010} for a day or
     * a number of people is read as 8 without a word, where its writer meant 10.
     */
    public static String yamlOctalMeant(String text) {
        if (text == null || !YAML_OCTAL.matcher(text).matches()) {
            return null;
        }
        String digits = text.replace("_", "").replaceFirst("^([+-]?)0+", "$1");
        return digits.startsWith("+") ? digits.substring(1) : digits;
    }

    /**
     * The fault of a whole number that {@link #yamlOctalMeant} finds, read as {@code value}: what
     * the file says, what was read and how to write what was meant.
     */
    public static String yamlOctalProblem(String text, String value) {
        return "a whole number with a leading 0, which YAML reads as the octal number "
                + value
                + ", not "
                + yamlOctalMeant(text)
                + ": write it without the leading 0";
    }

    /**
     * Whether {@code text} (already stripped of spaces) is a whole number written with the digits 0
     * to 9 alone, after an optional sign. Java's own reading of a whole number ({@code
     * Integer.parseInt}, {@code Long.parseLong}) takes the digits of every script, so {@code ١٠}
     * (Arabic-Indic) or {@code １０} (full-width) read as 10; a reader checks the text here first.
     */
    public static boolean isWholeNumber(CharSequence text) {
        int i = text.length() > 0 && (text.charAt(0) == '-' || text.charAt(0) == '+') ? 1 : 0;
        if (i == text.length()) {
            return false;
        }
        for (; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    /** Whether {@code text} (already stripped of spaces) is a decimal number. */
    public static boolean isDecimal(CharSequence text) {
        return DECIMAL.matcher(text).matches();
    }

    /**
     * The digits of a whole number written {@code text} (digits after an optional sign), leaving
     * out leading zeros: {@code -007} has 1. A number of more than 18 is past any long, which a
     * reader can say without reading the number.
     */
    public static int significantDigits(CharSequence text) {
        int i = text.length() > 0 && (text.charAt(0) == '-' || text.charAt(0) == '+') ? 1 : 0;
        while (i < text.length() && text.charAt(i) == '0') {
            i++;
        }
        return text.length() - i;
    }
}
