package muster.engine.fifo;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import muster.engine.bound.LineTimes;
import muster.engine.bound.LowerBounds;
import muster.engine.plan.CapacityTimeline;
import muster.engine.plan.PlanOptions;
import muster.engine.plan.Planner;
import muster.engine.plan.Progress;
import muster.model.Activity;
import muster.model.CargoClass;
import muster.model.CargoEntry;
import muster.model.LiftMode;
import muster.model.LiftType;
import muster.model.LineMode;
import muster.model.Load;
import muster.model.LoadCargo;
import muster.model.Network;
import muster.model.Node;
import muster.model.Plan;
import muster.model.PlannerInfo;
import muster.model.RequirementLine;
import muster.model.Route;
import muster.model.Scenario;
import muster.model.Stop;

/**
 * The baseline: the one-pass greedy of spreadsheets and older flow models. Lines are taken in RLD
 * order (ties by ULN); each load goes on the tail that can deliver it first given what is already
 * booked (the first free tail with the first free ground slot at the POE, the en-route stops and
 * the POD), one line per mission, no look-ahead and no second pass. Every load is flown (rule 10);
 * what reaches its destination after the horizon is reported as unmet.
 */
public final class FifoPlanner implements Planner {
    public static final String NAME = "fifo";
    public static final String VERSION = "1";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Plan plan(Scenario scenario, PlanOptions options, Progress progress) {
        return new Run(scenario).plan(options, progress);
    }

    /** Where a tail is and from when it is free. */
    private record TailState(int tail, String node, double free) {}

    /** One way to fly the next load. */
    private record Candidate(
            LiftType type, Route route, TailState tail, double onloadStart, double offloadDepart) {}

    private static final class Run {
        private final Scenario s;
        private final Network net;
        private final Map<String, CapacityTimeline> ground = new HashMap<>();

        /** per lift type: node -> tails parked there, by free time then tail number */
        private final Map<String, Map<String, TreeSet<TailState>>> parked = new HashMap<>();

        private final List<PlanAssembly.Draft> drafts = new ArrayList<>();

        Run(Scenario s) {
            this.s = s;
            this.net = new Network(s);
            for (Node n : s.nodes()) {
                ground.put(n.id(), CapacityTimeline.of(n, s.lift()));
            }
            Comparator<TailState> order =
                    Comparator.comparingDouble(TailState::free).thenComparingInt(TailState::tail);
            for (LiftType t : s.lift()) {
                Map<String, TreeSet<TailState>> m = new TreeMap<>();
                TreeSet<TailState> base = new TreeSet<>(order);
                for (int i = 0; i < t.count(); i++) {
                    base.add(new TailState(i, t.baseNode(), 24.0 * t.availableFromDay()));
                }
                m.put(t.baseNode(), base);
                parked.put(t.id(), m);
            }
        }

        Plan plan(PlanOptions options, Progress progress) {
            List<RequirementLine> lines = new ArrayList<>(s.requirements());
            lines.sort(
                    Comparator.comparingInt(RequirementLine::rld)
                            .thenComparing(RequirementLine::uln));
            int done = 0;
            for (RequirementLine l : lines) {
                if (l.mode() != LineMode.LAND) {
                    planLine(l);
                }
                done++;
                if (done % 50 == 0) {
                    progress.update(0.9 * done / lines.size(), "fifo");
                }
            }
            progress.update(0.9, "bound");
            PlannerInfo info = new PlannerInfo(NAME, VERSION, 0.0, options.seed());
            return PlanAssembly.assemble(s, drafts, info, LowerBounds.earliestArrival(s));
        }

        private void planLine(RequirementLine l) {
            LiftMode mode = l.mode().liftMode();
            double ready = LineTimes.readyHour(net, l);
            double onward = LineTimes.onwardHours(net, l);
            int paxLeft = l.pax();
            Map<CargoClass, Double> left = new EnumMap<>(CargoClass.class);
            for (CargoEntry e : l.cargo()) {
                if (e.stons() > 0) {
                    left.put(e.cargoClass(), e.stons());
                }
            }
            while (paxLeft > 0 || !left.isEmpty()) {
                Candidate best = null;
                for (LiftType t : s.lift()) {
                    if (t.mode() != mode || fill(t, l, paxLeft, left) == null) {
                        continue;
                    }
                    for (Route r : net.channels(mode, l.poe(), l.pod())) {
                        if (net.longestLegNm(r) > t.rangeNm()) {
                            continue;
                        }
                        for (TreeSet<TailState> atNode : parked.get(t.id()).values()) {
                            if (atNode.isEmpty()) {
                                continue;
                            }
                            Candidate c = slot(t, r, atNode.first(), l, ready);
                            if (c != null
                                    && (best == null || c.offloadDepart() < best.offloadDepart())) {
                                best = c;
                            }
                        }
                    }
                }
                if (best == null) {
                    // a valid scenario always has a channel and a tail for what is left; losing
                    // load silently would break rule 10, so the run fails instead
                    throw new IllegalStateException(
                            "fifo: no tail and slot found for line "
                                    + l.uln()
                                    + " ("
                                    + l.poe()
                                    + " to "
                                    + l.pod()
                                    + ")");
                }
                Fill f = fill(best.type(), l, paxLeft, left);
                commit(best, l, f);
                paxLeft -= f.pax;
                for (Map.Entry<CargoClass, Double> e : f.stons.entrySet()) {
                    double rest = left.get(e.getKey()) - e.getValue();
                    // a class that fills a ship's deck exactly is taken to within a rounding hair
                    // (4028.9999999999995 of 4029 stons); the hair needs no voyage of its own
                    if (rest <= 1e-9) {
                        left.remove(e.getKey());
                    } else {
                        left.put(e.getKey(), rest);
                    }
                }
            }
        }

        /** What one mission of type t takes of the line's remaining load, or null if nothing. */
        private record Fill(int pax, Map<CargoClass, Double> stons) {}

        private static final CargoClass[] CARGO_ORDER = {
            CargoClass.OUTSIZE, CargoClass.OVERSIZE, CargoClass.NAT, CargoClass.BULK
        };

        private Fill fill(
                LiftType t, RequirementLine l, int paxLeft, Map<CargoClass, Double> left) {
            double usedStons = 0;
            double usedSqft = 0;
            Map<CargoClass, Double> take = new EnumMap<>(CargoClass.class);
            boolean cargoOk = t.stonsCapacity() > 0 && (!t.usesDeckArea() || t.sqftCapacity() > 0);
            for (CargoClass c : CARGO_ORDER) {
                Double rem = left.get(c);
                if (rem == null || !cargoOk || !t.carries(c)) {
                    continue;
                }
                if (t.mode() == LiftMode.AIR && c == CargoClass.NAT) {
                    continue;
                }
                double perSton = l.cargoOf(c).map(CargoEntry::sqftPerSton).orElse(0.0);
                // cargo fills to exactly full capacity (rule 6 holds within rounding): filling to
                // just under it left a crumb of a load that is exactly whole missions' worth for
                // a mission of its own
                double room = t.stonsCapacity() - usedStons;
                if (t.usesDeckArea() && perSton > 0) {
                    room = Math.min(room, (t.sqftCapacity() - usedSqft) / perSton);
                }
                if (room <= 1e-6) {
                    continue;
                }
                double x = rem <= room ? rem : room;
                take.put(c, x);
                usedStons += x;
                usedSqft += x * perSton;
            }
            int pax = 0;
            if (paxLeft > 0 && t.carries(CargoClass.PAX) && t.paxCapacity() > 0) {
                double cargoFrac = cargoOk ? usedStons / t.stonsCapacity() : 0;
                if (t.usesDeckArea() && t.sqftCapacity() > 0) {
                    cargoFrac = Math.max(cargoFrac, usedSqft / t.sqftCapacity());
                }
                // every seat the cargo leaves, as the lns planner counts them: the 1e-9 only
                // absorbs round-off in the cargo's share, within the checker's tolerance (seats
                // counted to just under full had left a 102-seat C-17 at 101 people)
                int room = (int) Math.floor((1 - cargoFrac) * t.paxCapacity() + 1e-9);
                pax = Math.max(0, Math.min(paxLeft, room));
            }
            if (pax == 0 && take.isEmpty()) {
                return null;
            }
            return new Fill(pax, take);
        }

        /**
         * The earliest mission of tail {@code ts} along route {@code r} that fits the ground limits
         * already booked, with minimum ground time at every stop, or null.
         */
        private Candidate slot(LiftType t, Route r, TailState ts, RequirementLine l, double ready) {
            List<String> pts = r.points();
            GroundHoursPlan g = new GroundHoursPlan(t, r, pts);
            double position =
                    ts.node().equals(l.poe())
                            ? 0
                            : net.emptyLegNm(t.mode(), ts.node(), l.poe()) / t.speedKnots();
            double s0 = Math.max(ready, ts.free() + position);
            s0 = Math.max(s0, 24.0 * l.ead() - g.arriveOffset[pts.size() - 1]);
            // every step moves past the end of a booked stay, and past the last one everything
            // fits, so this ends; load that only fits years after the horizon is still flown
            // (rule 10) and reported unmet
            double x = s0;
            boolean moved = true;
            while (moved) {
                moved = false;
                if (Double.isInfinite(x)) {
                    return null; // a stop at a node with no MOG or berths at all
                }
                for (int i = 0; i < pts.size(); i++) {
                    double at = x + g.arriveOffset[i];
                    double fit = ground.get(pts.get(i)).earliestFit(at, g.groundHours[i]);
                    if (fit > at) {
                        x += fit - at;
                        moved = true;
                        break;
                    }
                }
            }
            int last = pts.size() - 1;
            return new Candidate(t, r, ts, x, x + g.arriveOffset[last] + g.groundHours[last]);
        }

        /** Arrival offsets and ground hours of each route point, from the onload arrival. */
        private final class GroundHoursPlan {
            final double[] arriveOffset;
            final double[] groundHours;

            GroundHoursPlan(LiftType t, Route r, List<String> pts) {
                arriveOffset = new double[pts.size()];
                groundHours = new double[pts.size()];
                double clock = 0;
                for (int i = 0; i < pts.size(); i++) {
                    if (i > 0) {
                        clock += net.legNm(r, i - 1) / t.speedKnots();
                    }
                    arriveOffset[i] = clock;
                    groundHours[i] =
                            i == 0
                                    ? t.groundHours().onload()
                                    : i == pts.size() - 1
                                            ? t.groundHours().offload()
                                            : t.groundHours().enroute();
                    clock += groundHours[i];
                }
            }
        }

        private void commit(Candidate c, RequirementLine l, Fill f) {
            LiftType t = c.type();
            List<String> pts = c.route().points();
            GroundHoursPlan g = new GroundHoursPlan(t, c.route(), pts);
            List<Stop> stops = new ArrayList<>();
            TailState ts = c.tail();
            if (!ts.node().equals(l.poe())) {
                double leg = net.emptyLegNm(t.mode(), ts.node(), l.poe()) / t.speedKnots();
                double dep = c.onloadStart() - leg;
                stops.add(new Stop(ts.node(), Activity.START, dep, dep));
            }
            int on = stops.size();
            for (int i = 0; i < pts.size(); i++) {
                double a = c.onloadStart() + g.arriveOffset[i];
                double d = a + g.groundHours[i];
                Activity act =
                        i == 0
                                ? Activity.ONLOAD
                                : i == pts.size() - 1 ? Activity.OFFLOAD : Activity.ENROUTE;
                stops.add(new Stop(pts.get(i), act, a, d));
                ground.get(pts.get(i)).reserve(a, d);
            }
            int off = stops.size() - 1;
            List<LoadCargo> cargo = new ArrayList<>();
            for (Map.Entry<CargoClass, Double> e : f.stons.entrySet()) {
                cargo.add(new LoadCargo(e.getKey(), e.getValue()));
            }
            Load load = new Load(l.uln(), f.pax, cargo, on, off);
            drafts.add(new PlanAssembly.Draft(t.id(), ts.tail(), stops, List.of(load)));
            Map<String, TreeSet<TailState>> m = parked.get(t.id());
            m.get(ts.node()).remove(ts);
            m.computeIfAbsent(
                            l.pod(),
                            k ->
                                    new TreeSet<>(
                                            Comparator.comparingDouble(TailState::free)
                                                    .thenComparingInt(TailState::tail)))
                    .add(new TailState(ts.tail(), l.pod(), c.offloadDepart()));
        }
    }
}
