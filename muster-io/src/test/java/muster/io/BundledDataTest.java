package muster.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import muster.model.Geo;
import muster.model.Network;
import muster.model.Node;
import muster.model.Route;
import muster.model.RouteMode;
import muster.model.Scenario;
import org.junit.jupiter.api.Test;

/**
 * The figures muster ships in scenarios/ and data/ agree with the sources and methods that
 * scenarios/eastern-flank-2022.sources.md gives for them.
 */
class BundledDataTest {
    static final Path ROOT = Path.of("..");
    static final Path SOURCES = ROOT.resolve("scenarios/eastern-flank-2022.sources.md");

    private static Scenario bundled() {
        ScenarioReader.Result r =
                ScenarioReader.read(ROOT.resolve("scenarios/eastern-flank-2022.yaml"));
        assertThat(r.faults()).isEmpty();
        return r.scenario();
    }

    /**
     * Public positions of a sample of the bundled scenario's places: aerodrome reference points and
     * port positions of the gazetteers of [S40], and the Novo Selo training area as [S45] gives it
     * (next to Mokren near Kotel, 70 km from the port of Burgas; it was placed 78 km further
     * south-west, 121 km from Burgas).
     */
    private static final Map<String, double[]> PUBLIC_POSITIONS =
            Map.ofEntries(
                    Map.entry("KDOV", new double[] {39.13, -75.47}),
                    Map.entry("KPOB", new double[] {35.17, -79.01}),
                    Map.entry("ETAR", new double[] {49.44, 7.60}),
                    Map.entry("LPLA", new double[] {38.76, -27.09}),
                    Map.entry("EPRZ", new double[] {50.11, 22.02}),
                    Map.entry("LRCK", new double[] {44.36, 28.49}),
                    Map.entry("LBPG", new double[] {42.29, 24.71}),
                    Map.entry("UKBB", new double[] {50.35, 30.89}),
                    Map.entry("USBPT", new double[] {30.08, -94.09}),
                    Map.entry("DEBRV", new double[] {53.56, 8.56}),
                    Map.entry("PLGDN", new double[] {54.39, 18.67}),
                    Map.entry("ROCND", new double[] {44.17, 28.65}),
                    Map.entry("AA-NOVO", new double[] {42.7203, 26.5919}));

    @Test
    void placesLieWithinATenthOfADegreeOfTheirPublicPositions() {
        Network net = new Network(bundled());
        for (var e : PUBLIC_POSITIONS.entrySet()) {
            Node n = net.node(e.getKey());
            assertThat(n).as(e.getKey()).isNotNull();
            assertThat(n.lat()).as(e.getKey() + " lat").isCloseTo(e.getValue()[0], within(0.1));
            assertThat(n.lon()).as(e.getKey() + " lon").isCloseTo(e.getValue()[1], within(0.1));
        }
    }

    private static org.assertj.core.data.Offset<Double> within(double d) {
        return org.assertj.core.data.Offset.offset(d);
    }

    /**
     * Every ROAD and RAIL route's hours follow the methods of [A25] and [A26] from its two places'
     * great-circle distance, to the half hour they are rounded to: the network is 1.3 times the
     * great circle; road moves at 45 km/h up to 400 km and 30 km/h beyond, at least 1 h; rail at 25
     * km/h plus 8 h loading. A place moved without its routes, or a route's hours changed without
     * its places, breaks this.
     */
    @Test
    void roadAndRailHoursFollowTheStatedMethod() {
        Scenario s = bundled();
        Network net = new Network(s);
        int checked = 0;
        for (Route r : s.routes()) {
            if (r.mode() != RouteMode.ROAD && r.mode() != RouteMode.RAIL) {
                continue;
            }
            double km = 1.852 * Geo.distanceNm(net.node(r.from()), net.node(r.to())) * 1.3;
            double expected =
                    r.mode() == RouteMode.RAIL
                            ? km / 25 + 8
                            : Math.max(1, km / (km <= 400 ? 45 : 30));
            assertThat(r.hours())
                    .as("%s %s -> %s, %.0f km by the network", r.mode(), r.from(), r.to(), km)
                    .isCloseTo(expected, within(0.5));
            checked++;
        }
        assertThat(checked).isGreaterThan(40);
    }

    private static final Pattern KEY = Pattern.compile("\\[([SA]\\d+a?)\\]");

    /**
     * Every [S..] and [A..] key cited in scenarios/ and data/ has its entry in the sources file.
     */
    @Test
    void everyCitedKeyHasItsEntry() throws IOException {
        String sources = Files.readString(SOURCES);
        Set<String> defined = new TreeSet<>();
        Matcher d =
                Pattern.compile("(?m)^(?:\\| (S\\d+a?) \\||- \\*\\*(A\\d+)\\b)").matcher(sources);
        while (d.find()) {
            defined.add(d.group(1) != null ? d.group(1) : d.group(2));
        }
        assertThat(defined).contains("S1", "S45", "A0", "A103");
        List<Path> files = new ArrayList<>();
        for (String dir : List.of("scenarios", "data")) {
            try (Stream<Path> walk = Files.walk(ROOT.resolve(dir))) {
                walk.filter(p -> p.toString().endsWith(".yaml")).forEach(files::add);
            }
        }
        assertThat(files).hasSizeGreaterThanOrEqualTo(5);
        for (Path f : files) {
            Matcher m = KEY.matcher(Files.readString(f));
            Set<String> missing = new TreeSet<>();
            while (m.find()) {
                if (!defined.contains(m.group(1))) {
                    missing.add(m.group(1));
                }
            }
            assertThat(missing).as("keys of %s with no entry in %s", f, SOURCES).isEmpty();
        }
    }
}
