package muster.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A route. AIR and SEA routes are one-way channels from a POE {@code from} to a POD {@code to}
 * through {@code via} en-route stops; ROAD and RAIL routes link two nodes both ways in {@code
 * hours}.
 *
 * @param legsNm one distance per leg in order, or empty for great-circle distances
 * @param hours travel time of a ROAD or RAIL route; 0 for AIR and SEA
 */
public record Route(
        String id,
        RouteMode mode,
        String from,
        String to,
        List<String> via,
        List<Double> legsNm,
        double hours) {
    public Route {
        Objects.requireNonNull(mode, "mode");
        via = via == null ? List.of() : List.copyOf(via);
        legsNm = legsNm == null ? List.of() : List.copyOf(legsNm);
    }

    /** The nodes of the route in order: from, each via, to. */
    public List<String> points() {
        List<String> p = new ArrayList<>(via.size() + 2);
        p.add(from);
        p.addAll(via);
        p.add(to);
        return p;
    }

    public boolean isChannel() {
        return mode == RouteMode.AIR || mode == RouteMode.SEA;
    }
}
