package muster.engine.orders;

import java.util.ArrayList;
import java.util.List;
import muster.model.force.OrderEvent;

/** An order log in memory, for tests and for callers that keep events elsewhere. */
public final class MemoryOrderLog implements OrderLog {
    private final List<OrderEvent> events = new ArrayList<>();

    @Override
    public List<OrderEvent> read() {
        return List.copyOf(events);
    }

    @Override
    public void append(OrderEvent event) {
        if (event.seq() != events.size() + 1) {
            throw new IllegalArgumentException(
                    "event seq " + event.seq() + " is not the next, " + (events.size() + 1));
        }
        events.add(event);
    }
}
