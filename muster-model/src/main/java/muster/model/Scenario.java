package muster.model;

import java.util.List;
import java.util.Objects;

/** A scenario, {@code format: muster/scenario@1}: the network, the lift and the requirements. */
public record Scenario(
        String name,
        List<Node> nodes,
        List<LiftType> lift,
        List<Route> routes,
        List<RequirementLine> requirements,
        Planning planning) {
    public static final String FORMAT = "muster/scenario@1";

    public Scenario {
        Objects.requireNonNull(name, "name");
        nodes = List.copyOf(nodes);
        lift = List.copyOf(lift);
        routes = List.copyOf(routes);
        requirements = List.copyOf(requirements);
        Objects.requireNonNull(planning, "planning");
    }
}
