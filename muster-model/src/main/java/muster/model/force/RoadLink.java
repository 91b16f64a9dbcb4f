package muster.model.force;

import java.util.Objects;
import muster.model.RouteMode;

/**
 * A road or rail link from a catalogue station to a node, both ways.
 *
 * @param hours travel time
 */
public record RoadLink(String to, RouteMode mode, double hours) {
    public RoadLink {
        Objects.requireNonNull(to, "to");
        mode = mode == null ? RouteMode.ROAD : mode;
        if (mode != RouteMode.ROAD && mode != RouteMode.RAIL) {
            throw new IllegalArgumentException("a station link is ROAD or RAIL, not " + mode);
        }
        if (!(hours >= 0)) {
            throw new IllegalArgumentException("link to " + to + ": hours " + hours);
        }
    }
}
