package muster.engine.plan.lns;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;
import muster.engine.plan.lns.Model.RouteTpl;
import muster.engine.plan.lns.Work.FitInfo;
import muster.engine.plan.lns.Work.Ld;
import muster.engine.plan.lns.Work.Mis;

/**
 * Places what is left of a line, load by load: each load goes where it reaches its destination
 * least late and then earliest, either on room left in a mission already planned (same POE, POD and
 * route, loading not before the line is available) or on a new mission of the tail and route whose
 * timing, with airfield and berth room queried from the timelines, arrives first. A new mission
 * then takes on other lines of the same channel that are ready by then.
 */
final class Inserter {
    /** Records what one search step added, so it can be undone. */
    static final class Journal {
        final List<Ld> addedToOld = new ArrayList<>();
        final List<Mis> created = new ArrayList<>();
        final int firstSeq;

        Journal(int firstSeq) {
            this.firstSeq = firstSeq;
        }
    }

    private static final int TOP_OFF_SCAN = 24;

    private final Model md;
    private final Work w;

    /** Per key: its lines in base order, for filling a new mission with ready companions. */
    private final int[][] keyOrder;

    Journal journal;

    private final FitInfo info = new FitInfo();
    private final Mis probe = new Mis();

    Inserter(Model md, Work w, int[][] keyOrder) {
        this.md = md;
        this.w = w;
        this.keyOrder = keyOrder;
        probe.seq = -1;
    }

    private static final class Option {
        Mis target;
        int type;
        int tail;
        RouteTpl r;
        double t;
        Ld ld;
        double closure;
        int lateDays;
        double t0;
        double tailLb;
        int capNode;
        double capFrom;
        double capTo;
        double rangeWait;

        boolean betterThan(Option o) {
            if (o == null) {
                return true;
            }
            if (lateDays != o.lateDays) {
                return lateDays < o.lateDays;
            }
            boolean top = target != null;
            boolean otop = o.target != null;
            if (top != otop && lateDays == 0) {
                return top;
            }
            if (Math.abs(closure - o.closure) > 1e-9) {
                return closure < o.closure;
            }
            return ld.stons() + ld.pax > o.ld.stons() + o.ld.pax;
        }
    }

    private static final class Cand {
        int type;
        RouteTpl r;
        double t0;
        double lb;
        double lbClosure;
    }

    private final List<Cand> cands = new ArrayList<>();

    /** Whether an option that closes no earlier than {@code closure} could beat {@code best}. */
    private static boolean canBeat(double closure, int rdd, Option best) {
        if (best == null) {
            return true;
        }
        int late = Math.max(0, (int) Math.floor(closure / 24.0) - rdd);
        if (late != best.lateDays) {
            return late < best.lateDays;
        }
        if (late == 0 && best.target != null) {
            return false;
        }
        return closure <= best.closure + 1e-9;
    }

    /** Places line {@code li}'s remainder; what finds no place before the horizon stays unmet. */
    void place(int li) {
        while (w.hasRemainder(li)) {
            if (!placeOne(li)) {
                return;
            }
        }
    }

    private boolean placeOne(int li) {
        int k = md.key[li];
        Option best = null;
        Option bestNew = null;
        int rdd = md.lines[li].rdd();

        probe.t = md.avail[li] - Work.EPS;
        int scanned = 0;
        for (Mis m : w.open.get(k).tailSet(probe, true)) {
            if (++scanned > TOP_OFF_SCAN) {
                break;
            }
            if (m.t + m.r.offArr < md.eadHour[li] - Work.EPS || !md.carriesAny(m.type, li)) {
                continue;
            }
            double closure = m.end() + md.onward[li];
            if (closure >= md.horizonHour - 1e-6) {
                continue;
            }
            Ld ld = w.fill(m.type, li, m.pax, m.stons, m.sqft);
            if (ld == null) {
                continue;
            }
            Option o = new Option();
            o.target = m;
            o.ld = ld;
            o.closure = closure;
            o.lateDays = Math.max(0, (int) Math.floor(closure / 24.0) - rdd);
            if (o.betterThan(best)) {
                best = o;
            }
        }

        // new missions: bound every (type, route) by its best tail, then fit the promising ones
        cands.clear();
        for (int type = 0; type < md.types.length; type++) {
            if (!md.carriesAny(type, li)) {
                continue;
            }
            TreeSet<Integer> tails = w.byFree.get(type);
            double[] free = w.free[type];
            int[] loc = w.loc[type];
            for (RouteTpl r : md.routes[type][k]) {
                double t0 = Math.max(md.avail[li], md.eadHour[li] - r.offArr);
                double lb = Double.POSITIVE_INFINITY;
                for (int tail : tails) {
                    if (free[tail] >= lb) {
                        break;
                    }
                    double v = Math.max(t0, free[tail] + w.flyHours(type, loc[tail], r.poe));
                    if (v < lb) {
                        lb = v;
                    }
                }
                double lbClosure = lb + r.offDep + md.onward[li];
                if (lbClosure >= md.horizonHour - 1e-6) {
                    continue;
                }
                Cand c = new Cand();
                c.type = type;
                c.r = r;
                c.t0 = t0;
                c.lb = lb;
                c.lbClosure = lbClosure;
                cands.add(c);
            }
        }
        cands.sort(Comparator.comparingDouble(c -> c.lbClosure));
        for (Cand c : cands) {
            if (!canBeat(c.lbClosure, rdd, best)) {
                break;
            }
            int type = c.type;
            RouteTpl r = c.r;
            TreeSet<Integer> tails = w.byFree.get(type);
            double[] free = w.free[type];
            int[] loc = w.loc[type];
            double tf = w.fit(r, c.lb, info);
            if (tf == Double.POSITIVE_INFINITY) {
                continue;
            }
            double closure = tf + r.offDep + md.onward[li];
            if (closure >= md.horizonHour - 1e-6) {
                continue;
            }
            int bestTail = -1;
            double bestFly = Double.POSITIVE_INFINITY;
            for (int tail : tails) {
                if (free[tail] > tf) {
                    break;
                }
                double fly = w.flyHours(type, loc[tail], r.poe);
                if (free[tail] + fly <= tf + Work.EPS
                        && (fly < bestFly - 1e-9
                                || (fly <= bestFly + 1e-9
                                        && bestTail >= 0
                                        && free[tail] > free[bestTail]))) {
                    bestTail = tail;
                    bestFly = fly;
                }
            }
            if (bestTail < 0) {
                continue;
            }
            Ld ld = w.fill(type, li, 0, 0, 0);
            if (ld == null) {
                continue;
            }
            Option o = new Option();
            o.type = type;
            o.tail = bestTail;
            o.r = r;
            o.t = tf;
            o.ld = ld;
            o.closure = closure;
            o.lateDays = Math.max(0, (int) Math.floor(closure / 24.0) - rdd);
            o.t0 = c.t0;
            o.tailLb = c.lb;
            o.capNode = info.node;
            o.capFrom = info.from;
            o.capTo = info.to;
            double fastest = md.fastestIgnoringRange[type][k];
            o.rangeWait = Double.isNaN(fastest) ? 0 : Math.max(0, r.offDep - fastest);
            if (o.betterThan(bestNew)) {
                bestNew = o;
            }
            if (o.betterThan(best)) {
                best = o;
            }
        }
        if (best == null) {
            return false;
        }
        Ld ld = best.ld;
        if (bestNew != null) {
            explain(ld, bestNew);
        }
        if (best.target != null) {
            if (bestNew == null) {
                inherit(ld, best.target);
            }
            w.addLoad(best.target, ld);
            if (journal != null && best.target.seq < journal.firstSeq) {
                journal.addedToOld.add(ld);
            }
            return true;
        }
        Mis m = w.addMission(best.type, best.tail, best.r, k, best.t);
        m.founder = ld;
        if (journal != null) {
            journal.created.add(m);
        }
        w.addLoad(m, ld);
        companions(m);
        return true;
    }

    private static void explain(Ld ld, Option o) {
        ld.fleetWait = Math.max(0, o.tailLb - o.t0);
        ld.fleetFrom = o.t0;
        ld.capWait = o.capNode >= 0 ? Math.max(0, o.t - o.tailLb) : 0;
        ld.capNode = o.capNode;
        ld.capFrom = o.capFrom;
        ld.capTo = o.capTo;
        ld.rangeWait = o.rangeWait;
        ld.rangeType = o.type;
        ld.fleetType = o.type;
    }

    private static void inherit(Ld ld, Mis m) {
        Ld f = m.founder;
        if (f == null || f == ld) {
            ld.fleetType = m.type;
            return;
        }
        ld.fleetWait = f.fleetWait;
        ld.fleetFrom = f.fleetFrom;
        ld.capWait = f.capWait;
        ld.capNode = f.capNode;
        ld.capFrom = f.capFrom;
        ld.capTo = f.capTo;
        ld.rangeWait = f.rangeWait;
        ld.rangeType = f.rangeType;
        ld.fleetType = f.fleetType;
    }

    /** Fills the room left on a new mission with other lines of its channel ready by then. */
    private void companions(Mis m) {
        double closureBase = m.end();
        for (int li : keyOrder[m.key]) {
            if (w.fraction(m) >= 1 - 1e-4) {
                return;
            }
            if (!w.hasRemainder(li)
                    || md.avail[li] > m.t + Work.EPS
                    || md.eadHour[li] > m.t + m.r.offArr + Work.EPS
                    || closureBase + md.onward[li] >= md.horizonHour - 1e-6
                    || !md.carriesAny(m.type, li)) {
                continue;
            }
            Ld ld = w.fill(m.type, li, m.pax, m.stons, m.sqft);
            if (ld == null) {
                continue;
            }
            inherit(ld, m);
            w.addLoad(m, ld);
        }
    }
}
