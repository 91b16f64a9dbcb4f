package muster.model;

import java.util.List;

/** A plan, {@code format: muster/plan@1}. */
public record Plan(
        String scenario,
        PlannerInfo planner,
        Measures measures,
        LowerBound lowerBound,
        List<Mission> missions,
        List<LineResult> lines,
        List<Constraint> bindingConstraints) {
    public static final String FORMAT = "muster/plan@1";

    public Plan {
        missions = List.copyOf(missions);
        lines = List.copyOf(lines);
        bindingConstraints =
                bindingConstraints == null ? List.of() : List.copyOf(bindingConstraints);
    }

    public Plan withLowerBound(LowerBound bound) {
        return new Plan(scenario, planner, measures, bound, missions, lines, bindingConstraints);
    }

    /** The plan with these lines and binding constraints, every other field as it is. */
    public Plan withLines(List<LineResult> lines, List<Constraint> bindingConstraints) {
        return new Plan(
                scenario, planner, measures, lowerBound, missions, lines, bindingConstraints);
    }
}
