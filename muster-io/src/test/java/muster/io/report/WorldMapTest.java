package muster.io.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class WorldMapTest {
    /** Every coordinate of a path lies inside the view. */
    private static void assertInside(String path, WorldMap.View v) {
        Matcher m = Pattern.compile("(-?[\\d.]+),(-?[\\d.]+)").matcher(path);
        int n = 0;
        while (m.find()) {
            n++;
            assertThat(Double.parseDouble(m.group(1))).isBetween(-0.1, v.width() + 0.1);
            assertThat(Double.parseDouble(m.group(2))).isBetween(-0.1, v.height() + 0.1);
        }
        assertThat(n).as("points drawn").isGreaterThan(20);
    }

    @Test
    void outlineComesFromTheClasspath() {
        assertThat(WorldMap.rings()).hasSizeGreaterThan(300);
    }

    @Test
    void viewAcrossTheDateLineIsNarrowAndClipped() {
        // Fiji (178 E) and Samoa (172 W): 16 degrees apart across the date line, not 344.
        WorldMap.View v =
                WorldMap.View.around(new double[] {178.0, -172.0}, new double[] {-18, -14}, 800);
        assertThat(v.lonMax() - v.lonMin()).isLessThan(60);
        assertThat(v.x(178.0)).isBetween(0.0, v.width());
        assertThat(v.x(-172.0)).isBetween(0.0, v.width()).isGreaterThan(v.x(178.0));
        String land = WorldMap.landPath(v);
        assertInside(land, v);
    }

    @Test
    void russiaAndAlaskaAcrossTheDateLineDrawWithoutStreaks() {
        // Anadyr (177 E) and Nome (165 W): Chukotka and Alaska on either side of the date line.
        WorldMap.View v =
                WorldMap.View.around(new double[] {177.5, -165.4}, new double[] {64.7, 64.5}, 900);
        String land = WorldMap.landPath(v);
        assertInside(land, v);
        // No segment spans most of the map: a ring wrapped the wrong way would.
        Matcher m = Pattern.compile("([ML])(-?[\\d.]+),(-?[\\d.]+)").matcher(land);
        double px = Double.NaN;
        while (m.find()) {
            double x = Double.parseDouble(m.group(2));
            if (m.group(1).equals("L")) {
                assertThat(Math.abs(x - px)).isLessThan(v.width() * 0.6);
            }
            px = x;
        }
    }

    @Test
    void europeViewKeepsItsAspect() {
        WorldMap.View v =
                WorldMap.View.around(
                        new double[] {-79.0, 8.5, 22.0}, new double[] {35.2, 53.5, 50.1}, 1120);
        assertThat(v.height()).isBetween(1120 * 0.35, 1120 * 0.75);
        assertThat(v.x(-79.0)).isLessThan(v.x(8.5));
        assertThat(v.y(53.5)).isLessThan(v.y(35.2));
        assertInside(WorldMap.landPath(v), v);
    }
}
