package muster.model;

/** Ground time of a lift type by stop activity, hours. */
public record GroundHours(double onload, double offload, double enroute) {
    /** The least ground time a stop of this activity needs, hours. */
    public double of(Activity activity) {
        return switch (activity) {
            case ONLOAD -> onload;
            case OFFLOAD -> offload;
            case ENROUTE -> enroute;
            case START, PASS -> 0.0;
        };
    }
}
