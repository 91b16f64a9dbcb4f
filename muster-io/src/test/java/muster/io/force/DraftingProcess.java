package muster.io.force;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import muster.engine.orders.OrderDesk;
import muster.model.force.Order;
import muster.model.force.OrderKind;

/**
 * A separate process that drafts its orders into a file log one after the other through {@link
 * OrderDesk}, as {@code muster orders draft} does: each is checked against the log and appended.
 * Prints each draft that was not recorded and exits 1 if there was one.
 */
public final class DraftingProcess {
    private DraftingProcess() {}

    public static void main(String[] args) {
        FileOrderLog log = new FileOrderLog(Path.of(args[0]));
        String name = args[1];
        int count = Integer.parseInt(args[2]);
        Instant t = Instant.parse("2022-01-24T12:00:00Z");
        int refused = 0;
        for (int i = 0; i < count; i++) {
            String id = name + "-" + i;
            Order o =
                    new Order(
                            id,
                            OrderKind.ALERT,
                            List.of("U-" + name),
                            "SECDEF",
                            t,
                            96,
                            null,
                            null,
                            null,
                            null);
            try {
                new OrderDesk(log).draft(o, name, t);
            } catch (RuntimeException e) {
                refused++;
                System.out.println(id + " not recorded: " + e.getMessage());
            }
        }
        System.exit(refused == 0 ? 0 : 1);
    }
}
