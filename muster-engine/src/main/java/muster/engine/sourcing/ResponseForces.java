package muster.engine.sourcing;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import muster.model.force.CapabilityRequirement;
import muster.model.force.RequirementSet;
import muster.model.force.ResponseForce;

/** Activation of a response force: a dated decision turns its tiers into requirements. */
public final class ResponseForces {
    private ResponseForces() {}

    /**
     * Activates a response force.
     *
     * <p>Each tier's contribution becomes one capability requirement for that nation only. Its RDD
     * is the decision day plus the tier's notice to move (rounded up to whole days) plus the tier's
     * closing days; its LAD is the RDD (a unit must be at the POD no later than it is needed at the
     * destination, in the absence of a better figure).
     *
     * @param decision date of the activation decision
     * @param cDate calendar date of C-day; the decision may not be before it
     */
    public static RequirementSet activate(
            ResponseForce force, LocalDate decision, LocalDate cDate) {
        long decisionDay = ChronoUnit.DAYS.between(cDate, decision);
        if (decisionDay < 0) {
            throw new IllegalArgumentException(
                    "decision " + decision + " is before C-day " + cDate);
        }
        List<CapabilityRequirement> out = new ArrayList<>();
        for (ResponseForce.Tier t : force.tiers()) {
            int rdd =
                    (int) decisionDay
                            + (int) Math.ceil(t.noticeToMoveHours() / 24.0)
                            + t.closeDays();
            int n = 0;
            for (ResponseForce.Contribution c : t.contributions()) {
                n++;
                String id =
                        (t.name() + "-" + c.nation() + "-" + n)
                                .toUpperCase(Locale.ROOT)
                                .replaceAll("[^A-Z0-9-]", "-");
                out.add(
                        new CapabilityRequirement(
                                id,
                                c.capability(),
                                c.echelon(),
                                c.quantity(),
                                force.destination(),
                                force.airPod(),
                                force.seaPod(),
                                0,
                                rdd,
                                rdd,
                                t.priority(),
                                List.of(c.nation()),
                                List.of(),
                                force.name()
                                        + " "
                                        + t.name()
                                        + ", "
                                        + c.nation()
                                        + " contribution"));
            }
        }
        return new RequirementSet(
                force.name() + " activated " + decision, cDate, (int) decisionDay, out);
    }
}
