package muster.io.force;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import muster.model.force.Order;
import muster.model.force.OrderEvent;
import muster.model.force.OrderKind;

/**
 * A separate process that drafts orders into a file log, reading the log before each append and
 * trying again when another process appended first. Exits 0 once all its orders are in the log. A
 * fourth argument gives each order a note of that many characters '€' (three bytes each), so that
 * its line takes several pages of the file.
 */
public final class AppendingProcess {
    private AppendingProcess() {}

    public static void main(String[] args) {
        FileOrderLog log = new FileOrderLog(Path.of(args[0]));
        String name = args[1];
        int count = Integer.parseInt(args[2]);
        String note = args.length > 3 ? "\u20ac".repeat(Integer.parseInt(args[3])) : null;
        Instant t = Instant.parse("2022-01-24T12:00:00Z");
        for (int i = 0; i < count; ) {
            List<OrderEvent> events = log.read();
            String id = name + "-" + i;
            Order o =
                    new Order(
                            id,
                            OrderKind.ALERT,
                            List.of("U1"),
                            "SECDEF",
                            t,
                            96,
                            null,
                            null,
                            null,
                            note);
            OrderEvent e =
                    new OrderEvent(
                            events.size() + 1, OrderEvent.Type.DRAFTED, id, name, t, o, null);
            try {
                log.append(e);
                i++;
            } catch (IllegalStateException another) {
                // another process appended first: read again
            }
        }
    }
}
