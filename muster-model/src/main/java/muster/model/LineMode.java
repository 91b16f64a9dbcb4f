package muster.model;

/** How a requirement line moves: by strategic air, by sea, or within the theatre by land. */
public enum LineMode {
    AIR,
    SEA,
    LAND;

    /** The lift mode that carries this line, or null for LAND. */
    public LiftMode liftMode() {
        return switch (this) {
            case AIR -> LiftMode.AIR;
            case SEA -> LiftMode.SEA;
            case LAND -> null;
        };
    }
}
