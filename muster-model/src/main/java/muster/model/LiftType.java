package muster.model;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * A fleet of identical aircraft or ships.
 *
 * @param count tails or hulls, numbered 0 to count-1
 * @param availableFromDay first day any of them may start
 * @param baseNode where every tail starts
 * @param carries cargo classes it may carry, PAX included
 * @param paxCapacity seats; 0 means no people
 * @param stonsCapacity short tons; 0 means no cargo weight
 * @param sqftCapacity deck square feet (SEA); 0 means no deck limit for AIR, no cargo for SEA
 * @param speedKnots block speed, knots
 * @param rangeNm longest loaded leg, nautical miles; {@link Double#POSITIVE_INFINITY} when not
 *     given
 */
public record LiftType(
        String id,
        LiftMode mode,
        int count,
        int availableFromDay,
        String baseNode,
        Set<CargoClass> carries,
        int paxCapacity,
        double stonsCapacity,
        double sqftCapacity,
        double speedKnots,
        double rangeNm,
        GroundHours groundHours) {
    public LiftType {
        Objects.requireNonNull(id, "id");
        carries =
                carries == null || carries.isEmpty()
                        ? Set.of()
                        : Set.copyOf(EnumSet.copyOf(carries));
        groundHours = groundHours == null ? new GroundHours(0, 0, 0) : groundHours;
    }

    public boolean carries(CargoClass c) {
        return carries.contains(c);
    }

    /**
     * Whether some of class {@code c} can go aboard: the class is carried, its capacity is not 0
     * (seats for PAX; stons, and for SEA deck area, for cargo), and an aircraft never takes NAT.
     */
    public boolean canTake(CargoClass c) {
        if (!carries(c)) {
            return false;
        }
        if (c == CargoClass.PAX) {
            return paxCapacity > 0;
        }
        if (mode == LiftMode.AIR && c == CargoClass.NAT) {
            return false;
        }
        return stonsCapacity > 0 && (!usesDeckArea() || sqftCapacity > 0);
    }

    public boolean hasRange() {
        return rangeNm != Double.POSITIVE_INFINITY;
    }

    /** The same lift type under the id {@code id} with {@code count} tails. */
    public LiftType withTails(String id, int count) {
        return new LiftType(
                id,
                mode,
                count,
                availableFromDay,
                baseNode,
                carries,
                paxCapacity,
                stonsCapacity,
                sqftCapacity,
                speedKnots,
                rangeNm,
                groundHours);
    }

    /** Whether a type with no deck-area capacity takes no cargo at all (spec: SEA without sqft). */
    public boolean usesDeckArea() {
        return mode == LiftMode.SEA;
    }
}
