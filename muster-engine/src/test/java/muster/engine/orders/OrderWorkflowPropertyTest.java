package muster.engine.orders;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import muster.model.force.Order;
import muster.model.force.OrderEvent;
import muster.model.force.OrderKind;
import muster.model.force.OrderStatus;
import muster.model.force.UnitStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Random sequences of draft, approve, issue and cancel commands on an {@link OrderDesk}, each
 * checked against a model of the rules written from docs/orders.md alone: a command is accepted
 * exactly when the rules allow it; the log only grows, by one event per accepted command that says
 * who, when and why; a refused command changes neither the log nor the book; the book is the replay
 * of the log; and the board gives each unit, day by day, the status the rules derive from the
 * issued orders. Every failure names its seed and step; the same seed gives the same log.
 */
class OrderWorkflowPropertyTest {
    static final Instant BASE = Instant.parse("2022-01-20T00:00:00Z");
    static final LocalDate FIRST_DAY = LocalDate.of(2022, 1, 18);
    static final LocalDate LAST_DAY = LocalDate.of(2022, 4, 10);
    static final String[] UNITS = {"U1", "U2", "U3", "U4", "U5"};
    static final String[] USERS = {"ann", "bob", "cat"};

    /** Another spelling of a user's name, or no name at all. */
    static final String[] ODD_USERS = {" ann ", "BOB", "Cat\t", "  ", ""};

    static Stream<Long> seeds() {
        return Stream.iterate(1L, s -> s + 1).limit(300);
    }

    /** One command as given to the desk. */
    record Command(
            OrderEvent.Type type,
            String orderId,
            String user,
            Instant at,
            Order order,
            String reason) {
        OrderBook run(OrderDesk desk) {
            return switch (type) {
                case DRAFTED -> desk.draft(order, user, at);
                case APPROVED -> desk.approve(orderId, user, at);
                case ISSUED -> desk.issue(orderId, user, at);
                case CANCELLED -> desk.cancel(orderId, user, at, reason);
            };
        }
    }

    /** An order in the model: where it stands and who moved it there. */
    static final class ModelOrder {
        final Order order;
        OrderStatus status = OrderStatus.DRAFT;
        final String draftedBy;
        String approvedBy;
        String issuedBy;
        String cancelledBy;
        String reason;

        ModelOrder(Order order, String draftedBy) {
            this.order = order;
            this.draftedBy = draftedBy;
        }
    }

    /** An issued order as it names one unit: the log's ISSUED event and the order. */
    record Issue(long seq, Instant at, Order order) {}

    /** The rules of docs/orders.md, kept apart from the engine. */
    static final class Model {
        final Map<String, ModelOrder> orders = new LinkedHashMap<>();
        final Map<String, List<Issue>> issued = new LinkedHashMap<>();
        final List<OrderEvent> log = new ArrayList<>();

        List<Issue> issues(String uic) {
            return issued.getOrDefault(uic, List.of());
        }

        /** Whether the rules accept the command; records its event when they do. */
        boolean accepts(Command c) {
            if (c.user() == null || c.user().isBlank()) {
                return false;
            }
            String user = c.user().strip();
            ModelOrder cur = orders.get(c.orderId());
            boolean ok =
                    switch (c.type()) {
                        case DRAFTED ->
                                cur == null
                                        && contentOk(c.order())
                                        && unitsOk(c.order())
                                        && effectiveOk(c.order());
                        case APPROVED ->
                                cur != null
                                        && cur.status == OrderStatus.DRAFT
                                        && !cur.draftedBy.equalsIgnoreCase(user);
                        case ISSUED ->
                                cur != null
                                        && cur.status == OrderStatus.APPROVED
                                        && unitsOk(cur.order)
                                        && effectiveOk(cur.order);
                        case CANCELLED ->
                                cur != null
                                        && (cur.status == OrderStatus.DRAFT
                                                || cur.status == OrderStatus.APPROVED)
                                        && c.reason() != null
                                        && !c.reason().isBlank();
                    };
            if (!ok) {
                return false;
            }
            long seq = log.size() + 1;
            log.add(
                    new OrderEvent(
                            seq, c.type(), c.orderId(), user, c.at(), c.order(), c.reason()));
            switch (c.type()) {
                case DRAFTED -> orders.put(c.orderId(), new ModelOrder(c.order(), user));
                case APPROVED -> {
                    cur.status = OrderStatus.APPROVED;
                    cur.approvedBy = user;
                }
                case ISSUED -> {
                    cur.status = OrderStatus.ISSUED;
                    cur.issuedBy = user;
                    for (String u : cur.order.units()) {
                        issued.computeIfAbsent(u, k -> new ArrayList<>())
                                .add(new Issue(seq, c.at(), cur.order));
                    }
                }
                case CANCELLED -> {
                    cur.status = OrderStatus.CANCELLED;
                    cur.cancelledBy = user;
                    cur.reason = c.reason();
                }
            }
            return true;
        }

        /** The order's own content: units, authority and its kind's fields. */
        static boolean contentOk(Order o) {
            if (!o.id().equals(o.id().strip()) || o.units().isEmpty()) {
                return false;
            }
            Set<String> seen = new HashSet<>();
            for (String u : o.units()) {
                if (u.isBlank() || !u.equals(u.strip()) || !seen.add(u)) {
                    return false;
                }
            }
            if (o.authority() == null || o.authority().isBlank()) {
                return false;
            }
            return switch (o.kind()) {
                case ALERT ->
                        o.noticeToMoveHours() != null
                                && o.noticeToMoveHours() >= 0
                                && o.noticeToMoveHours() <= 8_760;
                case DEPLOY ->
                        o.destination() != null
                                && !o.destination().isBlank()
                                && o.cDay() != null
                                && o.readyDate() != null
                                && !o.readyDate().isBefore(o.cDay())
                                && !o.readyDate().isBefore(day(o.effective()));
                case STAND_DOWN -> true;
            };
        }

        /**
         * No alert or deployment of a unit deploying or deployed; no stand-down of a unit never
         * alerted or deployed, or stood down already.
         */
        boolean unitsOk(Order o) {
            for (String u : o.units()) {
                List<Issue> h = issues(u);
                OrderKind last = h.isEmpty() ? null : h.get(h.size() - 1).order().kind();
                boolean ok =
                        o.kind() == OrderKind.STAND_DOWN
                                ? last != null && last != OrderKind.STAND_DOWN
                                : last != OrderKind.DEPLOY;
                if (!ok) {
                    return false;
                }
            }
            return true;
        }

        /** No order takes effect for a unit before the order that gave it its status. */
        boolean effectiveOk(Order o) {
            for (String u : o.units()) {
                List<Issue> h = issues(u);
                if (!h.isEmpty()
                        && o.effective().isBefore(h.get(h.size() - 1).order().effective())) {
                    return false;
                }
            }
            return true;
        }

        /** The issued orders naming the unit that are in effect by the end of {@code day}. */
        static List<Issue> inEffect(List<Issue> h, LocalDate day) {
            Instant end = day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
            return h.stream().filter(i -> i.order().effective().isBefore(end)).toList();
        }

        /** The status the status table gives a unit on a day under these issued orders. */
        static UnitStatus status(List<Issue> h, LocalDate day) {
            List<Issue> in = inEffect(h, day);
            if (in.isEmpty()) {
                return UnitStatus.AVAILABLE;
            }
            Order o = in.get(in.size() - 1).order();
            return switch (o.kind()) {
                case ALERT -> UnitStatus.ALERTED;
                case DEPLOY ->
                        day.isBefore(o.readyDate()) ? UnitStatus.DEPLOYING : UnitStatus.DEPLOYED;
                case STAND_DOWN -> UnitStatus.STOOD_DOWN;
            };
        }

        /** The notice of the last alert in effect, unless a stand-down came after it. */
        static Integer notice(List<Issue> h) {
            Integer n = null;
            for (Issue i : h) {
                switch (i.order().kind()) {
                    case ALERT -> n = i.order().noticeToMoveHours();
                    case STAND_DOWN -> n = null;
                    case DEPLOY -> {}
                }
            }
            return n;
        }
    }

    static LocalDate day(Instant t) {
        return t.atZone(ZoneOffset.UTC).toLocalDate();
    }

    /** A random command: mostly ones that may be taken, with some of each kind of fault. */
    static Command command(Random rnd, Model m, Instant at, int step) {
        String user =
                rnd.nextInt(8) == 0
                        ? ODD_USERS[rnd.nextInt(ODD_USERS.length)]
                        : USERS[rnd.nextInt(USERS.length)];
        List<String> ids = new ArrayList<>(m.orders.keySet());
        int pick = rnd.nextInt(100);
        if (pick < 35 || ids.isEmpty()) {
            String id =
                    !ids.isEmpty() && rnd.nextInt(15) == 0
                            ? ids.get(rnd.nextInt(ids.size()))
                            : rnd.nextInt(40) == 0 ? " N" + step : "N" + step;
            return new Command(OrderEvent.Type.DRAFTED, id, user, at, order(rnd, id, step), null);
        }
        OrderEvent.Type type =
                pick < 55
                        ? OrderEvent.Type.APPROVED
                        : pick < 85 ? OrderEvent.Type.ISSUED : OrderEvent.Type.CANCELLED;
        // mostly an order the command fits, so that orders go the whole way
        OrderStatus fits =
                type == OrderEvent.Type.ISSUED ? OrderStatus.APPROVED : OrderStatus.DRAFT;
        List<String> fitting = ids.stream().filter(i -> m.orders.get(i).status == fits).toList();
        String id =
                rnd.nextInt(20) == 0
                        ? "NONE" + step
                        : !fitting.isEmpty() && rnd.nextInt(4) != 0
                                ? fitting.get(rnd.nextInt(fitting.size()))
                                : ids.get(rnd.nextInt(ids.size()));
        if (type == OrderEvent.Type.APPROVED) {
            return new Command(OrderEvent.Type.APPROVED, id, user, at, null, null);
        }
        if (type == OrderEvent.Type.ISSUED) {
            return new Command(OrderEvent.Type.ISSUED, id, user, at, null, null);
        }
        String reason =
                switch (rnd.nextInt(12)) {
                    case 0 -> null;
                    case 1 -> " ";
                    default -> "reason " + step;
                };
        return new Command(OrderEvent.Type.CANCELLED, id, user, at, null, reason);
    }

    static Order order(Random rnd, String id, int step) {
        OrderKind kind = OrderKind.values()[rnd.nextInt(3)];
        List<String> units = new ArrayList<>();
        for (String u : UNITS) {
            if (rnd.nextInt(3) == 0) {
                units.add(u);
            }
        }
        if (units.isEmpty() && rnd.nextInt(6) != 0) {
            units.add(UNITS[rnd.nextInt(UNITS.length)]);
        }
        if (!units.isEmpty() && rnd.nextInt(30) == 0) {
            units.add(units.get(0));
        }
        if (!units.isEmpty() && rnd.nextInt(40) == 0) {
            units.set(0, " " + units.get(0));
        }
        // mostly later with each step, as orders follow one another, sometimes before the last
        Instant effective =
                BASE.plus(Duration.ofHours(Math.max(0, 24L * step + 6L * (rnd.nextInt(40) - 30))));
        LocalDate cDay = day(effective).plusDays(rnd.nextInt(7) - 2);
        LocalDate ready = cDay.plusDays(rnd.nextInt(20) - 1);
        Integer notice =
                switch (rnd.nextInt(20)) {
                    case 0 -> null;
                    case 1 -> -1;
                    case 2 -> 9_000;
                    default -> 24 * (1 + rnd.nextInt(6));
                };
        return new Order(
                id,
                kind,
                units,
                rnd.nextInt(25) == 0 ? " " : "SHAPE",
                effective,
                kind == OrderKind.ALERT ? notice : null,
                kind == OrderKind.DEPLOY && rnd.nextInt(25) != 0 ? "EPRZ" : null,
                kind == OrderKind.DEPLOY ? cDay : null,
                kind == OrderKind.DEPLOY && rnd.nextInt(25) != 0 ? ready : null,
                null);
    }

    /** The log a run wrote and how many of its commands were refused. */
    record Run(List<OrderEvent> log, int refused) {}

    /**
     * Runs {@code steps} random commands, checking each against the model, and the book and board
     * after each when {@code board}.
     */
    static Run run(long seed, int steps, boolean board) {
        int refusals = 0;
        Random rnd = new Random(seed);
        MemoryOrderLog log = new MemoryOrderLog();
        OrderDesk desk = new OrderDesk(log);
        Model m = new Model();
        Instant at = BASE.minus(Duration.ofDays(3));
        for (int step = 0; step < steps; step++) {
            at = at.plus(Duration.ofMinutes(1 + rnd.nextInt(600)));
            Command c = command(rnd, m, at, step);
            String where = "seed " + seed + ", step " + step + ": " + c;
            List<OrderEvent> before = log.read();
            OrderBook bookBefore = desk.book();
            boolean expected = m.accepts(c);
            OrderBook after;
            try {
                after = c.run(desk);
            } catch (OrderRefused refused) {
                after = null;
                refusals++;
                assertThat(expected)
                        .as(where + ": refused (" + refused.getMessage() + "), rules accept it")
                        .isFalse();
                assertThat(log.read())
                        .as(where + ": a refused command left the log")
                        .isEqualTo(before);
                assertThat(desk.book())
                        .as(where + ": a refused command left the book")
                        .isEqualTo(bookBefore);
            } catch (RuntimeException other) {
                throw new AssertionError(where + ": not refused but failed: " + other, other);
            }
            if (after != null) {
                assertThat(expected).as(where + ": accepted, rules refuse it").isTrue();
                assertThat(after)
                        .as(where + ": the book is the replay of the log")
                        .isEqualTo(OrderBook.replay(log.read()));
            }
            // append-only and complete: the log is the model's, event for event
            assertThat(log.read()).as(where + ": the log").isEqualTo(m.log);
            if (board) {
                check(where, desk.book(), m);
            }
        }
        return new Run(log.read(), refusals);
    }

    /** The book's orders and units against the model. */
    static void check(String where, OrderBook b, Model m) {
        assertThat(b.lastSeq()).as(where).isEqualTo(m.log.size());
        assertThat(b.orders()).as(where + ": orders").hasSize(m.orders.size());
        for (ModelOrder o : m.orders.values()) {
            OrderRecord r = b.order(o.order.id());
            String at = where + ": order " + o.order.id();
            assertThat(r).as(at).isNotNull();
            assertThat(r.order()).as(at).isEqualTo(o.order);
            assertThat(r.status()).as(at).isEqualTo(o.status);
            assertThat(r.draftedBy()).as(at + " drafted by").isEqualTo(o.draftedBy);
            assertThat(r.approvedBy()).as(at + " approved by").isEqualTo(o.approvedBy);
            assertThat(r.issuedBy()).as(at + " issued by").isEqualTo(o.issuedBy);
            assertThat(r.cancelledBy()).as(at + " cancelled by").isEqualTo(o.cancelledBy);
            assertThat(r.cancelReason()).as(at + " reason").isEqualTo(o.reason);
        }
        for (String u : UNITS) {
            List<Issue> h = m.issues(u);
            UnitRecord r = b.unit(u);
            String at = where + ": unit " + u;
            assertThat(r.history()).as(at + " history").hasSize(h.size());
            for (int i = 0; i < h.size(); i++) {
                UnitRecord.History e = r.history().get(i);
                Issue x = h.get(i);
                String entry = at + " history " + i;
                assertThat(e.seq()).as(entry + " seq").isEqualTo(x.seq());
                assertThat(e.at()).as(entry + " at").isEqualTo(x.at());
                assertThat(e.orderId()).as(entry + " order").isEqualTo(x.order().id());
                assertThat(e.effective()).as(entry + " effective").isEqualTo(x.order().effective());
                assertThat(e.from())
                        .as(entry + " from: the board on the day it took effect")
                        .isEqualTo(Model.status(h.subList(0, i), day(x.order().effective())));
            }
            for (LocalDate d = FIRST_DAY; !d.isAfter(LAST_DAY); d = d.plusDays(1)) {
                UnitRecord on = r.asOf(d);
                List<Issue> in = Model.inEffect(h, d);
                String day = at + " on " + d;
                assertThat(on.status()).as(day).isEqualTo(Model.status(h, d));
                Order last = in.isEmpty() ? null : in.get(in.size() - 1).order();
                assertThat(on.orderId())
                        .as(day + " order")
                        .isEqualTo(last == null ? null : last.id());
                boolean deploy = last != null && last.kind() == OrderKind.DEPLOY;
                assertThat(on.destination())
                        .as(day + " destination")
                        .isEqualTo(deploy ? last.destination() : null);
                assertThat(on.readyDate())
                        .as(day + " ready")
                        .isEqualTo(deploy ? last.readyDate() : null);
                assertThat(on.noticeToMoveHours()).as(day + " notice").isEqualTo(Model.notice(in));
            }
            // what 'orders issue' says: each status with the time the board first shows it
            for (UnitRecord.Phase p : r.phases()) {
                assertThat(r.asOf(day(p.from())).status())
                        .as(at + " phase " + p)
                        .isEqualTo(p.status());
                assertThat(Model.status(h, day(p.from())))
                        .as(at + " phase " + p)
                        .isEqualTo(p.status());
            }
            if (!h.isEmpty()) {
                Order last = h.get(h.size() - 1).order();
                LocalDate from = day(last.effective());
                assertThat(r.phases().get(0).from())
                        .as(at + " first phase")
                        .isEqualTo(last.effective());
                boolean twoPhases =
                        last.kind() == OrderKind.DEPLOY && last.readyDate().isAfter(from);
                assertThat(r.phases()).as(at + " phases").hasSize(twoPhases ? 2 : 1);
            } else {
                assertThat(r.phases()).as(at + " phases").isEmpty();
            }
        }
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void everyCommandKeepsTheRulesOfTheWorkflow(long seed) {
        Run first = run(seed, 80, true);
        // the engine reads no clock: the same commands at the same times give the same log
        assertThat(run(seed, 80, false).log())
                .as("seed " + seed + ": run again")
                .isEqualTo(first.log());
    }

    @Test
    void theRandomCommandsReachEveryStepAndRefusal() {
        Map<String, Integer> seen = new java.util.TreeMap<>();
        for (long seed : seeds().toList()) {
            Run r = run(seed, 80, false);
            Map<String, OrderKind> kinds = new java.util.HashMap<>();
            for (OrderEvent e : r.log()) {
                if (e.order() != null) {
                    kinds.put(e.orderId(), e.order().kind());
                }
                seen.merge(e.type() + " " + kinds.get(e.orderId()), 1, Integer::sum);
            }
            seen.merge("refused", r.refused(), Integer::sum);
        }
        for (OrderEvent.Type t : OrderEvent.Type.values()) {
            for (OrderKind k : OrderKind.values()) {
                assertThat(seen.getOrDefault(t + " " + k, 0))
                        .as(t + " " + k + " in " + seen)
                        .isGreaterThan(100);
            }
        }
        assertThat(seen.get("refused")).as("refused in " + seen).isGreaterThan(1_000);
    }
}
