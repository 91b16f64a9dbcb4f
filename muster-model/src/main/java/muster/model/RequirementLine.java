package muster.model;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A TPFDD line: one unit's people and cargo moving by one mode. Dates are whole days from C-day.
 *
 * @param poe port of embarkation; null for a LAND line
 * @param pod port of debarkation; null for a LAND line
 * @param rld ready to load at origin
 * @param ald available to load at the POE
 * @param ead earliest arrival at the POD
 * @param lad latest arrival at the POD
 * @param rdd required at destination
 * @param priority 1 is most urgent
 */
public record RequirementLine(
        String uln,
        String unit,
        String nation,
        int pax,
        List<CargoEntry> cargo,
        String origin,
        String poe,
        String pod,
        String destination,
        int rld,
        int ald,
        int ead,
        int lad,
        int rdd,
        int priority,
        LineMode mode) {
    public RequirementLine {
        Objects.requireNonNull(uln, "uln");
        cargo = cargo == null ? List.of() : List.copyOf(cargo);
    }

    public Optional<CargoEntry> cargoOf(CargoClass c) {
        for (CargoEntry e : cargo) {
            if (e.cargoClass() == c) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }

    /** Total cargo short tons, people excluded. */
    public double cargoStons() {
        double s = 0;
        for (CargoEntry e : cargo) {
            s += e.stons();
        }
        return s;
    }

    /** Ston-equivalents: cargo plus people at {@code paxWeightStons} each. */
    public double weight(double paxWeightStons) {
        return cargoStons() + pax * paxWeightStons;
    }
}
