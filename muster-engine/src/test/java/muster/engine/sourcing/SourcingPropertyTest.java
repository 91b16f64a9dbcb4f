package muster.engine.sourcing;

import static muster.engine.sourcing.Fixtures.C_DATE;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import muster.model.CargoClass;
import muster.model.CargoEntry;
import muster.model.Fault;
import muster.model.GroundHours;
import muster.model.LiftMode;
import muster.model.LiftType;
import muster.model.LineMode;
import muster.model.Network;
import muster.model.RequirementLine;
import muster.model.Route;
import muster.model.Scenario;
import muster.model.force.CapabilityRequirement;
import muster.model.force.CapabilityType;
import muster.model.force.Catalogue;
import muster.model.force.DeployMode;
import muster.model.force.Echelon;
import muster.model.force.RequirementSet;
import muster.model.force.Unit;
import muster.model.force.Window;
import muster.model.validate.ScenarioValidator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Random small sourcing cases checked against docs/sourcing.md with no help from the sourcer: an
 * oracle written from the document's rules (matching, availability, the estimate, the LAD rule, the
 * cost table) rates every unit for every requirement, a brute-force search of every assignment
 * finds the least total, and the result must reach it and keep every stated rule: no unit twice,
 * each chosen unit fits and costs what the table says, a requirement's first slots are filled
 * cheapest first, every empty slot gives each unit's right reason, the "next" alternatives are the
 * cheapest others, and the lines are split, dated and valid as the document says.
 */
class SourcingPropertyTest {
    private static final CapabilityType[] CAPS = {
        CapabilityType.IBCT, CapabilityType.IBCT, CapabilityType.IBCT, CapabilityType.ABCT
    };
    private static final Echelon[] ECHELONS = {Echelon.BRIGADE, Echelon.BATTALION};
    private static final String[] NATIONS = {"US", "GB", "DE"};
    private static final int[] NTM = {0, 12, 30, 96, 240, 500};
    private static final String[] HOMES = {"HOME1", "HOME2", "GARR", "APOD", "DEST", "SPOD"};
    private static final String[] LIFT_HOMES = {
        "HOME1", "HOME2", "HOME1", "HOME2", "HOME1", "DEST"
    };
    private static final String[] AIR_POES = {
        "APOE", "APOE", "APOE", "APOE", "APOE", "APOE", "APOE", "APOE", "NOPE", "APOD"
    };
    private static final String[] SEA_POES = {"SPOE", "SPOE", "SPOE", "SPOE", "SPOE", "SPOD"};

    static Stream<Long> seeds() {
        return Stream.iterate(1L, s -> s + 1).limit(4000);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void keepsEveryRuleOfTheDocumentAndReachesTheLeastTotal(long seed) {
        Random rnd = new Random(seed);
        String msg = "seed " + seed;
        Scenario network = network(rnd);
        List<Unit> units = units(rnd);
        RequirementSet set = requirements(rnd, units);
        SourcingOptions opt =
                rnd.nextBoolean()
                        ? SourcingOptions.DEFAULTS
                        : new SourcingOptions(
                                rnd.nextInt(200),
                                rnd.nextInt(100),
                                rnd.nextInt(1000),
                                rnd.nextInt(4),
                                rnd.nextInt(3000),
                                rnd.nextInt(300));
        Catalogue cat = new Catalogue("random", List.of(), units);
        SourcingResult res = new Sourcer(opt).source(set, cat, network, false);
        assertThat(res.refused()).as(msg + " " + res.faults()).isFalse();

        Oracle oracle = new Oracle(new Network(network), set, opt);
        List<CapabilityRequirement> reqs = set.requirements();
        Map<String, Fit[]> fits = new HashMap<>();
        for (CapabilityRequirement r : reqs) {
            Fit[] row = new Fit[units.size()];
            for (int j = 0; j < units.size(); j++) {
                row[j] = oracle.fit(units.get(j), r);
            }
            fits.put(r.id(), row);
        }
        List<CapabilityRequirement> slotReq = new ArrayList<>();
        for (CapabilityRequirement r : reqs) {
            for (int k = 0; k < r.quantity(); k++) {
                slotReq.add(r);
            }
        }
        long best = brute(slotReq, fits, opt, 0, new boolean[units.size()]);
        assertThat(res.totalCost()).as(msg + ": total against every assignment").isEqualTo(best);

        // every slot once, in requirement order; no unit twice; costs add up to the total
        Map<String, String> slotOf = new HashMap<>();
        Map<String, Choice> bySlot = new HashMap<>();
        long sum = 0;
        for (Choice c : res.choices()) {
            assertThat(slotOf.put(c.uic(), c.slotId()))
                    .as(msg + ": " + c.uic() + " twice")
                    .isNull();
            bySlot.put(c.slotId(), c);
            sum += c.cost().total();
        }
        Map<String, Unfilled> empty = new HashMap<>();
        for (Unfilled u : res.unfilled()) {
            empty.put(u.slotId(), u);
            sum += u.cost();
        }
        assertThat(sum).as(msg + ": the parts add up to the total").isEqualTo(res.totalCost());
        assertThat(bySlot.size() + empty.size()).as(msg).isEqualTo(slotReq.size());

        for (CapabilityRequirement r : reqs) {
            Fit[] row = fits.get(r.id());
            long prev = Long.MIN_VALUE;
            int prevIndex = -1;
            boolean emptySeen = false;
            for (int k = 1; k <= r.quantity(); k++) {
                String slot = r.id() + "#" + k;
                Choice c = bySlot.get(slot);
                if (c == null) {
                    emptySeen = true;
                    Unfilled u = empty.get(slot);
                    assertThat(u).as(msg + ": " + slot + " neither filled nor empty").isNotNull();
                    checkEmpty(msg, r, u, row, units, slotOf, opt);
                    continue;
                }
                assertThat(emptySeen)
                        .as(msg + ": " + slot + " filled after an empty slot of " + r.id())
                        .isFalse();
                int j = index(units, c.uic());
                Fit f = row[j];
                assertThat(f.reason())
                        .as(msg + ": " + c.uic() + " chosen for " + slot + " does not fit")
                        .isNull();
                assertThat(c.cost())
                        .as(msg + ": cost of " + c.uic() + " in " + slot)
                        .isEqualTo(f.cost());
                assertThat(c.cost().total() > prev || c.cost().total() == prev && j > prevIndex)
                        .as(msg + ": " + slot + " not cheapest first, then in catalogue order")
                        .isTrue();
                prev = c.cost().total();
                prevIndex = j;
                checkNext(msg, c, row, units, slotOf);
                checkLines(msg, r, units.get(j), f, res.lines());
            }
        }
        assertThat(ScenarioValidator.validate(res.scenario()).stream().filter(Fault::isError))
                .as(msg + ": the sourced scenario validates")
                .isEmpty();
        int expectedLines = 0;
        for (Choice c : res.choices()) {
            expectedLines += fits.get(c.requirementId())[index(units, c.uic())].lines().size();
        }
        assertThat(res.lines())
                .as(msg + ": one line per leg of a chosen unit")
                .hasSize(expectedLines);
    }

    private static void checkEmpty(
            String msg,
            CapabilityRequirement r,
            Unfilled u,
            Fit[] row,
            List<Unit> units,
            Map<String, String> slotOf,
            SourcingOptions opt) {
        String slot = u.slotId();
        assertThat(u.cost()).as(msg + ": empty cost of " + slot).isEqualTo(emptyCost(opt, r));
        assertThat(u.reasons())
                .as(msg + ": " + slot + " gives every unit, in catalogue order")
                .extracting(Rejection::uic)
                .containsExactlyElementsOf(units.stream().map(Unit::uic).toList());
        for (int j = 0; j < units.size(); j++) {
            Rejection x = u.reasons().get(j);
            Fit f = row[j];
            String what = msg + ": " + slot + " reason for " + x.uic() + " (" + x.detail() + ")";
            if (f.reason() != null) {
                assertThat(x.reason()).as(what).isEqualTo(f.reason());
            } else if (slotOf.containsKey(x.uic())) {
                assertThat(x.reason()).as(what).isEqualTo(Reason.TAKEN);
                assertThat(x.detail()).as(what).contains(slotOf.get(x.uic()));
            } else {
                assertThat(x.reason()).as(what).isEqualTo(Reason.TOO_COSTLY);
                assertThat(f.cost().total())
                        .as(what + ": a free unit that fits costs no less than the empty slot")
                        .isGreaterThanOrEqualTo(u.cost());
            }
        }
    }

    private static void checkNext(
            String msg, Choice c, Fit[] row, List<Unit> units, Map<String, String> slotOf) {
        List<Long> others = new ArrayList<>();
        for (int j = 0; j < units.size(); j++) {
            if (row[j].reason() == null && !units.get(j).uic().equals(c.uic())) {
                others.add(row[j].cost().total());
            }
        }
        others.sort(Comparator.naturalOrder());
        assertThat(c.next())
                .as(msg + ": next of " + c.slotId() + " are the cheapest other units that fit")
                .extracting(a -> a.cost().total())
                .containsExactlyElementsOf(others.subList(0, Math.min(2, others.size())));
        for (Alternative a : c.next()) {
            int j = index(units, a.uic());
            assertThat(row[j].reason()).as(msg + ": next " + a.uic() + " fits").isNull();
            assertThat(a.cost()).as(msg + ": next " + a.uic() + " cost").isEqualTo(row[j].cost());
            assertThat(a.takenBy())
                    .as(msg + ": next " + a.uic() + " taken by")
                    .isEqualTo(slotOf.get(a.uic()));
        }
    }

    private static void checkLines(
            String msg, CapabilityRequirement r, Unit u, Fit f, List<RequirementLine> lines) {
        for (Leg leg : f.lines()) {
            String uln = u.uic() + "-" + leg.suffix();
            RequirementLine l =
                    lines.stream().filter(x -> x.uln().equals(uln)).findFirst().orElse(null);
            String what = msg + ": line " + uln;
            assertThat(l).as(what + " is written").isNotNull();
            assertThat(List.of(l.mode(), l.origin(), l.destination()))
                    .as(what)
                    .containsExactly(leg.mode(), u.homeStation(), r.destination());
            assertThat(new String[] {l.poe(), l.pod()})
                    .as(what + " ports")
                    .containsExactly(leg.poe(), leg.pod());
            assertThat(new int[] {l.rld(), l.ald(), l.ead(), l.lad(), l.rdd(), l.priority()})
                    .as(what + " rld, ald, ead, lad, rdd, priority")
                    .containsExactly(
                            leg.rld(), leg.ald(), leg.ead(), r.lad(), r.rdd(), r.priority());
            assertThat(l.pax()).as(what + " pax").isEqualTo(leg.pax());
            assertThat(l.cargo()).as(what + " cargo").isEqualTo(leg.cargo());
        }
    }

    private static int index(List<Unit> units, String uic) {
        for (int j = 0; j < units.size(); j++) {
            if (units.get(j).uic().equals(uic)) {
                return j;
            }
        }
        throw new AssertionError("no unit " + uic);
    }

    private static long emptyCost(SourcingOptions opt, CapabilityRequirement r) {
        // docs/sourcing.md: 20,000 + 1,000 x (10 - priority), nothing added past priority 10
        return opt.unfilledBase() + opt.unfilledPerPriority() * Math.max(0, 10 - r.priority());
    }

    private static long brute(
            List<CapabilityRequirement> slots,
            Map<String, Fit[]> fits,
            SourcingOptions opt,
            int i,
            boolean[] used) {
        if (i == slots.size()) {
            return 0;
        }
        CapabilityRequirement r = slots.get(i);
        long best = emptyCost(opt, r) + brute(slots, fits, opt, i + 1, used);
        Fit[] row = fits.get(r.id());
        for (int j = 0; j < row.length; j++) {
            if (!used[j] && row[j].reason() == null) {
                used[j] = true;
                best = Math.min(best, row[j].cost().total() + brute(slots, fits, opt, i + 1, used));
                used[j] = false;
            }
        }
        return best;
    }

    // ---- random cases -----------------------------------------------------------------------

    /** The fixture network, with a second lift type of each mode on some seeds. */
    private static Scenario network(Random rnd) {
        List<LiftType> lift = new ArrayList<>();
        if (rnd.nextBoolean()) {
            lift.add(
                    new LiftType(
                            "JET",
                            LiftMode.AIR,
                            2,
                            0,
                            "APOE",
                            rnd.nextBoolean()
                                    ? Set.of(CargoClass.PAX)
                                    : Set.of(CargoClass.PAX, CargoClass.BULK, CargoClass.OVERSIZE),
                            200,
                            40,
                            0,
                            250 + rnd.nextInt(300),
                            rnd.nextBoolean() ? Double.POSITIVE_INFINITY : 3000 + rnd.nextInt(3000),
                            new GroundHours(rnd.nextInt(30), rnd.nextInt(30), 0)));
        }
        if (rnd.nextBoolean()) {
            lift.add(
                    new LiftType(
                            "RORO",
                            LiftMode.SEA,
                            1,
                            0,
                            "SPOE",
                            Fixtures.SHIP_CARGO,
                            0,
                            20000,
                            200000,
                            12 + rnd.nextInt(20),
                            Double.POSITIVE_INFINITY,
                            new GroundHours(rnd.nextInt(100), rnd.nextInt(100), 0)));
        }
        return Fixtures.networkWith(lift);
    }

    private static <T> T pick(Random rnd, T[] xs) {
        return xs[rnd.nextInt(xs.length)];
    }

    private static List<Unit> units(Random rnd) {
        List<Unit> units = new ArrayList<>();
        int n = 1 + rnd.nextInt(6);
        for (int j = 0; j < n; j++) {
            DeployMode mode = pick(rnd, DeployMode.values());
            String airPoe =
                    mode == DeployMode.AIR || mode == DeployMode.AIR_SEA
                            ? pick(rnd, AIR_POES)
                            : null;
            String seaPoe = mode == DeployMode.AIR_SEA ? pick(rnd, SEA_POES) : null;
            List<CargoEntry> eq = new ArrayList<>();
            if (rnd.nextInt(4) > 0) {
                boolean sea = mode != DeployMode.AIR;
                eq.add(new CargoEntry(CargoClass.BULK, 100 + rnd.nextInt(900), sea ? 20000 : 0));
                if (rnd.nextBoolean()) {
                    eq.add(
                            new CargoEntry(
                                    CargoClass.OVERSIZE, 50 + rnd.nextInt(500), sea ? 15000 : 0));
                }
                if (sea && rnd.nextInt(3) == 0) {
                    eq.add(new CargoEntry(CargoClass.NAT, 500, 10000));
                }
            }
            int personnel = eq.isEmpty() || rnd.nextBoolean() ? 100 + rnd.nextInt(3000) : 0;
            List<Window> windows = new ArrayList<>();
            int nw = rnd.nextInt(3) == 0 ? 1 + rnd.nextInt(2) : 0;
            for (int w = 0; w < nw; w++) {
                LocalDate from = C_DATE.plusDays(rnd.nextInt(30));
                windows.add(new Window(from, from.plusDays(rnd.nextInt(20))));
            }
            units.add(
                    new Unit(
                            "U" + j,
                            "Unit " + j,
                            pick(rnd, NATIONS),
                            pick(rnd, CAPS),
                            pick(rnd, ECHELONS),
                            mode == DeployMode.AIR || mode == DeployMode.AIR_SEA
                                    ? pick(rnd, LIFT_HOMES)
                                    : pick(rnd, HOMES),
                            airPoe,
                            seaPoe,
                            personnel,
                            eq,
                            1 + rnd.nextInt(4),
                            NTM[rnd.nextInt(NTM.length)],
                            windows,
                            mode,
                            mode == DeployMode.SELF ? rnd.nextInt(800) : 0,
                            rnd.nextInt(4) == 0 ? "elsewhere" : null,
                            "test"));
        }
        return units;
    }

    private static RequirementSet requirements(Random rnd, List<Unit> units) {
        List<CapabilityRequirement> reqs = new ArrayList<>();
        int slots = 0;
        int n = 1 + rnd.nextInt(3);
        for (int i = 0; i < n && slots < 5; i++) {
            int q = 1 + rnd.nextInt(Math.min(3, 5 - slots));
            slots += q;
            int ead = rnd.nextInt(15);
            int lad = ead + rnd.nextInt(30);
            int rdd = Math.max(0, Math.min(44, lad - 3 + rnd.nextInt(9)));
            List<String> only = new ArrayList<>();
            if (rnd.nextInt(4) == 0) {
                only.add(pick(rnd, NATIONS));
                if (rnd.nextBoolean()) {
                    only.add(pick(rnd, NATIONS));
                }
            }
            List<String> excl =
                    rnd.nextInt(4) == 0
                            ? List.of(units.get(rnd.nextInt(units.size())).uic())
                            : List.of();
            reqs.add(
                    new CapabilityRequirement(
                            "R" + i,
                            pick(rnd, CAPS),
                            rnd.nextInt(3) > 0 ? null : pick(rnd, ECHELONS),
                            q,
                            rnd.nextInt(10) == 0 ? "GARR" : "DEST",
                            rnd.nextInt(10) == 0 ? null : "APOD",
                            rnd.nextInt(4) == 0 ? null : "SPOD",
                            ead,
                            lad,
                            rdd,
                            1 + rnd.nextInt(12),
                            only,
                            excl,
                            null));
        }
        return new RequirementSet("random", C_DATE, rnd.nextInt(4), reqs);
    }

    // ---- the oracle: docs/sourcing.md, rule by rule -----------------------------------------

    /** One line of a unit's estimate: how it moves and its dates. */
    record Leg(
            String suffix,
            LineMode mode,
            int pax,
            List<CargoEntry> cargo,
            String poe,
            String pod,
            int rld,
            int ald,
            int ead,
            double closure) {}

    /** A unit rated for a requirement: a reason it cannot fill it, or its cost and lines. */
    record Fit(Reason reason, Cost cost, List<Leg> lines) {}

    /** The reason a line cannot go, or the line. */
    record Way(Reason reason, Leg leg) {}

    static final class Oracle {
        private final Network net;
        private final RequirementSet set;
        private final SourcingOptions opt;

        Oracle(Network net, RequirementSet set, SourcingOptions opt) {
            this.net = net;
            this.set = set;
            this.opt = opt;
        }

        Fit fit(Unit u, CapabilityRequirement r) {
            if (u.capability() != r.capability()) {
                return no(Reason.WRONG_CAPABILITY);
            }
            if (r.echelon() != null && r.echelon() != u.echelon()) {
                return no(Reason.WRONG_ECHELON);
            }
            if (!r.onlyNations().isEmpty() && !r.onlyNations().contains(u.nation())) {
                return no(Reason.NATION_RULE);
            }
            if (r.excludeUnits().contains(u.uic())) {
                return no(Reason.EXCLUDED);
            }
            // 1. ready day, moved to the start of the next window when outside every window
            int ready = (int) Math.ceil((24.0 * set.decisionDay() + u.noticeToMoveHours()) / 24.0);
            if (!u.availability().isEmpty()) {
                LocalDate day = set.cDate().plusDays(ready);
                LocalDate start = null;
                for (Window w : u.availability()) {
                    if (w.contains(day)) {
                        start = day;
                        break;
                    }
                    if (w.from().isAfter(day) && (start == null || w.from().isBefore(start))) {
                        start = w.from();
                    }
                }
                if (start == null || ChronoUnit.DAYS.between(set.cDate(), start) > r.lad()) {
                    return no(Reason.UNAVAILABLE);
                }
                ready = (int) ChronoUnit.DAYS.between(set.cDate(), start);
            }
            List<Way> ways = new ArrayList<>();
            double closure;
            List<CargoEntry> bySea = u.equipment();
            List<CargoEntry> byAirOrLand =
                    u.equipment().stream()
                            .map(e -> new CargoEntry(e.cargoClass(), e.stons(), 0))
                            .toList();
            boolean hasCargo = u.equipment().stream().anyMatch(e -> e.stons() > 0);
            switch (u.deployMode()) {
                case SELF -> {
                    closure = 24.0 * ready + u.selfDeployHours();
                    if (Math.floor(closure / 24) > r.lad()) {
                        return no(Reason.PAST_LAD);
                    }
                    return cost(u, r, closure, List.of());
                }
                case LAND -> ways.add(land("L", u, u.personnel(), byAirOrLand, r, ready));
                case AIR -> {
                    if (u.personnel() > 0) {
                        ways.add(lift("P", LineMode.AIR, u, u.personnel(), List.of(), r, ready));
                    }
                    if (hasCargo) {
                        ways.add(lift("A", LineMode.AIR, u, 0, byAirOrLand, r, ready));
                    }
                }
                case AIR_SEA -> {
                    if (u.personnel() > 0) {
                        ways.add(lift("P", LineMode.AIR, u, u.personnel(), List.of(), r, ready));
                    }
                    if (hasCargo) {
                        ways.add(lift("S", LineMode.SEA, u, 0, bySea, r, ready));
                    }
                }
            }
            // a line with no way at all rules the unit out whatever the LAD; else a late line does
            if (ways.stream().anyMatch(w -> w.reason() == Reason.NO_ROUTE)) {
                return no(Reason.NO_ROUTE);
            }
            if (ways.stream().anyMatch(w -> w.reason() == Reason.PAST_LAD)) {
                return no(Reason.PAST_LAD);
            }
            closure = 24.0 * ready;
            List<Leg> legs = new ArrayList<>();
            for (Way w : ways) {
                legs.add(w.leg());
                closure = Math.max(closure, w.leg().closure());
            }
            return cost(u, r, closure, legs);
        }

        private Fit cost(Unit u, CapabilityRequirement r, double closure, List<Leg> legs) {
            int day = (int) Math.floor(closure / 24);
            int late = Math.max(0, day - r.rdd());
            return new Fit(
                    null,
                    new Cost(
                            day,
                            late,
                            late * opt.latePerDay(),
                            (u.readiness() - 1L) * opt.readinessPerLevel(),
                            u.committedTo() == null ? 0 : opt.committedPenalty(),
                            day * opt.closurePerDay()),
                    legs);
        }

        private static Fit no(Reason why) {
            return new Fit(why, null, List.of());
        }

        /** A LAND line, leaving no earlier than it needs to arrive on the EAD. */
        private Way land(
                String suffix,
                Unit u,
                int pax,
                List<CargoEntry> cargo,
                CapabilityRequirement r,
                int ready) {
            OptionalDouble h = net.landHours(u.homeStation(), r.destination());
            if (h.isEmpty()) {
                return new Way(Reason.NO_ROUTE, null);
            }
            int rld = Math.max(ready, r.ead() - (int) Math.floor(h.getAsDouble() / 24));
            double closure = 24.0 * rld + h.getAsDouble();
            if (Math.floor(closure / 24) > r.lad()) {
                return new Way(Reason.PAST_LAD, null);
            }
            // a LAND line gives no deck area
            List<CargoEntry> byLand =
                    cargo.stream().map(e -> new CargoEntry(e.cargoClass(), e.stons(), 0)).toList();
            return new Way(
                    null,
                    new Leg(
                            suffix,
                            LineMode.LAND,
                            pax,
                            byLand,
                            null,
                            null,
                            rld,
                            rld,
                            rld,
                            closure));
        }

        /**
         * An AIR or SEA line: the earliest closure of any route and lift type that carries its
         * classes within range and lands it at the POD by the LAD.
         */
        private Way lift(
                String suffix,
                LineMode mode,
                Unit u,
                int pax,
                List<CargoEntry> cargo,
                CapabilityRequirement r,
                int ready) {
            String poe = mode == LineMode.AIR ? u.airPoe() : u.seaPoe();
            String pod = mode == LineMode.AIR ? r.airPod() : r.seaPod();
            if (poe == null || pod == null) {
                return new Way(Reason.NO_ROUTE, null);
            }
            if (poe.equals(pod)) {
                return land(suffix, u, pax, cargo, r, ready);
            }
            OptionalDouble road = net.landHours(u.homeStation(), poe);
            OptionalDouble onward = net.landHours(pod, r.destination());
            if (road.isEmpty() || onward.isEmpty()) {
                return new Way(Reason.NO_ROUTE, null);
            }
            double atPoe = 24.0 * ready + road.getAsDouble() + net.node(poe).handlingHours();
            int ald = (int) Math.floor((24.0 * ready + road.getAsDouble()) / 24);
            boolean any = false;
            Leg best = null;
            double bestArrive = 0;
            for (LiftType t : net.scenario().lift()) {
                if (t.mode() != mode.liftMode() || t.speedKnots() <= 0) {
                    continue;
                }
                if (pax > 0 && !t.canTake(CargoClass.PAX)
                        || cargo.stream()
                                .anyMatch(e -> e.stons() > 0 && !t.canTake(e.cargoClass()))) {
                    continue;
                }
                for (Route route : net.channels(mode.liftMode(), poe, pod)) {
                    double nm = 0;
                    boolean inRange = true;
                    for (int i = 0; i + 1 < route.points().size(); i++) {
                        nm += net.legNm(route, i);
                        inRange &= net.legNm(route, i) <= t.rangeNm();
                    }
                    if (!inRange) {
                        continue;
                    }
                    any = true;
                    GroundHours g = t.groundHours();
                    double arrive =
                            Math.max(
                                    atPoe
                                            + g.onload()
                                            + nm / t.speedKnots()
                                            + route.via().size() * g.enroute(),
                                    24.0 * r.ead());
                    if (Math.floor(arrive / 24) > r.lad()) {
                        continue;
                    }
                    double closure =
                            arrive
                                    + g.offload()
                                    + net.node(pod).handlingHours()
                                    + onward.getAsDouble();
                    if (best == null
                            || closure < best.closure()
                            || closure == best.closure() && arrive < bestArrive) {
                        best =
                                new Leg(
                                        suffix,
                                        mode,
                                        pax,
                                        cargo,
                                        poe,
                                        pod,
                                        ready,
                                        ald,
                                        (int) Math.floor(arrive / 24),
                                        closure);
                        bestArrive = arrive;
                    }
                }
            }
            if (!any) {
                return new Way(Reason.NO_ROUTE, null);
            }
            return best == null ? new Way(Reason.PAST_LAD, null) : new Way(null, best);
        }
    }
}
