package muster.server;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import muster.engine.orders.OrderBook;
import muster.engine.orders.OrderDesk;
import muster.engine.orders.OrderLog;
import muster.engine.orders.OrderRecord;
import muster.engine.orders.OrderRefused;
import muster.model.force.Order;
import muster.model.force.OrderEvent;

/**
 * Orders on the engine's order model: events are kept in the {@code order_log} table, the state of
 * orders and units is {@link OrderBook#replay} over them, and every command goes through {@link
 * OrderDesk}. The server adds only who may act (role and nation) and who may see (marking).
 */
final class Orders {
    /** Owner nation and marking of one order. */
    record Meta(String owner, String marking) {}

    private final Database db;
    private final Clock clock;

    Orders(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** The order log in the database, read and appended within one connection. */
    static final class PgOrderLog implements OrderLog {
        private final Connection c;
        private final Meta meta;
        private final long actorId;

        PgOrderLog(Connection c, Meta meta, long actorId) {
            this.c = c;
            this.meta = meta;
            this.actorId = actorId;
        }

        @Override
        public List<OrderEvent> read() {
            try {
                return events(c);
            } catch (SQLException e) {
                throw new IllegalStateException("reading the order log: " + e.getMessage(), e);
            }
        }

        @Override
        public void append(OrderEvent e) {
            try {
                Jdbc.update(
                        c,
                        "insert into order_log(seq, order_id, type, username, at, order_json,"
                                + " reason, owner_nation, releasable_to, actor_id) values"
                                + " (?,?,?,?,?,?,?,?,?,?)",
                        e.seq(),
                        e.orderId(),
                        e.type().name(),
                        e.user(),
                        Timestamp.from(e.at()),
                        e.order() == null ? null : Json.write(e.order()),
                        e.reason(),
                        meta.owner(),
                        meta.marking(),
                        actorId);
            } catch (SQLException x) {
                throw new IllegalStateException("appending to the order log: " + x.getMessage(), x);
            }
        }
    }

    static List<OrderEvent> events(Connection c) throws SQLException {
        return events(c, 0);
    }

    static List<OrderEvent> events(Connection c, long afterSeq) throws SQLException {
        return Jdbc.query(
                c,
                "select seq, type, order_id, username, at, order_json, reason from order_log"
                        + " where seq > ? order by seq",
                rs ->
                        new OrderEvent(
                                rs.getLong(1),
                                OrderEvent.Type.valueOf(rs.getString(2)),
                                rs.getString(3),
                                rs.getString(4),
                                rs.getTimestamp(5).toInstant(),
                                rs.getString(6) == null
                                        ? null
                                        : Json.read(rs.getString(6), Order.class),
                                rs.getString(7)),
                afterSeq);
    }

    static Map<String, Meta> metas(Connection c) throws SQLException {
        return metas(c, 0);
    }

    static Map<String, Meta> metas(Connection c, long afterSeq) throws SQLException {
        Map<String, Meta> m = new HashMap<>();
        for (Object[] r :
                Jdbc.query(
                        c,
                        "select order_id, owner_nation, releasable_to from order_log where type ="
                                + " 'DRAFTED' and seq > ?",
                        rs -> new Object[] {rs.getString(1), rs.getString(2), rs.getString(3)},
                        afterSeq)) {
            m.put((String) r[0], new Meta((String) r[1], (String) r[2]));
        }
        return m;
    }

    /** A consistent view: the folded book and every order's owner and marking. */
    record Snapshot(OrderBook book, Map<String, Meta> metas) {
        boolean sees(User u, String orderId) {
            Meta m = metas.get(orderId);
            return m != null && u.sees(m.owner(), m.marking());
        }
    }

    private Snapshot last = new Snapshot(OrderBook.empty(), Map.of());

    /**
     * The book folded up to the newest event. The log is append-only, so the last book is kept and
     * only the events after it are applied (the same pure fold, {@link OrderBook#apply}).
     */
    Snapshot snapshot() {
        Snapshot from;
        synchronized (this) {
            from = last;
        }
        Snapshot next =
                Jdbc.tx(
                        db,
                        c -> {
                            c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
                            long after = from.book().lastSeq();
                            OrderBook b = from.book();
                            for (OrderEvent e : events(c, after)) {
                                b = b.apply(e);
                            }
                            if (b == from.book()) {
                                return from;
                            }
                            Map<String, Meta> m = new HashMap<>(from.metas());
                            m.putAll(metas(c, after));
                            return new Snapshot(b, Map.copyOf(m));
                        });
        synchronized (this) {
            if (next.book().lastSeq() > last.book().lastSeq()) {
                last = next;
            }
        }
        return next;
    }

    /**
     * The next order id of a nation, {@code NATION-ORD-n}: each nation numbers its own. Taken in
     * the transaction that appends the draft, so a refused draft leaves no gap in the numbers.
     */
    private static String nextId(Connection c, String nation) throws java.sql.SQLException {
        return nation
                + "-ORD-"
                + Jdbc.one(
                                c,
                                "insert into order_number (nation, last) values (?, 1)"
                                        + " on conflict (nation) do update"
                                        + " set last = order_number.last + 1"
                                        + " returning last",
                                rs -> rs.getLong(1),
                                nation)
                        .orElseThrow();
    }

    /** A command on the desk: what it does, given the desk and the time. */
    interface Command {
        OrderBook run(OrderDesk desk, java.time.Instant at);
    }

    /**
     * Drafts a new order of the user's nation: {@code draft} makes the command from the order id,
     * which is numbered inside the same transaction as the append.
     */
    OrderRecord draft(User u, Meta meta, java.util.function.Function<String, Command> draft) {
        return write(u, meta, "order.draft", c -> nextId(c, meta.owner()), draft);
    }

    /**
     * Runs one command in one transaction, writers serialized by a table lock so each reads the
     * whole log before appending. The engine refuses a command that contradicts the book (409).
     */
    OrderRecord run(User u, String orderId, String action, Command cmd) {
        return write(u, null, action, c -> orderId, id -> cmd);
    }

    private interface IdOf {
        String id(Connection c) throws java.sql.SQLException;
    }

    private OrderRecord write(
            User u,
            Meta metaForNew,
            String action,
            IdOf idOf,
            java.util.function.Function<String, Command> cmdFor) {
        // writers of this server queue here, before they take a pooled connection: waiting on the
        // table lock inside a transaction would hold one each and starve every reader
        writers.lock();
        try {
            return Jdbc.tx(
                    db,
                    c -> {
                        Jdbc.update(c, "lock table order_log in share row exclusive mode");
                        String orderId = idOf.id(c);
                        Meta meta = metaForNew != null ? metaForNew : metas(c).get(orderId);
                        OrderBook b =
                                cmdFor.apply(orderId)
                                        .run(
                                                new OrderDesk(new PgOrderLog(c, meta, u.id())),
                                                clock.instant());
                        Audit.record(c, u, action, "order " + orderId, "OK", null);
                        return b.order(orderId);
                    });
        } catch (OrderRefused e) {
            // the order's own content is bad input; a contradiction with the log is a conflict
            throw new ApiException(e.content() ? 400 : 409, seenBy(u, e.getMessage()));
        } finally {
            writers.unlock();
        }
    }

    /**
     * A refusal of the order model as {@code u} may read it. A unit its nation has handed to
     * another may still be held by an order of the nation that had it, which the new owner may not
     * see: the part of the refusal that names such an order says only that the unit is under an
     * order not released to the reader's nation, without the order, its destination or its dates.
     */
    private String seenBy(User u, String refusal) {
        Snapshot s = snapshot();
        return withoutHiddenOrders(
                refusal, id -> s.book().order(id) != null && !s.sees(u, id), u.nation());
    }

    private static final java.util.regex.Pattern UNIT =
            java.util.regex.Pattern.compile("unit (\\S+) ");

    /**
     * {@code refusal}, of the order model ({@code "ALERT order X refused: unit U ...; unit V
     * ..."}), with each part that names an order {@code hidden} holds replaced by "unit U is under
     * an order not released to {@code nation}".
     */
    static String withoutHiddenOrders(
            String refusal, java.util.function.Predicate<String> hidden, String nation) {
        java.util.function.Predicate<String> names =
                text -> java.util.Arrays.stream(text.split("[^A-Za-z0-9_-]+")).anyMatch(hidden);
        if (refusal == null || !names.test(refusal)) {
            return refusal;
        }
        int colon = refusal.indexOf(": ");
        String head = colon < 0 ? "" : refusal.substring(0, colon + 2);
        if (names.test(head)) {
            return "refused: a unit it names is under an order not released to " + nation;
        }
        List<String> parts = new java.util.ArrayList<>();
        for (String part : refusal.substring(head.length()).split("; ")) {
            if (names.test(part)) {
                java.util.regex.Matcher m = UNIT.matcher(part);
                part =
                        (m.lookingAt() ? "unit " + m.group(1) + " is" : "a unit it names is")
                                + " under an order not released to "
                                + nation;
            }
            parts.add(part);
        }
        return head + String.join("; ", parts);
    }

    /**
     * Serializes this server's order writers; the table lock still orders writers across servers.
     */
    private final java.util.concurrent.locks.ReentrantLock writers =
            new java.util.concurrent.locks.ReentrantLock(true);
}
