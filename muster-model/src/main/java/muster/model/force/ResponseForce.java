package muster.model.force;

import java.util.List;
import java.util.Objects;

/**
 * A standing response force (such as the NATO Response Force) as readiness tiers with national
 * contributions, {@code format: muster/response-force@1}.
 *
 * @param destination node id where an activated force is needed
 * @param airPod airfield of arrival, or null
 * @param seaPod seaport of arrival, or null
 */
public record ResponseForce(
        String name, String destination, String airPod, String seaPod, List<Tier> tiers) {
    public static final String FORMAT = "muster/response-force@1";

    public ResponseForce {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(destination, "destination");
        tiers = List.copyOf(tiers);
    }

    /**
     * One tier, such as the command element, the VJTF, the initial follow-on forces group or the
     * response forces pool.
     *
     * @param noticeToMoveHours the tier's notice to move
     * @param closeDays days after notice-to-move expires by which the tier must be in place
     * @param priority 1 is most urgent
     */
    public record Tier(
            String name,
            int noticeToMoveHours,
            int closeDays,
            int priority,
            List<Contribution> contributions) {
        public Tier {
            Objects.requireNonNull(name, "name");
            contributions = List.copyOf(contributions);
            if (noticeToMoveHours < 0 || closeDays < 0 || priority < 1) {
                throw new IllegalArgumentException("tier " + name + ": bad timing or priority");
            }
        }
    }

    /** A nation's pledge to a tier: a number of units of one capability. */
    public record Contribution(
            String nation, CapabilityType capability, Echelon echelon, int quantity) {
        public Contribution {
            Objects.requireNonNull(nation, "nation");
            Objects.requireNonNull(capability, "capability");
            if (quantity < 1) {
                throw new IllegalArgumentException("contribution quantity " + quantity);
            }
        }
    }
}
