package muster.model.force;

/** What a unit can do, the way a request for forces names it. */
public enum CapabilityType {
    HEADQUARTERS,
    ABCT,
    IBCT,
    AIRBORNE_IBCT,
    SBCT,
    ARMOURED_BATTLEGROUP,
    MECHANIZED_BATTLEGROUP,
    LIGHT_BATTLEGROUP,
    COMBAT_AVIATION,
    SUSTAINMENT,
    MEDICAL_ROLE2,
    MEDICAL_ROLE3,
    ISR,
    TRANSPORTATION,
    ENGINEER,
    AIR_DEFENCE,
    FIGHTER_SQUADRON,
    SHIP
}
