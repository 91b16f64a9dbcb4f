package muster.engine.bound;

import com.google.ortools.Loader;
import com.google.ortools.linearsolver.MPConstraint;
import com.google.ortools.linearsolver.MPObjective;
import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPVariable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
    private static final class Native {
        static {
            Loader.loadNativeLibraries();
        }

        static void ensure() {}
    }

    /** One class of one line, moved by AIR or SEA: the unit of the relaxation. */
    record Commodity(
            RequirementLine line,
            CargoClass cargoClass,
            double weight,
            double startHour,
            double earliestClosure,
            double onward,
            List<LiftType> types) {
        int earliestDay() {
            return (int) Math.floor(earliestClosure / 24.0);
        }
    }

    /** The full bound: earliest arrival strengthened by the window-capacity LP. */
    public static LowerBound compute(Scenario s) {
        return new Relaxation(s).solve();
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

    static final class Relaxation {
        final Scenario s;
        final Network net;
        final int horizon;
        final double pw;
        final List<Commodity> commodities = new ArrayList<>();
        double fixedLate;
        int fixedClosure = -1;
        boolean forcedUnmet;

        Relaxation(Scenario s) {
            this.s = s;
            this.net = new Network(s);
            this.horizon = s.planning().horizonDays();
            this.pw = s.planning().paxWeightStons();
            build();
        }

        private void build() {
            for (RequirementLine l : s.requirements()) {
                if (l.mode() == LineMode.LAND) {
                    double c = LineTimes.landClosureHour(net, l);
                    int day = Math.min((int) Math.floor(c / 24), horizon);
                    fixedLate += l.weight(pw) * Math.max(0, day - l.rdd());
                    if (day < horizon) {
                        fixedClosure = Math.max(fixedClosure, day);
                    } else {
                        forcedUnmet = true;
                    }
                    continue;
                }
                if (l.pax() > 0) {
                    add(l, CargoClass.PAX, l.pax() * pw, l.pax());
                }
                for (CargoEntry e : l.cargo()) {
                    if (e.stons() > 0) {
                        add(l, e.cargoClass(), e.stons(), e.stons());
                    }
                }
            }
        }

        private void add(RequirementLine l, CargoClass c, double weight, double amount) {
            LiftMode mode = l.mode().liftMode();
            double ready = LineTimes.readyHour(net, l);
            double onward = LineTimes.onwardHours(net, l);
            double best = Double.POSITIVE_INFINITY;
            double bestStart = Double.POSITIVE_INFINITY;
            List<LiftType> types = new ArrayList<>();
            for (LiftType t : s.lift()) {
                if (t.mode() != mode || !t.canTake(c)) {
                    continue;
                }
                boolean any = false;
                for (Route r : net.channels(mode, l.poe(), l.pod())) {
                    if (net.longestLegNm(r) > t.rangeNm()) {
                        continue;
                    }
                    any = true;
                    double start = Math.max(ready, 24.0 * t.availableFromDay());
                    double arrive =
                            Math.max(
                                    start + t.groundHours().onload() + transitHours(t, r),
                                    24.0 * l.ead());
                    best = Math.min(best, arrive + t.groundHours().offload() + onward);
                    bestStart = Math.min(bestStart, start);
                }
                if (any) {
                    types.add(t);
                }
            }
            if (types.isEmpty()) {
                // nothing can ever carry it: it stays unmet in every plan
                fixedLate += weight * Math.max(0, horizon - l.rdd());
                forcedUnmet = true;
                return;
            }
            commodities.add(new Commodity(l, c, weight, bestStart, best, onward, types));
        }

        /** Flight hours plus en-route ground hours of a loaded route, onload to offload arrival. */
        double transitHours(LiftType t, Route r) {
            double h = 0;
            int legs = r.points().size() - 1;
            for (int i = 0; i < legs; i++) {
                h += net.legNm(r, i) / t.speedKnots();
            }
            return h + (legs - 1) * t.groundHours().enroute();
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

        LowerBound solve() {
            double trivial = trivialLate();
            int closure = trivialClosure();
            List<Resource> resources = resources();
            int capClosure = closure;
            while (capClosure < horizon && !fitsBy(capClosure, resources)) {
                capClosure++;
            }
            double lp = Double.NaN;
            String note = "";
            if (!commodities.isEmpty()) {
                lp = new WindowLp(this, resources).solve();
                if (Double.isNaN(lp)) {
                    note = " (LP not solved; earliest arrival only)";
                }
            }
            double late = Double.isNaN(lp) ? trivial : Math.max(trivial, fixedLate + lp);
            // guard against round-off of the LP solver making the bound a hair too high
            late = Math.max(0, late - 1e-6 * Math.max(1, late));
            String method =
                    Double.isNaN(lp)
                            ? METHOD_TRIVIAL + note
                            : METHOD_LP
                                    + ": earliest arrival + POE/POD ground throughput (MOG, berths)"
                                    + " + fleet cycle capacity + ship deck area over time windows, GLOP";
            return new LowerBound(Math.min(capClosure, horizon), late, method);
        }

        /**
         * Whether everything could be delivered by the end of day {@code day} under the window
         * capacities (the closure bound of step 4).
         */
        boolean fitsBy(int day, List<Resource> resources) {
            for (Commodity k : commodities) {
                if (k.earliestDay() > day) {
                    return false;
                }
            }
            for (Relaxation.Resource r : resources) {
                double[] starts = r.starts();
                for (int i = 0; i < starts.length; i++) {
                    // units that start no earlier than starts[i], as a function of deadline
                    List<double[]> due = new ArrayList<>();
                    for (Commodity k : r.users) {
                        if (k.startHour() >= starts[i]) {
                            due.add(
                                    new double[] {
                                        24.0 * (day + 1) - k.onward(), k.weight() * r.coef(k)
                                    });
                        }
                    }
                    due.sort((x, y) -> Double.compare(x[0], y[0]));
                    double sum = 0;
                    for (double[] u : due) {
                        sum += u[1];
                        if (sum > r.capacity(starts[i], u[0]) * (1 + 1e-9) + 1e-9) {
                            return false;
                        }
                    }
                }
            }
            return true;
        }

        /** A capacity that limits how much weight can be handled inside a time window. */
        abstract static class Resource {
            final String name;
            final List<Commodity> users = new ArrayList<>();

            Resource(String name) {
                this.name = name;
            }

            /** Upper bound on the weight of its users handled wholly inside [from, to]. */
            abstract double capacity(double from, double to);

            /** Units of this resource one ston-equivalent of the commodity uses (1: weight). */
            double coef(Commodity k) {
                return 1.0;
            }

            double[] starts() {
                TreeSet<Double> a = new TreeSet<>();
                for (Commodity k : users) {
                    a.add(Math.floor(k.startHour()));
                }
                if (a.size() > 64) {
                    TreeSet<Double> coarse = new TreeSet<>();
                    for (double x : a) {
                        coarse.add(24.0 * Math.floor(x / 24.0));
                    }
                    a = coarse;
                }
                double[] out = new double[a.size()];
                int i = 0;
                for (double x : a) {
                    out[i++] = x;
                }
                return out;
            }
        }

        /** Onload (at a POE) or offload (at a POD) ground time under MOG or berths. */
        static final class GroundResource extends Resource {
            final double weightPerSlotHour;

            GroundResource(String name, int slots, double weightPerHour) {
                super(name);
                this.weightPerSlotHour = slots * weightPerHour;
            }

            @Override
            double capacity(double from, double to) {
                return Math.max(0, to - from) * weightPerSlotHour;
            }
        }

        /** Loaded segments of the tails of some lift types: one per cycle per tail. */
        static class FleetResource extends Resource {
            final List<double[]> fleets; // count, payload, cycle hours, available hour

            FleetResource(String name, List<double[]> fleets) {
                super(name);
                this.fleets = fleets;
            }

            @Override
            double capacity(double from, double to) {
                double c = 0;
                for (double[] f : fleets) {
                    double len = to - Math.max(from, f[3]);
                    if (len > 0) {
                        c += f[0] * f[1] * Math.floor(len / f[2] + 1e-9);
                    }
                }
                return c;
            }
        }

        /**
         * Deck area of the ships over time windows: a voyage's loaded segment holds at most its
         * sqftCapacity (rule 6) and lasts at least one cycle; each ston of a SEA line's class takes
         * that entry's sqft per ston.
         */
        static final class DeckResource extends FleetResource {
            DeckResource(String name, List<double[]> fleets) {
                super(name, fleets);
            }

            @Override
            double coef(Commodity k) {
                return k.line().cargoOf(k.cargoClass()).map(CargoEntry::sqftPerSton).orElse(0.0);
            }
        }

        private List<Commodity> deck(Map<String, Resource> byKey) {
            Resource r =
                    byKey.computeIfAbsent(
                            "deck SEA",
                            k -> {
                                List<double[]> fleets = new ArrayList<>();
                                for (LiftType t : s.lift()) {
                                    if (t.mode() != LiftMode.SEA || t.sqftCapacity() <= 0) {
                                        continue;
                                    }
                                    double cyc = minCycle(t);
                                    if (cyc <= 0) {
                                        return NONE_SENTINEL;
                                    }
                                    if (Double.isInfinite(cyc)) {
                                        continue;
                                    }
                                    fleets.add(
                                            new double[] {
                                                t.count(),
                                                t.sqftCapacity(),
                                                cyc,
                                                24.0 * t.availableFromDay()
                                            });
                                }
                                return new DeckResource(k, fleets);
                            });
            return r == NONE_SENTINEL
                    ? unbounded.computeIfAbsent("deck SEA", x -> new ArrayList<>())
                    : r.users;
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

        double minCycle(LiftType t) {
            double best = Double.POSITIVE_INFINITY;
            for (Route r : s.routes()) {
                if (r.isChannel()
                        && r.mode().liftMode() == t.mode()
                        && net.longestLegNm(r) <= t.rangeNm()) {
                    best = Math.min(best, transitHours(t, r));
                }
            }
            return best + t.groundHours().onload() + t.groundHours().offload();
        }

        List<Resource> resources() {
            List<Resource> out = new ArrayList<>();
            Map<String, Resource> byKey = new LinkedHashMap<>();
            for (Commodity k : commodities) {
                LiftMode mode = k.line().mode().liftMode();
                ground(byKey, "onload " + k.line().poe(), k.line().poe(), mode, true).add(k);
                ground(byKey, "offload " + k.line().pod(), k.line().pod(), mode, false).add(k);
                fleet(byKey, mode, k.cargoClass()).add(k);
                fleet(byKey, mode, null).add(k);
                if (mode == LiftMode.SEA && k.cargoClass() != CargoClass.PAX) {
                    deck(byKey).add(k);
                }
            }
            for (Resource r : byKey.values()) {
                if (r != NONE_SENTINEL && !r.users.isEmpty()) {
                    out.add(r);
                }
            }
            return out;
        }

        private static final Resource NONE_SENTINEL = new GroundResource("none", 0, 0);

        private final Map<String, List<Commodity>> unbounded = new HashMap<>();

        private List<Commodity> ground(
                Map<String, Resource> byKey,
                String key,
                String nodeId,
                LiftMode mode,
                boolean onload) {
            Resource r =
                    byKey.computeIfAbsent(
                            key,
                            k -> {
                                Node n = net.node(nodeId);
                                int slots = n.kind() == NodeKind.SEAPORT ? n.berths() : n.mog();
                                double rate = 0;
                                for (LiftType t : s.lift()) {
                                    if (t.mode() != mode) {
                                        continue;
                                    }
                                    double h =
                                            onload
                                                    ? t.groundHours().onload()
                                                    : t.groundHours().offload();
                                    if (h <= 0) {
                                        return NONE_SENTINEL;
                                    }
                                    rate = Math.max(rate, payload(t, null) / h);
                                }
                                return new GroundResource(k, slots, rate);
                            });
            return r == NONE_SENTINEL
                    ? unbounded.computeIfAbsent(key, x -> new ArrayList<>())
                    : r.users;
        }

        private List<Commodity> fleet(Map<String, Resource> byKey, LiftMode mode, CargoClass c) {
            String key = "fleet " + mode + " " + (c == null ? "all" : c.name());
            Resource r =
                    byKey.computeIfAbsent(
                            key,
                            k -> {
                                List<double[]> fleets = new ArrayList<>();
                                for (LiftType t : s.lift()) {
                                    if (t.mode() != mode || (c != null && !t.canTake(c))) {
                                        continue;
                                    }
                                    double cyc = minCycle(t);
                                    if (cyc <= 0 || Double.isInfinite(cyc)) {
                                        if (cyc <= 0) {
                                            return NONE_SENTINEL;
                                        }
                                        continue;
                                    }
                                    fleets.add(
                                            new double[] {
                                                t.count(),
                                                payload(t, c),
                                                cyc,
                                                24.0 * t.availableFromDay()
                                            });
                                }
                                return new FleetResource(k, fleets);
                            });
            return r == NONE_SENTINEL
                    ? unbounded.computeIfAbsent(key, x -> new ArrayList<>())
                    : r.users;
        }
    }

    /** The lateness LP over delivery days with 2-D prefix sums per resource. */
    static final class WindowLp {
        final Relaxation rx;
        final List<Relaxation.Resource> resources;

        WindowLp(Relaxation rx, List<Relaxation.Resource> resources) {
            this.rx = rx;
            this.resources = new ArrayList<>(resources);
        }

        double solve() {
            Native.ensure();
            MPSolver solver = MPSolver.createSolver("GLOP");
            if (solver == null) {
                return Double.NaN;
            }
            try {
                int h = rx.horizon;
                MPObjective obj = solver.objective();
                obj.setMinimization();
                // x[k][d]: weight of commodity k at its destination on day d; index h = unmet.
                // Days before max(earliest, rdd) collapse into that day (no lateness either way,
                // and the latest deadline, so the relaxation only gets looser).
                List<int[]> pieceDays = new ArrayList<>();
                List<MPVariable[]> x = new ArrayList<>();
                int idx = 0;
                for (Commodity k : rx.commodities) {
                    int first = Math.min(h, Math.max(k.earliestDay(), k.line().rdd()));
                    MPVariable[] v = new MPVariable[h + 1 - first];
                    MPConstraint all = solver.makeConstraint(k.weight(), k.weight());
                    int[] days = new int[v.length];
                    for (int d = first; d <= h; d++) {
                        MPVariable var = solver.makeNumVar(0, k.weight(), "x" + idx + "_" + d);
                        v[d - first] = var;
                        days[d - first] = d;
                        all.setCoefficient(var, 1);
                        obj.setCoefficient(var, Math.max(0, d - k.line().rdd()));
                    }
                    x.add(v);
                    pieceDays.add(days);
                    idx++;
                }
                Map<Commodity, Integer> index = new HashMap<>();
                for (int i = 0; i < rx.commodities.size(); i++) {
                    index.put(rx.commodities.get(i), i);
                }
                int rn = 0;
                for (Relaxation.Resource r : resources) {
                    double[] starts = r.starts();
                    int m = starts.length;
                    double minOnward = Double.POSITIVE_INFINITY;
                    for (Commodity k : r.users) {
                        minOnward = Math.min(minOnward, k.onward());
                    }
                    // S[i][j]: weight of users starting at or after starts[i], delivered with
                    // offload departure at or before T_j = 24(j+1) - minOnward
                    MPVariable[][] sv = new MPVariable[m + 1][h];
                    MPConstraint[][] rows = new MPConstraint[m][h];
                    for (int i = 0; i < m; i++) {
                        for (int j = 0; j < h; j++) {
                            double cap = r.capacity(starts[i], 24.0 * (j + 1) - minOnward);
                            sv[i][j] = solver.makeNumVar(0, cap, "s" + rn + "_" + i + "_" + j);
                            // S[i][j] - S[i+1][j] - S[i][j-1] + S[i+1][j-1] - P[i][j] = 0
                            MPConstraint row = solver.makeConstraint(0, 0);
                            row.setCoefficient(sv[i][j], 1);
                            rows[i][j] = row;
                        }
                    }
                    for (int i = 0; i < m; i++) {
                        for (int j = 0; j < h; j++) {
                            MPConstraint row = rows[i][j];
                            if (i + 1 < m) {
                                row.setCoefficient(sv[i + 1][j], -1);
                            }
                            if (j > 0) {
                                row.setCoefficient(sv[i][j - 1], -1);
                            }
                            if (i + 1 < m && j > 0) {
                                row.setCoefficient(sv[i + 1][j - 1], 1);
                            }
                        }
                    }
                    for (Commodity k : r.users) {
                        int ki = index.get(k);
                        double a = Math.floor(k.startHour());
                        int i = m - 1;
                        while (i > 0 && starts[i] > a) {
                            i--;
                        }
                        int[] days = pieceDays.get(ki);
                        MPVariable[] v = x.get(ki);
                        int shift = (int) Math.floor((k.onward() - minOnward) / 24.0 + 1e-9);
                        for (int p = 0; p < v.length; p++) {
                            int d = days[p];
                            if (d >= h) {
                                continue;
                            }
                            int j = Math.max(0, d - shift);
                            rows[i][j].setCoefficient(v[p], -r.coef(k));
                        }
                    }
                    rn++;
                }
                MPSolver.ResultStatus st = solver.solve();
                if (st != MPSolver.ResultStatus.OPTIMAL) {
                    return Double.NaN;
                }
                // the dual bound is the safe side; GLOP is primal-dual optimal here
                return obj.value();
            } finally {
                solver.delete();
            }
        }
    }
}
