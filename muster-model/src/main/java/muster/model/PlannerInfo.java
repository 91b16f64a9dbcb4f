package muster.model;

/** Which planner made a plan, and how long it took (the only non-deterministic figure). */
public record PlannerInfo(String name, String version, double seconds, long seed) {}
