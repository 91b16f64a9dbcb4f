package muster.engine.generate;

/**
 * Sizes of generated scenarios. Targets come from the size of the forces they stand for: S an NRF
 * (about 40,000 people), M a corps, L a theatre, XL twice L. All are assumptions: about 3 short
 * tons of cargo a person, a mix of heavy units (an armored brigade carries about 7 ST a soldier,
 * [A81] of scenarios/eastern-flank-2022.sources.md) and light ones that carry far less; lines of 25
 * to 80 people, companies and detachments; horizons long enough for one voyage (S, M), or two on
 * the shorter channels (L, XL); the share of the theatre's aircraft growing with the force.
 *
 * @param lines requirement lines
 * @param pax people in all
 * @param stons short tons of cargo in all
 * @param horizonDays planning horizon
 * @param fleet share of the theatre fleet (L = 1, about 1,000 tails and hulls)
 */
public enum Scale {
    S(500, 40_000, 120_000, 30, 0.1),
    M(3_000, 150_000, 450_000, 45, 0.3),
    L(20_000, 500_000, 1_500_000, 60, 1.0),
    XL(40_000, 1_000_000, 3_000_000, 60, 2.0);

    public final int lines;
    public final int pax;
    public final double stons;
    public final int horizonDays;
    public final double fleet;

    Scale(int lines, int pax, double stons, int horizonDays, double fleet) {
        this.lines = lines;
        this.pax = pax;
        this.stons = stons;
        this.horizonDays = horizonDays;
        this.fleet = fleet;
    }
}
