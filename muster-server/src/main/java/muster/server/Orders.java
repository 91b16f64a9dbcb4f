package muster.server;

import java.util.List;

/**
 * The state of one order, folded from its events (DRAFTED, APPROVED, ISSUED, CANCELLED). The rules
 * a new event must keep are checked here before it is appended.
 */
final class Orders {
    private Orders() {}

    enum State {
        DRAFT,
        APPROVED,
        ISSUED,
        CANCELLED
    }

    record View(
            long id,
            State state,
            String owner,
            String marking,
            String unit,
            String uln,
            String text,
            String draftedBy,
            long draftedById,
            String approvedBy,
            String issuedBy,
            List<Store.OrderEvent> events) {}

    static View fold(List<Store.OrderEvent> events) {
        Store.OrderEvent first = events.get(0);
        State state = State.DRAFT;
        String approvedBy = null;
        String issuedBy = null;
        for (Store.OrderEvent e : events) {
            switch (e.kind()) {
                case "DRAFTED" -> state = State.DRAFT;
                case "APPROVED" -> {
                    state = State.APPROVED;
                    approvedBy = e.actor();
                }
                case "ISSUED" -> {
                    state = State.ISSUED;
                    issuedBy = e.actor();
                }
                case "CANCELLED" -> state = State.CANCELLED;
                default -> throw new IllegalStateException("order event kind " + e.kind());
            }
        }
        Store.OrderEvent last = events.get(events.size() - 1);
        return new View(
                first.orderId(),
                state,
                first.owner(),
                last.marking(),
                str(first.payload().get("unit")),
                str(first.payload().get("uln")),
                str(first.payload().get("text")),
                first.actor(),
                first.actorId(),
                approvedBy,
                issuedBy,
                events);
    }

    private static String str(Object o) {
        return o == null ? null : o.toString();
    }

    /**
     * Why {@code kind} may not follow the order's state when done by {@code u}, or null when it
     * may.
     */
    static String refusal(View o, String kind, User u) {
        if (!u.nation().equals(o.owner())) {
            return "order "
                    + o.id()
                    + " belongs to "
                    + o.owner()
                    + "; only a user of that nation may "
                    + kind.toLowerCase(java.util.Locale.ROOT)
                    + " it";
        }
        return switch (kind) {
            case "APPROVED" -> {
                if (!u.has(Role.APPROVER)) {
                    yield "approving an order needs the APPROVER role";
                }
                if (o.state() != State.DRAFT) {
                    yield "order " + o.id() + " is " + o.state() + ", not DRAFT";
                }
                if (o.draftedById() == u.id()) {
                    yield "order "
                            + o.id()
                            + " was drafted by "
                            + u.username()
                            + "; another user must approve it";
                }
                yield null;
            }
            case "ISSUED" -> {
                if (!u.has(Role.APPROVER) && !u.has(Role.PLANNER)) {
                    yield "issuing an order needs the PLANNER or APPROVER role";
                }
                yield o.state() == State.APPROVED
                        ? null
                        : "order "
                                + o.id()
                                + " is "
                                + o.state()
                                + "; only an APPROVED order is issued";
            }
            case "CANCELLED" -> {
                if (!u.has(Role.APPROVER) && !u.has(Role.PLANNER)) {
                    yield "cancelling an order needs the PLANNER or APPROVER role";
                }
                yield o.state() == State.ISSUED || o.state() == State.CANCELLED
                        ? "order " + o.id() + " is " + o.state() + " and can no longer be cancelled"
                        : null;
            }
            default -> "unknown order action " + kind;
        };
    }
}
