package muster.engine.exact;

import com.google.ortools.Loader;
import com.google.ortools.sat.BoolVar;
import com.google.ortools.sat.CpModel;
import com.google.ortools.sat.CpSolver;
import com.google.ortools.sat.CpSolverStatus;
import com.google.ortools.sat.CumulativeConstraint;
import com.google.ortools.sat.DoubleLinearExpr;
import com.google.ortools.sat.IntVar;
import com.google.ortools.sat.IntervalVar;
import com.google.ortools.sat.LinearExpr;
import com.google.ortools.sat.LinearExprBuilder;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import muster.engine.bound.LineTimes;
import muster.engine.bound.LowerBounds;
import muster.engine.fifo.PlanAssembly;
import muster.engine.plan.PlanOptions;
import muster.engine.plan.Planner;
import muster.engine.plan.Progress;
import muster.engine.plan.SolveWatch;
import muster.model.Activity;
import muster.model.CargoClass;
import muster.model.CargoEntry;
import muster.model.LiftType;
import muster.model.LineMode;
import muster.model.Load;
import muster.model.LoadCargo;
import muster.model.Network;
import muster.model.Node;
import muster.model.NodeKind;
import muster.model.Plan;
import muster.model.PlannerInfo;
import muster.model.RequirementLine;
import muster.model.Route;
import muster.model.Scenario;
import muster.model.Stop;

/**
 * The exact reference for small scenarios: the movement model as a CP-SAT model on a one-minute
 * grid. Each tail flies a sequence of up to {@code slots} missions; a mission positions empty from
 * where the tail is to a POE, onloads, flies one channel route (en-route stops included) and
 * offloads at the POD, carrying any split of the lines that share that POE and POD. Ground time at
 * every stop is an interval under the node's MOG or berths (cumulative). The objective is
 * lexicographic, in two solves: the least unmet weight first, then, with the unmet weight held to
 * that, late ston-days and then closure day (by weights).
 *
 * <p>"Exact" means optimal over that grid and mission shape (one loaded leg sequence per mission,
 * durations rounded up to whole minutes, load splits in 1/{@value #GRAIN} of a line's class); the
 * plan says whether CP-SAT proved it or stopped at its work limit with a gap.
 */
public final class ExactPlanner implements Planner {
    public static final String NAME = "exact";
    public static final String VERSION = "1";

    /** Splits of a line's class are multiples of 1/GRAIN of it. */
    static final int GRAIN = 1000;

    private static final long SCALE = 1_000_000L;

    /** Days past the horizon over which left-over load may still be flown (rule 10). */
    private static final int EXTRA_DAYS = 60;

    /** Most missions per tail the model offers, whatever the constructor asks. */
    private static final int MAX_SLOTS = 24;

    /**
     * Weight of unmet load against late days in the second phase, where the unmet weight is already
     * held to the first phase's least; it keeps a load from drifting past the horizon.
     */
    private static final int UNMET_PENALTY = 10_000;

    /** The first phase counts unmet weight in these parts of a ston-equivalent. */
    private static final double UNMET_UNITS = 1e6;

    private final double deterministicSeconds;
    private final int maxSlots;

    public ExactPlanner() {
        this(60.0, 4);
    }

    /**
     * @param deterministicSeconds CP-SAT work limit in its deterministic time units (a work count,
     *     not the clock, so a run is reproducible)
     * @param maxSlots most missions per tail
     */
    public ExactPlanner(double deterministicSeconds, int maxSlots) {
        this.deterministicSeconds = deterministicSeconds;
        this.maxSlots = maxSlots;
    }

    @Override
    public String name() {
        return NAME;
    }

    private static final class Native {
        static {
            Loader.loadNativeLibraries();
        }

        static void ensure() {}
    }

    /** A POE-POD channel route flown by one lift type, with its grid offsets in minutes. */
    private record Lane(
            LiftType type,
            Route route,
            String poe,
            String pod,
            long[] groundStart,
            long[] groundLen,
            double[] arriveReal,
            long[] depart) {
        long offloadDepart() {
            return depart[depart.length - 1];
        }

        long offloadArriveFloor() {
            return groundStart[groundStart.length - 1];
        }
    }

    /**
     * Outcome of the last solve, for the bench and the tests: the plan's status, objective and
     * CP-SAT's bound, the status of the first solve (least unmet weight), and the work both solves
     * took together, in CP-SAT's deterministic seconds.
     */
    public record Outcome(
            CpSolverStatus status,
            double objective,
            double bound,
            CpSolverStatus first,
            double work) {
        public boolean optimal() {
            return status == CpSolverStatus.OPTIMAL;
        }
    }

    private Outcome last;

    /** Status, objective and CP-SAT's bound of the last plan made by this instance. */
    public Outcome lastOutcome() {
        return last;
    }

    @Override
    public Plan plan(Scenario s, PlanOptions options, Progress progress) {
        Native.ensure();
        Network net = new Network(s);
        int horizon = s.planning().horizonDays();
        int ext = horizon + EXTRA_DAYS; // loads may arrive after the horizon (then unmet)
        long hMin = 1440L * ext;
        double pw = s.planning().paxWeightStons();
        CpModel m = new CpModel();

        List<RequirementLine> lines = movedLines(s);
        Map<String, List<Lane>> lanesOf = lanes(net, s, lines);
        long terms = modelTerms(s, lines, lanesOf, pw, maxSlots);
        if (terms > MAX_MODEL_TERMS) {
            throw new TooLargeException(
                    String.format(
                            java.util.Locale.ROOT,
                            "scenario '%s' is too large for the exact planner: its model would"
                                    + " have about %,d terms (%d lines moved by air or sea, %d"
                                    + " tails) and the planner takes at most %,d, a few lines and"
                                    + " tails; plan it with lns, whose plans carry the lower"
                                    + " bound",
                            s.name(),
                            terms,
                            lines.size(),
                            s.lift().stream().mapToInt(LiftType::count).sum(),
                            MAX_MODEL_TERMS),
                    terms);
        }

        // per line, class: the unmet share in grains; per load: grains and pax
        Map<String, Map<CargoClass, List<IntVar>>> grainsOf = new HashMap<>();
        Map<String, List<IntVar>> paxOf = new HashMap<>();
        Map<String, List<IntervalVar>> ground = new HashMap<>();
        List<Slot> slots = new ArrayList<>();
        DoubleLinearExprBuilder obj = new DoubleLinearExprBuilder();
        // unmet weight in millionths of a ston-equivalent, the first phase's objective
        LinearExprBuilder unmetObj = LinearExpr.newBuilder();
        IntVar closure = m.newIntVar(0, horizon + EXTRA_DAYS, "closureDay");

        for (LiftType t : s.lift()) {
            List<Lane> lanes = lanesOf.get(t.id());
            if (lanes.isEmpty()) {
                continue;
            }
            int k = slotsFor(t, lines, pw);
            for (int tail = 0; tail < t.count(); tail++) {
                Slot prev = null;
                for (int i = 0; i < k; i++) {
                    Slot sl = new Slot(t, tail, i, lanes);
                    sl.active = m.newBoolVar("a" + t.id() + tail + "_" + i);
                    sl.start = m.newIntVar(0, hMin, "S" + t.id() + tail + "_" + i);
                    sl.use = new BoolVar[lanes.size()];
                    LinearExprBuilder sum = LinearExpr.newBuilder();
                    for (int j = 0; j < lanes.size(); j++) {
                        Lane ln = lanes.get(j);
                        sl.use[j] = m.newBoolVar("z" + t.id() + tail + "_" + i + "_" + j);
                        sum.add(sl.use[j]);
                        for (int p = 0; p < ln.groundStart().length; p++) {
                            if (ln.groundLen()[p] <= 0) {
                                continue;
                            }
                            String node = ln.route().points().get(p);
                            ground.computeIfAbsent(node, x -> new ArrayList<>())
                                    .add(
                                            m.newOptionalFixedSizeIntervalVar(
                                                    LinearExpr.affine(
                                                            sl.start, 1, ln.groundStart()[p]),
                                                    ln.groundLen()[p],
                                                    sl.use[j],
                                                    "g"));
                        }
                        // the whole mission delivers within the horizon
                        m.addLessOrEqual(
                                        LinearExpr.affine(sl.start, 1, ln.offloadDepart()),
                                        hMin - 1)
                                .onlyEnforceIf(sl.use[j]);
                        // first mission: from base, not before availability
                        long pos = positionMinutes(net, t, t.baseNode(), ln.poe());
                        if (prev == null) {
                            m.addGreaterOrEqual(sl.start, 1440L * t.availableFromDay() + pos)
                                    .onlyEnforceIf(sl.use[j]);
                        }
                    }
                    m.addEquality(sum, sl.active);
                    if (prev != null) {
                        m.addImplication(sl.active, prev.active);
                        for (int a = 0; a < lanes.size(); a++) {
                            for (int b = 0; b < lanes.size(); b++) {
                                long pos =
                                        positionMinutes(
                                                net, t, lanes.get(a).pod(), lanes.get(b).poe());
                                m.addGreaterOrEqual(
                                                LinearExpr.newBuilder()
                                                        .add(sl.start)
                                                        .addTerm(prev.start, -1)
                                                        .build(),
                                                lanes.get(a).offloadDepart() + pos)
                                        .onlyEnforceIf(new BoolVar[] {prev.use[a], sl.use[b]});
                            }
                        }
                    } else if (tail > 0) {
                        // identical tails: use them in order
                        Slot first = slots.get(slots.size() - k);
                        m.addImplication(sl.active, first.active);
                    }
                    slots.add(sl);
                    prev = sl;
                }
            }
        }
        // symmetry note: slot lists of a type are contiguous, k per tail
        for (Map.Entry<String, List<IntervalVar>> e : ground.entrySet()) {
            Node n = net.node(e.getKey());
            int cap = n.kind() == NodeKind.SEAPORT ? n.berths() : n.mog();
            CumulativeConstraint c = m.addCumulative(cap);
            for (IntervalVar iv : e.getValue()) {
                c.addDemand(iv, 1);
            }
        }

        // loads
        for (Slot sl : slots) {
            LiftType t = sl.type;
            // rule 6 in whole numbers: the aircraft is `full` parts, a seat full / paxCapacity
            // of them exactly, so that a full load of people fits
            long full = fullParts(t);
            LinearExprBuilder stonsUse = LinearExpr.newBuilder();
            LinearExprBuilder sqftUse = LinearExpr.newBuilder();
            for (RequirementLine l : lines) {
                if (l.mode().liftMode() != t.mode() || !carriesAny(t, l)) {
                    continue;
                }
                List<Integer> laneIdx = new ArrayList<>();
                for (int j = 0; j < sl.lanes.size(); j++) {
                    if (sl.lanes.get(j).poe().equals(l.poe())
                            && sl.lanes.get(j).pod().equals(l.pod())) {
                        laneIdx.add(j);
                    }
                }
                if (laneIdx.isEmpty()) {
                    continue;
                }
                BoolVar carries = m.newBoolVar("c");
                LinearExprBuilder laneSum = LinearExpr.newBuilder();
                for (int j : laneIdx) {
                    laneSum.add(sl.use[j]);
                }
                m.addLessOrEqual(carries, laneSum);
                LoadVars lv = new LoadVars(l);
                List<IntVar> weightVars = new ArrayList<>();
                List<Double> weightCoef = new ArrayList<>();
                if (l.pax() > 0 && t.carries(CargoClass.PAX) && t.paxCapacity() > 0) {
                    lv.pax = m.newIntVar(0, Math.min(l.pax(), t.paxCapacity()), "p");
                    m.addLessOrEqual(lv.pax, LinearExpr.term(carries, l.pax()));
                    paxOf.computeIfAbsent(l.uln(), x -> new ArrayList<>()).add(lv.pax);
                    long a = full / t.paxCapacity();
                    stonsUse.addTerm(lv.pax, a);
                    sqftUse.addTerm(lv.pax, a);
                    weightVars.add(lv.pax);
                    weightCoef.add(pw);
                }
                for (CargoEntry e : l.cargo()) {
                    if (e.stons() <= 0 || !t.canTake(e.cargoClass())) {
                        continue;
                    }
                    IntVar q = m.newIntVar(0, GRAIN, "q");
                    m.addLessOrEqual(q, LinearExpr.term(carries, GRAIN));
                    lv.grains.put(e.cargoClass(), q);
                    grainsOf.computeIfAbsent(l.uln(), x -> new HashMap<>())
                            .computeIfAbsent(e.cargoClass(), x -> new ArrayList<>())
                            .add(q);
                    stonsUse.addTerm(q, ceilCoef(e.stons() / GRAIN / t.stonsCapacity(), full));
                    if (t.usesDeckArea()) {
                        sqftUse.addTerm(q, ceilCoef(e.sqft() / GRAIN / t.sqftCapacity(), full));
                    }
                    weightVars.add(q);
                    weightCoef.add(e.stons() / GRAIN);
                }
                if (weightVars.isEmpty()) {
                    continue;
                }
                // delivery day of this slot for this line
                long onwardFloor = (long) Math.floor(LineTimes.onwardHours(net, l) * 60);
                IntVar day = m.newIntVar(0, ext, "d");
                for (int j : laneIdx) {
                    LinearExpr at =
                            LinearExpr.affine(
                                    sl.start, 1, sl.lanes.get(j).offloadDepart() + onwardFloor);
                    m.addGreaterOrEqual(at, LinearExpr.term(day, 1440))
                            .onlyEnforceIf(new BoolVar[] {sl.use[j], carries});
                    m.addLessOrEqual(at, LinearExpr.affine(day, 1440, 1439))
                            .onlyEnforceIf(new BoolVar[] {sl.use[j], carries});
                    // rule 1: onload not before ready; rule 5: offload not before EAD
                    long ready = (long) Math.ceil(LineTimes.readyHour(net, l) * 60 - 1e-9);
                    m.addGreaterOrEqual(sl.start, ready)
                            .onlyEnforceIf(new BoolVar[] {sl.use[j], carries});
                    m.addGreaterOrEqual(
                                    LinearExpr.affine(
                                            sl.start, 1, sl.lanes.get(j).offloadArriveFloor()),
                                    1440L * l.ead())
                            .onlyEnforceIf(new BoolVar[] {sl.use[j], carries});
                }
                m.addGreaterOrEqual(closure, day).onlyEnforceIf(carries);
                // late days, counted to the horizon; after it the load is unmet (penalised)
                IntVar capped = m.newIntVar(0, horizon, "dc");
                m.addMinEquality(
                        capped,
                        new com.google.ortools.sat.LinearArgument[] {
                            day, LinearExpr.constant(horizon)
                        });
                BoolVar after = m.newBoolVar("after");
                m.addGreaterOrEqual(day, horizon).onlyEnforceIf(after);
                m.addLessOrEqual(day, horizon - 1).onlyEnforceIf(after.not());
                IntVar late0 = m.newIntVar(0, horizon, "late0");
                m.addMaxEquality(
                        late0,
                        new LinearExpr[] {
                            LinearExpr.constant(0), LinearExpr.affine(capped, 1, -l.rdd())
                        });
                IntVar late = m.newIntVar(0, horizon + UNMET_PENALTY, "late");
                m.addEquality(
                        late, LinearExpr.newBuilder().add(late0).addTerm(after, UNMET_PENALTY));
                for (int i = 0; i < weightVars.size(); i++) {
                    // u = v when the load arrives after the horizon, else 0 (minimized, so
                    // u >= v - ub * (1 - after) and u >= 0 pin it)
                    IntVar v = weightVars.get(i);
                    long ub = v.getDomain().max();
                    IntVar u = m.newIntVar(0, ub, "u");
                    m.addGreaterOrEqual(
                            LinearExpr.newBuilder().add(u).addTerm(v, -1).addTerm(after, -ub), -ub);
                    unmetObj.addTerm(u, Math.round(weightCoef.get(i) * UNMET_UNITS));
                    IntVar prod =
                            m.newIntVar(
                                    0, (long) (horizon + UNMET_PENALTY) * (GRAIN + l.pax()), "lw");
                    m.addMultiplicationEquality(prod, late, v);
                    obj.add(prod, weightCoef.get(i));
                }
                sl.loads.add(lv);
                lv.carries = carries;
            }
            m.addLessOrEqual(stonsUse, full);
            if (t.usesDeckArea()) {
                m.addLessOrEqual(sqftUse, full);
            }
        }
        // rule 10: every load is carried (what arrives after the horizon is unmet)
        for (RequirementLine l : lines) {
            List<IntVar> px = paxOf.getOrDefault(l.uln(), List.of());
            m.addEquality(LinearExpr.sum(px.toArray(new IntVar[0])), l.pax());
            for (CargoEntry e : l.cargo()) {
                if (e.stons() <= 0) {
                    continue;
                }
                List<IntVar> qs =
                        grainsOf.getOrDefault(l.uln(), Map.of())
                                .getOrDefault(e.cargoClass(), List.of());
                m.addEquality(LinearExpr.sum(qs.toArray(new IntVar[0])), GRAIN);
            }
        }
        obj.add(closure, 1e-3);

        // the objective is lexicographic: first the least unmet weight, then, with no more unmet
        // than that, the least late ston-days and closure (a weight on unmet load alone let a
        // plan leave a ston unmet to save more late ston-days than the weight)
        CpSolver solver = new CpSolver();
        solver.getParameters().setNumWorkers(1);
        solver.getParameters().setRandomSeed((int) options.seed());
        solver.getParameters().setMaxDeterministicTime(deterministicSeconds / 2);
        progress.update(0.1, "cp-sat: least unmet");
        m.minimize(unmetObj);
        // a cancel stops CP-SAT through a watch beside it, and the plan found by then is kept;
        // `seen` says whether a cancel reached a solve (or came between the two), so that a plan
        // whose solves ended on their own is not said to be cancelled
        java.util.concurrent.atomic.AtomicBoolean seen =
                new java.util.concurrent.atomic.AtomicBoolean();
        java.util.function.BooleanSupplier stop =
                () -> {
                    boolean c = progress.cancelled();
                    if (c) {
                        seen.set(true);
                    }
                    return c;
                };
        CpSolverStatus first = SolveWatch.run(stop, solver::stopSearch, () -> solver.solve(m));
        // the second solve gets what the first left, found or not: a first solve that found no
        // plan has spent its half all the same
        com.google.ortools.sat.CpSolverResponse firstResponse = solver.response();
        double firstWork = firstResponse.getDeterministicTime();
        double left = deterministicSeconds - firstWork;
        boolean unmetHeld = first == CpSolverStatus.OPTIMAL || first == CpSolverStatus.FEASIBLE;
        if (unmetHeld) {
            long unmet = Math.round(solver.objectiveValue());
            m.addLessOrEqual(unmetObj, unmet);
            // the first phase's plan starts the second
            com.google.ortools.sat.CpSolverResponse r = solver.response();
            com.google.ortools.sat.PartialVariableAssignment.Builder hint =
                    m.getBuilder().getSolutionHintBuilder();
            for (int i = 0; i < r.getSolutionCount(); i++) {
                hint.addVars(i).addValues(r.getSolution(i));
            }
        }
        solver.getParameters().setMaxDeterministicTime(Math.max(left, deterministicSeconds / 2));
        progress.update(0.5, "cp-sat: least late");
        m.minimize(obj.build());
        // a cancel after the first solve found a plan keeps that plan (a solution of the same
        // model, the objective aside), and one that stops the second before it finds one falls
        // back to it: a cancel had handed back the fifo plan, though CP-SAT had one
        boolean firstKept = unmetHeld && stop.getAsBoolean();
        CpSolverStatus second = null;
        double work = firstWork;
        if (!firstKept) {
            second = SolveWatch.run(stop, solver::stopSearch, () -> solver.solve(m));
            work += solver.response().getDeterministicTime();
            firstKept =
                    unmetHeld
                            && seen.get()
                            && second != CpSolverStatus.OPTIMAL
                            && second != CpSolverStatus.FEASIBLE;
        }
        boolean cancelled = seen.get();
        com.google.ortools.sat.CpSolverResponse used =
                firstKept ? firstResponse : solver.response();
        CpSolverStatus st =
                firstKept
                        ? CpSolverStatus.FEASIBLE
                        : second == CpSolverStatus.OPTIMAL && first != CpSolverStatus.OPTIMAL
                                ? CpSolverStatus.FEASIBLE
                                : second;
        if (st != CpSolverStatus.OPTIMAL && st != CpSolverStatus.FEASIBLE) {
            // no plan within the work limit (or none with this many missions per tail): say so
            // and hand back the baseline's plan, which keeps every rule
            last = new Outcome(st, Double.NaN, solver.bestObjectiveBound(), first, work);
            Plan fifo = new muster.engine.fifo.FifoPlanner().plan(s, options, progress);
            // INFEASIBLE is a proof, not the work limit: the lines need more missions than the
            // model offers, or the missions cannot all end within its days past the horizon
            String why =
                    st == CpSolverStatus.INFEASIBLE
                            ? "CP-SAT proved that no plan fits the model's missions ("
                                    + missionsText(s, lanesOf, lines, pw)
                                    + ", each offloaded before day "
                                    + ext
                                    + ", "
                                    + EXTRA_DAYS
                                    + " days past the horizon)"
                            : cancelled
                                    ? "cancelled before CP-SAT found a plan"
                                    : "CP-SAT " + st + " within its work limit";
            PlannerInfo info =
                    new PlannerInfo(NAME, VERSION + " (" + why + ": fifo plan)", 0, options.seed());
            return new Plan(
                    fifo.scenario(),
                    info,
                    fifo.measures(),
                    fifo.lowerBound(),
                    fifo.missions(),
                    fifo.lines(),
                    fifo.bindingConstraints());
        }
        last =
                firstKept
                        ? new Outcome(st, Double.NaN, Double.NaN, first, work)
                        : new Outcome(
                                st,
                                solver.objectiveValue(),
                                solver.bestObjectiveBound(),
                                first,
                                work);
        List<PlanAssembly.Draft> drafts =
                extract(net, v -> used.getSolution(v.getIndex()), slots, lines);
        String status;
        if (firstKept) {
            status =
                    "cancelled after the first solve, whose plan is kept: least unmet weight "
                            + (first == CpSolverStatus.OPTIMAL ? "proved" : "not proved")
                            + ", late ston-days not minimised";
        } else if (st == CpSolverStatus.OPTIMAL) {
            status = "optimal over the 1-minute grid";
        } else if (!unmetHeld) {
            status =
                    String.format(
                            java.util.Locale.ROOT,
                            "feasible, least unmet weight not found: its solve found no plan"
                                    + " within its half of the work limit, so unmet load counted"
                                    + " %,d late ston-days a ston-equivalent; objective %.3f,"
                                    + " CP-SAT bound %.3f",
                            UNMET_PENALTY,
                            solver.objectiveValue(),
                            solver.bestObjectiveBound());
        } else {
            status =
                    String.format(
                            java.util.Locale.ROOT,
                            first != CpSolverStatus.OPTIMAL
                                    ? "feasible, least unmet weight not proved; objective %.3f,"
                                            + " CP-SAT bound %.3f with that unmet weight"
                                    : "feasible, least unmet weight proved; objective %.3f,"
                                            + " CP-SAT bound %.3f",
                            solver.objectiveValue(),
                            solver.bestObjectiveBound());
        }
        if (cancelled && !firstKept && st != CpSolverStatus.OPTIMAL) {
            status = "cancelled; " + status;
        }
        PlannerInfo info = new PlannerInfo(NAME, VERSION + " (" + status + ")", 0, options.seed());
        return PlanAssembly.assemble(s, drafts, info, LowerBounds.earliestArrival(s));
    }

    /** The plan of one solution: {@code solution} gives each variable's value in it. */
    private List<PlanAssembly.Draft> extract(
            Network net,
            java.util.function.ToLongFunction<IntVar> solution,
            List<Slot> slots,
            List<RequirementLine> lines) {
        // exact amounts: grains to stons, the last load of a class takes the remainder
        Map<String, Map<CargoClass, Long>> grainsLeft = new HashMap<>();
        Map<String, Map<CargoClass, Double>> stonsLeft = new HashMap<>();
        for (RequirementLine l : lines) {
            Map<CargoClass, Long> g = new HashMap<>();
            Map<CargoClass, Double> st = new HashMap<>();
            for (CargoEntry e : l.cargo()) {
                long total = 0;
                for (Slot sl : slots) {
                    for (LoadVars lv : sl.loads) {
                        if (lv.line == l && lv.grains.containsKey(e.cargoClass())) {
                            total += solution.applyAsLong(lv.grains.get(e.cargoClass()));
                        }
                    }
                }
                g.put(e.cargoClass(), total);
                st.put(e.cargoClass(), e.stons() * total / GRAIN);
            }
            grainsLeft.put(l.uln(), g);
            stonsLeft.put(l.uln(), st);
        }
        // A slot the solver made active but left without loads is an empty mission flown along
        // a lane; it is left out where the tail's next mission can position from where the tail
        // was before it without starting before that tail's previous mission ends.
        List<PlanAssembly.Draft> drafts = new ArrayList<>();
        Map<String, TailState> tails = new HashMap<>();
        for (Slot sl : slots) {
            if (solution.applyAsLong(sl.active) == 0) {
                continue;
            }
            int j = 0;
            while (solution.applyAsLong(sl.use[j]) == 0) {
                j++;
            }
            Lane ln = sl.lanes.get(j);
            LiftType t = sl.type;
            TailState ts =
                    tails.computeIfAbsent(
                            t.id() + "#" + sl.tail,
                            k -> new TailState(t.baseNode(), 24.0 * t.availableFromDay()));
            double start = solution.applyAsLong(sl.start) / 60.0;
            List<Load> loads = new ArrayList<>();
            for (LoadVars lv : sl.loads) {
                int pax = lv.pax == null ? 0 : (int) solution.applyAsLong(lv.pax);
                List<LoadCargo> cargo = new ArrayList<>();
                for (Map.Entry<CargoClass, IntVar> e : lv.grains.entrySet()) {
                    long q = solution.applyAsLong(e.getValue());
                    if (q == 0) {
                        continue;
                    }
                    Map<CargoClass, Long> gl = grainsLeft.get(lv.line.uln());
                    Map<CargoClass, Double> sl2 = stonsLeft.get(lv.line.uln());
                    long rest = gl.get(e.getKey()) - q;
                    double stons =
                            rest == 0
                                    ? sl2.get(e.getKey())
                                    : lv.line.cargoOf(e.getKey()).get().stons() * q / GRAIN;
                    gl.put(e.getKey(), rest);
                    sl2.put(e.getKey(), sl2.get(e.getKey()) - stons);
                    cargo.add(new LoadCargo(e.getKey(), stons));
                }
                if (pax > 0 || !cargo.isEmpty()) {
                    loads.add(new Load(lv.line.uln(), pax, cargo, 0, 0));
                }
            }
            PlanAssembly.Draft d = draft(net, t, sl.tail, ln, start, ts.at, loads);
            if (ts.pending != null) {
                if (d.stops().get(0).arrive() < ts.end - 1e-9) {
                    ts.write(drafts, ts.pending, ts.pendingPod);
                    d = draft(net, t, sl.tail, ln, start, ts.at, loads);
                }
                ts.pending = null;
            }
            if (loads.isEmpty()) {
                ts.pending = d;
                ts.pendingPod = ln.pod();
            } else {
                ts.write(drafts, d, ln.pod());
            }
        }
        return drafts;
    }

    /** A slot's mission from where the tail is, its loads given ONLOAD and OFFLOAD indexes. */
    private static PlanAssembly.Draft draft(
            Network net, LiftType t, int tail, Lane ln, double start, String at, List<Load> loads) {
        List<Stop> stops = new ArrayList<>();
        if (!at.equals(ln.poe())) {
            double leg = net.emptyLegNm(t.mode(), at, ln.poe()) / t.speedKnots();
            stops.add(new Stop(at, Activity.START, start - leg, start - leg));
        }
        int on = stops.size();
        List<String> pts = ln.route().points();
        for (int p = 0; p < pts.size(); p++) {
            Activity act =
                    p == 0
                            ? Activity.ONLOAD
                            : p == pts.size() - 1 ? Activity.OFFLOAD : Activity.ENROUTE;
            double arrive = start + ln.arriveReal()[p] / 60.0;
            double depart = start + ln.depart()[p] / 60.0;
            stops.add(new Stop(pts.get(p), act, arrive, depart));
        }
        int off = stops.size() - 1;
        List<Load> placed = new ArrayList<>(loads.size());
        for (Load l : loads) {
            placed.add(new Load(l.uln(), l.pax(), l.cargo(), on, off));
        }
        return new PlanAssembly.Draft(t.id(), tail, stops, placed);
    }

    /** Where a tail is and from when, and an empty mission of it not yet written. */
    private static final class TailState {
        String at;
        double end;
        PlanAssembly.Draft pending;
        String pendingPod;

        TailState(String at, double end) {
            this.at = at;
            this.end = end;
        }

        void write(List<PlanAssembly.Draft> drafts, PlanAssembly.Draft d, String pod) {
            drafts.add(d);
            at = pod;
            end = d.stops().get(d.stops().size() - 1).depart();
        }
    }

    private static final class Slot {
        final LiftType type;
        final int tail;
        final int index;
        final List<Lane> lanes;
        BoolVar active;
        IntVar start;
        BoolVar[] use;
        final List<LoadVars> loads = new ArrayList<>();

        Slot(LiftType type, int tail, int index, List<Lane> lanes) {
            this.type = type;
            this.tail = tail;
            this.index = index;
            this.lanes = lanes;
        }
    }

    private static final class LoadVars {
        final RequirementLine line;
        IntVar pax;
        BoolVar carries;
        final Map<CargoClass, IntVar> grains = new LinkedHashMap<>();

        LoadVars(RequirementLine line) {
            this.line = line;
        }
    }

    /** A sum with real coefficients, built up term by term. */
    private static final class DoubleLinearExprBuilder {
        final List<IntVar> vars = new ArrayList<>();
        final List<Double> coefs = new ArrayList<>();

        void add(IntVar v, double c) {
            vars.add(v);
            coefs.add(c);
        }

        DoubleLinearExpr build() {
            double[] c = new double[coefs.size()];
            for (int i = 0; i < c.length; i++) {
                c[i] = coefs.get(i);
            }
            return DoubleLinearExpr.weightedSum(vars.toArray(new IntVar[0]), c);
        }
    }

    /**
     * Most terms (variables, constraint entries and intervals, about) of a model the planner
     * builds. The oracle test's 3-line scenarios need under 4,000 and the 12-line ones under
     * 20,000; the bundled scenario (195 lines, 61 tails) would need about 2.5 million, on which
     * CP-SAT ran ten minutes in 11 GB of memory without finding a plan.
     */
    public static final long MAX_MODEL_TERMS = 250_000L;

    /** Thrown, before any model is built, for a scenario beyond {@link #MAX_MODEL_TERMS}. */
    public static final class TooLargeException extends IllegalArgumentException {
        private final long terms;

        TooLargeException(String message, long terms) {
            super(message);
            this.terms = terms;
        }

        /** The estimated size of the model that was not built. */
        public long terms() {
            return terms;
        }
    }

    /**
     * About how many terms the model of this scenario would have: per tail and mission slot, the
     * choice of lane and the order against the previous slot (lanes squared), the ground intervals
     * of its lanes, and the load, day and timing terms of every line it could carry.
     */
    public static long modelTerms(Scenario s) {
        List<RequirementLine> lines = movedLines(s);
        return modelTerms(
                s,
                lines,
                lanes(new Network(s), s, lines),
                s.planning().paxWeightStons(),
                MAX_SLOTS);
    }

    private static long modelTerms(
            Scenario s,
            List<RequirementLine> lines,
            Map<String, List<Lane>> lanesOf,
            double pw,
            int maxSlots) {
        long terms = 0;
        for (LiftType t : s.lift()) {
            List<Lane> lanes = lanesOf.get(t.id());
            if (lanes.isEmpty()) {
                continue;
            }
            long perSlot = (long) lanes.size() * lanes.size();
            for (Lane ln : lanes) {
                perSlot += 2 + ln.groundStart().length;
            }
            for (RequirementLine l : lines) {
                if (l.mode().liftMode() != t.mode() || !carriesAny(t, l)) {
                    continue;
                }
                for (Lane ln : lanes) {
                    if (ln.poe().equals(l.poe()) && ln.pod().equals(l.pod())) {
                        perSlot += 8 + 2L * l.cargo().size();
                    }
                }
            }
            long k = slotsFor(t, lines, pw, maxSlots);
            terms += perSlot * k * t.count();
            if (terms > Long.MAX_VALUE / 4) {
                return terms;
            }
        }
        return terms;
    }

    /** Lines moved by air or sea: the ones the model plans (LAND lines have no choice). */
    private static List<RequirementLine> movedLines(Scenario s) {
        List<RequirementLine> lines = new ArrayList<>();
        for (RequirementLine l : s.requirements()) {
            if (l.mode() != LineMode.LAND) {
                lines.add(l);
            }
        }
        return lines;
    }

    /** Per lift type, its lanes: the channel routes in range of the lines it can carry. */
    private static Map<String, List<Lane>> lanes(
            Network net, Scenario s, List<RequirementLine> lines) {
        Map<String, List<Lane>> lanesOf = new LinkedHashMap<>();
        for (LiftType t : s.lift()) {
            List<Lane> lanes = new ArrayList<>();
            Map<String, Boolean> seen = new HashMap<>();
            for (RequirementLine l : lines) {
                if (l.mode().liftMode() != t.mode() || !carriesAny(t, l)) {
                    continue;
                }
                if (seen.put(l.poe() + ">" + l.pod(), true) != null) {
                    continue;
                }
                for (Route r : net.channels(t.mode(), l.poe(), l.pod())) {
                    if (net.longestLegNm(r) <= t.rangeNm()) {
                        lanes.add(lane(net, t, r));
                    }
                }
            }
            lanesOf.put(t.id(), lanes);
        }
        return lanesOf;
    }

    /** The missions the model offers each tail of each type that flies a lane, in words. */
    private String missionsText(
            Scenario s, Map<String, List<Lane>> lanesOf, List<RequirementLine> lines, double pw) {
        List<String> parts = new ArrayList<>();
        for (LiftType t : s.lift()) {
            if (!lanesOf.get(t.id()).isEmpty()) {
                int k = slotsFor(t, lines, pw);
                parts.add(
                        t.id()
                                + ": at most "
                                + k
                                + (k == 1 ? " mission" : " missions")
                                + " for each of "
                                + t.count()
                                + (t.count() == 1 ? " tail" : " tails"));
            }
        }
        return String.join("; ", parts);
    }

    /** Enough missions per tail for the type alone to carry all it can, plus one. */
    private int slotsFor(LiftType t, List<RequirementLine> lines, double pw) {
        return slotsFor(t, lines, pw, maxSlots);
    }

    private static int slotsFor(LiftType t, List<RequirementLine> lines, double pw, int maxSlots) {
        double sorties = 0;
        for (RequirementLine l : lines) {
            if (l.mode().liftMode() != t.mode()) {
                continue;
            }
            double f = 0;
            if (l.pax() > 0 && t.canTake(CargoClass.PAX)) {
                f += (double) l.pax() / t.paxCapacity();
            }
            for (CargoEntry e : l.cargo()) {
                if (e.stons() > 0 && t.canTake(e.cargoClass())) {
                    double g = e.stons() / t.stonsCapacity();
                    if (t.usesDeckArea()) {
                        g = Math.max(g, e.sqft() / t.sqftCapacity());
                    }
                    f += g;
                }
            }
            // lines of different POE or POD never share a mission: whole sorties per line
            sorties += Math.ceil(f - 1e-9);
        }
        int need = (int) Math.ceil(sorties / t.count() - 1e-9) + 1;
        return Math.max(1, Math.min(Math.max(maxSlots, MAX_SLOTS), need));
    }

    private static Lane lane(Network net, LiftType t, Route r) {
        List<String> pts = r.points();
        int n = pts.size();
        long[] gs = new long[n];
        long[] gl = new long[n];
        double[] arr = new double[n];
        long[] dep = new long[n];
        long on = ceilMin(t.groundHours().onload());
        gs[0] = 0;
        arr[0] = 0;
        dep[0] = on;
        gl[0] = on;
        for (int i = 1; i < n; i++) {
            double f = net.legNm(r, i - 1) / t.speedKnots() * 60.0;
            double g = i == n - 1 ? t.groundHours().offload() : t.groundHours().enroute();
            arr[i] = dep[i - 1] + f;
            gs[i] = dep[i - 1] + (long) Math.floor(f);
            dep[i] = dep[i - 1] + (long) Math.ceil(f) + ceilMin(g);
            gl[i] = dep[i] - gs[i];
            if (g == 0 && Math.ceil(f) == f) {
                gl[i] = 0;
            }
        }
        return new Lane(t, r, r.from(), r.to(), gs, gl, arr, dep);
    }

    private static long ceilMin(double hours) {
        return (long) Math.ceil(hours * 60 - 1e-9);
    }

    private static long positionMinutes(Network net, LiftType t, String from, String to) {
        if (from.equals(to)) {
            return 0;
        }
        return (long) Math.ceil(net.emptyLegNm(t.mode(), from, to) / t.speedKnots() * 60);
    }

    /**
     * The parts a mission's capacity is counted in for rule 6: the least common multiple of {@link
     * #SCALE} and the seats, so that a seat is a whole number of parts and a full load of people
     * fits exactly (a seat rounded up to {@code ceil(SCALE / 102)} parts left a C-17 at 101).
     */
    static long fullParts(LiftType t) {
        if (!t.canTake(CargoClass.PAX)) {
            return SCALE;
        }
        long seats = t.paxCapacity();
        long a = SCALE;
        long b = seats;
        while (b != 0) {
            long r = a % b;
            a = b;
            b = r;
        }
        return SCALE / a * seats;
    }

    /**
     * A grain's share of a mission in {@code full} parts, rounded up so that the model never lets
     * more aboard than rule 6 does; the rounding forgives one part in 10^12 of round-off in the
     * fraction (far inside the checker's 1e-9), so that a load of exactly a whole mission fits. A
     * grain larger than the mission counts as one part more than all of it: it never fits.
     */
    private static long ceilCoef(double fractionOfCapacity, long full) {
        double parts = fractionOfCapacity * full * (1 - 1e-12);
        return parts >= full ? full + 1 : (long) Math.ceil(parts);
    }

    private static boolean carriesAny(LiftType t, RequirementLine l) {
        if (l.pax() > 0 && t.canTake(CargoClass.PAX)) {
            return true;
        }
        for (CargoEntry e : l.cargo()) {
            if (e.stons() > 0 && t.canTake(e.cargoClass())) {
                return true;
            }
        }
        return false;
    }
}
