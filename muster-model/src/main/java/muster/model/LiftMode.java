package muster.model;

/** How a lift type moves: aircraft or ships. */
public enum LiftMode {
    AIR,
    SEA
}
