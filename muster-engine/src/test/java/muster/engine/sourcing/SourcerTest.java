package muster.engine.sourcing;

import static muster.engine.sourcing.Fixtures.C_DATE;
import static muster.engine.sourcing.Fixtures.SHIP_CARGO;
import static muster.engine.sourcing.Fixtures.network;
import static muster.engine.sourcing.Fixtures.networkWith;
import static muster.engine.sourcing.Fixtures.req;
import static muster.engine.sourcing.Fixtures.unit;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import muster.model.Fault;
import muster.model.GroundHours;
import muster.model.LiftMode;
import muster.model.LiftType;
import muster.model.Network;
import muster.model.Node;
import muster.model.NodeKind;
import muster.model.RequirementLine;
import muster.model.RouteMode;
import muster.model.Scenario;
import muster.model.force.CapabilityRequirement;
import muster.model.force.CapabilityType;
import muster.model.force.Catalogue;
import muster.model.force.DeployMode;
import muster.model.force.Echelon;
import muster.model.force.RequirementSet;
import muster.model.force.RoadLink;
import muster.model.force.Station;
import muster.model.force.Unit;
import muster.model.force.Window;
import muster.model.validate.ScenarioValidator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class SourcerTest {
    private static final CapabilityType[] CAPS = {
        CapabilityType.IBCT, CapabilityType.ABCT, CapabilityType.SBCT
    };
    private static final String[] NATIONS = {"US", "GB", "DE"};
    private static final int[] NTM = {12, 48, 96, 240, 600};

    static Stream<Long> seeds() {
        return Stream.iterate(1L, s -> s + 1).limit(120);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void matchesBruteForceOnRandomSmallCases(long seed) {
        Random rnd = new Random(seed);
        List<Unit> units = new ArrayList<>();
        int nu = 1 + rnd.nextInt(6);
        for (int j = 0; j < nu; j++) {
            DeployMode m = DeployMode.values()[rnd.nextInt(3)];
            List<Window> w =
                    rnd.nextInt(4) == 0
                            ? List.of(
                                    new Window(
                                            C_DATE.plusDays(rnd.nextInt(20)), C_DATE.plusDays(40)))
                            : List.of();
            units.add(
                    unit(
                            "U" + j,
                            CAPS[rnd.nextInt(CAPS.length)],
                            NATIONS[rnd.nextInt(NATIONS.length)],
                            1 + rnd.nextInt(4),
                            NTM[rnd.nextInt(NTM.length)],
                            m,
                            rnd.nextInt(4) == 0 ? "elsewhere" : null,
                            w));
        }
        List<CapabilityRequirement> reqs = new ArrayList<>();
        int slots = 0;
        for (int i = 0; slots < 5 && i < 1 + rnd.nextInt(3); i++) {
            int q = 1 + rnd.nextInt(Math.min(2, 5 - slots));
            slots += q;
            List<String> nations =
                    rnd.nextInt(3) == 0 ? List.of(NATIONS[rnd.nextInt(NATIONS.length)]) : List.of();
            reqs.add(
                    req(
                            "R" + i,
                            CAPS[rnd.nextInt(CAPS.length)],
                            q,
                            3 + rnd.nextInt(35),
                            1 + rnd.nextInt(3),
                            nations));
        }
        RequirementSet set = new RequirementSet("random", C_DATE, rnd.nextInt(3), reqs);
        Catalogue cat = new Catalogue("random", List.of(), units);
        Sourcer sourcer = new Sourcer();
        SourcingResult res = sourcer.source(set, cat, network(), false);
        String msg = "seed " + seed;
        assertThat(res.refused()).as(msg + " " + res.faults()).isFalse();

        Map<String, Sourcer.Pair[]> pairs = sourcer.evaluate(set, cat, new Network(network()));
        List<Sourcer.Slot> sl = Sourcer.slots(set);
        long best = brute(sourcer, sl, pairs, 0, new boolean[units.size()]);
        assertThat(res.totalCost()).as(msg + ": solver total vs brute force").isEqualTo(best);

        // The reported choices are a valid assignment whose costs add up to the total.
        Set<String> used = new HashSet<>();
        long sum = 0;
        for (Choice c : res.choices()) {
            assertThat(used.add(c.uic())).as(msg + ": unit used twice " + c.uic()).isTrue();
            sum += c.cost().total();
        }
        for (Unfilled u : res.unfilled()) {
            sum += u.cost();
            assertThat(u.reasons()).as(msg).hasSize(units.size());
        }
        assertThat(sum).as(msg).isEqualTo(res.totalCost());
        assertThat(res.choices().size() + res.unfilled().size()).as(msg).isEqualTo(sl.size());
    }

    private static long brute(
            Sourcer s,
            List<Sourcer.Slot> slots,
            Map<String, Sourcer.Pair[]> pairs,
            int i,
            boolean[] used) {
        if (i == slots.size()) {
            return 0;
        }
        Sourcer.Slot slot = slots.get(i);
        long best =
                s.options().unfilledCost(slot.requirement().priority())
                        + brute(s, slots, pairs, i + 1, used);
        Sourcer.Pair[] row = pairs.get(slot.requirement().id());
        for (int j = 0; j < row.length; j++) {
            if (!used[j] && row[j].feasible()) {
                used[j] = true;
                best = Math.min(best, row[j].cost().total() + brute(s, slots, pairs, i + 1, used));
                used[j] = false;
            }
        }
        return best;
    }

    @Test
    void explainsWhyNothingFits() {
        List<Unit> units =
                List.of(
                        unit(
                                "ARMOUR",
                                CapabilityType.ABCT,
                                "PL",
                                1,
                                24,
                                DeployMode.AIR,
                                null,
                                List.of()),
                        unit(
                                "YANKEE",
                                CapabilityType.IBCT,
                                "US",
                                1,
                                24,
                                DeployMode.AIR,
                                null,
                                List.of()),
                        unit(
                                "BANNED",
                                CapabilityType.IBCT,
                                "PL",
                                1,
                                24,
                                DeployMode.AIR,
                                null,
                                List.of()),
                        unit(
                                "SLOW",
                                CapabilityType.IBCT,
                                "PL",
                                1,
                                24 * 30,
                                DeployMode.AIR,
                                null,
                                List.of()),
                        unit(
                                "AWAY",
                                CapabilityType.IBCT,
                                "PL",
                                1,
                                24,
                                DeployMode.AIR,
                                null,
                                List.of(new Window(C_DATE.plusDays(20), C_DATE.plusDays(60)))),
                        noRoute(
                                unit(
                                        "ITALY",
                                        CapabilityType.IBCT,
                                        "PL",
                                        1,
                                        24,
                                        DeployMode.AIR,
                                        null,
                                        List.of())),
                        unit(
                                "GOOD",
                                CapabilityType.IBCT,
                                "PL",
                                2,
                                24,
                                DeployMode.AIR,
                                null,
                                List.of()));
        CapabilityRequirement r =
                new CapabilityRequirement(
                        "R1",
                        CapabilityType.IBCT,
                        null,
                        2,
                        "DEST",
                        "APOD",
                        "SPOD",
                        0,
                        10,
                        10,
                        1,
                        List.of("PL"),
                        List.of("BANNED"),
                        null);
        SourcingResult res =
                new Sourcer()
                        .source(
                                new RequirementSet("x", C_DATE, 0, List.of(r)),
                                new Catalogue("c", List.of(), units),
                                network(),
                                false);
        assertThat(res.refused()).isFalse();
        assertThat(res.choices()).extracting(Choice::uic).containsExactly("GOOD");
        assertThat(res.unfilled()).hasSize(1);
        Map<String, Reason> why = new HashMap<>();
        for (Rejection x : res.unfilled().get(0).reasons()) {
            why.put(x.uic(), x.reason());
        }
        assertThat(why)
                .containsEntry("ARMOUR", Reason.WRONG_CAPABILITY)
                .containsEntry("YANKEE", Reason.NATION_RULE)
                .containsEntry("BANNED", Reason.EXCLUDED)
                .containsEntry("SLOW", Reason.PAST_LAD)
                .containsEntry("AWAY", Reason.UNAVAILABLE)
                .containsEntry("ITALY", Reason.NO_ROUTE)
                .containsEntry("GOOD", Reason.TAKEN);
        // The chosen unit's readiness 2 shows in its cost breakdown.
        assertThat(res.choices().get(0).cost().readinessCost())
                .isEqualTo(SourcingOptions.DEFAULTS.readinessPerLevel());
    }

    private static Unit noRoute(Unit u) {
        return at(u, u.homeStation(), "NOPE", u.seaPoe());
    }

    @Test
    void prefersReadyUncommittedUnitsAndNamesTwoAlternatives() {
        List<Unit> units =
                List.of(
                        unit(
                                "C3",
                                CapabilityType.IBCT,
                                "US",
                                3,
                                24,
                                DeployMode.AIR,
                                null,
                                List.of()),
                        unit(
                                "BUSY",
                                CapabilityType.IBCT,
                                "US",
                                1,
                                24,
                                DeployMode.AIR,
                                "Korea",
                                List.of()),
                        unit(
                                "C1",
                                CapabilityType.IBCT,
                                "US",
                                1,
                                24,
                                DeployMode.AIR,
                                null,
                                List.of()));
        RequirementSet set =
                new RequirementSet(
                        "x",
                        C_DATE,
                        0,
                        List.of(req("R1", CapabilityType.IBCT, 1, 10, 1, List.of())));
        SourcingResult res =
                new Sourcer().source(set, new Catalogue("c", List.of(), units), network(), false);
        Choice c = res.choices().get(0);
        assertThat(c.uic()).isEqualTo("C1");
        assertThat(c.next()).extracting(Alternative::uic).containsExactly("C3", "BUSY");
        assertThat(c.next().get(1).cost().committedCost())
                .isEqualTo(SourcingOptions.DEFAULTS.committedPenalty());
    }

    @Test
    void splitsLinesAsAPlannerWouldAndKeepsDatesOrdered() {
        List<Unit> units =
                List.of(
                        unit(
                                "LIGHT",
                                CapabilityType.IBCT,
                                "US",
                                1,
                                18,
                                DeployMode.AIR,
                                null,
                                List.of()),
                        unit(
                                "HEAVY",
                                CapabilityType.ABCT,
                                "US",
                                1,
                                96,
                                DeployMode.AIR_SEA,
                                null,
                                List.of()),
                        unit(
                                "NEAR",
                                CapabilityType.SBCT,
                                "US",
                                1,
                                24,
                                DeployMode.LAND,
                                null,
                                List.of()));
        RequirementSet set =
                new RequirementSet(
                        "x",
                        C_DATE,
                        0,
                        List.of(
                                req("R1", CapabilityType.IBCT, 1, 5, 1, List.of()),
                                req("R2", CapabilityType.ABCT, 1, 30, 2, List.of()),
                                req("R3", CapabilityType.SBCT, 1, 5, 1, List.of())));
        SourcingResult res =
                new Sourcer().source(set, new Catalogue("c", List.of(), units), network(), false);
        assertThat(res.lines())
                .extracting(RequirementLine::uln)
                .containsExactly("LIGHT-P", "LIGHT-A", "HEAVY-P", "HEAVY-S", "NEAR-L");
        for (RequirementLine l : res.lines()) {
            assertThat(l.rld()).as(l.uln()).isLessThanOrEqualTo(l.ald());
            assertThat(l.ead()).as(l.uln()).isLessThanOrEqualTo(l.lad());
            assertThat(l.rdd()).as(l.uln()).isLessThan(45);
        }
        RequirementLine sea = res.lines().get(3);
        assertThat(sea.mode()).isEqualTo(muster.model.LineMode.SEA);
        assertThat(sea.pax()).isZero();
        assertThat(sea.cargo()).allMatch(e -> e.sqft() > 0);
        assertThat(res.lines().get(2).pax()).isEqualTo(3000);
        assertThat(res.lines().get(4).poe()).isNull();
        assertThat(res.scenario().requirements()).hasSize(5);
    }

    /**
     * A unit whose port is the requirement's POD is already there: an AIR or SEA line from a port
     * to itself does not validate, so its people and equipment go to the destination by land, and
     * one with no road from home to the destination is refused for that, not for want of a channel.
     */
    @Test
    void aUnitWhosePortIsThePodGoesByLandInsteadOfFlyingNowhere() {
        Unit there =
                at(
                        unit(
                                "THERE",
                                CapabilityType.IBCT,
                                "US",
                                1,
                                18,
                                DeployMode.AIR,
                                null,
                                List.of()),
                        "APOD",
                        "APOD",
                        null);
        Unit away =
                at(
                        unit(
                                "AWAY",
                                CapabilityType.IBCT,
                                "US",
                                1,
                                18,
                                DeployMode.AIR,
                                null,
                                List.of()),
                        "HOME1",
                        "APOD",
                        null);
        Unit heavy =
                at(
                        unit(
                                "HEAVY",
                                CapabilityType.ABCT,
                                "US",
                                1,
                                96,
                                DeployMode.AIR_SEA,
                                null,
                                List.of()),
                        "DEST",
                        "APOD",
                        "SPOD");
        RequirementSet set =
                new RequirementSet(
                        "x",
                        C_DATE,
                        0,
                        List.of(
                                req("R1", CapabilityType.IBCT, 2, 10, 1, List.of()),
                                req("R2", CapabilityType.ABCT, 1, 30, 2, List.of())));
        SourcingResult res =
                new Sourcer()
                        .source(
                                set,
                                new Catalogue("c", List.of(), List.of(there, away, heavy)),
                                network(),
                                false);
        assertThat(res.choices()).extracting(Choice::uic).containsExactly("THERE", "HEAVY");
        assertThat(res.lines())
                .extracting(
                        l -> l.uln() + " " + l.mode() + " " + l.origin() + ">" + l.destination())
                .containsExactly(
                        "THERE-P LAND APOD>DEST",
                        "THERE-A LAND APOD>DEST",
                        "HEAVY-P LAND DEST>DEST",
                        "HEAVY-S LAND DEST>DEST");
        assertThat(res.lines()).allMatch(l -> l.poe() == null && l.pod() == null);
        assertThat(res.lines().get(0).pax()).isEqualTo(3000);
        assertThat(res.lines().get(1).cargo())
                .extracting(e -> e.stons())
                .containsExactly(300.0, 500.0);
        assertThat(ScenarioValidator.validate(res.scenario()).stream().filter(Fault::isError))
                .isEmpty();
        Rejection why = res.unfilled().get(0).reasons().get(1);
        assertThat(why.uic()).isEqualTo("AWAY");
        assertThat(why.reason()).isEqualTo(Reason.NO_ROUTE);
        assertThat(why.detail())
                .contains("air POE APOD is the requirement's air POD")
                .contains("no road or rail route from HOME1 to DEST")
                .doesNotContain("no AIR route");
    }

    /**
     * The estimate takes the lift type that closes the line earliest and lands it by the LAD, not
     * the one with the fewest hours from onload to the end of offload: at a POD that opens after
     * both would arrive, the type that offloads faster closes first, and where the
     * faster-offloading type arrives after the LAD the other, arriving in time, is the one that
     * counts.
     */
    @Test
    void takesTheLiftTypeThatClosesEarliestWithinTheLad() {
        // LMSR: 72 h onload, 175 h at sea, 48 h offload (295 h); FAST: 72 + 140 + 200 (412 h);
        // SLOW: 10 + 350 + 10 (370 h)
        Scenario net = networkWith(List.of(ship("FAST", 30, 72, 200), ship("SLOW", 12, 10, 10)));
        List<Unit> heavy =
                List.of(
                        at(
                                us("HEAVY", CapabilityType.ABCT, 1, 0, DeployMode.AIR_SEA),
                                "HOME2",
                                "APOE",
                                "SPOE"));
        // at the SPOE from hour 25 (1 h road, 24 h handling): the LMSR lands at hour 272 (day 11),
        // FAST at hour 237 (day 9), SLOW at 385 (day 16); with the LAD on day 10 only FAST is in
        // time, closing at 237 + 200 + 24 (SPOD) + 30 (rail) = 491 h, day 20
        CapabilityRequirement byLad =
                one("R1", CapabilityType.ABCT, null, "DEST", "APOD", "SPOD", 0, 10, 25);
        SourcingResult res = source(net, heavy, byLad);
        assertThat(res.unfilled()).isEmpty();
        assertThat(res.choices().get(0).cost().closureDay()).isEqualTo(20);
        assertThat(res.lines())
                .filteredOn(l -> l.uln().equals("HEAVY-S"))
                .extracting(RequirementLine::ead)
                .containsExactly(9);
        // reception opens on day 20 (hour 480), after all three arrive: SLOW offloads in 10 h and
        // closes at 480 + 10 + 54 = 544 h, day 22; the LMSR would close at 582 h, day 24
        CapabilityRequirement late =
                one("R1", CapabilityType.ABCT, null, "DEST", "APOD", "SPOD", 20, 30, 30);
        SourcingResult opened = source(net, heavy, late);
        assertThat(opened.choices().get(0).cost().closureDay()).isEqualTo(22);
    }

    private static LiftType ship(String id, double knots, double onload, double offload) {
        return new LiftType(
                id,
                LiftMode.SEA,
                1,
                0,
                "SPOE",
                SHIP_CARGO,
                0,
                30000,
                300000,
                knots,
                Double.POSITIVE_INFINITY,
                new GroundHours(onload, offload, 0));
    }

    /**
     * A unit one of whose lines cannot go at all is NO_ROUTE, even where another line would arrive
     * past the LAD: PAST_LAD would send the planner to move the LAD, after which the unit still
     * could not fill the slot.
     */
    @Test
    void aLineWithNoWayOutranksAnotherLinesLateArrival() {
        Unit slow = us("SLOW", CapabilityType.ABCT, 1, 24 * 30, DeployMode.AIR_SEA);
        // people by air land past the LAD; the equipment has no sea POD to sail to at all
        CapabilityRequirement noSeaPod =
                one("R1", CapabilityType.ABCT, null, "DEST", "APOD", null, 0, 10, 10);
        SourcingResult res = source(List.of(slow), noSeaPod);
        Rejection why = res.unfilled().get(0).reasons().get(0);
        assertThat(why.reason()).isEqualTo(Reason.NO_ROUTE);
        assertThat(why.detail()).isEqualTo("the requirement names no sea POD");
    }

    /**
     * A requirement with more slots than units that fit it gives the solver only as many slots as
     * there are such units: the rest are empty whatever the assignment. A hundred requirements of a
     * thousand slots each, which two units fit, are two hundred slots to solve, not a hundred
     * thousand (which took minutes), and the result is the same.
     */
    @Test
    void onlyAsManySlotsOfARequirementAsUnitsFitItGoToTheSolver() {
        List<Unit> units = new ArrayList<>();
        for (int j = 0; j < 3; j++) {
            CapabilityType cap = j == 2 ? CapabilityType.ABCT : CapabilityType.IBCT;
            units.add(us("U" + j, cap, 1 + j, 12, DeployMode.AIR));
        }
        List<CapabilityRequirement> reqs = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            reqs.add(req("R" + i, CapabilityType.IBCT, 1000, 30, 1 + i % 3, List.of()));
        }
        reqs.add(req("HEAVY", CapabilityType.ABCT, 1, 30, 5, List.of()));
        RequirementSet set = new RequirementSet("x", C_DATE, 0, reqs);
        Catalogue cat = new Catalogue("c", List.of(), units);
        Sourcer sourcer = new Sourcer();
        List<Sourcer.Slot> slots = Sourcer.slots(set);
        Map<String, Sourcer.Pair[]> pairs = sourcer.evaluate(set, cat, new Network(network()));
        assertThat(slots).hasSize(100_001);
        assertThat(Sourcer.solverSlots(slots, pairs))
                .extracting(i -> slots.get(i).id())
                .hasSize(201)
                .contains("R0#1", "R0#2", "R99#2", "HEAVY#1")
                .doesNotContain("R0#3");
        SourcingResult res = sourcer.source(set, cat, network(), false);
        // the two IBCTs fill two priority-1 slots, the ABCT its own; the rest are empty
        assertThat(res.choices())
                .extracting(Choice::uic)
                .containsExactlyInAnyOrder("U0", "U1", "U2");
        assertThat(res.choices())
                .filteredOn(c -> c.uic().equals("U2"))
                .extracting(Choice::slotId)
                .containsExactly("HEAVY#1");
        assertThat(res.unfilled()).hasSize(100_001 - 3);
        long empty = 0;
        for (Unfilled u : res.unfilled()) {
            empty += u.cost();
        }
        long filled = 0;
        for (Choice c : res.choices()) {
            filled += c.cost().total();
        }
        assertThat(res.totalCost()).isEqualTo(empty + filled);
        assertThat(res.choices())
                .filteredOn(c -> !c.uic().equals("U2"))
                .allSatisfy(
                        c ->
                                assertThat(
                                                reqs.stream()
                                                        .filter(
                                                                r ->
                                                                        r.id().equals(
                                                                                        c
                                                                                                .requirementId()))
                                                        .findFirst()
                                                        .orElseThrow()
                                                        .priority())
                                        .isEqualTo(1));
    }

    /** A US unit, uncommitted and available throughout. */
    private static Unit us(
            String uic, CapabilityType cap, int readiness, int ntmHours, DeployMode mode) {
        return unit(uic, cap, "US", readiness, ntmHours, mode, null, List.of());
    }

    /** One slot of priority 1 for a unit of any nation. */
    private static CapabilityRequirement one(
            String id,
            CapabilityType cap,
            Echelon echelon,
            String destination,
            String airPod,
            String seaPod,
            int ead,
            int lad,
            int rdd) {
        return new CapabilityRequirement(
                id,
                cap,
                echelon,
                1,
                destination,
                airPod,
                seaPod,
                ead,
                lad,
                rdd,
                1,
                List.of(),
                List.of(),
                null);
    }

    /** Sources {@code reqs} from {@code units} into the fixture network, without appending. */
    private static SourcingResult source(List<Unit> units, CapabilityRequirement... reqs) {
        return source(network(), units, reqs);
    }

    private static SourcingResult source(
            Scenario network, List<Unit> units, CapabilityRequirement... reqs) {
        return new Sourcer()
                .source(
                        new RequirementSet("x", C_DATE, 0, List.of(reqs)),
                        new Catalogue("c", List.of(), units),
                        network,
                        false);
    }

    /** The unit at another home station and POEs, with no self-deploy time and uncommitted. */
    private static Unit at(Unit u, String home, String airPoe, String seaPoe) {
        return new Unit(
                u.uic(),
                u.name(),
                u.nation(),
                u.capability(),
                u.echelon(),
                home,
                airPoe,
                seaPoe,
                u.personnel(),
                u.equipment(),
                u.readiness(),
                u.noticeToMoveHours(),
                u.availability(),
                u.deployMode(),
                0,
                null,
                "test");
    }

    @Test
    void refusesRequirementsThatNameUnknownNodesOrDaysPastTheHorizon() {
        CapabilityRequirement bad =
                one("R1", CapabilityType.IBCT, null, "NOWHERE", "SPOD", null, 0, 50, 50);
        SourcingResult res = source(List.of(), bad);
        assertThat(res.refused()).isTrue();
        assertThat(res.faults())
                .extracting(f -> f.field() + "=" + f.value())
                .contains("destination=NOWHERE", "airPod=SPOD", "rdd=50");
        assertThat(res.scenario()).isNull();
    }

    @Test
    void aNodeIdOneSlipFromANetworkNodeGetsAMaybeHint() {
        CapabilityRequirement slip =
                one("R1", CapabilityType.IBCT, null, "DESTT", "NOWHERE", null, 0, 10, 10);
        Unit u = at(us("U1", CapabilityType.IBCT, 1, 18, DeployMode.AIR), "HOME1", "APOEX", null);
        SourcingResult res = source(List.of(u), slip);
        assertThat(res.refused()).isTrue();
        assertThat(res.faults())
                .extracting(f -> f.field() + "=" + f.value() + " maybe " + f.hint())
                .containsExactlyInAnyOrder(
                        "destination=DESTT maybe DEST",
                        "airPod=NOWHERE maybe null",
                        "airPoe=APOEX maybe APOE");
    }

    @Test
    void refusesAStationTheSourcedScenarioWouldNotValidate() {
        Station post =
                new Station(
                        new Node("POST", "Post", NodeKind.INSTALLATION, "US", 35, -79, 0, 0, 0),
                        List.of(
                                new RoadLink("APOE", RouteMode.ROAD, 2),
                                new RoadLink("NOWHERE", RouteMode.RAIL, 30)));
        // a new airfield needs a mog as a scenario's does; one the network has keeps its own node
        Station field =
                new Station(
                        new Node("NEWAF", "Field", NodeKind.AIRFIELD, "US", 35, -78, 0, 0, 0),
                        List.of());
        Station known =
                new Station(
                        new Node("APOE", "Known", NodeKind.AIRFIELD, "US", 35, -79, 0, 0, 0),
                        List.of());
        Catalogue cat =
                new Catalogue(
                        "c",
                        List.of(post, field, known),
                        List.of(
                                unit(
                                        "U1",
                                        CapabilityType.IBCT,
                                        "US",
                                        1,
                                        12,
                                        DeployMode.AIR,
                                        null,
                                        List.of())));
        SourcingResult res =
                new Sourcer()
                        .source(
                                new RequirementSet(
                                        "x",
                                        C_DATE,
                                        0,
                                        List.of(
                                                req(
                                                        "R1",
                                                        CapabilityType.IBCT,
                                                        1,
                                                        30,
                                                        1,
                                                        List.of()))),
                                cat,
                                network(),
                                false);
        assertThat(res.refused()).isTrue();
        assertThat(res.faults())
                .extracting(f -> f.path() + " " + f.field() + "=" + f.value())
                .containsExactly("stations[0].links[1].to to=NOWHERE", "stations[1].mog mog=0");
        assertThat(res.scenario()).isNull();
    }

    @Test
    void aRequirementShortOfUnitsFillsItsFirstSlotsAndLeavesTheLastEmpty() {
        List<Unit> units = new ArrayList<>();
        for (int j = 0; j < 3; j++) {
            units.add(
                    unit(
                            "U" + j,
                            CapabilityType.IBCT,
                            "US",
                            1 + j % 2,
                            12,
                            DeployMode.AIR,
                            null,
                            List.of()));
        }
        RequirementSet set =
                new RequirementSet(
                        "x",
                        C_DATE,
                        0,
                        List.of(
                                req("R0", CapabilityType.IBCT, 2, 30, 1, List.of()),
                                req("R1", CapabilityType.IBCT, 6, 30, 2, List.of())));
        SourcingResult res =
                new Sourcer().source(set, new Catalogue("c", List.of(), units), network(), false);
        // the slots of a requirement are alike: which are filled says only how many
        assertThat(res.choices())
                .extracting(Choice::slotId)
                .containsExactly("R0#1", "R0#2", "R1#1");
        assertThat(res.unfilled())
                .extracting(Unfilled::slotId)
                .containsExactly("R1#2", "R1#3", "R1#4", "R1#5", "R1#6");
        for (Unfilled u : res.unfilled()) {
            assertThat(u.reasons())
                    .allSatisfy(
                            x -> assertThat(x.detail()).matches("assigned to (R0#[12]|R1#1) .*"));
        }
    }

    @Test
    void aRequirementsSlotsTakeItsUnitsCheapestFirstThenInCatalogueOrder() {
        // readiness 3, 1, 2, 1: costs 80, 0, 40, 0 above the same closure; U1 and U3 tie
        int[] readiness = {3, 1, 2, 1};
        List<Unit> units = new ArrayList<>();
        for (int j = 0; j < readiness.length; j++) {
            units.add(
                    unit(
                            "U" + j,
                            CapabilityType.IBCT,
                            "US",
                            readiness[j],
                            12,
                            DeployMode.AIR,
                            null,
                            List.of()));
        }
        RequirementSet set =
                new RequirementSet(
                        "x",
                        C_DATE,
                        0,
                        List.of(req("R", CapabilityType.IBCT, 4, 30, 1, List.of())));
        for (int n = 0; n < 2; n++) {
            // the same units with one that fits nothing before them: the same numbering
            List<Unit> cat = new ArrayList<>(units);
            if (n == 1) {
                cat.add(
                        0,
                        unit(
                                "X",
                                CapabilityType.SBCT,
                                "US",
                                1,
                                12,
                                DeployMode.AIR,
                                null,
                                List.of()));
            }
            SourcingResult res =
                    new Sourcer().source(set, new Catalogue("c", List.of(), cat), network(), false);
            assertThat(res.choices())
                    .as("catalogue " + n)
                    .extracting(c -> c.slotId() + "=" + c.uic())
                    .containsExactly("R#1=U1", "R#2=U3", "R#3=U2", "R#4=U0");
        }
    }

    @Test
    void namesWrongEchelonAndTooCostly() {
        List<Unit> units = List.of(us("BDE", CapabilityType.IBCT, 1, 24, DeployMode.AIR));
        CapabilityRequirement bn =
                one(
                        "BN",
                        CapabilityType.IBCT,
                        Echelon.BATTALION,
                        "DEST",
                        "APOD",
                        "SPOD",
                        0,
                        10,
                        10);
        SourcingResult res = source(units, bn);
        assertThat(res.unfilled().get(0).reasons())
                .extracting(Rejection::reason)
                .containsExactly(Reason.WRONG_ECHELON);

        // With an empty slot costing nothing, a feasible unit is not worth sending.
        Sourcer free = new Sourcer(new SourcingOptions(100, 40, 600, 1, 0, 0));
        SourcingResult none =
                free.source(
                        new RequirementSet(
                                "x",
                                C_DATE,
                                0,
                                List.of(req("R1", CapabilityType.IBCT, 1, 10, 1, List.of()))),
                        new Catalogue("c", List.of(), units),
                        network(),
                        false);
        assertThat(none.choices()).isEmpty();
        assertThat(none.unfilled().get(0).reasons())
                .extracting(Rejection::reason)
                .containsExactly(Reason.TOO_COSTLY);
        assertThat(none.totalCost()).isZero();
    }

    /**
     * A free unit that fits and costs exactly as much as the empty slot leaves the total the same
     * whether it fills the slot or not; when it is left out, its reason says it costs as much as
     * the empty slot, not more.
     */
    @Test
    void aUnitThatCostsAsMuchAsTheEmptySlotIsNotSaidToCostMore() {
        List<Unit> units = List.of(us("BDE", CapabilityType.IBCT, 1, 24, DeployMode.AIR));
        RequirementSet reqs =
                new RequirementSet(
                        "x",
                        C_DATE,
                        0,
                        List.of(req("R1", CapabilityType.IBCT, 1, 10, 1, List.of())));
        Catalogue cat = new Catalogue("c", List.of(), units);
        long unitCost =
                new Sourcer(SourcingOptions.DEFAULTS)
                        .source(reqs, cat, network(), false)
                        .choices()
                        .get(0)
                        .cost()
                        .total();
        for (long empty : List.of(unitCost - 1, unitCost)) {
            SourcingResult r =
                    new Sourcer(new SourcingOptions(100, 40, 600, 1, empty, 0))
                            .source(reqs, cat, network(), false);
            assertThat(r.totalCost()).as("empty slot at %d", empty).isEqualTo(empty);
            if (r.unfilled().isEmpty()) {
                // the tie went to the unit: nothing to explain
                assertThat(empty).isEqualTo(unitCost);
                continue;
            }
            Rejection x = r.unfilled().get(0).reasons().get(0);
            assertThat(x.reason()).isEqualTo(Reason.TOO_COSTLY);
            assertThat(x.detail())
                    .as("empty slot at %d, unit at %d", empty, unitCost)
                    .endsWith(
                            empty < unitCost
                                    ? " is more than leaving the slot empty (" + empty + ")"
                                    : " is as much as leaving the slot empty ("
                                            + empty
                                            + "), so filling it gains nothing");
        }
    }

    @Test
    void refusesAUlnClashWhenAppendingToANetworkThatAlreadyHasTheLine() {
        List<Unit> units =
                List.of(
                        unit(
                                "LIGHT",
                                CapabilityType.IBCT,
                                "US",
                                1,
                                18,
                                DeployMode.AIR,
                                null,
                                List.of()));
        RequirementSet set =
                new RequirementSet(
                        "x",
                        C_DATE,
                        0,
                        List.of(req("R1", CapabilityType.IBCT, 1, 10, 1, List.of())));
        SourcingResult first =
                new Sourcer().source(set, new Catalogue("c", List.of(), units), network(), false);
        SourcingResult again =
                new Sourcer()
                        .source(set, new Catalogue("c", List.of(), units), first.scenario(), true);
        assertThat(again.refused()).isTrue();
        // each clash is named at the network scenario's own line, with the slot and unit
        assertThat(again.faults())
                .filteredOn(Fault::isError)
                .extracting(f -> f.path() + " " + f.value() + ": " + f.message())
                .containsExactly(
                        "network:requirements[0].uln LIGHT-P: the network scenario already has a"
                                + " line with this ULN, which the unit chosen for R1#1 (LIGHT)"
                                + " would write too",
                        "network:requirements[1].uln LIGHT-A: the network scenario already has a"
                                + " line with this ULN, which the unit chosen for R1#1 (LIGHT)"
                                + " would write too");
        assertThat(again.faults()).allMatch(f -> !f.isError() || Sourcer.inNetwork(f));
        SourcingResult replaced =
                new Sourcer()
                        .source(set, new Catalogue("c", List.of(), units), first.scenario(), false);
        assertThat(replaced.scenario().requirements())
                .hasSize(first.scenario().requirements().size());
    }
}
