package muster.engine.explain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import muster.engine.check.CheckReport;
import muster.engine.check.PlanChecker;
import muster.engine.exact.ExactPlanner;
import muster.engine.fifo.FifoPlanner;
import muster.engine.generate.SmallScenarios;
import muster.engine.plan.PlanOptions;
import muster.engine.plan.Planner;
import muster.engine.plan.Planners;
import muster.engine.plan.Progress;
import muster.model.Constraint;
import muster.model.LineResult;
import muster.model.Mission;
import muster.model.Plan;
import muster.model.Scenario;
import muster.model.Unmet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * On random small scenarios, planned by each planner: every late line (late days or unmet load)
 * gets exactly one cause and no line on time gets one; the late ston-days charged to the causes add
 * up to the plan's; and the causes are those of the missions, whatever order they are listed in.
 */
class LateCausesPropertyTest {

    private static void check(String planner, long seed, Scenario s, Plan p) {
        String at =
                planner
                        + ", seed "
                        + seed
                        + " (SmallScenarios.random("
                        + seed
                        + ", "
                        + s.requirements().size()
                        + "))";
        CheckReport report = PlanChecker.check(s, p);
        assertThat(report.violations()).as(at + " violations").isEmpty();
        LateCauses.Result r = LateCauses.analyse(s, p.missions());
        List<String> unmet = p.measures().unmet().stream().map(Unmet::uln).distinct().toList();
        for (LineResult l : p.lines()) {
            boolean late = l.lateDays() > 0 || unmet.contains(l.uln());
            LateCauses.Cause c = r.lines().get(l.uln());
            assertThat(c != null)
                    .as(at + " line " + l.uln() + " has a cause iff late")
                    .isEqualTo(late);
            assertThat(l.reason())
                    .as(at + " line " + l.uln())
                    .isEqualTo(c == null ? null : c.reason());
            if (c != null) {
                assertThat(LateCauses.KINDS).as(at + " line " + l.uln()).contains(c.kind());
                assertThat(c.subject()).as(at + " line " + l.uln()).isNotBlank();
                assertThat(p.bindingConstraints())
                        .as(at + " line " + l.uln() + "'s cause is ranked")
                        .anyMatch(
                                k -> k.kind().equals(c.kind()) && k.subject().equals(c.subject()));
            }
        }
        double charged = 0;
        for (Constraint k : p.bindingConstraints()) {
            assertThat(k.lateStonDays()).as(at + " " + k).isGreaterThanOrEqualTo(0);
            charged += k.lateStonDays();
        }
        double total = report.measures().lateStonDays();
        assertThat(charged)
                .as(at + " late ston-days charged to causes")
                .isCloseTo(total, within(1e-6 * Math.max(1, total)));

        List<Mission> shuffled = new ArrayList<>(p.missions());
        Collections.shuffle(shuffled, new java.util.Random(seed));
        assertThat(LateCauses.analyse(s, shuffled))
                .as(at + " causes of the missions in another order")
                .isEqualTo(r);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20})
    void lnsAndFifo(int seed) {
        Scenario s = SmallScenarios.random(seed, 2 + seed % 10);
        for (String planner : List.of("lns", "fifo")) {
            Planner pl = Planners.byName(planner);
            check(planner, seed, s, pl.plan(s, new PlanOptions(seed, 200), Progress.NONE));
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4, 5, 6, 7, 8})
    void exact(int seed) {
        // a handful of lines and tails, as the exact planner's oracle test takes them
        Scenario s =
                SmallScenarios.random(
                        seed, 1 + seed % 3, new SmallScenarios.Knobs(true, true, 2, 2));
        check(
                "exact",
                seed,
                s,
                new ExactPlanner(1.0, 6).plan(s, new PlanOptions(seed, 0), Progress.NONE));
        check("fifo", seed, s, new FifoPlanner().plan(s, new PlanOptions(seed, 0), Progress.NONE));
    }
}
