package muster.engine.check;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Collects violations; formats figures compactly. */
final class Violations {
    private final List<Violation> list = new ArrayList<>();

    void add(int rule, String mission, Integer stop, String uln, String message) {
        list.add(new Violation(rule, mission, stop, uln, message));
    }

    List<Violation> list() {
        return list;
    }

    /**
     * A number as text: whole numbers without decimals, others with up to 6; from 1e15 on in
     * exponent form ({@code 1.0E300}), where the decimals of an hour of 1e300 ran to 300 digits.
     */
    static String n(double x) {
        if (Double.isNaN(x) || Double.isInfinite(x) || Math.abs(x) >= 1e15) {
            return Double.toString(x);
        }
        if (x == Math.rint(x)) {
            return Long.toString((long) x);
        }
        String s = String.format(Locale.ROOT, "%.6f", x);
        s = s.replaceAll("0+$", "");
        return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
    }
}
