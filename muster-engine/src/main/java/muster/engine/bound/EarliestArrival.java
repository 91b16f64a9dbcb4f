package muster.engine.bound;

import muster.model.LiftMode;
import muster.model.LiftType;
import muster.model.Network;
import muster.model.Route;
import muster.model.Scenario;

/**
 * The terms of a load's earliest arrival (docs/bounds.md, step 2) for one lift type and one channel
 * route, for callers that explain a plan rather than bound it: the hour the first tail of a type
 * can be at a POE, the hours of a loaded route and the shortest chain of empty legs, each as the
 * bound takes them. Immutable once built.
 */
public final class EarliestArrival {
    private final Network net;
    private final LowerBounds.EmptyLegs emptyLegs;

    public EarliestArrival(Scenario s) {
        this.net = new Network(s);
        this.emptyLegs = new LowerBounds.EmptyLegs(net, s);
    }

    public Network network() {
        return net;
    }

    /**
     * Nautical miles of the shortest chain of empty legs of this mode from one node to another
     * (rule 3: each leg a route leg's distance or the great-circle one); 0 from a node to itself.
     */
    public double emptyNm(LiftMode mode, String from, String to) {
        return from.equals(to) ? 0.0 : emptyLegs.nm(mode, from, to);
    }

    /**
     * The first hour a tail of {@code t} can be at {@code poe}: it starts at its base on day {@code
     * availableFromDay} (rule 7) and flies or sails there empty.
     */
    public double firstTailAt(LiftType t, String poe) {
        return 24.0 * t.availableFromDay() + emptyNm(t.mode(), t.baseNode(), poe) / t.speedKnots();
    }

    /**
     * Hours of a loaded route from the end of its onload to its arrival at the POD: the legs at the
     * type's speed and the least ground time at each en-route stop (rules 3 and 4).
     */
    public static double transitHours(Network net, LiftType t, Route r) {
        double h = 0;
        int legs = r.points().size() - 1;
        for (int i = 0; i < legs; i++) {
            h += net.legNm(r, i) / t.speedKnots();
        }
        return h + (legs - 1) * t.groundHours().enroute();
    }

    /** Whether every leg of the route is within the type's range (rule 3). */
    public static boolean inRange(Network net, LiftType t, Route r) {
        return net.longestLegNm(r) <= t.rangeNm();
    }
}
