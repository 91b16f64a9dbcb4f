package muster.engine.sourcing;

import java.util.List;

/** A requirement slot no unit fills, with each catalogue unit's reason. */
public record Unfilled(String requirementId, int slot, long cost, List<Rejection> reasons) {
    public Unfilled {
        reasons = List.copyOf(reasons);
    }

    public String slotId() {
        return requirementId + "#" + slot;
    }
}
