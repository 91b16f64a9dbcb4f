package muster.model.force;

/** Lifecycle of an order: draft, then approved, then issued; or cancelled before issue. */
public enum OrderStatus {
    DRAFT,
    APPROVED,
    ISSUED,
    CANCELLED
}
