package muster.engine.orders;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;
import java.util.stream.Stream;
import muster.model.force.Order;
import muster.model.force.OrderEvent;
import muster.model.force.OrderKind;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Random command sequences applied to a live book (kept in memory, event by event) and to a log
 * replayed from scratch give the same book.
 */
class ReplayTest {
    static Stream<Long> seeds() {
        return Stream.iterate(1L, s -> s + 1).limit(40);
    }

    /** Applies random commands; refused ones are skipped. Returns the live book and the log. */
    static OrderBook runRandom(long seed, OrderLog log, int steps) {
        Random rnd = new Random(seed);
        String[] users = {"ann", "bob", "cat"};
        String[] unitIds = {"U1", "U2", "U3", "U4"};
        OrderBook live = OrderBook.empty();
        List<String> ids = new ArrayList<>();
        Instant t = Instant.parse("2022-01-24T00:00:00Z");
        for (int i = 0; i < steps; i++) {
            t = t.plusSeconds(600);
            String user = users[rnd.nextInt(users.length)];
            OrderEvent.Type type = OrderEvent.Type.values()[rnd.nextInt(4)];
            Order order = null;
            String id;
            if (type == OrderEvent.Type.DRAFTED || ids.isEmpty()) {
                type = OrderEvent.Type.DRAFTED;
                id = "O" + i;
                OrderKind k = OrderKind.values()[rnd.nextInt(3)];
                List<String> us = new ArrayList<>();
                for (String u : unitIds) {
                    if (rnd.nextInt(3) == 0) {
                        us.add(u);
                    }
                }
                order =
                        new Order(
                                id,
                                k,
                                us,
                                "HQ",
                                t,
                                k == OrderKind.ALERT ? 24 * (1 + rnd.nextInt(5)) : null,
                                k == OrderKind.DEPLOY ? "EPRZ" : null,
                                k == OrderKind.DEPLOY ? java.time.LocalDate.of(2022, 2, 3) : null,
                                k == OrderKind.DEPLOY ? java.time.LocalDate.of(2022, 2, 10) : null,
                                null);
            } else {
                id = ids.get(rnd.nextInt(ids.size()));
            }
            OrderEvent e =
                    new OrderEvent(
                            live.lastSeq() + 1,
                            type,
                            id,
                            user,
                            t,
                            order,
                            type == OrderEvent.Type.CANCELLED ? "random" : null);
            try {
                live = live.apply(e);
            } catch (OrderRefused refused) {
                continue;
            }
            log.append(e);
            if (type == OrderEvent.Type.DRAFTED) {
                ids.add(id);
            }
        }
        return live;
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void replayEqualsLiveState(long seed) {
        MemoryOrderLog log = new MemoryOrderLog();
        OrderBook live = runRandom(seed, log, 80);
        OrderBook replayed = OrderBook.replay(log.read());
        Supplier<String> msg = () -> "seed " + seed;
        assertThat(replayed).as(msg.get()).isEqualTo(live);
        assertThat(replayed.units()).as(msg.get()).isEqualTo(live.units());
        assertThat(log.read().size())
                .as(msg.get() + ": some commands were accepted")
                .isGreaterThan(3);
    }
}
