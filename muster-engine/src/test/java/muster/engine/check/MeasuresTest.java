package muster.engine.check;

import static muster.engine.check.testkit.PlanEdits.withMissions;
import static muster.engine.check.testkit.PlanEdits.withStop;
import static muster.engine.check.testkit.ScenarioBuilder.cargo;
import static muster.engine.check.testkit.ScenarioBuilder.dates;
import static muster.model.CargoClass.BULK;
import static muster.model.CargoClass.NAT;
import static muster.model.CargoClass.PAX;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import muster.engine.check.testkit.PlanEdits;
import muster.model.LineResult;
import muster.model.Measures;
import muster.model.Mission;
import muster.model.Plan;
import muster.model.RequirementLine;
import muster.model.Scenario;
import muster.model.Stop;
import muster.model.Unmet;
import org.junit.jupiter.api.Test;

/** The recomputed measures against figures worked out by hand on the fixture (see Examples). */
class MeasuresTest {
    static final Scenario S = Fixture.scenario();
    static final Plan GOOD = Fixture.plan();

    static Stop times(Stop s, double arrive, double depart) {
        return new Stop(s.node(), s.activity(), arrive, depart);
    }

    static void assertMeasures(
            CheckReport r, int closureDay, double lateStonDays, int late, int onTime) {
        Measures m = r.measures();
        assertThat(m.closureDay()).as("closureDay").isEqualTo(closureDay);
        assertThat(m.lateStonDays()).as("lateStonDays").isCloseTo(lateStonDays, within(1e-9));
        assertThat(m.lateUlns()).as("lateUlns").isEqualTo(late);
        assertThat(m.onTimeUlns()).as("onTimeUlns").isEqualTo(onTime);
    }

    @Test
    void fixturePlan() {
        CheckReport r = PlanChecker.check(S, GOOD);
        // S1L: 600 stons one day late; A1 and L1 on time; the ship's day 9 is the last.
        assertMeasures(r, 9, 600, 1, 2);
        assertThat(r.measures().unmet()).isEmpty();
        assertThat(r.lines())
                .containsExactly(
                        new LineResult("A1", 14.0, 17.0, 0, 0, null),
                        new LineResult("S1L", 204.0, 220.0, 9, 1, null),
                        new LineResult("L1", null, 54.0, 2, 0, null));
    }

    @Test
    void lateStonDaysWeighPeopleByPaxWeight() {
        // M2 (100 pax of A1) three days later: at D at 17 + 72 = 89, day 3, rdd 2: one day late,
        // 100 x 0.2 = 20 ston-days on top of the ship's 600.
        List<Mission> ms = new ArrayList<>(GOOD.missions());
        Mission m2 = ms.remove(2);
        List<Stop> st = new ArrayList<>();
        for (Stop s : m2.stops()) {
            st.add(times(s, s.arrive() + 72, s.depart() + 72));
        }
        ms.add(new Mission(m2.id(), m2.lift(), m2.tail(), st, m2.loads()));
        Plan p = withMissions(GOOD, ms);
        CheckReport r = PlanChecker.check(S, p);
        assertMeasures(r, 9, 620, 2, 1);
        assertThat(r.lines().get(0)).isEqualTo(new LineResult("A1", 86.0, 89.0, 3, 1, null));

        Scenario light = Fixture.scenarioBuilder().paxWeight(0.1).build();
        assertMeasures(PlanChecker.check(light, p), 9, 610, 2, 1);
    }

    @Test
    void unmetLoadIsLateToItsClosureDayButWeighsFromTheHorizonDay() {
        // The ship two days later reaches D at 268, day 11, past the 10-day horizon: unmet. The
        // line closes on day 11, so it is 11 - 8 = 3 days late (not 10 - 8 = 2); its ston-days
        // count the unmet load as arriving on day 10: 600 x 2 = 1200.
        Plan p = withStop(GOOD, "M4", 0, s -> times(s, 0, 108));
        p = withStop(p, "M4", 1, s -> times(s, 228, 252));
        CheckReport r = PlanChecker.check(S, p);
        assertMeasures(r, 2, 1200, 1, 2);
        assertThat(r.measures().unmet()).containsExactly(new Unmet("S1L", NAT, 600));
        assertThat(r.lines().get(1)).isEqualTo(new LineResult("S1L", 252.0, 268.0, 11, 3, null));
    }

    @Test
    void unmetLoadFarPastTheHorizonIsLateToTheDayItArrives() {
        // Three days later still: D at 268 + 72 = 340, day 14: 14 - 8 = 6 days late; the
        // ston-days stay at 600 x (10 - 8).
        Plan p = withStop(GOOD, "M4", 0, s -> times(s, 0, 180));
        p = withStop(p, "M4", 1, s -> times(s, 300, 324));
        CheckReport r = PlanChecker.check(S, p);
        assertMeasures(r, 2, 1200, 1, 2);
        LineResult s1l = r.lines().get(1);
        assertThat(s1l).isEqualTo(new LineResult("S1L", 324.0, 340.0, 14, 6, null));
        assertThat(s1l.lateDays())
                .isEqualTo(s1l.closureDay() - 8)
                .isNotEqualTo(S.planning().horizonDays() - 8);
    }

    @Test
    void loadThatWasNeverPlannedIsUnmetAndLate() {
        // Without M2, 100 of A1's people never move: unmet, and 100 x 0.2 x (10 - 2) = 160.
        List<Mission> ms = new ArrayList<>(GOOD.missions());
        ms.remove(2);
        CheckReport r = PlanChecker.check(S, withMissions(GOOD, ms));
        assertMeasures(r, 9, 760, 2, 1);
        assertThat(r.measures().unmet()).containsExactly(new Unmet("A1", PAX, 100));
        // the loads that did move close day 0, before the rdd: the line is not late by days, only
        // unmet (and so among the late lines)
        assertThat(r.lines().get(0)).isEqualTo(new LineResult("A1", 12.0, 15.0, 0, 0, null));
        assertThat(r.ofRule(10))
                .extracting(Violation::message)
                .anyMatch(m -> m.contains("100 lost"));
    }

    @Test
    void landLineClosesByRoadFromItsReadyDay() {
        // L1 ready on day 3: 72 + 30 = 102, day 4, rdd 3: (300 x 0.2 + 50) x 1 = 110.
        Scenario s = withLandLine(3);
        CheckReport r = PlanChecker.check(s, PlanEdits.restated(s, GOOD));
        assertMeasures(r, 9, 710, 2, 1);
        assertThat(r.lines().get(2)).isEqualTo(new LineResult("L1", null, 102.0, 4, 1, null));
        assertThat(r.violations()).isEmpty();
    }

    @Test
    void landLinePastTheHorizonIsUnmetClassByClass() {
        // Ready on day 9: 216 + 30 = 246, day 10: all unmet, late 10 - 3 = 7 days: 110 x 7.
        Scenario s = withLandLine(9);
        CheckReport r = PlanChecker.check(s, GOOD);
        assertMeasures(r, 9, 600 + 770, 2, 1);
        assertThat(r.measures().unmet())
                .containsExactly(new Unmet("L1", BULK, 50), new Unmet("L1", PAX, 300));
    }

    private static Scenario withLandLine(int rld) {
        Scenario base = Fixture.scenario();
        List<RequirementLine> lines = new ArrayList<>(base.requirements());
        lines.set(
                2,
                Fixture.scenarioBuilder()
                        .landLine(
                                "L1", "O", "D", 300, dates(rld, rld, rld, rld, 3), cargo(BULK, 50))
                        .build()
                        .requirements()
                        .get(3));
        return new Scenario(
                base.name(), base.nodes(), base.lift(), base.routes(), lines, base.planning());
    }

    @Test
    void eachLinesLateStonDaysAreItsShareOfThePlans() {
        // the cases worked out above, line by line: the ship's 600 on S1L, A1's 100 people a day
        // late (20), L1 a day late by road (110), unmet load late to the horizon (1200 on S1L)
        assertThat(PlanChecker.lateStonDaysByLine(S, GOOD))
                .containsExactly(entry("A1", 0.0), entry("S1L", 600.0), entry("L1", 0.0));

        List<Mission> ms = new ArrayList<>(GOOD.missions());
        Mission m2 = ms.remove(2);
        List<Stop> st = new ArrayList<>();
        for (Stop s : m2.stops()) {
            st.add(times(s, s.arrive() + 72, s.depart() + 72));
        }
        ms.add(new Mission(m2.id(), m2.lift(), m2.tail(), st, m2.loads()));
        assertThat(PlanChecker.lateStonDaysByLine(S, withMissions(GOOD, ms)))
                .containsExactly(entry("A1", 20.0), entry("S1L", 600.0), entry("L1", 0.0));

        Scenario land = withLandLine(3);
        assertThat(PlanChecker.lateStonDaysByLine(land, PlanEdits.restated(land, GOOD)))
                .containsExactly(entry("A1", 0.0), entry("S1L", 600.0), entry("L1", 110.0));

        Plan unmet = withStop(GOOD, "M4", 0, s -> times(s, 0, 108));
        unmet = withStop(unmet, "M4", 1, s -> times(s, 228, 252));
        assertThat(PlanChecker.lateStonDaysByLine(S, unmet))
                .containsExactly(entry("A1", 0.0), entry("S1L", 1200.0), entry("L1", 0.0));

        // load never planned: A1's 100 people, 100 x 0.2 x (10 - 2)
        List<Mission> without = new ArrayList<>(GOOD.missions());
        without.remove(2);
        Plan lost = withMissions(GOOD, without);
        Map<String, Double> byLine = PlanChecker.lateStonDaysByLine(S, lost);
        assertThat(byLine)
                .containsExactly(entry("A1", 160.0), entry("S1L", 600.0), entry("L1", 0.0));
        assertThat(byLine.values().stream().mapToDouble(Double::doubleValue).sum())
                .isEqualTo(PlanChecker.check(S, lost).measures().lateStonDays());
    }

    @Test
    void unmetWeightCountsStonsAndPeopleAtTheGivenWeight() {
        Measures m =
                new Measures(
                        3,
                        0.0,
                        1,
                        0,
                        List.of(
                                new Unmet("A", PAX, 100),
                                new Unmet("A", BULK, 12.5),
                                new Unmet("B", NAT, 7.5)));
        assertThat(m.unmetWeight(0.2)).isCloseTo(100 * 0.2 + 12.5 + 7.5, within(1e-9));
        assertThat(m.unmetWeight(0.1)).isCloseTo(100 * 0.1 + 20.0, within(1e-9));
        assertThat(new Measures(3, 0.0, 0, 1, List.of()).unmetWeight(0.2)).isZero();
    }
}
