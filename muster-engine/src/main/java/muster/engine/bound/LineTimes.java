package muster.engine.bound;

import muster.model.Network;
import muster.model.RequirementLine;

/** Fixed times of a requirement line that every plan shares (movement rules 1 and 9). */
public final class LineTimes {
    private LineTimes() {}

    /**
     * Hour from which the line's people and cargo are at its POE (rule 1): {@code max(24·ald,
     * 24·rld + hours(origin → poe)) + handlingHours(poe)}.
     */
    public static double readyHour(Network net, RequirementLine l) {
        double land = net.landHours(l.origin(), l.poe()).orElse(0.0);
        return Math.max(24.0 * l.ald(), 24.0 * l.rld() + land) + net.node(l.poe()).handlingHours();
    }

    /** Hours from a load's OFFLOAD departure to its destination (rule 9). */
    public static double onwardHours(Network net, RequirementLine l) {
        return net.node(l.pod()).handlingHours()
                + net.landHours(l.pod(), l.destination()).orElse(0.0);
    }

    /** Closure hour of a LAND line: it leaves at 24·rld and drives to its destination. */
    public static double landClosureHour(Network net, RequirementLine l) {
        return 24.0 * l.rld() + net.landHours(l.origin(), l.destination()).orElse(0.0);
    }
}
