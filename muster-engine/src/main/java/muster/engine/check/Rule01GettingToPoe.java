package muster.engine.check;

import static muster.engine.check.Violations.n;

import java.util.HashSet;
import java.util.OptionalDouble;
import java.util.Set;
import muster.model.LineMode;
import muster.model.RequirementLine;
import muster.model.Stop;

/**
 * Rule 1: a line's people and cargo are at its POE from hour {@code max(24·ald, 24·rld +
 * hours(origin → poe)) + handlingHours(poe)}; a load's ONLOAD stop's {@code depart - onload hours}
 * is not earlier than that.
 */
final class Rule01GettingToPoe implements MovementRule {
    @Override
    public int number() {
        return 1;
    }

    /** The hour line {@code l} is available at its POE, or NaN when no land route reaches it. */
    static double readyHour(CheckContext ctx, RequirementLine l) {
        OptionalDouble road = ctx.net.landHours(l.origin(), l.poe());
        if (road.isEmpty()) {
            return Double.NaN;
        }
        double handling = ctx.net.node(l.poe()) == null ? 0 : ctx.net.node(l.poe()).handlingHours();
        return Math.max(24.0 * l.ald(), 24.0 * l.rld() + road.getAsDouble()) + handling;
    }

    @Override
    public void check(CheckContext ctx, Violations out) {
        Set<String> noRoad = new HashSet<>();
        for (CheckContext.LoadRef r : ctx.loads) {
            RequirementLine l = r.line();
            if (l.mode() == LineMode.LAND || l.poe() == null) {
                continue; // rule 5: a LAND line has no loads
            }
            double ready = readyHour(ctx, l);
            if (Double.isNaN(ready)) {
                if (noRoad.add(l.uln())) {
                    out.add(
                            1,
                            r.m().id(),
                            r.load().on(),
                            l.uln(),
                            "no road or rail route from origin "
                                    + l.origin()
                                    + " to POE "
                                    + l.poe());
                }
                continue;
            }
            Stop on = r.m().stops().get(r.load().on());
            double onload = ctx.lift[r.mission()].groundHours().onload();
            double start = on.depart() - onload;
            if (start < ready - CheckContext.TIME_TOL) {
                out.add(
                        1,
                        r.m().id(),
                        r.load().on(),
                        l.uln(),
                        "loading starts at hour "
                                + n(start)
                                + " (depart "
                                + n(on.depart())
                                + " - onload "
                                + n(onload)
                                + " h) but the line is at its POE "
                                + l.poe()
                                + " only from hour "
                                + n(ready));
            }
        }
    }
}
