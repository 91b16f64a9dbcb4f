package muster.engine.sourcing;

/**
 * Cost of one unit filling one requirement, and what it is made of.
 *
 * @param closureDay estimated day the whole unit is at the destination
 * @param lateDays days of closure past the RDD
 */
public record Cost(
        int closureDay,
        int lateDays,
        long lateCost,
        long readinessCost,
        long committedCost,
        long closureCost) {
    public long total() {
        return lateCost + readinessCost + committedCost + closureCost;
    }

    public String describe() {
        return String.format(
                "cost %d = closure day %d (%d) + late %d d (%d) + readiness (%d) + committed (%d)",
                total(), closureDay, closureCost, lateDays, lateCost, readinessCost, committedCost);
    }
}
