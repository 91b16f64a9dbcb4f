package muster.engine.plan.lns;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;
import muster.engine.plan.CapacityTimeline;
import muster.engine.plan.lns.Model.RouteTpl;
import muster.model.LiftType;

/**
 * The mutable working plan: missions per tail (each tail's chain in time order, always extended at
 * its end), capacity timelines per node, what is left of each line, and the running objective.
 * Every change goes through {@link #addMission}, {@link #addLoad}, {@link #removeLoad} and {@link
 * #removeLastMission}, which keep timelines, tails, remainders and objective in step, so a search
 * step can be undone exactly.
 */
final class Work {
    static final double EPS = 1e-9;

    /** Extra length asked of a capacity window so rounding never lets two stays touch. */
    static final double PAD = 1e-7;

    static final class Mis {
        int seq;
        int type;
        int tail;
        int key;
        RouteTpl r;
        double t; // ONLOAD arrival
        int startNode;
        double startTime;
        final List<Ld> loads = new ArrayList<>(2);
        double pax;
        double stons;
        double sqft;
        boolean open;

        double end() {
            return t + r.offDep;
        }
    }

    static final class Ld {
        int line;
        int pax;
        final double[] st = new double[Model.CLASSES];
        Mis m;
        double closure;

        double stons() {
            return stonsOf(st);
        }

        /** The stons of a load's classes, added up. */
        static double stonsOf(double[] st) {
            double s = 0;
            for (double v : st) {
                s += v;
            }
            return s;
        }
    }

    final Model md;
    final CapacityTimeline[] timelines;

    /** Per type, per tail: its missions in time order. */
    final List<List<List<Mis>>> chains = new ArrayList<>();

    final double[][] free;
    final int[][] loc;
    final List<TreeSet<Integer>> byFree = new ArrayList<>();

    /** Per key: missions that still have room, by ONLOAD hour. */
    final List<TreeSet<Mis>> open = new ArrayList<>();

    final int[] remPax;
    final double[][] remSt;

    /** Per line: whether some of it is on no mission yet (kept with remPax and remSt). */
    private final boolean[] remains;

    final List<List<Ld>> lineLoads = new ArrayList<>();

    /** Loads must reach their destination before this hour: the horizon, or later for overflow. */
    double limitHour;

    /**
     * While set, fill takes no people: a repair places every line's cargo before anyone's people.
     */
    boolean paxHeld;

    /**
     * While above 0, fill takes only the cargo classes that weigh at least this many short tons a
     * square foot of deck, and no people: a repair places the densest cargo of every sea line
     * before the rest ({@link LnsPlanner}'s dense-first steps).
     */
    double denseFrom;

    /** Short tons per square foot of line {@code li}'s class {@code c}; infinite without area. */
    double density(int li, int c) {
        double r = md.sqftPerSton[li][c];
        return r > 0 ? 1 / r : Double.POSITIVE_INFINITY;
    }

    /** Whether the line has cargo left of classes at least {@link #denseFrom} dense. */
    boolean hasDenseRemainder(int line) {
        for (int c = 0; c < Model.CLASSES; c++) {
            if (remSt[line][c] > EPS && density(line, c) >= denseFrom) {
                return true;
            }
        }
        return false;
    }

    /** Whether the line has cargo left to place. */
    boolean hasCargoRemainder(int line) {
        for (double v : remSt[line]) {
            if (v > EPS) {
                return true;
            }
        }
        return false;
    }

    int seq;
    int liveMissions;
    double unmetW;
    double lateSD;
    final int[] dayCount;

    Work(Model md) {
        this.md = md;
        this.limitHour = md.horizonHour;
        timelines = new CapacityTimeline[md.nodes.length];
        for (int i = 0; i < timelines.length; i++) {
            timelines[i] = new CapacityTimeline(md.nodeCapacity[i], md.minStay[i]);
        }
        free = new double[md.types.length][];
        loc = new int[md.types.length][];
        for (int t = 0; t < md.types.length; t++) {
            LiftType lt = md.types[t];
            List<List<Mis>> c = new ArrayList<>();
            free[t] = new double[lt.count()];
            loc[t] = new int[lt.count()];
            final double[] f = free[t];
            TreeSet<Integer> set =
                    new TreeSet<>(
                            (a, b) -> {
                                int x = Double.compare(f[a], f[b]);
                                return x != 0 ? x : Integer.compare(a, b);
                            });
            for (int k = 0; k < lt.count(); k++) {
                c.add(new ArrayList<>());
                free[t][k] = 24.0 * lt.availableFromDay();
                loc[t][k] = md.node(lt.baseNode());
                set.add(k);
            }
            chains.add(c);
            byFree.add(set);
        }
        Comparator<Mis> byT =
                (a, b) -> {
                    int x = Double.compare(a.t, b.t);
                    return x != 0 ? x : Integer.compare(a.seq, b.seq);
                };
        for (int k = 0; k < md.keyLines.size(); k++) {
            open.add(new TreeSet<>(byT));
        }
        int n = md.lines.length;
        remPax = new int[n];
        remSt = new double[n][];
        remains = new boolean[n];
        dayCount = new int[md.horizonDays + 2];
        for (int i = 0; i < n; i++) {
            lineLoads.add(new ArrayList<>());
            remSt[i] = md.stons[i].clone();
            remPax[i] = md.lines[i].pax();
            if (md.key[i] < 0) {
                remSt[i] = new double[Model.CLASSES];
                remPax[i] = 0;
                double c = md.landClosure[i];
                if (c >= md.horizonHour) {
                    unmetW += md.weight[i];
                    lateSD += md.weight[i] * late(i, md.horizonDays);
                } else {
                    int day = (int) Math.floor(c / 24.0);
                    lateSD += md.weight[i] * late(i, day);
                    dayCount[day]++;
                }
                continue;
            }
            unmetW += md.weight[i];
            lateSD += md.weight[i] * late(i, md.horizonDays);
            remains[i] = computeRemains(i);
        }
    }

    int late(int line, int day) {
        return Math.max(0, day - md.lines[line].rdd());
    }

    boolean hasRemainder(int line) {
        return remains[line];
    }

    private boolean computeRemains(int line) {
        return remPax[line] > 0 || hasCargoRemainder(line);
    }

    int closureDay() {
        for (int d = dayCount.length - 1; d >= 0; d--) {
            if (dayCount[d] > 0) {
                return d;
            }
        }
        return -1;
    }

    // ---------------------------------------------------------------- capacity

    /** Why a fit was pushed later, filled by {@link #fit}. */
    static final class FitInfo {
        int node = -1;
        double pushed;
        double from;
        double to;
    }

    /**
     * The earliest ONLOAD hour {@code >= t0} at which every stop of the route finds room at its
     * node (rule 8), or +inf when none before the horizon.
     */
    double fit(RouteTpl r, double t0, FitInfo info) {
        return fit(timelines, r, t0, limitHour, info);
    }

    /**
     * As {@link #fit(RouteTpl, double, FitInfo)}, on the given timelines and up to {@code limit}.
     */
    static double fit(
            CapacityTimeline[] timelines, RouteTpl r, double t0, double limit, FitInfo info) {
        double t = t0;
        info.node = -1;
        info.pushed = 0;
        double[] pushedAt = null;
        double[] firstA = null;
        double[] lastC = null;
        int bind = -1;
        for (int iter = 0; iter < 100_000; iter++) {
            boolean changed = false;
            for (int i : r.capStops) {
                double a = t + r.arrOff[i];
                double g = r.depOff[i] - r.arrOff[i];
                double c = timelines[r.node[i]].earliestFit(a, g + PAD);
                if (c == Double.POSITIVE_INFINITY) {
                    return c;
                }
                if (c > a) {
                    double nt = c - r.arrOff[i];
                    while (nt + r.arrOff[i] < c) {
                        nt = Math.nextUp(nt);
                    }
                    if (pushedAt == null) {
                        pushedAt = new double[r.node.length];
                        firstA = new double[r.node.length];
                        lastC = new double[r.node.length];
                    }
                    if (pushedAt[i] == 0) {
                        firstA[i] = a;
                    }
                    lastC[i] = c;
                    pushedAt[i] += nt - t;
                    if (pushedAt[i] > info.pushed) {
                        info.pushed = pushedAt[i];
                        bind = i;
                    }
                    t = nt;
                    changed = true;
                }
            }
            if (!changed) {
                break;
            }
            if (t + r.offDep >= limit) {
                return Double.POSITIVE_INFINITY;
            }
        }
        if (bind >= 0) {
            info.node = r.node[bind];
            info.from = firstA[bind];
            info.to = lastC[bind];
        }
        return t;
    }

    // ---------------------------------------------------------------- loads

    /**
     * What of line {@code li}'s remainder fits in the room left on a mission of type {@code type}
     * that already holds {@code pax}, {@code stons} and {@code sqft} (rule 6), or null if nothing.
     */
    Ld fill(int type, int li, double pax, double stons, double sqft) {
        Ld ld = new Ld();
        int people = fillInto(type, li, pax, stons, sqft, ld.st);
        if (people < 0) {
            return null;
        }
        ld.line = li;
        ld.pax = people;
        return ld;
    }

    /**
     * {@link #fill} into {@code st}, the stons of each class (cleared first), without making a
     * load: the people taken, or -1 if nothing fits. The planner weighs many candidate sailings
     * this way and makes loads only for the one it takes.
     */
    int fillInto(int type, int li, double pax, double stons, double sqft, double[] st) {
        Arrays.fill(st, 0);
        LiftType t = md.types[type];
        double pc = t.paxCapacity();
        double sc = t.stonsCapacity();
        double ac = t.usesDeckArea() ? t.sqftCapacity() : 0;
        double paxFrac = pc > 0 ? pax / pc : 0;
        double s = stons;
        double a = sqft;
        boolean any = false;
        for (int c : md.fillOrder[li]) {
            double rem = remSt[li][c];
            if (rem <= EPS
                    || !md.canCargo(type, c, md.sqftPerSton[li][c])
                    || (denseFrom > 0 && density(li, c) < denseFrom)) {
                continue;
            }
            double r = md.sqftPerSton[li][c];
            double room = sc * (1 - paxFrac) - s;
            if (t.usesDeckArea() && r > 0) {
                room = Math.min(room, (ac * (1 - paxFrac) - a) / r);
            }
            double x;
            if (rem <= room + EPS * Math.max(1, rem)) {
                // all of it; where that would overfill by a rounding hair (a class that fills the
                // ship's deck exactly), what fits, the hair left over rounded away by addLoad
                x = Math.min(rem, room);
                if (x <= 0) {
                    continue;
                }
            } else {
                x = Math.floor(room * 1000) / 1000;
                if (x <= 0) {
                    continue;
                }
            }
            st[c] = x;
            s += x;
            a += x * r;
            any = true;
        }
        int people = 0;
        if (!paxHeld && denseFrom <= 0 && remPax[li] > 0 && md.canPax(type)) {
            double cargoFrac = Math.max(sc > 0 ? s / sc : 0, ac > 0 ? a / ac : 0);
            int room = (int) Math.floor((1 - cargoFrac - paxFrac) * pc + 1e-9);
            int x = Math.min(remPax[li], room);
            if (x > 0) {
                people = x;
                any = true;
            }
        }
        return any ? people : -1;
    }

    double fraction(Mis m) {
        return fractionOf(m.type, m.pax, m.stons, m.sqft);
    }

    /** The rule 6 load factor of these totals on a mission of this type. */
    double fractionOf(int type, double pax, double stons, double sqft) {
        LiftType t = md.types[type];
        double f = t.paxCapacity() > 0 ? pax / t.paxCapacity() : 0;
        double c = t.stonsCapacity() > 0 ? stons / t.stonsCapacity() : 0;
        if (t.usesDeckArea() && t.sqftCapacity() > 0) {
            c = Math.max(c, sqft / t.sqftCapacity());
        }
        return f + c;
    }

    /** The load factor of a single load alone on a mission of this type. */
    double fractionOf(int type, Ld ld) {
        double sqft = 0;
        for (int c = 0; c < Model.CLASSES; c++) {
            sqft += ld.st[c] * md.sqftPerSton[ld.line][c];
        }
        return fractionOf(type, ld.pax, ld.stons(), sqft);
    }

    void addLoad(Mis m, Ld ld) {
        ld.m = m;
        int li = ld.line;
        m.loads.add(ld);
        m.pax += ld.pax;
        remPax[li] -= ld.pax;
        for (int c = 0; c < Model.CLASSES; c++) {
            if (ld.st[c] != 0) {
                m.stons += ld.st[c];
                m.sqft += ld.st[c] * md.sqftPerSton[li][c];
                remSt[li][c] -= ld.st[c];
                if (Math.abs(remSt[li][c]) < 1e-9) {
                    remSt[li][c] = 0;
                }
            }
        }
        lineLoads.get(li).add(ld);
        remains[li] = computeRemains(li);
        ld.closure = m.end() + md.onward[li];
        refreshOpen(m);
        if (ld.closure >= md.horizonHour) {
            return; // after the horizon: still unmet
        }
        double w = ld.stons() + ld.pax * md.paxWeight;
        int day = (int) Math.floor(ld.closure / 24.0);
        unmetW -= w;
        lateSD += w * (late(li, day) - late(li, md.horizonDays));
        dayCount[day]++;
    }

    void removeLoad(Ld ld) {
        Mis m = ld.m;
        int li = ld.line;
        m.loads.remove(ld);
        m.pax -= ld.pax;
        remPax[li] += ld.pax;
        for (int c = 0; c < Model.CLASSES; c++) {
            if (ld.st[c] != 0) {
                m.stons -= ld.st[c];
                m.sqft -= ld.st[c] * md.sqftPerSton[li][c];
                remSt[li][c] += ld.st[c];
            }
        }
        if (m.loads.isEmpty()) {
            m.pax = 0;
            m.stons = 0;
            m.sqft = 0;
        }
        lineLoads.get(li).remove(ld);
        remains[li] = computeRemains(li);
        refreshOpen(m);
        if (ld.closure >= md.horizonHour) {
            return;
        }
        double w = ld.stons() + ld.pax * md.paxWeight;
        int day = (int) Math.floor(ld.closure / 24.0);
        unmetW += w;
        lateSD -= w * (late(li, day) - late(li, md.horizonDays));
        dayCount[day]--;
    }

    private void refreshOpen(Mis m) {
        TreeSet<Mis> set = open.get(m.key);
        if (m.open) {
            set.remove(m);
            m.open = false;
        }
        if (fraction(m) < 1 - 1e-4) {
            set.add(m);
            m.open = true;
        }
    }

    // ---------------------------------------------------------------- missions

    /** Appends a loaded mission to its tail's chain and reserves its stops' ground time. */
    Mis addMission(int type, int tail, RouteTpl r, int key, double t) {
        Mis m = new Mis();
        m.seq = seq++;
        m.type = type;
        m.tail = tail;
        m.r = r;
        m.t = t;
        m.key = key;
        m.startNode = loc[type][tail];
        m.startTime = t - flyHours(type, m.startNode, r.poe);
        if (m.startTime < free[type][tail]) {
            m.startTime = free[type][tail];
        }
        for (int i : r.capStops) {
            timelines[r.node[i]].reserve(t + r.arrOff[i], t + r.depOff[i]);
        }
        chains.get(type).get(tail).add(m);
        setFree(type, tail, m.end(), r.pod);
        liveMissions++;
        return m;
    }

    /** Removes the last mission of a tail once its loads are gone, freeing its room. */
    void removeLastMission(Mis m) {
        List<Mis> chain = chains.get(m.type).get(m.tail);
        if (chain.get(chain.size() - 1) != m || !m.loads.isEmpty()) {
            throw new IllegalStateException("not the last empty mission of its tail");
        }
        chain.remove(chain.size() - 1);
        for (int i : m.r.capStops) {
            timelines[m.r.node[i]].release(m.t + m.r.arrOff[i], m.t + m.r.depOff[i]);
        }
        if (m.open) {
            open.get(m.key).remove(m);
            m.open = false;
        }
        LiftType lt = md.types[m.type];
        if (chain.isEmpty()) {
            setFree(m.type, m.tail, 24.0 * lt.availableFromDay(), md.node(lt.baseNode()));
        } else {
            Mis last = chain.get(chain.size() - 1);
            setFree(m.type, m.tail, last.end(), last.r.pod);
        }
        liveMissions--;
    }

    /** Puts back a mission removed earlier, with its loads, at the end of its tail's chain. */
    void restoreMission(Mis m, List<Ld> loads) {
        for (int i : m.r.capStops) {
            timelines[m.r.node[i]].reserve(m.t + m.r.arrOff[i], m.t + m.r.depOff[i]);
        }
        chains.get(m.type).get(m.tail).add(m);
        setFree(m.type, m.tail, m.end(), m.r.pod);
        liveMissions++;
        for (Ld ld : loads) {
            addLoad(m, ld);
        }
    }

    private void setFree(int type, int tail, double at, int node) {
        TreeSet<Integer> set = byFree.get(type);
        set.remove(tail);
        free[type][tail] = at;
        loc[type][tail] = node;
        set.add(tail);
    }

    double flyHours(int type, int from, int to) {
        return md.flyHours(type, from, to);
    }
}
