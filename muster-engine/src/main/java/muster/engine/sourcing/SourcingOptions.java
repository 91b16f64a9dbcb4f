package muster.engine.sourcing;

/**
 * Weights of the sourcing objective, in cost points. The defaults make any late day dearer than the
 * worst readiness gap, and leaving a slot unfilled dearer than any fill up to 190 days late that
 * closes before day 280.
 *
 * @param latePerDay per day the unit's estimated closure is past the RDD
 * @param readinessPerLevel per readiness level below 1 (a level-3 unit costs 2 times this)
 * @param committedPenalty for a unit already committed elsewhere
 * @param closurePerDay per day of estimated closure, so that the earlier of two on-time units wins
 * @param unfilledBase for a slot left empty
 * @param unfilledPerPriority added per step of priority above 10 (priority 1 adds 9 times this), so
 *     that urgent slots are filled first when units are short
 */
public record SourcingOptions(
        long latePerDay,
        long readinessPerLevel,
        long committedPenalty,
        long closurePerDay,
        long unfilledBase,
        long unfilledPerPriority) {
    public static final SourcingOptions DEFAULTS =
            new SourcingOptions(100, 40, 600, 1, 20_000, 1_000);

    public SourcingOptions {
        if (latePerDay < 0
                || readinessPerLevel < 0
                || committedPenalty < 0
                || closurePerDay < 0
                || unfilledBase < 0
                || unfilledPerPriority < 0) {
            throw new IllegalArgumentException("sourcing weights must not be negative");
        }
    }

    public long unfilledCost(int priority) {
        return unfilledBase + unfilledPerPriority * Math.max(0, 10 - priority);
    }
}
