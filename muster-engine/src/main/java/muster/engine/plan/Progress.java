package muster.engine.plan;

/** Where a long computation reports how far it is, and learns whether to stop early. */
public interface Progress {
    Progress NONE =
            new Progress() {
                @Override
                public void update(double fraction, String phase) {}
            };

    /**
     * @param fraction of the whole run done, 0 to 1
     * @param phase a short word for what is being done
     */
    void update(double fraction, String phase);

    /** When true, the computation stops as soon as it has a complete, correct result. */
    default boolean cancelled() {
        return false;
    }

    /**
     * This progress seen by a part of the run that takes the share {@code share} of it from {@code
     * from} on: the part's fraction {@code f} is reported as {@code from + share · f}; it is
     * cancelled when this is.
     */
    default Progress part(double from, double share) {
        Progress whole = this;
        return new Progress() {
            @Override
            public void update(double fraction, String phase) {
                whole.update(from + share * fraction, phase);
            }

            @Override
            public boolean cancelled() {
                return whole.cancelled();
            }
        };
    }
}
