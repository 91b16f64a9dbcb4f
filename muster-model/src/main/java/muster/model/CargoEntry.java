package muster.model;

import java.util.Objects;

/**
 * One class of a requirement line's cargo.
 *
 * @param stons short tons
 * @param sqft deck area, square feet (given for SEA lines; 0 otherwise)
 */
public record CargoEntry(CargoClass cargoClass, double stons, double sqft) {
    public CargoEntry {
        Objects.requireNonNull(cargoClass, "cargoClass");
    }

    /** Deck square feet per short ton of this entry, 0 when it has no weight. */
    public double sqftPerSton() {
        return stons > 0 ? sqft / stons : 0.0;
    }
}
