package muster.server;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import muster.model.Activity;
import muster.model.CargoClass;
import muster.model.CargoEntry;
import muster.model.GroundHours;
import muster.model.LiftMode;
import muster.model.LiftType;
import muster.model.LineMode;
import muster.model.LineResult;
import muster.model.Load;
import muster.model.LoadCargo;
import muster.model.Measures;
import muster.model.Mission;
import muster.model.Node;
import muster.model.NodeKind;
import muster.model.Plan;
import muster.model.PlannerInfo;
import muster.model.Planning;
import muster.model.RequirementLine;
import muster.model.Route;
import muster.model.RouteMode;
import muster.model.Scenario;
import muster.model.Stop;

/** Small scenarios and plans whose lines belong to several nations. */
final class Fixtures {
    private Fixtures() {}

    /** One AIR line per (uln, nation) pair, 100 pax and 20 stons of bulk, RDD day 3. */
    static Scenario scenario(String name, String... ulnNation) {
        List<RequirementLine> lines = new ArrayList<>();
        for (int i = 0; i < ulnNation.length; i += 2) {
            lines.add(
                    new RequirementLine(
                            ulnNation[i],
                            "unit " + ulnNation[i],
                            ulnNation[i + 1],
                            100,
                            List.of(new CargoEntry(CargoClass.BULK, 20, 0)),
                            "ORIG",
                            "APOE",
                            "APOD",
                            "APOD",
                            0,
                            0,
                            1,
                            2,
                            3,
                            1,
                            LineMode.AIR));
        }
        return new Scenario(
                name,
                List.of(
                        new Node("ORIG", "origin", NodeKind.INSTALLATION, "US", 35, -79, 0, 0, 0),
                        new Node(
                                "APOE",
                                "port of embarkation",
                                NodeKind.AIRFIELD,
                                "US",
                                35.2,
                                -79,
                                2,
                                0,
                                4),
                        new Node(
                                "APOD",
                                "port of debarkation",
                                NodeKind.AIRFIELD,
                                "PL",
                                50,
                                22,
                                2,
                                0,
                                4)),
                List.of(
                        new LiftType(
                                "C-17",
                                LiftMode.AIR,
                                2,
                                0,
                                "APOE",
                                Set.of(CargoClass.PAX, CargoClass.BULK),
                                102,
                                45,
                                0,
                                410,
                                Double.POSITIVE_INFINITY,
                                new GroundHours(2.25, 2.25, 2.25))),
                List.of(
                        new Route(
                                "r1", RouteMode.AIR, "APOE", "APOD", List.of(), List.of(4500.0), 0),
                        new Route("r0", RouteMode.ROAD, "ORIG", "APOE", List.of(), List.of(), 1)),
                lines,
                new Planning(10, 0.2, 1, 100, null));
    }

    /** A plan carrying each line on its own mission (mission id "M-" + uln), each closing day 2. */
    static Plan plan(Scenario s) {
        List<Mission> missions = new ArrayList<>();
        List<LineResult> results = new ArrayList<>();
        int i = 0;
        for (RequirementLine l : s.requirements()) {
            double t = 24 + i * 3;
            missions.add(
                    new Mission(
                            "M-" + l.uln(),
                            "C-17",
                            i % 2,
                            List.of(
                                    new Stop("APOE", Activity.ONLOAD, t, t + 2.25),
                                    new Stop("APOD", Activity.OFFLOAD, t + 13, t + 15.25)),
                            List.of(
                                    new Load(
                                            l.uln(),
                                            l.pax(),
                                            List.of(new LoadCargo(CargoClass.BULK, 20)),
                                            0,
                                            1))));
            results.add(
                    new LineResult(
                            l.uln(),
                            t + 15.25,
                            t + 15.25,
                            1 + (i % 3),
                            i % 3 == 2 ? 1 : 0,
                            i % 3 == 2 ? "fixture: late by design" : null));
            i++;
        }
        return new Plan(
                s.name(),
                new PlannerInfo("fixture", "0", 0, 1),
                new Measures(3, 0, 0, results.size(), List.of()),
                null,
                missions,
                results,
                List.of());
    }

    /** Stores a finished plan as the result of a run by {@code by}. */
    static long storePlan(MusterServer srv, long scenarioId, User by, String marking, Plan plan) {
        return Jdbc.tx(
                srv.database(),
                c -> {
                    long id =
                            Jdbc.insert(
                                    c,
                                    "insert into plan_run(scenario_id, planner, owner_nation,"
                                            + " releasable_to, status, progress, plan_json,"
                                            + " created_by, started_at, finished_at) values"
                                            + " (?,?,?,?,'DONE',1,?,?,?,?)",
                                    scenarioId,
                                    "fixture",
                                    by.nation(),
                                    marking,
                                    Json.write(plan),
                                    by.id(),
                                    Timestamp.from(Instant.now()),
                                    Timestamp.from(Instant.now()));
                    return id;
                });
    }

    /** The user record of a signed-in client. */
    static User me(TestServer.Client c) {
        return Json.MAPPER.convertValue(c.get("/api/me").map(), User.class);
    }
}
