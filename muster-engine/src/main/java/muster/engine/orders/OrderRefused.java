package muster.engine.orders;

/**
 * An order command that contradicts the log or the lifecycle, or an order whose own content is
 * incomplete or inconsistent ({@link #content}); nothing was recorded.
 */
public final class OrderRefused extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final boolean content;
    private final boolean inLog;

    public OrderRefused(String message) {
        this(message, false, false);
    }

    private OrderRefused(String message, boolean content, boolean inLog) {
        super(message);
        this.content = content;
        this.inLog = inLog;
    }

    /** A refusal of the order's own content (no units, no destination, ready before C-day...). */
    public static OrderRefused ofContent(String message) {
        return new OrderRefused(message, true, false);
    }

    /** A refusal of an event already in the log, met while replaying it. */
    public static OrderRefused ofLogEvent(long seq, String message) {
        return new OrderRefused("event " + seq + " of the log: " + message, false, true);
    }

    /** Whether an event already in the log is at fault, not the command being tried. */
    public boolean inLog() {
        return inLog;
    }

    /**
     * Whether the order itself or the command's own input (a cancel without a reason) is at fault,
     * whatever the log holds, as opposed to a command that contradicts the state (approving one's
     * own draft, issuing an unapproved order, a unit already deployed).
     */
    public boolean content() {
        return content;
    }
}
