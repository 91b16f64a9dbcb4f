package muster.model.force;

import java.util.List;
import java.util.Objects;
import muster.model.CargoClass;
import muster.model.CargoEntry;

/**
 * A unit of the force catalogue.
 *
 * @param uic unit identification code, unique in a catalogue
 * @param homeStation node id where the unit is based (its TPFDD origin)
 * @param airPoe node id of the airfield it would fly from, or null
 * @param seaPoe node id of the seaport its equipment would sail from, or null
 * @param personnel people who deploy
 * @param equipment cargo by class: short tons and deck square feet
 * @param readiness readiness level 1 (fully ready) to 4 (not ready)
 * @param noticeToMoveHours hours from an order until the unit is ready to move from home
 * @param availability periods in which the unit can be tasked; empty means always
 * @param deployMode how its lines are split
 * @param selfDeployHours for a SELF unit, hours to reach the theatre once ready; 0 otherwise
 * @param committedTo where the unit is already committed, or null when it is free
 * @param source where the figures come from, or why they are assumed
 */
public record Unit(
        String uic,
        String name,
        String nation,
        CapabilityType capability,
        Echelon echelon,
        String homeStation,
        String airPoe,
        String seaPoe,
        int personnel,
        List<CargoEntry> equipment,
        int readiness,
        int noticeToMoveHours,
        List<Window> availability,
        DeployMode deployMode,
        double selfDeployHours,
        String committedTo,
        String source) {
    public Unit {
        Objects.requireNonNull(uic, "uic");
        Objects.requireNonNull(capability, "capability");
        Objects.requireNonNull(deployMode, "deployMode");
        equipment = equipment == null ? List.of() : List.copyOf(equipment);
        availability = availability == null ? List.of() : List.copyOf(availability);
        if (personnel < 0) {
            throw new IllegalArgumentException("unit " + uic + ": personnel " + personnel + " < 0");
        }
        if (readiness < 1 || readiness > 4) {
            throw new IllegalArgumentException(
                    "unit " + uic + ": readiness " + readiness + " outside 1..4");
        }
        if (noticeToMoveHours < 0) {
            throw new IllegalArgumentException(
                    "unit " + uic + ": noticeToMoveHours " + noticeToMoveHours + " < 0");
        }
        for (CargoEntry e : equipment) {
            if (e.cargoClass() == CargoClass.PAX || e.stons() < 0 || e.sqft() < 0) {
                throw new IllegalArgumentException("unit " + uic + ": bad equipment entry " + e);
            }
        }
    }

    /** Equipment short tons, people excluded. */
    public double equipmentStons() {
        double s = 0;
        for (CargoEntry e : equipment) {
            s += e.stons();
        }
        return s;
    }

    public boolean hasClass(CargoClass c) {
        for (CargoEntry e : equipment) {
            if (e.cargoClass() == c && e.stons() > 0) {
                return true;
            }
        }
        return false;
    }
}
