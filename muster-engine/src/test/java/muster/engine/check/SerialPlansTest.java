package muster.engine.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import muster.engine.check.testkit.PlanEdits;
import muster.engine.generate.SmallScenarios;
import muster.model.Activity;
import muster.model.CargoEntry;
import muster.model.LiftMode;
import muster.model.LiftType;
import muster.model.LineMode;
import muster.model.Load;
import muster.model.LoadCargo;
import muster.model.Mission;
import muster.model.Network;
import muster.model.Node;
import muster.model.Plan;
import muster.model.RequirementLine;
import muster.model.Route;
import muster.model.Scenario;
import muster.model.Stop;
import org.junit.jupiter.api.Test;

/**
 * An oracle for the checker: on random generated scenarios, a plan built the slow, obviously
 * correct way (one aircraft and one ship in the whole world, one class per sortie, every mission
 * one after the other) must pass with no violation. It exercises empty legs, routes with vias,
 * ready hours, earliest arrival days, capacity limits and load splits, and unmet load past the
 * horizon.
 */
class SerialPlansTest {

    @Test
    void serialPlansOfRandomScenariosKeepEveryRule() {
        boolean unmet = false;
        boolean positioning = false;
        boolean via = false;
        boolean ship = false;
        for (long seed = 1; seed <= 60; seed++) {
            Scenario s = SmallScenarios.random(seed, 1 + (int) (seed % 25));
            Plan p = PlanEdits.restated(s, serialPlan(s));
            CheckReport r = PlanChecker.check(s, p);
            assertThat(r.violations())
                    .as(
                            "seed %d (SmallScenarios.random(%d, %d))",
                            seed, seed, s.requirements().size())
                    .extracting(Violation::describe)
                    .isEmpty();
            assertThat(p.missions())
                    .as("seed %d", seed)
                    .isNotEmpty()
                    .hasSizeGreaterThanOrEqualTo(countLines(s));
        }
    }

    @Test
    void aSerialPlanWithOneLoadTooManyIsCaught() {
        for (long seed = 1; seed <= 20; seed++) {
            Scenario s = SmallScenarios.random(seed, 5);
            Plan good = PlanEdits.restated(s, serialPlan(s));
            if (good.missions().isEmpty()) {
                continue;
            }
            // the last mission's first load carried twice: rule 10 must see it
            Mission last = good.missions().get(good.missions().size() - 1);
            if (last.loads().isEmpty()) {
                continue;
            }
            List<Load> loads = new ArrayList<>(last.loads());
            loads.add(last.loads().get(0));
            Plan bad =
                    PlanEdits.restated(
                            s,
                            PlanEdits.withMission(
                                    good,
                                    last.id(),
                                    m ->
                                            new Mission(
                                                    m.id(), m.lift(), m.tail(), m.stops(), loads)));
            assertThat(PlanChecker.check(s, bad).ofRule(10)).as("seed %d", seed).isNotEmpty();
        }
    }

    private static int countLines(Scenario s) {
        return (int) s.requirements().stream().filter(l -> l.mode() != LineMode.LAND).count();
    }

    /** Where one tail is and from when it is free. */
    private static final class Tail {
        final LiftType type;
        String at;
        double free;

        Tail(LiftType type) {
            this.type = type;
            this.at = type.baseNode();
            this.free = 24.0 * type.availableFromDay();
        }
    }

    static Plan serialPlan(Scenario s) {
        Network net = new Network(s);
        Tail air = null;
        Tail sea = null;
        for (LiftType t : s.lift()) {
            if (t.id().equals("JET-A")) {
                air = new Tail(t);
            }
            if (t.mode() == LiftMode.SEA && sea == null) {
                sea = new Tail(t);
            }
        }
        List<Mission> missions = new ArrayList<>();
        for (RequirementLine l : s.requirements()) {
            if (l.mode() == LineMode.LAND) {
                continue;
            }
            Tail tail = l.mode() == LineMode.AIR ? air : sea;
            LiftType t = tail.type;
            Route route = null;
            for (Route r : net.channels(t.mode(), l.poe(), l.pod())) {
                if (route == null && net.longestLegNm(r) <= t.rangeNm()) {
                    route = r;
                }
            }
            Node poe = net.node(l.poe());
            double ready =
                    Math.max(
                                    24.0 * l.ald(),
                                    24.0 * l.rld()
                                            + net.landHours(l.origin(), l.poe()).getAsDouble())
                            + poe.handlingHours();
            List<Load> chunks = new ArrayList<>();
            if (l.pax() > 0) {
                int left = l.pax();
                while (left > 0) {
                    int n = Math.min(left, t.paxCapacity());
                    chunks.add(new Load(l.uln(), n, List.of(), 0, 0));
                    left -= n;
                }
            }
            for (CargoEntry e : l.cargo()) {
                double cap = t.stonsCapacity();
                if (t.mode() == LiftMode.SEA && e.sqftPerSton() > 0) {
                    cap = Math.min(cap, t.sqftCapacity() / e.sqftPerSton());
                }
                int k = (int) Math.floor(e.stons() / cap);
                for (int i = 0; i < k; i++) {
                    chunks.add(
                            new Load(
                                    l.uln(), 0, List.of(new LoadCargo(e.cargoClass(), cap)), 0, 0));
                }
                double rest = e.stons() - k * cap;
                if (rest > 1e-9) {
                    chunks.add(
                            new Load(
                                    l.uln(),
                                    0,
                                    List.of(new LoadCargo(e.cargoClass(), rest)),
                                    0,
                                    0));
                }
            }
            List<String> pts = route.points();
            double fly = 0;
            for (int i = 0; i + 1 < pts.size(); i++) {
                fly +=
                        net.legNm(route, i) / t.speedKnots()
                                + (i > 0 ? t.groundHours().enroute() : 0);
            }
            for (Load c : chunks) {
                List<Stop> stops = new ArrayList<>();
                double arrivePoe = tail.free;
                if (!tail.at.equals(l.poe())) {
                    stops.add(new Stop(tail.at, Activity.START, tail.free, tail.free));
                    arrivePoe =
                            tail.free + net.emptyLegNm(t.mode(), tail.at, l.poe()) / t.speedKnots();
                }
                double onload = t.groundHours().onload();
                double dep = Math.max(Math.max(arrivePoe, ready) + onload, 24.0 * l.ead() - fly);
                int on = stops.size();
                stops.add(new Stop(l.poe(), Activity.ONLOAD, arrivePoe, dep));
                double time = dep;
                for (int i = 1; i < pts.size(); i++) {
                    double arr = time + net.legNm(route, i - 1) / t.speedKnots();
                    boolean last = i == pts.size() - 1;
                    double ground = last ? t.groundHours().offload() : t.groundHours().enroute();
                    stops.add(
                            new Stop(
                                    pts.get(i),
                                    last ? Activity.OFFLOAD : Activity.ENROUTE,
                                    arr,
                                    arr + ground));
                    time = arr + ground;
                }
                int off = stops.size() - 1;
                missions.add(
                        new Mission(
                                "R" + (missions.size() + 1),
                                t.id(),
                                0,
                                stops,
                                List.of(new Load(c.uln(), c.pax(), c.cargo(), on, off))));
                tail.at = l.pod();
                tail.free = time;
            }
        }
        missions.sort(Comparator.comparingDouble(Mission::begin));
        return new Plan(s.name(), null, null, null, missions, List.of(), List.of());
    }
}
