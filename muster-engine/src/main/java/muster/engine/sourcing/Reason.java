package muster.engine.sourcing;

/** Why a unit cannot fill a requirement. */
public enum Reason {
    WRONG_CAPABILITY,
    WRONG_ECHELON,
    NATION_RULE,
    EXCLUDED,
    UNAVAILABLE,
    NO_ROUTE,
    PAST_LAD,
    /** Could fill it, but the optimal assignment gave the unit to another slot. */
    TAKEN,
    /** Could fill it and was free, but costs as much as leaving the slot empty or more. */
    TOO_COSTLY
}
