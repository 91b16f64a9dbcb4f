package muster.io.report;

import java.util.Locale;

/** Small server-side SVG charts: no script, no library, printable. */
final class Charts {
    private Charts() {}

    /** A "nice" tick step (1, 2 or 5 times a power of ten) giving at most {@code ticks} steps. */
    static double niceStep(double max, int ticks) {
        if (!(max > 0)) {
            return 1;
        }
        double raw = max / ticks;
        double p = Math.pow(10, Math.floor(Math.log10(raw)));
        for (double m : new double[] {1, 2, 5, 10}) {
            if (m * p >= raw - 1e-9 * raw) {
                return m * p;
            }
        }
        return 10 * p;
    }

    /**
     * Cumulative delivered against required by day, as an SVG of {@code width × height}.
     *
     * @param closureDay day to mark with a rule, or -1
     */
    static String closureChart(
            String title,
            String unit,
            double[] delivered,
            double[] required,
            int closureDay,
            int width,
            int height) {
        int days = delivered.length;
        double left = 64;
        double right = 16;
        double top = 30;
        double bottom = 38;
        double pw = width - left - right;
        double ph = height - top - bottom;
        double max = 0;
        for (int d = 0; d < days; d++) {
            max = Math.max(max, Math.max(delivered[d], required[d]));
        }
        double ystep = niceStep(max, 5);
        int yticks = max > 0 ? (int) Math.ceil(max / ystep - 1e-9) : 1;
        double ymax = ystep * Math.max(1, yticks);
        // Day d's figure holds at the end of day d, i.e. at x = d + 1.
        java.util.function.DoubleUnaryOperator x = d -> left + d / days * pw;
        java.util.function.DoubleUnaryOperator y = v -> top + ph - v / ymax * ph;
        StringBuilder b = new StringBuilder();
        b.append("<svg class=\"chart closure\" viewBox=\"0 0 ")
                .append(width)
                .append(' ')
                .append(height)
                .append("\" width=\"")
                .append(width)
                .append("\" height=\"")
                .append(height)
                .append("\" role=\"img\" aria-label=\"")
                .append(Html.esc(title))
                .append("\">");
        b.append("<text x=\"")
                .append(Html.px(left))
                .append("\" y=\"18\" class=\"ct\">")
                .append(Html.esc(title))
                .append("</text>");
        // Grid and y labels.
        for (int i = 0; i <= Math.max(1, yticks); i++) {
            double v = ystep * i;
            double yy = y.applyAsDouble(v);
            b.append("<line class=\"grid\" x1=\"")
                    .append(Html.px(left))
                    .append("\" x2=\"")
                    .append(Html.px(left + pw))
                    .append("\" y1=\"")
                    .append(Html.px(yy))
                    .append("\" y2=\"")
                    .append(Html.px(yy))
                    .append("\"/>");
            b.append("<text class=\"yl\" x=\"")
                    .append(Html.px(left - 6))
                    .append("\" y=\"")
                    .append(Html.px(yy + 4))
                    .append("\">")
                    .append(Html.num(v, 0))
                    .append("</text>");
        }
        int step = days <= 15 ? 1 : days <= 40 ? 5 : days <= 100 ? 10 : 30;
        for (int d = 0; d <= days; d += step) {
            double xx = x.applyAsDouble(d);
            b.append("<line class=\"tick\" x1=\"")
                    .append(Html.px(xx))
                    .append("\" x2=\"")
                    .append(Html.px(xx))
                    .append("\" y1=\"")
                    .append(Html.px(top + ph))
                    .append("\" y2=\"")
                    .append(Html.px(top + ph + 4))
                    .append("\"/><text class=\"xl\" x=\"")
                    .append(Html.px(xx))
                    .append("\" y=\"")
                    .append(Html.px(top + ph + 16))
                    .append("\">")
                    .append(d)
                    .append("</text>");
        }
        b.append("<text class=\"xl\" x=\"")
                .append(Html.px(left + pw / 2))
                .append("\" y=\"")
                .append(Html.px(height - 4))
                .append("\">day (C+)</text>");
        if (closureDay >= 0 && closureDay < days) {
            double xx = x.applyAsDouble(closureDay + 1);
            b.append("<line class=\"closure-rule\" x1=\"")
                    .append(Html.px(xx))
                    .append("\" x2=\"")
                    .append(Html.px(xx))
                    .append("\" y1=\"")
                    .append(Html.px(top))
                    .append("\" y2=\"")
                    .append(Html.px(top + ph))
                    .append("\"><title>closure day C+")
                    .append(closureDay)
                    .append("</title></line>");
        }
        // Delivered as a filled step area, required as a dashed step line.
        StringBuilder area = new StringBuilder();
        area.append('M').append(Html.px(x.applyAsDouble(0))).append(',');
        area.append(Html.px(y.applyAsDouble(0)));
        StringBuilder line = new StringBuilder();
        StringBuilder req = new StringBuilder();
        double prevR = 0;
        line.append('M')
                .append(Html.px(x.applyAsDouble(0)))
                .append(',')
                .append(Html.px(y.applyAsDouble(0)));
        req.append('M')
                .append(Html.px(x.applyAsDouble(0)))
                .append(',')
                .append(Html.px(y.applyAsDouble(0)));
        for (int d = 0; d < days; d++) {
            String xe = Html.px(x.applyAsDouble(d + 1));
            // The day's deliveries are shown as arriving across the day, and what is due by a
            // day's RDD at its end, where they are counted: a load that arrives on its RDD is
            // never drawn under the dashed line, which stands for load arriving late.
            String yd = Html.px(y.applyAsDouble(delivered[d]));
            line.append('L').append(xe).append(',').append(yd);
            area.append('L').append(xe).append(',').append(yd);
            if (required[d] != prevR) {
                req.append('L')
                        .append(xe)
                        .append(',')
                        .append(Html.px(y.applyAsDouble(prevR)))
                        .append('L')
                        .append(xe)
                        .append(',')
                        .append(Html.px(y.applyAsDouble(required[d])));
            }
            prevR = required[d];
        }
        req.append('L')
                .append(Html.px(x.applyAsDouble(days)))
                .append(',')
                .append(Html.px(y.applyAsDouble(prevR)));
        area.append('L')
                .append(Html.px(x.applyAsDouble(days)))
                .append(',')
                .append(Html.px(y.applyAsDouble(0)))
                .append('Z');
        b.append("<path class=\"delivered-area\" d=\"").append(area).append("\"/>");
        b.append("<path class=\"required\" d=\"").append(req).append("\"/>");
        b.append("<path class=\"delivered\" d=\"").append(line).append("\"/>");
        // Invisible day columns carry the figures as tooltips.
        for (int d = 0; d < days; d++) {
            b.append("<rect class=\"hit\" x=\"")
                    .append(Html.px(x.applyAsDouble(d)))
                    .append("\" y=\"")
                    .append(Html.px(top))
                    .append("\" width=\"")
                    .append(Html.px(pw / days))
                    .append("\" height=\"")
                    .append(Html.px(ph))
                    .append("\"><title>")
                    .append(
                            String.format(
                                    Locale.ROOT,
                                    "end of C+%d: %s %s at destination, %s required by then",
                                    d,
                                    Html.num(delivered[d]),
                                    unit,
                                    Html.num(required[d])))
                    .append("</title></rect>");
        }
        // Top left: cumulative curves start low, so the corner is free.
        double ly = top + 10;
        double lx = left + 16;
        b.append("<rect class=\"legend-bg\" x=\"")
                .append(Html.px(lx - 8))
                .append("\" y=\"")
                .append(Html.px(ly - 8))
                .append("\" width=\"196\" height=\"42\"/>");
        legendEntry(b, "delivered", lx, ly + 4, "at destination");
        legendEntry(b, "required", lx, ly + 22, "required by RDD");
        b.append("</svg>");
        return b.toString();
    }

    /** One legend row: a short line of the series' class and its label, baseline at {@code y}. */
    private static void legendEntry(StringBuilder b, String cls, double x, double y, String label) {
        b.append("<line class=\"")
                .append(cls)
                .append("\" x1=\"")
                .append(Html.px(x))
                .append("\" x2=\"")
                .append(Html.px(x + 22))
                .append("\" y1=\"")
                .append(Html.px(y))
                .append("\" y2=\"")
                .append(Html.px(y))
                .append("\"/><text class=\"lg\" x=\"")
                .append(Html.px(x + 28))
                .append("\" y=\"")
                .append(Html.px(y + 4))
                .append("\">")
                .append(label)
                .append("</text>");
    }
}
