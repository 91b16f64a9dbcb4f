package muster.engine.exact;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.LongStream;
import muster.engine.bound.LowerBounds;
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
 * Oracle test on random small scenarios: the bound is below every plan, the exact planner's plans
 * keep every rule and are no worse than the default planner's where it proves optimality, and the
 * baseline keeps every rule.
 */
class BoundExactPlannerOracleTest {
    private static final double TOL = 1e-6;

    static LongStream seeds() {
        return LongStream.rangeClosed(1, 30);
    }

    private static Scenario scenario(long seed) {
        // a handful of lines and tails, so that CP-SAT can prove optimality
        return SmallScenarios.random(
                seed, 1 + (int) (seed % 3), new SmallScenarios.Knobs(true, true, 2, 2));
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void boundIsBelowExactBelowLnsAndFifo(long seed) {
        Scenario s = scenario(seed);
        String at =
                "seed "
                        + seed
                        + " (SmallScenarios.random("
                        + seed
                        + ", "
                        + s.requirements().size()
                        + "))";
        LowerBound bound = LowerBounds.compute(s);
        PlanOptions opt = new PlanOptions(seed, 200);

        Plan fifo = new FifoPlanner().plan(s, opt, Progress.NONE);
        CheckReport fifoCheck = PlanChecker.check(s, fifo);
        assertThat(fifoCheck.violations()).as(at + " fifo violations").isEmpty();
        assertThat(bound.lateStonDays())
                .as(at + " bound vs fifo lateStonDays")
                .isLessThanOrEqualTo(fifoCheck.measures().lateStonDays() + TOL);
        if (fifoCheck.measures().unmet().isEmpty()) {
            assertThat(bound.closureDay())
                    .as(at + " bound vs fifo closureDay")
                    .isLessThanOrEqualTo(fifoCheck.measures().closureDay());
        }

        ExactPlanner exactPlanner = new ExactPlanner(1.0, 6);
        Plan exact = exactPlanner.plan(s, opt, Progress.NONE);
        CheckReport exactCheck = PlanChecker.check(s, exact);
        assertThat(exactCheck.violations()).as(at + " exact violations").isEmpty();
        double exactLate = exactCheck.measures().lateStonDays();
        assertThat(bound.lateStonDays())
                .as(at + " bound vs exact lateStonDays")
                .isLessThanOrEqualTo(exactLate + TOL);
        if (exactCheck.measures().unmet().isEmpty()) {
            assertThat(bound.closureDay())
                    .as(at + " bound vs exact closureDay")
                    .isLessThanOrEqualTo(exactCheck.measures().closureDay());
        }
        ExactPlanner.Outcome out = exactPlanner.lastOutcome();
        if (!out.optimal()) {
            // not proven: the plan must say so and carry CP-SAT's bound
            assertThat(exact.planner().version()).as(at).containsAnyOf("CP-SAT bound", "CP-SAT");
            return;
        }
        assertThat(exact.planner().version()).as(at).contains("optimal");

        Plan lns = Planners.byName(Planners.DEFAULT).plan(s, opt, Progress.NONE);
        CheckReport lnsCheck = PlanChecker.check(s, lns);
        assertThat(lnsCheck.violations()).as(at + " lns violations").isEmpty();
        assertThat(bound.lateStonDays())
                .as(at + " bound vs lns lateStonDays")
                .isLessThanOrEqualTo(lnsCheck.measures().lateStonDays() + TOL);
        // The exact model is optimal over its grid (whole minutes, splits of 1/1000, missions
        // of one channel route each); a planner off that grid may do slightly better, so the
        // comparison with lns is reported, not asserted (docs/bounds.md, "What exact means").
        double unmetExact = exactCheck.measures().unmetWeight(s.planning().paxWeightStons());
        double unmetLns = lnsCheck.measures().unmetWeight(s.planning().paxWeightStons());
        if (unmetExact > unmetLns + TOL
                || (Math.abs(unmetExact - unmetLns) <= TOL
                        && exactLate > lnsCheck.measures().lateStonDays() + TOL)) {
            System.err.printf(
                    "%s: lns beats the grid-optimal exact plan: late %.3f vs %.3f%n",
                    at, lnsCheck.measures().lateStonDays(), exactLate);
        }
    }
}
