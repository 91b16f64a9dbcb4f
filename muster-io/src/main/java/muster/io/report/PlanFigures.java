package muster.io.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import muster.model.Activity;
import muster.model.CargoClass;
import muster.model.LineMode;
import muster.model.Load;
import muster.model.Mission;
import muster.model.Network;
import muster.model.Node;
import muster.model.NodeKind;
import muster.model.Plan;
import muster.model.RequirementLine;
import muster.model.Scenario;
import muster.model.Stop;
import muster.model.Unmet;

/**
 * Figures the report draws, derived from a scenario and a plan by the movement model's rules: when
 * each load reaches its destination, the closure curve, airfield and berth use by day, and the
 * flows between ports. Pure computation; nothing here is written anywhere.
 */
public final class PlanFigures {
    /** Cumulative people and short tons at destination by the end of each day, and required. */
    public record ClosureCurve(
            double[] deliveredPax,
            double[] deliveredStons,
            double[] requiredPax,
            double[] requiredStons) {
        public int days() {
            return deliveredPax.length;
        }
    }

    /**
     * Use of one airfield or seaport by day.
     *
     * @param capacity MOG or berths
     * @param peak most aircraft or ships on the ground at once during each day
     * @param average time-weighted mean on the ground during each day
     */
    public record NodeUse(Node node, int capacity, int[] peak, double[] average) {
        public int maxPeak() {
            int m = 0;
            for (int p : peak) {
                m = Math.max(m, p);
            }
            return m;
        }

        /** Highest daily peak as a share of capacity (1 = at MOG or berths); 0 without capacity. */
        public double utilisation() {
            return capacity > 0 ? maxPeak() / (double) capacity : 0;
        }
    }

    /**
     * Everything moved along one path of stops (a POE, its en-route stops, a POD) by one mode.
     *
     * @param path node ids from the ONLOAD stop to the OFFLOAD stop
     */
    public record Flow(String mode, List<String> path, double pax, double stons, int missions) {
        public String from() {
            return path.get(0);
        }

        public String to() {
            return path.get(path.size() - 1);
        }

        public double weight(double paxWeightStons) {
            return stons + pax * paxWeightStons;
        }
    }

    private final Scenario scenario;
    private final Plan plan;
    private final Network network;

    public PlanFigures(Scenario scenario, Plan plan) {
        this.scenario = scenario;
        this.plan = plan;
        this.network = new Network(scenario);
    }

    public Network network() {
        return network;
    }

    /**
     * Hour a load reaches its line's destination (rule 9), or empty when the line or a land link is
     * unknown.
     */
    public OptionalDouble destinationHour(Mission m, Load load) {
        RequirementLine line = network.line(load.uln());
        if (line == null || load.off() < 0 || load.off() >= m.stops().size()) {
            return OptionalDouble.empty();
        }
        Stop off = m.stops().get(load.off());
        Node pod = network.node(off.node());
        double handling = pod == null ? 0 : pod.handlingHours();
        OptionalDouble onward =
                network.landHours(
                        off.node(), line.destination() == null ? off.node() : line.destination());
        if (onward.isEmpty()) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(off.depart() + handling + onward.getAsDouble());
    }

    /** Hour a LAND line closes: it leaves at 24·rld and drives to its destination. */
    public OptionalDouble landClosureHour(RequirementLine line) {
        OptionalDouble h = network.landHours(line.origin(), line.destination());
        return h.isEmpty() ? h : OptionalDouble.of(24.0 * line.rld() + h.getAsDouble());
    }

    public ClosureCurve closureCurve() {
        int days = Math.max(1, scenario.planning().horizonDays());
        double[] dPax = new double[days];
        double[] dStons = new double[days];
        double[] rPax = new double[days];
        double[] rStons = new double[days];
        for (RequirementLine l : scenario.requirements()) {
            int d = Math.max(0, Math.min(days - 1, l.rdd()));
            rPax[d] += l.pax();
            rStons[d] += l.cargoStons();
            if (l.mode() == LineMode.LAND) {
                OptionalDouble h = landClosureHour(l);
                if (h.isPresent()) {
                    int day = (int) Math.floor(h.getAsDouble() / 24.0);
                    if (day >= 0 && day < days) {
                        dPax[day] += l.pax();
                        dStons[day] += l.cargoStons();
                    }
                }
            }
        }
        for (Mission m : plan.missions()) {
            for (Load load : m.loads()) {
                OptionalDouble h = destinationHour(m, load);
                if (h.isEmpty()) {
                    continue;
                }
                int day = (int) Math.floor(h.getAsDouble() / 24.0);
                if (day >= 0 && day < days) {
                    dPax[day] += load.pax();
                    dStons[day] += load.stons();
                }
            }
        }
        cumulate(dPax);
        cumulate(dStons);
        cumulate(rPax);
        cumulate(rStons);
        return new ClosureCurve(dPax, dStons, rPax, rStons);
    }

    private static void cumulate(double[] a) {
        for (int i = 1; i < a.length; i++) {
            a[i] += a[i - 1];
        }
    }

    /**
     * Use by day of every airfield with a MOG and every seaport with berths where a mission stops
     * (rule 8: a stop takes room over {@code [arrive, depart)}; START stops take none), most
     * crowded first.
     */
    public List<NodeUse> nodeUse() {
        int days = Math.max(1, scenario.planning().horizonDays());
        Map<String, List<double[]>> intervals = new LinkedHashMap<>();
        for (Mission m : plan.missions()) {
            for (Stop s : m.stops()) {
                if (s.activity() == Activity.START || !(s.depart() > s.arrive())) {
                    continue;
                }
                intervals
                        .computeIfAbsent(s.node(), k -> new ArrayList<>())
                        .add(new double[] {s.arrive(), s.depart()});
            }
        }
        List<NodeUse> out = new ArrayList<>();
        for (Map.Entry<String, List<double[]>> e : intervals.entrySet()) {
            Node n = network.node(e.getKey());
            if (n == null) {
                continue;
            }
            int cap =
                    n.kind() == NodeKind.AIRFIELD
                            ? n.mog()
                            : n.kind() == NodeKind.SEAPORT ? n.berths() : 0;
            out.add(sweep(n, cap, e.getValue(), days));
        }
        out.sort(
                Comparator.comparingDouble(NodeUse::utilisation)
                        .reversed()
                        .thenComparing(Comparator.comparingInt(NodeUse::maxPeak).reversed())
                        .thenComparing(u -> u.node().id()));
        return out;
    }

    private static NodeUse sweep(Node n, int cap, List<double[]> iv, int days) {
        // Events: +1 at arrive, -1 at depart; at equal times departures first ([a, d) is half
        // open, so a tail leaving as another lands does not count twice).
        double[] times = new double[iv.size() * 2];
        int[] deltas = new int[iv.size() * 2];
        Integer[] order = new Integer[iv.size() * 2];
        for (int i = 0; i < iv.size(); i++) {
            times[2 * i] = iv.get(i)[0];
            deltas[2 * i] = 1;
            times[2 * i + 1] = iv.get(i)[1];
            deltas[2 * i + 1] = -1;
        }
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(
                order,
                (a, b) -> {
                    int c = Double.compare(times[a], times[b]);
                    return c != 0 ? c : Integer.compare(deltas[a], deltas[b]);
                });
        int[] peak = new int[days];
        double[] area = new double[days];
        int count = 0;
        for (int k = 0; k < order.length; k++) {
            int i = order[k];
            count += deltas[i];
            if (k + 1 >= order.length) {
                break;
            }
            double from = times[i];
            double to = times[order[k + 1]];
            if (count <= 0 || !(to > from)) {
                continue;
            }
            int d0 = Math.max(0, (int) Math.floor(from / 24.0));
            int d1 = Math.min(days - 1, (int) Math.ceil(to / 24.0) - 1);
            for (int d = d0; d <= d1; d++) {
                double lo = Math.max(from, 24.0 * d);
                double hi = Math.min(to, 24.0 * d + 24.0);
                if (hi > lo) {
                    peak[d] = Math.max(peak[d], count);
                    area[d] += count * (hi - lo);
                }
            }
        }
        double[] avg = new double[days];
        for (int d = 0; d < days; d++) {
            avg[d] = area[d] / 24.0;
        }
        return new NodeUse(n, cap, peak, avg);
    }

    /** Volumes moved along each path of stops from a POE to a POD, largest first. */
    public List<Flow> flows() {
        Map<String, double[]> sums = new LinkedHashMap<>();
        Map<String, List<String>> paths = new HashMap<>();
        Map<String, String> modes = new HashMap<>();
        Map<String, java.util.Set<String>> missions = new HashMap<>();
        for (Mission m : plan.missions()) {
            var type = network.liftType(m.lift());
            String mode = type == null ? "" : type.mode().name();
            for (Load load : m.loads()) {
                if (load.on() < 0 || load.off() >= m.stops().size() || load.on() >= load.off()) {
                    continue;
                }
                List<String> path = new ArrayList<>();
                for (int i = load.on(); i <= load.off(); i++) {
                    path.add(m.stops().get(i).node());
                }
                String key = mode + " " + String.join(">", path);
                double[] s = sums.computeIfAbsent(key, k -> new double[2]);
                s[0] += load.pax();
                s[1] += load.stons();
                paths.putIfAbsent(key, path);
                modes.putIfAbsent(key, mode);
                missions.computeIfAbsent(key, k -> new java.util.HashSet<>()).add(m.id());
            }
        }
        double pw = scenario.planning().paxWeightStons();
        List<Flow> out = new ArrayList<>();
        for (Map.Entry<String, double[]> e : sums.entrySet()) {
            out.add(
                    new Flow(
                            modes.get(e.getKey()),
                            List.copyOf(paths.get(e.getKey())),
                            e.getValue()[0],
                            e.getValue()[1],
                            missions.get(e.getKey()).size()));
        }
        out.sort(Comparator.comparingDouble((Flow f) -> f.weight(pw)).reversed());
        return out;
    }

    /** Unmet people and short tons of each line. */
    public Map<String, double[]> unmetByLine() {
        Map<String, double[]> out = new LinkedHashMap<>();
        for (Unmet u : plan.measures().unmet()) {
            double[] a = out.computeIfAbsent(u.uln(), k -> new double[2]);
            if (u.cargoClass() == CargoClass.PAX) {
                a[0] += u.amount();
            } else {
                a[1] += u.amount();
            }
        }
        return out;
    }
}
