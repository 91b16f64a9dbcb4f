package muster.model;

/**
 * How one requirement line fares in a plan.
 *
 * @param podArrival latest OFFLOAD departure of its loads, hours; null for LAND lines or lines with
 *     nothing moved
 * @param closure latest hour a load reaches the destination; null when nothing arrived
 * @param closureDay floor(closure / 24), or -1 when nothing arrived
 * @param lateDays max(0, closureDay - rdd), over all its loads, also those arriving after the
 *     horizon (unmet)
 * @param reason why the line is late, or null when on time
 */
public record LineResult(
        String uln,
        Double podArrival,
        Double closure,
        int closureDay,
        int lateDays,
        String reason) {}
