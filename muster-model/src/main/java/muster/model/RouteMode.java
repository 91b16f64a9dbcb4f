package muster.model;

/**
 * AIR and SEA routes are channels for loaded missions; ROAD and RAIL link origins and destinations.
 */
public enum RouteMode {
    AIR,
    SEA,
    ROAD,
    RAIL;

    /** The lift mode of a channel route, or null for ROAD and RAIL. */
    public LiftMode liftMode() {
        return switch (this) {
            case AIR -> LiftMode.AIR;
            case SEA -> LiftMode.SEA;
            default -> null;
        };
    }
}
