package muster.engine.fifo;

import muster.engine.bound.LowerBounds;
import muster.engine.generate.Scale;
import muster.engine.generate.ScenarioGenerator;
import muster.engine.plan.PlanOptions;
import muster.engine.plan.Progress;
import muster.model.Plan;
import muster.model.Scenario;
import org.junit.jupiter.api.Test;

class FifoSmokeTest {
    @Test
    void smoke() {
        Scenario s = ScenarioGenerator.generate(Scale.valueOf(System.getProperty("scale", "S")), 1);
        long t0 = System.nanoTime();
        var b = LowerBounds.compute(s);
        long t1 = System.nanoTime();
        System.out.println("bound " + b + " in " + (t1 - t0) / 1e9);
        Plan p = new FifoPlanner().plan(s, PlanOptions.of(s), Progress.NONE);
        long t2 = System.nanoTime();
        System.out.println(
                "fifo "
                        + p.measures().closureDay()
                        + " "
                        + p.measures().lateStonDays()
                        + " unmet "
                        + p.measures().unmet().size()
                        + " missions "
                        + p.missions().size()
                        + " in "
                        + (t2 - t1) / 1e9);
    }
}
