package muster.model.force;

import java.util.List;
import java.util.Objects;

/**
 * What a contingency asks for: a number of units of one capability at one destination by a day.
 *
 * @param id unique in its set
 * @param echelon the size asked for, or null for any
 * @param quantity how many units
 * @param destination node id where the units are needed
 * @param airPod node id of the airfield people and air cargo land at, or null
 * @param seaPod node id of the seaport sea cargo lands at, or null
 * @param ead earliest arrival day at the POD (when reception there opens), from C-day
 * @param lad latest arrival day at the POD, from C-day
 * @param rdd required delivery day at the destination, from C-day
 * @param priority 1 is most urgent
 * @param onlyNations when not empty, only units of these nations may fill it
 * @param excludeUnits UICs that must not fill it
 */
public record CapabilityRequirement(
        String id,
        CapabilityType capability,
        Echelon echelon,
        int quantity,
        String destination,
        String airPod,
        String seaPod,
        int ead,
        int lad,
        int rdd,
        int priority,
        List<String> onlyNations,
        List<String> excludeUnits,
        String note) {
    public CapabilityRequirement {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(capability, "capability");
        Objects.requireNonNull(destination, "destination");
        onlyNations = onlyNations == null ? List.of() : List.copyOf(onlyNations);
        excludeUnits = excludeUnits == null ? List.of() : List.copyOf(excludeUnits);
        if (quantity < 1) {
            throw new IllegalArgumentException("requirement " + id + ": quantity " + quantity);
        }
        if (priority < 1) {
            throw new IllegalArgumentException("requirement " + id + ": priority " + priority);
        }
        if (rdd < 0 || lad < 0 || ead < 0) {
            throw new IllegalArgumentException(
                    "requirement " + id + ": ead " + ead + ", lad " + lad + ", rdd " + rdd);
        }
        if (ead > lad) {
            throw new IllegalArgumentException(
                    "requirement " + id + ": ead " + ead + " is later than lad " + lad);
        }
    }
}
