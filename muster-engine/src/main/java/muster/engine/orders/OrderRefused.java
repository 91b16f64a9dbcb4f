package muster.engine.orders;

/**
 * An order command that contradicts the log or the lifecycle, or an order whose own content is
 * incomplete or inconsistent ({@link #content}); nothing was recorded.
 */
public final class OrderRefused extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final boolean content;

    public OrderRefused(String message) {
        this(message, false);
    }

    private OrderRefused(String message, boolean content) {
        super(message);
        this.content = content;
    }

    /** A refusal of the order's own content (no units, no destination, ready before C-day...). */
    public static OrderRefused ofContent(String message) {
        return new OrderRefused(message, true);
    }

    /**
     * Whether the order itself is at fault, whatever the log holds, as opposed to a command that
     * contradicts the state (approving one's own draft, issuing an unapproved order, a unit already
     * deployed).
     */
    public boolean content() {
        return content;
    }
}
