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

    /**
     * Appends one event durably; it must carry the next sequence number. A log that another writer
     * appended to since it was read may throw {@link Moved}, and leaves itself as it was.
     */
    void append(OrderEvent event);

    /**
     * Runs {@code command}, which reads this log and may append one event, with no other writer
     * appending in between where the log can see to that (a file holds its lock throughout). The
     * default runs it as it is: a writer that appended first then shows as {@link Moved}.
     */
    default <T> T inTurn(java.util.function.Supplier<T> command) {
        return command.get();
    }

    /**
     * The event was not appended because another writer appended first: its sequence number is no
     * longer the next. The command may be checked again against the log as it is now.
     */
    final class Moved extends IllegalStateException {
        private static final long serialVersionUID = 1L;

        public Moved(String message) {
            super(message);
        }
    }
}
