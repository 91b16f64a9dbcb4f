package muster.engine.plan.lns;

import static org.assertj.core.api.Assertions.assertThat;

import muster.engine.check.CheckReport;
import muster.engine.check.PlanChecker;
import muster.engine.generate.SmallScenarios;
import muster.engine.plan.PlanOptions;
import muster.engine.plan.Progress;
import muster.model.Plan;
import muster.model.Scenario;
import org.junit.jupiter.api.Test;

/**
 * When the horizon cuts load off, the search's steps that put cargo back before people leave the
 * lighter load unmet: on the tiny scenarios where lns used to leave more unmet than the exact
 * planner (seeds 3 and 5 of the benchmark's tiny set: one aircraft, two late air lines), plans with
 * those steps leave less unmet weight than without them, and every plan keeps the rules.
 */
class PeopleLastTest {
    @Test
    void cargoBeforePeopleLeavesLessUnmetWhereTheHorizonCuts() {
        int lower = 0;
        for (long seed : new long[] {1, 2, 3, 4, 5}) {
            Scenario s = SmallScenarios.random(seed, 3, new SmallScenarios.Knobs(true, true, 2, 2));
            String at = "tiny seed " + seed + " (SmallScenarios.random(" + seed + ", 3, knobs))";
            double with =
                    unmet(s, new LnsPlanner(2, true).plan(s, PlanOptions.of(s), Progress.NONE), at);
            double without =
                    unmet(
                            s,
                            new LnsPlanner(2, false).plan(s, PlanOptions.of(s), Progress.NONE),
                            at);
            System.out.printf(
                    "%s: unmet %.1f ston-equivalents with people placed last, %.1f without%n",
                    at, with, without);
            assertThat(with).as(at).isLessThanOrEqualTo(without + 1e-6);
            lower += with < without - 1e-6 ? 1 : 0;
        }
        assertThat(lower).as("seeds where placing people last leaves less unmet").isPositive();
    }

    private static double unmet(Scenario s, Plan plan, String at) {
        CheckReport r = PlanChecker.check(s, plan);
        assertThat(r.violations()).as(at).isEmpty();
        return r.measures().unmetWeight(s.planning().paxWeightStons());
    }
}
