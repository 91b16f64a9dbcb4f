package muster.engine.fifo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.LongStream;
import muster.engine.bound.LowerBounds;
import muster.engine.check.CheckReport;
import muster.engine.check.PlanChecker;
import muster.engine.generate.SmallScenarios;
import muster.engine.plan.PlanOptions;
import muster.engine.plan.Planners;
import muster.engine.plan.Progress;
import muster.model.Mission;
import muster.model.Plan;
import muster.model.Scenario;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class FifoPlannerTest {
    static LongStream seeds() {
        return LongStream.rangeClosed(101, 115);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void keepsEveryRuleOnLargerRandomScenariosAndIsRepeatable(long seed) {
        Scenario s = SmallScenarios.random(seed, 25);
        String at = "seed " + seed + " (SmallScenarios.random(" + seed + ", 25))";
        Plan a = Planners.byName("fifo").plan(s, PlanOptions.of(s), Progress.NONE);
        Plan b = Planners.byName("fifo").plan(s, PlanOptions.of(s), Progress.NONE);
        assertThat(a).as(at + " same plan twice").isEqualTo(b);
        CheckReport r = PlanChecker.check(s, a);
        assertThat(r.violations()).as(at).isEmpty();
        assertThat(a.measures().closureDay()).as(at).isEqualTo(r.measures().closureDay());
        assertThat(a.measures().lateUlns()).as(at).isEqualTo(r.measures().lateUlns());
        assertThat(a.measures().unmet()).as(at).hasSameSizeAs(r.measures().unmet());
        assertThat(a.measures().lateStonDays())
                .as(at)
                .isCloseTo(r.measures().lateStonDays(), org.assertj.core.data.Offset.offset(1e-4));
        // one line per mission: no consolidation across lines
        for (Mission m : a.missions()) {
            List<String> ulns = m.loads().stream().map(l -> l.uln()).distinct().toList();
            assertThat(ulns.size()).as(at + " " + m.id()).isLessThanOrEqualTo(1);
        }
        assertThat(LowerBounds.earliestArrival(s).lateStonDays())
                .as(at + " earliest-arrival bound")
                .isLessThanOrEqualTo(r.measures().lateStonDays() + 1e-6);
    }
}
