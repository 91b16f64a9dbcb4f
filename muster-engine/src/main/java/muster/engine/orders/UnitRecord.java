package muster.engine.orders;

import java.time.LocalDate;
import java.util.List;
import muster.model.force.UnitStatus;

/**
 * A unit's state as derived from the issued orders.
 *
 * @param status status from the last issued order that named it ({@code DEPLOYING} stays so until
 *     {@link #statusOn} is asked for a date on or after {@code readyDate})
 * @param noticeToMoveHours the notice set by its last alert, or null
 * @param orderId the last issued order that named it
 * @param destination where it is deploying, or null
 * @param readyDate when it is required at the destination, or null
 * @param history every issued order that named it, in log order
 */
public record UnitRecord(
        String uic,
        UnitStatus status,
        Integer noticeToMoveHours,
        String orderId,
        String destination,
        LocalDate readyDate,
        List<History> history) {
    public static UnitRecord available(String uic) {
        return new UnitRecord(uic, UnitStatus.AVAILABLE, null, null, null, null, List.of());
    }

    public UnitRecord {
        history = List.copyOf(history);
    }

    /** The status on a date: a deploying unit counts as deployed from its ready date on. */
    public UnitStatus statusOn(LocalDate date) {
        if (status == UnitStatus.DEPLOYING && readyDate != null && !date.isBefore(readyDate)) {
            return UnitStatus.DEPLOYED;
        }
        return status;
    }

    /** One change of status by an issued order. */
    public record History(
            long seq,
            java.time.Instant at,
            String orderId,
            String kind,
            UnitStatus from,
            UnitStatus to) {}
}
