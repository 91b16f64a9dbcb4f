package muster.model;

import java.util.List;

/**
 * Part of a requirement line riding one mission.
 *
 * @param on index in the mission's stops of the ONLOAD stop
 * @param off index in the mission's stops of the OFFLOAD stop
 */
public record Load(String uln, int pax, List<LoadCargo> cargo, int on, int off) {
    public Load {
        cargo = cargo == null ? List.of() : List.copyOf(cargo);
    }

    public double stons() {
        double s = 0;
        for (LoadCargo c : cargo) {
            s += c.stons();
        }
        return s;
    }
}
