package muster.model;

/**
 * A stop of a mission.
 *
 * @param arrive hours from C-day 00:00
 * @param depart hours from C-day 00:00
 */
public record Stop(String node, Activity activity, double arrive, double depart) {}
