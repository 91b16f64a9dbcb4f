package muster.engine.orders;

import java.util.List;
import muster.model.force.OrderEvent;

/**
 * Where order events are kept: append-only, in sequence. Implementations may be a file, a database
 * table or memory; state is always derived from {@link #read()} by {@link OrderBook#replay}.
 */
public interface OrderLog {
    /** Every event in sequence. Refuses (throws) a log it cannot read whole. */
    List<OrderEvent> read();

    /** Appends one event durably; it must carry the next sequence number. */
    void append(OrderEvent event);
}
