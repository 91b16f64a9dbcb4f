package muster.model.force;

import java.time.Instant;
import java.util.Objects;

/**
 * One entry of the append-only order log. State is never stored: it is derived by replaying these
 * events in sequence.
 *
 * @param seq position in the log, from 1, without gaps
 * @param type what happened
 * @param orderId the order concerned
 * @param user who did it
 * @param at when it was recorded (given by the caller; the engine reads no clock)
 * @param order the drafted order for DRAFTED; null otherwise
 * @param reason for CANCELLED, why; null otherwise
 */
public record OrderEvent(
        long seq, Type type, String orderId, String user, Instant at, Order order, String reason) {
    public enum Type {
        DRAFTED,
        APPROVED,
        ISSUED,
        CANCELLED
    }

    public OrderEvent {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(at, "at");
        if ((type == Type.DRAFTED) != (order != null)) {
            throw new IllegalArgumentException("a DRAFTED event, and only it, carries the order");
        }
    }
}
