package muster.model;

import java.util.Objects;

/**
 * A place in the network.
 *
 * @param lat degrees north
 * @param lon degrees east
 * @param mog working maximum on ground, aircraft at once (airfields; 0 elsewhere)
 * @param berths ships alongside at once (seaports; 0 elsewhere)
 * @param handlingHours processing between arriving and moving on, hours
 */
public record Node(
        String id,
        String name,
        NodeKind kind,
        String country,
        double lat,
        double lon,
        int mog,
        int berths,
        double handlingHours) {
    public Node {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
    }
}
