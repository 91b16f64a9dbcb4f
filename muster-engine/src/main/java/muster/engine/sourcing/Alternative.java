package muster.engine.sourcing;

/**
 * A unit that could have filled a slot instead of the one chosen.
 *
 * @param takenBy the requirement slot that got it instead, or null if it was left free
 */
public record Alternative(String uic, Cost cost, String takenBy) {}
