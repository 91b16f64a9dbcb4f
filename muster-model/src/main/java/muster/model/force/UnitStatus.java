package muster.model.force;

/** A unit's status as derived from the issued orders. */
public enum UnitStatus {
    AVAILABLE,
    ALERTED,
    DEPLOYING,
    DEPLOYED,
    STOOD_DOWN
}
