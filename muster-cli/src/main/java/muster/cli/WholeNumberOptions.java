package muster.cli;

import java.util.Locale;
import muster.io.NumberText;
import muster.model.Fault;
import picocli.CommandLine;
import picocli.CommandLine.TypeConversionException;

/**
 * How every whole-number option and parameter is read ({@code --seed}, {@code --iterations}, {@code
 * --lp-limit}, {@code --notice-hours}, {@code --port}): the digits 0 to 9 alone, after an optional
 * sign. picocli reads one with {@code Integer.valueOf}, which takes the digits of every script, so
 * {@code --seed ١٠} (Arabic-Indic) planned with seed 10 without a word.
 */
final class WholeNumberOptions {
    private WholeNumberOptions() {}

    /** Reads every int and long of {@code cl} and its subcommands by this rule. */
    static void register(CommandLine cl) {
        cl.registerConverter(
                Integer.class, v -> (int) read(v, Integer.MIN_VALUE, Integer.MAX_VALUE));
        cl.registerConverter(
                Integer.TYPE, v -> (int) read(v, Integer.MIN_VALUE, Integer.MAX_VALUE));
        cl.registerConverter(Long.class, v -> read(v, Long.MIN_VALUE, Long.MAX_VALUE));
        cl.registerConverter(Long.TYPE, v -> read(v, Long.MIN_VALUE, Long.MAX_VALUE));
    }

    /**
     * {@code text} as a whole number from {@code min} to {@code max}; otherwise refused naming it,
     * which picocli prefixes with the option ({@code Invalid value for option '--seed': ...}).
     */
    static long read(String text, long min, long max) {
        if (!NumberText.isWholeNumber(text)) {
            throw new TypeConversionException(
                    "'"
                            + Fault.shown(text)
                            + "' is not a whole number: write it with the digits 0 to 9");
        }
        long v;
        try {
            v = Long.parseLong(text);
        } catch (NumberFormatException e) {
            // the digits 0 to 9 alone, past a long
            throw outside(text, min, max);
        }
        if (v < min || v > max) {
            throw outside(text, min, max);
        }
        return v;
    }

    private static TypeConversionException outside(String text, long min, long max) {
        return new TypeConversionException(
                String.format(
                        Locale.ROOT,
                        "'%s' is not a whole number from %,d to %,d",
                        Fault.shown(text),
                        min,
                        max));
    }
}
