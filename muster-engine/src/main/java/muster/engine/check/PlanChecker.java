package muster.engine.check;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import muster.model.Plan;
import muster.model.Scenario;

/**
 * The rule checker: reads a scenario and a plan, and nothing else, and reports every way the plan
 * breaks the movement model, with the measures recomputed. It shares no code with the planners.
 *
 * <p>Each movement rule is one class named after it ({@link Rule01GettingToPoe} to {@link
 * Rule10NothingLostNothingMadeUp}); {@link PlanForm} checks the plan's form (rule number 0) and
 * {@link StatedMeasures} its stated measures (rule number 11).
 *
 * <p>Tolerances: times agree within 1e-6 h; loads add up to line amounts within 1e-6 stons (or
 * people); a capacity sum may exceed 1 by a relative 1e-9; stated {@code lateStonDays} agrees
 * within a relative 1e-6; unmet amounts within 1e-6 (relative for amounts above 1).
 *
 * <p>Cost: O(S log S) in the number of stops (the MOG and berth sweep sorts stops per node), hash
 * look-ups elsewhere; a plan of 100,000 missions checks in seconds. The scenario is assumed valid
 * (as the validator accepts it); unknown references in the plan are reported, not thrown.
 */
public final class PlanChecker {
    private static final List<MovementRule> RULES =
            List.of(
                    new PlanForm(),
                    new Rule01GettingToPoe(),
                    new Rule02Missions(),
                    new Rule03TravelTime(),
                    new Rule04GroundTime(),
                    new Rule05Loading(),
                    new Rule06Capacity(),
                    new Rule07OnePlaceAtATime(),
                    new Rule08AirfieldAndBerthLimits(),
                    new Rule09OnwardMovement(),
                    new Rule10NothingLostNothingMadeUp(),
                    new StatedMeasures());

    private PlanChecker() {}

    /** Checks {@code plan} against {@code scenario}. */
    public static CheckReport check(Scenario scenario, Plan plan) {
        Objects.requireNonNull(scenario, "scenario");
        Objects.requireNonNull(plan, "plan");
        CheckContext ctx = new CheckContext(scenario, plan);
        Violations out = new Violations();
        for (MovementRule rule : RULES) {
            rule.check(ctx, out);
        }
        Recomputed r = ctx.recomputed();
        return new CheckReport(out.list(), r.measures, r.lines);
    }

    /**
     * Each requirement line's share of the plan's late ston-days, by ULN in the scenario's order,
     * recomputed as {@link #check} recomputes the plan's {@code lateStonDays} (its loads' weight in
     * short tons, people at {@code paxWeightStons}, times their days late; unmet load late to the
     * horizon), so that the figures add up to that measure. The movement rules are not checked.
     */
    public static Map<String, Double> lateStonDaysByLine(Scenario scenario, Plan plan) {
        Objects.requireNonNull(scenario, "scenario");
        Objects.requireNonNull(plan, "plan");
        return new CheckContext(scenario, plan).recomputed().lateStonDaysByLine;
    }
}
