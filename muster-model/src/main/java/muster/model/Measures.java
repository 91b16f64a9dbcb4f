package muster.model;

import java.util.List;

/** The plan measures of the movement model. */
public record Measures(
        int closureDay, double lateStonDays, int lateUlns, int onTimeUlns, List<Unmet> unmet) {
    public Measures {
        unmet = unmet == null ? List.of() : List.copyOf(unmet);
    }

    /**
     * The unmet load in ston-equivalents, the first term of the planner's objective: short tons,
     * plus people at {@code paxWeightStons} each.
     */
    public double unmetWeight(double paxWeightStons) {
        double w = 0;
        for (Unmet u : unmet) {
            w += u.cargoClass() == CargoClass.PAX ? u.amount() * paxWeightStons : u.amount();
        }
        return w;
    }
}
