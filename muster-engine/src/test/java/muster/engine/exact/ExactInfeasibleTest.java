package muster.engine.exact;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.ortools.sat.CpSolverStatus;
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
 * The exact model offers each tail a fixed number of missions (at most 24). One aircraft of 10 ST
 * and a line of 300 ST need 30 sorties, so CP-SAT proves in a moment that the model has no plan:
 * that is a proof about the model's missions, not a stop at the work limit, and the plan, the fifo
 * plan handed back, says which. It said "CP-SAT INFEASIBLE within its work limit", as if a larger
 * limit could find one.
 */
class ExactInfeasibleTest {
    @Test
    void aModelWithTooFewMissionsSaysSoAndNotThatTheWorkLimitStoppedIt() {
        Scenario s =
                new ScenarioBuilder("more sorties than slots")
                        .horizon(30)
                        .place("ORG", 0.0, 0.1)
                        .airfield("A1", 0.0, 0.0, 1, 0)
                        .airfield("B1", 0.0, 2.0, 1, 0)
                        .place("D1", 0.0, 2.1)
                        .aircraft("JET", 1, "A1", 0, 10, 400, 6_000, 0.5)
                        .road("ORG", "A1", 0)
                        .road("B1", "D1", 0)
                        .airRoute("A1", "B1")
                        .line(
                                "L1",
                                LineMode.AIR,
                                0,
                                "ORG",
                                "A1",
                                "B1",
                                "D1",
                                0,
                                0,
                                0,
                                5,
                                CargoClass.BULK,
                                300.0)
                        .build();
        ExactPlanner exact = new ExactPlanner();
        Plan p = exact.plan(s, new PlanOptions(1, 0), Progress.NONE);

        assertThat(exact.lastOutcome().status()).isEqualTo(CpSolverStatus.INFEASIBLE);
        String version = p.planner().version();
        assertThat(version)
                .doesNotContain("work limit")
                .contains("no plan fits the model's missions")
                .contains("JET: at most 24 missions for each of 1 tail")
                .contains("each offloaded before day 90")
                .endsWith(": fifo plan)");
        // the plan handed back is whole and keeps every rule
        CheckReport r = PlanChecker.check(s, p);
        assertThat(r.violations()).isEmpty();
        assertThat(r.measures().unmet()).isEmpty();
    }
}
