package muster.engine.orders;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import muster.model.force.Order;
import muster.model.force.OrderEvent;
import muster.model.force.OrderKind;
import muster.model.force.OrderStatus;
import muster.model.force.UnitStatus;
import muster.model.validate.TextRule;

/**
 * The state of orders and units derived from an order log: an immutable value, and {@link #apply} a
 * pure function from a book and an event to the next book. {@link #replay} folds a whole log.
 * Nothing is edited in place; an event that contradicts the book is refused with a message.
 */
public final class OrderBook {
    private final Map<String, OrderRecord> orders;
    private final Map<String, UnitRecord> units;
    private final long lastSeq;

    private OrderBook(
            Map<String, OrderRecord> orders, Map<String, UnitRecord> units, long lastSeq) {
        this.orders = Collections.unmodifiableMap(orders);
        this.units = Collections.unmodifiableMap(units);
        this.lastSeq = lastSeq;
    }

    public static OrderBook empty() {
        return new OrderBook(new LinkedHashMap<>(), new TreeMap<>(), 0);
    }

    /** Folds a log from the start. Throws {@link OrderRefused} naming the first bad event. */
    public static OrderBook replay(List<OrderEvent> events) {
        OrderBook b = empty();
        for (OrderEvent e : events) {
            try {
                b = b.apply(e);
            } catch (OrderRefused x) {
                throw OrderRefused.ofLogEvent(e.seq(), x.getMessage());
            }
        }
        return b;
    }

    public long lastSeq() {
        return lastSeq;
    }

    public Collection<OrderRecord> orders() {
        return orders.values();
    }

    public OrderRecord order(String id) {
        return orders.get(id);
    }

    /** Units named by any issued order, by UIC. */
    public Map<String, UnitRecord> units() {
        return units;
    }

    /** A unit's record; AVAILABLE with no history when no issued order named it. */
    public UnitRecord unit(String uic) {
        return units.getOrDefault(uic, UnitRecord.available(uic));
    }

    /** The next book, or {@link OrderRefused} when the event contradicts this one. */
    public OrderBook apply(OrderEvent e) {
        if (e.seq() != lastSeq + 1) {
            throw new OrderRefused("event sequence " + e.seq() + " does not follow " + lastSeq);
        }
        OrderRecord cur = orders.get(e.orderId());
        Map<String, OrderRecord> o = new LinkedHashMap<>(orders);
        Map<String, UnitRecord> u = units;
        switch (e.type()) {
            case DRAFTED -> {
                if (cur != null) {
                    throw new OrderRefused("order " + e.orderId() + " already exists");
                }
                if (!e.order().id().equals(e.orderId())) {
                    throw new OrderRefused(
                            "event names order "
                                    + e.orderId()
                                    + " but carries order "
                                    + e.order().id());
                }
                checkContent(e.order());
                checkUnits(e.order());
                o.put(
                        e.orderId(),
                        new OrderRecord(
                                e.order(), OrderStatus.DRAFT, e.user(), null, null, null, null));
            }
            case APPROVED -> {
                need(cur, e);
                if (cur.status() != OrderStatus.DRAFT) {
                    throw new OrderRefused(
                            "order "
                                    + e.orderId()
                                    + " is "
                                    + cur.status()
                                    + "; only a DRAFT can be approved");
                }
                if (cur.draftedBy().equals(e.user())) {
                    throw new OrderRefused(
                            e.user()
                                    + " drafted order "
                                    + e.orderId()
                                    + " and cannot approve it; approval must come from someone else");
                }
                o.put(e.orderId(), cur.with(OrderStatus.APPROVED, e.user(), null));
            }
            case ISSUED -> {
                need(cur, e);
                if (cur.status() != OrderStatus.APPROVED) {
                    throw new OrderRefused(
                            "order "
                                    + e.orderId()
                                    + " is "
                                    + cur.status()
                                    + (cur.status() == OrderStatus.DRAFT
                                            ? "; it must be approved before it is issued"
                                            : "; only an APPROVED order can be issued"));
                }
                checkUnits(cur.order());
                o.put(e.orderId(), cur.with(OrderStatus.ISSUED, e.user(), null));
                u = issue(cur.order(), e.seq(), e.at());
            }
            case CANCELLED -> {
                need(cur, e);
                if (cur.status() == OrderStatus.ISSUED) {
                    // a stand-down of units already stood down is refused, so it cannot undo one
                    throw new OrderRefused(
                            "order "
                                    + e.orderId()
                                    + " is already issued and cannot be cancelled; "
                                    + (cur.order().kind() == OrderKind.STAND_DOWN
                                            ? "its units stay stood down until a later alert or"
                                                    + " deployment order names them"
                                            : standDownAdvice(cur.order())));
                }
                if (cur.status() == OrderStatus.CANCELLED) {
                    throw new OrderRefused("order " + e.orderId() + " is already cancelled");
                }
                o.put(e.orderId(), cur.with(OrderStatus.CANCELLED, e.user(), e.reason()));
            }
        }
        return new OrderBook(o, u == units ? new TreeMap<>(units) : u, e.seq());
    }

    /**
     * What undoes an issued alert or deployment order, unit by unit as the book has them: a
     * stand-down of the units still under it; a unit stood down since by another order is named
     * with that order, as a second stand-down of it is refused, and one under a later alert or
     * deployment order with that order, which a stand-down of it would end too.
     */
    private String standDownAdvice(Order o) {
        List<String> still = new ArrayList<>();
        Map<String, List<String>> byLater = new LinkedHashMap<>();
        for (String uic : o.units()) {
            UnitRecord r = unit(uic);
            if (o.id().equals(r.orderId())) {
                still.add(uic);
            } else {
                byLater.computeIfAbsent(r.orderId(), k -> new ArrayList<>()).add(uic);
            }
        }
        if (byLater.isEmpty()) {
            return "issue a stand-down instead";
        }
        List<String> parts = new ArrayList<>();
        if (!still.isEmpty()) {
            parts.add("issue a stand-down of " + String.join(", ", still) + " instead");
        }
        for (Map.Entry<String, List<String>> later : byLater.entrySet()) {
            List<String> us = later.getValue();
            boolean one = us.size() == 1;
            String who =
                    !one && us.size() == o.units().size() ? "its units" : String.join(", ", us);
            List<UnitRecord.History> h = unit(us.get(0)).history();
            UnitRecord.History last = h.get(h.size() - 1);
            String under = " order " + later.getKey() + " from " + last.effective();
            parts.add(
                    unit(us.get(0)).status() == UnitStatus.STOOD_DOWN
                            ? who
                                    + (one ? " is" : " are")
                                    + " stood down by"
                                    + under
                                    + " and"
                                    + (one ? " stays" : " stay")
                                    + " so until a later alert or deployment order names "
                                    + (one ? "it" : "them")
                            : who
                                    + (one ? " is" : " are")
                                    + " under the later"
                                    + under
                                    + ", which a stand-down of "
                                    + (one ? "it" : "them")
                                    + " would end too");
        }
        return String.join("; ", parts);
    }

    /**
     * Checks a new command beyond what replaying a log checks, so that logs written before these
     * checks still read: approval by the drafter under another spelling of the name (case or
     * spaces), an order that would take effect for a unit before the order that gave the unit its
     * current status, a deployment order whose ready date is before the day it takes effect, and a
     * cancel without a reason.
     */
    public void checkNew(OrderEvent e) {
        OrderRecord cur = orders.get(e.orderId());
        checkPlain("user name", e.user(), false);
        switch (e.type()) {
            case APPROVED -> {
                if (cur != null && sameName(cur.draftedBy(), e.user())) {
                    throw new OrderRefused(
                            e.user().strip()
                                    + " drafted order "
                                    + e.orderId()
                                    + " (as "
                                    + cur.draftedBy()
                                    + ") and cannot approve it; approval must come from someone"
                                    + " else");
                }
            }
            case DRAFTED -> {
                checkPlain(e.order());
                checkSpaces(e.order());
                checkNotice(e.order());
                // the order's own fields first, so a ready date before C-day is named as such
                checkContent(e.order());
                checkReady(e.order(), false);
                checkEffective(e.order());
            }
            case ISSUED -> {
                if (cur != null) {
                    if (cur.status() == OrderStatus.APPROVED) {
                        checkReady(cur.order(), true);
                    }
                    checkEffective(cur.order());
                }
            }
            case CANCELLED -> {
                boolean cancellable =
                        cur != null
                                && (cur.status() == OrderStatus.DRAFT
                                        || cur.status() == OrderStatus.APPROVED);
                checkPlain("reason", e.reason(), true);
                if (cancellable && (e.reason() == null || e.reason().isBlank())) {
                    // a cancel cannot be taken back: its history says who stopped the order and why
                    throw OrderRefused.ofContent(
                            "order "
                                    + e.orderId()
                                    + ": a cancel needs a reason, which the order's history keeps;"
                                    + " say why it is cancelled");
                }
            }
        }
    }

    /**
     * Whether two user names are one person's: compared without surrounding spaces, regardless of
     * case and of how the letters were composed ("Zoë" typed as one character or as "e" and a
     * combining diaeresis; a compatibility form such as a full-width letter).
     */
    static boolean sameName(String a, String b) {
        return nameKey(a).equals(nameKey(b));
    }

    private static String nameKey(String name) {
        return java.text.Normalizer.normalize(name.strip(), java.text.Normalizer.Form.NFKC)
                .toUpperCase(java.util.Locale.ROOT)
                .toLowerCase(java.util.Locale.ROOT);
    }

    /**
     * Most characters a text of an order command may have, as the server takes in any text field: a
     * file pasted as a note or an id is kept in the append-only log for good and printed whole in
     * every refusal that names it.
     */
    public static final int MAX_TEXT = 10_000;

    /**
     * Refuses a control character (a line break, an escape, a bell) in the order's names: its id,
     * units, authority and destination, which 'orders list' and the readiness board print in their
     * columns, where a line break started a row of its own and an escape sequence recoloured or
     * cleared the terminal. The note may run over lines and hold tabs, but no other control. No
     * text is longer than {@link #MAX_TEXT}.
     */
    private static void checkPlain(Order o) {
        checkPlain("order id", o.id(), false);
        for (String uic : o.units()) {
            checkPlain("order " + o.id() + ": unit", uic, false);
        }
        checkPlain("order " + o.id() + ": authority", o.authority(), false);
        checkPlain("order " + o.id() + ": destination", o.destination(), false);
        checkPlain("order " + o.id() + ": note", o.note(), true);
    }

    /**
     * Refuses a control character in {@code value}, named by {@code what} and shown with each
     * control written as an escape; free text may hold line breaks and tabs.
     */
    private static void checkPlain(String what, String value, boolean freeText) {
        if (value == null) {
            return;
        }
        if (value.length() > MAX_TEXT) {
            throw OrderRefused.ofContent(
                    String.format(
                            java.util.Locale.ROOT,
                            "%s '%s' is %,d characters long; at most %,d",
                            what,
                            escaped(value),
                            value.length(),
                            MAX_TEXT));
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean allowed = freeText && (c == '\n' || c == '\r' || c == '\t');
            if (Character.getType(c) == Character.CONTROL && !allowed) {
                throw OrderRefused.ofContent(
                        String.format(
                                java.util.Locale.ROOT,
                                "%s '%s' has a control character (U+%04X) at character %d;" + " %s",
                                what,
                                escaped(value),
                                (int) c,
                                i + 1,
                                freeText
                                        ? "text may run over lines and hold tabs, but no other"
                                                + " control"
                                        : "a name is one line of letters, digits and signs"));
            }
        }
        TextRule.Problem open =
                TextRule.openBidi(value, freeText ? "a text of an order" : "a name of an order");
        if (open != null) {
            throw OrderRefused.ofContent(
                    what + " '" + escaped(value) + "' " + open.message() + "; " + open.hint());
        }
    }

    /**
     * {@code s} with each control and invisible format character (a bidirectional control among
     * them, which would reorder the message around it) written as an escape, cut to 60 characters.
     */
    private static String escaped(String s) {
        StringBuilder b = new StringBuilder();
        int i = 0;
        for (; i < s.length() && b.length() < 60; i++) {
            char c = s.charAt(i);
            int type = Character.getType(c);
            if (type != Character.CONTROL && type != Character.FORMAT) {
                b.append(c);
            } else if (c == '\n') {
                b.append("\\n");
            } else if (c == '\t') {
                b.append("\\t");
            } else if (c == '\r') {
                b.append("\\r");
            } else {
                b.append(String.format(java.util.Locale.ROOT, "\\u%04X", (int) c));
            }
        }
        return i < s.length() ? b + "..." : b.toString();
    }

    /**
     * Refuses an order id or UIC with spaces around it: no later command could name the order as it
     * is written, and a unit so named would be another unit than the catalogue's.
     */
    private static void checkSpaces(Order o) {
        if (o.id() != null && !o.id().equals(o.id().strip())) {
            throw OrderRefused.ofContent(
                    "order id '"
                            + o.id()
                            + "' has spaces around it; give it as '"
                            + o.id().strip()
                            + "'");
        }
        for (String uic : o.units()) {
            if (uic != null && !uic.equals(uic.strip())) {
                throw OrderRefused.ofContent(
                        "order " + o.id() + " names unit '" + uic + "' with spaces around it");
            }
        }
    }

    /**
     * Most hours of notice to move an alert may give: a year. An alert puts units on notice of
     * hours to days; 2,000,000,000 h (some 228,000 years) is a slip of the keyboard, not an order.
     */
    public static final int MAX_NOTICE_HOURS = 8_760;

    private static void checkNotice(Order o) {
        Integer h = o.noticeToMoveHours();
        if (o.kind() == OrderKind.ALERT && h != null && h > MAX_NOTICE_HOURS) {
            throw OrderRefused.ofContent(
                    String.format(
                            java.util.Locale.ROOT,
                            "alert %s gives a notice to move of %,d h, more than a year (%,d h)",
                            o.id(),
                            h,
                            MAX_NOTICE_HOURS));
        }
    }

    /**
     * Refuses a deployment order whose ready date is before the day (UTC) it takes effect: it would
     * require its units at the destination before it sends them, and the board, which counts it
     * from its effective time and as DEPLOYED from its ready date on, would show them AVAILABLE and
     * then at once DEPLOYED, never DEPLOYING. A ready date on the day it takes effect is taken (a
     * unit already at its destination): DEPLOYED from then.
     *
     * @param drafted whether the order is already in the log (an older draft being issued)
     */
    private static void checkReady(Order o, boolean drafted) {
        if (o.kind() != OrderKind.DEPLOY || o.readyDate() == null) {
            return;
        }
        java.time.LocalDate day = UnitRecord.utcDay(o.effective());
        if (o.readyDate().isBefore(day)) {
            throw OrderRefused.ofContent(
                    "deployment order "
                            + o.id()
                            + ": ready date "
                            + o.readyDate()
                            + " is before "
                            + day
                            + ", the day it takes effect (effective "
                            + o.effective()
                            + "), so its units would be required at "
                            + o.destination()
                            + " before the order sends them; "
                            + (drafted ? "cancel it and draft it again with" : "give")
                            + " a ready date on or after "
                            + day
                            + " or an earlier effective time");
        }
    }

    /** Refuses an order that takes effect for a unit before the unit's current order does. */
    private void checkEffective(Order o) {
        List<String> problems = new ArrayList<>();
        for (String uic : o.units()) {
            List<UnitRecord.History> h = unit(uic).history();
            if (h.isEmpty()) {
                continue;
            }
            UnitRecord.History last = h.get(h.size() - 1);
            if (last.effective() != null && o.effective().isBefore(last.effective())) {
                problems.add(
                        "unit "
                                + uic
                                + " is under order "
                                + last.orderId()
                                + " from "
                                + last.effective()
                                + ", and this order would take effect before it, at "
                                + o.effective());
            }
        }
        if (!problems.isEmpty()) {
            throw new OrderRefused(
                    o.kind() + " order " + o.id() + " refused: " + String.join("; ", problems));
        }
    }

    private static void need(OrderRecord cur, OrderEvent e) {
        if (cur == null) {
            throw new OrderRefused("no order " + e.orderId() + " in the log");
        }
    }

    private static void checkContent(Order o) {
        if (o.units().isEmpty()) {
            throw OrderRefused.ofContent("order " + o.id() + " names no units");
        }
        Set<String> seen = new HashSet<>();
        for (String uic : o.units()) {
            if (uic == null || uic.isBlank() || !seen.add(uic)) {
                throw OrderRefused.ofContent(
                        "order " + o.id() + " names unit '" + uic + "' twice or blank");
            }
        }
        if (o.authority() == null || o.authority().isBlank()) {
            throw OrderRefused.ofContent("order " + o.id() + " names no issuing authority");
        }
        switch (o.kind()) {
            case ALERT -> {
                if (o.noticeToMoveHours() == null || o.noticeToMoveHours() < 0) {
                    throw OrderRefused.ofContent(
                            "alert "
                                    + o.id()
                                    + " needs a notice to move in hours (0 or more), got "
                                    + o.noticeToMoveHours());
                }
            }
            case DEPLOY -> {
                if (o.destination() == null || o.destination().isBlank()) {
                    throw OrderRefused.ofContent(
                            "deployment order " + o.id() + " names no destination");
                }
                if (o.cDay() == null || o.readyDate() == null) {
                    throw OrderRefused.ofContent(
                            "deployment order " + o.id() + " needs a C-day and a ready date");
                }
                if (o.readyDate().isBefore(o.cDay())) {
                    throw OrderRefused.ofContent(
                            "deployment order "
                                    + o.id()
                                    + ": ready date "
                                    + o.readyDate()
                                    + " is before C-day "
                                    + o.cDay());
                }
            }
            case STAND_DOWN -> {}
        }
    }

    /** Refuses an order that contradicts the units' current state. */
    private void checkUnits(Order o) {
        List<String> problems = new ArrayList<>();
        for (String uic : o.units()) {
            UnitRecord r = unit(uic);
            UnitStatus s = r.status();
            switch (o.kind()) {
                case ALERT, DEPLOY -> {
                    // named as the board shows it when this order would take effect
                    UnitStatus then = r.statusOn(UnitRecord.utcDay(o.effective()));
                    if (then == UnitStatus.DEPLOYED) {
                        problems.add(
                                "unit "
                                        + uic
                                        + " is already deployed at "
                                        + r.destination()
                                        + " (from its ready date "
                                        + r.readyDate()
                                        + ") under order "
                                        + r.orderId());
                    } else if (s == UnitStatus.DEPLOYING || s == UnitStatus.DEPLOYED) {
                        problems.add(
                                "unit "
                                        + uic
                                        + " is already deploying to "
                                        + r.destination()
                                        + " under order "
                                        + r.orderId());
                    }
                }
                case STAND_DOWN -> {
                    if (s == UnitStatus.AVAILABLE) {
                        problems.add(
                                "unit "
                                        + uic
                                        + " was never alerted or deployed; nothing to stand down");
                    } else if (s == UnitStatus.STOOD_DOWN) {
                        problems.add(
                                "unit " + uic + " was already stood down by order " + r.orderId());
                    }
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new OrderRefused(
                    o.kind() + " order " + o.id() + " refused: " + String.join("; ", problems));
        }
    }

    private Map<String, UnitRecord> issue(Order o, long seq, Instant at) {
        Map<String, UnitRecord> u = new TreeMap<>(units);
        for (String uic : o.units()) {
            UnitRecord r = unit(uic);
            List<UnitRecord.History> h = new ArrayList<>(r.history());
            UnitRecord next =
                    switch (o.kind()) {
                        case ALERT ->
                                new UnitRecord(
                                        uic,
                                        UnitStatus.ALERTED,
                                        o.noticeToMoveHours(),
                                        o.id(),
                                        null,
                                        null,
                                        h);
                        case DEPLOY ->
                                new UnitRecord(
                                        uic,
                                        UnitStatus.DEPLOYING,
                                        r.noticeToMoveHours(),
                                        o.id(),
                                        o.destination(),
                                        o.readyDate(),
                                        h);
                        case STAND_DOWN ->
                                new UnitRecord(
                                        uic, UnitStatus.STOOD_DOWN, null, o.id(), null, null, h);
                    };
            h.add(
                    new UnitRecord.History(
                            seq,
                            at,
                            o.id(),
                            o.kind().name(),
                            // as the board showed the unit when this order took effect: DEPLOYED
                            // from the ready date of the deployment before it
                            r.statusOn(UnitRecord.utcDay(o.effective())),
                            next.status(),
                            o.effective(),
                            next.noticeToMoveHours(),
                            next.destination(),
                            next.readyDate()));
            u.put(
                    uic,
                    new UnitRecord(
                            uic,
                            next.status(),
                            next.noticeToMoveHours(),
                            next.orderId(),
                            next.destination(),
                            next.readyDate(),
                            h));
        }
        return u;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof OrderBook b
                && b.lastSeq == lastSeq
                && b.orders.equals(orders)
                && b.units.equals(units);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(lastSeq) * 31 + orders.hashCode() * 17 + units.hashCode();
    }
}
