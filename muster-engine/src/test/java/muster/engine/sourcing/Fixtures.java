package muster.engine.sourcing;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import muster.model.CargoClass;
import muster.model.CargoEntry;
import muster.model.GroundHours;
import muster.model.LiftMode;
import muster.model.LiftType;
import muster.model.Node;
import muster.model.NodeKind;
import muster.model.Planning;
import muster.model.Route;
import muster.model.RouteMode;
import muster.model.Scenario;
import muster.model.force.CapabilityRequirement;
import muster.model.force.CapabilityType;
import muster.model.force.DeployMode;
import muster.model.force.Echelon;
import muster.model.force.Unit;
import muster.model.force.Window;

/** A small network: two US home stations, ports on both sides, a theatre garrison. */
final class Fixtures {
    static final LocalDate C_DATE = LocalDate.of(2022, 2, 3);

    /** What the fixture's ships carry: every cargo class, no people. */
    static final Set<CargoClass> SHIP_CARGO =
            Set.of(CargoClass.BULK, CargoClass.OVERSIZE, CargoClass.OUTSIZE, CargoClass.NAT);

    private Fixtures() {}

    static Scenario network() {
        List<Node> nodes =
                List.of(
                        new Node(
                                "HOME1",
                                "Home one",
                                NodeKind.INSTALLATION,
                                "US",
                                35.1,
                                -79.0,
                                0,
                                0,
                                0),
                        new Node(
                                "HOME2",
                                "Home two",
                                NodeKind.INSTALLATION,
                                "US",
                                31.9,
                                -81.6,
                                0,
                                0,
                                0),
                        new Node(
                                "GARR",
                                "Theatre garrison",
                                NodeKind.INSTALLATION,
                                "DE",
                                49.6,
                                11.8,
                                0,
                                0,
                                0),
                        new Node(
                                "APOE", "Air POE", NodeKind.AIRFIELD, "US", 35.17, -79.01, 4, 0, 4),
                        new Node(
                                "SPOE", "Sea POE", NodeKind.SEAPORT, "US", 32.08, -81.09, 0, 2, 24),
                        new Node(
                                "NOPE",
                                "Unlinked airfield",
                                NodeKind.AIRFIELD,
                                "IT",
                                46.03,
                                12.6,
                                2,
                                0,
                                0),
                        new Node("APOD", "Air POD", NodeKind.AIRFIELD, "PL", 50.11, 22.02, 3, 0, 4),
                        new Node("SPOD", "Sea POD", NodeKind.SEAPORT, "DE", 53.56, 8.55, 0, 2, 24),
                        new Node(
                                "DEST",
                                "Assembly area",
                                NodeKind.ASSEMBLY_AREA,
                                "PL",
                                50.0,
                                22.1,
                                0,
                                0,
                                0));
        List<LiftType> lift =
                List.of(
                        new LiftType(
                                "C-17",
                                LiftMode.AIR,
                                10,
                                0,
                                "APOE",
                                Set.of(
                                        CargoClass.PAX,
                                        CargoClass.BULK,
                                        CargoClass.OVERSIZE,
                                        CargoClass.OUTSIZE),
                                102,
                                45,
                                0,
                                410,
                                Double.POSITIVE_INFINITY,
                                new GroundHours(2.25, 2.25, 2.25)),
                        new LiftType(
                                "LMSR",
                                LiftMode.SEA,
                                2,
                                0,
                                "SPOE",
                                SHIP_CARGO,
                                0,
                                30000,
                                300000,
                                24,
                                Double.POSITIVE_INFINITY,
                                new GroundHours(72, 48, 0)));
        List<Route> routes =
                List.of(
                        new Route("a1", RouteMode.AIR, "APOE", "APOD", List.of(), List.of(), 0),
                        new Route(
                                "s1", RouteMode.SEA, "SPOE", "SPOD", List.of(), List.of(4200.0), 0),
                        new Route("r1", RouteMode.ROAD, "HOME1", "APOE", List.of(), List.of(), 1),
                        new Route("r2", RouteMode.ROAD, "HOME2", "APOE", List.of(), List.of(), 6),
                        new Route("r3", RouteMode.ROAD, "HOME2", "SPOE", List.of(), List.of(), 1),
                        new Route("r4", RouteMode.ROAD, "HOME1", "SPOE", List.of(), List.of(), 8),
                        new Route("r5", RouteMode.ROAD, "APOD", "DEST", List.of(), List.of(), 2),
                        new Route("r6", RouteMode.RAIL, "SPOD", "DEST", List.of(), List.of(), 30),
                        new Route("r7", RouteMode.ROAD, "GARR", "DEST", List.of(), List.of(), 16));
        return new Scenario(
                "fixture",
                nodes,
                lift,
                routes,
                List.of(),
                new Planning(45, 0.2, 1, 0, "2022-02-03"));
    }

    /** The fixture network with {@code more} lift types after its own. */
    static Scenario networkWith(List<LiftType> more) {
        Scenario base = network();
        List<LiftType> lift = new ArrayList<>(base.lift());
        lift.addAll(more);
        return new Scenario(
                base.name(),
                base.nodes(),
                lift,
                base.routes(),
                base.requirements(),
                base.planning());
    }

    static Unit unit(
            String uic,
            CapabilityType cap,
            String nation,
            int readiness,
            int ntmHours,
            DeployMode mode,
            String committedTo,
            List<Window> windows) {
        String home =
                mode == DeployMode.LAND ? "GARR" : (mode == DeployMode.AIR ? "HOME1" : "HOME2");
        List<CargoEntry> eq =
                mode == DeployMode.AIR
                        ? List.of(
                                new CargoEntry(CargoClass.BULK, 300, 0),
                                new CargoEntry(CargoClass.OVERSIZE, 500, 0))
                        : List.of(
                                new CargoEntry(CargoClass.BULK, 2000, 40000),
                                new CargoEntry(CargoClass.OUTSIZE, 9000, 150000),
                                new CargoEntry(CargoClass.NAT, 1500, 30000));
        return new Unit(
                uic,
                uic + " name",
                nation,
                cap,
                Echelon.BRIGADE,
                home,
                mode == DeployMode.LAND ? null : "APOE",
                mode == DeployMode.AIR_SEA ? "SPOE" : null,
                3000,
                eq,
                readiness,
                ntmHours,
                windows,
                mode,
                0,
                committedTo,
                "test");
    }

    static CapabilityRequirement req(
            String id, CapabilityType cap, int qty, int rdd, int priority, List<String> nations) {
        return new CapabilityRequirement(
                id, cap, null, qty, "DEST", "APOD", "SPOD", 0, rdd, rdd, priority, nations,
                List.of(), null);
    }
}
