package muster.model;

/**
 * A binding constraint of a plan and what it cost.
 *
 * @param kind READY_DATE, EAD, ROAD_RAIL, RANGE, FLEET, MOG, BERTHS, HELD or HORIZON
 *     (docs/planner.md, "Why a line is late")
 * @param subject the node, lift type, line or road ("B → CAMP") it concerns
 * @param days the days it bound, as text (e.g. "3-5")
 * @param lateStonDays ston-days of lateness charged to it
 * @param lines how many late lines it was charged for
 */
public record Constraint(
        String kind, String subject, String days, double lateStonDays, int lines) {}
