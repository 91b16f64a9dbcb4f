package muster.engine.bound;

import com.google.ortools.Loader;
import com.google.ortools.linearsolver.MPConstraint;
import com.google.ortools.linearsolver.MPObjective;
import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPVariable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import muster.model.CargoClass;
import muster.model.CargoEntry;
import muster.model.LiftMode;
import muster.model.LiftType;
import muster.model.LineMode;
import muster.model.LowerBound;
import muster.model.Network;
import muster.model.Node;
import muster.model.NodeKind;
import muster.model.RequirementLine;
import muster.model.Route;
import muster.model.Scenario;

/**
 * A lower bound on {@code lateStonDays} and {@code closureDay} of every correct plan: earliest
 * possible arrival of each line and class, strengthened by a time-windowed capacity LP (GLOP).
 * docs/bounds.md explains each relaxation step and why it keeps the bound valid.
 */
public final class LowerBounds {
    public static final String METHOD_TRIVIAL = "earliest-arrival";
    public static final String METHOD_LP = "window-capacity-lp";

    private LowerBounds() {}

    /** Loads the OR-Tools native library once per class loader. */
    static final class Native {
        static {
            Loader.loadNativeLibraries();
        }

        static void ensure() {}
    }

    /**
     * One lift type that can carry a commodity: the earliest hour its onload could start (the
     * line's ready hour, and a tail's first arrival at the POE from its base), the shortest loaded
     * segment (onload, flight or voyage over a channel in range with its en-route stops, offload)
     * and the channels it may use.
     */
    record Carrier(LiftType type, double startHour, double core, List<Route> routes) {}

    /**
     * One class of one line, moved by AIR or SEA: the unit of the relaxation.
     *
     * @param fleetStart the hour from which it counts in the fleet rows ({@link
     *     Relaxation#fleetStartOf})
     * @param channel its line's POE and POD, as a number of the relaxation
     */
    record Commodity(
            RequirementLine line,
            CargoClass cargoClass,
            double weight,
            double sqftPerSton,
            double startHour,
            double earliestClosure,
            double onward,
            List<Carrier> carriers,
            double fleetStart,
            int channel) {
        int earliestDay() {
            return (int) Math.floor(earliestClosure / 24.0);
        }

        LiftMode mode() {
            return line.mode().liftMode();
        }
    }

    /** The full bound: earliest arrival strengthened by the window-capacity LP. */
    public static LowerBound compute(Scenario s) {
        return compute(s, Integer.MAX_VALUE);
    }

    /**
     * Most commodities (classes of lines) in a part of the LP (its AIR or its SEA lines) that
     * {@code muster plan} gives GLOP; a part that fits at its cheapest point needs no solver at any
     * size. The bundled scenario has about 80 in all and a generated M about 10,500 (both parts
     * fit); the sea part of a generated L has about 28,000, for which GLOP takes about 30 s. Above
     * it a part is bounded by the sum of its restrictions to one POE's lines, each of at most this
     * many, on two threads of at most this many each (at generated L about 7,000 each, one of which
     * needs GLOP: about 20 s, the same bound on seeds 1 to 3; at XL two of about 14,000, one on
     * each thread); where no POE's lines are within it the plan carries the earliest-arrival and
     * window-closure bound. {@code muster bound} solves the whole LP.
     */
    public static final int PLAN_LP_LIMIT = 20_000;

    /**
     * Threads that solve the restrictions of a part above the limit, each given restrictions of up
     * to the limit's commodities in all (step 4 of docs/bounds.md). Fixed, so that which
     * restrictions are solved, and the bound, are the same on any machine; on two cores the wall
     * time stays about that of one part at the limit.
     */
    static final int LP_WORKERS = 2;

    /**
     * The bound, with the LP only when the scenario has at most {@code lpLimit} commodities; the
     * closure of step 5 is computed either way, and the method says which it is.
     */
    public static LowerBound compute(Scenario s, int lpLimit) {
        return compute(s, lpLimit, BoundStop.NEVER);
    }

    /**
     * As {@link #compute(Scenario, int)}, stopping when {@code stop} turns true: it is asked
     * between the steps and, while GLOP or SCIP solves, every {@value
     * muster.engine.plan.SolveWatch#WATCH_MILLIS} ms by a watch that interrupts the solver. A bound
     * stopped part way has no value, so it ends with a {@link
     * java.util.concurrent.CancellationException}; a server cancelling a plan keeps the plan's
     * earliest-arrival bound.
     */
    public static LowerBound compute(
            Scenario s, int lpLimit, java.util.function.BooleanSupplier stop) {
        java.util.Objects.requireNonNull(stop, "stop");
        BoundStop.check(stop);
        return new Relaxation(s, stop).solve(lpLimit);
    }

    /**
     * The earliest-arrival bound alone (steps 1 and 2 of docs/bounds.md): linear time, no LP.
     * Planners attach it to their plans; {@code muster bound} and the benchmark compute the full
     * one.
     */
    public static LowerBound earliestArrival(Scenario s) {
        Relaxation r = new Relaxation(s);
        return new LowerBound(
                Math.min(r.trivialClosure(), r.horizon), r.trivialLate(), METHOD_TRIVIAL);
    }

    /** What the method of {@link #fallback} says where the full bound failed in its solver. */
    public static final String FULL_BOUND_FAILED = " (the full bound could not be computed)";

    /**
     * The bound a plan keeps when the full one was not worked out (stopped, or failed in its
     * solver): the planner's own {@code own}, or the earliest-arrival one where the planner gives
     * none (lns), its method ending with {@code why} so that the plan says which bound it carries
     * and why, wherever it is read. The earliest-arrival bound needs no solver, so every plan keeps
     * a bound.
     *
     * @param why appended to the method as it is, such as {@code " (the full bound was stopped by a
     *     signal)"}
     */
    public static LowerBound fallback(Scenario s, LowerBound own, String why) {
        LowerBound b = own != null ? own : earliestArrival(s);
        return new LowerBound(b.closureDay(), b.lateStonDays(), b.method() + why);
    }

    static final class Relaxation {
        final Scenario s;
        final Network net;
        final int horizon;
        final double pw;
        final List<Commodity> commodities = new ArrayList<>();
        final EmptyLegs emptyLegs;
        final Map<String, Fleet> fleets = new LinkedHashMap<>();
        double fixedLate;
        int fixedClosure = -1;
        boolean forcedUnmet;

        /** The numbers of the channels, by POE and POD ({@link Commodity#channel}). */
        private final Map<String, Integer> channelNumbers = new HashMap<>();

        /** Asked between the steps and while a solver runs ({@link BoundStop}). */
        final java.util.function.BooleanSupplier stop;

        Relaxation(Scenario s) {
            this(s, BoundStop.NEVER);
        }

        Relaxation(Scenario s, java.util.function.BooleanSupplier stop) {
            this.s = s;
            this.stop = stop;
            this.net = new Network(s);
            this.horizon = s.planning().horizonDays();
            this.pw = s.planning().paxWeightStons();
            this.emptyLegs = new EmptyLegs(net, s);
            build();
            for (LiftType t : s.lift()) {
                BoundStop.check(stop);
                Fleet f = Fleet.of(this, t);
                if (f != null) {
                    fleets.put(t.id(), f);
                }
            }
        }

        private void build() {
            for (RequirementLine l : s.requirements()) {
                BoundStop.check(stop);
                if (l.mode() == LineMode.LAND) {
                    double c = LineTimes.landClosureHour(net, l);
                    int day = Math.min((int) Math.floor(c / 24), horizon);
                    fixedLate += l.weight(pw) * Math.max(0, day - l.rdd());
                    // a line closing after the horizon is unmet in every plan, so no plan
                    // leaves nothing unmet: the closure bound is then the horizon
                    fixedClosure = Math.max(fixedClosure, day);
                    forcedUnmet |= day >= horizon;
                    continue;
                }
                if (l.pax() > 0) {
                    add(l, CargoClass.PAX, l.pax() * pw, 0);
                }
                for (CargoEntry e : l.cargo()) {
                    if (e.stons() > 0) {
                        add(l, e.cargoClass(), e.stons(), e.sqftPerSton());
                    }
                }
            }
        }

        private void add(RequirementLine l, CargoClass c, double weight, double sqftPerSton) {
            LiftMode mode = l.mode().liftMode();
            double ready = LineTimes.readyHour(net, l);
            double onward = LineTimes.onwardHours(net, l);
            double best = Double.POSITIVE_INFINITY;
            double bestStart = Double.POSITIVE_INFINITY;
            List<Carrier> carriers = new ArrayList<>();
            for (LiftType t : s.lift()) {
                if (t.mode() != mode || !t.canTake(c)) {
                    continue;
                }
                List<Route> inRange = new ArrayList<>();
                double transit = Double.POSITIVE_INFINITY;
                for (Route r : net.channels(mode, l.poe(), l.pod())) {
                    if (net.longestLegNm(r) <= t.rangeNm()) {
                        inRange.add(r);
                        transit = Math.min(transit, transitHours(t, r));
                    }
                }
                if (inRange.isEmpty()) {
                    continue;
                }
                // rule 7: a tail starts at its base; rule 5: the onload counts from the ready hour
                double tailAt =
                        24.0 * t.availableFromDay()
                                + emptyLegs.nm(mode, t.baseNode(), l.poe()) / t.speedKnots();
                double start = Math.max(ready, tailAt);
                double arrive =
                        Math.max(start + t.groundHours().onload() + transit, 24.0 * l.ead());
                best = Math.min(best, arrive + t.groundHours().offload() + onward);
                bestStart = Math.min(bestStart, start);
                double core = t.groundHours().onload() + transit + t.groundHours().offload();
                carriers.add(new Carrier(t, start, core, List.copyOf(inRange)));
            }
            if (carriers.isEmpty()) {
                // nothing can ever carry it: it stays unmet in every plan
                fixedLate += weight * Math.max(0, horizon - l.rdd());
                fixedClosure = horizon;
                forcedUnmet = true;
                return;
            }
            if (weight == 0) {
                // people at paxWeightStons 0: they add no lateness, so they have no place in the
                // rows (a seat share per ston-equivalent would be infinite); leaving them out only
                // loosens the rows, and their earliest arrival still holds the closure day
                fixedClosure = Math.max(fixedClosure, (int) Math.floor(best / 24.0));
                return;
            }
            commodities.add(
                    new Commodity(
                            l,
                            c,
                            weight,
                            sqftPerSton,
                            bestStart,
                            best,
                            onward,
                            carriers,
                            fleetStartOf(l, bestStart, carriers),
                            channelNumbers.computeIfAbsent(
                                    l.poe() + "|" + l.pod(), x -> channelNumbers.size())));
        }

        /** Flight hours plus en-route ground hours of a loaded route, onload to offload arrival. */
        double transitHours(LiftType t, Route r) {
            return EarliestArrival.transitHours(net, t, r);
        }

        /**
         * Share of one loaded segment of type {@code t} that one ston-equivalent of the commodity
         * takes (rule 6): seats for people; for cargo its weight, or with {@code area} its deck
         * area (ships only).
         */
        double share(Commodity k, LiftType t, boolean area) {
            if (k.cargoClass() == CargoClass.PAX) {
                return 1.0 / (t.paxCapacity() * pw);
            }
            if (area && t.usesDeckArea()) {
                return k.sqftPerSton() / t.sqftCapacity();
            }
            return 1.0 / t.stonsCapacity();
        }

        /**
         * The empty leg charged to a segment of k on t: the way in to k's POE from the nearest POD
         * of the type ({@code entry}), or the way out from k's POD to the nearest POE of the type.
         */
        double emptyHours(Commodity k, LiftType t, boolean entry) {
            Fleet f = fleets.get(t.id());
            if (f == null) {
                return 0;
            }
            return entry ? f.entryHours(k.line().poe()) : f.exitHours(k.line().pod());
        }

        /** Earliest-arrival bound alone (step 1 of docs/bounds.md). */
        double trivialLate() {
            double late = fixedLate;
            for (Commodity k : commodities) {
                int day = Math.min(k.earliestDay(), horizon);
                late += k.weight() * Math.max(0, day - k.line().rdd());
            }
            return late;
        }

        int trivialClosure() {
            int c = fixedClosure;
            for (Commodity k : commodities) {
                c = Math.max(c, k.earliestDay());
            }
            return c;
        }

        LowerBound solve(int lpLimit) {
            double trivial = trivialLate();
            int closure = trivialClosure();
            List<Resource> resources = resources();
            BoundStop.check(stop);
            int capClosure = closureBound(closure, resources);
            BoundStop.check(stop);
            WindowLp.Optimum lp = null;
            String note = "";
            if (!commodities.isEmpty()) {
                lp = new WindowLp(this, resources).solveByMode(lpLimit);
                if (lp == null) {
                    note = " + window-capacity closure (LP not solved)";
                } else if (lp.leftOut() > 0) {
                    note =
                            " + window-capacity closure (LP left out: "
                                    + lp.leftOut()
                                    + " commodities, above the limit of "
                                    + lpLimit
                                    + "; muster bound without --lp-limit solves it)";
                    lp = null;
                }
            }
            double late = lp == null ? trivial : Math.max(trivial, fixedLate + lp.total());
            String voyages = "";
            if (lp != null && separableByMode(resources)) {
                // step 6: the sea part of the LP gives way to the whole-voyage MIP where that is
                // higher; air and sea share no resource, so their bounds add up
                BoundStop.check(stop);
                VoyageMip.Result v = new VoyageMip(this).solve();
                if (!Double.isNaN(v.late())) {
                    late = Math.max(late, fixedLate + lp.total() - lp.sea() + v.late());
                }
                voyages = v.note().isEmpty() ? "" : " + " + v.note();
            }
            // guard against round-off of the LP solver making the bound a hair too high
            late = Math.max(0, late - 1e-6 * Math.max(1, late));
            String method =
                    lp == null
                            ? METHOD_TRIVIAL + note
                            : METHOD_LP
                                    + ": earliest arrival + airfield and berth time (MOG, berths,"
                                    + " onload, offload, en route) + whole ship loads per berth,"
                                    + " each type in its own time + fleet hours and segments"
                                    + " with the empty legs between them, by weight and ship"
                                    + " deck area, over time windows, "
                                    + lp.how()
                                    + voyages;
            return new LowerBound(Math.min(capClosure, horizon), late, method);
        }

        /** Whether every resource serves commodities of one mode only, as node kinds make it. */
        static boolean separableByMode(List<Resource> resources) {
            for (Resource r : resources) {
                for (Commodity k : r.users) {
                    if (k.mode() != r.users.get(0).mode()) {
                        return false;
                    }
                }
            }
            return true;
        }

        /**
         * The smallest day from {@code from} on by whose end everything could be delivered under
         * the window capacities (step 5). Feasibility only grows with the day, so a binary search
         * finds it.
         */
        int closureBound(int from, List<Resource> resources) {
            if (from >= horizon || fitsBy(from, resources)) {
                return from;
            }
            int lo = from; // does not fit
            int hi = horizon; // treated as fitting: the bound never exceeds the horizon
            while (hi - lo > 1) {
                BoundStop.check(stop);
                int mid = (lo + hi) >>> 1;
                if (fitsBy(mid, resources)) {
                    hi = mid;
                } else {
                    lo = mid;
                }
            }
            return hi;
        }

        /**
         * Whether everything could be delivered by the end of day {@code day} under the window
         * capacities: for every resource and window start, the users' weights sorted by deadline
         * never run past the capacity.
         */
        boolean fitsBy(int day, List<Resource> resources) {
            for (Commodity k : commodities) {
                if (k.earliestDay() > day) {
                    return false;
                }
            }
            for (Resource r : resources) {
                BoundStop.check(stop);
                double[] starts = r.starts();
                // weight by (start bucket, onward hours); a unit's deadline is 24(day+1) - onward
                TreeSet<Double> onwards = new TreeSet<>();
                for (Commodity k : r.users) {
                    onwards.add(r.onwardOf(k));
                }
                double[] ow = onwards.descendingSet().stream().mapToDouble(d -> d).toArray();
                Map<Double, Integer> og = new HashMap<>();
                for (int g = 0; g < ow.length; g++) {
                    og.put(ow[g], g);
                }
                double[][] w = new double[starts.length + 1][ow.length];
                for (Commodity k : r.users) {
                    w[r.startIndex(starts, k)][og.get(r.onwardOf(k))] += k.weight() * r.coef(k);
                }
                for (int i = starts.length - 1; i >= 0; i--) {
                    double sum = 0;
                    for (int g = 0; g < ow.length; g++) {
                        w[i][g] += w[i + 1][g];
                        sum += w[i][g];
                        double cap = r.capacity(starts[i], 24.0 * (day + 1) - ow[g]);
                        if (sum > cap * (1 + 1e-9) + 1e-9) {
                            return false;
                        }
                    }
                }
            }
            for (Resource r : resources) {
                BoundStop.check(stop);
                if (r instanceof SegmentsResource sg && !wholeSegmentsFit(sg, day)) {
                    return false;
                }
            }
            return true;
        }

        /**
         * Whole segments by channel (step 5): delivered by the end of {@code day}, the units of the
         * row's users inside each window ride segments wholly inside it, each of one POE and one
         * POD (step 3), and the units aboard one segment of type {@code t} take at most a whole of
         * it (rule 6: their shares add up to at most 1). A type with no room for a segment inside
         * the window carries none of them, so a unit's share there is its least over the types of
         * the row that fit one. A channel's units then need at least the next whole number above
         * their summed shares, and the channels' numbers together at most the segments the row's
         * tails fit inside the window. The LP cannot hold whole numbers; this check, done in plain
         * arithmetic, can.
         */
        boolean wholeSegmentsFit(SegmentsResource sg, int day) {
            BoundStop.check(stop);
            List<Fleet> fs = sg.types;
            int nt = fs.size();
            if (nt == 0 || nt > 30 || sg.users.isEmpty()) {
                return true;
            }
            double[] starts = sg.starts();
            int n = sg.users.size();
            double[] onward = new double[n];
            for (int u = 0; u < n; u++) {
                onward[u] = sg.onwardOf(sg.users.get(u));
            }
            // deadlines ascending: onward hours descending
            double[] asc = java.util.Arrays.stream(onward).distinct().sorted().toArray();
            double[] ow = new double[asc.length];
            for (int g = 0; g < asc.length; g++) {
                ow[g] = asc[asc.length - 1 - g];
            }
            Map<Integer, Integer> channels = new HashMap<>();
            int[] si = new int[n];
            int[] oi = new int[n];
            int[] ch = new int[n];
            int[] carriers = new int[n];
            double[][] share = new double[n][nt];
            for (int u = 0; u < n; u++) {
                Commodity k = sg.users.get(u);
                si[u] = sg.startIndex(starts, k);
                oi[u] = asc.length - 1 - java.util.Arrays.binarySearch(asc, onward[u]);
                ch[u] = channels.computeIfAbsent(k.channel(), x -> channels.size());
                for (int t = 0; t < nt; t++) {
                    if (carrierOf(k, fs.get(t).type()) != null) {
                        carriers[u] |= 1 << t;
                        share[u][t] = k.weight() * share(k, fs.get(t).type(), sg.area);
                    }
                }
            }
            int nc = channels.size();
            // which types fit a segment in each window, and how many segments the tails fit
            int[][] active = new int[starts.length][ow.length];
            double[][] room = new double[starts.length][ow.length];
            TreeSet<Integer> masks = new TreeSet<>();
            for (int i = 0; i < starts.length; i++) {
                for (int g = 0; g < ow.length; g++) {
                    double to = 24.0 * (day + 1) - ow[g];
                    for (int t = 0; t < nt; t++) {
                        double segs = fs.get(t).segments(starts[i], to);
                        if (segs > 0) {
                            active[i][g] |= 1 << t;
                            room[i][g] += fs.get(t).type().count() * segs;
                        }
                    }
                    masks.add(active[i][g]);
                }
            }
            for (int mask : masks) {
                // what each user needs of a segment with only the types of the mask, summed by
                // (start, deadline, channel), then over later starts and earlier deadlines
                double[][][] need = new double[starts.length + 1][ow.length][nc];
                // users that no type of the mask can carry: a window holding one cannot fit
                int[][] stranded = new int[starts.length + 1][ow.length];
                for (int u = 0; u < n; u++) {
                    int usable = carriers[u] & mask;
                    double least = Double.POSITIVE_INFINITY;
                    for (int t = 0; t < nt; t++) {
                        if ((usable & (1 << t)) != 0) {
                            least = Math.min(least, share[u][t]);
                        }
                    }
                    if (least < Double.POSITIVE_INFINITY) {
                        need[si[u]][oi[u]][ch[u]] += least;
                    } else if (sg.users.get(u).weight() > 0) {
                        stranded[si[u]][oi[u]]++;
                    }
                }
                for (int i = starts.length - 1; i >= 0; i--) {
                    for (int g = 0; g < ow.length; g++) {
                        stranded[i][g] +=
                                stranded[i + 1][g]
                                        + (g > 0 ? stranded[i][g - 1] - stranded[i + 1][g - 1] : 0);
                        double segments = 0;
                        for (int c = 0; c < nc; c++) {
                            need[i][g][c] +=
                                    need[i + 1][g][c]
                                            + (g > 0
                                                    ? need[i][g - 1][c] - need[i + 1][g - 1][c]
                                                    : 0);
                            double x = need[i][g][c];
                            segments += x <= 1e-9 ? 0 : Math.ceil(x - 1e-7 * Math.max(1, x));
                        }
                        if (active[i][g] != mask || Double.isInfinite(room[i][g])) {
                            continue;
                        }
                        if (stranded[i][g] > 0 || segments > room[i][g] + 1e-9) {
                            return false;
                        }
                    }
                }
            }
            return true;
        }

        /** A capacity that limits how much of its users can be handled inside a time window. */
        abstract static class Resource {
            /**
             * Most window starts per resource; fewer only loosens the bound, and shrinks the LP.
             */
            static final int MAX_STARTS = 24;

            final String name;
            final List<Commodity> users = new ArrayList<>();
            private final Map<Commodity, Double> coefs = new IdentityHashMap<>();
            private volatile double[] starts;

            Resource(String name) {
                this.name = name;
            }

            /** Upper bound on the coefficient-weighted users handled wholly inside [from, to]. */
            abstract double capacity(double from, double to);

            /** What one ston-equivalent of the commodity uses of it; 0 leaves it out. */
            abstract double usage(Commodity k);

            void offer(Commodity k) {
                double c = usage(k);
                if (c > 0 && Double.isFinite(c)) {
                    users.add(k);
                    coefs.put(k, c);
                }
            }

            double coef(Commodity k) {
                return coefs.getOrDefault(k, 0.0);
            }

            /**
             * Hours by which this user's own use of the resource begins later after its start than
             * the row-wide allowance in {@link #capacity} assumes (0 unless a resource knows
             * better).
             */
            double lead(Commodity k) {
                return 0;
            }

            /**
             * Hours by which this user's own use of the resource ends earlier before its deadline
             * than the row-wide allowance in {@link #capacity} assumes (0 unless a resource knows
             * better).
             */
            double lag(Commodity k) {
                return 0;
            }

            /**
             * Most deadlines a day in this resource's window rows (see {@link WindowLp#ends}): one
             * unless the users' own allowances differ by many hours.
             */
            int deadlinesPerDay() {
                return 1;
            }

            /** The hour from which the user counts in this resource's windows. */
            double startOf(Commodity k) {
                return k.startHour() + lead(k);
            }

            /**
             * The hours that a unit of the user delivered on day {@code d} leaves before {@code
             * 24(d+1)} in this resource's windows: its onward hours and its own lag.
             */
            double onwardOf(Commodity k) {
                return k.onward() + lag(k);
            }

            /**
             * Window starts: the users' start hours rounded down to the hour, or to the day when
             * there are more than {@link #MAX_STARTS}, then at most that many of them evenly
             * spaced; each user counts from the latest kept start at or before its own (an earlier
             * start only widens its window).
             */
            double[] starts() {
                if (starts != null) {
                    return starts;
                }
                TreeSet<Double> a = new TreeSet<>();
                for (Commodity k : users) {
                    a.add(Math.floor(startOf(k)));
                }
                if (a.size() > MAX_STARTS) {
                    TreeSet<Double> coarse = new TreeSet<>();
                    for (double x : a) {
                        coarse.add(24.0 * Math.floor(x / 24.0));
                    }
                    a = coarse;
                }
                double[] all = a.stream().mapToDouble(d -> d).toArray();
                if (all.length > MAX_STARTS) {
                    // keep evenly spaced ones, the earliest always: users round down to them
                    double[] kept = new double[MAX_STARTS];
                    for (int i = 0; i < MAX_STARTS; i++) {
                        kept[i] = all[(int) ((long) i * all.length / MAX_STARTS)];
                    }
                    all = kept;
                }
                starts = all;
                return starts;
            }

            /** The latest window start at or before the commodity's start. */
            int startIndex(double[] starts, Commodity k) {
                double a = Math.floor(startOf(k));
                int i = java.util.Arrays.binarySearch(starts, a);
                if (i >= 0) {
                    return i;
                }
                return Math.max(0, -i - 2);
            }
        }

        /**
         * Ground time at one airfield or seaport (rule 8): every onload at a POE, offload at a POD
         * and en-route stop there holds one of its {@code mog} or {@code berths} slots for at least
         * that activity's hours and handles at most one loaded segment.
         */
        class NodeResource extends Resource {
            final String node;
            final int slots;
            final boolean area;

            NodeResource(String node, int slots, boolean area) {
                this((area ? "ground area " : "ground ") + node, node, slots, area);
            }

            NodeResource(String name, String node, int slots, boolean area) {
                super(name);
                this.node = node;
                this.slots = slots;
                this.area = area;
            }

            /**
             * Least hours from a user's start to its first activity here, and from the end of its
             * last one here to its offload departure: every user's ground time here lies that far
             * inside its window.
             */
            double before = Double.POSITIVE_INFINITY;

            double after = Double.POSITIVE_INFINITY;

            /** The same two figures for each user alone, over its own carriers and channels. */
            final Map<Commodity, double[]> own = new IdentityHashMap<>();

            @Override
            double lead(Commodity k) {
                double[] o = own.get(k);
                return o == null ? 0 : o[0] - before;
            }

            @Override
            double lag(Commodity k) {
                double[] o = own.get(k);
                return o == null ? 0 : o[1] - after;
            }

            /** Users' voyages after a port differ by days, so a day's deadlines are kept apart. */
            @Override
            int deadlinesPerDay() {
                return 4;
            }

            @Override
            double capacity(double from, double to) {
                return slots * Math.max(0, lastHour(to) - firstHour(from));
            }

            /**
             * The first hour of a row window starting at {@code from} that ground time here takes.
             */
            double firstHour(double from) {
                return from + (Double.isFinite(before) ? before : 0);
            }

            /** The last hour of a row window ending at {@code to} that ground time here takes. */
            double lastHour(double to) {
                return to - (Double.isFinite(after) ? after : 0);
            }

            @Override
            void offer(Commodity k) {
                super.offer(k);
                if (coef(k) <= 0) {
                    return;
                }
                double[] mine = allowance(k, null);
                if (Double.isFinite(mine[0])) {
                    before = Math.min(before, mine[0]);
                    after = Math.min(after, mine[1]);
                    own.put(k, mine);
                }
            }

            /**
             * {before, after} of one user here: the least hours from its segment's onload start to
             * its ground time at this node, and from the end of that ground time to the offload
             * departure, over its carriers of type {@code only} (any type when null) and their
             * channels; infinite when none stops here.
             */
            double[] allowance(Commodity k, LiftType only) {
                double[] mine = {Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY};
                for (Carrier c : k.carriers()) {
                    LiftType t = c.type();
                    if (only != null && t != only) {
                        continue;
                    }
                    for (Route r : c.routes()) {
                        // hours from the ONLOAD stop's arrival to each point's arrival, and from
                        // each point's departure to the OFFLOAD stop's departure
                        List<String> pts = r.points();
                        int legs = pts.size() - 1;
                        double[] at = new double[pts.size()];
                        at[0] = 0;
                        for (int i = 1; i <= legs; i++) {
                            double ground =
                                    i == 1 ? t.groundHours().onload() : t.groundHours().enroute();
                            at[i] = at[i - 1] + ground + net.legNm(r, i - 1) / t.speedKnots();
                        }
                        double end = at[legs] + t.groundHours().offload();
                        for (int i = 0; i <= legs; i++) {
                            if (!pts.get(i).equals(node)) {
                                continue;
                            }
                            double ground =
                                    i == 0
                                            ? t.groundHours().onload()
                                            : i == legs
                                                    ? t.groundHours().offload()
                                                    : t.groundHours().enroute();
                            mine[0] = Math.min(mine[0], at[i]);
                            mine[1] = Math.min(mine[1], end - at[i] - ground);
                        }
                    }
                }
                return mine;
            }

            @Override
            double usage(Commodity k) {
                double best = Double.POSITIVE_INFINITY;
                for (Carrier c : k.carriers()) {
                    LiftType t = c.type();
                    double fixed = 0;
                    if (k.line().poe().equals(node)) {
                        fixed += t.groundHours().onload();
                    }
                    if (k.line().pod().equals(node)) {
                        fixed += t.groundHours().offload();
                    }
                    for (Route r : c.routes()) {
                        int visits = 0;
                        for (String v : r.via()) {
                            visits += v.equals(node) ? 1 : 0;
                        }
                        double h = fixed + visits * t.groundHours().enroute();
                        best = Math.min(best, share(k, t, area) * h);
                    }
                }
                return best;
            }
        }

        /**
         * Whole ship loads through the berths of one seaport (rules 4, 6, 7, 8): the onloads there
         * of its users' segments ({@code onload}) or their offloads. Each such stop holds a berth
         * for at least its type's hours inside the user's window and handles one segment, which
         * holds at most the type's payload or deck area; at most {@code berths} ships are there at
         * once, so the stops fall into that many chains of stops one after another, and a chain
         * inside a window holds a whole number of stops of each type, each inside its type's own
         * part of the window: not before one of its hulls can be there, and for a slower type
         * ending its slower voyage earlier. {@link #prepare} runs once all users are offered.
         */
        final class BerthLoadsResource extends NodeResource {
            final boolean onload;

            /** Most carrier types for which every subset of them is weighed in a chain. */
            static final int MAX_SUBSET_TYPES = 8;

            /** Carrier types of the users, by id. */
            private List<LiftType> types;

            /** Per type: the earliest hour a hull of it can be here (onloads), or none. */
            private double[] release;

            /** Per type: hours a stop holds a berth, and most it loads or unloads. */
            private double[] hold;

            private double[] most;

            /**
             * Per type id: the least, over the users it can carry, of how much later than the
             * user's own allowance (its fastest carrier) a stop of the type here can begin after
             * the user's start, and must end before its deadline.
             */
            private final Map<String, Double> early = new HashMap<>();

            private final Map<String, Double> late = new HashMap<>();

            private double[] earlyOf;

            private double[] lateOf;

            private final Map<List<Double>, Double> memo =
                    new java.util.concurrent.ConcurrentHashMap<>();

            BerthLoadsResource(String node, int berths, boolean area, boolean onload) {
                super(
                        (onload ? "berth onloads " : "berth offloads ")
                                + (area ? "area " : "")
                                + node,
                        node,
                        berths,
                        area);
                this.onload = onload;
            }

            @Override
            double usage(Commodity k) {
                String here = onload ? k.line().poe() : k.line().pod();
                if (!here.equals(node) || k.cargoClass() == CargoClass.PAX) {
                    return 0;
                }
                return area ? k.sqftPerSton() : 1.0;
            }

            @Override
            void offer(Commodity k) {
                super.offer(k);
                double[] mine = own.get(k);
                if (coef(k) <= 0 || mine == null) {
                    return;
                }
                for (Carrier c : k.carriers()) {
                    double[] t = allowance(k, c.type());
                    if (Double.isFinite(t[0])) {
                        early.merge(c.type().id(), t[0] - mine[0], Math::min);
                        late.merge(c.type().id(), t[1] - mine[1], Math::min);
                    }
                }
            }

            private double hours(LiftType t) {
                return onload ? t.groundHours().onload() : t.groundHours().offload();
            }

            private double load(LiftType t) {
                if (area) {
                    return t.sqftCapacity();
                }
                double p = 0;
                for (CargoClass c : classes(users)) {
                    p = Math.max(p, payload(t, c));
                }
                return p;
            }

            /**
             * Lists the users' carrier types; a type that holds a berth for no time at all would
             * let a chain hold any number of stops, so then the row is dropped (no users).
             */
            void prepare() {
                TreeMap<String, LiftType> byId = new TreeMap<>();
                for (Commodity k : users) {
                    for (Carrier c : k.carriers()) {
                        if (early.containsKey(c.type().id())) {
                            byId.put(c.type().id(), c.type());
                        }
                    }
                }
                types = new ArrayList<>(byId.values());
                int m = types.size();
                release = new double[m];
                hold = new double[m];
                most = new double[m];
                earlyOf = new double[m];
                lateOf = new double[m];
                for (int i = 0; i < m; i++) {
                    LiftType t = types.get(i);
                    // an onload here waits for a hull of the type to come from its base
                    release[i] =
                            onload
                                    ? 24.0 * t.availableFromDay()
                                            + emptyLegs.nm(t.mode(), t.baseNode(), node)
                                                    / t.speedKnots()
                                    : Double.NEGATIVE_INFINITY;
                    hold[i] = hours(t);
                    most[i] = load(t);
                    earlyOf[i] = early.get(t.id());
                    lateOf[i] = late.get(t.id());
                    if (hold[i] <= 0) {
                        users.clear();
                    }
                }
            }

            @Override
            double capacity(double from, double to) {
                double a = firstHour(from);
                double b = lastHour(to);
                if (b <= a) {
                    return 0;
                }
                List<Double> key = List.of(a, b);
                Double known = memo.get(key);
                if (known != null) {
                    return known;
                }
                int m = types.size();
                double[] open = new double[m];
                double[] close = new double[m];
                for (int i = 0; i < m; i++) {
                    open[i] = Math.max(a + earlyOf[i], release[i]);
                    close[i] = b - lateOf[i];
                }
                double c = slots * chain(0, open, close, new int[m], 0, new double[] {0});
                memo.put(key, c);
                return c;
            }

            /**
             * Most one chain of stops can hold, with types from {@code i} on still to count: a stop
             * of type t lies inside [open[t], close[t]], and the stops of any set of types follow
             * one another inside the earliest open to the latest close of the set (all subsets
             * while the types are few, else each type alone and all of them together: fewer only
             * loosens it). Whole numbers of stops per type.
             */
            private double chain(
                    int i, double[] open, double[] close, int[] n, double held, double[] best) {
                int m = types.size();
                if (i == m) {
                    best[0] = Math.max(best[0], held);
                    return best[0];
                }
                // the rest, each type alone: prune below the best
                double rest = 0;
                for (int j = i; j < m; j++) {
                    rest +=
                            most[j]
                                    * Math.max(
                                            0, Math.floor((close[j] - open[j]) / hold[j] + 1e-9));
                }
                if (held + rest <= best[0]) {
                    return best[0];
                }
                int fit = Integer.MAX_VALUE;
                int bit = 1 << Math.min(i, 30);
                boolean subsets = m <= MAX_SUBSET_TYPES;
                for (int mask = 0; mask < (subsets ? 1 << i : 1); mask++) {
                    fit = Math.min(fit, room(mask | bit, i, open, close, n));
                }
                if (!subsets && i == m - 1) {
                    fit = Math.min(fit, room(-1, i, open, close, n));
                }
                fit = Math.max(0, fit);
                if (i == m - 1) {
                    best[0] = Math.max(best[0], held + fit * most[i]);
                    return best[0];
                }
                for (int k = fit; k >= 0; k--) {
                    n[i] = k;
                    chain(i + 1, open, close, n, held + k * most[i], best);
                }
                n[i] = 0;
                return best[0];
            }

            /**
             * Stops of type i that fit beside those already counted of the types in {@code mask}
             * (all types up to i when -1) within the span of the set.
             */
            private int room(int mask, int i, double[] open, double[] close, int[] n) {
                double lo = Double.POSITIVE_INFINITY;
                double hi = Double.NEGATIVE_INFINITY;
                double used = 0;
                for (int t = 0; t <= i; t++) {
                    if (mask != -1 && (mask & (1 << t)) == 0) {
                        continue;
                    }
                    lo = Math.min(lo, open[t]);
                    hi = Math.max(hi, close[t]);
                    if (t < i) {
                        used += n[t] * hold[t];
                    }
                }
                double free = hi - lo - used;
                return free < 0 ? -1 : (int) Math.floor(free / hold[i] + 1e-9);
            }
        }

        /**
         * The hour from which a commodity counts in the fleet rows: the least, over its carriers,
         * of the later of the carrier's start and the hour its segment's last {@code core} hours
         * can begin. A segment arrives at the POD no earlier than {@code 24·ead} (rule 5), so it
         * ends no earlier than that plus the offload; a tail may load early and wait, but then its
         * segment only lasts longer, and its last {@code core} hours (onload, transit and offload
         * of the channel) begin no earlier than {@code 24·ead − onload − transit}. Those last hours
         * of a tail's segments are as disjoint, as long and as far apart as the segments the fleet
         * rows count, so the rows hold with them.
         */
        static double fleetStartOf(RequirementLine l, double start, List<Carrier> carriers) {
            double best = Double.POSITIVE_INFINITY;
            for (Carrier c : carriers) {
                // onload and transit: the hours from the onload's start to the POD
                double toPod = c.core() - c.type().groundHours().offload();
                best = Math.min(best, Math.max(c.startHour(), 24.0 * l.ead() - toPod));
            }
            return Math.max(start, best);
        }

        /**
         * Tail hours of the lift types {@code types} (rules 3, 6, 7): a tail's loaded segments are
         * disjoint in time, each lasts at least its core hours, and between two of them the tail
         * flies or sails empty from the first one's POD to the second one's POE. That leg is at
         * least the first one's way out (to the nearest POE of the type) and at least the second
         * one's way in (from the nearest POD of the type); {@code entry} picks which of the two
         * each segment is charged. One ston-equivalent of a commodity takes its share of a segment.
         * Hours of different types are weighed by {@code weights} (any positive weights keep it
         * valid).
         */
        final class HoursResource extends Resource {
            final List<Fleet> types;
            final Map<String, Double> weights = new HashMap<>();
            final boolean area;
            final boolean entry;

            HoursResource(String name, List<Fleet> types, boolean area, boolean entry) {
                super(name);
                this.types = types;
                this.area = area;
                this.entry = entry;
            }

            @Override
            double startOf(Commodity k) {
                return k.fleetStart();
            }

            /** Weighs each type by the inverse of its mean hours per ston-equivalent moved. */
            void weigh(List<Commodity> candidates) {
                for (Fleet f : types) {
                    double hours = 0;
                    double weight = 0;
                    for (Commodity k : candidates) {
                        Carrier c = carrierOf(k, f.type());
                        if (c != null) {
                            hours += k.weight() * perSton(k, c);
                            weight += k.weight();
                        }
                    }
                    weights.put(f.type().id(), weight > 0 && hours > 0 ? weight / hours : 0);
                }
            }

            double perSton(Commodity k, Carrier c) {
                return share(k, c.type(), area) * (c.core() + emptyHours(k, c.type(), entry));
            }

            @Override
            double usage(Commodity k) {
                double best = Double.POSITIVE_INFINITY;
                boolean any = false;
                for (Carrier c : k.carriers()) {
                    Double w = weights.get(c.type().id());
                    if (w == null) {
                        continue;
                    }
                    any = true;
                    best = Math.min(best, w * perSton(k, c));
                }
                return any ? best : 0;
            }

            @Override
            double capacity(double from, double to) {
                double c = 0;
                for (Fleet f : types) {
                    c += weights.get(f.type().id()) * f.type().count() * f.hours(from, to, entry);
                }
                return c;
            }
        }

        /**
         * Loaded segments of the lift types {@code types} (rules 6, 7): a tail fits at most so many
         * segments into a window, each holding at most its payload (weight) or its deck area.
         */
        final class SegmentsResource extends Resource {
            final List<Fleet> types;
            final Set<CargoClass> classes;
            final boolean area;

            SegmentsResource(
                    String name, List<Fleet> types, Set<CargoClass> classes, boolean area) {
                super(name);
                this.types = types;
                this.classes = classes;
                this.area = area;
            }

            @Override
            double startOf(Commodity k) {
                return k.fleetStart();
            }

            @Override
            double usage(Commodity k) {
                return area ? k.sqftPerSton() : 1.0;
            }

            private volatile double[] perSegment;

            @Override
            double capacity(double from, double to) {
                double[] perSegment = this.perSegment;
                if (perSegment == null) {
                    perSegment = new double[types.size()];
                    for (int i = 0; i < types.size(); i++) {
                        LiftType t = types.get(i).type();
                        if (area) {
                            perSegment[i] = t.sqftCapacity();
                            continue;
                        }
                        for (CargoClass c : classes) {
                            if (t.canTake(c)) {
                                perSegment[i] = Math.max(perSegment[i], payload(t, c));
                            }
                        }
                    }
                    this.perSegment = perSegment;
                }
                double cap = 0;
                for (int i = 0; i < types.size(); i++) {
                    Fleet f = types.get(i);
                    cap += f.type().count() * f.segments(from, to) * perSegment[i];
                }
                return cap;
            }
        }

        static Carrier carrierOf(Commodity k, LiftType t) {
            for (Carrier c : k.carriers()) {
                if (c.type() == t) {
                    return c;
                }
            }
            return null;
        }

        double payload(LiftType t, CargoClass c) {
            if (c == null) {
                double p = t.canTake(CargoClass.PAX) ? t.paxCapacity() * pw : 0;
                boolean cargo = false;
                for (CargoClass x : CargoClass.values()) {
                    cargo |= x != CargoClass.PAX && t.canTake(x);
                }
                return Math.max(p, cargo ? cargoPayload(t, null) : 0);
            }
            return c == CargoClass.PAX ? t.paxCapacity() * pw : cargoPayload(t, c);
        }

        /**
         * Most short tons of cargo (of class c, or of any class when null) one sortie or voyage can
         * hold: its weight capacity, and for a ship also its deck divided by the smallest deck area
         * per ston that any line of the scenario has for that class (rule 6).
         */
        double cargoPayload(LiftType t, CargoClass c) {
            double cap = t.stonsCapacity();
            if (!t.usesDeckArea()) {
                return cap;
            }
            double minPerSton = Double.POSITIVE_INFINITY;
            for (RequirementLine l : s.requirements()) {
                BoundStop.check(stop);
                for (CargoEntry e : l.cargo()) {
                    if (e.stons() > 0 && (c == null || e.cargoClass() == c)) {
                        minPerSton = Math.min(minPerSton, e.sqftPerSton());
                    }
                }
            }
            if (minPerSton > 0 && minPerSton < Double.POSITIVE_INFINITY) {
                cap = Math.min(cap, t.sqftCapacity() / minPerSton);
            }
            return cap;
        }

        /**
         * The resources of step 3: ground time at every node that some commodity must use, and per
         * mode the tail hours and segments of each set of types that some commodity is limited to
         * (its carriers, or the types that carry its class), with every commodity whose carriers
         * all lie in the set as a user.
         */
        List<Resource> resources() {
            List<Resource> out = new ArrayList<>();
            // each node with the commodities that may stop there, in commodity order
            TreeMap<String, List<Commodity>> nodes = new TreeMap<>();
            for (Commodity k : commodities) {
                touch(nodes, k.line().poe(), k);
                touch(nodes, k.line().pod(), k);
                for (Carrier c : k.carriers()) {
                    for (Route r : c.routes()) {
                        for (String v : r.via()) {
                            touch(nodes, v, k);
                        }
                    }
                }
            }
            for (Map.Entry<String, List<Commodity>> e : nodes.entrySet()) {
                BoundStop.check(stop);
                Node n = net.node(e.getKey());
                boolean sea = n.kind() == NodeKind.SEAPORT;
                List<NodeResource> rows = new ArrayList<>();
                rows.add(new NodeResource(e.getKey(), sea ? n.berths() : n.mog(), false));
                if (sea) {
                    rows.add(new NodeResource(e.getKey(), n.berths(), true));
                    for (boolean onload : List.of(true, false)) {
                        for (boolean area : List.of(true, false)) {
                            rows.add(new BerthLoadsResource(e.getKey(), n.berths(), area, onload));
                        }
                    }
                }
                for (NodeResource r : rows) {
                    BoundStop.check(stop);
                    for (Commodity k : e.getValue()) {
                        r.offer(k);
                    }
                    if (r instanceof BerthLoadsResource b) {
                        b.prepare();
                    }
                }
                out.addAll(rows);
            }
            for (LiftMode mode : LiftMode.values()) {
                BoundStop.check(stop);
                List<Commodity> ks = new ArrayList<>();
                for (Commodity k : commodities) {
                    if (k.mode() == mode) {
                        ks.add(k);
                    }
                }
                if (ks.isEmpty()) {
                    continue;
                }
                // candidate type sets, by type ids in scenario order
                Map<String, List<LiftType>> sets = new LinkedHashMap<>();
                List<LiftType> all = new ArrayList<>();
                for (LiftType t : s.lift()) {
                    if (t.mode() == mode && fleets.containsKey(t.id())) {
                        all.add(t);
                    }
                }
                sets.put(key(all), all);
                Map<String, Double> seen = new HashMap<>();
                for (Commodity k : ks) {
                    List<LiftType> own = new ArrayList<>();
                    for (LiftType t : all) {
                        if (carrierOf(k, t) != null) {
                            own.add(t);
                        }
                    }
                    sets.putIfAbsent(key(own), own);
                    seen.merge(key(own), k.weight(), Double::sum);
                    List<LiftType> ofClass = new ArrayList<>();
                    for (LiftType t : all) {
                        if (t.canTake(k.cargoClass())) {
                            ofClass.add(t);
                        }
                    }
                    sets.putIfAbsent(key(ofClass), ofClass);
                    seen.merge(key(ofClass), k.weight(), Double::sum);
                }
                // at most MAX_SETS sets besides all types: those that limit the most weight
                // (leaving a row out only loosens the bound)
                List<String> ranked = new ArrayList<>(sets.keySet());
                ranked.remove(key(all));
                ranked.sort(
                        (x, y) -> {
                            int c = Double.compare(seen.get(y), seen.get(x));
                            return c != 0 ? c : x.compareTo(y);
                        });
                for (int i = MAX_SETS; i < ranked.size(); i++) {
                    sets.remove(ranked.get(i));
                }
                for (List<LiftType> g : sets.values()) {
                    List<Commodity> users = new ArrayList<>();
                    for (Commodity k : ks) {
                        boolean inside = true;
                        for (Carrier c : k.carriers()) {
                            inside &= g.contains(c.type());
                        }
                        if (inside) {
                            users.add(k);
                        }
                    }
                    if (!users.isEmpty()) {
                        addFleetRows(out, mode + " " + key(g), g, users, mode);
                    }
                }
            }
            out.removeIf(r -> r.users.isEmpty());
            return out;
        }

        /** Most type sets per mode with fleet rows of their own, besides all types of the mode. */
        static final int MAX_SETS = 12;

        private static void touch(Map<String, List<Commodity>> nodes, String node, Commodity k) {
            List<Commodity> ks = nodes.computeIfAbsent(node, x -> new ArrayList<>());
            if (ks.isEmpty() || ks.get(ks.size() - 1) != k) {
                ks.add(k);
            }
        }

        private static String key(List<LiftType> types) {
            StringBuilder b = new StringBuilder("{");
            for (LiftType t : types) {
                b.append(b.length() > 1 ? "," : "").append(t.id());
            }
            return b.append('}').toString();
        }

        private void addFleetRows(
                List<Resource> out,
                String name,
                List<LiftType> types,
                List<Commodity> users,
                LiftMode mode) {
            List<Fleet> fs = new ArrayList<>();
            for (LiftType t : types) {
                fs.add(fleets.get(t.id()).over(this, users));
            }
            List<Boolean> measures = mode == LiftMode.SEA ? List.of(true, false) : List.of(false);
            for (boolean area : measures) {
                BoundStop.check(stop);
                List<Commodity> us = new ArrayList<>();
                for (Commodity k : users) {
                    if (!area || k.cargoClass() != CargoClass.PAX) {
                        us.add(k);
                    }
                }
                if (us.isEmpty()) {
                    continue;
                }
                for (boolean entry : List.of(false, true)) {
                    HoursResource h =
                            new HoursResource(
                                    "fleet hours "
                                            + (area ? "area " : "")
                                            + (entry ? "in " : "out ")
                                            + name,
                                    fs,
                                    area,
                                    entry);
                    h.weigh(us);
                    for (Commodity k : us) {
                        h.offer(k);
                    }
                    out.add(h);
                }
                SegmentsResource sg =
                        new SegmentsResource(
                                "fleet segments " + (area ? "area " : "") + name,
                                fs,
                                classes(us),
                                area);
                for (Commodity k : us) {
                    sg.offer(k);
                }
                out.add(sg);
            }
        }

        private static EnumSet<CargoClass> classes(List<Commodity> users) {
            EnumSet<CargoClass> c = EnumSet.noneOf(CargoClass.class);
            for (Commodity k : users) {
                c.add(k.cargoClass());
            }
            return c;
        }
    }

    /**
     * What the relaxation uses of one lift type for a set of commodities: the earliest hour one of
     * its tails reaches a POE of theirs, their shortest loaded segment, and the empty legs between
     * segments: out of a POD to the nearest POE the type loads at, and into a POE from the nearest
     * POD it unloads at (any commodity's).
     */
    static final class Fleet {
        private final LiftType type;
        private final double firstHour;
        private final double minCore;
        private final double minLeg;
        private final double maxExit;
        private final double maxEntry;
        private final Map<String, Double> exitHours;
        private final Map<String, Double> entryHours;

        private Fleet(
                LiftType type,
                double firstHour,
                double minCore,
                double minLeg,
                double maxExit,
                double maxEntry,
                Map<String, Double> exitHours,
                Map<String, Double> entryHours) {
            this.type = type;
            this.firstHour = firstHour;
            this.minCore = minCore;
            this.minLeg = minLeg;
            this.maxExit = maxExit;
            this.maxEntry = maxEntry;
            this.exitHours = exitHours;
            this.entryHours = entryHours;
        }

        /** The type over every commodity it can carry; null when it can carry none. */
        static Fleet of(Relaxation rx, LiftType t) {
            TreeSet<String> poes = new TreeSet<>();
            TreeSet<String> pods = new TreeSet<>();
            for (Commodity k : rx.commodities) {
                if (Relaxation.carrierOf(k, t) != null) {
                    poes.add(k.line().poe());
                    pods.add(k.line().pod());
                }
            }
            if (poes.isEmpty()) {
                return null;
            }
            Map<String, Double> exit = new HashMap<>();
            for (String d : pods) {
                double best = Double.POSITIVE_INFINITY;
                for (String p : poes) {
                    best = Math.min(best, rx.emptyLegs.nm(t.mode(), d, p));
                }
                exit.put(d, best / t.speedKnots());
            }
            Map<String, Double> entry = new HashMap<>();
            for (String p : poes) {
                double best = Double.POSITIVE_INFINITY;
                for (String d : pods) {
                    best = Math.min(best, rx.emptyLegs.nm(t.mode(), d, p));
                }
                entry.put(p, best / t.speedKnots());
            }
            return new Fleet(t, 0, 0, 0, 0, 0, exit, entry).over(rx, rx.commodities);
        }

        /**
         * The same type with its figures taken over {@code users} only: the segments that carry
         * them start at one of their POEs and last at least their shortest core; the empty legs
         * between them still go to or come from any POE or POD of the type.
         */
        Fleet over(Relaxation rx, List<Commodity> users) {
            double first = Double.POSITIVE_INFINITY;
            double core = Double.POSITIVE_INFINITY;
            double minExit = Double.POSITIVE_INFINITY;
            double minEntry = Double.POSITIVE_INFINITY;
            double mxExit = 0;
            double mxEntry = 0;
            TreeSet<String> poes = new TreeSet<>();
            for (Commodity k : users) {
                Carrier c = Relaxation.carrierOf(k, type);
                if (c == null) {
                    continue;
                }
                poes.add(k.line().poe());
                double out = exitHours(k.line().pod());
                double in = entryHours(k.line().poe());
                core = Math.min(core, c.core());
                minExit = Math.min(minExit, out);
                minEntry = Math.min(minEntry, in);
                mxExit = Math.max(mxExit, out);
                mxEntry = Math.max(mxEntry, in);
            }
            for (String p : poes) {
                first = Math.min(first, rx.emptyLegs.nm(type.mode(), type.baseNode(), p));
            }
            return new Fleet(
                    type,
                    24.0 * type.availableFromDay() + first / type.speedKnots(),
                    core,
                    Math.max(minExit, minEntry),
                    mxExit,
                    mxEntry,
                    exitHours,
                    entryHours);
        }

        LiftType type() {
            return type;
        }

        double exitHours(String pod) {
            return exitHours.getOrDefault(pod, 0.0);
        }

        double entryHours(String poe) {
            return entryHours.getOrDefault(poe, 0.0);
        }

        /** Time one tail has for segments wholly inside [from, to]. */
        private double span(double from, double to) {
            return to - Math.max(from, firstHour);
        }

        /**
         * Upper bound on Σ (core + charged empty leg) over one tail's segments inside [from, to]:
         * the segments and the legs between them fit in the span; the leg charged to the last
         * segment (way out) or to the first (way in) may fall outside it. 0 when not even one
         * segment fits.
         */
        double hours(double from, double to, boolean entry) {
            double len = span(from, to);
            if (len < 0 || len < minCore - 1e-9) {
                return 0;
            }
            return len + (entry ? maxEntry : maxExit);
        }

        /**
         * Most loaded segments one tail fits inside [from, to]: n of them take at least n shortest
         * cores and n - 1 empty legs, each at least the shortest way out and the shortest way in.
         */
        double segments(double from, double to) {
            double len = span(from, to);
            if (len < 0 || len < minCore - 1e-9) {
                return 0;
            }
            if (minCore + minLeg <= 0) {
                return Double.POSITIVE_INFINITY;
            }
            return Math.floor((len + minLeg) / (minCore + minLeg) + 1e-9);
        }
    }

    /**
     * Shortest empty-leg distances between the nodes of each mode (rule 3: an empty leg may go
     * between any two nodes of the mode, at the route leg's distance where one joins them, else
     * great-circle; a chain of empty legs may be shorter than one).
     */
    static final class EmptyLegs {
        private final Map<LiftMode, Map<String, Integer>> index = new HashMap<>();
        private final Map<LiftMode, double[][]> dist = new HashMap<>();
        private final Network net;

        EmptyLegs(Network net, Scenario s) {
            this.net = net;
            for (LiftMode m : LiftMode.values()) {
                NodeKind kind = m == LiftMode.AIR ? NodeKind.AIRFIELD : NodeKind.SEAPORT;
                List<String> ids = new ArrayList<>();
                for (Node n : s.nodes()) {
                    if (n.kind() == kind) {
                        ids.add(n.id());
                    }
                }
                int n = ids.size();
                Map<String, Integer> ix = new HashMap<>();
                for (int i = 0; i < n; i++) {
                    ix.put(ids.get(i), i);
                }
                double[][] d = new double[n][n];
                for (int i = 0; i < n; i++) {
                    for (int j = 0; j < n; j++) {
                        d[i][j] = net.emptyLegNm(m, ids.get(i), ids.get(j));
                    }
                }
                for (int k = 0; k < n; k++) {
                    for (int i = 0; i < n; i++) {
                        for (int j = 0; j < n; j++) {
                            if (d[i][k] + d[k][j] < d[i][j]) {
                                d[i][j] = d[i][k] + d[k][j];
                            }
                        }
                    }
                }
                index.put(m, ix);
                dist.put(m, d);
            }
        }

        double nm(LiftMode m, String from, String to) {
            Integer a = index.get(m).get(from);
            Integer b = index.get(m).get(to);
            if (a == null || b == null) {
                return net.emptyLegNm(m, from, to);
            }
            return dist.get(m)[a][b];
        }
    }

    /**
     * A lower bound on a minimising LP that GLOP has just solved, by weak duality from its row
     * prices {@code y}: every x within its column bounds whose row activities {@code r = Ax} lie
     * within the rows' bounds has {@code c·x = (c − Aᵀy)·x + y·r}, which is at least the sum over
     * columns of {@code min(d_j·l_j, d_j·u_j)} and over rows of {@code min(y_i·lo_i, y_i·hi_i)}. A
     * price whose row has no bound on its side is taken as 0 instead (any prices give a bound).
     * Reads the model back from the solver, so it suits models built without {@link Recorded}.
     * Negative infinity where a column with no bound on one side keeps a reduced cost on it.
     */
    static double dualBoundOf(MPSolver solver) {
        com.google.ortools.linearsolver.MPModelProto model = solver.exportModelToProto();
        MPConstraint[] rows = solver.constraints();
        int n = model.getVariableCount();
        double[] cost = new double[n];
        double[] lower = new double[n];
        double[] upper = new double[n];
        for (int j = 0; j < n; j++) {
            com.google.ortools.linearsolver.MPVariableProto v = model.getVariable(j);
            cost[j] = v.getObjectiveCoefficient();
            lower[j] = v.getLowerBound();
            upper[j] = v.getUpperBound();
        }
        int m = model.getConstraintCount();
        double[] rowLo = new double[m];
        double[] rowHi = new double[m];
        double[] y = new double[m];
        int entries = 0;
        for (int i = 0; i < m; i++) {
            entries += model.getConstraint(i).getVarIndexCount();
        }
        int[] entryRow = new int[entries];
        int[] entryColumn = new int[entries];
        double[] entryValue = new double[entries];
        int e = 0;
        for (int i = 0; i < m; i++) {
            com.google.ortools.linearsolver.MPConstraintProto row = model.getConstraint(i);
            rowLo[i] = row.getLowerBound();
            rowHi[i] = row.getUpperBound();
            y[i] = rows[i].dualValue();
            for (int k = 0; k < row.getVarIndexCount(); k++, e++) {
                entryRow[e] = i;
                entryColumn[e] = row.getVarIndex(k);
                entryValue[e] = row.getCoefficient(k);
            }
        }
        return model.getObjectiveOffset()
                + weakDual(
                        cost,
                        lower,
                        upper,
                        n,
                        rowLo,
                        rowHi,
                        entryRow,
                        entryColumn,
                        entryValue,
                        entries,
                        y);
    }

    /**
     * The weak-duality bound of {@link #dualBoundOf} for a minimising LP given as arrays: columns
     * {@code 0..n-1} with their costs and bounds, rows with their two sides, the matrix's entries,
     * and the row prices {@code y} (a price whose row has no bound on its side counts as 0).
     */
    static double weakDual(
            double[] cost,
            double[] lower,
            double[] upper,
            int n,
            double[] rowLo,
            double[] rowHi,
            int[] entryRow,
            int[] entryColumn,
            double[] entryValue,
            int entries,
            double[] y) {
        int m = y.length;
        double[] price = new double[m];
        double bound = 0;
        for (int i = 0; i < m; i++) {
            double side = y[i] > 0 ? rowLo[i] : rowHi[i];
            if (y[i] != 0 && !Double.isInfinite(side)) {
                price[i] = y[i];
                bound += y[i] * side;
            }
        }
        double[] d = java.util.Arrays.copyOf(cost, n);
        for (int e = 0; e < entries; e++) {
            d[entryColumn[e]] -= price[entryRow[e]] * entryValue[e];
        }
        for (int j = 0; j < n; j++) {
            if (d[j] > 0) {
                bound += d[j] * lower[j];
            } else if (d[j] < 0) {
                bound += d[j] * upper[j];
            }
        }
        return bound;
    }

    /** GLOP's settings for the bound's LPs: the dual simplex, without presolve. */
    static final String GLOP_PARAMETERS = "use_dual_simplex:true use_preprocessing:false";

    /**
     * A minimising LP built through OR-Tools with every column's bounds and cost, every row's
     * right-hand side (all rows are equalities) and every coefficient kept on this side as well, so
     * that a bound can be worked out from the solver's row prices alone.
     */
    static final class Recorded {
        private final MPSolver solver;
        private final MPObjective obj;
        private double[] lower = new double[1024];
        private double[] upper = new double[1024];
        private double[] cost = new double[1024];
        private double[] rhs = new double[1024];
        private final List<MPConstraint> rowList = new ArrayList<>();
        private int columns;
        private int[] entryRow = new int[4096];
        private int[] entryColumn = new int[4096];
        private double[] entryValue = new double[4096];
        private int entries;

        Recorded(MPSolver solver, MPObjective obj) {
            this.solver = solver;
            this.obj = obj;
        }

        MPVariable column(double lb, double ub, double c) {
            MPVariable v = solver.makeNumVar(lb, ub, "");
            int j = v.index();
            if (j != columns) {
                throw new IllegalStateException("columns out of order: " + j + " after " + columns);
            }
            if (j == lower.length) {
                lower = java.util.Arrays.copyOf(lower, 2 * j);
                upper = java.util.Arrays.copyOf(upper, 2 * j);
                cost = java.util.Arrays.copyOf(cost, 2 * j);
            }
            lower[j] = lb;
            upper[j] = ub;
            cost[j] = c;
            columns++;
            if (c != 0) {
                obj.setCoefficient(v, c);
            }
            return v;
        }

        /**
         * GLOP's dual simplex without presolve: on generated L's sea lines the whole LP takes 22 s
         * instead of two to three minutes with GLOP's defaults, to the same optimum.
         */
        void setSolverParameters() {
            if (!solver.setSolverSpecificParametersAsString(GLOP_PARAMETERS)) {
                throw new IllegalStateException("GLOP refused " + GLOP_PARAMETERS);
            }
        }

        /** A row {@code Σ a·x = b}. */
        MPConstraint row(double b) {
            MPConstraint r = solver.makeConstraint(b, b);
            int i = r.index();
            if (i != rowList.size()) {
                throw new IllegalStateException("rows out of order: " + i);
            }
            if (i == rhs.length) {
                rhs = java.util.Arrays.copyOf(rhs, 2 * i);
            }
            rhs[i] = b;
            rowList.add(r);
            return r;
        }

        /** Sets a coefficient once (each row and column pair is set at most once). */
        void set(MPConstraint r, MPVariable v, double a) {
            r.setCoefficient(v, a);
            if (entries == entryRow.length) {
                entryRow = java.util.Arrays.copyOf(entryRow, 2 * entries);
                entryColumn = java.util.Arrays.copyOf(entryColumn, 2 * entries);
                entryValue = java.util.Arrays.copyOf(entryValue, 2 * entries);
            }
            entryRow[entries] = r.index();
            entryColumn[entries] = v.index();
            entryValue[entries] = a;
            entries++;
        }

        /**
         * Weak duality with the column bounds: for any row prices {@code y}, every x within its
         * bounds that keeps the rows has {@code c·x = y·b + (c − Aᵀy)·x ≥ y·b + Σ_j min(d_j·l_j,
         * d_j·u_j)}, where {@code d = c − Aᵀy}. Taken with the solver's prices, it is a bound on
         * the optimum whatever the solver's round-off, and equals it when the prices are optimal.
         */
        double dualBound() {
            int m = rowList.size();
            double[] y = new double[m];
            for (int i = 0; i < m; i++) {
                y[i] = rowList.get(i).dualValue();
            }
            return dualBound(y);
        }

        /** The bound above for the given row prices, one per row in the order made. */
        double dualBound(double[] y) {
            double[] rows = java.util.Arrays.copyOf(rhs, rowList.size());
            return weakDual(
                    cost,
                    lower,
                    upper,
                    columns,
                    rows,
                    rows,
                    entryRow,
                    entryColumn,
                    entryValue,
                    entries,
                    y);
        }
    }

    /** The lateness LP over delivery days with 2-D prefix sums per resource. */
    static final class WindowLp {
        final Relaxation rx;
        final List<Commodity> commodities;
        final List<Relaxation.Resource> resources;

        WindowLp(Relaxation rx, List<Relaxation.Resource> resources) {
            this(rx, rx.commodities, resources);
        }

        WindowLp(Relaxation rx, List<Commodity> commodities, List<Relaxation.Resource> resources) {
            this.rx = rx;
            this.commodities = List.copyOf(commodities);
            this.resources = new ArrayList<>(resources);
        }

        /**
         * The LP's optimum, the part of it that sea commodities contribute, whether GLOP was needed
         * to find it, and how many commodities of a part that needed GLOP were above the limit (0
         * when none: then the optimum is the whole LP's).
         */
        record Optimum(double total, double sea, boolean solved, int leftOut, String how) {
            Optimum(double total, double sea, boolean solved) {
                this(total, sea, solved, 0, howFound(solved));
            }
        }

        /** How one part's optimum was found, for the method text. */
        static String partFound(boolean solved) {
            return solved ? "by GLOP" : "at its cheapest point (no solver needed)";
        }

        /** How an optimum was found, for the method text. */
        static String howFound(boolean solved) {
            return solved
                    ? "GLOP"
                    : "at its optimum with every line on time or at its earliest arrival (no"
                            + " solver needed)";
        }

        /**
         * The LP part by part: where every resource serves one mode (as node kinds make it: a node
         * is an airfield or a seaport, a fleet flies or sails), the AIR and SEA commodities share
         * no row, so the LP is two LPs whose optima add up. Each part is first checked at its
         * cheapest point (see {@link #solve()}); a part that needs GLOP and has more than {@code
         * limit} commodities is bounded by the sum of its restrictions to one POE's lines ({@link
         * #byPortOfEmbarkation}), and when none of those is within the limit it is not solved and
         * the result says how many it has. Null when GLOP does not report an optimum.
         */
        Optimum solveByMode(int limit) {
            List<WindowLp> parts = new ArrayList<>();
            if (Relaxation.separableByMode(resources)) {
                for (LiftMode mode : LiftMode.values()) {
                    List<Commodity> ks = new ArrayList<>();
                    for (Commodity k : commodities) {
                        if (k.mode() == mode) {
                            ks.add(k);
                        }
                    }
                    List<Relaxation.Resource> rs = new ArrayList<>();
                    for (Relaxation.Resource r : resources) {
                        if (!r.users.isEmpty() && r.users.get(0).mode() == mode) {
                            rs.add(r);
                        }
                    }
                    if (!ks.isEmpty()) {
                        parts.add(new WindowLp(rx, ks, rs));
                    }
                }
            } else {
                parts.add(this);
            }
            double total = 0;
            double sea = 0;
            List<String> how = new ArrayList<>();
            int byGlop = 0;
            boolean restricted = false;
            for (WindowLp part : parts) {
                BoundStop.check(rx.stop);
                Optimum o = part.atFirstPieces();
                boolean restrictedHere = false;
                if (o == null) {
                    if (part.commodities.size() > limit) {
                        restrictedHere = true;
                        o = part.byPortOfEmbarkation(limit);
                        if (o == null) {
                            return new Optimum(
                                    Double.NaN, Double.NaN, false, part.commodities.size(), "");
                        }
                    } else {
                        o = part.solveWithGlop();
                    }
                    if (o == null) {
                        return null;
                    }
                }
                total += o.total();
                sea += o.sea();
                byGlop += o.solved() ? 1 : 0;
                restricted |= restrictedHere;
                how.add(
                        part.commodities.get(0).mode().name().toLowerCase()
                                + " part "
                                + (restrictedHere ? o.how() : partFound(o.solved())));
            }
            // one phrase when every part was found the same way
            String text =
                    !restricted && (byGlop == 0 || byGlop == parts.size())
                            ? howFound(byGlop > 0)
                            : String.join(", ", how);
            return new Optimum(total, sea, byGlop > 0, 0, text);
        }

        /**
         * A bound on a part that needs GLOP but has more than {@code limit} commodities: the sum,
         * over its POEs, of the optima of its restrictions to the lines of one POE. A restriction
         * keeps every row and drops the other lines' terms, which are never negative, so each row
         * still holds for every correct plan; its optimum is then at most what those lines are late
         * in any correct plan. The POEs' lines are disjoint and a plan's lateness is the sum of its
         * lines', so the optima add up to at most what the whole part is late in any correct plan,
         * and to at most the whole part's optimum. GLOP gets the restrictions that break a row at
         * their cheapest point, on {@link #LP_WORKERS} threads whose restrictions add up to at most
         * {@code limit} commodities each; every other restriction counts at its cheapest point,
         * never above its optimum. Null when no restriction is within the limit.
         */
        Optimum byPortOfEmbarkation(int limit) {
            Map<String, List<Commodity>> byPoe = new TreeMap<>();
            for (Commodity k : commodities) {
                byPoe.computeIfAbsent(k.line().poe(), p -> new ArrayList<>()).add(k);
            }
            // the POEs whose lines break the rows most at their cheapest point first, so that
            // the GLOP budget goes where the bound is
            List<WindowLp> subs = new ArrayList<>();
            Map<WindowLp, Double> over = new IdentityHashMap<>();
            boolean anyWithin = false;
            for (List<Commodity> ks : byPoe.values()) {
                BoundStop.check(rx.stop);
                // a resource none of these lines uses gives the restriction no row
                Set<Commodity> mine = Collections.newSetFromMap(new IdentityHashMap<>());
                mine.addAll(ks);
                List<Relaxation.Resource> rs = new ArrayList<>();
                for (Relaxation.Resource r : resources) {
                    if (r.users.stream().anyMatch(mine::contains)) {
                        rs.add(r);
                    }
                }
                WindowLp sub = new WindowLp(rx, ks, rs);
                subs.add(sub);
                boolean within = ks.size() <= limit;
                anyWithin |= within;
                over.put(sub, within ? sub.overload(false) : 0.0);
            }
            if (!anyWithin) {
                return null;
            }
            subs.sort((a, b) -> Double.compare(over.get(b), over.get(a)));
            // which restrictions GLOP gets is settled before any is solved, the same on any
            // machine: each that breaks a row goes to the first of the workers whose budget
            // still holds it, in the order above
            int[] budget = new int[LP_WORKERS];
            java.util.Arrays.fill(budget, limit);
            List<String> reasons = new ArrayList<>();
            List<WindowLp> toSolve = new ArrayList<>();
            for (WindowLp sub : subs) {
                int n = sub.commodities.size();
                String reason = "";
                if (n > limit) {
                    reason = "above the limit";
                } else if (over.get(sub) > 0) {
                    reason = "breaks a row, beyond the budget";
                    for (int w = 0; w < LP_WORKERS; w++) {
                        if (n <= budget[w]) {
                            budget[w] -= n;
                            toSolve.add(sub);
                            reason = "";
                            break;
                        }
                    }
                }
                reasons.add(reason);
            }
            Map<WindowLp, Optimum> optima = solveAll(toSolve);
            double total = 0;
            double sea = 0;
            List<String> solved = new ArrayList<>();
            int solvedSize = 0;
            // restrictions at their cheapest point for a reason other than keeping every row
            // there: above the limit, or breaking a row beyond GLOP's budget or without an optimum
            // from GLOP
            List<String> unsolved = new ArrayList<>();
            for (int i = 0; i < subs.size(); i++) {
                WindowLp sub = subs.get(i);
                String poe = sub.commodities.get(0).line().poe();
                Optimum o = optima.get(sub);
                if (!reasons.get(i).isEmpty()) {
                    unsolved.add(poe + " (" + reasons.get(i) + ")");
                } else if (toSolve.contains(sub) && o == null) {
                    unsolved.add(poe + " (breaks a row, no optimum from GLOP)");
                } else if (o != null) {
                    solved.add(poe);
                    solvedSize += sub.commodities.size();
                }
                if (o == null) {
                    o = sub.cheapestPoint(); // never above the restriction's optimum
                }
                total += o.total();
                sea += o.sea();
            }
            return new Optimum(
                    total,
                    sea,
                    !solved.isEmpty(),
                    0,
                    String.format(
                            Locale.ROOT,
                            "restricted to the lines of each POE in turn, the %d restrictions'"
                                    + " optima added up (by GLOP: %s; the others at their cheapest"
                                    + " point%s; each of GLOP's %d threads given at most %,d of"
                                    + " the part's %,d commodities)",
                            subs.size(),
                            solved.isEmpty()
                                    ? "none"
                                    : String.format(
                                            Locale.ROOT,
                                            "the lines of %s, %,d commodities",
                                            String.join(", ", solved),
                                            solvedSize),
                            unsolved.isEmpty() ? "" : ", among them " + String.join(", ", unsolved),
                            LP_WORKERS,
                            limit,
                            commodities.size()));
        }

        /**
         * The restrictions' optima by GLOP, on {@link #LP_WORKERS} threads (each restriction's own
         * solver; the resources they share were all read once by {@link #overload} before, and
         * their caches are safe to share). An optimum is null where GLOP gives none. The result
         * does not depend on which thread solved what.
         */
        static Map<WindowLp, Optimum> solveAll(List<WindowLp> subs) {
            Map<WindowLp, Optimum> out = new IdentityHashMap<>();
            if (subs.size() <= 1) {
                for (WindowLp sub : subs) {
                    out.put(sub, sub.solveWithGlop());
                }
                return out;
            }
            java.util.concurrent.ExecutorService pool =
                    java.util.concurrent.Executors.newFixedThreadPool(
                            Math.min(LP_WORKERS, subs.size()),
                            r -> {
                                Thread t = new Thread(r, "muster-bound-lp");
                                t.setDaemon(true);
                                return t;
                            });
            try {
                List<java.util.concurrent.Future<Optimum>> fs = new ArrayList<>();
                for (WindowLp sub : subs) {
                    fs.add(pool.submit(sub::solveWithGlop));
                }
                for (int i = 0; i < subs.size(); i++) {
                    out.put(subs.get(i), fs.get(i).get());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while solving the bound's LPs", e);
            } catch (java.util.concurrent.ExecutionException e) {
                Throwable c = e.getCause();
                if (c instanceof RuntimeException re) {
                    throw re;
                }
                if (c instanceof Error err) {
                    throw err;
                }
                throw new IllegalStateException(c);
            } finally {
                pool.shutdownNow();
            }
            return out;
        }

        /**
         * A commodity's pieces of days, each {@code {last day, late days}}: days before {@code
         * max(earliest, rdd)} collapse into that day (no lateness either way); beyond four days
         * late, days are taken in blocks of 2, 4, 8, ... days, each charged the lateness of its
         * first day and held to the deadline of its last (cheaper and later, so the relaxation only
         * gets looser); the last piece, day {@code h}, is unmet.
         */
        static List<int[]> pieces(Commodity k, int h) {
            int rdd = k.line().rdd();
            int first = Math.min(h, Math.max(k.earliestDay(), rdd));
            List<int[]> pieces = new ArrayList<>();
            for (int d = first; d < h; ) {
                int late = d - rdd;
                int len = late < 5 ? 1 : Integer.highestOneBit(late - 3);
                int last = Math.min(h - 1, d + len - 1);
                pieces.add(new int[] {last, late});
                d = last + 1;
            }
            pieces.add(new int[] {h, h - rdd});
            return pieces;
        }

        /**
         * The optimum, or null when GLOP is not available or does not report one. First, each
         * commodity's cost grows strictly from piece to piece, so no solution costs less than all
         * weight in the first pieces; when that point keeps every window row, it is the optimum and
         * no solver is needed (as on generated S and M, where the LP is 0).
         */
        Optimum solve() {
            Optimum first = atFirstPieces();
            return first != null ? first : solveWithGlop();
        }

        /**
         * The LP's value with every commodity wholly in its first piece, or null if a row breaks.
         */
        Optimum atFirstPieces() {
            return overload(true) > 0 ? null : cheapestPoint();
        }

        /** The LP's cost at the point with every commodity wholly in its first piece. */
        Optimum cheapestPoint() {
            int h = rx.horizon;
            double total = 0;
            double sea = 0;
            for (Commodity k : commodities) {
                double cost = k.weight() * Math.max(0, pieces(k, h).get(0)[1]);
                total += cost;
                sea += k.mode() == LiftMode.SEA ? cost : 0;
            }
            return new Optimum(total, sea, false);
        }

        /**
         * How far the point with every commodity in its first piece passes the window rows: the
         * largest excess over a row's capacity, as a share of it (of 1 where the capacity is
         * smaller; at most 0 when the point keeps every row). With {@code firstOnly}, a positive
         * value for the first row it breaks.
         */
        double overload(boolean firstOnly) {
            int h = rx.horizon;
            Map<Commodity, Integer> firstDay = new IdentityHashMap<>();
            for (Commodity k : commodities) {
                firstDay.put(k, pieces(k, h).get(0)[0]);
            }
            double worst = Double.NEGATIVE_INFINITY;
            for (Relaxation.Resource r : resources) {
                BoundStop.check(rx.stop);
                double[] starts = r.starts();
                int m = starts.length;
                double[] ends = ends(r, h);
                int n = ends.length;
                // the rows of solveWithGlop at this point: S[i][j] sums P over starts from i on and
                // deadlines up to j, and may not pass the window's capacity
                double[][] sum = new double[m + 1][n];
                for (Commodity k : r.users) {
                    Integer day = firstDay.get(k);
                    if (day != null && day < h) {
                        sum[r.startIndex(starts, k)][cell(ends, r, k, day)] +=
                                r.coef(k) * k.weight();
                    }
                }
                for (int i = m - 1; i >= 0; i--) {
                    for (int j = 0; j < n; j++) {
                        sum[i][j] +=
                                sum[i + 1][j] + (j > 0 ? sum[i][j - 1] - sum[i + 1][j - 1] : 0);
                        double cap = r.capacity(starts[i], ends[j]);
                        // a point a hair over a capacity is let through: its value is still no
                        // more than the LP's optimum, so the bound stays valid
                        double over = (sum[i][j] - cap * (1 + 1e-9) - 1e-9) / Math.max(cap, 1.0);
                        if (over > 0 && firstOnly) {
                            return over;
                        }
                        worst = Math.max(worst, over);
                    }
                }
            }
            return worst;
        }

        /**
         * The deadlines of a resource's window rows, ascending: {@code 24(j+1) - o} for every day
         * {@code j} and each kept offset {@code o}. A unit of user {@code k} delivered on day
         * {@code d} must be done with the resource by {@code 24(d+1) - onwardOf(k)}; the offsets
         * are the users' {@code onwardOf} folded into one day above the least of them, at most
         * {@link Relaxation.Resource#deadlinesPerDay} evenly spaced of them (the least always
         * kept), and a unit joins the first deadline at or after its own, so a missing offset only
         * makes its deadline later.
         */
        static double[] ends(Relaxation.Resource r, int h) {
            double least = Double.POSITIVE_INFINITY;
            for (Commodity k : r.users) {
                least = Math.min(least, r.onwardOf(k));
            }
            TreeSet<Double> folded = new TreeSet<>();
            for (Commodity k : r.users) {
                double o = r.onwardOf(k) - least;
                folded.add(Math.round((o - 24.0 * Math.floor(o / 24.0)) * 1e6) / 1e6);
            }
            double[] all = folded.stream().mapToDouble(d -> d).toArray();
            int g = Math.min(all.length, r.deadlinesPerDay());
            double[] ends = new double[h * g];
            for (int j = 0; j < h; j++) {
                for (int q = 0; q < g; q++) {
                    // largest offset first: the earliest deadline of the day
                    double o = all[(int) ((long) (g - 1 - q) * all.length / g)];
                    ends[j * g + q] = 24.0 * (j + 1) - least - o;
                }
            }
            return ends;
        }

        /** The first of {@code ends} at or after the deadline of user k's units on day d. */
        static int cell(double[] ends, Relaxation.Resource r, Commodity k, int day) {
            double due = 24.0 * (day + 1) - r.onwardOf(k) - 1e-6;
            int i = java.util.Arrays.binarySearch(ends, due);
            i = i >= 0 ? i : -i - 1;
            return Math.min(i, ends.length - 1);
        }

        Optimum solveWithGlop() {
            Native.ensure();
            MPSolver solver = MPSolver.createSolver("GLOP");
            if (solver == null) {
                return null;
            }
            try {
                int h = rx.horizon;
                MPObjective obj = solver.objective();
                obj.setMinimization();
                Recorded lp = new Recorded(solver, obj);
                // x[k][p]: weight of commodity k at its destination in piece p of days (pieces())
                List<int[]> pieceDays = new ArrayList<>();
                List<MPVariable[]> x = new ArrayList<>();
                for (Commodity k : commodities) {
                    List<int[]> pieces = pieces(k, h);
                    MPVariable[] v = new MPVariable[pieces.size()];
                    int[] days = new int[v.length];
                    MPConstraint all = lp.row(k.weight());
                    for (int p = 0; p < v.length; p++) {
                        MPVariable var = lp.column(0, k.weight(), Math.max(0, pieces.get(p)[1]));
                        v[p] = var;
                        days[p] = pieces.get(p)[0];
                        lp.set(all, var, 1);
                    }
                    x.add(v);
                    pieceDays.add(days);
                }
                Map<Commodity, Integer> index = new IdentityHashMap<>();
                for (int i = 0; i < commodities.size(); i++) {
                    index.put(commodities.get(i), i);
                }
                for (Relaxation.Resource r : resources) {
                    BoundStop.check(rx.stop);
                    double[] starts = r.starts();
                    int m = starts.length;
                    double[] ends = ends(r, h);
                    int n = ends.length;
                    // S[i][j]: weight of users starting at or after starts[i] that must be done
                    // with the resource by ends[j]
                    MPVariable[][] sv = new MPVariable[m + 1][n];
                    MPConstraint[][] rows = new MPConstraint[m][n];
                    for (int i = 0; i < m; i++) {
                        for (int j = 0; j < n; j++) {
                            double cap = r.capacity(starts[i], ends[j]);
                            sv[i][j] = lp.column(0, cap, 0);
                            // S[i][j] - S[i+1][j] - S[i][j-1] + S[i+1][j-1] - P[i][j] = 0
                            MPConstraint row = lp.row(0);
                            lp.set(row, sv[i][j], 1);
                            rows[i][j] = row;
                        }
                    }
                    for (int i = 0; i < m; i++) {
                        for (int j = 0; j < n; j++) {
                            MPConstraint row = rows[i][j];
                            if (i + 1 < m) {
                                lp.set(row, sv[i + 1][j], -1);
                            }
                            if (j > 0) {
                                lp.set(row, sv[i][j - 1], -1);
                            }
                            if (i + 1 < m && j > 0) {
                                lp.set(row, sv[i + 1][j - 1], 1);
                            }
                        }
                    }
                    for (Commodity k : r.users) {
                        Integer kx = index.get(k);
                        if (kx == null) {
                            continue;
                        }
                        int ki = kx;
                        int i = r.startIndex(starts, k);
                        int[] days = pieceDays.get(ki);
                        MPVariable[] v = x.get(ki);

                        for (int p = 0; p < v.length; p++) {
                            int d = days[p];
                            if (d >= h) {
                                continue;
                            }
                            int j = cell(ends, r, k, d);
                            lp.set(rows[i][j], v[p], -r.coef(k));
                        }
                    }
                }
                lp.setSolverParameters();
                MPSolver.ResultStatus st = BoundStop.solve(solver, rx.stop);
                if (st != MPSolver.ResultStatus.OPTIMAL) {
                    return null;
                }
                double sea = 0;
                for (int i = 0; i < commodities.size(); i++) {
                    if (commodities.get(i).mode() == LiftMode.SEA) {
                        for (MPVariable v : x.get(i)) {
                            sea += v.solutionValue() * obj.getCoefficient(v);
                        }
                    }
                }
                // the bound is the dual one, worked out here from GLOP's row prices: valid for any
                // prices, so it does not rest on the solver's tolerances
                double dual = lp.dualBound();
                double primal = obj.value();
                sea = primal > 0 ? sea * Math.min(1, dual / primal) : 0;
                return new Optimum(dual, sea, true);
            } finally {
                solver.delete();
            }
        }
    }
}
