package muster.model.force;

import java.util.List;
import java.util.Objects;
import muster.model.Node;

/**
 * A home station a catalogue brings along when the network it is sourced against lacks it: the node
 * and its road or rail links to ports.
 */
public record Station(Node node, List<RoadLink> links) {
    public Station {
        Objects.requireNonNull(node, "node");
        links = links == null ? List.of() : List.copyOf(links);
    }
}
