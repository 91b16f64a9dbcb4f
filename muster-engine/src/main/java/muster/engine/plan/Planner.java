package muster.engine.plan;

import muster.model.Plan;
import muster.model.Scenario;

/**
 * Makes a plan for a valid scenario. Implementations are pure: no I/O, no clock, no global state;
 * the same scenario and options give the same plan (but for {@code planner.seconds}, which the
 * caller fills in).
 */
public interface Planner {
    /** Short name used on the command line, e.g. {@code lns}, {@code fifo}, {@code exact}. */
    String name();

    Plan plan(Scenario scenario, PlanOptions options, Progress progress);
}
