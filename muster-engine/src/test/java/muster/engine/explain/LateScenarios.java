package muster.engine.explain;

import java.util.List;
import muster.engine.check.testkit.ScenarioBuilder;
import muster.model.CargoClass;
import muster.model.CargoEntry;
import muster.model.GroundHours;
import muster.model.LineMode;
import muster.model.RouteMode;

/**
 * The small scenarios that the tests of late lines' reasons are built on: lines from HOME to CAMP,
 * flown from A to B or shipped from P to Q, so that each test states only the lift, the dates and
 * the cargo that make its one cause certain.
 */
public final class LateScenarios {
    private LateScenarios() {}

    /** A 4,000 nm hop from A to B, home at A and the camp {@code roadHours} by road from B. */
    public static ScenarioBuilder hop(String name, double roadHours) {
        return ScenarioBuilder.named(name)
                .horizon(10)
                .installation("HOME", 40, -75.1)
                .airfield("A", 40, -75, 10, 0)
                .airfield("B", 45, -60, 10, 0)
                .assemblyArea("CAMP", 45, -60.1)
                .road("HOME", "A", 0)
                .channel(RouteMode.AIR, "A", "B", List.of(), 4000)
                .road("B", "CAMP", roadHours);
    }

    /** A, C and B on a line, home at A and the camp at B; the test lays the channels. */
    public static ScenarioBuilder stopAtC(String name, double handlingHoursAtA, int mogAtC) {
        return ScenarioBuilder.named(name)
                .horizon(10)
                .installation("HOME", 40, -75.1)
                .airfield("A", 40, -75, 5, handlingHoursAtA)
                .airfield("C", 42, -67, mogAtC, 0)
                .airfield("B", 45, -60, 5, 0)
                .assemblyArea("CAMP", 45, -60.1)
                .road("HOME", "A", 0)
                .road("B", "CAMP", 0);
    }

    /** A crossing of {@code nm} from P to Q, home at P and the camp at Q. */
    public static ScenarioBuilder crossing(
            String name, int horizonDays, int berthsAtP, int berthsAtQ, double nm) {
        return ScenarioBuilder.named(name)
                .horizon(horizonDays)
                .installation("HOME", 30, -80.1)
                .seaport("P", 30, -80, berthsAtP, 0)
                .seaport("Q", 50, 0, berthsAtQ, 0)
                .assemblyArea("CAMP", 50, 0.1)
                .road("HOME", "P", 0)
                .road("Q", "CAMP", 0)
                .channel(RouteMode.SEA, "P", "Q", List.of(), nm);
    }

    /** Air types at A from day 0, of 100 seats and 40 stons, 2 h on the ground, of any range. */
    public static ScenarioBuilder jets(
            ScenarioBuilder b, String id, int count, double knots, CargoClass... carries) {
        return jets(b, id, count, knots, Double.POSITIVE_INFINITY, 2, carries);
    }

    /** The same with a range, and {@code stopHours} on the ground at each stop on the way. */
    public static ScenarioBuilder jets(
            ScenarioBuilder b,
            String id,
            int count,
            double knots,
            double rangeNm,
            double stopHours,
            CargoClass... carries) {
        return b.air(
                id, count, "A", 100, 40, knots, rangeNm, new GroundHours(2, 2, stopHours), carries);
    }

    /** Ships named SHIP at P from day 0, of 1,000 stons and 10,000 sq ft of NAT, at 20 knots. */
    public static ScenarioBuilder ships(
            ScenarioBuilder b, int count, double onloadHours, double offloadHours) {
        return b.sea(
                "SHIP",
                count,
                "P",
                1000,
                10000,
                20,
                new GroundHours(onloadHours, offloadHours, 0),
                CargoClass.NAT);
    }

    /**
     * Lines without people from HOME to CAMP, through A and B by air or P and Q by sea, each of
     * these dates and this cargo, in the order given.
     */
    public static ScenarioBuilder lines(
            ScenarioBuilder b,
            LineMode mode,
            ScenarioBuilder.Dates d,
            CargoEntry cargo,
            String... ulns) {
        boolean air = mode == LineMode.AIR;
        for (String uln : ulns) {
            b.line(uln, mode, "HOME", air ? "A" : "P", air ? "B" : "Q", "CAMP", 0, d, cargo);
        }
        return b;
    }
}
