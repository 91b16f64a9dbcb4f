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
    /** Could fill it and was free, but costs more than leaving the slot empty. */
    TOO_COSTLY
}
