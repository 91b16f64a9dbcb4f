package muster.engine.bound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import muster.engine.check.CheckReport;
import muster.engine.check.PlanChecker;
import muster.engine.check.testkit.ScenarioBuilder;
import muster.engine.fifo.FifoPlanner;
import muster.engine.generate.SmallScenarios;
import muster.engine.plan.PlanOptions;
import muster.engine.plan.Planners;
import muster.engine.plan.Progress;
import muster.model.CargoClass;
import muster.model.CargoEntry;
import muster.model.Geo;
import muster.model.GroundHours;
import muster.model.LiftMode;
import muster.model.LiftType;
import muster.model.LineMode;
import muster.model.LowerBound;
import muster.model.Node;
import muster.model.NodeKind;
import muster.model.Plan;
import muster.model.Planning;
import muster.model.RequirementLine;
import muster.model.Route;
import muster.model.RouteMode;
import muster.model.Scenario;
import org.junit.jupiter.api.Test;

class LowerBoundsTest {
    /**
     * The bound a plan keeps when the full one is not worked out: the planner's own where it gives
     * one, else the earliest-arrival one, each with the words after its method.
     */
    @Test
    void aFallbackKeepsThePlannersOwnBoundOrTheEarliestArrivalOneAndSaysWhy() {
        Scenario s = SmallScenarios.random(7, 4);
        LowerBound earliest = LowerBounds.earliestArrival(s);
        LowerBound none = LowerBounds.fallback(s, null, " (why)");
        assertThat(none)
                .isEqualTo(
                        new LowerBound(
                                earliest.closureDay(),
                                earliest.lateStonDays(),
                                LowerBounds.METHOD_TRIVIAL + " (why)"));
        LowerBound own = new LowerBound(3, 12.5, "own");
        assertThat(LowerBounds.fallback(s, own, " (why)"))
                .isEqualTo(new LowerBound(3, 12.5, "own (why)"));
    }

    /** One tail, one line of ten sorties' worth due on day 1: capacity, not distance, binds. */
    private static Scenario oneTailTenSorties(int mog, int tails) {
        List<Node> nodes =
                List.of(
                        new Node(
                                "KDOV",
                                "Dover AFB",
                                NodeKind.AIRFIELD,
                                "US",
                                39.13,
                                -75.47,
                                mog,
                                0,
                                0),
                        new Node(
                                "ETAR",
                                "Ramstein AB",
                                NodeKind.AIRFIELD,
                                "DE",
                                49.44,
                                7.60,
                                mog,
                                0,
                                0));
        LiftType c17 =
                new LiftType(
                        "C-17",
                        LiftMode.AIR,
                        tails,
                        0,
                        "KDOV",
                        EnumSet.of(CargoClass.PAX, CargoClass.BULK),
                        102,
                        45,
                        0,
                        410,
                        Double.POSITIVE_INFINITY,
                        new GroundHours(2.25, 2.25, 2.25));
        RequirementLine l =
                new RequirementLine(
                        "A1",
                        "unit",
                        "US",
                        0,
                        List.of(new CargoEntry(CargoClass.BULK, 450, 0)),
                        "KDOV",
                        "KDOV",
                        "ETAR",
                        "ETAR",
                        0,
                        0,
                        0,
                        1,
                        1,
                        1,
                        LineMode.AIR);
        Route r = new Route("r", RouteMode.AIR, "KDOV", "ETAR", List.of(), List.of(), 0);
        return new Scenario(
                "ten-sorties",
                nodes,
                List.of(c17),
                List.of(r),
                List.of(l),
                new Planning(30, 0.2, 1, 0, null));
    }

    @Test
    void fleetCapacityMakesTheBoundPositiveWhereEarliestArrivalGivesZero() {
        Scenario s = oneTailTenSorties(4, 1);
        LowerBound b = LowerBounds.compute(s);
        // earliest arrival alone: day 0, due day 1, no lateness; one tail cannot fly ten sorties
        // (each at least 2.25 + 8.2 + 2.25 hours) by the end of day 1
        assertThat(new LowerBounds.Relaxation(s).trivialLate()).isZero();
        assertThat(b.lateStonDays()).isGreaterThan(0);
        assertThat(b.method()).startsWith(LowerBounds.METHOD_LP);
        assertThat(b.closureDay()).isGreaterThan(1);
        assertBelowACorrectFifoPlan(s, b);
    }

    @Test
    void mogOfOneBindsTheBoundWhenTailsAreMany() {
        Scenario wide = oneTailTenSorties(8, 10);
        Scenario narrow = oneTailTenSorties(1, 10);
        double wideLate = LowerBounds.compute(wide).lateStonDays();
        double narrowLate = LowerBounds.compute(narrow).lateStonDays();
        // ten tails and MOG 8: all ten sorties fit on day 0; MOG 1: 2.25 h each, still in a day,
        // so neither is late, but the closure bound may not fall below the earliest arrival
        assertThat(wideLate).isZero();
        assertThat(narrowLate).isGreaterThanOrEqualTo(wideLate);
        CheckReport fifo =
                PlanChecker.check(
                        narrow,
                        new FifoPlanner().plan(narrow, new PlanOptions(1, 0), Progress.NONE));
        assertThat(fifo.violations()).isEmpty();
        assertThat(LowerBounds.compute(narrow).closureDay())
                .isLessThanOrEqualTo(fifo.measures().closureDay());
    }

    @Test
    void emptyReturnLegsBetweenSortiesRaiseTheClosureBound() {
        Scenario s = oneTailTenSorties(4, 1);
        Node dover = s.nodes().get(0);
        Node ramstein = s.nodes().get(1);
        double flight = Geo.distanceNm(dover, ramstein) / 410;
        double core = 2.25 + flight + 2.25;
        // one tail, ten sorties: ten loaded segments and nine empty flights back in between
        int withReturns = (int) Math.floor((10 * core + 9 * flight) / 24);
        int withoutReturns = (int) Math.floor(10 * core / 24);
        assertThat(withReturns).isGreaterThan(withoutReturns);
        LowerBound b = LowerBounds.compute(s);
        assertThat(b.closureDay()).isGreaterThanOrEqualTo(withReturns);
        assertBelowACorrectFifoPlan(s, b);
    }

    /**
     * Twenty short-range tails fly a short line inside Europe and cannot reach across the Atlantic;
     * the one long-range tail alone must fly the transatlantic line.
     */
    private static Scenario shortTailsCannotHelp() {
        Node dover = new Node("KDOV", "Dover AFB", NodeKind.AIRFIELD, "US", 39.13, -75.47, 8, 0, 0);
        Node ramstein =
                new Node("ETAR", "Ramstein AB", NodeKind.AIRFIELD, "DE", 49.44, 7.60, 8, 0, 0);
        Node rzeszow = new Node("EPRZ", "Rzeszow", NodeKind.AIRFIELD, "PL", 50.11, 22.02, 8, 0, 0);
        LiftType longRange =
                new LiftType(
                        "LONG",
                        LiftMode.AIR,
                        1,
                        0,
                        "KDOV",
                        EnumSet.of(CargoClass.BULK),
                        0,
                        45,
                        0,
                        410,
                        5000,
                        new GroundHours(2.25, 2.25, 2.25));
        LiftType shortRange =
                new LiftType(
                        "SHORT",
                        LiftMode.AIR,
                        20,
                        0,
                        "ETAR",
                        EnumSet.of(CargoClass.BULK),
                        0,
                        45,
                        0,
                        410,
                        1000,
                        new GroundHours(2.25, 2.25, 2.25));
        RequirementLine across = bulkLine("A1", "KDOV", "ETAR", 450, 2);
        RequirementLine inside = bulkLine("E1", "ETAR", "EPRZ", 45, 2);
        return new Scenario(
                "short-tails",
                List.of(dover, ramstein, rzeszow),
                List.of(longRange, shortRange),
                List.of(
                        new Route("a", RouteMode.AIR, "KDOV", "ETAR", List.of(), List.of(), 0),
                        new Route("e", RouteMode.AIR, "ETAR", "EPRZ", List.of(), List.of(), 0)),
                List.of(across, inside),
                new Planning(30, 0.2, 1, 0, null));
    }

    private static RequirementLine bulkLine(
            String uln, String poe, String pod, double stons, int rdd) {
        return bulkLine(uln, poe, pod, stons, 0, rdd, LineMode.AIR);
    }

    /** A line of bulk cargo ready on day 0 at its POE, due at its POD (its destination). */
    private static RequirementLine bulkLine(
            String uln, String poe, String pod, double stons, double sqft, int rdd, LineMode mode) {
        return new RequirementLine(
                uln,
                "unit " + uln,
                "US",
                0,
                List.of(new CargoEntry(CargoClass.BULK, stons, sqft)),
                poe,
                poe,
                pod,
                pod,
                0,
                0,
                0,
                rdd,
                rdd,
                1,
                mode);
    }

    @Test
    void tailsThatCannotReachALineDoNotCountAsItsCapacity() {
        Scenario s = shortTailsCannotHelp();
        LowerBound b = LowerBounds.compute(s);
        // the twenty short-range tails could fly 450 stons in a day, but not across the Atlantic:
        // the long-range tail needs ten sorties with nine flights back, more than two days
        assertThat(new LowerBounds.Relaxation(s).trivialLate()).isZero();
        assertThat(b.lateStonDays()).isGreaterThan(0);
        assertThat(b.closureDay()).isGreaterThan(2);
        assertBelowACorrectFifoPlan(s, b);
    }

    @Test
    void aBoundWithoutTheLpKeepsTheClosureAndNeverExceedsTheFullOne() {
        for (Scenario s : List.of(oneTailTenSorties(4, 1), shortTailsCannotHelp())) {
            LowerBound full = LowerBounds.compute(s);
            LowerBound noLp = LowerBounds.compute(s, 0);
            assertThat(noLp.method())
                    .startsWith(LowerBounds.METHOD_TRIVIAL)
                    .contains("LP left out");
            assertThat(noLp.closureDay()).isEqualTo(full.closureDay());
            assertThat(noLp.lateStonDays()).isLessThanOrEqualTo(full.lateStonDays());
            double earliest = LowerBounds.earliestArrival(s).lateStonDays();
            // the same less the round-off guard of 1e-6 relative
            assertThat(noLp.lateStonDays())
                    .isBetween(earliest - 1e-6 * Math.max(1, earliest), earliest);
        }
    }

    /**
     * fifo's plan of s keeps every rule, and the bound b is no better than it on either measure.
     */
    /**
     * Ten ships' worth from a port with one berth: each onload takes a day, the voyage ten and the
     * offload one. The berth is free for twelve days before the lines are due, but the onloads must
     * end eleven days before that, so only two ships make it on time: the k-th closes on day 11 +
     * k, and the best plan is 45 ship-days late.
     */
    @Test
    void anOnloadMustEndAVoyageBeforeTheDeadlineSoThePortRowIsShorter() {
        Node a = new Node("A", "port A", NodeKind.SEAPORT, "US", 30.0, -80.0, 0, 1, 0);
        Node b = new Node("B", "port B", NodeKind.SEAPORT, "PL", 54.5, 18.5, 0, 10, 0);
        LiftType ship =
                new LiftType(
                        "RORO",
                        LiftMode.SEA,
                        10,
                        0,
                        "A",
                        EnumSet.of(CargoClass.BULK),
                        0,
                        1000,
                        100_000,
                        20,
                        Double.POSITIVE_INFINITY,
                        new GroundHours(24, 24, 0));
        List<RequirementLine> lines = new java.util.ArrayList<>();
        for (int i = 0; i < 10; i++) {
            lines.add(bulkLine("S" + i, "A", "B", 1000, 50_000, 12, LineMode.SEA));
        }
        Scenario s =
                new Scenario(
                        "one-berth",
                        List.of(a, b),
                        List.of(ship),
                        List.of(
                                new Route(
                                        "ab",
                                        RouteMode.SEA,
                                        "A",
                                        "B",
                                        List.of(),
                                        List.of(4800.0),
                                        0)),
                        lines,
                        new Planning(40, 0.2, 1, 0, null));
        assertThat(new LowerBounds.Relaxation(s).trivialLate()).isZero();
        LowerBound bound = LowerBounds.compute(s);
        // by the end of day 12 the berth can have finished onloads only until hour 312 - 264
        assertThat(bound.lateStonDays()).isGreaterThan(0);
        assertThat(bound.lateStonDays()).isLessThanOrEqualTo(45 * 1000 + 1e-6);
        assertBelowACorrectFifoPlan(s, bound);
    }

    /**
     * One berth loads ships for a POD ten days away; a small line for a POD a few hours away shares
     * the berth. Its short voyage says nothing of how early the far cargo's onloads must end, so
     * each user's berth window counts from its own voyage: adding the near line, which is due late
     * and small, cannot lower the bound on the far ones.
     */
    @Test
    void aNearPodDoesNotShortenTheFarCargosBerthWindow() {
        Scenario far = oneBerthTwoPods(false);
        Scenario both = oneBerthTwoPods(true);
        LowerBound alone = LowerBounds.compute(far);
        LowerBound shared = LowerBounds.compute(both);
        assertThat(new LowerBounds.Relaxation(far).trivialLate()).isZero();
        assertThat(alone.lateStonDays()).isGreaterThan(1000);
        assertThat(shared.lateStonDays()).isGreaterThanOrEqualTo(alone.lateStonDays() * (1 - 1e-6));
        assertBelowACorrectFifoPlan(far, alone);
        assertBelowACorrectFifoPlan(both, shared);
    }

    /** Eight lines from port A to B, due on day 12, and with {@code near} one more to port N. */
    private static Scenario oneBerthTwoPods(boolean near) {
        ScenarioBuilder b = oneBerthToB(near ? "one-berth-two-pods" : "one-berth-one-pod", 40);
        roros(b, 8);
        for (int i = 0; i < 8; i++) {
            seaLine(b, "F" + i, "B", 12, 2000, 100_000);
        }
        if (near) {
            b.seaport("N", 32.0, -79.0, 4, 0).channel(RouteMode.SEA, "A", "N", List.of());
            seaLine(b, "N1", "N", 35, 1, 10);
        }
        return b.build();
    }

    /**
     * Two lines of 150,000 sq ft each at a one-berth port, both due on day 14, so both must sail by
     * hour 124 (a crossing of 212 hours and a day's offload before the end of day 14). The berth
     * could load both at a RORO's rate in 108 hours, so the fluid rows say on time; but a stop
     * holds the berth for 72 hours whatever it loads, so by then only one ship (200,000 sq ft) can
     * have loaded there, and the second sails at hour 144: 1,000 stons a day late, as in the best
     * plan. The whole-load rows see it; without them the window LP is 0.
     */
    @Test
    void aBerthLoadsWholeShipsOneAfterAnother() {
        ScenarioBuilder b = oneBerthToB("one-berth-whole-loads", 30);
        b.sea("RORO", 2, "A", 2000, 200_000, 20, new GroundHours(72, 24, 0), CargoClass.BULK);
        seaLine(b, "X", "B", 14, 1500, 150_000);
        seaLine(b, "Y", "B", 14, 1500, 150_000);
        Scenario s = b.build();
        double[] lp = windowLpWithoutAndWithBerthLoads(s);
        System.out.printf(
                "one berth, whole loads: window LP %.1f without, %.1f with%n", lp[0], lp[1]);
        assertThat(lp[0]).isCloseTo(0, within(1e-6));
        assertThat(lp[1]).isCloseTo(1000, within(1e-3));
        LowerBound bound = LowerBounds.compute(s);
        assertThat(bound.lateStonDays()).isGreaterThanOrEqualTo(1000 * (1 - 1e-5));
        assertBelowACorrectFifoPlan(s, bound);
    }

    /**
     * A one-berth port loads 900,000 sq ft due on day 24 with one fast hull (20 kn, 96 hours
     * alongside) and four slow ones (10 kn, 72 hours). A fast stop must end by hour 364, a slow one
     * by hour 152, a crossing later: so at most two slow stops and, beside them, two fast ones fit,
     * 800,000 sq ft, and the rest waits to day 27. Counting every stop to the fast hull's hour,
     * five slow stops would fit and the rows would say on time.
     */
    @Test
    void aSlowShipsStopMustEndEarlierAtTheBerth() {
        ScenarioBuilder b = oneBerthToB("one-berth-fast-and-slow", 40);
        b.sea("FAST", 1, "A", 2000, 200_000, 20, new GroundHours(96, 24, 0), CargoClass.BULK);
        b.sea("SLOW", 4, "A", 2000, 200_000, 10, new GroundHours(72, 24, 0), CargoClass.BULK);
        for (int i = 0; i < 3; i++) {
            seaLine(b, "X" + i, "B", 24, 3000, 300_000);
        }
        Scenario s = b.build();
        double[] lp = windowLpWithoutAndWithBerthLoads(s);
        System.out.printf(
                "fast and slow ships at one berth: window LP %.1f without, %.1f with%n",
                lp[0], lp[1]);
        assertThat(lp[0]).isCloseTo(0, within(1e-6));
        assertThat(lp[1]).isGreaterThanOrEqualTo(3000 * (1 - 1e-6));
        LowerBound bound = LowerBounds.compute(s);
        assertThat(bound.lateStonDays()).isGreaterThanOrEqualTo(lp[1] * (1 - 1e-5));
        assertBelowACorrectFifoPlan(s, bound);
    }

    /** Port A with one berth and a sea channel to port B, some 4,200 nm away. */
    private static ScenarioBuilder oneBerthToB(String name, int horizon) {
        return ScenarioBuilder.named(name)
                .horizon(horizon)
                .seaport("A", 30.0, -80.0, 1, 0)
                .seaport("B", 54.5, 18.5, 4, 0)
                .channel(RouteMode.SEA, "A", "B", List.of());
    }

    /** The window LP's optimum without the whole-load berth rows and with them. */
    private static double[] windowLpWithoutAndWithBerthLoads(Scenario s) {
        LowerBounds.Relaxation rx = new LowerBounds.Relaxation(s);
        List<LowerBounds.Relaxation.Resource> all = rx.resources();
        List<LowerBounds.Relaxation.Resource> fluid =
                all.stream()
                        .filter(r -> !(r instanceof LowerBounds.Relaxation.BerthLoadsResource))
                        .toList();
        assertThat(all).hasSizeGreaterThan(fluid.size());
        return new double[] {
            new LowerBounds.WindowLp(rx, fluid).solveWithGlop().total(),
            new LowerBounds.WindowLp(rx, all).solveWithGlop().total()
        };
    }

    /**
     * {@code count} RORO hulls based at port A: 2,000 stons, 200,000 sq ft, 20 kn, a day alongside.
     */
    private static ScenarioBuilder roros(ScenarioBuilder b, int count) {
        return b.sea(
                "RORO", count, "A", 2000, 200_000, 20, new GroundHours(24, 24, 0), CargoClass.BULK);
    }

    /** A SEA line of bulk cargo ready on day 0 at port A, due at its POD (its destination). */
    private static ScenarioBuilder seaLine(
            ScenarioBuilder b, String uln, String pod, int rdd, double stons, double sqft) {
        return b.line(
                uln,
                LineMode.SEA,
                "A",
                "A",
                pod,
                pod,
                0,
                ScenarioBuilder.dates(0, 0, 0, rdd, rdd),
                ScenarioBuilder.cargo(CargoClass.BULK, stons, sqft));
    }

    /**
     * One ship with room for both lines, but the lines go to two different PODs: a voyage serves
     * one channel, so one of them waits for the ship's second crossing. The window LP fills the one
     * segment it allows with both lines; the whole-voyage MIP of step 6 cannot.
     */
    @Test
    void aShipServesOneChannelPerVoyageSoTheSecondPodWaitsForItsReturn() {
        ScenarioBuilder b =
                ScenarioBuilder.named("two-channels")
                        .horizon(60)
                        .seaport("A", 30.0, -80.0, 2, 0)
                        .seaport("B", 54.5, 18.5, 2, 0)
                        .seaport("C", 44.2, 28.6, 2, 0);
        roros(b, 1);
        for (String pod : List.of("B", "C")) {
            b.channel(RouteMode.SEA, "A", pod, List.of());
            seaLine(b, "S" + pod, pod, 14, 1000, 50_000);
        }
        Scenario s = b.build();
        LowerBounds.Relaxation rx = new LowerBounds.Relaxation(s);
        assertThat(rx.trivialLate()).isZero();
        VoyageMip.Result voyages = new VoyageMip(rx).solve();
        System.out.println("two channels, one ship: voyage bound " + voyages);
        // the second line cannot sail before the ship is back from the first crossing: more than
        // ten days late
        assertThat(voyages.late()).isGreaterThan(10 * 1000);
        // its LP relaxation (what larger models get) still sees half of it: the ship can be half
        // on each channel, so half of each line waits
        VoyageMip.Result relaxed = new VoyageMip(rx, VoyageMip.NODE_LIMIT, 0).solve();
        System.out.println("two channels, one ship: LP relaxation " + relaxed);
        assertThat(relaxed.note()).contains("LP relaxation");
        assertThat(relaxed.late()).isGreaterThan(5 * 1000).isLessThanOrEqualTo(voyages.late());
        LowerBound bound = LowerBounds.compute(s);
        assertThat(bound.method()).contains("whole voyages per channel");
        assertThat(bound.lateStonDays()).isGreaterThanOrEqualTo(voyages.late() * (1 - 1e-6));
        assertBelowACorrectFifoPlan(s, bound);
    }

    /**
     * A fast ship on a 20 nm hop turns round in four hours (an hour each to load, sail, unload and
     * sail back), so one hull sails three times in a 12-hour slot. Eight lines of five shiploads,
     * each due the day it is ready, over a 200-day horizon: the whole-voyage model has more than
     * {@link VoyageMip#MAX_COLUMNS} columns, so its LP relaxation is solved, which held each slot
     * to one sailing per hull and bounded the lines at 24,000 ston-days late, where fifo delivers
     * every one on time.
     */
    @Test
    void aShipThatTurnsRoundInHoursSailsMoreThanOnceASlot() {
        ScenarioBuilder b =
                ScenarioBuilder.named("short-hop")
                        .horizon(200)
                        .seaport("A", 40.0, -70.0, 1, 0)
                        .seaport("B", 40.3, -70.0, 1, 0)
                        .sea(
                                "HOP",
                                1,
                                "A",
                                100,
                                100_000,
                                20,
                                new GroundHours(1, 1, 0),
                                CargoClass.BULK)
                        .channel(RouteMode.SEA, "A", "B", List.of(), 20);
        for (int day = 0; day < 8; day++) {
            b.line(
                    "L" + day,
                    LineMode.SEA,
                    "A",
                    "A",
                    "B",
                    "B",
                    0,
                    ScenarioBuilder.dates(day, day, day, day, day),
                    ScenarioBuilder.cargo(CargoClass.BULK, 500, 5000));
        }
        Scenario s = b.build();
        LowerBound bound = LowerBounds.compute(s);
        System.out.println("short hop: " + bound);
        assertThat(bound.method()).contains("LP relaxation");
        assertBelowACorrectFifoPlan(s, bound);
    }

    /**
     * A scenario may weigh people at nothing ({@code paxWeightStons: 0}, which the validator
     * accepts): they then add no late ston-days but still need seats, and still count for the
     * closure day. A person's share of a seat had been worked out as {@code 1 / (paxCapacity × 0)},
     * an infinite coefficient in the whole-voyage model's rows. Here ships that carry people and
     * cargo take more lines than one voyage holds: the bound stays finite, at or below a correct
     * plan, and above 0, since the cargo alone needs more voyages than arrive in time.
     */
    @Test
    void peopleWeighingNothingStillNeedSeatsAndKeepTheBoundFinite() {
        Scenario light = troopships(0);
        LowerBound b = LowerBounds.compute(light);
        System.out.println("people weighing nothing: " + b);
        assertThat(Double.isFinite(b.lateStonDays())).as("late bound " + b).isTrue();
        assertThat(b.method()).contains("whole voyages per channel, SCIP (solved)");
        assertBelowACorrectFifoPlan(light, b);
        CheckReport lns =
                PlanChecker.check(
                        light,
                        Planners.byName("lns").plan(light, new PlanOptions(1, 200), Progress.NONE));
        assertThat(lns.violations()).isEmpty();
        assertThat(b.lateStonDays()).isLessThanOrEqualTo(lns.measures().lateStonDays() + 1e-6);
        assertThat(b.lateStonDays()).isPositive();
    }

    /**
     * A LAND line that closes after the horizon is unmet in every plan, so no plan leaves nothing
     * unmet, and the closure bound is the horizon, as where no plan can deliver every line in time.
     * The bound had left such a line out of the closure: with it alone the bound said -1, which
     * {@code muster bound} prints as "the scenario has no lines to deliver", and beside an AIR line
     * it gave that line's day, as if a plan could close then with nothing unmet.
     */
    @Test
    void aLandLineClosingAfterTheHorizonPutsTheClosureBoundAtTheHorizon() {
        ScenarioBuilder land =
                ScenarioBuilder.named("late road march")
                        .horizon(10)
                        .installation("HOME", 50.0, 10.0)
                        .assemblyArea("AA", 45.0, 25.0)
                        .road("HOME", "AA", 100)
                        .landLine(
                                "L1",
                                "HOME",
                                "AA",
                                100,
                                ScenarioBuilder.dates(7, 7, 8, 9, 9),
                                ScenarioBuilder.cargo(CargoClass.BULK, 400));
        Scenario alone = land.build();
        for (LowerBound b :
                List.of(LowerBounds.compute(alone), LowerBounds.earliestArrival(alone))) {
            assertThat(b.closureDay()).as(b.toString()).isEqualTo(10);
            // the road march reaches its destination on day 11: unmet, counted on day 10
            assertThat(b.lateStonDays()).as(b.toString()).isCloseTo(420 * (10 - 9), within(1e-3));
        }
        Scenario withAir =
                land.airfield("APOE", 40.0, -75.0, 2, 0)
                        .airfield("APOD", 50.0, 8.0, 2, 0)
                        .installation("FORT", 40.1, -75.1)
                        .road("FORT", "APOE", 1)
                        .road("APOD", "AA", 5)
                        .air(
                                "JET",
                                2,
                                "APOE",
                                100,
                                50,
                                450,
                                Double.POSITIVE_INFINITY,
                                new GroundHours(2, 2, 2),
                                CargoClass.PAX,
                                CargoClass.BULK)
                        .channel(RouteMode.AIR, "APOE", "APOD", List.of())
                        .line(
                                "A1",
                                LineMode.AIR,
                                "FORT",
                                "APOE",
                                "APOD",
                                "AA",
                                50,
                                ScenarioBuilder.dates(0, 0, 0, 3, 3),
                                ScenarioBuilder.cargo(CargoClass.BULK, 40))
                        .build();
        LowerBound b = LowerBounds.compute(withAir);
        assertThat(b.closureDay()).as(b.toString()).isEqualTo(10);
        CheckReport fifo =
                PlanChecker.check(
                        withAir,
                        new FifoPlanner().plan(withAir, new PlanOptions(1, 0), Progress.NONE));
        assertThat(fifo.violations()).isEmpty();
        assertThat(fifo.measures().unmet()).isNotEmpty();
        assertThat(b.lateStonDays()).isLessThanOrEqualTo(fifo.measures().lateStonDays() + 1e-6);
    }

    /** Two troopships at one port; six lines of people and cargo due the day they are ready. */
    private static Scenario troopships(double paxWeight) {
        ScenarioBuilder b =
                ScenarioBuilder.named("troopships")
                        .horizon(60)
                        .paxWeight(paxWeight)
                        .seaport("A", 40.0, -70.0, 1, 0)
                        .seaport("B", 48.0, -10.0, 1, 0)
                        .lift(
                                new LiftType(
                                        "TROOP",
                                        LiftMode.SEA,
                                        2,
                                        0,
                                        "A",
                                        EnumSet.of(CargoClass.PAX, CargoClass.BULK),
                                        2000,
                                        5000,
                                        100_000,
                                        20,
                                        Double.POSITIVE_INFINITY,
                                        new GroundHours(24, 24, 0)))
                        .channel(RouteMode.SEA, "A", "B", List.of());
        for (int i = 0; i < 6; i++) {
            int day = 2 * i;
            b.line(
                    "T" + i,
                    LineMode.SEA,
                    "A",
                    "A",
                    "B",
                    "B",
                    1500,
                    ScenarioBuilder.dates(day, day, day, day, day + 8),
                    ScenarioBuilder.cargo(CargoClass.BULK, 3000, 40_000));
        }
        return b.build();
    }

    /**
     * Every line and class on its due day, or at its earliest arrival where that is later, is the
     * cheapest point of the window LP; where it keeps every row it is the optimum and GLOP is not
     * called. On the 3-line and 12-line random scenarios both cases occur, and where the point fits
     * it gives GLOP's optimum, in all and for the sea part.
     */
    @Test
    void whereEveryLineFitsOnTimeOrEarliestTheLpNeedsNoSolver() {
        int fits = 0;
        int breaks = 0;
        for (long seed = 1; seed <= 30; seed++) {
            Scenario s = SmallScenarios.random(seed, seed <= 20 ? 3 : 12);
            LowerBounds.Relaxation rx = new LowerBounds.Relaxation(s);
            LowerBounds.WindowLp lp = new LowerBounds.WindowLp(rx, rx.resources());
            LowerBounds.WindowLp.Optimum glop = lp.solveWithGlop();
            assertThat(glop).as("seed %d", seed).isNotNull();
            LowerBounds.WindowLp.Optimum first = lp.atFirstPieces();
            if (first == null) {
                breaks++;
                assertThat(lp.solve().solved()).as("seed %d", seed).isTrue();
                continue;
            }
            fits++;
            double tol = 1e-6 * Math.max(1, glop.total());
            assertThat(first.total()).as("seed %d", seed).isCloseTo(glop.total(), within(tol));
            assertThat(first.sea()).as("seed %d", seed).isCloseTo(glop.sea(), within(tol));
            assertThat(lp.solve().solved()).as("seed %d", seed).isFalse();
        }
        System.out.println("window LP without a solver: " + fits + " of 30, with GLOP " + breaks);
        assertThat(fits).isPositive();
        assertThat(breaks).isPositive();
    }

    /**
     * Air and sea lines share no row, so solving the LP mode by mode gives the whole LP's optimum,
     * in all and for the sea part; and every unit joins a row deadline no earlier than its own and
     * no later than needed.
     */
    @Test
    void theLpSolvedModeByModeEqualsTheWholeLp() {
        int mixed = 0;
        for (long seed = 1; seed <= 30; seed++) {
            Scenario s = SmallScenarios.random(seed, 12);
            LowerBounds.Relaxation rx = new LowerBounds.Relaxation(s);
            List<LowerBounds.Relaxation.Resource> resources = rx.resources();
            LowerBounds.WindowLp lp = new LowerBounds.WindowLp(rx, resources);
            LowerBounds.WindowLp.Optimum whole = lp.solveWithGlop();
            LowerBounds.WindowLp.Optimum parts = lp.solveByMode(Integer.MAX_VALUE);
            assertThat(whole).as("seed %d", seed).isNotNull();
            assertThat(parts).as("seed %d", seed).isNotNull();
            assertThat(parts.leftOut()).isZero();
            double tol = 1e-6 * Math.max(1, whole.total());
            assertThat(parts.total()).as("seed %d", seed).isCloseTo(whole.total(), within(tol));
            assertThat(parts.sea()).as("seed %d", seed).isCloseTo(whole.sea(), within(tol));
            boolean air = false;
            boolean sea = false;
            for (LowerBounds.Commodity k : rx.commodities) {
                air |= k.mode() == LiftMode.AIR;
                sea |= k.mode() == LiftMode.SEA;
            }
            mixed += air && sea ? 1 : 0;
            for (LowerBounds.Relaxation.Resource r : resources) {
                double[] ends = LowerBounds.WindowLp.ends(r, rx.horizon);
                for (LowerBounds.Commodity k : r.users) {
                    for (int d = 0; d < rx.horizon; d++) {
                        double own = 24.0 * (d + 1) - r.onwardOf(k);
                        int j = LowerBounds.WindowLp.cell(ends, r, k, d);
                        if (own <= ends[ends.length - 1]) {
                            assertThat(ends[j]).as("seed %d", seed).isGreaterThan(own - 1e-5);
                        }
                        if (j > 0) {
                            assertThat(ends[j - 1]).as("seed %d", seed).isLessThan(own);
                        }
                    }
                }
            }
        }
        assertThat(mixed).isPositive();
    }

    /**
     * A part above the limit is bounded by the LPs of each POE's lines, added up: on 30 twelve-line
     * scenarios with the limit one below the larger part, the sum never exceeds the whole LP (a
     * restriction drops terms from every row and lines from the objective) nor a correct plan of
     * fifo or lns, it lifts the value above the cheapest point's where the whole LP does on some;
     * the bound keeps its closure and names how it was found.
     */
    @Test
    void aPartAboveTheLimitIsBoundedByItsPoesLinesAddedUp() {
        int used = 0;
        int lifted = 0;
        for (long seed = 1; seed <= 30; seed++) {
            Scenario s = SmallScenarios.random(seed, 12);
            LowerBounds.Relaxation rx = new LowerBounds.Relaxation(s);
            int air = 0;
            int sea = 0;
            double cheapest = 0;
            for (LowerBounds.Commodity k : rx.commodities) {
                air += k.mode() == LiftMode.AIR ? 1 : 0;
                sea += k.mode() == LiftMode.SEA ? 1 : 0;
                cheapest +=
                        k.weight()
                                * Math.max(0, LowerBounds.WindowLp.pieces(k, rx.horizon).get(0)[1]);
            }
            int limit = Math.max(air, sea) - 1;
            LowerBounds.WindowLp lp = new LowerBounds.WindowLp(rx, rx.resources());
            LowerBounds.WindowLp.Optimum whole = lp.solveByMode(Integer.MAX_VALUE);
            LowerBounds.WindowLp.Optimum part = lp.solveByMode(limit);
            String at =
                    "seed " + seed + " (SmallScenarios.random(" + seed + ", 12)), limit " + limit;
            assertThat(whole).as(at).isNotNull();
            assertThat(part).as(at).isNotNull();
            System.out.printf(
                    "%s: cheapest point %.1f, by each POE's lines %.1f, whole LP %.1f%n",
                    at, cheapest, part.leftOut() > 0 ? Double.NaN : part.total(), whole.total());
            if (part.leftOut() > 0) {
                continue;
            }
            double tol = 1e-6 * Math.max(1, whole.total());
            assertThat(part.total()).as(at).isLessThanOrEqualTo(whole.total() + tol);
            assertThat(part.total()).as(at).isGreaterThanOrEqualTo(cheapest - tol);
            if (part.how().contains("restricted to the lines of each POE")) {
                used++;
                lifted += part.total() > cheapest + 1e-3 ? 1 : 0;
                LowerBound b = LowerBounds.compute(s, limit);
                assertThat(b.method()).as(at).contains("restricted to the lines of each POE");
                assertThat(b.closureDay()).as(at).isEqualTo(LowerBounds.compute(s).closureDay());
                // the sum holds below correct plans of both planners
                PlanOptions opt = new PlanOptions(seed, 200);
                for (Plan plan :
                        List.of(
                                new FifoPlanner().plan(s, opt, Progress.NONE),
                                Planners.byName("lns").plan(s, opt, Progress.NONE))) {
                    String who = at + " " + plan.planner().name();
                    CheckReport check = PlanChecker.check(s, plan);
                    assertThat(check.violations()).as(who).isEmpty();
                    assertThat(b.lateStonDays())
                            .as(who + " bound vs plan lateStonDays")
                            .isLessThanOrEqualTo(check.measures().lateStonDays() + 1e-6);
                    if (check.measures().unmet().isEmpty()) {
                        assertThat(b.closureDay())
                                .as(who + " bound vs plan closureDay")
                                .isLessThanOrEqualTo(check.measures().closureDay());
                    }
                }
            }
        }
        System.out.printf(
                "restricted to each POE's lines on %d of 30: above the cheapest point on %d%n",
                used, lifted);
        assertThat(used).isPositive();
        assertThat(lifted).isPositive();
    }

    /**
     * Which restrictions GLOP solves is settled before any is solved: those that break a row, by
     * how much, each to the first of the two threads whose budget of {@code limit} commodities
     * still holds it. The sum is then what solving the same restrictions one after another gives,
     * and the same on every call.
     */
    @Test
    void theRestrictionsGivenToGlopShareTwoThreadsBudgetsAndAddUpAsIfSolvedInTurn() {
        int secondUsed = 0;
        for (long seed = 1; seed <= 30; seed++) {
            Scenario s = SmallScenarios.random(seed, 12);
            LowerBounds.Relaxation rx = new LowerBounds.Relaxation(s);
            List<LowerBounds.Relaxation.Resource> all = rx.resources();
            for (LiftMode mode : LiftMode.values()) {
                List<LowerBounds.Commodity> ks = new ArrayList<>();
                for (LowerBounds.Commodity k : rx.commodities) {
                    if (k.mode() == mode) {
                        ks.add(k);
                    }
                }
                List<LowerBounds.Relaxation.Resource> rs = new ArrayList<>();
                for (LowerBounds.Relaxation.Resource r : all) {
                    if (!r.users.isEmpty() && r.users.get(0).mode() == mode) {
                        rs.add(r);
                    }
                }
                // the restrictions as the bound builds them, the ones breaking a row first
                Map<String, List<LowerBounds.Commodity>> byPoe = new TreeMap<>();
                for (LowerBounds.Commodity k : ks) {
                    byPoe.computeIfAbsent(k.line().poe(), x -> new ArrayList<>()).add(k);
                }
                List<LowerBounds.WindowLp> subs = new ArrayList<>();
                Map<LowerBounds.WindowLp, Double> over = new HashMap<>();
                for (List<LowerBounds.Commodity> mine : byPoe.values()) {
                    List<LowerBounds.Relaxation.Resource> used = new ArrayList<>();
                    for (LowerBounds.Relaxation.Resource r : rs) {
                        if (r.users.stream().anyMatch(mine::contains)) {
                            used.add(r);
                        }
                    }
                    LowerBounds.WindowLp sub = new LowerBounds.WindowLp(rx, mine, used);
                    subs.add(sub);
                    over.put(sub, sub.overload(false));
                }
                List<LowerBounds.WindowLp> breaking = new ArrayList<>();
                for (LowerBounds.WindowLp sub : subs) {
                    if (over.get(sub) > 0) {
                        breaking.add(sub);
                    }
                }
                if (breaking.size() < 2) {
                    continue;
                }
                breaking.sort((a, b) -> Double.compare(over.get(b), over.get(a)));
                int limit = 0;
                for (LowerBounds.WindowLp sub : breaking) {
                    limit = Math.max(limit, sub.commodities.size());
                }
                // first fit into two budgets of the limit, in the order above
                int[] budget = {limit, limit};
                double expected = 0;
                int solvedSize = 0;
                for (LowerBounds.WindowLp sub : subs) {
                    int n = sub.commodities.size();
                    int w =
                            !breaking.contains(sub)
                                    ? -1
                                    : n <= budget[0] ? 0 : n <= budget[1] ? 1 : -1;
                    if (w >= 0) {
                        budget[w] -= n;
                        solvedSize += n;
                        expected += sub.solveWithGlop().total();
                    } else {
                        expected += sub.cheapestPoint().total();
                    }
                }
                LowerBounds.WindowLp part = new LowerBounds.WindowLp(rx, ks, rs);
                LowerBounds.WindowLp.Optimum first = part.byPortOfEmbarkation(limit);
                LowerBounds.WindowLp.Optimum again = part.byPortOfEmbarkation(limit);
                String at =
                        "seed "
                                + seed
                                + " (SmallScenarios.random("
                                + seed
                                + ", 12)), "
                                + mode
                                + " part, limit "
                                + limit;
                System.out.printf(
                        "%s: %d restrictions break a row, GLOP given %d commodities; sum %.1f%n",
                        at, breaking.size(), solvedSize, first.total());
                assertThat(first.total())
                        .as(at)
                        .isCloseTo(expected, within(1e-6 * Math.max(1, expected)));
                assertThat(again.total()).as(at + ", second call").isEqualTo(first.total());
                assertThat(first.how()).as(at).contains("each of GLOP's 2 threads given at most");
                secondUsed += solvedSize > limit ? 1 : 0;
            }
        }
        System.out.printf("the second thread's budget used on %d parts%n", secondUsed);
        assertThat(secondUsed).isPositive();
    }

    /**
     * Tiny seed 1: 21.5 stons due by day 6 that only the one JET-B (16 stons a sortie) can fly in
     * time, since a JET-A's segment does not fit between the line's ready hour and the day's
     * deadline; two sorties are needed and one fits. The fluid segment row counts the JET-B's room
     * by its largest payload (people), so only whole segments by channel see it. Tiny seed 2: one
     * aircraft, two lines from two POEs needing two and three sorties; one line may not reach its
     * POD before day 3, so its sorties cannot begin at its ready hour, and five do not fit by day
     * 6. On both the best plans close on day 7 (the exact planner proves it in the benchmark).
     */
    @Test
    void closureCountsWholeSegmentsPerChannelInTheTimeTheyCanTake() {
        SmallScenarios.Knobs tiny = new SmallScenarios.Knobs(true, true, 2, 2);
        for (long seed : new long[] {1, 2}) {
            Scenario s = SmallScenarios.random(seed, 3, tiny);
            LowerBound b = LowerBounds.compute(s);
            assertThat(b.closureDay()).as("seed " + seed).isEqualTo(7);
            assertThat(LowerBounds.earliestArrival(s).closureDay())
                    .as("seed " + seed + " earliest arrival alone")
                    .isLessThan(7);
            assertBelowACorrectFifoPlan(s, b);
            Plan lns = Planners.byName("lns").plan(s, PlanOptions.of(s), Progress.NONE);
            CheckReport check = PlanChecker.check(s, lns);
            assertThat(check.violations()).isEmpty();
            assertThat(check.measures().unmet()).isEmpty();
            assertThat(check.measures().closureDay()).as("seed " + seed + " lns").isEqualTo(7);
        }
    }

    private static void assertBelowACorrectFifoPlan(Scenario s, LowerBound b) {
        CheckReport fifo =
                PlanChecker.check(
                        s, new FifoPlanner().plan(s, new PlanOptions(1, 0), Progress.NONE));
        assertThat(fifo.violations()).isEmpty();
        assertThat(b.lateStonDays()).isLessThanOrEqualTo(fifo.measures().lateStonDays() + 1e-6);
        assertThat(b.closureDay()).isLessThanOrEqualTo(fifo.measures().closureDay());
    }
}
