package muster.model.force;

/** Size of a unit, largest first. */
public enum Echelon {
    CORPS,
    DIVISION,
    BRIGADE,
    REGIMENT,
    BATTALION,
    COMPANY,
    DETACHMENT,
    SQUADRON,
    SHIP
}
