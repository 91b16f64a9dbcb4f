package muster.model;

/**
 * A binding constraint of a plan and what it cost.
 *
 * @param kind READY_DATE, MOG, BERTHS, FLEET, RANGE, HORIZON, ...
 * @param subject the node, lift type or line it concerns
 * @param days the days it bound, as text (e.g. "3-5")
 * @param lateStonDays ston-days of lateness attributed to it
 * @param lines how many late lines it made late
 */
public record Constraint(
        String kind, String subject, String days, double lateStonDays, int lines) {}
