package muster.model;

import java.util.List;

/** The plan measures of the movement model. */
public record Measures(
        int closureDay, double lateStonDays, int lateUlns, int onTimeUlns, List<Unmet> unmet) {
    public Measures {
        unmet = unmet == null ? List.of() : List.copyOf(unmet);
    }
}
