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

    /** The day (UTC) that {@code t} falls on, as the board counts days. */
    static LocalDate utcDay(java.time.Instant t) {
        return t.atZone(java.time.ZoneOffset.UTC).toLocalDate();
    }

    /** The status on a date: a deploying unit counts as deployed from its ready date on. */
    public UnitStatus statusOn(LocalDate date) {
        if (status == UnitStatus.DEPLOYING && readyDate != null && !date.isBefore(readyDate)) {
            return UnitStatus.DEPLOYED;
        }
        return status;
    }

    /**
     * The unit as the orders in effect by the end of {@code date} (UTC) left it: the last issued
     * order, in log order, whose effective instant falls before the next day began, with its
     * notice, destination and ready date, and DEPLOYED from the ready date on. An order issued
     * today that takes effect on a later day does not count yet; one recorded today with an earlier
     * effective date (an exercise replayed at its own dates) does.
     */
    public UnitRecord asOf(LocalDate date) {
        java.time.Instant end = date.plusDays(1).atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
        List<History> in = history.stream().filter(h -> h.effective().isBefore(end)).toList();
        if (in.isEmpty()) {
            return available(uic);
        }
        History last = in.get(in.size() - 1);
        UnitRecord r =
                new UnitRecord(
                        uic,
                        last.to(),
                        last.noticeToMoveHours(),
                        last.orderId(),
                        last.destination(),
                        last.readyDate(),
                        in);
        return new UnitRecord(
                uic,
                r.statusOn(date),
                r.noticeToMoveHours(),
                r.orderId(),
                r.destination(),
                r.readyDate(),
                in);
    }

    /**
     * The statuses the board ({@link #asOf}) gives the unit under its last issued order, until a
     * later order, each with when it begins: the status the order set from when it takes effect
     * and, for a deployment order, DEPLOYED from the start (UTC) of its ready date. A deployment
     * order ready on the day it takes effect gives DEPLOYED from then, as the board shows each day
     * as it stands at its end. Empty for a unit no issued order named.
     */
    public List<Phase> phases() {
        if (history.isEmpty()) {
            return List.of();
        }
        History last = history.get(history.size() - 1);
        LocalDate day = utcDay(last.effective());
        List<Phase> out = new java.util.ArrayList<>();
        out.add(new Phase(asOf(day).status(), last.effective()));
        LocalDate ready = last.readyDate();
        if (ready != null && ready.isAfter(day)) {
            UnitStatus then = asOf(ready).status();
            if (then != out.get(0).status()) {
                out.add(new Phase(then, ready.atStartOfDay(java.time.ZoneOffset.UTC).toInstant()));
            }
        }
        return List.copyOf(out);
    }

    /** A status the board gives a unit from {@code from} on. */
    public record Phase(UnitStatus status, java.time.Instant from) {}

    /**
     * One change of status by an issued order.
     *
     * @param at when the order was issued (recorded)
     * @param effective when the order takes effect
     * @param noticeToMoveHours the unit's notice after it, or null
     * @param destination where the unit is deploying after it, or null
     * @param readyDate its ready date after it, or null
     */
    public record History(
            long seq,
            java.time.Instant at,
            String orderId,
            String kind,
            UnitStatus from,
            UnitStatus to,
            java.time.Instant effective,
            Integer noticeToMoveHours,
            String destination,
            LocalDate readyDate) {}
}
