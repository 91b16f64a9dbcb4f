package muster.engine.exact;

import static org.assertj.core.api.Assertions.assertThat;

import muster.engine.check.CheckReport;
import muster.engine.check.PlanChecker;
import muster.engine.plan.PlanOptions;
import muster.engine.plan.Progress;
import muster.engine.plan.ScenarioBuilder;
import muster.model.CargoClass;
import muster.model.LineMode;
import muster.model.Plan;
import muster.model.Scenario;
import org.junit.jupiter.api.Test;

/**
 * The objective is lexicographic: least unmet load first, whatever lateness that costs. One
 * aircraft of 12,000 ST can fly one of two lines before a four-day horizon closes: 12,000 ST due on
 * day 2 at a far airfield, or 1 ST due on day 3 at a near one. Flying the near line first and the
 * far one a day late leaves nothing unmet at 12,000 late ston-days; flying the far one first leaves
 * the ston unmet and is late by 1. A weight of 10,000 ston-days for each unmet ston chose the
 * second and called it optimal.
 */
class ExactObjectiveTest {
    @Test
    void leastUnmetLoadComesBeforeAnyLateness() {
        Scenario s =
                new ScenarioBuilder("unmet first")
                        .horizon(4)
                        .place("ORG", 0.0, 0.1)
                        .airfield("A1", 0.0, 0.0, 1, 0)
                        .airfield("B1", 0.0, 80.0, 1, 0)
                        .airfield("B2", 0.0, -20.0, 1, 0)
                        .aircraft("GIANT", 1, "A1", 0, 12_000, 100, 6_000, 1)
                        .place("D1", 0.0, 80.1)
                        .place("D2", 0.0, -20.1)
                        .road("ORG", "A1", 0)
                        .road("B1", "D1", 0)
                        .road("B2", "D2", 0)
                        .airRoute("A1", "B1")
                        .airRoute("A1", "B2")
                        .line(
                                "BIG",
                                LineMode.AIR,
                                0,
                                "ORG",
                                "A1",
                                "B1",
                                "D1",
                                0,
                                0,
                                0,
                                2,
                                CargoClass.BULK,
                                12_000.0)
                        .line(
                                "SMALL",
                                LineMode.AIR,
                                0,
                                "ORG",
                                "A1",
                                "B2",
                                "D2",
                                0,
                                0,
                                0,
                                3,
                                CargoClass.BULK,
                                1.0)
                        .build();
        ExactPlanner exact = new ExactPlanner();
        Plan p = exact.plan(s, new PlanOptions(1, 0), Progress.NONE);
        CheckReport r = PlanChecker.check(s, p);
        assertThat(r.violations()).isEmpty();
        assertThat(r.measures().unmet()).isEmpty();
        assertThat(r.measures().lateStonDays()).isEqualTo(12_000.0);
        assertThat(exact.lastOutcome().optimal()).isTrue();
        assertThat(p.planner().version()).contains("optimal");
    }
}
