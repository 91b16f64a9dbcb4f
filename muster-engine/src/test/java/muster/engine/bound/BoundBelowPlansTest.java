package muster.engine.bound;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.LongStream;
import muster.engine.check.CheckReport;
import muster.engine.check.PlanChecker;
import muster.engine.fifo.FifoPlanner;
import muster.engine.generate.SmallScenarios;
import muster.engine.plan.PlanOptions;
import muster.engine.plan.Planners;
import muster.engine.plan.Progress;
import muster.model.LowerBound;
import muster.model.Plan;
import muster.model.Scenario;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The bound on random scenarios of a dozen lines, where several lines share POEs, PODs, en-route
 * stops and fleets (the oracle test's scenarios are smaller, so CP-SAT can solve them): it never
 * exceeds a correct plan of either planner.
 */
class BoundBelowPlansTest {
    private static final double TOL = 1e-6;

    static LongStream seeds() {
        return LongStream.rangeClosed(101, 120);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void boundNeverExceedsACorrectPlan(long seed) {
        Scenario s = SmallScenarios.random(seed, 12);
        String at = "seed " + seed + " (SmallScenarios.random(" + seed + ", 12))";
        LowerBound bound = LowerBounds.compute(s);
        PlanOptions opt = new PlanOptions(seed, 200);
        for (Plan plan :
                new Plan[] {
                    new FifoPlanner().plan(s, opt, Progress.NONE),
                    Planners.byName("lns").plan(s, opt, Progress.NONE)
                }) {
            String who = at + " " + plan.planner().name();
            CheckReport check = PlanChecker.check(s, plan);
            assertThat(check.violations()).as(who + " violations").isEmpty();
            assertThat(bound.lateStonDays())
                    .as(who + " bound vs plan lateStonDays")
                    .isLessThanOrEqualTo(check.measures().lateStonDays() + TOL);
            if (check.measures().unmet().isEmpty()) {
                assertThat(bound.closureDay())
                        .as(who + " bound vs plan closureDay")
                        .isLessThanOrEqualTo(check.measures().closureDay());
            }
        }
    }
}
