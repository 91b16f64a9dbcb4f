package muster.engine.check;

import static muster.engine.check.Violations.n;

import java.util.ArrayList;
import java.util.List;
import muster.model.Activity;
import muster.model.LiftMode;
import muster.model.LiftType;
import muster.model.LineMode;
import muster.model.Load;
import muster.model.Mission;
import muster.model.RequirementLine;
import muster.model.Route;
import muster.model.Stop;

/**
 * Rule 3: between consecutive stops {@code next.arrive = this.depart + distanceNm / speedKnots}; a
 * load's stops from ONLOAD to OFFLOAD are exactly the points of one route of the lift's mode from
 * the line's POE to its POD, each via an ENROUTE stop, nothing else between; a loaded leg is never
 * longer than {@code rangeNm}. A loaded leg takes its route's leg distance, an empty leg one of the
 * distances {@link muster.model.Network#emptyLegChoicesNm} lists (any route's leg between the two
 * points where routes disagree, since each is "that route leg"; the message names the shortest).
 *
 * <p>Where several routes of a line have the same points (with different {@code legsNm}), the load
 * follows the first whose leg times agree with the stops.
 */
final class Rule03TravelTime implements MovementRule {
    @Override
    public int number() {
        return 3;
    }

    @Override
    public void check(CheckContext ctx, Violations out) {
        for (int i = 0; i < ctx.missions.size(); i++) {
            if (ctx.usable[i]) {
                checkMission(ctx, out, i);
            }
        }
    }

    private static void checkMission(CheckContext ctx, Violations out, int i) {
        Mission m = ctx.missions.get(i);
        LiftType t = ctx.lift[i];
        List<Stop> stops = m.stops();
        int legs = stops.size() - 1;
        if (legs < 1) {
            return;
        }
        // Distances a loaded leg may take (from the routes its loads follow); null = empty leg.
        List<List<Double>> loaded = new ArrayList<>(legs);
        for (int k = 0; k < legs; k++) {
            loaded.add(null);
        }
        // Legs with a load aboard: one that follows no route is loaded all the same, not empty.
        boolean[] aboard = new boolean[legs];
        for (Load load : m.loads()) {
            if (CheckContext.validIndexes(m, load)) {
                for (int k = load.on(); k < load.off(); k++) {
                    aboard[k] = true;
                }
            }
        }
        for (Load load : m.loads()) {
            RequirementLine line = load.uln() == null ? null : ctx.net.line(load.uln());
            if (line == null
                    || line.mode() == LineMode.LAND
                    || line.mode().liftMode() != t.mode()
                    || !CheckContext.validIndexes(m, load)) {
                continue; // form or rule 5
            }
            int on = load.on();
            int off = load.off();
            if (!stops.get(on).node().equals(line.poe())
                    || !stops.get(off).node().equals(line.pod())) {
                continue; // rule 5
            }
            for (int k = on + 1; k < off; k++) {
                if (stops.get(k).activity() != Activity.ENROUTE) {
                    out.add(
                            3,
                            m.id(),
                            k,
                            line.uln(),
                            "stop between the load's ONLOAD and OFFLOAD is "
                                    + stops.get(k).activity()
                                    + ", not ENROUTE");
                }
            }
            Route route = followedRoute(ctx, t, stops, on, off, line);
            if (route == null) {
                out.add(
                        3,
                        m.id(),
                        on,
                        line.uln(),
                        "stops "
                                + nodes(stops, on, off)
                                + " are not the points of any "
                                + t.mode()
                                + " route from "
                                + line.poe()
                                + " to "
                                + line.pod());
                continue;
            }
            for (int k = on; k < off; k++) {
                double d = ctx.net.legNm(route, k - on);
                if (loaded.get(k) == null) {
                    loaded.set(k, new ArrayList<>(2));
                }
                loaded.get(k).add(d);
                if (d > t.rangeNm() + CheckContext.TIME_TOL) {
                    out.add(
                            3,
                            m.id(),
                            k,
                            line.uln(),
                            "loaded leg "
                                    + stops.get(k).node()
                                    + "-"
                                    + stops.get(k + 1).node()
                                    + " of "
                                    + n(d)
                                    + " nm is longer than the range "
                                    + n(t.rangeNm())
                                    + " nm of "
                                    + t.id());
                }
            }
        }
        for (int k = 0; k < legs; k++) {
            Stop a = stops.get(k);
            Stop b = stops.get(k + 1);
            boolean empty = loaded.get(k) == null;
            List<Double> ds =
                    empty ? ctx.net.emptyLegChoicesNm(t.mode(), a.node(), b.node()) : loaded.get(k);
            double expected =
                    a.depart()
                            + (empty ? ctx.net.emptyLegNm(t.mode(), a.node(), b.node()) : ds.get(0))
                                    / t.speedKnots();
            for (double d : ds) {
                double e = a.depart() + d / t.speedKnots();
                if (Math.abs(b.arrive() - e) <= CheckContext.TIME_TOL) {
                    expected = e;
                }
            }
            if (Math.abs(b.arrive() - expected) > CheckContext.TIME_TOL) {
                double nm = (expected - a.depart()) * t.speedKnots();
                out.add(
                        3,
                        m.id(),
                        k + 1,
                        null,
                        "arrives at "
                                + b.node()
                                + " at hour "
                                + n(b.arrive())
                                + " but leaving "
                                + a.node()
                                + " at hour "
                                + n(a.depart())
                                + " over "
                                + n(nm)
                                + " nm at "
                                + n(t.speedKnots())
                                + " kn"
                                + (!empty
                                        ? ""
                                        : aboard[k]
                                                ? " (loaded, but on no route of its load's line)"
                                                : " (empty leg)")
                                + " gives hour "
                                + n(expected));
            }
        }
    }

    /** The route the load follows: same points, leg times agreeing if any does; else null. */
    private static Route followedRoute(
            CheckContext ctx, LiftType t, List<Stop> stops, int on, int off, RequirementLine line) {
        LiftMode mode = t.mode();
        Route firstMatch = null;
        for (Route r : ctx.net.channels(mode, line.poe(), line.pod())) {
            List<String> p = r.points();
            if (p.size() != off - on + 1) {
                continue;
            }
            boolean same = true;
            for (int k = 0; k < p.size() && same; k++) {
                same = p.get(k).equals(stops.get(on + k).node());
            }
            if (!same) {
                continue;
            }
            if (firstMatch == null) {
                firstMatch = r;
            }
            boolean timesAgree = true;
            for (int k = on; k < off && timesAgree; k++) {
                double e = stops.get(k).depart() + ctx.net.legNm(r, k - on) / t.speedKnots();
                timesAgree = Math.abs(stops.get(k + 1).arrive() - e) <= CheckContext.TIME_TOL;
            }
            if (timesAgree) {
                return r;
            }
        }
        return firstMatch;
    }

    private static String nodes(List<Stop> stops, int on, int off) {
        StringBuilder b = new StringBuilder();
        for (int k = on; k <= off; k++) {
            b.append(k > on ? "-" : "").append(stops.get(k).node());
        }
        return b.toString();
    }
}
