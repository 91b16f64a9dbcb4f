package muster.engine.generate;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import muster.model.CargoClass;
import muster.model.CargoEntry;
import muster.model.Geo;
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
 * Small random valid scenarios for property tests: a transatlantic deployment from the US east
 * coast to eastern Europe in miniature, sized so that the lift, MOG and berths bind.
 *
 * <p>What one scenario holds (every choice drawn from a {@link SplittableRandom} seeded with the
 * given seed, so one seed gives one scenario):
 *
 * <ul>
 *   <li>1-3 US origin installations and one European installation (2-4 origins in all); the
 *       European one is the origin of LAND lines.
 *   <li>2-3 US airfields as AIR POEs and 1-2 US seaports as SEA POEs, each with a road route from
 *       every US origin.
 *   <li>1-2 European airfields as AIR PODs and, when a ship type is drawn, one European seaport as
 *       SEA POD (2-3 PODs in all); 1-2 assembly areas with road routes from every POD and from the
 *       European installation.
 *   <li>En-route airfields (Lajes, Keflavik, Mildenhall, Ramstein). Every AIR POE-POD pair gets a
 *       channel route; where the direct leg exceeds the jet's range the route goes through the
 *       en-route airfield that makes the longest leg shortest, and sometimes a second route through
 *       another via is added as an alternative. The main jet's {@code rangeNm} is chosen just above
 *       the longest leg of those one-via routes, so vias are really needed.
 *   <li>1-3 lift types: always {@code JET-A} (AIR, all air classes, ranged), optionally {@code
 *       JET-B} (AIR, people and bulk only, no range limit) and {@code SHIP-A} (SEA, no people).
 *       Counts are 1-3 tails and 1-2 hulls, MOG 1-2 and berths 1, so capacity binds.
 *   <li>Lines of mixed modes: AIR (people and BULK / OVERSIZE / OUTSIZE), SEA (cargo with sqft, NAT
 *       included, no people) when a ship type exists, and LAND (people and cargo, by road from the
 *       European installation). Dates keep {@code rld <= ald}, {@code ead <= lad <= rdd} and {@code
 *       rdd < horizonDays}; SEA lines leave their {@code ead} about ten days after {@code ald} for
 *       the crossing.
 * </ul>
 *
 * <p>Coordinates are those of real places (rounded); capacities, speeds and ground times are
 * assumptions of the same order as real C-17s, airliners and roll-on/roll-off ships, scaled down so
 * small scenarios are tight. They are test data, not planning factors.
 *
 * <p>Knobs ({@link Knobs}): whether SEA and LAND lines may appear, how many lift types at most, and
 * the largest fleet of a type. {@link #random(long, int)} uses {@link Knobs#DEFAULT}.
 */
public final class SmallScenarios {

    /** The largest number of lines {@link #random(long, int)} accepts. */
    public static final int MAX_LINES = 500;

    /**
     * What the generator may draw.
     *
     * @param sea whether a ship type and SEA lines may appear (drawn with probability 0.7)
     * @param land whether LAND lines may appear
     * @param maxLiftTypes 1 to 3: the most lift types drawn
     * @param maxTails 1 or more: the largest count of an AIR type (ships get at most half, at least
     *     1)
     */
    public record Knobs(boolean sea, boolean land, int maxLiftTypes, int maxTails) {
        public static final Knobs DEFAULT = new Knobs(true, true, 3, 3);

        public Knobs {
            if (maxLiftTypes < 1 || maxLiftTypes > 3) {
                throw new IllegalArgumentException(
                        "maxLiftTypes = " + maxLiftTypes + ": must be 1 to 3");
            }
            if (maxTails < 1) {
                throw new IllegalArgumentException("maxTails = " + maxTails + ": must be >= 1");
            }
        }
    }

    private record Place(String id, String name, String country, double lat, double lon) {}

    // Coordinates of real places, rounded to about a kilometre.
    private static final List<Place> US_ORIGINS =
            List.of(
                    new Place("FTBRAGG", "Fort Bragg", "US", 35.139, -79.006),
                    new Place("FTSTEWART", "Fort Stewart", "US", 31.869, -81.610),
                    new Place("FTCAMPBELL", "Fort Campbell", "US", 36.667, -87.475),
                    new Place("FTDRUM", "Fort Drum", "US", 44.055, -75.758));
    private static final List<Place> EU_ORIGINS =
            List.of(
                    new Place("GRAFENWOEHR", "Grafenwoehr Training Area", "DE", 49.698, 11.940),
                    new Place("VILSECK", "Rose Barracks, Vilseck", "DE", 49.614, 11.802));
    private static final List<Place> US_AIRFIELDS =
            List.of(
                    new Place("KPOB", "Pope Army Airfield", "US", 35.171, -79.015),
                    new Place("KHOP", "Campbell Army Airfield", "US", 36.669, -87.496),
                    new Place("KSVN", "Hunter Army Airfield", "US", 32.010, -81.146),
                    new Place("KGTB", "Wheeler-Sack Army Airfield", "US", 44.056, -75.719),
                    new Place("KDOV", "Dover Air Force Base", "US", 39.130, -75.466));
    private static final List<Place> US_SEAPORTS =
            List.of(
                    new Place("USSAV", "Port of Savannah", "US", 32.080, -81.090),
                    new Place("USCHS", "Port of Charleston", "US", 32.780, -79.920),
                    new Place("USNFK", "Norfolk", "US", 36.950, -76.330));
    private static final List<Place> EU_AIRFIELDS =
            List.of(
                    new Place("EPRZ", "Rzeszow-Jasionka", "PL", 50.110, 22.019),
                    new Place("LRCK", "Mihail Kogalniceanu", "RO", 44.362, 28.488),
                    new Place("EYKA", "Kaunas", "LT", 54.964, 24.085),
                    new Place("EPPO", "Poznan-Lawica", "PL", 52.421, 16.826));
    private static final List<Place> EU_SEAPORTS =
            List.of(
                    new Place("DEBRV", "Bremerhaven", "DE", 53.550, 8.580),
                    new Place("PLGDY", "Gdynia", "PL", 54.530, 18.550),
                    new Place("ROCND", "Constanta", "RO", 44.170, 28.650));
    private static final List<Place> ENROUTE =
            List.of(
                    new Place("LPLA", "Lajes Field", "PT", 38.762, -27.091),
                    new Place("BIKF", "Keflavik", "IS", 63.985, -22.605),
                    new Place("EGUN", "RAF Mildenhall", "GB", 52.362, 0.486),
                    new Place("ETAR", "Ramstein Air Base", "DE", 49.437, 7.600));
    private static final List<Place> ASSEMBLY_AREAS =
            List.of(
                    new Place("AA-NOWADEBA", "Nowa Deba training area", "PL", 50.430, 21.750),
                    new Place("AA-CINCU", "Cincu training area", "RO", 45.870, 24.770),
                    new Place("AA-PABRADE", "Pabrade training area", "LT", 54.980, 25.770));

    private SmallScenarios() {}

    /** A random valid scenario with {@code lines} requirement lines and the default knobs. */
    public static Scenario random(long seed, int lines) {
        return random(seed, lines, Knobs.DEFAULT);
    }

    /**
     * A random valid scenario with {@code lines} requirement lines (1 to {@link #MAX_LINES}).
     *
     * @throws IllegalArgumentException when {@code lines} is out of range
     */
    public static Scenario random(long seed, int lines, Knobs knobs) {
        if (lines < 1 || lines > MAX_LINES) {
            throw new IllegalArgumentException("lines = " + lines + ": must be 1 to " + MAX_LINES);
        }
        return new Builder(new SplittableRandom(seed), knobs).build(seed, lines);
    }

    private static final class Builder {
        private final SplittableRandom rnd;
        private final Knobs knobs;
        private final Map<String, Node> nodes = new LinkedHashMap<>();
        private final List<Route> routes = new ArrayList<>();
        private final List<LiftType> lift = new ArrayList<>();

        Builder(SplittableRandom rnd, Knobs knobs) {
            this.rnd = rnd;
            this.knobs = knobs;
        }

        Scenario build(long seed, int lineCount) {
            int types = 1 + rnd.nextInt(knobs.maxLiftTypes());
            boolean ship = knobs.sea() && types >= 2 && rnd.nextDouble() < 0.7;
            boolean jetB = types == 3 || (types == 2 && !ship);

            List<Place> usOrigins = pick(US_ORIGINS, 1 + rnd.nextInt(3));
            Place euOrigin = EU_ORIGINS.get(rnd.nextInt(EU_ORIGINS.size()));
            List<Place> airPoes = pick(US_AIRFIELDS, 2 + rnd.nextInt(2));
            List<Place> seaPoes = pick(US_SEAPORTS, 1 + rnd.nextInt(2));
            List<Place> airPods =
                    pick(EU_AIRFIELDS, ship ? 1 + rnd.nextInt(2) : 2 + rnd.nextInt(2));
            List<Place> seaPods = ship ? pick(EU_SEAPORTS, 1) : List.of();
            List<Place> areas = pick(ASSEMBLY_AREAS, 1 + rnd.nextInt(2));

            for (Place p : usOrigins) {
                add(p, NodeKind.INSTALLATION, 0, 0, 0);
            }
            add(euOrigin, NodeKind.INSTALLATION, 0, 0, 0);
            for (Place p : airPoes) {
                add(p, NodeKind.AIRFIELD, 1 + rnd.nextInt(2), 0, rnd.nextInt(5));
            }
            for (Place p : seaPoes) {
                add(p, NodeKind.SEAPORT, 0, 1, 12 + 6 * rnd.nextInt(3));
            }
            for (Place p : airPods) {
                add(p, NodeKind.AIRFIELD, 1 + rnd.nextInt(2), 0, rnd.nextInt(5));
            }
            for (Place p : seaPods) {
                add(p, NodeKind.SEAPORT, 0, 1, 12 + 6 * rnd.nextInt(3));
            }
            for (Place p : ENROUTE) {
                add(p, NodeKind.AIRFIELD, 1 + rnd.nextInt(2), 0, 0);
            }
            for (Place p : areas) {
                add(p, NodeKind.ASSEMBLY_AREA, 0, 0, 0);
            }

            // Road routes: US origins to every US POE; PODs and the European origin to every
            // assembly area. Hours at an assumed 40 kn (about 75 km/h) over the great circle.
            for (Place o : usOrigins) {
                for (Place p : airPoes) {
                    road(o, p);
                }
                for (Place p : seaPoes) {
                    road(o, p);
                }
            }
            for (Place a : areas) {
                for (Place p : airPods) {
                    road(p, a);
                }
                for (Place p : seaPods) {
                    road(p, a);
                }
                road(euOrigin, a);
            }

            double rangeNm = airChannels(airPoes, airPods);
            for (Place poe : seaPoes) {
                for (Place pod : seaPods) {
                    // Sailing distance assumed 1.2 times the great circle.
                    double nm = Math.round(gc(poe, pod) * 1.2);
                    routes.add(
                            new Route(
                                    "sea-" + poe.id() + "-" + pod.id(),
                                    RouteMode.SEA,
                                    poe.id(),
                                    pod.id(),
                                    List.of(),
                                    List.of(nm),
                                    0));
                }
            }

            Place jetBase = airPoes.get(rnd.nextInt(airPoes.size()));
            lift.add(
                    new LiftType(
                            "JET-A",
                            LiftMode.AIR,
                            1 + rnd.nextInt(knobs.maxTails()),
                            rnd.nextInt(2),
                            jetBase.id(),
                            EnumSet.of(
                                    CargoClass.PAX,
                                    CargoClass.BULK,
                                    CargoClass.OVERSIZE,
                                    CargoClass.OUTSIZE),
                            60 + rnd.nextInt(43),
                            30 + rnd.nextInt(16),
                            0,
                            400 + rnd.nextInt(51),
                            rangeNm,
                            new GroundHours(
                                    2 + rnd.nextInt(3) * 0.5,
                                    2 + rnd.nextInt(3) * 0.5,
                                    1.5 + rnd.nextInt(3) * 0.5)));
            if (jetB) {
                lift.add(
                        new LiftType(
                                "JET-B",
                                LiftMode.AIR,
                                1 + rnd.nextInt(knobs.maxTails()),
                                rnd.nextInt(3),
                                airPoes.get(rnd.nextInt(airPoes.size())).id(),
                                EnumSet.of(CargoClass.PAX, CargoClass.BULK),
                                150 + rnd.nextInt(101),
                                10 + rnd.nextInt(16),
                                0,
                                450 + rnd.nextInt(31),
                                Double.POSITIVE_INFINITY,
                                new GroundHours(1.5, 1.5, 1.5 + rnd.nextInt(2) * 0.5)));
            }
            if (ship) {
                lift.add(
                        new LiftType(
                                "SHIP-A",
                                LiftMode.SEA,
                                1 + rnd.nextInt(Math.max(1, knobs.maxTails() / 2)),
                                rnd.nextInt(4),
                                seaPoes.get(0).id(),
                                EnumSet.of(
                                        CargoClass.BULK,
                                        CargoClass.OVERSIZE,
                                        CargoClass.OUTSIZE,
                                        CargoClass.NAT),
                                0,
                                1000 + 250 * rnd.nextInt(9),
                                40000 + 10000 * rnd.nextInt(9),
                                18 + rnd.nextInt(7),
                                Double.POSITIVE_INFINITY,
                                new GroundHours(
                                        24 + 12 * rnd.nextInt(3), 24 + 12 * rnd.nextInt(3), 0)));
            }

            List<RequirementLine> reqs = new ArrayList<>();
            boolean land = knobs.land();
            for (int i = 0; i < lineCount; i++) {
                double u = rnd.nextDouble();
                LineMode mode;
                if (ship && u < 0.25) {
                    mode = LineMode.SEA;
                } else if (land && u > 0.8) {
                    mode = LineMode.LAND;
                } else {
                    mode = LineMode.AIR;
                }
                String uln = String.format("U%04d", i + 1);
                reqs.add(
                        switch (mode) {
                            case AIR -> airLine(uln, usOrigins, airPoes, airPods, areas);
                            case SEA -> seaLine(uln, usOrigins, seaPoes, seaPods, areas);
                            case LAND -> landLine(uln, euOrigin, areas);
                        });
            }
            int maxRdd = 0;
            for (RequirementLine l : reqs) {
                maxRdd = Math.max(maxRdd, l.rdd());
            }
            int horizon = Math.max(14, maxRdd + 1 + 3 + rnd.nextInt(6));
            Planning planning =
                    new Planning(horizon, Planning.DEFAULT_PAX_WEIGHT_STONS, seed, 200, null);
            return new Scenario(
                    "small-" + Long.toUnsignedString(seed) + "-" + lineCount,
                    new ArrayList<>(nodes.values()),
                    lift,
                    routes,
                    reqs,
                    planning);
        }

        /**
         * Adds a channel route for every AIR POE-POD pair and returns the main jet's range: just
         * above the longest leg of the best one-via routes, so that direct crossings are out of
         * range.
         */
        private double airChannels(List<Place> poes, List<Place> pods) {
            double need = 0;
            for (Place p : poes) {
                for (Place q : pods) {
                    need = Math.max(need, longestLeg(p, bestVia(p, q, null), q));
                }
            }
            double range = Math.ceil(need / 100.0) * 100.0 + 100.0;
            for (Place p : poes) {
                for (Place q : pods) {
                    if (gc(p, q) <= range) {
                        routes.add(channel(p, null, q));
                    } else {
                        Place v = bestVia(p, q, null);
                        routes.add(channel(p, v, q));
                        Place w = bestVia(p, q, v);
                        if (rnd.nextDouble() < 0.3 && longestLeg(p, w, q) <= range) {
                            routes.add(channel(p, w, q));
                        }
                    }
                }
            }
            return range;
        }

        private Place bestVia(Place p, Place q, Place except) {
            Place best = null;
            double bestLeg = Double.POSITIVE_INFINITY;
            for (Place v : ENROUTE) {
                if (v == except) {
                    continue;
                }
                double leg = longestLeg(p, v, q);
                if (leg < bestLeg) {
                    bestLeg = leg;
                    best = v;
                }
            }
            return best;
        }

        private static double longestLeg(Place p, Place v, Place q) {
            return Math.max(gc(p, v), gc(v, q));
        }

        private static Route channel(Place p, Place v, Place q) {
            String id = "air-" + p.id() + "-" + (v == null ? "" : v.id() + "-") + q.id();
            return new Route(
                    id,
                    RouteMode.AIR,
                    p.id(),
                    q.id(),
                    v == null ? List.of() : List.of(v.id()),
                    List.of(),
                    0);
        }

        private void road(Place a, Place b) {
            double hours = Math.max(0.5, Math.round(gc(a, b) / 40.0 * 2) / 2.0);
            routes.add(
                    new Route(
                            "road-" + a.id() + "-" + b.id(),
                            RouteMode.ROAD,
                            a.id(),
                            b.id(),
                            List.of(),
                            List.of(),
                            hours));
        }

        private RequirementLine airLine(
                String uln,
                List<Place> origins,
                List<Place> poes,
                List<Place> pods,
                List<Place> areas) {
            int pax = rnd.nextDouble() < 0.6 ? 10 + rnd.nextInt(291) : 0;
            List<CargoEntry> cargo = new ArrayList<>();
            maybeCargo(cargo, CargoClass.BULK, 0.6, 2, 120, 0, 0);
            maybeCargo(cargo, CargoClass.OVERSIZE, 0.4, 10, 150, 0, 0);
            maybeCargo(cargo, CargoClass.OUTSIZE, 0.25, 20, 120, 0, 0);
            if (pax == 0 && cargo.isEmpty()) {
                pax = 50 + rnd.nextInt(100);
            }
            int rld = rnd.nextInt(5);
            int ald = rld + rnd.nextInt(3);
            int ead = ald + rnd.nextInt(3);
            int lad = ead + rnd.nextInt(4);
            int rdd = lad + rnd.nextInt(5);
            return new RequirementLine(
                    uln,
                    "air element " + uln,
                    "US",
                    pax,
                    cargo,
                    any(origins).id(),
                    any(poes).id(),
                    any(pods).id(),
                    any(areas).id(),
                    rld,
                    ald,
                    ead,
                    lad,
                    rdd,
                    1 + rnd.nextInt(3),
                    LineMode.AIR);
        }

        private RequirementLine seaLine(
                String uln,
                List<Place> origins,
                List<Place> poes,
                List<Place> pods,
                List<Place> areas) {
            List<CargoEntry> cargo = new ArrayList<>();
            maybeCargo(cargo, CargoClass.NAT, 0.6, 50, 1200, 25, 70);
            maybeCargo(cargo, CargoClass.OVERSIZE, 0.5, 50, 800, 25, 70);
            maybeCargo(cargo, CargoClass.BULK, 0.4, 20, 400, 15, 30);
            maybeCargo(cargo, CargoClass.OUTSIZE, 0.2, 50, 500, 25, 60);
            if (cargo.isEmpty()) {
                maybeCargo(cargo, CargoClass.NAT, 1.0, 50, 1200, 25, 70);
            }
            int rld = rnd.nextInt(5);
            int ald = rld + 1 + rnd.nextInt(3);
            int ead = ald + 10 + rnd.nextInt(4);
            int lad = ead + rnd.nextInt(4);
            int rdd = lad + 1 + rnd.nextInt(5);
            return new RequirementLine(
                    uln,
                    "heavy equipment " + uln,
                    "US",
                    0,
                    cargo,
                    any(origins).id(),
                    any(poes).id(),
                    any(pods).id(),
                    any(areas).id(),
                    rld,
                    ald,
                    ead,
                    lad,
                    rdd,
                    1 + rnd.nextInt(3),
                    LineMode.SEA);
        }

        private RequirementLine landLine(String uln, Place origin, List<Place> areas) {
            int pax = 100 + rnd.nextInt(1401);
            List<CargoEntry> cargo = new ArrayList<>();
            maybeCargo(cargo, CargoClass.BULK, 0.6, 20, 300, 0, 0);
            maybeCargo(cargo, CargoClass.OVERSIZE, 0.5, 50, 800, 0, 0);
            maybeCargo(cargo, CargoClass.NAT, 0.3, 50, 800, 0, 0);
            int rld = rnd.nextInt(6);
            int ald = rld;
            int ead = ald + 1 + rnd.nextInt(2);
            int lad = ead + rnd.nextInt(2);
            int rdd = lad + rnd.nextInt(4);
            return new RequirementLine(
                    uln,
                    "theatre move " + uln,
                    "US",
                    pax,
                    cargo,
                    origin.id(),
                    null,
                    null,
                    any(areas).id(),
                    rld,
                    ald,
                    ead,
                    lad,
                    rdd,
                    1 + rnd.nextInt(3),
                    LineMode.LAND);
        }

        /** Adds a class with probability p: stons a multiple of 0.5 in [lo, hi]. */
        private void maybeCargo(
                List<CargoEntry> cargo,
                CargoClass c,
                double p,
                int lo,
                int hi,
                int sqftPerStonLo,
                int sqftPerStonHi) {
            if (rnd.nextDouble() >= p) {
                return;
            }
            double stons = (2 * lo + rnd.nextInt(2 * (hi - lo) + 1)) / 2.0;
            double sqft =
                    sqftPerStonHi > 0
                            ? Math.round(
                                    stons
                                            * (sqftPerStonLo
                                                    + rnd.nextInt(
                                                            sqftPerStonHi - sqftPerStonLo + 1)))
                            : 0;
            cargo.add(new CargoEntry(c, stons, sqft));
        }

        private void add(Place p, NodeKind kind, int mog, int berths, double handlingHours) {
            nodes.put(
                    p.id(),
                    new Node(
                            p.id(),
                            p.name(),
                            kind,
                            p.country(),
                            p.lat(),
                            p.lon(),
                            mog,
                            berths,
                            handlingHours));
        }

        private Place any(List<Place> from) {
            return from.get(rnd.nextInt(from.size()));
        }

        /** n distinct places from the pool, in pool order. */
        private List<Place> pick(List<Place> pool, int n) {
            List<Place> left = new ArrayList<>(pool);
            List<Place> out = new ArrayList<>();
            for (int i = 0; i < n && !left.isEmpty(); i++) {
                out.add(left.remove(rnd.nextInt(left.size())));
            }
            return out;
        }

        private static double gc(Place a, Place b) {
            return Geo.distanceNm(a.lat(), a.lon(), b.lat(), b.lon());
        }
    }
}
