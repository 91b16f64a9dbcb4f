package muster.engine.check;

import muster.engine.check.testkit.Examples;
import muster.engine.check.testkit.PlanBuilder;
import muster.engine.check.testkit.ScenarioBuilder;
import muster.model.Plan;
import muster.model.Scenario;

/** The checker's hand-computed example (see {@link Examples} for the figures). */
final class Fixture {
    private Fixture() {}

    static ScenarioBuilder scenarioBuilder() {
        return Examples.scenarioBuilder();
    }

    static Scenario scenario() {
        return Examples.scenario();
    }

    static PlanBuilder planBuilder(Scenario s) {
        return Examples.planBuilder(s);
    }

    static Plan plan() {
        return Examples.plan();
    }
}
