package muster.engine.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import muster.model.CargoClass;
import muster.model.GroundHours;
import muster.model.LiftMode;
import muster.model.LiftType;
import muster.model.Node;
import muster.model.NodeKind;
import org.junit.jupiter.api.Test;

class CapacityTimelineTest {

    /** Reference: counts the stays over a fine grid of quarter hours. */
    private static boolean fitsByCounting(List<double[]> stays, int cap, double a, double g) {
        for (double t = a; t < a + g; t += 0.25) {
            int n = 0;
            for (double[] s : stays) {
                if (s[0] <= t && t < s[1]) {
                    n++;
                }
            }
            if (n >= cap) {
                return false;
            }
        }
        return true;
    }

    @Test
    void earliestFitAgreesWithCountingUnderRandomReservationsAndReleases() {
        for (long seed = 1; seed <= 30; seed++) {
            SplittableRandom r = new SplittableRandom(seed);
            int cap = 1 + r.nextInt(3);
            CapacityTimeline tl = new CapacityTimeline(cap, 0.5);
            List<double[]> stays = new ArrayList<>();
            for (int op = 0; op < 200; op++) {
                if (!stays.isEmpty() && r.nextInt(4) == 0) {
                    double[] s = stays.remove(r.nextInt(stays.size()));
                    tl.release(s[0], s[1]);
                    continue;
                }
                // whole quarter hours, so the grid reference is exact; stays of at least half an
                // hour, so the timeline may count quarter-hour gaps as full
                double from = r.nextInt(400) * 0.25;
                double g = (2 + r.nextInt(12)) * 0.25;
                double c = tl.earliestFit(from, g);
                assertThat(c).as("seed %d op %d", seed, op).isGreaterThanOrEqualTo(from);
                assertThat(fitsByCounting(stays, cap, c, g)).as("seed %d op %d", seed, op).isTrue();
                for (double e = from; e < c; e += 0.25) {
                    assertThat(fitsByCounting(stays, cap, e, g))
                            .as("seed %d op %d: %s fits before %s", seed, op, e, c)
                            .isFalse();
                }
                tl.reserve(c, c + g);
                stays.add(new double[] {c, c + g});
                assertThat(tl.countAt(c)).isLessThanOrEqualTo(cap);
            }
        }
    }

    /**
     * The timeline's counts and fits against counting, with every shortest stay the planners give
     * it (none, half an hour, an hour and a quarter), stays released in any order, and an empty
     * timeline once all are released: its sorted arrays grow, shrink and merge full stretches many
     * times over.
     */
    @Test
    void countsAndFitsAgreeWithCountingWhateverTheShortestStayAndAnEmptiedTimelineIsEmpty() {
        double[] leastStays = {0, 0.5, 1.25};
        for (long seed = 1; seed <= 60; seed++) {
            SplittableRandom r = new SplittableRandom(seed);
            int cap = 1 + r.nextInt(3);
            double least = leastStays[(int) (seed % leastStays.length)];
            CapacityTimeline tl = new CapacityTimeline(cap, least);
            List<double[]> stays = new ArrayList<>();
            for (int op = 0; op < 300; op++) {
                if (!stays.isEmpty() && r.nextInt(3) == 0) {
                    double[] s = stays.remove(r.nextInt(stays.size()));
                    tl.release(s[0], s[1]);
                } else {
                    double from = r.nextInt(600) * 0.25;
                    double g = Math.max(least, 0.25) + r.nextInt(16) * 0.25;
                    double c = tl.earliestFit(from, g);
                    assertThat(fitsByCounting(stays, cap, c, g))
                            .as("seed %d op %d: %s h at %s", seed, op, g, c)
                            .isTrue();
                    for (double e = from; e < c; e += 0.25) {
                        assertThat(fitsByCounting(stays, cap, e, g))
                                .as("seed %d op %d: %s h fits at %s before %s", seed, op, g, e, c)
                                .isFalse();
                    }
                    tl.reserve(c, c + g);
                    stays.add(new double[] {c, c + g});
                }
                for (double t = -1; t < 200; t += 0.25) {
                    int n = 0;
                    for (double[] s : stays) {
                        if (s[0] <= t && t < s[1]) {
                            n++;
                        }
                    }
                    assertThat(tl.countAt(t)).as("seed %d op %d at %s", seed, op, t).isEqualTo(n);
                }
            }
            for (double[] s : stays) {
                tl.release(s[0], s[1]);
            }
            for (double t = -1; t < 200; t += 0.25) {
                assertThat(tl.countAt(t)).as("seed %d emptied, at %s", seed, t).isZero();
                assertThat(tl.earliestFit(t, 30))
                        .as("seed %d emptied, from %s", seed, t)
                        .isEqualTo(t);
            }
        }
    }

    @Test
    void aFullStretchIsPassedInOneJumpToItsEnd() {
        CapacityTimeline one = new CapacityTimeline(1, 0);
        one.reserve(10, 20);
        one.reserve(20, 30);
        one.reserve(35, 40);
        assertThat(one.earliestFit(12, 5)).isEqualTo(30.0);
        assertThat(one.earliestFit(12, 6)).isEqualTo(40.0);
        assertThat(one.earliestFit(0, 10)).isEqualTo(0.0);
        assertThat(one.earliestFit(0, 11)).isEqualTo(40.0);
    }

    @Test
    void aNodesLeastStayIsTheShortestGroundTimeOfTheLiftThatStopsThere() {
        Set<CargoClass> bulk = Set.of(CargoClass.BULK);
        List<LiftType> lift =
                List.of(
                        new LiftType(
                                "JET",
                                LiftMode.AIR,
                                2,
                                0,
                                "P",
                                bulk,
                                0,
                                40,
                                0,
                                400,
                                4000,
                                new GroundHours(3, 2.25, 0)),
                        new LiftType(
                                "SHIP",
                                LiftMode.SEA,
                                1,
                                0,
                                "S",
                                bulk,
                                0,
                                9000,
                                90000,
                                20,
                                9000,
                                new GroundHours(72, 48, 24)));
        Node airfield = new Node("P", "P", NodeKind.AIRFIELD, "US", 0, 0, 2, 0, 0);
        Node seaport = new Node("S", "S", NodeKind.SEAPORT, "US", 1, 0, 0, 3, 0);
        Node depot = new Node("O", "O", NodeKind.INSTALLATION, "US", 2, 0, 0, 0, 0);
        assertThat(CapacityTimeline.shortestStay(airfield, lift)).isEqualTo(2.25);
        assertThat(CapacityTimeline.shortestStay(seaport, lift)).isEqualTo(24.0);
        assertThat(CapacityTimeline.shortestStay(depot, lift)).isEqualTo(0.0);
        assertThat(CapacityTimeline.of(airfield, lift).capacity()).isEqualTo(2);
        assertThat(CapacityTimeline.of(seaport, lift).capacity()).isEqualTo(3);
        assertThat(CapacityTimeline.of(depot, lift).capacity()).isZero();
    }

    @Test
    void aNodeWithoutRoomNeverFitsAndEmptyStaysAlwaysDo() {
        CapacityTimeline none = new CapacityTimeline(0, 1);
        assertThat(none.earliestFit(5, 1)).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(none.earliestFit(5, 0)).isEqualTo(5.0);
    }
}
