package muster.engine.fifo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class GroundTimelineTest {
    static LongStream seeds() {
        return LongStream.rangeClosed(1, 40);
    }

    /**
     * Against the definition: the answer has room over its whole window, and no earlier start from
     * the query hour has (the earliest fit is the query hour or the end of a booked stay).
     */
    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void theEarliestFitIsTheFirstStartWithRoomOverTheWholeWindow(long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        int capacity = 1 + rnd.nextInt(3);
        GroundTimeline g = new GroundTimeline(capacity);
        List<double[]> booked = new ArrayList<>();
        for (int n = 0; n < 60; n++) {
            double from = rnd.nextInt(400) / 2.0;
            double hours = rnd.nextInt(5) == 0 ? 0 : rnd.nextInt(1, 60) / 2.0;
            double start = g.earliestFit(from, hours);
            String what = "seed " + seed + ", query " + n + " from " + from + " for " + hours;
            assertThat(start).as(what).isGreaterThanOrEqualTo(from);
            assertThat(fits(booked, capacity, start, hours)).as(what).isTrue();
            List<Double> earlier = new ArrayList<>();
            earlier.add(from);
            for (double[] iv : booked) {
                if (iv[1] > from && iv[1] < start) {
                    earlier.add(iv[1]);
                }
            }
            for (double x : earlier) {
                if (x < start) {
                    assertThat(fits(booked, capacity, x, hours))
                            .as(what + ": " + x + " also fits")
                            .isFalse();
                }
            }
            // book half of the stays found, so the node fills up as the queries go on
            if (hours > 0 && rnd.nextBoolean()) {
                g.add(start, start + hours);
                booked.add(new double[] {start, start + hours});
            }
        }
    }

    @Test
    void aStayNeverFitsWhereTheNodeHasNoRoomAtAllButAPassTakesNoTime() {
        GroundTimeline none = new GroundTimeline(0);
        assertThat(none.earliestFit(12, 1)).isInfinite();
        assertThat(none.earliestFit(12, 0)).isEqualTo(12.0);
    }

    @Test
    void aFullStretchIsPassedInOneJumpToItsEnd() {
        GroundTimeline one = new GroundTimeline(1);
        one.add(10, 20);
        one.add(20, 30);
        one.add(35, 40);
        assertThat(one.earliestFit(12, 5)).isEqualTo(30.0);
        assertThat(one.earliestFit(12, 6)).isEqualTo(40.0);
        assertThat(one.earliestFit(0, 10)).isEqualTo(0.0);
        assertThat(one.earliestFit(0, 11)).isEqualTo(40.0);
    }

    /** Whether one more occupant fits over [x, x+hours), checked at every instant that matters. */
    private static boolean fits(List<double[]> booked, int capacity, double x, double hours) {
        if (hours <= 0) {
            return true;
        }
        List<Double> instants = new ArrayList<>();
        instants.add(x);
        for (double[] iv : booked) {
            if (iv[0] > x && iv[0] < x + hours) {
                instants.add(iv[0]);
            }
        }
        for (double t : instants) {
            int count = 0;
            for (double[] iv : booked) {
                if (iv[0] <= t && t < iv[1]) {
                    count++;
                }
            }
            if (count >= capacity) {
                return false;
            }
        }
        return true;
    }
}
