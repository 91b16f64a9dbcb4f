package muster.engine.bound;

import com.google.ortools.linearsolver.MPConstraint;
import com.google.ortools.linearsolver.MPObjective;
import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPVariable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.ToIntFunction;
import muster.engine.bound.LowerBounds.Carrier;
import muster.engine.bound.LowerBounds.Commodity;
import muster.model.CargoClass;
import muster.model.LiftMode;
import muster.model.LiftType;
import muster.model.Route;

/**
 * Whole ship voyages (docs/bounds.md, step 6): a mixed-integer relaxation of the sea part of the
 * movement model in which every loaded ship segment is a whole voyage on one POE-POD channel that
 * holds a berth at its POE for the type's onload hours and at its POD for its offload hours,
 * however little it carries. The window LP shares ships out over channels fractionally and so
 * cannot see that a ship loading for one POD carries nothing for another; this model can.
 *
 * <p>Time is cut into slots of {@link #SLOT} hours. {@code y[o][d]} counts the segments of option
 * {@code o} (a lift type and one of its loaded routes) whose ONLOAD stop departs in slot {@code d}.
 * Each such segment surely holds a berth, a hull and its deck over the slots its least ground and
 * sea time covers whatever the hour in the slot; counting only those keeps every row valid. Cargo
 * is pooled in groups with one POE-POD channel, one ready slot and one deadline slot, with weight
 * and deck area as two flows whose ratio stays within that of the group's lines. A group's flow on
 * one option and slot is at most its weight times {@code y}: true of every whole number of
 * segments, it is what keeps the LP relaxation from sending a tenth of a ship on every channel.
 *
 * <p>SCIP stops at a fixed node count, never a clock, and its proven dual bound is used, so the
 * result is a valid bound whether or not the search finished. Models too large for that get their
 * LP relaxation solved by GLOP, and larger ones are left out.
 */
final class VoyageMip {
    /** Hours per time slot. */
    static final double SLOT = 12.0;

    /** Branch-and-bound nodes SCIP may explore; the dual bound is valid at any point. */
    static final int NODE_LIMIT = 1000;

    /**
     * Most flow columns for which SCIP branches on whole segments. The bundled scenario has about
     * 2,600 (SCIP proves its optimum in seconds); a generated S about 10,000, where SCIP's root
     * node alone takes most of a minute.
     */
    static final int MAX_COLUMNS = 5_000;

    /**
     * Most flow columns for which the model's LP relaxation is solved instead (GLOP): still a
     * bound, and with the rows that tie flows to whole segments it can see what the window LP
     * cannot (the caller takes the larger). A generated S takes seconds; a generated M has about
     * 124,000 columns, for which GLOP took over 20 minutes with its defaults and 11 minutes with
     * {@link LowerBounds#GLOP_PARAMETERS} (2,584 ston-days on seed 1, against 189,346 in the plan).
     */
    static final int MAX_LP_COLUMNS = 20_000;

    private final LowerBounds.Relaxation rx;
    private final int horizon;
    private final int nodeLimit;
    private final int maxColumns;

    /** A lift type with one loaded route of a channel. */
    private record Option(LiftType type, Route route, double transit, int first, int last) {
        String poe() {
            return route.from();
        }

        String pod() {
            return route.to();
        }

        /** A segment's POD stop follows its ONLOAD by exactly the sea time (no en-route stop). */
        boolean direct() {
            return route.via().isEmpty();
        }
    }

    /** Cargo or people of one channel with one ready slot and one deadline slot. */
    private static final class Group {
        final String poe;
        final String pod;
        final boolean pax;
        final Map<String, Double> startByType = new HashMap<>();
        final Map<String, List<Route>> routesByType = new HashMap<>();
        double deadline = Double.NEGATIVE_INFINITY; // latest offload departure on time
        int rdd = Integer.MIN_VALUE;
        double earliestClosure = Double.POSITIVE_INFINITY;
        double weight;
        double area;
        double minRho = Double.POSITIVE_INFINITY;
        double maxRho = 0;
        Map<String, LiftType> types = new LinkedHashMap<>();

        Group(String poe, String pod, boolean pax) {
            this.poe = poe;
            this.pod = pod;
            this.pax = pax;
        }
    }

    /** What the model gave: the sea lateness bound, or NaN when it was left out or not solved. */
    record Result(double late, String note) {}

    VoyageMip(LowerBounds.Relaxation rx) {
        this(rx, NODE_LIMIT, MAX_COLUMNS);
    }

    /** With other limits: tests take the LP relaxation of a small model by a limit of 0. */
    VoyageMip(LowerBounds.Relaxation rx, int nodeLimit, int maxColumns) {
        this.rx = rx;
        this.horizon = rx.horizon;
        this.nodeLimit = nodeLimit;
        this.maxColumns = maxColumns;
    }

    Result solve() {
        List<Group> groups = groups();
        if (groups.isEmpty()) {
            return new Result(0, "");
        }
        List<Option> options = options(groups);
        long columns = 0;
        for (Group g : groups) {
            for (Option o : options) {
                if (fits(g, o)) {
                    columns += Math.max(0, o.last - firstSlot(g, o) + 1) * (g.pax ? 1L : 2L);
                }
            }
        }
        if (columns > MAX_LP_COLUMNS) {
            return new Result(
                    Double.NaN,
                    "whole voyages per channel left out ("
                            + columns
                            + " columns, above "
                            + MAX_LP_COLUMNS
                            + ")");
        }
        boolean integer = columns <= maxColumns;
        LowerBounds.Native.ensure();
        String name = integer ? "SCIP" : "GLOP";
        MPSolver solver = MPSolver.createSolver(name);
        if (solver == null) {
            return new Result(
                    Double.NaN,
                    "whole voyages per channel not solved (" + name + " not available)");
        }
        try {
            return build(solver, groups, options, integer);
        } finally {
            solver.delete();
        }
    }

    private Result build(
            MPSolver solver, List<Group> groups, List<Option> options, boolean integer) {
        MPObjective obj = solver.objective();
        obj.setMinimization();
        // segments and their capacity rows
        int oc = options.size();
        MPVariable[][] y = new MPVariable[oc][];
        MPConstraint[][] weightRow = new MPConstraint[oc][];
        MPConstraint[][] areaRow = new MPConstraint[oc][];
        for (int i = 0; i < oc; i++) {
            Option o = options.get(i);
            int n = Math.max(0, o.last - o.first + 1);
            y[i] = new MPVariable[n];
            weightRow[i] = new MPConstraint[n];
            areaRow[i] = new MPConstraint[n];
            double most = integer ? MPSolver.infinity() : segmentsPerSlot(o, groups);
            for (int j = 0; j < n; j++) {
                y[i][j] = integer ? solver.makeIntVar(0, most, "") : solver.makeNumVar(0, most, "");
                weightRow[i][j] = solver.makeConstraint(Double.NEGATIVE_INFINITY, 0);
                weightRow[i][j].setCoefficient(y[i][j], -1);
                if (o.type.usesDeckArea()) {
                    areaRow[i][j] = solver.makeConstraint(Double.NEGATIVE_INFINITY, 0);
                    areaRow[i][j].setCoefficient(y[i][j], -1);
                }
            }
        }
        // flows: each group's weight (and deck area) is carried by segments or left unmet
        for (Group g : groups) {
            MPConstraint allWeight = solver.makeConstraint(g.weight, g.weight);
            MPConstraint allArea = g.pax ? null : solver.makeConstraint(g.area, g.area);
            MPVariable unmet = solver.makeNumVar(0, g.weight, "");
            allWeight.setCoefficient(unmet, 1);
            obj.setCoefficient(unmet, Math.max(0, horizon - g.rdd));
            if (allArea != null) {
                MPVariable unmetArea = solver.makeNumVar(0, g.area, "");
                allArea.setCoefficient(unmetArea, 1);
                ratio(solver, unmet, unmetArea, g);
            }
            for (int i = 0; i < oc; i++) {
                Option o = options.get(i);
                if (!fits(g, o)) {
                    continue;
                }
                LiftType t = o.type;
                for (int d = firstSlot(g, o); d <= o.last; d++) {
                    double late = lateness(g, o, d);
                    if (Double.isNaN(late)) {
                        continue; // delivered after the horizon: the unmet column covers it
                    }
                    MPVariable w = solver.makeNumVar(0, g.weight, "");
                    allWeight.setCoefficient(w, 1);
                    // a segment carries at most all of the group: w <= weight * y holds for every
                    // whole number of segments, and keeps the LP from sharing a voyage out
                    MPConstraint link = solver.makeConstraint(Double.NEGATIVE_INFINITY, 0);
                    link.setCoefficient(w, 1);
                    link.setCoefficient(y[i][d - o.first], -g.weight);
                    obj.setCoefficient(w, late);
                    int j = d - o.first;
                    if (g.pax) {
                        double seats = 1.0 / (t.paxCapacity() * rx.pw);
                        weightRow[i][j].setCoefficient(w, seats);
                        if (areaRow[i][j] != null) {
                            areaRow[i][j].setCoefficient(w, seats);
                        }
                    } else {
                        weightRow[i][j].setCoefficient(w, 1.0 / t.stonsCapacity());
                        MPVariable a = solver.makeNumVar(0, g.area, "");
                        allArea.setCoefficient(a, 1);
                        ratio(solver, w, a, g);
                        if (areaRow[i][j] != null) {
                            areaRow[i][j].setCoefficient(a, 1.0 / t.sqftCapacity());
                        }
                    }
                }
            }
        }
        occupancyRows(solver, options, y);
        fleetRows(solver, options, y);
        if (!integer && !solver.setSolverSpecificParametersAsString(LowerBounds.GLOP_PARAMETERS)) {
            return new Result(
                    Double.NaN,
                    "whole voyages per channel not solved (GLOP refused its parameters)");
        }
        if (integer
                && !solver.setSolverSpecificParametersAsString(
                        "limits/nodes = " + nodeLimit + "\nrandomization/randomseedshift = 0\n")) {
            return new Result(
                    Double.NaN,
                    "whole voyages per channel not solved (SCIP refused its node limit)");
        }
        MPSolver.ResultStatus st = BoundStop.solve(solver, rx.stop);
        if (st == MPSolver.ResultStatus.INFEASIBLE
                || st == MPSolver.ResultStatus.ABNORMAL
                || st == MPSolver.ResultStatus.MODEL_INVALID
                || st == MPSolver.ResultStatus.UNBOUNDED) {
            return new Result(Double.NaN, "whole voyages per channel not solved (" + st + ")");
        }
        if (!integer) {
            if (st != MPSolver.ResultStatus.OPTIMAL) {
                return new Result(
                        Double.NaN, "whole voyages per channel not solved (GLOP: " + st + ")");
            }
            // the dual bound from GLOP's row prices, valid whatever the solver's round-off
            return new Result(
                    Math.max(0, LowerBounds.dualBoundOf(solver)),
                    "whole voyages per channel, LP relaxation (GLOP; above "
                            + maxColumns
                            + " columns for SCIP)");
        }
        double bound = obj.bestBound();
        if (Double.isNaN(bound) || Double.isInfinite(bound)) {
            return new Result(Double.NaN, "whole voyages per channel gave no bound (" + st + ")");
        }
        String how =
                st == MPSolver.ResultStatus.OPTIMAL
                        ? "whole voyages per channel, SCIP (solved)"
                        : "whole voyages per channel, SCIP (its bound after "
                                + nodeLimit
                                + " nodes)";
        return new Result(Math.max(0, bound), how);
    }

    /**
     * An upper bound on the segments of the option that depart in one slot, so that the dual bound
     * of the LP relaxation has finite columns to price. One hull's departures on the option are at
     * least its onload, sea time, offload and the empty leg back to the POE apart, so a hull makes
     * at most {@code floor(SLOT / cycle) + 1} of them in a slot (one where a ship's ground time
     * runs to days, as many as four on a short hop that a fast ship turns round in hours). Where
     * that cycle is 0, the segments that hold all the cargo of the groups the option can carry, and
     * one more: a solution with more in a slot keeps every row and its cost with {@code y} lowered
     * to that many, since the flow rows need no more and the berth, hull and fleet rows only gain
     * room.
     */
    private double segmentsPerSlot(Option o, List<Group> groups) {
        LiftType t = o.type;
        double cycle =
                t.groundHours().onload()
                        + o.transit
                        + t.groundHours().offload()
                        + rx.emptyLegs.nm(LiftMode.SEA, o.pod(), o.poe()) / t.speedKnots();
        if (cycle > 0) {
            return t.count() * (Math.floor(SLOT / cycle + 1e-6) + 1);
        }
        double loads = 1;
        for (Group g : groups) {
            if (!fits(g, o)) {
                continue;
            }
            if (g.pax) {
                loads += g.weight / (t.paxCapacity() * rx.pw);
            } else {
                loads +=
                        Math.max(
                                g.weight / t.stonsCapacity(),
                                t.usesDeckArea() ? g.area / t.sqftCapacity() : 0);
            }
        }
        return Math.ceil(loads);
    }

    /** The group's deck area per ston stays between its lines' least and greatest. */
    private static void ratio(MPSolver solver, MPVariable w, MPVariable a, Group g) {
        MPConstraint lo = solver.makeConstraint(0, Double.POSITIVE_INFINITY);
        lo.setCoefficient(a, 1);
        lo.setCoefficient(w, -g.minRho);
        MPConstraint hi = solver.makeConstraint(0, Double.POSITIVE_INFINITY);
        hi.setCoefficient(a, -1);
        hi.setCoefficient(w, g.maxRho);
    }

    /**
     * Berths at POE and POD, and hulls of each type, at every slot: a segment departing in slot d
     * surely holds its POE berth over [d·SLOT + SLOT - onload, d·SLOT), its hull from then to
     * d·SLOT + transit + offload, and (when no en-route stop can delay it) its POD berth over
     * [(d+1)·SLOT + transit, d·SLOT + transit + offload). Slots wholly inside those spans count.
     */
    private void occupancyRows(MPSolver solver, List<Option> options, MPVariable[][] y) {
        Map<String, TreeMap<Integer, List<MPVariable>>> berth = new LinkedHashMap<>();
        Map<String, TreeMap<Integer, List<MPVariable>>> hull = new LinkedHashMap<>();
        for (int i = 0; i < options.size(); i++) {
            Option o = options.get(i);
            LiftType t = o.type;
            double on = t.groundHours().onload();
            double off = t.groundHours().offload();
            for (int j = 0; j < y[i].length; j++) {
                int d = o.first + j;
                double s0 = d * SLOT;
                double s1 = s0 + SLOT;
                cover(berth, o.poe(), s1 - on, s0, y[i][j]);
                if (o.direct()) {
                    cover(berth, o.pod(), s1 + o.transit, s0 + o.transit + off, y[i][j]);
                }
                cover(hull, t.id(), s1 - on, s0 + o.transit + off, y[i][j]);
            }
        }
        capRows(solver, berth, node -> rx.net.node(node).berths());
        capRows(solver, hull, type -> rx.net.liftType(type).count());
    }

    /**
     * At each cell of each key, the segments that surely hold one of its units number at most its
     * count.
     */
    private static void capRows(
            MPSolver solver,
            Map<String, TreeMap<Integer, List<MPVariable>>> rows,
            ToIntFunction<String> units) {
        for (Map.Entry<String, TreeMap<Integer, List<MPVariable>>> e : rows.entrySet()) {
            int cap = units.applyAsInt(e.getKey());
            for (List<MPVariable> vs : e.getValue().values()) {
                if (vs.size() > 1) {
                    MPConstraint c = solver.makeConstraint(Double.NEGATIVE_INFINITY, cap);
                    for (MPVariable v : vs) {
                        c.setCoefficient(v, c.getCoefficient(v) + 1);
                    }
                }
            }
        }
    }

    private static void cover(
            Map<String, TreeMap<Integer, List<MPVariable>>> rows,
            String key,
            double from,
            double to,
            MPVariable v) {
        int a = (int) Math.ceil(from / SLOT - 1e-9);
        int b = (int) Math.floor(to / SLOT + 1e-9); // slots a .. b-1 lie wholly in [from, to)
        for (int s = a; s < b; s++) {
            rows.computeIfAbsent(key, k -> new TreeMap<>())
                    .computeIfAbsent(s, k -> new ArrayList<>())
                    .add(v);
        }
    }

    /**
     * Hull time with the empty legs between segments (rules 3 and 7): one hull's segments whose
     * least spans lie inside [24·availableFromDay, B] take their least hours plus, between each
     * two, at least the shortest empty leg from a POD of the type to a POE of it. So over the
     * segments whose least spans surely end by B, the sum of (least hours + that leg) is at most
     * count · (B - start + that leg).
     */
    private void fleetRows(MPSolver solver, List<Option> options, MPVariable[][] y) {
        Map<String, List<Integer>> byType = new LinkedHashMap<>();
        for (int i = 0; i < options.size(); i++) {
            byType.computeIfAbsent(options.get(i).type.id(), k -> new ArrayList<>()).add(i);
        }
        for (List<Integer> idx : byType.values()) {
            LiftType t = options.get(idx.get(0)).type;
            double back = Double.POSITIVE_INFINITY;
            for (int i : idx) {
                for (int k : idx) {
                    back =
                            Math.min(
                                    back,
                                    rx.emptyLegs.nm(
                                                    LiftMode.SEA,
                                                    options.get(i).pod(),
                                                    options.get(k).poe())
                                            / t.speedKnots());
                }
            }
            double start = 24.0 * t.availableFromDay();
            double on = t.groundHours().onload();
            double off = t.groundHours().offload();
            // the least span of segment (i, d), from its onload start to the end of its least
            // offload, ends by (d + 1)·SLOT + transit + offload; one hull's least spans are
            // disjoint, with an empty leg between each two
            TreeMap<Integer, List<double[]>> byEnd = new TreeMap<>();
            int lastEnd = Integer.MIN_VALUE;
            for (int i : idx) {
                Option o = options.get(i);
                for (int j = 0; j < y[i].length; j++) {
                    int d = o.first + j;
                    double end = (d + 1) * SLOT + o.transit + off;
                    int e = (int) Math.ceil(end / SLOT - 1e-9);
                    byEnd.computeIfAbsent(e, k -> new ArrayList<>())
                            .add(new double[] {i, j, on + o.transit + off + back});
                    lastEnd = Math.max(lastEnd, e);
                }
            }
            List<double[]> seen = new ArrayList<>();
            for (Map.Entry<Integer, List<double[]>> e : byEnd.entrySet()) {
                seen.addAll(e.getValue());
                double span = e.getKey() * SLOT - start + back;
                if (seen.size() < 2) {
                    continue;
                }
                MPConstraint c = solver.makeConstraint(Double.NEGATIVE_INFINITY, t.count() * span);
                for (double[] s : seen) {
                    c.setCoefficient(y[(int) s[0]][(int) s[1]], s[2]);
                }
            }
        }
    }

    /** Whether a segment of the option can carry the group (its type, channel and route). */
    private static boolean fits(Group g, Option o) {
        if (!g.poe.equals(o.poe()) || !g.pod.equals(o.pod())) {
            return false;
        }
        List<Route> routes = g.routesByType.get(o.type.id());
        return routes != null && routes.contains(o.route);
    }

    /** The first slot in which a segment of the option could depart with some of the group. */
    private static int firstSlot(Group g, Option o) {
        double start = g.startByType.get(o.type.id());
        int d = (int) Math.floor((start + o.type.groundHours().onload()) / SLOT + 1e-9);
        return Math.max(d, o.first);
    }

    /**
     * Late days of the group's ston-equivalents on a segment departing in slot d, or NaN when they
     * would reach their destination after the horizon. The offload departs no earlier than d·SLOT +
     * transit + offload; with the deadline D (latest offload departure on time) the closure day is
     * at least rdd + 1 + floor((X - D) / 24).
     */
    private double lateness(Group g, Option o, int d) {
        double x = d * SLOT + o.transit + o.type.groundHours().offload();
        int day = g.rdd + 1 + (int) Math.floor((x - g.deadline) / 24.0);
        day = Math.max(day, (int) Math.floor(g.earliestClosure / 24.0));
        if (day >= horizon) {
            return Double.NaN;
        }
        return Math.max(0, day - g.rdd);
    }

    private List<Group> groups() {
        Map<String, Group> byKey = new LinkedHashMap<>();
        for (Commodity k : rx.commodities) {
            if (k.mode() != LiftMode.SEA) {
                continue;
            }
            boolean pax = k.cargoClass() == CargoClass.PAX;
            double ready = LineTimes.readyHour(rx.net, k.line());
            double deadline = 24.0 * (k.line().rdd() + 1) - k.onward();
            StringBuilder key =
                    new StringBuilder()
                            .append(k.line().poe())
                            .append('>')
                            .append(k.line().pod())
                            .append(pax ? "|P|" : "|C|")
                            .append((int) Math.floor(ready / SLOT))
                            .append('|')
                            .append((int) Math.ceil(deadline / SLOT - 1e-9));
            for (Carrier c : k.carriers()) {
                key.append('|').append(c.type().id());
                for (Route r : c.routes()) {
                    key.append(',').append(r.id() == null ? r.points().toString() : r.id());
                }
            }
            Group g =
                    byKey.computeIfAbsent(
                            key.toString(), s -> new Group(k.line().poe(), k.line().pod(), pax));
            // a later deadline, a later rdd and an earlier start only loosen the relaxation
            double deadlineUp = Math.ceil(deadline / SLOT - 1e-9) * SLOT;
            g.deadline = Math.max(g.deadline, deadlineUp);
            g.rdd = Math.max(g.rdd, k.line().rdd());
            g.earliestClosure = Math.min(g.earliestClosure, k.earliestClosure());
            g.weight += k.weight();
            if (!pax) {
                g.area += k.weight() * k.sqftPerSton();
                g.minRho = Math.min(g.minRho, k.sqftPerSton());
                g.maxRho = Math.max(g.maxRho, k.sqftPerSton());
            }
            for (Carrier c : k.carriers()) {
                g.types.put(c.type().id(), c.type());
                g.startByType.merge(c.type().id(), c.startHour(), Math::min);
                g.routesByType.putIfAbsent(c.type().id(), c.routes());
            }
        }
        return new ArrayList<>(byKey.values());
    }

    private List<Option> options(List<Group> groups) {
        Map<String, Option> byKey = new LinkedHashMap<>();
        Map<Route, Integer> routeIndex = new IdentityHashMap<>();
        for (Group g : groups) {
            for (LiftType t : g.types.values()) {
                for (Route r : g.routesByType.get(t.id())) {
                    int ri = routeIndex.computeIfAbsent(r, k -> routeIndex.size());
                    String key = t.id() + "|" + ri;
                    double transit = rx.transitHours(t, r);
                    int first =
                            (int)
                                    Math.floor(
                                            (g.startByType.get(t.id()) + t.groundHours().onload())
                                                            / SLOT
                                                    + 1e-9);
                    // the last slot from which a segment could still deliver within the horizon
                    int last =
                            (int)
                                    Math.floor(
                                            (24.0 * horizon - transit - t.groundHours().offload())
                                                    / SLOT);
                    Option prev = byKey.get(key);
                    if (prev != null) {
                        first = Math.min(first, prev.first);
                    }
                    byKey.put(key, new Option(t, r, transit, first, last));
                }
            }
        }
        return new ArrayList<>(byKey.values());
    }
}
