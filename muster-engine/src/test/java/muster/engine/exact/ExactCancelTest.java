package muster.engine.exact;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicBoolean;
import muster.engine.check.CheckReport;
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
 * rule (CP-SAT's best by then, or the baseline's) and says it was cancelled. CP-SAT does not ask by
 * itself whether to stop, so a cancel used to wait for the end of its work limit (about 20 s of a
 * 3-line scenario whose unmet weight it cannot prove least).
 */
class ExactCancelTest {

    /** Seed 3 of the benchmark's tiny scenarios: CP-SAT spends its whole limit on it. */
    private static final long SEED = 3;

    @Test
    void aCancelWhileCpSatSolvesStopsItWithACorrectPlanThatSaysSo() {
        Scenario s = SmallScenarios.random(SEED, 3);
        String at = "seed " + SEED + " (SmallScenarios.random(" + SEED + ", 3))";
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
        Plan p = exact.plan(s, new PlanOptions(SEED, 0), cancelledOnceSolving);
        ExactPlanner.Outcome o = exact.lastOutcome();
        assertThat(watchAsked).as(at + ": the watch asked").isTrue();
        CheckReport check = PlanChecker.check(s, p);
        assertThat(check.violations()).as(at).isEmpty();
        // work is CP-SAT's deterministic count, not the clock: uncancelled, this scenario spends
        // the whole limit of 60 (ExactPlanner's default) without proving its first solve
        assertThat(o.work()).as(at + " work").isLessThan(30);
        assertThat(o.optimal()).as(at).isFalse();
        assertThat(p.planner().version()).as(at).contains("cancelled");
    }
}
