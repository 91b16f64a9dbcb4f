package muster.engine.orders;

import java.time.Instant;
import muster.model.force.Order;
import muster.model.force.OrderEvent;

/**
 * Commands on an order log: each reads the log, derives the book, checks the command against it and
 * appends one event only when the book accepts it. Time is passed in by the caller. The user name
 * is recorded without surrounding spaces and with its letters composed (NFC), and a new event also
 * meets {@link OrderBook#checkNew}. When another command is recorded between the read and the
 * append ({@link OrderLog.Moved}), the command is checked again against the log as it then is, so
 * commands given at once are all recorded, or refused by what the others did. A log that can keep
 * other writers out from the read to the append ({@link OrderLog#inTurn}) does so.
 */
public final class OrderDesk {
    /** How often a command is checked again when other commands keep being recorded first. */
    private static final int ATTEMPTS = 10;

    private final OrderLog log;

    public OrderDesk(OrderLog log) {
        this.log = log;
    }

    public OrderBook book() {
        return OrderBook.replay(log.read());
    }

    public OrderBook draft(Order order, String user, Instant at) {
        return submit(OrderEvent.Type.DRAFTED, order.id(), user, at, order, null);
    }

    public OrderBook approve(String orderId, String user, Instant at) {
        return submit(OrderEvent.Type.APPROVED, orderId, user, at, null, null);
    }

    public OrderBook issue(String orderId, String user, Instant at) {
        return submit(OrderEvent.Type.ISSUED, orderId, user, at, null, null);
    }

    public OrderBook cancel(String orderId, String user, Instant at, String reason) {
        return submit(OrderEvent.Type.CANCELLED, orderId, user, at, null, reason);
    }

    /**
     * A user name as the log records it: without surrounding spaces, and with each letter and its
     * marks composed into one character where Unicode has one (NFC), so that "Zoë" is one name
     * however it was typed.
     */
    static String recorded(String user) {
        return java.text.Normalizer.normalize(user.strip(), java.text.Normalizer.Form.NFC);
    }

    private OrderBook submit(
            OrderEvent.Type type,
            String orderId,
            String user,
            Instant at,
            Order order,
            String reason) {
        if (user == null || user.isBlank()) {
            throw new OrderRefused("a user name is required");
        }
        for (int attempt = 1; ; attempt++) {
            try {
                return log.inTurn(
                        () -> {
                            OrderBook b = book();
                            OrderEvent e =
                                    new OrderEvent(
                                            b.lastSeq() + 1,
                                            type,
                                            orderId,
                                            recorded(user),
                                            at,
                                            order,
                                            reason);
                            b.checkNew(e);
                            OrderBook next = b.apply(e);
                            log.append(e);
                            return next;
                        });
            } catch (OrderLog.Moved another) {
                // another command was recorded first: check this one again against the log now
                if (attempt == ATTEMPTS) {
                    throw another;
                }
            }
        }
    }
}
