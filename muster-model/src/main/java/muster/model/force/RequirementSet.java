package muster.model.force;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * Capability requirements of one contingency, {@code format: muster/requirements@1}.
 *
 * @param cDate calendar date of C-day (day 0)
 * @param decisionDay the day, from C-day, on which units are notified; notice-to-move runs from its
 *     start
 */
public record RequirementSet(
        String name, LocalDate cDate, int decisionDay, List<CapabilityRequirement> requirements) {
    public static final String FORMAT = "muster/requirements@1";

    public RequirementSet {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(cDate, "cDate");
        requirements = List.copyOf(requirements);
    }
}
