package muster.engine.exact;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import muster.engine.check.CheckReport;
import muster.engine.check.PlanChecker;
import muster.engine.check.Violation;
import muster.engine.plan.PlanOptions;
import muster.engine.plan.Planners;
import muster.engine.plan.Progress;
import muster.engine.plan.ScenarioBuilder;
import muster.model.Activity;
import muster.model.CargoClass;
import muster.model.Geo;
import muster.model.LineMode;
import muster.model.Mission;
import muster.model.Plan;
import muster.model.Scenario;
import muster.model.Stop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Two air routes join the same two airfields with legs of 4,500 and 300 nm. Rule 3 gives an empty
 * leg between them "that route leg's distance", which each of the two is, so a plan is correct
 * whichever it takes and whichever route the file lists first; a leg timed by neither is not.
 */
class SharedLegTest {
    private static final double LONG_NM = 4500;
    private static final double SHORT_NM = 300;
    private static final double KNOTS = 450;

    /** The jet is based at the POD, so its first mission starts with an empty leg back to A0. */
    private static Scenario scenario(boolean longFirst) {
        ScenarioBuilder b =
                new ScenarioBuilder("shared leg")
                        .horizon(12)
                        .place("FT", 35.1, -79.0)
                        .airfield("A0", 35.17, -79.01, 1, 0)
                        .airfield("A1", 50.11, 22.02, 1, 0)
                        .place("AA", 50.2, 22.5)
                        .aircraft("JET", 1, "A1", 100, 20, KNOTS, 10_000, 2)
                        .road("FT", "A0", 1)
                        .road("A1", "AA", 1);
        if (longFirst) {
            b.airRouteNm("A0", "A1", List.of(), LONG_NM)
                    .airRouteNm("A0", "A1", List.of(), SHORT_NM);
        } else {
            b.airRouteNm("A0", "A1", List.of(), SHORT_NM)
                    .airRouteNm("A0", "A1", List.of(), LONG_NM);
        }
        return b.line(
                        "L1",
                        LineMode.AIR,
                        0,
                        "FT",
                        "A0",
                        "A1",
                        "AA",
                        0,
                        0,
                        0,
                        3,
                        CargoClass.BULK,
                        15.0)
                .line("L2", LineMode.AIR, 50, "FT", "A0", "A1", "AA", 5, 5, 5, 8)
                .build();
    }

    @ParameterizedTest(name = "{0} with the long route listed first: {1}")
    @org.junit.jupiter.params.provider.CsvSource({
        "exact, true",
        "exact, false",
        "fifo, true",
        "fifo, false",
        "lns, true",
        "lns, false"
    })
    void everyPlannersPlanKeepsTheRulesWhicheverRouteIsListedFirst(
            String planner, boolean longFirst) {
        Scenario s = scenario(longFirst);
        Plan p = Planners.byName(planner).plan(s, new PlanOptions(1, 50), Progress.NONE);
        assertThat(PlanChecker.check(s, p).violations()).as(planner).isEmpty();
        // the same plan is correct against the file with its routes in the other order
        assertThat(PlanChecker.check(scenario(!longFirst), p).violations())
                .as(planner + ", routes swapped")
                .isEmpty();
        assertThat(p.measures().unmet()).as(planner).isEmpty();
    }

    @ParameterizedTest(name = "long route listed first: {0}")
    @ValueSource(booleans = {true, false})
    void theExactPlannerWritesNoMissionWithoutLoadsAndPositionsOverTheShortLeg(boolean longFirst) {
        Scenario s = scenario(longFirst);
        Plan p = new ExactPlanner().plan(s, new PlanOptions(1, 0), Progress.NONE);
        assertThat(p.missions()).isNotEmpty().allSatisfy(m -> assertThat(m.loads()).isNotEmpty());
        Mission first = p.missions().get(0);
        assertThat(first.stops().get(0).activity()).isEqualTo(Activity.START);
        assertThat(first.stops().get(1).arrive() - first.stops().get(0).depart())
                .isCloseTo(SHORT_NM / KNOTS, org.assertj.core.api.Assertions.within(1e-6));
    }

    @Test
    void anEmptyLegMayTakeEitherRoutesLegButNotTheGreatCircleBetweenThem() {
        for (boolean longFirst : new boolean[] {true, false}) {
            Scenario s = scenario(longFirst);
            Plan p = new ExactPlanner().plan(s, new PlanOptions(1, 0), Progress.NONE);
            assertThat(emptyLegViolations(s, p, LONG_NM)).as("4,500 nm").isEmpty();
            assertThat(emptyLegViolations(s, p, SHORT_NM)).as("300 nm").isEmpty();
            double gc = Geo.distanceNm(35.17, -79.01, 50.11, 22.02);
            assertThat(gc).isNotCloseTo(LONG_NM, org.assertj.core.api.Assertions.within(10.0));
            List<Violation> v = emptyLegViolations(s, p, gc);
            assertThat(v)
                    .singleElement()
                    .satisfies(
                            x -> {
                                assertThat(x.rule()).isEqualTo(3);
                                assertThat(x.message())
                                        .contains("(empty leg)")
                                        .contains("over 300 nm");
                            });
        }
    }

    /** The plan with its last mission's positioning leg stretched to {@code nm}, re-checked. */
    private static List<Violation> emptyLegViolations(Scenario s, Plan p, double nm) {
        int last = p.missions().size() - 1;
        Mission m = p.missions().get(last);
        Stop onload = m.stops().get(1);
        double begin = onload.arrive() - nm / KNOTS;
        List<Stop> stops = new ArrayList<>(m.stops());
        stops.set(0, new Stop(m.stops().get(0).node(), Activity.START, begin, begin));
        List<Mission> missions = new ArrayList<>(p.missions());
        missions.set(last, new Mission(m.id(), m.lift(), m.tail(), stops, m.loads()));
        CheckReport r =
                PlanChecker.check(
                        s,
                        new Plan(
                                p.scenario(),
                                p.planner(),
                                p.measures(),
                                p.lowerBound(),
                                missions,
                                p.lines(),
                                p.bindingConstraints()));
        return r.violations().stream().filter(x -> x.rule() == 3).toList();
    }
}
