package muster.engine.check.testkit;

import static muster.engine.check.testkit.PlanBuilder.stons;
import static muster.engine.check.testkit.ScenarioBuilder.cargo;
import static muster.engine.check.testkit.ScenarioBuilder.dates;
import static muster.model.Activity.ENROUTE;
import static muster.model.Activity.OFFLOAD;
import static muster.model.Activity.ONLOAD;
import static muster.model.Activity.PASS;
import static muster.model.Activity.START;
import static muster.model.CargoClass.BULK;
import static muster.model.CargoClass.NAT;
import static muster.model.CargoClass.OUTSIZE;
import static muster.model.CargoClass.OVERSIZE;
import static muster.model.CargoClass.PAX;

import java.util.List;
import muster.model.GroundHours;
import muster.model.LineMode;
import muster.model.Plan;
import muster.model.RouteMode;
import muster.model.Scenario;

/**
 * A small hand-computed scenario and a correct plan of it: the starting point of the rule checker's
 * keep/break tests, and a known-good example for anyone testing plans. Every figure below is worked
 * out by hand in the comments.
 *
 * <pre>
 * O (origin) -3 h road- P (AIR POE, MOG 1, handling 2 h)
 * AIR route P -800 nm- V (en route, MOG 1) -400 nm- Q (AIR POD, MOG 1, handling 1 h); range 1000
 * Q -2 h road- D (destination)
 * SEA route S1 (POE, 1 berth, handling 12 h) -2400 nm- S2 (POD, 1 berth, handling 12 h)
 * O -5 h road- S1, S2 -4 h road- D, O -30 h road- D (LAND)
 * JET: 2 tails at P, 100 pax, 40 stons, 400 kn, ground onload 2, offload 1, enroute 1
 * SHIP: 1 hull at S1, 1000 stons, 50000 sqft, 20 kn, ground onload 24, offload 24
 * A1 (AIR): 150 pax + 20 BULK, rld 0 ald 0 ead 0 lad 1 rdd 2
 * S1L (SEA): 600 NAT (24000 sqft), rld 0 ald 1 ead 5 lad 6 rdd 8
 * L1 (LAND): 300 pax + 50 BULK, O to D, rld 1 ... rdd 3
 * horizon 10 days, 0.2 stons per person
 * </pre>
 */
public final class Examples {
    private Examples() {}

    /** The scenario, still open for changes. */
    public static ScenarioBuilder scenarioBuilder() {
        return ScenarioBuilder.named("fixture")
                .horizon(10)
                .paxWeight(0.2)
                .installation("O", 0, -1)
                .airfield("P", 0, 0, 1, 2)
                .airfield("V", 0, 10, 1, 0)
                .airfield("Q", 0, 20, 1, 1)
                .assemblyArea("D", 0, 21)
                .seaport("S1", 1, 0, 1, 12)
                .seaport("S2", 1, 20, 1, 12)
                .air(
                        "JET",
                        2,
                        "P",
                        100,
                        40,
                        400,
                        1000,
                        new GroundHours(2, 1, 1),
                        PAX,
                        BULK,
                        OVERSIZE,
                        OUTSIZE)
                .sea(
                        "SHIP",
                        1,
                        "S1",
                        1000,
                        50000,
                        20,
                        new GroundHours(24, 24, 0),
                        BULK,
                        OVERSIZE,
                        NAT)
                .channel(RouteMode.AIR, "P", "Q", List.of("V"), 800, 400)
                .channel(RouteMode.SEA, "S1", "S2", List.of(), 2400)
                .road("O", "P", 3)
                .road("Q", "D", 2)
                .road("O", "S1", 5)
                .road("S2", "D", 4)
                .road("O", "D", 30)
                .line(
                        "A1",
                        LineMode.AIR,
                        "O",
                        "P",
                        "Q",
                        "D",
                        150,
                        dates(0, 0, 0, 1, 2),
                        cargo(BULK, 20))
                .line(
                        "S1L",
                        LineMode.SEA,
                        "O",
                        "S1",
                        "S2",
                        "D",
                        0,
                        dates(0, 1, 5, 6, 8),
                        cargo(NAT, 600, 24000))
                .landLine("L1", "O", "D", 300, dates(1, 1, 2, 2, 3), cargo(BULK, 50));
    }

    /** The scenario (named "fixture"). */
    public static Scenario scenario() {
        return scenarioBuilder().build();
    }

    /**
     * The correct plan, missions in order of first arrival.
     *
     * <ul>
     *   <li>A1 is at P from max(0, 0 + 3) + 2 = hour 5. M1 loads from 5 (depart 7 - onload 2).
     *   <li>M1 (tail 0): P 3-7, V 7+800/400 = 9 to 10, Q 10+400/400 = 11 to 12; 50 pax + 20 BULK =
     *       0.5 + 0.5 of capacity. At D at 12 + 1 + 2 = 15 (day 0).
     *   <li>M2 (tail 1): P 7-9 (after M1 leaves, MOG 1), V 11-12, Q 13-14; 100 pax. At D at 17.
     *   <li>M3 (tail 0): empty back Q 12 (START), V 13 (PASS, 400 nm), P 15 (PASS, 800 nm).
     *   <li>M4 (SHIP): S1L at S1 from max(24, 0 + 5) + 12 = 36; S1 0-60 (60 - 24 = 36), S2
     *       60+2400/20 = 180 to 204; at D at 204 + 12 + 4 = 220 (day 9, rdd 8: 1 day late).
     *   <li>L1 closes at 24 + 30 = 54 (day 2, rdd 3: on time).
     * </ul>
     */
    public static PlanBuilder planBuilder(Scenario s) {
        PlanBuilder p = PlanBuilder.of(s);
        p.mission("M4", "SHIP", 0)
                .stop("S1", ONLOAD, 0, 60)
                .stop("S2", OFFLOAD, 180, 204)
                .load("S1L", 0, 0, 1, stons(NAT, 600));
        p.mission("M1", "JET", 0)
                .stop("P", ONLOAD, 3, 7)
                .stop("V", ENROUTE, 9, 10)
                .stop("Q", OFFLOAD, 11, 12)
                .load("A1", 50, 0, 2, stons(BULK, 20));
        p.mission("M2", "JET", 1)
                .stop("P", ONLOAD, 7, 9)
                .stop("V", ENROUTE, 11, 12)
                .stop("Q", OFFLOAD, 13, 14)
                .load("A1", 100, 0, 2);
        p.mission("M3", "JET", 0)
                .stop("Q", START, 12, 12)
                .stop("V", PASS, 13, 13)
                .stop("P", PASS, 15, 15);
        return p;
    }

    /** The correct plan, with the measures and line results the checker recomputes. */
    public static Plan plan() {
        return planBuilder(scenario()).build();
    }
}
