package muster.engine.check.testkit;

import java.util.ArrayList;
import java.util.Arrays;
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

/**
 * Writes small scenarios by hand, for tests. Nothing is validated here: a test may build an invalid
 * scenario on purpose.
 *
 * <pre>{@code
 * Scenario s = ScenarioBuilder.named("t").horizon(10)
 *     .installation("O", 0, -1).airfield("P", 0, 0, 1, 2).airfield("Q", 0, 20, 1, 1)
 *     .assemblyArea("D", 0, 21)
 *     .air("JET", 2, "P", 100, 40, 400, 1000, new GroundHours(2, 1, 1), PAX, BULK)
 *     .channel(RouteMode.AIR, "P", "Q", List.of(), 800)
 *     .road("O", "P", 3).road("Q", "D", 2)
 *     .line("A1", LineMode.AIR, "O", "P", "Q", "D", 150, dates(0, 0, 0, 1, 2), cargo(BULK, 20))
 *     .build();
 * }</pre>
 */
public final class ScenarioBuilder {
    /** TPFDD days of a line. */
    public record Dates(int rld, int ald, int ead, int lad, int rdd) {}

    private final String name;
    private int horizonDays = 30;
    private double paxWeight = Planning.DEFAULT_PAX_WEIGHT_STONS;
    private long seed = 1;
    private final List<Node> nodes = new ArrayList<>();
    private final List<LiftType> lift = new ArrayList<>();
    private final List<Route> routes = new ArrayList<>();
    private final List<RequirementLine> lines = new ArrayList<>();

    private ScenarioBuilder(String name) {
        this.name = name;
    }

    public static ScenarioBuilder named(String name) {
        return new ScenarioBuilder(name);
    }

    public static Dates dates(int rld, int ald, int ead, int lad, int rdd) {
        return new Dates(rld, ald, ead, lad, rdd);
    }

    /** A cargo entry without deck area (AIR and LAND lines). */
    public static CargoEntry cargo(CargoClass c, double stons) {
        return new CargoEntry(c, stons, 0);
    }

    /** A cargo entry with deck area (SEA lines). */
    public static CargoEntry cargo(CargoClass c, double stons, double sqft) {
        return new CargoEntry(c, stons, sqft);
    }

    public ScenarioBuilder horizon(int days) {
        this.horizonDays = days;
        return this;
    }

    public ScenarioBuilder paxWeight(double stonsPerPerson) {
        this.paxWeight = stonsPerPerson;
        return this;
    }

    public ScenarioBuilder seed(long seed) {
        this.seed = seed;
        return this;
    }

    public ScenarioBuilder node(Node n) {
        nodes.add(n);
        return this;
    }

    public ScenarioBuilder installation(String id, double lat, double lon) {
        return node(new Node(id, id, NodeKind.INSTALLATION, "US", lat, lon, 0, 0, 0));
    }

    public ScenarioBuilder assemblyArea(String id, double lat, double lon) {
        return node(new Node(id, id, NodeKind.ASSEMBLY_AREA, "PL", lat, lon, 0, 0, 0));
    }

    public ScenarioBuilder airfield(
            String id, double lat, double lon, int mog, double handlingHours) {
        return node(new Node(id, id, NodeKind.AIRFIELD, "US", lat, lon, mog, 0, handlingHours));
    }

    public ScenarioBuilder seaport(
            String id, double lat, double lon, int berths, double handlingHours) {
        return node(new Node(id, id, NodeKind.SEAPORT, "US", lat, lon, 0, berths, handlingHours));
    }

    public ScenarioBuilder lift(LiftType t) {
        lift.add(t);
        return this;
    }

    /** An AIR lift type available from day 0; {@code rangeNm} may be infinite. */
    public ScenarioBuilder air(
            String id,
            int count,
            String base,
            int paxCapacity,
            double stonsCapacity,
            double speedKnots,
            double rangeNm,
            GroundHours ground,
            CargoClass... carries) {
        return lift(
                new LiftType(
                        id,
                        LiftMode.AIR,
                        count,
                        0,
                        base,
                        carries.length == 0 ? none() : EnumSet.copyOf(Arrays.asList(carries)),
                        paxCapacity,
                        stonsCapacity,
                        0,
                        speedKnots,
                        rangeNm,
                        ground));
    }

    /** A SEA lift type available from day 0, without people and without a range limit. */
    public ScenarioBuilder sea(
            String id,
            int count,
            String base,
            double stonsCapacity,
            double sqftCapacity,
            double speedKnots,
            GroundHours ground,
            CargoClass... carries) {
        return lift(
                new LiftType(
                        id,
                        LiftMode.SEA,
                        count,
                        0,
                        base,
                        carries.length == 0 ? none() : EnumSet.copyOf(Arrays.asList(carries)),
                        0,
                        stonsCapacity,
                        sqftCapacity,
                        speedKnots,
                        Double.POSITIVE_INFINITY,
                        ground));
    }

    private static EnumSet<CargoClass> none() {
        return EnumSet.noneOf(CargoClass.class);
    }

    /** An AIR or SEA channel; {@code legsNm} empty for great-circle legs. */
    public ScenarioBuilder channel(
            RouteMode mode, String from, String to, List<String> via, double... legsNm) {
        List<Double> legs = new ArrayList<>();
        for (double d : legsNm) {
            legs.add(d);
        }
        String id =
                mode.name().toLowerCase(java.util.Locale.ROOT)
                        + "-"
                        + from
                        + "-"
                        + to
                        + "-"
                        + routes.size();
        routes.add(new Route(id, mode, from, to, via, legs, 0));
        return this;
    }

    public ScenarioBuilder road(String from, String to, double hours) {
        routes.add(
                new Route(
                        "road-" + from + "-" + to + "-" + routes.size(),
                        RouteMode.ROAD,
                        from,
                        to,
                        List.of(),
                        List.of(),
                        hours));
        return this;
    }

    /** A line of priority 1; {@code poe} and {@code pod} null for LAND. */
    public ScenarioBuilder line(
            String uln,
            LineMode mode,
            String origin,
            String poe,
            String pod,
            String destination,
            int pax,
            Dates d,
            CargoEntry... cargo) {
        lines.add(
                new RequirementLine(
                        uln,
                        "unit " + uln,
                        "US",
                        pax,
                        List.of(cargo),
                        origin,
                        poe,
                        pod,
                        destination,
                        d.rld(),
                        d.ald(),
                        d.ead(),
                        d.lad(),
                        d.rdd(),
                        1,
                        mode));
        return this;
    }

    /** A LAND line from {@code origin} to {@code destination}. */
    public ScenarioBuilder landLine(
            String uln, String origin, String destination, int pax, Dates d, CargoEntry... cargo) {
        return line(uln, LineMode.LAND, origin, null, null, destination, pax, d, cargo);
    }

    public Scenario build() {
        return new Scenario(
                name,
                nodes,
                lift,
                routes,
                lines,
                new Planning(horizonDays, paxWeight, seed, 0, null));
    }
}
