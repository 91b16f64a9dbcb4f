package muster.engine.exact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import muster.engine.generate.Scale;
import muster.engine.generate.ScenarioGenerator;
import muster.engine.generate.SmallScenarios;
import muster.engine.plan.PlanOptions;
import muster.engine.plan.Progress;
import muster.model.LiftType;
import muster.model.Scenario;
import org.junit.jupiter.api.Test;

/**
 * The exact planner takes only scenarios whose model it can hold: a larger one is refused before
 * any model is built, with a message that names the scenario, its size and the limit.
 */
class ExactPlannerSizeTest {
    @Test
    void theOracleScenariosAndTheTwelveLineOnesAreWithinTheLimit() {
        for (long seed = 1; seed <= 30; seed++) {
            Scenario s =
                    SmallScenarios.random(
                            seed, 1 + (int) (seed % 3), new SmallScenarios.Knobs(true, true, 2, 2));
            assertThat(ExactPlanner.modelTerms(s))
                    .as("seed %d", seed)
                    .isPositive()
                    .isLessThanOrEqualTo(ExactPlanner.MAX_MODEL_TERMS);
        }
        for (long seed = 101; seed <= 120; seed++) {
            assertThat(ExactPlanner.modelTerms(SmallScenarios.random(seed, 12)))
                    .as("12 lines, seed %d", seed)
                    .isLessThanOrEqualTo(ExactPlanner.MAX_MODEL_TERMS);
        }
    }

    @Test
    void moreTailsOfATypeNeverMakeTheModelSmaller() {
        Scenario s = SmallScenarios.random(7, 6);
        List<LiftType> more = new ArrayList<>();
        for (LiftType t : s.lift()) {
            more.add(t.withTails(t.id(), t.count() * 3));
        }
        Scenario bigger =
                new Scenario(s.name(), s.nodes(), more, s.routes(), s.requirements(), s.planning());
        assertThat(ExactPlanner.modelTerms(bigger))
                .isGreaterThanOrEqualTo(ExactPlanner.modelTerms(s));
    }

    @Test
    void aGeneratedSIsRefusedBeforeAnyModelIsBuilt() {
        Scenario s = ScenarioGenerator.generate(Scale.S, 1);
        long terms = ExactPlanner.modelTerms(s);
        assertThat(terms).isGreaterThan(ExactPlanner.MAX_MODEL_TERMS);
        assertThatThrownBy(() -> new ExactPlanner().plan(s, new PlanOptions(1, 0), Progress.NONE))
                .isInstanceOf(ExactPlanner.TooLargeException.class)
                .hasMessageContaining("'" + s.name() + "'")
                .hasMessageContaining("too large for the exact planner")
                .hasMessageContaining(String.format(java.util.Locale.ROOT, "%,d", terms))
                .hasMessageContaining("250,000");
    }
}
