package muster.model;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * Look-ups over a valid scenario's network: nodes and lift types by id, land times, channel routes
 * and leg distances, all as the movement model defines them. Immutable once built.
 */
public final class Network {
    private final Scenario scenario;
    private final Map<String, Node> nodes = new LinkedHashMap<>();
    private final Map<String, LiftType> lift = new LinkedHashMap<>();
    private final Map<String, RequirementLine> lines = new LinkedHashMap<>();
    private final Map<String, Double> landHours = new HashMap<>();
    private final Map<String, List<Route>> channels = new HashMap<>();
    private final Map<String, List<Double>> routeLegNm = new HashMap<>();

    public Network(Scenario scenario) {
        this.scenario = scenario;
        for (Node n : scenario.nodes()) {
            nodes.putIfAbsent(n.id(), n);
        }
        for (LiftType t : scenario.lift()) {
            lift.putIfAbsent(t.id(), t);
        }
        for (RequirementLine l : scenario.requirements()) {
            lines.putIfAbsent(l.uln(), l);
        }
        for (Route r : scenario.routes()) {
            if (r.isChannel()) {
                channels.computeIfAbsent(
                                channelKey(r.mode().liftMode(), r.from(), r.to()),
                                k -> new ArrayList<>())
                        .add(r);
                List<String> p = r.points();
                for (int i = 0; i + 1 < p.size(); i++) {
                    double d = legNm(r, i);
                    // An empty leg between consecutive route points, either way, takes a route
                    // leg's distance; where routes give the pair different distances, each is one.
                    addLeg(legKey(r.mode().liftMode(), p.get(i), p.get(i + 1)), d);
                    addLeg(legKey(r.mode().liftMode(), p.get(i + 1), p.get(i)), d);
                }
            } else {
                String k1 = r.from() + "\u0000" + r.to();
                String k2 = r.to() + "\u0000" + r.from();
                landHours.merge(k1, r.hours(), Math::min);
                landHours.merge(k2, r.hours(), Math::min);
            }
        }
    }

    private void addLeg(String key, double nm) {
        List<Double> ds = routeLegNm.computeIfAbsent(key, k -> new ArrayList<>(1));
        if (!ds.contains(nm)) {
            ds.add(nm);
        }
    }

    public Scenario scenario() {
        return scenario;
    }

    public Node node(String id) {
        return nodes.get(id);
    }

    public LiftType liftType(String id) {
        return lift.get(id);
    }

    public RequirementLine line(String uln) {
        return lines.get(uln);
    }

    /** Hours by the fastest road or rail route between two nodes; 0 for a node and itself. */
    public OptionalDouble landHours(String from, String to) {
        if (from.equals(to)) {
            return OptionalDouble.of(0.0);
        }
        Double h = landHours.get(from + "\u0000" + to);
        return h == null ? OptionalDouble.empty() : OptionalDouble.of(h);
    }

    /** The channel routes of a lift mode from a POE to a POD, in scenario order. */
    public List<Route> channels(LiftMode mode, String poe, String pod) {
        return channels.getOrDefault(channelKey(mode, poe, pod), List.of());
    }

    /** Distance of leg {@code i} (from point i to point i+1) of a channel route, nautical miles. */
    public double legNm(Route r, int i) {
        if (!r.legsNm().isEmpty()) {
            return r.legsNm().get(i);
        }
        List<String> p = r.points();
        return Geo.distanceNm(nodes.get(p.get(i)), nodes.get(p.get(i + 1)));
    }

    /** The longest leg of a channel route, nautical miles. */
    public double longestLegNm(Route r) {
        double m = 0;
        for (int i = 0; i + 1 < r.points().size(); i++) {
            m = Math.max(m, legNm(r, i));
        }
        return m;
    }

    /**
     * The shortest distance an empty leg of a mission of this mode may take between two nodes: rule
     * 3 gives it a route leg's distance where the nodes are consecutive points of a route (either
     * way), else the great-circle distance. Where several routes have the pair with different
     * distances, each is a route leg's distance, so this is the least of them; {@link
     * #emptyLegChoicesNm} lists them all.
     */
    public double emptyLegNm(LiftMode mode, String from, String to) {
        if (from.equals(to)) {
            return 0.0;
        }
        List<Double> ds = routeLegNm.get(legKey(mode, from, to));
        if (ds == null) {
            return Geo.distanceNm(nodes.get(from), nodes.get(to));
        }
        double m = ds.get(0);
        for (double d : ds) {
            m = Math.min(m, d);
        }
        return m;
    }

    /**
     * Every distance rule 3 lets an empty leg of this mode take between two nodes: the distinct leg
     * distances of the routes that have them as consecutive points (either way), in scenario order,
     * else the great-circle distance alone.
     */
    public List<Double> emptyLegChoicesNm(LiftMode mode, String from, String to) {
        if (from.equals(to)) {
            return List.of(0.0);
        }
        List<Double> ds = routeLegNm.get(legKey(mode, from, to));
        return ds != null
                ? List.copyOf(ds)
                : List.of(Geo.distanceNm(nodes.get(from), nodes.get(to)));
    }

    /** Whether a lift type can carry every class of a line (PAX included when it has people). */
    public static boolean canCarryAll(LiftType t, RequirementLine l) {
        if (l.pax() > 0 && !t.canTake(CargoClass.PAX)) {
            return false;
        }
        for (CargoEntry e : l.cargo()) {
            if (e.stons() > 0 && !t.canTake(e.cargoClass())) {
                return false;
            }
        }
        return true;
    }

    private static String channelKey(LiftMode m, String a, String b) {
        return m + "\u0000" + a + "\u0000" + b;
    }

    private static String legKey(LiftMode m, String a, String b) {
        return m + "\u0000" + a + "\u0000" + b;
    }
}
