package muster.io.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import muster.model.LiftType;
import muster.model.Mission;

/**
 * The mission timeline of one lift type: tails as rows, missions as bars. Where there are too many
 * tails or missions to draw one by one, tails are grouped into bands and each band shows, day by
 * day, the share of its tails' hours spent on missions.
 */
final class Timeline {
    static final int MAX_ROWS = 48;
    static final int MAX_BARS = 2500;

    private Timeline() {}

    static String svg(LiftType type, List<Mission> missions, int days, int width) {
        int tails = Math.max(1, type.count());
        boolean detailed = tails <= MAX_ROWS && missions.size() <= MAX_BARS;
        int perRow = detailed ? 1 : (int) Math.ceil(tails / (double) MAX_ROWS);
        int rows = (int) Math.ceil(tails / (double) perRow);
        double rowH = detailed ? (rows <= 16 ? 14 : rows <= 32 ? 10 : 7) : 9;
        double left = 84;
        double right = 12;
        double top = 8;
        double bottom = 28;
        double pw = width - left - right;
        double height = top + rows * rowH + bottom;
        double hourPx = pw / (24.0 * days);
        StringBuilder b = new StringBuilder();
        b.append("<svg class=\"chart timeline\" data-lift=\"")
                .append(Html.esc(type.id()))
                .append("\" data-mode=\"")
                .append(detailed ? "missions" : "bands")
                .append("\" viewBox=\"0 0 ")
                .append(width)
                .append(' ')
                .append(Html.px(height))
                .append("\" width=\"")
                .append(width)
                .append("\" height=\"")
                .append(Html.px(height))
                .append("\" role=\"img\" aria-label=\"mission timeline of ")
                .append(Html.esc(type.id()))
                .append("\">");
        int step = days <= 15 ? 1 : days <= 40 ? 5 : days <= 100 ? 10 : 30;
        for (int d = 0; d <= days; d++) {
            double x = left + 24.0 * d * hourPx;
            boolean major = d % step == 0;
            b.append("<line class=\"")
                    .append(major ? "grid" : "grid minor")
                    .append("\" x1=\"")
                    .append(Html.px(x))
                    .append("\" x2=\"")
                    .append(Html.px(x))
                    .append("\" y1=\"")
                    .append(Html.px(top))
                    .append("\" y2=\"")
                    .append(Html.px(top + rows * rowH))
                    .append("\"/>");
            if (major) {
                b.append("<text class=\"xl\" x=\"")
                        .append(Html.px(x))
                        .append("\" y=\"")
                        .append(Html.px(top + rows * rowH + 14))
                        .append("\">")
                        .append(d)
                        .append("</text>");
            }
        }
        for (int r = 0; r < rows; r++) {
            int first = r * perRow;
            int last = Math.min(tails, first + perRow) - 1;
            String label =
                    perRow == 1
                            ? (type.mode() == muster.model.LiftMode.SEA ? "hull " : "tail ") + first
                            : String.format(Locale.ROOT, "%d–%d", first, last);
            if ((detailed && rows > 32 && r % 2 == 1) || (!detailed && rows > 24 && r % 2 == 1)) {
                label = "";
            }
            b.append("<text class=\"rl\" x=\"")
                    .append(Html.px(left - 6))
                    .append("\" y=\"")
                    .append(Html.px(top + r * rowH + rowH * 0.75))
                    .append("\">")
                    .append(Html.esc(label))
                    .append("</text>");
        }
        if (detailed) {
            for (Mission m : missions) {
                int r = Math.max(0, Math.min(rows - 1, m.tail()));
                double x0 = left + Math.max(0, m.begin()) * hourPx;
                double x1 = left + Math.min(24.0 * days, m.end()) * hourPx;
                if (x1 < x0) {
                    continue;
                }
                boolean loaded = !m.loads().isEmpty();
                List<String> nodes = new ArrayList<>();
                for (var s : m.stops()) {
                    nodes.add(s.node());
                }
                b.append("<rect class=\"")
                        .append(loaded ? "m loaded" : "m empty")
                        .append("\" x=\"")
                        .append(Html.px(x0))
                        .append("\" y=\"")
                        .append(Html.px(top + r * rowH + 1))
                        .append("\" width=\"")
                        .append(Html.px(Math.max(1.2, x1 - x0)))
                        .append("\" height=\"")
                        .append(Html.px(rowH - 2))
                        .append("\"><title>")
                        .append(Html.esc(m.id()))
                        .append(": ")
                        .append(Html.esc(String.join(" → ", nodes)))
                        .append(String.format(Locale.ROOT, ", h %.1f–%.1f", m.begin(), m.end()))
                        .append(
                                loaded
                                        ? ", " + Html.count(m.loads().size(), "load")
                                        : ", positioning")
                        .append("</title></rect>");
            }
        } else {
            double[][] busy = new double[rows][days];
            for (Mission m : missions) {
                int r = Math.max(0, Math.min(rows - 1, m.tail() / perRow));
                double a = Math.max(0, m.begin());
                double e = Math.min(24.0 * days, m.end());
                for (int d = (int) Math.floor(a / 24); d < days && 24.0 * d < e; d++) {
                    double lo = Math.max(a, 24.0 * d);
                    double hi = Math.min(e, 24.0 * d + 24);
                    if (hi > lo) {
                        busy[r][d] += hi - lo;
                    }
                }
            }
            for (int r = 0; r < rows; r++) {
                int inRow = Math.min(tails, (r + 1) * perRow) - r * perRow;
                for (int d = 0; d < days; d++) {
                    double share = busy[r][d] / (24.0 * inRow);
                    if (share <= 0) {
                        continue;
                    }
                    b.append("<rect class=\"band\" x=\"")
                            .append(Html.px(left + 24.0 * d * hourPx + 0.5))
                            .append("\" y=\"")
                            .append(Html.px(top + r * rowH + 0.5))
                            .append("\" width=\"")
                            .append(Html.px(24.0 * hourPx - 1))
                            .append("\" height=\"")
                            .append(Html.px(rowH - 1))
                            .append("\" fill-opacity=\"")
                            .append(
                                    String.format(
                                            Locale.ROOT, "%.2f", 0.12 + 0.88 * Math.min(1, share)))
                            .append("\"><title>")
                            .append(
                                    String.format(
                                            Locale.ROOT,
                                            "tails %d–%d, C+%d: %.0f%% of hours on missions",
                                            r * perRow,
                                            r * perRow + inRow - 1,
                                            d,
                                            100 * share))
                            .append("</title></rect>");
                }
            }
        }
        b.append("</svg>");
        return b.toString();
    }
}
