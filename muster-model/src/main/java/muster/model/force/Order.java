package muster.model.force;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * An order as drafted.
 *
 * @param units UICs the order names
 * @param authority who issues it (a headquarters or office)
 * @param effective when it takes effect
 * @param noticeToMoveHours for an ALERT, the notice to move it sets; null otherwise
 * @param destination for a DEPLOY, node id the units go to; null otherwise
 * @param cDay for a DEPLOY, the calendar date of C-day; null otherwise
 * @param readyDate for a DEPLOY, the date the units are required at the destination
 */
public record Order(
        String id,
        OrderKind kind,
        List<String> units,
        String authority,
        Instant effective,
        Integer noticeToMoveHours,
        String destination,
        LocalDate cDay,
        LocalDate readyDate,
        String note) {
    public Order {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(effective, "effective");
        units = units == null ? List.of() : List.copyOf(units);
    }
}
