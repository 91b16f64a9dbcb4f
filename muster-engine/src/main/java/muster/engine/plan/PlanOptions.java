package muster.engine.plan;

import muster.model.Scenario;

/**
 * Options of one planning run.
 *
 * @param seed seed of every random choice
 * @param searchIterations improvement budget as a work count (not a clock)
 */
public record PlanOptions(long seed, int searchIterations) {
    public static PlanOptions of(Scenario s) {
        return new PlanOptions(s.planning().seed(), s.planning().searchIterations());
    }
}
