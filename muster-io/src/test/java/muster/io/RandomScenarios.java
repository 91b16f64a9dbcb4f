package muster.io;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
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
 * Random valid scenarios for round-trip tests, with awkward text: ids YAML would read as numbers or
 * booleans, names with commas, quotes, colons and non-Latin letters, full-precision numbers.
 */
final class RandomScenarios {
    private static final String[] AWKWARD = {
        "Rzeszów-Jasionka",
        "Gdańsk: port \"Nord\"",
        "Łódź, PL",
        "a # b",
        "- dash",
        "Ā'b",
        "東京",
        "Yes",
        "null",
        "~",
        "1e3",
        "0x1F",
        "[x]",
        "{y}",
        "a\\b",
        "🚀 rocket",
        "O'Hare"
    };
    private static final String[] TRICKY_IDS = {"0012345", "NO", "true", "1.5", "null", "~", "yes"};

    private RandomScenarios() {}

    static Scenario generate(Random r, int lines) {
        List<Node> nodes = new ArrayList<>();
        List<String> airfields = new ArrayList<>();
        List<String> seaports = new ArrayList<>();
        List<String> installations = new ArrayList<>();
        List<String> areas = new ArrayList<>();
        int k = 0;
        for (int i = 0; i < 2 + r.nextInt(3); i++) {
            String id = id(r, "AF", k++);
            airfields.add(id);
            nodes.add(node(r, id, NodeKind.AIRFIELD));
        }
        for (int i = 0; i < 2 + r.nextInt(2); i++) {
            String id = id(r, "SP", k++);
            seaports.add(id);
            nodes.add(node(r, id, NodeKind.SEAPORT));
        }
        for (int i = 0; i < 1 + r.nextInt(3); i++) {
            String id = id(r, "IN", k++);
            installations.add(id);
            nodes.add(
                    node(r, id, r.nextBoolean() ? NodeKind.INSTALLATION : NodeKind.RAIL_TERMINAL));
        }
        for (int i = 0; i < 1 + r.nextInt(2); i++) {
            String id = id(r, "AA", k++);
            areas.add(id);
            nodes.add(node(r, id, NodeKind.ASSEMBLY_AREA));
        }
        List<LiftType> lift = new ArrayList<>();
        lift.add(
                new LiftType(
                        "C-17",
                        LiftMode.AIR,
                        1 + r.nextInt(40),
                        r.nextInt(3),
                        airfields.get(0),
                        EnumSet.of(
                                CargoClass.PAX,
                                CargoClass.BULK,
                                CargoClass.OVERSIZE,
                                CargoClass.OUTSIZE),
                        1 + r.nextInt(150),
                        1 + r.nextDouble() * 80,
                        0,
                        300 + r.nextDouble() * 200,
                        r.nextBoolean() ? Double.POSITIVE_INFINITY : 30000 + r.nextInt(1000),
                        new GroundHours(
                                r.nextDouble() * 4, r.nextDouble() * 4, r.nextDouble() * 4)));
        if (r.nextBoolean()) {
            lift.add(
                    new LiftType(
                            "C-130J " + r.nextInt(9),
                            LiftMode.AIR,
                            1 + r.nextInt(20),
                            0,
                            airfields.get(airfields.size() - 1),
                            EnumSet.of(CargoClass.PAX, CargoClass.BULK),
                            90,
                            17.5,
                            0,
                            320,
                            2000,
                            new GroundHours(1, 1, 1)));
        }
        int shipSeats = r.nextInt(2) * 100;
        Set<CargoClass> shipCarries =
                EnumSet.of(
                        CargoClass.BULK, CargoClass.OVERSIZE, CargoClass.OUTSIZE, CargoClass.NAT);
        if (shipSeats > 0) {
            shipCarries.add(CargoClass.PAX);
        }
        lift.add(
                new LiftType(
                        TRICKY_IDS[r.nextInt(TRICKY_IDS.length)],
                        LiftMode.SEA,
                        1 + r.nextInt(5),
                        r.nextInt(5),
                        seaports.get(0),
                        shipCarries,
                        shipSeats,
                        10000 + r.nextDouble() * 30000,
                        100000 + r.nextDouble() * 300000,
                        15 + r.nextDouble() * 15,
                        Double.POSITIVE_INFINITY,
                        new GroundHours(48 + r.nextInt(48), 24 + r.nextInt(48), 0)));
        List<Route> routes = new ArrayList<>();
        String poeA = airfields.get(0);
        String podA = airfields.get(1);
        List<String> via = airfields.size() > 2 ? List.of(airfields.get(2)) : List.of();
        routes.add(
                new Route(
                        r.nextBoolean() ? "air-" + r.nextInt(100) : null,
                        RouteMode.AIR,
                        poeA,
                        podA,
                        via,
                        r.nextBoolean()
                                ? null
                                : via.isEmpty()
                                        ? List.of(1000 + r.nextDouble() * 3000)
                                        : List.of(
                                                1000 + r.nextDouble() * 3000,
                                                500 + r.nextDouble() * 1000),
                        0));
        String poeS = seaports.get(0);
        String podS = seaports.get(1);
        routes.add(
                new Route(
                        null,
                        RouteMode.SEA,
                        poeS,
                        podS,
                        null,
                        List.of(3000 + r.nextDouble() * 2000),
                        0));
        for (String in : installations) {
            routes.add(land(r, in, poeA));
            routes.add(land(r, in, poeS));
            for (String aa : areas) {
                routes.add(land(r, in, aa));
            }
        }
        for (String aa : areas) {
            routes.add(land(r, podA, aa));
            routes.add(land(r, podS, aa));
        }
        int horizon = 20 + r.nextInt(60);
        List<RequirementLine> reqs = new ArrayList<>();
        for (int i = 0; i < lines; i++) {
            LineMode mode = LineMode.values()[r.nextInt(3)];
            String origin = installations.get(r.nextInt(installations.size()));
            String dest = areas.get(r.nextInt(areas.size()));
            List<CargoEntry> cargo = new ArrayList<>();
            Set<CargoClass> allowed =
                    switch (mode) {
                        case AIR ->
                                EnumSet.of(
                                        CargoClass.BULK, CargoClass.OVERSIZE, CargoClass.OUTSIZE);
                        default ->
                                EnumSet.of(
                                        CargoClass.BULK,
                                        CargoClass.OVERSIZE,
                                        CargoClass.OUTSIZE,
                                        CargoClass.NAT);
                    };
            for (CargoClass c : allowed) {
                if (r.nextInt(3) == 0) {
                    double stons =
                            r.nextBoolean() ? r.nextInt(500) + 1 : r.nextDouble() * 900 + 0.001;
                    double sqft = mode == LineMode.SEA ? stons * (5 + r.nextDouble() * 20) : 0;
                    cargo.add(new CargoEntry(c, stons, sqft));
                }
            }
            int pax = cargo.isEmpty() || r.nextBoolean() ? 1 + r.nextInt(900) : 0;
            if (mode == LineMode.SEA && pax > 0 && lift.get(lift.size() - 1).paxCapacity() == 0) {
                pax = 0;
                if (cargo.isEmpty()) {
                    cargo.add(new CargoEntry(CargoClass.BULK, 10, 100));
                }
            }
            int rld = r.nextInt(horizon / 2);
            int ald = rld + r.nextInt(3);
            int ead = ald + r.nextInt(5);
            int lad = ead + r.nextInt(5);
            int rdd = Math.min(horizon - 1, lad + r.nextInt(6) - 1);
            reqs.add(
                    new RequirementLine(
                            r.nextInt(10) == 0
                                    ? "00" + i
                                    : "U" + Integer.toString(i, 36).toUpperCase(),
                            r.nextInt(8) == 0
                                    ? ""
                                    : AWKWARD[r.nextInt(AWKWARD.length)] + " unit " + i,
                            r.nextInt(6) == 0 ? "NO" : "US",
                            pax,
                            cargo,
                            origin,
                            mode == LineMode.AIR ? poeA : mode == LineMode.SEA ? poeS : null,
                            mode == LineMode.AIR ? podA : mode == LineMode.SEA ? podS : null,
                            dest,
                            rld,
                            ald,
                            ead,
                            lad,
                            rdd,
                            1 + r.nextInt(5),
                            mode));
        }
        Planning planning =
                new Planning(
                        horizon,
                        r.nextBoolean() ? 0.2 : r.nextDouble(),
                        r.nextLong(),
                        r.nextInt(5000),
                        r.nextBoolean() ? null : "2022-02-0" + (1 + r.nextInt(9)));
        return new Scenario(
                "random " + AWKWARD[r.nextInt(AWKWARD.length)],
                nodes,
                lift,
                routes,
                reqs,
                planning);
    }

    private static Route land(Random r, String a, String b) {
        return new Route(
                null,
                r.nextBoolean() ? RouteMode.ROAD : RouteMode.RAIL,
                a,
                b,
                null,
                null,
                r.nextInt(4) == 0 ? r.nextInt(30) : r.nextDouble() * 50);
    }

    private static String id(Random r, String prefix, int k) {
        return r.nextInt(5) == 0 ? "00" + k : prefix + k;
    }

    private static Node node(Random r, String id, NodeKind kind) {
        return new Node(
                id,
                AWKWARD[r.nextInt(AWKWARD.length)],
                kind,
                r.nextInt(4) == 0
                        ? "NO"
                        : "" + (char) ('A' + r.nextInt(26)) + (char) ('A' + r.nextInt(26)),
                r.nextDouble() * 180 - 90,
                r.nextDouble() * 360 - 180,
                kind == NodeKind.AIRFIELD ? 1 + r.nextInt(10) : 0,
                kind == NodeKind.SEAPORT ? 1 + r.nextInt(5) : 0,
                r.nextInt(3) == 0 ? 0 : r.nextDouble() * 24);
    }
}
