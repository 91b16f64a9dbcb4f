package muster.engine.explain;

import static muster.engine.check.testkit.ScenarioBuilder.cargo;
import static muster.engine.check.testkit.ScenarioBuilder.dates;
import static muster.engine.explain.LateScenarios.crossing;
import static muster.engine.explain.LateScenarios.hop;
import static muster.engine.explain.LateScenarios.jets;
import static muster.engine.explain.LateScenarios.lines;
import static muster.engine.explain.LateScenarios.ships;
import static muster.engine.explain.LateScenarios.stopAtC;
import static muster.model.CargoClass.BULK;
import static muster.model.CargoClass.NAT;
import static muster.model.CargoClass.PAX;
import static muster.model.LineMode.AIR;
import static muster.model.LineMode.SEA;
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
import muster.model.Constraint;
import muster.model.GroundHours;
import muster.model.LiftMode;
import muster.model.LiftType;
import muster.model.LineResult;
import muster.model.Plan;
import muster.model.RouteMode;
import muster.model.Scenario;
import org.assertj.core.api.AbstractStringAssert;
import org.assertj.core.api.ListAssert;
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

    /** The reason of the plan's first late line, to assert on. */
    private static AbstractStringAssert<?> firstReason(String planner, Plan p) {
        return assertThat(late(planner, p).get(0).reason()).as(planner);
    }

    /** The plan's binding constraints, to assert on. */
    private static ListAssert<Constraint> constraints(String planner, Plan p) {
        return assertThat(p.bindingConstraints()).as(planner);
    }

    @ParameterizedTest
    @ValueSource(strings = {"lns", "fifo", "exact"})
    void aLineReadyTooLateForItsRddIsLateByItsReadyDate(String planner) {
        // ready at A at hour 72 (day 3, its RDD); the quickest jet takes 24 h: it closes on day 4
        // however much lift there is, and a second jet stands by
        ScenarioBuilder b = jets(hop("ready late", 0), "JET", 2, 200, PAX, BULK);
        lines(b, AIR, dates(3, 3, 3, 3, 3), cargo(BULK, 40), "LATE");
        Plan p = plan(planner, b.build());
        firstReason(planner, p)
                .startsWith("ready date: at A from hour 72.0 (day 3)")
                .contains("could not close before day 4, after RDD 3");
        constraints(planner, p).containsExactly(new Constraint("READY_DATE", "LATE", "4", 40.0, 1));
    }

    @ParameterizedTest
    @ValueSource(strings = {"lns", "fifo", "exact"})
    void aLineLateForItsLongRoadFromThePodIsLateByTheRoadNotItsReadyDate(String planner) {
        // ready at hour 0, at B after 14 h, then 48 h by road to the camp: day 2, after RDD 1;
        // without the road it would close on day 0
        ScenarioBuilder b = jets(hop("long road", 48), "JET", 2, 400, PAX, BULK);
        lines(b, AIR, dates(0, 0, 0, 1, 1), cargo(BULK, 40), "FAR");
        Plan p = plan(planner, b.build());
        LineResult r = late(planner, p).get(0);
        assertThat(r.lateDays()).isEqualTo(1);
        assertThat(r.reason())
                .as(planner)
                .startsWith("road or rail: 48.0 h from B to CAMP")
                .contains("with no time on the road it could close by day 0");
        constraints(planner, p)
                .containsExactly(new Constraint("ROAD_RAIL", "B → CAMP", "2", 40.0, 1));
    }

    @ParameterizedTest
    @ValueSource(strings = {"lns", "fifo", "exact"})
    void ofTwoLinesThroughOneBerthTheOneThatWaitsIsLateForTheBerth(String planner) {
        // each line fills a ship and two ships lie at P, but P has one berth and a 48 h onload:
        // one ship sails at hour 48, and its line closes on day 9, after RDD 8
        ScenarioBuilder b = ships(crossing("one berth", 20, 1, 5, 2360), 2, 48, 24);
        lines(b, SEA, dates(0, 0, 0, 8, 8), cargo(NAT, 1000, 10000), "ONE", "TWO");
        Plan p = plan(planner, b.build());
        for (LineResult r : late(planner, p)) {
            assertThat(r.reason())
                    .as(planner + " " + r.uln())
                    .startsWith("berths at P on days")
                    .contains("(berths 1)");
        }
        constraints(planner, p)
                .extracting(Constraint::kind, Constraint::subject)
                .containsExactly(Tuple.tuple("BERTHS", "P"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"lns", "fifo", "exact"})
    void ofTwoLinesForOneJetTheSecondIsLateForWantOfAJet(String planner) {
        // each line fills the one jet; it closes the first at hour 14 and is back at A at hour
        // 24: the second closes at hour 38, on day 1, after RDD 0. Room is everywhere
        ScenarioBuilder b = jets(hop("one jet", 0), "JET", 1, 400, PAX, BULK);
        lines(b, AIR, dates(0, 0, 0, 0, 0), cargo(BULK, 40), "J1", "J2");
        Plan p = plan(planner, b.build());
        // a planner may also fly half of each line on each sortie, at the same cost
        for (LineResult r : late(planner, p)) {
            assertThat(r.reason())
                    .as(planner + " " + r.uln())
                    .isEqualTo("fleet of JET on days 0-1: loads waited 24.0 h for a free JET");
        }
        constraints(planner, p)
                .extracting(Constraint::kind, Constraint::subject, Constraint::lateStonDays)
                .containsExactly(Tuple.tuple("FLEET", "JET", 40.0));
    }

    @ParameterizedTest
    @ValueSource(strings = {"lns", "fifo", "exact"})
    void ofTwoSortiesThroughAnEnRouteBaseWithMogOneTheSecondIsLateForThatBase(String planner) {
        // every sortie stops 6 h at C, where one aircraft fits at a time; two jets, one line each:
        // the second reaches C when the first has left, and closes at hour 26, after RDD 0
        ScenarioBuilder b =
                stopAtC("mog one en route", 0, 1)
                        .channel(RouteMode.AIR, "A", "B", List.of("C"), 2000, 2000);
        jets(b, "JET", 2, 400, Double.POSITIVE_INFINITY, 6, BULK);
        lines(b, AIR, dates(0, 0, 0, 0, 0), cargo(BULK, 40), "E1", "E2");
        Plan p = plan(planner, b.build());
        for (LineResult r : late(planner, p)) {
            assertThat(r.reason())
                    .as(planner + " " + r.uln())
                    .isEqualTo(
                            "MOG at C on days 0: loads waited 6.0 h for a ground slot there"
                                    + " (MOG 1)");
        }
        constraints(planner, p)
                .extracting(Constraint::kind, Constraint::subject, Constraint::lateStonDays)
                .containsExactly(Tuple.tuple("MOG", "C", 40.0));
    }

    @ParameterizedTest
    @ValueSource(strings = {"lns", "fifo", "exact"})
    void aLineAJetCannotReachBeforeItIsAvailableIsLateForThatFleet(String planner) {
        // the one type comes into service on day 2: no plan closes the line before day 2
        ScenarioBuilder b =
                hop("late fleet", 0)
                        .lift(
                                new LiftType(
                                        "JET",
                                        LiftMode.AIR,
                                        2,
                                        2,
                                        "A",
                                        EnumSet.of(BULK),
                                        0,
                                        40,
                                        0,
                                        400,
                                        Double.POSITIVE_INFINITY,
                                        new GroundHours(2, 2, 2)));
        lines(b, AIR, dates(0, 0, 0, 0, 0), cargo(BULK, 40), "EARLY");
        Plan p = plan(planner, b.build());
        firstReason(planner, p)
                .startsWith(
                        "fleet of JET: no JET, the type that could close it first, can be at A"
                                + " before hour 48.0 (available from day 2 at A)");
        constraints(planner, p).containsExactly(new Constraint("FLEET", "JET", "0-2", 80.0, 1));
    }

    @ParameterizedTest
    @ValueSource(strings = {"lns", "fifo", "exact"})
    void aLineHeldByItsEadIsLateByItsEad(String planner) {
        // it may not be at Q before day 10 (its RDD) and a ship offloads for 30 h: day 11
        ScenarioBuilder b = ships(crossing("ead", 20, 2, 2, 2400), 1, 24, 30);
        lines(b, SEA, dates(0, 0, 10, 10, 10), cargo(NAT, 500, 5000), "WAITS");
        Plan p = plan(planner, b.build());
        firstReason(planner, p)
                .isEqualTo(
                        "EAD: it may not reach Q before day 10; even moved at once it could not"
                                + " close before day 11, after RDD 10");
        constraints(planner, p).containsExactly(new Constraint("EAD", "WAITS", "11", 500.0, 1));
    }

    @ParameterizedTest
    @ValueSource(strings = {"lns", "fifo", "exact"})
    void aLineWhoseJetsMustStopForRangeIsLateByTheRange(String planner) {
        // ready at hour 8 (A's handling); direct, 4,000 nm, it would close at hour 22, but the
        // jet's range of 3,000 nm sends it through C with a 6 h stop: hour 28.5, day 1
        ScenarioBuilder b =
                stopAtC("range", 8, 5)
                        .channel(RouteMode.AIR, "A", "B", List.of(), 4000)
                        .channel(RouteMode.AIR, "A", "B", List.of("C"), 2100, 2100);
        jets(b, "JET", 2, 400, 3000, 6, BULK);
        lines(b, AIR, dates(0, 0, 0, 0, 0), cargo(BULK, 40), "STOPS");
        Plan p = plan(planner, b.build());
        firstReason(planner, p)
                .startsWith(
                        "range of JET: no route from A to B within its 3000 nm is as quick as"
                                + " the direct one");
        constraints(planner, p).containsExactly(new Constraint("RANGE", "JET", "1", 40.0, 1));
    }

    @ParameterizedTest
    @ValueSource(strings = {"lns", "fifo", "exact"})
    void landLinesAreLateByTheirRoadOrByTheirReadyDate(String planner) {
        // one leaves on day 0 and drives 60 h (day 2, RDD 1); the other leaves on day 3, after
        // its RDD of 2, and drives 2 h
        ScenarioBuilder b = jets(hop("land", 0), "JET", 1, 400, PAX, BULK);
        b.installation("DEPOT", 50, 10).assemblyArea("FIELD", 51, 20).road("DEPOT", "FIELD", 60);
        b.assemblyArea("NEAR", 50.1, 10.1).road("DEPOT", "NEAR", 2);
        b.landLine("DRIVE", "DEPOT", "FIELD", 100, dates(0, 0, 0, 1, 1), cargo(BULK, 50));
        b.landLine("LATER", "DEPOT", "NEAR", 100, dates(3, 3, 3, 3, 2), cargo(BULK, 50));
        lines(b, AIR, dates(0, 0, 0, 5, 5), cargo(BULK, 40), "AIR");
        Plan p = plan(planner, b.build());
        assertThat(late(planner, p))
                .extracting(LineResult::uln, r -> r.reason().substring(0, 12))
                .containsExactly(
                        Tuple.tuple("DRIVE", "road or rail"), Tuple.tuple("LATER", "ready date: "));
        constraints(planner, p)
                .containsExactlyInAnyOrder(
                        new Constraint("ROAD_RAIL", "DEPOT → FIELD", "2", 70.0, 1),
                        new Constraint("READY_DATE", "LATER", "3", 70.0, 1));
    }
}
