package muster.engine.sourcing;

import java.util.List;

/**
 * A requirement slot and the unit chosen for it, with the cost that decided it and the next best
 * alternatives (at most two).
 */
public record Choice(
        String requirementId, int slot, String uic, Cost cost, List<Alternative> next) {
    public Choice {
        next = List.copyOf(next);
    }

    public String slotId() {
        return requirementId + "#" + slot;
    }
}
