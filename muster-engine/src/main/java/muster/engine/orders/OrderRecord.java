package muster.engine.orders;

import muster.model.force.Order;
import muster.model.force.OrderStatus;

/**
 * An order and where it stands in its lifecycle.
 *
 * @param approvedBy null until approved
 * @param issuedBy null until issued
 * @param cancelledBy null unless cancelled
 */
public record OrderRecord(
        Order order,
        OrderStatus status,
        String draftedBy,
        String approvedBy,
        String issuedBy,
        String cancelledBy,
        String cancelReason) {
    OrderRecord with(OrderStatus s, String user, String reason) {
        return switch (s) {
            case APPROVED -> new OrderRecord(order, s, draftedBy, user, null, null, null);
            case ISSUED -> new OrderRecord(order, s, draftedBy, approvedBy, user, null, null);
            case CANCELLED -> new OrderRecord(order, s, draftedBy, approvedBy, null, user, reason);
            case DRAFT -> this;
        };
    }
}
