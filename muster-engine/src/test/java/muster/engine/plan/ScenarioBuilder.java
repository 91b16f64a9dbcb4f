package muster.engine.plan;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import muster.model.CargoClass;
import muster.model.CargoEntry;
import muster.model.GroundHours;
import muster.model.LiftMode;
import muster.model.LiftType;
import muster.model.LineMode;
import muster.model.Node;
import muster.model.NodeKind;
import muster.model.Planning;
import muster.model.RequirementLine;
import muster.model.Route;
import muster.model.RouteMode;
import muster.model.Scenario;

/** Builds small scenarios in code, one call per node, lift type, route or line. */
public final class ScenarioBuilder {
    private final String name;
    private int horizonDays = 30;
    private long seed = 1;
    private int iterations = 50;
    private final List<Node> nodes = new ArrayList<>();
    private final List<LiftType> lift = new ArrayList<>();
    private final List<Route> routes = new ArrayList<>();
    private final List<RequirementLine> lines = new ArrayList<>();

    public ScenarioBuilder(String name) {
        this.name = name;
    }

    public ScenarioBuilder horizon(int days) {
        horizonDays = days;
        return this;
    }

    public ScenarioBuilder search(long seed, int iterations) {
        this.seed = seed;
        this.iterations = iterations;
        return this;
    }

    public ScenarioBuilder airfield(String id, double lat, double lon, int mog, double handling) {
        nodes.add(new Node(id, id, NodeKind.AIRFIELD, "US", lat, lon, mog, 0, handling));
        return this;
    }

    public ScenarioBuilder seaport(String id, double lat, double lon, int berths, double handling) {
        nodes.add(new Node(id, id, NodeKind.SEAPORT, "US", lat, lon, 0, berths, handling));
        return this;
    }

    public ScenarioBuilder place(String id, double lat, double lon) {
        nodes.add(new Node(id, id, NodeKind.INSTALLATION, "US", lat, lon, 0, 0, 0));
        return this;
    }

    /** An aircraft type carrying people and every air cargo class. */
    public ScenarioBuilder aircraft(
            String id,
            int count,
            String base,
            int pax,
            double stons,
            double knots,
            double range,
            double ground) {
        return aircraft(id, count, 0, base, pax, stons, knots, range, ground);
    }

    public ScenarioBuilder aircraft(
            String id,
            int count,
            int fromDay,
            String base,
            int pax,
            double stons,
            double knots,
            double range,
            double ground) {
        lift.add(
                new LiftType(
                        id,
                        LiftMode.AIR,
                        count,
                        fromDay,
                        base,
                        EnumSet.of(
                                CargoClass.PAX,
                                CargoClass.BULK,
                                CargoClass.OVERSIZE,
                                CargoClass.OUTSIZE),
                        pax,
                        stons,
                        0,
                        knots,
                        range,
                        new GroundHours(ground, ground, ground)));
        return this;
    }

    /** A ship type carrying every cargo class by weight and deck area, no people. */
    public ScenarioBuilder ship(
            String id,
            int count,
            String base,
            double stons,
            double sqft,
            double knots,
            double ground) {
        lift.add(
                new LiftType(
                        id,
                        LiftMode.SEA,
                        count,
                        0,
                        base,
                        EnumSet.of(
                                CargoClass.BULK,
                                CargoClass.OVERSIZE,
                                CargoClass.OUTSIZE,
                                CargoClass.NAT),
                        0,
                        stons,
                        sqft,
                        knots,
                        Double.POSITIVE_INFINITY,
                        new GroundHours(ground, ground, 0)));
        return this;
    }

    public ScenarioBuilder airRoute(String from, String to, String... via) {
        routes.add(new Route(null, RouteMode.AIR, from, to, List.of(via), List.of(), 0));
        return this;
    }

    public ScenarioBuilder airRouteNm(String from, String to, List<String> via, Double... legs) {
        routes.add(new Route(null, RouteMode.AIR, from, to, via, List.of(legs), 0));
        return this;
    }

    public ScenarioBuilder seaRoute(String from, String to, double nm) {
        routes.add(new Route(null, RouteMode.SEA, from, to, List.of(), List.of(nm), 0));
        return this;
    }

    public ScenarioBuilder road(String from, String to, double hours) {
        routes.add(new Route(null, RouteMode.ROAD, from, to, List.of(), List.of(), hours));
        return this;
    }

    /** A line; cargo as class, stons pairs (sqft is 10 per ston for SEA lines). */
    public ScenarioBuilder line(
            String uln,
            LineMode mode,
            int pax,
            String origin,
            String poe,
            String pod,
            String dest,
            int rld,
            int ald,
            int ead,
            int rdd,
            Object... cargo) {
        List<CargoEntry> c = new ArrayList<>();
        for (int i = 0; i < cargo.length; i += 2) {
            double st = ((Number) cargo[i + 1]).doubleValue();
            c.add(new CargoEntry((CargoClass) cargo[i], st, mode == LineMode.SEA ? st * 10 : 0));
        }
        lines.add(
                new RequirementLine(
                        uln,
                        "unit " + uln,
                        "US",
                        pax,
                        c,
                        origin,
                        poe,
                        pod,
                        dest,
                        rld,
                        ald,
                        ead,
                        Math.min(rdd, Math.max(ead, rdd)),
                        rdd,
                        1,
                        mode));
        return this;
    }

    public Scenario build() {
        return new Scenario(
                name,
                nodes,
                lift,
                routes,
                lines,
                new Planning(horizonDays, 0.2, seed, iterations, null));
    }
}
