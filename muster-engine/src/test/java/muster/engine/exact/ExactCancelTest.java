package muster.engine.exact;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicBoolean;
import muster.engine.check.PlanChecker;
import muster.engine.generate.SmallScenarios;
import muster.engine.plan.PlanOptions;
import muster.engine.plan.Progress;
import muster.engine.plan.SolveWatch;
import muster.model.Plan;
import muster.model.Scenario;
import org.junit.jupiter.api.Test;

/**
 * A cancel reaches CP-SAT while it solves: the exact planner stops with a plan that keeps every
 * rule and says it was cancelled. It keeps the plan CP-SAT found by then (the first solve's, when
 * the cancel comes after it), and hands back the baseline's only when CP-SAT had none. CP-SAT does
 * not ask by itself whether to stop, so a cancel used to wait for the end of its work limit (about
 * 20 s of the benchmark's tiny seed 3).
 */
class ExactCancelTest {

    /** The benchmark's tiny scenarios (bench/run, BenchCommand.TINY_KNOBS). */
    private static final SmallScenarios.Knobs TINY = new SmallScenarios.Knobs(true, true, 2, 2);

    /**
     * Tiny seed 3: uncancelled, CP-SAT spends its whole work limit (60 of ExactPlanner's units, a
     * deterministic count, not the clock) without proving its first solve. A cancel that the watch
     * sees during the first solve stops it within that solve's half.
     */
    @Test
    void aCancelWhileCpSatSolvesStopsItWithACorrectPlanThatSaysSo() {
        long seed = 3;
        Scenario s = SmallScenarios.random(seed, 3, TINY);
        String at = "tiny seed " + seed + " (SmallScenarios.random(" + seed + ", 3, tiny))";
        AtomicBoolean watchAsked = new AtomicBoolean();
        Progress cancelledOnceSolving =
                new Progress() {
                    @Override
                    public void update(double fraction, String phase) {}

                    @Override
                    public boolean cancelled() {
                        // the watch asks only while CP-SAT solves: from then on, cancelled
                        if (Thread.currentThread().getName().equals(SolveWatch.THREAD)) {
                            watchAsked.set(true);
                        }
                        return watchAsked.get();
                    }
                };
        ExactPlanner exact = new ExactPlanner();
        Plan p = exact.plan(s, new PlanOptions(seed, 0), cancelledOnceSolving);
        ExactPlanner.Outcome o = exact.lastOutcome();
        assertThat(watchAsked).as(at + ": the watch asked").isTrue();
        assertThat(PlanChecker.check(s, p).violations()).as(at).isEmpty();
        assertThat(o.work()).as(at + " work, of a limit of 60").isLessThan(30);
        assertThat(o.optimal()).as(at).isFalse();
        assertThat(p.planner().version()).as(at).contains("cancelled");
    }

    /**
     * A cancel that comes once the first solve has proved the least unmet weight (on these 3-line
     * scenarios it does so at once) keeps that solve's plan: it had handed back the fifo plan,
     * saying CP-SAT had found none (seed 5 then gave 1,225.8 late ston-days, its first solve
     * 445.2).
     */
    @Test
    void aCancelAfterTheFirstSolveKeepsItsPlan() {
        for (long seed = 1; seed <= 5; seed++) {
            Scenario s = SmallScenarios.random(seed, 3);
            String at = "seed " + seed + " (SmallScenarios.random(" + seed + ", 3))";
            AtomicBoolean second = new AtomicBoolean();
            Progress cancelledAtTheSecond =
                    new Progress() {
                        @Override
                        public void update(double fraction, String phase) {
                            second.compareAndSet(false, phase.equals("cp-sat: least late"));
                        }

                        @Override
                        public boolean cancelled() {
                            return second.get();
                        }
                    };
            ExactPlanner exact = new ExactPlanner();
            Plan p = exact.plan(s, new PlanOptions(seed, 0), cancelledAtTheSecond);
            ExactPlanner.Outcome o = exact.lastOutcome();
            assertThat(o.first()).as(at).isEqualTo(com.google.ortools.sat.CpSolverStatus.OPTIMAL);
            assertThat(PlanChecker.check(s, p).violations()).as(at).isEmpty();
            assertThat(p.planner().version())
                    .as(at)
                    .contains("cancelled after the first solve, whose plan is kept")
                    .doesNotContain("fifo plan");
        }
    }
}
