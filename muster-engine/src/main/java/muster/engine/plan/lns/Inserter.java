package muster.engine.plan.lns;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeSet;
import muster.engine.plan.lns.Model.RouteTpl;
import muster.engine.plan.lns.Work.FitInfo;
import muster.engine.plan.lns.Work.Ld;
import muster.engine.plan.lns.Work.Mis;
import muster.model.LiftMode;
import muster.model.LiftType;

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

    /**
     * When set, {@link #planVoyages} weighs each candidate voyage's rate by a random factor between
     * 1 - {@link #SHAKE} and 1 + {@link #SHAKE} drawn from it.
     */
    SplittableRandom shake;

    static final double SHAKE = 0.25;

    private final FitInfo info = new FitInfo();
    private final Mis probe = new Mis();

    /** The stons of each class a candidate sailing would take of one line ({@link #value}). */
    private final double[] taken = new double[Model.CLASSES];

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

    /**
     * Puts every remainder that found no place before the horizon on missions after it, so that the
     * loads of each line add up to the line (rule 10); such loads count as unmet.
     */
    void overflow(int[] order) {
        double keep = w.limitHour;
        w.limitHour = Double.POSITIVE_INFINITY;
        try {
            for (int li : order) {
                place(li);
            }
        } finally {
            w.limitHour = keep;
        }
    }

    /** Places line {@code li}'s remainder; what finds no place before the horizon stays unmet. */
    void place(int li) {
        while (w.denseFrom > 0
                ? w.hasDenseRemainder(li)
                : w.paxHeld ? w.hasCargoRemainder(li) : w.hasRemainder(li)) {
            if (!placeOne(li)) {
                return;
            }
        }
    }

    private boolean placeOne(int li) {
        int k = md.key[li];
        Option best = null;
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
            if (closure >= w.limitHour - 1e-6) {
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
                if (lbClosure >= w.limitHour - 1e-6) {
                    continue;
                }
                Cand c = new Cand();
                c.type = type;
                c.r = r;
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
            if (closure >= w.limitHour - 1e-6) {
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
            if (o.betterThan(best)) {
                best = o;
            }
        }
        if (best == null) {
            return false;
        }
        Ld ld = best.ld;
        if (best.target != null) {
            w.addLoad(best.target, ld);
            if (journal != null && best.target.seq < journal.firstSeq) {
                journal.addedToOld.add(ld);
            }
            return true;
        }
        if (w.limitHour <= md.horizonHour) {
            consolidate(best, li);
        }
        Mis m = w.addMission(best.type, best.tail, best.r, k, best.t);
        if (journal != null) {
            journal.created.add(m);
        }
        w.addLoad(m, ld);
        companions(m);
        return true;
    }

    /**
     * Plans the voyages of one lift mode by value rather than line by line, for fleets whose
     * missions each carry many lines (ships): while some voyage adds value, it commits the voyage
     * (lift type, channel, route, hull and sailing hour) that delivers the most ston-days of value
     * per hour of hull time, and loads it with the channel's lines ready by then, most urgent
     * first. A voyage serves one POE and one POD (rule 5), so choosing which channel each hull
     * serves matters more than the order of lines.
     */
    void planVoyages(LiftMode mode) {
        while (true) {
            double bestRate = 0;
            int bType = -1;
            int bTail = -1;
            int bKey = -1;
            RouteTpl bRoute = null;
            double bT = 0;
            for (int k = 0; k < keyOrder.length; k++) {
                int[] ks = keyOrder[k];
                if (ks.length == 0 || md.lines[ks[0]].mode().liftMode() != mode) {
                    continue;
                }
                double earliest = Double.POSITIVE_INFINITY;
                for (int lj : ks) {
                    if (w.hasRemainder(lj)) {
                        earliest = Math.min(earliest, md.avail[lj]);
                    }
                }
                if (earliest == Double.POSITIVE_INFINITY) {
                    continue;
                }
                for (int type = 0; type < md.types.length; type++) {
                    if (md.types[type].mode() != mode) {
                        continue;
                    }
                    for (RouteTpl r : md.routes[type][k]) {
                        int tail = -1;
                        double lb = Double.POSITIVE_INFINITY;
                        double bestFly = Double.POSITIVE_INFINITY;
                        for (int tl : w.byFree.get(type)) {
                            double fly = w.flyHours(type, w.loc[type][tl], r.poe);
                            double v = Math.max(earliest, w.free[type][tl] + fly);
                            if (v < lb - 1e-9 || (v <= lb + 1e-9 && fly < bestFly)) {
                                lb = v;
                                tail = tl;
                                bestFly = fly;
                            }
                        }
                        if (tail < 0 || lb + r.offDep >= md.horizonHour) {
                            continue;
                        }
                        double free = w.free[type][tail];
                        int n = 0;
                        readyHours[n++] = lb;
                        for (int lj : ks) {
                            if (w.hasRemainder(lj) && md.carriesAny(type, lj)) {
                                double a = Math.max(md.avail[lj], md.eadHour[lj] - r.offArr);
                                if (a > lb && a + r.offDep < md.horizonHour) {
                                    n = keepReadyHour(n, a);
                                }
                            }
                        }
                        for (double c : sample(readyHours, n)) {
                            double t = w.fit(r, c, info2);
                            if (t == Double.POSITIVE_INFINITY || t + r.offDep >= md.horizonHour) {
                                continue;
                            }
                            double rate =
                                    value(type, r, k, -1, t) / Math.max(1.0, t + r.offDep - free);
                            if (shake != null) {
                                rate *= 1 + SHAKE * (2 * shake.nextDouble() - 1);
                            }
                            if (rate > bestRate * (1 + 1e-9)) {
                                bestRate = rate;
                                bType = type;
                                bTail = tail;
                                bKey = k;
                                bRoute = r;
                                bT = t;
                            }
                        }
                    }
                }
            }
            if (bType < 0) {
                return;
            }
            if (!sail(bType, bTail, bRoute, bKey, w.fit(bRoute, bT, info))) {
                return; // cannot happen while value() and companions() agree
            }
        }
    }

    /**
     * Books a voyage at ONLOAD hour {@code t} and loads it with the ready lines of its channel; one
     * that would leave empty is taken back, and then the answer is false.
     */
    private boolean sail(int type, int tail, RouteTpl r, int key, double t) {
        Mis m = w.addMission(type, tail, r, key, t);
        if (journal != null) {
            journal.created.add(m);
        }
        companions(m);
        if (m.loads.isEmpty()) {
            if (journal != null) {
                journal.created.remove(m);
            }
            w.removeLastMission(m);
            return false;
        }
        return true;
    }

    /**
     * Books the given voyages as the voyage search timed them: first every voyage, in the list's
     * order, at the first hour from its own at which its hull can be at the POE and every stop has
     * room (a voyage that would end past the horizon is not booked); then, in the order they sail,
     * each is loaded with the ready lines of its channel as {@link #planVoyages} loads them. A
     * voyage left empty is taken out again when it is its hull's last. Timing all before loading
     * any, in the search's order, gives each voyage the hour and the cargo it had in the search's
     * score; booking and loading them one by one in sailing order had a ship at generated S find
     * its berth taken by a ship timed after it in the search and sail four days later with 6 % of
     * the deck load the search gave it.
     */
    void bookVoyages(List<VoyageSearch.Voyage> voyages) {
        List<Mis> booked = new ArrayList<>();
        for (VoyageSearch.Voyage v : voyages) {
            RouteTpl r = v.route();
            double tailLb = atPoe(v.type(), v.tail(), r);
            double c = Math.max(v.notBefore(), tailLb);
            double t = w.fit(r, c, info);
            if (t != Double.POSITIVE_INFINITY && t + r.offDep < md.horizonHour) {
                Mis m = w.addMission(v.type(), v.tail(), r, v.key(), t);
                booked.add(m);
            }
        }
        List<Mis> bySailing = new ArrayList<>(booked);
        bySailing.sort(Comparator.comparingDouble(m -> m.t));
        for (Mis m : bySailing) {
            companions(m);
        }
        for (int i = booked.size() - 1; i >= 0; i--) {
            Mis m = booked.get(i);
            List<Mis> chain = w.chains.get(m.type).get(m.tail);
            if (m.loads.isEmpty() && chain.get(chain.size() - 1) == m) {
                w.removeLastMission(m);
            }
        }
    }

    private static final int CONSOLIDATION_TIMES = 12;

    /**
     * The hours at which a channel's lines become ready, gathered to weigh a sailing at them (the
     * voyage pass and {@link #consolidate}); reused from one sailing to the next.
     */
    private double[] readyHours = new double[64];

    /** Keeps {@code hour} as the {@code n}-th ready hour; the count kept. */
    private int keepReadyHour(int n, double hour) {
        if (n == readyHours.length) {
            readyHours = Arrays.copyOf(readyHours, 2 * n);
        }
        readyHours[n] = hour;
        return n + 1;
    }

    private final FitInfo info2 = new FitInfo();

    /**
     * A mission that would leave mostly empty may wait at its POE for more lines of its channel to
     * become ready: among the hours when they do (within a day for aircraft, ten days for ships),
     * it takes the one that delivers the most ston-days of value (each ston-equivalent worth the
     * days it arrives before the horizon, less its late days) per hour the tail is committed.
     * Waiting is a choice, so the tail is kept and only the ONLOAD hour moves.
     */
    private void consolidate(Option o, int li) {
        LiftType lt = md.types[o.type];
        if (w.fractionOf(o.type, o.ld) >= 0.5) {
            return;
        }
        RouteTpl r = o.r;
        int k = md.key[li];
        double limit = o.t + (lt.mode() == LiftMode.AIR ? 24.0 : 240.0);
        int n = 0;
        for (int lj : keyOrder[k]) {
            if (lj == li || !w.hasRemainder(lj) || !md.carriesAny(o.type, lj)) {
                continue;
            }
            double a = Math.max(md.avail[lj], md.eadHour[lj] - r.offArr);
            if (a > o.t && a <= limit && a + r.offDep + md.onward[lj] < md.horizonHour) {
                n = keepReadyHour(n, a);
            }
        }
        if (n == 0) {
            return;
        }
        double[] cand = sample(readyHours, n);
        double free = w.free[o.type][o.tail];
        double bestT = o.t;
        double bestRate = value(o.type, r, k, li, o.t) / Math.max(1e-6, o.t + r.offDep - free);
        for (double c : cand) {
            double t = w.fit(r, c, info2);
            if (t == Double.POSITIVE_INFINITY
                    || t + r.offDep + md.onward[li] >= md.horizonHour - 1e-6) {
                continue;
            }
            double rate = value(o.type, r, k, li, t) / Math.max(1e-6, t + r.offDep - free);
            if (rate > bestRate * (1 + 1e-9)) {
                bestRate = rate;
                bestT = t;
            }
        }
        if (bestT > o.t) {
            o.t = bestT;
            o.closure = bestT + r.offDep + md.onward[li];
        }
    }

    /**
     * Up to {@link #CONSOLIDATION_TIMES} of the distinct hours among the first {@code n} of {@code
     * hours} (sorted here), evenly spread from the first to the last.
     */
    private static double[] sample(double[] hours, int n) {
        Arrays.sort(hours, 0, n);
        int distinct = 0;
        for (int i = 0; i < n; i++) {
            if (distinct == 0 || Double.compare(hours[i], hours[distinct - 1]) != 0) {
                hours[distinct++] = hours[i];
            }
        }
        int m = Math.min(distinct, CONSOLIDATION_TIMES);
        double[] out = new double[m];
        for (int i = 0; i < m; i++) {
            out[i] = hours[(int) ((long) i * (distinct - 1) / Math.max(1, m - 1))];
        }
        return out;
    }

    /** Ston-days of value a mission leaving at {@code t} would carry, line {@code li} first. */
    private double value(int type, RouteTpl r, int k, int li, double t) {
        double pax = 0;
        double stons = 0;
        double sqft = 0;
        double v = 0;
        double end = t + r.offDep;
        for (int step = li < 0 ? 0 : -1; step < keyOrder[k].length; step++) {
            int lj = step < 0 ? li : keyOrder[k][step];
            if (step >= 0 && lj == li) {
                continue;
            }
            if (!w.hasRemainder(lj)
                    || md.avail[lj] > t + Work.EPS
                    || md.eadHour[lj] > t + r.offArr + Work.EPS
                    || end + md.onward[lj] >= md.horizonHour - 1e-6
                    || !md.carriesAny(type, lj)) {
                continue;
            }
            int people = w.fillInto(type, lj, pax, stons, sqft, taken);
            if (people < 0) {
                continue;
            }
            pax += people;
            double st = Ld.stonsOf(taken);
            stons += st;
            for (int c = 0; c < Model.CLASSES; c++) {
                sqft += taken[c] * md.sqftPerSton[lj][c];
            }
            int rdd = md.lines[lj].rdd();
            int day = (int) Math.floor((end + md.onward[lj]) / 24.0);
            double wt = st + people * md.paxWeight;
            v += wt * (md.horizonDays - rdd - Math.max(0, day - rdd));
            if (w.fractionOf(type, pax, stons, sqft) >= 1 - 1e-4) {
                break;
            }
        }
        return v;
    }

    /** The first hour the tail can be at the route's POE, from where and when it is free. */
    private double atPoe(int type, int tail, RouteTpl r) {
        return w.free[type][tail] + w.flyHours(type, w.loc[type][tail], r.poe);
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
                    || closureBase + md.onward[li] >= w.limitHour - 1e-6
                    || !md.carriesAny(m.type, li)) {
                continue;
            }
            Ld ld = w.fill(m.type, li, m.pax, m.stons, m.sqft);
            if (ld == null) {
                continue;
            }
            w.addLoad(m, ld);
        }
    }
}
