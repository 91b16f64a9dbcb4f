package muster.engine.sourcing;

import com.google.ortools.Loader;
import com.google.ortools.graph.LinearSumAssignment;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import muster.model.CargoEntry;
import muster.model.Fault;
import muster.model.LineMode;
import muster.model.Network;
import muster.model.Node;
import muster.model.RequirementLine;
import muster.model.Route;
import muster.model.Scenario;
import muster.model.force.CapabilityRequirement;
import muster.model.force.Catalogue;
import muster.model.force.RequirementSet;
import muster.model.force.RoadLink;
import muster.model.force.Station;
import muster.model.force.Unit;
import muster.model.force.Window;

/**
 * Chooses catalogue units for capability requirements, optimally.
 *
 * <p>Each requirement of quantity n is n slots. A unit fills at most one slot, and a slot at most
 * one unit; pair costs are separable (lateness, readiness, commitment elsewhere, closure), and an
 * empty slot costs by its priority. That is exactly a minimum-cost bipartite assignment, which
 * OR-Tools' {@link LinearSumAssignment} solves exactly in polynomial time; a MIP or CP-SAT model
 * would give the same optimum with more machinery. The matrix is made square with one "empty"
 * column per slot and one "idle" row per unit, so a perfect matching always exists.
 *
 * <p>Pure: same inputs, same result.
 */
public final class Sourcer {
    private final SourcingOptions options;

    public Sourcer(SourcingOptions options) {
        this.options = options;
    }

    public Sourcer() {
        this(SourcingOptions.DEFAULTS);
    }

    /** One slot of a requirement (slot numbers from 1). */
    public record Slot(CapabilityRequirement requirement, int slot) {
        public String id() {
            return requirement.id() + "#" + slot;
        }
    }

    /** The evaluation of one unit for one requirement: a cost, or a rejection. */
    public record Pair(Unit unit, Cost cost, Rejection rejection, Estimate.Outcome outcome) {
        public boolean feasible() {
            return rejection == null;
        }
    }

    /**
     * Sources the requirements from the catalogue against a network.
     *
     * @param network scenario whose nodes, lift, routes and planning are used
     * @param append keep the network scenario's own requirements and add the sourced lines after
     *     them; otherwise the sourced lines replace them
     */
    public SourcingResult source(
            RequirementSet reqs, Catalogue cat, Scenario network, boolean append) {
        Scenario base = withStations(network, cat);
        List<Fault> faults = new ArrayList<>();
        Network net = new Network(base);
        SourcingChecks.check(reqs, cat, base, net, faults);
        if (faults.stream().anyMatch(Fault::isError)) {
            return new SourcingResult(faults, List.of(), List.of(), List.of(), null, 0);
        }
        List<Slot> slots = slots(reqs);
        List<Unit> units = cat.units();
        Map<String, Pair[]> pairs = evaluate(reqs, cat, net);
        int[] mate = assign(slots, units, pairs);

        Map<String, String> takenBy = new HashMap<>();
        for (int s = 0; s < slots.size(); s++) {
            if (mate[s] >= 0) {
                takenBy.put(units.get(mate[s]).uic(), slots.get(s).id());
            }
        }
        List<Choice> choices = new ArrayList<>();
        List<Unfilled> unfilled = new ArrayList<>();
        List<RequirementLine> lines = new ArrayList<>();
        Map<String, String> writer = new HashMap<>();
        Map<String, List<Rejection>> reasons = new HashMap<>();
        long total = 0;
        for (int s = 0; s < slots.size(); s++) {
            Slot slot = slots.get(s);
            CapabilityRequirement r = slot.requirement();
            Pair[] row = pairs.get(r.id());
            if (mate[s] >= 0) {
                Pair p = row[mate[s]];
                total += p.cost().total();
                choices.add(
                        new Choice(
                                r.id(),
                                slot.slot(),
                                p.unit().uic(),
                                p.cost(),
                                next(row, p, takenBy)));
                for (RequirementLine l : lines(p, r)) {
                    lines.add(l);
                    writer.put(l.uln(), slot.id() + " (" + p.unit().uic() + ")");
                }
            } else {
                long c = options.unfilledCost(r.priority());
                total += c;
                // the empty slots of a requirement are alike: one list of reasons serves them all
                List<Rejection> why = reasons.computeIfAbsent(r.id(), id -> why(row, takenBy, c));
                unfilled.add(new Unfilled(r.id(), slot.slot(), c, why));
            }
        }
        List<RequirementLine> all = new ArrayList<>(append ? base.requirements() : List.of());
        if (append) {
            // every clash is named at the network scenario's line, with the unit that would write
            // the same ULN: the requirements file has no such line to point at
            Map<String, Integer> own = new HashMap<>();
            for (int i = 0; i < all.size(); i++) {
                own.putIfAbsent(all.get(i).uln(), i);
            }
            for (RequirementLine l : lines) {
                Integer i = own.get(l.uln());
                if (i != null) {
                    faults.add(
                            new Fault(
                                    Fault.Severity.ERROR,
                                    NETWORK + "requirements[" + i + "].uln",
                                    "requirement " + l.uln(),
                                    "uln",
                                    l.uln(),
                                    "the network scenario already has a line with this ULN, which"
                                            + " the unit chosen for "
                                            + writer.get(l.uln())
                                            + " would write too",
                                    "source without --append, or rename the scenario's line"));
                }
            }
            if (faults.stream().anyMatch(Fault::isError)) {
                return new SourcingResult(faults, List.of(), List.of(), List.of(), null, 0);
            }
        }
        all.addAll(lines);
        Scenario out =
                new Scenario(
                        base.name(),
                        base.nodes(),
                        base.lift(),
                        base.routes(),
                        all,
                        base.planning());
        return new SourcingResult(faults, choices, unfilled, lines, out, total);
    }

    /**
     * The start of the path of a fault found in the network scenario rather than in the
     * requirements or the catalogue: what follows is the path in the scenario file.
     */
    public static final String NETWORK = "network:";

    /** Whether a fault is at a place in the network scenario (its path starts with NETWORK). */
    public static boolean inNetwork(Fault f) {
        return f.path() != null && f.path().startsWith(NETWORK);
    }

    /** Each catalogue unit's reason for not filling an empty slot whose pairs are {@code row}. */
    private static List<Rejection> why(Pair[] row, Map<String, String> takenBy, long empty) {
        List<Rejection> why = new ArrayList<>();
        for (Pair p : row) {
            if (!p.feasible()) {
                why.add(p.rejection());
            } else if (takenBy.containsKey(p.unit().uic())) {
                why.add(
                        new Rejection(
                                p.unit().uic(),
                                Reason.TAKEN,
                                "assigned to "
                                        + takenBy.get(p.unit().uic())
                                        + " (here it would cost "
                                        + p.cost().total()
                                        + ")"));
            } else {
                // the optimum leaves out a free unit that fits only when it costs at least as much
                // as the empty slot; on a tie the total is the same either way
                why.add(
                        new Rejection(
                                p.unit().uic(),
                                Reason.TOO_COSTLY,
                                p.cost().describe()
                                        + (p.cost().total() == empty
                                                ? " is as much as leaving the slot empty ("
                                                        + empty
                                                        + "), so filling it gains nothing"
                                                : " is more than leaving the slot empty ("
                                                        + empty
                                                        + ")")));
            }
        }
        return List.copyOf(why);
    }

    /** The slots of a requirement set, in order. */
    public static List<Slot> slots(RequirementSet reqs) {
        List<Slot> slots = new ArrayList<>();
        for (CapabilityRequirement r : reqs.requirements()) {
            for (int k = 1; k <= r.quantity(); k++) {
                slots.add(new Slot(r, k));
            }
        }
        return slots;
    }

    /**
     * Evaluates every unit against every requirement: requirement id to one pair per catalogue
     * unit, in catalogue order. {@code network} must already hold the catalogue's stations.
     */
    public Map<String, Pair[]> evaluate(RequirementSet reqs, Catalogue cat, Network net) {
        Estimate est = new Estimate(net);
        Map<String, Pair[]> out = new HashMap<>();
        for (CapabilityRequirement r : reqs.requirements()) {
            Pair[] row = new Pair[cat.units().size()];
            for (int j = 0; j < row.length; j++) {
                row[j] = pair(reqs, r, cat.units().get(j), est);
            }
            out.put(r.id(), row);
        }
        return out;
    }

    private Pair pair(RequirementSet reqs, CapabilityRequirement r, Unit u, Estimate est) {
        if (u.capability() != r.capability()) {
            return reject(
                    u,
                    Reason.WRONG_CAPABILITY,
                    "is " + u.capability() + ", the requirement asks for " + r.capability());
        }
        if (r.echelon() != null && u.echelon() != r.echelon()) {
            return reject(
                    u,
                    Reason.WRONG_ECHELON,
                    "is a " + u.echelon() + ", the requirement asks for a " + r.echelon());
        }
        if (!r.onlyNations().isEmpty() && !r.onlyNations().contains(u.nation())) {
            return reject(
                    u,
                    Reason.NATION_RULE,
                    "nation " + u.nation() + " is not among " + r.onlyNations());
        }
        if (r.excludeUnits().contains(u.uic())) {
            return reject(u, Reason.EXCLUDED, "the requirement excludes this unit");
        }
        int readyDay = (int) Math.ceil((24.0 * reqs.decisionDay() + u.noticeToMoveHours()) / 24.0);
        if (!u.availability().isEmpty()) {
            LocalDate ready = reqs.cDate().plusDays(readyDay);
            LocalDate from = null;
            for (Window w : u.availability()) {
                if (w.contains(ready)) {
                    from = ready;
                    break;
                }
                if (w.from().isAfter(ready) && (from == null || w.from().isBefore(from))) {
                    from = w.from();
                }
            }
            if (from == null) {
                return reject(
                        u,
                        Reason.UNAVAILABLE,
                        "no availability window on or after its ready date " + ready);
            }
            int day = (int) ChronoUnit.DAYS.between(reqs.cDate(), from);
            if (day > r.lad()) {
                return reject(
                        u,
                        Reason.UNAVAILABLE,
                        "available only from "
                                + from
                                + " (day "
                                + day
                                + "), after the LAD day "
                                + r.lad());
            }
            readyDay = day;
        }
        Estimate.Outcome o = est.of(u, r, readyDay);
        if (!o.feasible()) {
            return reject(u, o.reason(), o.detail());
        }
        int closureDay = o.closureDay();
        int late = Math.max(0, closureDay - r.rdd());
        Cost c =
                new Cost(
                        closureDay,
                        late,
                        late * options.latePerDay(),
                        (u.readiness() - 1L) * options.readinessPerLevel(),
                        u.committedTo() == null ? 0 : options.committedPenalty(),
                        (long) closureDay * options.closurePerDay());
        return new Pair(u, c, null, o);
    }

    private static Pair reject(Unit u, Reason reason, String detail) {
        return new Pair(u, null, new Rejection(u.uic(), reason, detail), null);
    }

    /**
     * Solves the assignment. Returns, per slot, the index of its unit in the catalogue or -1 when
     * it stays empty.
     */
    public int[] assign(List<Slot> slots, List<Unit> units, Map<String, Pair[]> pairs) {
        int u = units.size();
        int[] mate = new int[slots.size()];
        Arrays.fill(mate, -1);
        List<Integer> active = solverSlots(slots, pairs);
        int s = active.size();
        if (s == 0) {
            return mate;
        }
        Loader.loadNativeLibraries();
        LinearSumAssignment lsa = new LinearSumAssignment();
        try {
            // Left: active slots 0..s-1, then one idle row per unit s..s+u-1.
            // Right: units 0..u-1, then one empty column per active slot u..u+s-1.
            // A unit's idle row reaches the empty columns of the slots it could fill, so that
            // every assignment is a perfect matching: a unit that fills a slot idles on its
            // empty column.
            for (int a = 0; a < s; a++) {
                Slot slot = slots.get(active.get(a));
                Pair[] row = pairs.get(slot.requirement().id());
                for (int j = 0; j < u; j++) {
                    if (row[j].feasible()) {
                        lsa.addArcWithCost(a, j, row[j].cost().total());
                        lsa.addArcWithCost(s + j, u + a, 0);
                    }
                }
                lsa.addArcWithCost(a, u + a, options.unfilledCost(slot.requirement().priority()));
            }
            for (int j = 0; j < u; j++) {
                lsa.addArcWithCost(s + j, j, 0);
            }
            LinearSumAssignment.Status st = lsa.solve();
            if (st != LinearSumAssignment.Status.OPTIMAL) {
                throw new IllegalStateException("assignment solver returned " + st);
            }
            for (int a = 0; a < s; a++) {
                int j = lsa.getRightMate(a);
                mate[active.get(a)] = j < u ? j : -1;
            }
            return firstSlotsFirst(slots, pairs, mate);
        } finally {
            lsa.delete();
        }
    }

    /**
     * The slots the solver needs, by index: a requirement with more slots than units that fit it
     * leaves the rest empty whatever the assignment, and its slots are alike, so only its first
     * min(quantity, units that fit) slots go to the solver. A thousand slots of a requirement three
     * units fit are three slots to solve, not a thousand: a hundred such requirements, with an arc
     * from every unit's idle row to every slot's empty column, took minutes.
     */
    static List<Integer> solverSlots(List<Slot> slots, Map<String, Pair[]> pairs) {
        List<Integer> active = new ArrayList<>();
        Map<String, Integer> fit = new HashMap<>();
        for (int i = 0; i < slots.size(); i++) {
            String id = slots.get(i).requirement().id();
            int f =
                    fit.computeIfAbsent(
                            id,
                            k -> {
                                int n = 0;
                                for (Pair p : pairs.get(k)) {
                                    n += p.feasible() ? 1 : 0;
                                }
                                return n;
                            });
            if (slots.get(i).slot() <= f) {
                active.add(i);
            }
        }
        return active;
    }

    /**
     * The slots of one requirement are alike (same costs), so the solver may fill any of them, and
     * which of alike units goes to which slot follows its tie-breaking. The requirement's units are
     * put in its first slots, cheapest first and, at equal cost, in catalogue order; the empty ones
     * are its last. The cost is unchanged, and the numbering follows the units chosen, not the
     * solver's tie-breaking: a planner reading "R#1, R#4 filled, R#2 empty", or finding two alike
     * units swapped after an unrelated unit joined the catalogue, would look for a difference
     * between the slots that is not there.
     */
    private static int[] firstSlotsFirst(List<Slot> slots, Map<String, Pair[]> pairs, int[] mate) {
        int i = 0;
        while (i < slots.size()) {
            int end = i;
            while (end < slots.size()
                    && slots.get(end).requirement() == slots.get(i).requirement()) {
                end++;
            }
            Pair[] row = pairs.get(slots.get(i).requirement().id());
            List<Integer> filled = new ArrayList<>();
            for (int x = i; x < end; x++) {
                if (mate[x] >= 0) {
                    filled.add(mate[x]);
                }
            }
            filled.sort(
                    Comparator.<Integer>comparingLong(j -> row[j].cost().total())
                            .thenComparingInt(j -> j));
            for (int x = i; x < end; x++) {
                int k = x - i;
                mate[x] = k < filled.size() ? filled.get(k) : -1;
            }
            i = end;
        }
        return mate;
    }

    /** Total cost of an assignment as {@link #assign} returns it. */
    public long cost(List<Slot> slots, Map<String, Pair[]> pairs, int[] mate) {
        long t = 0;
        for (int i = 0; i < slots.size(); i++) {
            Slot slot = slots.get(i);
            t +=
                    mate[i] < 0
                            ? options.unfilledCost(slot.requirement().priority())
                            : pairs.get(slot.requirement().id())[mate[i]].cost().total();
        }
        return t;
    }

    public SourcingOptions options() {
        return options;
    }

    private static List<Alternative> next(Pair[] row, Pair chosen, Map<String, String> takenBy) {
        List<Pair> ok = new ArrayList<>();
        for (Pair p : row) {
            if (p.feasible() && p != chosen) {
                ok.add(p);
            }
        }
        ok.sort(
                Comparator.comparingLong((Pair p) -> p.cost().total())
                        .thenComparing(p -> p.unit().uic()));
        List<Alternative> out = new ArrayList<>();
        for (Pair p : ok.subList(0, Math.min(2, ok.size()))) {
            out.add(new Alternative(p.unit().uic(), p.cost(), takenBy.get(p.unit().uic())));
        }
        return out;
    }

    private static List<RequirementLine> lines(Pair p, CapabilityRequirement r) {
        List<RequirementLine> out = new ArrayList<>();
        Unit u = p.unit();
        for (Estimate.Leg leg : p.outcome().legs()) {
            out.add(
                    new RequirementLine(
                            u.uic() + "-" + leg.suffix(),
                            u.name(),
                            u.nation(),
                            leg.pax(),
                            leg.mode() == LineMode.SEA
                                    ? leg.cargo()
                                    : leg.cargo().stream()
                                            .map(e -> new CargoEntry(e.cargoClass(), e.stons(), 0))
                                            .toList(),
                            u.homeStation(),
                            leg.poe(),
                            leg.pod(),
                            r.destination(),
                            leg.rld(),
                            leg.ald(),
                            leg.ead(),
                            r.lad(),
                            r.rdd(),
                            r.priority(),
                            leg.mode()));
        }
        return out;
    }

    /** The network scenario with catalogue stations and their links added where missing. */
    static Scenario withStations(Scenario network, Catalogue cat) {
        List<Node> nodes = new ArrayList<>(network.nodes());
        Set<String> ids = new LinkedHashSet<>();
        for (Node n : nodes) {
            ids.add(n.id());
        }
        List<Route> routes = new ArrayList<>(network.routes());
        Set<String> links = new HashSet<>();
        for (Route r : routes) {
            if (!r.isChannel()) {
                links.add(r.from() + "\u0000" + r.to());
                links.add(r.to() + "\u0000" + r.from());
            }
        }
        // A station the network already has keeps the network's node; its links are still added,
        // so a catalogue can connect a known post to a port the network does not link it to.
        for (Station st : cat.stations()) {
            if (ids.add(st.node().id())) {
                nodes.add(st.node());
            }
            for (RoadLink l : st.links()) {
                if (links.add(st.node().id() + "\u0000" + l.to())) {
                    links.add(l.to() + "\u0000" + st.node().id());
                    routes.add(
                            new Route(
                                    null,
                                    l.mode(),
                                    st.node().id(),
                                    l.to(),
                                    List.of(),
                                    List.of(),
                                    l.hours()));
                }
            }
        }
        return new Scenario(
                network.name(),
                nodes,
                network.lift(),
                routes,
                network.requirements(),
                network.planning());
    }
}
