package muster.engine.explain;

import static muster.engine.check.testkit.ScenarioBuilder.cargo;
import static muster.engine.check.testkit.ScenarioBuilder.dates;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.List;
import muster.engine.check.PlanChecker;
import muster.engine.check.testkit.ScenarioBuilder;
import muster.engine.exact.ExactPlanner;
import muster.engine.plan.PlanOptions;
import muster.engine.plan.Planner;
import muster.engine.plan.Planners;
import muster.engine.plan.Progress;
import muster.model.CargoClass;
import muster.model.Constraint;
import muster.model.GroundHours;
import muster.model.LiftMode;
import muster.model.LiftType;
import muster.model.LineMode;
import muster.model.LineResult;
import muster.model.Plan;
import muster.model.RouteMode;
import muster.model.Scenario;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Each late line's cause against small scenarios built so that one cause is known for certain, for
 * every planner: the same kind of plan gets the same cause whichever planner made it.
 */
class LateCausesTest {

    private static Plan plan(String planner, Scenario s) {
        // the exact planner with a small work limit, as its other tests run it: these scenarios
        // are a line or two
        Planner pl = planner.equals("exact") ? new ExactPlanner(1.0, 4) : Planners.byName(planner);
        Plan p = pl.plan(s, new PlanOptions(1, 200), Progress.NONE);
        assertThat(PlanChecker.check(s, p).violations()).as(planner + " violations").isEmpty();
        return p;
    }

    /** The late lines of a plan, each checked to have a reason, and the on-time ones none. */
    private static List<LineResult> late(String planner, Plan p) {
        for (LineResult r : p.lines()) {
            assertThat(r.reason())
                    .as(planner + " line " + r.uln() + " has a reason iff late")
                    .isEqualTo(r.lateDays() > 0 ? r.reason() : null);
            if (r.lateDays() > 0) {
                assertThat(r.reason()).as(planner + " line " + r.uln()).isNotBlank();
            }
        }
        List<LineResult> late = p.lines().stream().filter(r -> r.lateDays() > 0).toList();
        assertThat(late).as(planner + " late lines").isNotEmpty();
        return late;
    }

    /** A 4,000 nm hop from A to B, the camp at B and home at A, no roads to speak of. */
    private static ScenarioBuilder hop(String name) {
        return ScenarioBuilder.named(name)
                .horizon(10)
                .installation("HOME", 40, -75.1)
                .airfield("A", 40, -75, 10, 0)
                .airfield("B", 45, -60, 10, 0)
                .assemblyArea("CAMP", 45, -60.1)
                .road("HOME", "A", 0)
                .channel(RouteMode.AIR, "A", "B", List.of(), 4000);
    }

    private static ScenarioBuilder jets(ScenarioBuilder b, int count, double knots) {
        return b.air(
                "JET",
                count,
                "A",
                100,
                40,
                knots,
                Double.POSITIVE_INFINITY,
                new GroundHours(2, 2, 2),
                CargoClass.PAX,
                CargoClass.BULK);
    }

    @ParameterizedTest
    @ValueSource(strings = {"lns", "fifo", "exact"})
    void aLineReadyTooLateForItsRddIsLateByItsReadyDate(String planner) {
        // ready at A at hour 72 (day 3, its RDD); the quickest jet takes 24 h: it closes on day 4
        // however much lift there is, and a second jet stands by
        Scenario s =
                jets(hop("ready late").road("B", "CAMP", 0), 2, 200)
                        .line(
                                "LATE",
                                LineMode.AIR,
                                "HOME",
                                "A",
                                "B",
                                "CAMP",
                                0,
                                dates(3, 3, 3, 3, 3),
                                cargo(CargoClass.BULK, 40))
                        .build();
        Plan p = plan(planner, s);
        LineResult r = late(planner, p).get(0);
        assertThat(r.reason())
                .as(planner)
                .startsWith("ready date: at A from hour 72.0 (day 3)")
                .contains("could not close before day 4, after RDD 3");
        assertThat(p.bindingConstraints())
                .as(planner)
                .containsExactly(new Constraint("READY_DATE", "LATE", "4", 40.0, 1));
    }

    @ParameterizedTest
    @ValueSource(strings = {"lns", "fifo", "exact"})
    void aLineLateForItsLongRoadFromThePodIsLateByTheRoadNotItsReadyDate(String planner) {
        // ready at hour 0, at B after 14 h, then 48 h by road to the camp: day 2, after RDD 1;
        // without the road it would close on day 0
        Scenario s =
                jets(hop("long road").road("B", "CAMP", 48), 2, 400)
                        .line(
                                "FAR",
                                LineMode.AIR,
                                "HOME",
                                "A",
                                "B",
                                "CAMP",
                                0,
                                dates(0, 0, 0, 1, 1),
                                cargo(CargoClass.BULK, 40))
                        .build();
        Plan p = plan(planner, s);
        LineResult r = late(planner, p).get(0);
        assertThat(r.lateDays()).isEqualTo(1);
        assertThat(r.reason())
                .as(planner)
                .startsWith("road or rail: 48.0 h from B to CAMP")
                .contains("with no time on the road it could close by day 0");
        assertThat(p.bindingConstraints())
                .as(planner)
                .containsExactly(new Constraint("ROAD_RAIL", "B → CAMP", "2", 40.0, 1));
    }

    @ParameterizedTest
    @ValueSource(strings = {"lns", "fifo", "exact"})
    void ofTwoLinesThroughOneBerthTheOneThatWaitsIsLateForTheBerth(String planner) {
        // each line fills a ship and two ships lie at P, but P has one berth and a 48 h onload:
        // one ship sails at hour 48, and its line closes on day 9, after RDD 8
        Scenario s =
                ScenarioBuilder.named("one berth")
                        .horizon(20)
                        .installation("HOME", 30, -80.1)
                        .seaport("P", 30, -80, 1, 0)
                        .seaport("Q", 50, 0, 5, 0)
                        .assemblyArea("CAMP", 50, 0.1)
                        .road("HOME", "P", 0)
                        .road("Q", "CAMP", 0)
                        .channel(RouteMode.SEA, "P", "Q", List.of(), 2360)
                        .sea(
                                "SHIP",
                                2,
                                "P",
                                1000,
                                10000,
                                20,
                                new GroundHours(48, 24, 0),
                                CargoClass.NAT)
                        .line(
                                "ONE",
                                LineMode.SEA,
                                "HOME",
                                "P",
                                "Q",
                                "CAMP",
                                0,
                                dates(0, 0, 0, 8, 8),
                                cargo(CargoClass.NAT, 1000, 10000))
                        .line(
                                "TWO",
                                LineMode.SEA,
                                "HOME",
                                "P",
                                "Q",
                                "CAMP",
                                0,
                                dates(0, 0, 0, 8, 8),
                                cargo(CargoClass.NAT, 1000, 10000))
                        .build();
        Plan p = plan(planner, s);
        for (LineResult r : late(planner, p)) {
            assertThat(r.reason())
                    .as(planner + " " + r.uln())
                    .startsWith("berths at P on days")
                    .contains("(berths 1)");
        }
        assertThat(p.bindingConstraints())
                .as(planner)
                .extracting(Constraint::kind, Constraint::subject)
                .containsExactly(Tuple.tuple("BERTHS", "P"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"lns", "fifo", "exact"})
    void ofTwoLinesForOneJetTheSecondIsLateForWantOfAJet(String planner) {
        // each line fills the one jet; it closes the first at hour 14 and is back at A at hour
        // 24: the second closes at hour 38, on day 1, after RDD 0. Room is everywhere
        Scenario s =
                jets(hop("one jet").road("B", "CAMP", 0), 1, 400)
                        .line(
                                "J1",
                                LineMode.AIR,
                                "HOME",
                                "A",
                                "B",
                                "CAMP",
                                0,
                                dates(0, 0, 0, 0, 0),
                                cargo(CargoClass.BULK, 40))
                        .line(
                                "J2",
                                LineMode.AIR,
                                "HOME",
                                "A",
                                "B",
                                "CAMP",
                                0,
                                dates(0, 0, 0, 0, 0),
                                cargo(CargoClass.BULK, 40))
                        .build();
        Plan p = plan(planner, s);
        // a planner may also fly half of each line on each sortie, at the same cost
        for (LineResult r : late(planner, p)) {
            assertThat(r.reason())
                    .as(planner + " " + r.uln())
                    .isEqualTo("fleet of JET on days 0-1: loads waited 24.0 h for a free JET");
        }
        assertThat(p.bindingConstraints())
                .as(planner)
                .extracting(Constraint::kind, Constraint::subject, Constraint::lateStonDays)
                .containsExactly(Tuple.tuple("FLEET", "JET", 40.0));
    }

    @ParameterizedTest
    @ValueSource(strings = {"lns", "fifo", "exact"})
    void ofTwoSortiesThroughAnEnRouteBaseWithMogOneTheSecondIsLateForThatBase(String planner) {
        // every sortie stops 6 h at C, where one aircraft fits at a time; two jets, one line each:
        // the second reaches C when the first has left, and closes at hour 26, after RDD 0
        Scenario s =
                ScenarioBuilder.named("mog one en route")
                        .horizon(10)
                        .installation("HOME", 40, -75.1)
                        .airfield("A", 40, -75, 5, 0)
                        .airfield("C", 42, -67, 1, 0)
                        .airfield("B", 45, -60, 5, 0)
                        .assemblyArea("CAMP", 45, -60.1)
                        .road("HOME", "A", 0)
                        .road("B", "CAMP", 0)
                        .channel(RouteMode.AIR, "A", "B", List.of("C"), 2000, 2000)
                        .air(
                                "JET",
                                2,
                                "A",
                                100,
                                40,
                                400,
                                Double.POSITIVE_INFINITY,
                                new GroundHours(2, 2, 6),
                                CargoClass.BULK)
                        .line(
                                "E1",
                                LineMode.AIR,
                                "HOME",
                                "A",
                                "B",
                                "CAMP",
                                0,
                                dates(0, 0, 0, 0, 0),
                                cargo(CargoClass.BULK, 40))
                        .line(
                                "E2",
                                LineMode.AIR,
                                "HOME",
                                "A",
                                "B",
                                "CAMP",
                                0,
                                dates(0, 0, 0, 0, 0),
                                cargo(CargoClass.BULK, 40))
                        .build();
        Plan p = plan(planner, s);
        for (LineResult r : late(planner, p)) {
            assertThat(r.reason())
                    .as(planner + " " + r.uln())
                    .isEqualTo(
                            "MOG at C on days 0: loads waited 6.0 h for a ground slot there"
                                    + " (MOG 1)");
        }
        assertThat(p.bindingConstraints())
                .as(planner)
                .extracting(Constraint::kind, Constraint::subject, Constraint::lateStonDays)
                .containsExactly(Tuple.tuple("MOG", "C", 40.0));
    }

    @ParameterizedTest
    @ValueSource(strings = {"lns", "fifo", "exact"})
    void aLineAJetCannotReachBeforeItIsAvailableIsLateForThatFleet(String planner) {
        // the one type comes into service on day 2: no plan closes the line before day 2
        Scenario s =
                hop("late fleet")
                        .road("B", "CAMP", 0)
                        .lift(
                                new LiftType(
                                        "JET",
                                        LiftMode.AIR,
                                        2,
                                        2,
                                        "A",
                                        EnumSet.of(CargoClass.BULK),
                                        0,
                                        40,
                                        0,
                                        400,
                                        Double.POSITIVE_INFINITY,
                                        new GroundHours(2, 2, 2)))
                        .line(
                                "EARLY",
                                LineMode.AIR,
                                "HOME",
                                "A",
                                "B",
                                "CAMP",
                                0,
                                dates(0, 0, 0, 0, 0),
                                cargo(CargoClass.BULK, 40))
                        .build();
        Plan p = plan(planner, s);
        assertThat(late(planner, p).get(0).reason())
                .as(planner)
                .startsWith(
                        "fleet of JET: no JET, the type that could close it first, can be at A"
                                + " before hour 48.0 (available from day 2 at A)");
        assertThat(p.bindingConstraints())
                .as(planner)
                .containsExactly(new Constraint("FLEET", "JET", "0-2", 80.0, 1));
    }

    @ParameterizedTest
    @ValueSource(strings = {"lns", "fifo", "exact"})
    void aLineHeldByItsEadIsLateByItsEad(String planner) {
        // it may not be at Q before day 10 (its RDD) and a ship offloads for 30 h: day 11
        Scenario s =
                ScenarioBuilder.named("ead")
                        .horizon(20)
                        .installation("HOME", 30, -80.1)
                        .seaport("P", 30, -80, 2, 0)
                        .seaport("Q", 50, 0, 2, 0)
                        .assemblyArea("CAMP", 50, 0.1)
                        .road("HOME", "P", 0)
                        .road("Q", "CAMP", 0)
                        .channel(RouteMode.SEA, "P", "Q", List.of(), 2400)
                        .sea(
                                "SHIP",
                                1,
                                "P",
                                1000,
                                10000,
                                20,
                                new GroundHours(24, 30, 0),
                                CargoClass.NAT)
                        .line(
                                "WAITS",
                                LineMode.SEA,
                                "HOME",
                                "P",
                                "Q",
                                "CAMP",
                                0,
                                dates(0, 0, 10, 10, 10),
                                cargo(CargoClass.NAT, 500, 5000))
                        .build();
        Plan p = plan(planner, s);
        assertThat(late(planner, p).get(0).reason())
                .as(planner)
                .isEqualTo(
                        "EAD: it may not reach Q before day 10; even moved at once it could not"
                                + " close before day 11, after RDD 10");
        assertThat(p.bindingConstraints())
                .as(planner)
                .containsExactly(new Constraint("EAD", "WAITS", "11", 500.0, 1));
    }

    @ParameterizedTest
    @ValueSource(strings = {"lns", "fifo", "exact"})
    void aLineWhoseJetsMustStopForRangeIsLateByTheRange(String planner) {
        // ready at hour 8 (A's handling); direct, 4,000 nm, it would close at hour 22, but the
        // jet's range of 3,000 nm sends it through C with a 6 h stop: hour 28.5, day 1
        Scenario s =
                ScenarioBuilder.named("range")
                        .horizon(10)
                        .installation("HOME", 40, -75.1)
                        .airfield("A", 40, -75, 5, 8)
                        .airfield("C", 42, -67, 5, 0)
                        .airfield("B", 45, -60, 5, 0)
                        .assemblyArea("CAMP", 45, -60.1)
                        .road("HOME", "A", 0)
                        .road("B", "CAMP", 0)
                        .channel(RouteMode.AIR, "A", "B", List.of(), 4000)
                        .channel(RouteMode.AIR, "A", "B", List.of("C"), 2100, 2100)
                        .air(
                                "JET",
                                2,
                                "A",
                                100,
                                40,
                                400,
                                3000,
                                new GroundHours(2, 2, 6),
                                CargoClass.BULK)
                        .line(
                                "STOPS",
                                LineMode.AIR,
                                "HOME",
                                "A",
                                "B",
                                "CAMP",
                                0,
                                dates(0, 0, 0, 0, 0),
                                cargo(CargoClass.BULK, 40))
                        .build();
        Plan p = plan(planner, s);
        assertThat(late(planner, p).get(0).reason())
                .as(planner)
                .startsWith(
                        "range of JET: no route from A to B within its 3000 nm is as quick as"
                                + " the direct one");
        assertThat(p.bindingConstraints())
                .as(planner)
                .containsExactly(new Constraint("RANGE", "JET", "1", 40.0, 1));
    }

    @ParameterizedTest
    @ValueSource(strings = {"lns", "fifo", "exact"})
    void landLinesAreLateByTheirRoadOrByTheirReadyDate(String planner) {
        // one leaves on day 0 and drives 60 h (day 2, RDD 1); the other leaves on day 3, after
        // its RDD of 2, and drives 2 h
        Scenario s =
                jets(hop("land").road("B", "CAMP", 0), 1, 400)
                        .installation("DEPOT", 50, 10)
                        .assemblyArea("FIELD", 51, 20)
                        .road("DEPOT", "FIELD", 60)
                        .assemblyArea("NEAR", 50.1, 10.1)
                        .road("DEPOT", "NEAR", 2)
                        .landLine(
                                "DRIVE",
                                "DEPOT",
                                "FIELD",
                                100,
                                dates(0, 0, 0, 1, 1),
                                cargo(CargoClass.BULK, 50))
                        .landLine(
                                "LATER",
                                "DEPOT",
                                "NEAR",
                                100,
                                dates(3, 3, 3, 3, 2),
                                cargo(CargoClass.BULK, 50))
                        .line(
                                "AIR",
                                LineMode.AIR,
                                "HOME",
                                "A",
                                "B",
                                "CAMP",
                                0,
                                dates(0, 0, 0, 5, 5),
                                cargo(CargoClass.BULK, 40))
                        .build();
        Plan p = plan(planner, s);
        assertThat(late(planner, p))
                .extracting(LineResult::uln, r -> r.reason().substring(0, 12))
                .containsExactly(
                        Tuple.tuple("DRIVE", "road or rail"), Tuple.tuple("LATER", "ready date: "));
        assertThat(p.bindingConstraints())
                .as(planner)
                .containsExactlyInAnyOrder(
                        new Constraint("ROAD_RAIL", "DEPOT → FIELD", "2", 70.0, 1),
                        new Constraint("READY_DATE", "LATER", "3", 70.0, 1));
    }
}
