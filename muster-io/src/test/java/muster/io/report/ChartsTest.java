package muster.io.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class ChartsTest {
    /** The points of an SVG path of M and L commands, in order. */
    private static List<double[]> points(String svg, String cls) {
        Matcher m = Pattern.compile("<path class=\"" + cls + "\" d=\"([^\"]*)\"").matcher(svg);
        assertThat(m.find()).as("path %s", cls).isTrue();
        List<double[]> out = new ArrayList<>();
        Matcher p = Pattern.compile("[ML]([-\\d.]+),([-\\d.]+)").matcher(m.group(1));
        while (p.find()) {
            out.add(new double[] {Double.parseDouble(p.group(1)), Double.parseDouble(p.group(2))});
        }
        return out;
    }

    /** The path's y at {@code x}, on the segment that spans it (x is never at a corner here). */
    private static double yAt(List<double[]> path, double x) {
        for (int i = 1; i < path.size(); i++) {
            double[] a = path.get(i - 1);
            double[] b = path.get(i);
            if (a[0] < x && x < b[0]) {
                return a[1] + (b[1] - a[1]) * (x - a[0]) / (b[0] - a[0]);
            }
        }
        throw new AssertionError("no segment spans x " + x);
    }

    @Test
    void loadDeliveredOnItsRddIsNeverDrawnUnderTheRequiredLine() {
        // Every load arrives on its RDD: 10 due and delivered on day 1, 20 more on day 3, 5 on
        // day 7. Nothing is late, so the solid line may not run under the dashed one anywhere.
        int days = 10;
        double[] daily = new double[days];
        daily[1] = 10;
        daily[3] = 20;
        daily[7] = 5;
        double[] cumulative = new double[days];
        double sum = 0;
        for (int d = 0; d < days; d++) {
            sum += daily[d];
            cumulative[d] = sum;
        }
        String svg = Charts.closureChart("Cargo", "stons", cumulative, cumulative, 9, 540, 280);
        List<double[]> delivered = points(svg, "delivered");
        List<double[]> required = points(svg, "required");
        // The plot runs from x 64 to 524 (width 540 less the margins), a day in 46 px.
        for (int d = 0; d < days; d++) {
            for (double f : new double[] {0.1, 0.5, 0.9}) {
                double x = 64 + (d + f) * 46;
                // SVG y grows downwards: the delivered line is at or above the required one.
                assertThat(yAt(delivered, x))
                        .as("day %d + %.1f", d, f)
                        .isLessThanOrEqualTo(yAt(required, x) + 1e-6);
            }
        }
    }

    @Test
    void loadLateByADayIsDrawnUnderTheRequiredLineThatDay() {
        // 10 due by the end of day 2 arrive on day 3: through day 3 the solid line is lower.
        double[] required = {0, 0, 10, 10, 10, 10};
        double[] delivered = {0, 0, 0, 10, 10, 10};
        String svg = Charts.closureChart("Cargo", "stons", delivered, required, 3, 540, 280);
        double day = (540 - 64 - 16) / 6.0;
        double x = 64 + 3.5 * day;
        assertThat(yAt(points(svg, "delivered"), x)).isGreaterThan(yAt(points(svg, "required"), x));
        double before = 64 + 2.5 * day;
        assertThat(yAt(points(svg, "delivered"), before))
                .isEqualTo(yAt(points(svg, "required"), before));
    }
}
