package muster.engine.orders;

/** An order command that contradicts the log or the lifecycle; nothing was recorded. */
public final class OrderRefused extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public OrderRefused(String message) {
        super(message);
    }
}
