package muster.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import muster.server.TestServer.Client;
import muster.server.TestServer.Response;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;

/**
 * What a reader learns of records not released to its nation through the answers about records that
 * are: the reasons of a plan's late lines, the refusals of the order model, the audit log.
 */
class WithheldRecordsTest {
    private final MusterServer srv = TestServer.get();

    /**
     * One jet at A; SMALL (of POL) is ready at once, LARGE (of the USA, withheld from POL) ten
     * hours later, 10 h by road away: the jet waits for LARGE and carries both, so SMALL closes a
     * day after its RDD, held for LARGE's cargo (as muster-engine's
     * LateReasonTest.aSortieHeldFor...).
     */
    private static final String HELD =
            String.join(
                    "\n",
                    "format: muster/scenario@1",
                    "name: held sortie",
                    "planning: {horizonDays: 10, paxWeightStons: 0.2, seed: 1, searchIterations:"
                            + " 100}",
                    "nodes:",
                    "  - {id: HOME, name: home, kind: INSTALLATION, country: US, lat: 40, lon:"
                            + " -75.1}",
                    "  - {id: FAR, name: far, kind: INSTALLATION, country: US, lat: 40, lon: -76}",
                    "  - {id: A, name: field A, kind: AIRFIELD, country: US, lat: 40, lon: -75,"
                            + " mog: 10}",
                    "  - {id: B, name: field B, kind: AIRFIELD, country: PL, lat: 45, lon: -60,"
                            + " mog: 10}",
                    "  - {id: CAMP, name: camp, kind: ASSEMBLY_AREA, country: PL, lat: 45, lon:"
                            + " -60.1}",
                    "lift:",
                    "  - {id: JET, mode: AIR, count: 1, availableFromDay: 0, baseNode: A, carries:"
                            + " [BULK], paxCapacity: 100, stonsCapacity: 40, speedKnots: 400,"
                            + " groundHours: {onload: 2, offload: 2, enroute: 2}}",
                    "routes:",
                    "  - {mode: AIR, from: A, to: B, legsNm: [4000]}",
                    "  - {mode: ROAD, from: HOME, to: A, hours: 0}",
                    "  - {mode: ROAD, from: FAR, to: A, hours: 10}",
                    "  - {mode: ROAD, from: B, to: CAMP, hours: 0}",
                    "requirements:",
                    "  - {uln: SMALL, unit: small unit, nation: PL, pax: 0, cargo: [{class: BULK,"
                            + " stons: 10}], origin: HOME, poe: A, pod: B, destination: CAMP, rld:"
                            + " 0, ald: 0, ead: 0, lad: 0, rdd: 0, priority: 1, mode: AIR}",
                    "  - {uln: LARGE, unit: large unit, nation: US, pax: 0, cargo: [{class: BULK,"
                            + " stons: 30}], origin: FAR, poe: A, pod: B, destination: CAMP, rld:"
                            + " 0, ald: 0, ead: 0, lad: 5, rdd: 5, priority: 1, mode: AIR}",
                    "");

    /**
     * A late line's reason may name the mission that carried it and another line that mission
     * waited for. To a reader from whom that line is withheld, the mission (which carries it) and
     * the line are withheld too: the reason says what held the reader's own line without naming
     * either, nor when the withheld line's cargo was ready. It named both, in the plan's lines, its
     * export and its report.
     */
    @Test
    void aLateLinesReasonNamesNoLineOrMissionWithheldFromTheReader() throws Exception {
        Client us = TestServer.user("wh_us_pl", "USA", Role.PLANNER, Role.LIAISON);
        Client pl = TestServer.user("wh_pl_ob", "POL", Role.OBSERVER);
        Response imported = us.postText("/api/scenarios?file=held.yaml&marking=REL%20NATO", HELD);
        assertThat(imported.status()).as(imported.body()).isEqualTo(201);
        long sid = ((Number) imported.map().get("id")).longValue();
        Response marked =
                us.patch(
                        "/api/scenarios/" + sid + "/lines/LARGE/marking",
                        Map.of("marking", "USA ONLY"));
        assertThat(marked.status()).as(marked.body()).isEqualTo(200);
        Response started = us.post("/api/scenarios/" + sid + "/plans", Map.of("planner", "lns"));
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        long pid = ((Number) started.map().get("id")).longValue();
        String status = "QUEUED";
        for (int i = 0; i < 600 && (status.equals("QUEUED") || status.equals("RUNNING")); i++) {
            Thread.sleep(200);
            status = (String) us.get("/api/plans/" + pid).map().get("status");
        }
        assertThat(status).isEqualTo("DONE");

        String held =
                "held on days 0: it closed 10.0 h later than a free JET with room at every stop"
                        + " could have; its JET ";
        // the USA sees both lines and the mission: the whole reason
        assertThat(reasonOf(us, pid, "SMALL"))
                .isEqualTo(
                        held
                                + "(M1) loaded at hour 10.0, when the cargo of LARGE it waited for"
                                + " was ready (hour 10.0)");
        // POL sees SMALL alone; M1 carries LARGE too and is withheld with it
        assertThat(pl.get("/api/plans/" + pid + "/missions").map().get("total")).isEqualTo(0);
        assertThat(reasonOf(pl, pid, "SMALL"))
                .isEqualTo(held + "(a mission not released to you) loaded at hour 10.0");
        String export = pl.get("/api/plans/" + pid + "/export").body();
        assertThat(export).contains("a mission not released to you").doesNotContain("LARGE");
        assertThat(export).doesNotContain("(M1)");
        String report = pl.get("/api/plans/" + pid + "/report.html").body();
        assertThat(report).contains("a mission not released to you").doesNotContain("LARGE");
        assertThat(report).doesNotContain("(M1)");
    }

    @SuppressWarnings("unchecked")
    private static String reasonOf(Client c, long pid, String uln) {
        Response r = c.get("/api/plans/" + pid + "/lines?late=true");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.items().stream()
                .filter(l -> uln.equals(l.get("uln")))
                .map(l -> (String) l.get("reason"))
                .findFirst()
                .orElseThrow();
    }

    /** The rule alone: what is withheld goes, what is seen stays. */
    @Test
    void aReasonKeepsWhatTheReaderSeesAndLosesWhatIsWithheld() {
        String held =
                "held on days 0: it closed 10.0 h later than a free JET with room at every stop"
                        + " could have; its JET (M1) loaded at hour 10.0, when the cargo of LARGE it"
                        + " waited for was ready (hour 10.0)";
        assertThat(PlanViews.reasonSeen(held, Set.of(), Set.of())).isEqualTo(held);
        // the line and the mission seen: as it is
        assertThat(PlanViews.reasonSeen(held, Set.of("OTHER"), Set.of("M2"))).isEqualTo(held);
        // a withheld mission of a line seen: the mission goes, the line stays
        assertThat(PlanViews.reasonSeen(held, Set.of(), Set.of("M1")))
                .isEqualTo(held.replace("(M1)", "(a mission not released to you)"));
        // a reason that names a withheld line otherwise keeps its cause alone
        assertThat(PlanViews.reasonSeen("held on days 2: behind LARGE.", Set.of("LARGE"), Set.of()))
                .isEqualTo(
                        "held on days 2: the rest of the reason names lines or missions not"
                                + " released to you");
        // a word that holds a withheld ULN is not that ULN
        assertThat(PlanViews.reasonSeen("MOG at LARGE-2 on days 1", Set.of("LARGE"), Set.of()))
                .isEqualTo("MOG at LARGE-2 on days 1");
    }

    /**
     * A nation may hand its unit to another (a catalogue of its own lists it under that nation);
     * the orders it gave the unit stay its own, and may be released to it alone. The order model
     * then refuses the new owner's orders that contradict them: the refusal says the unit is under
     * an order not released to the new owner, where it named the order, where the unit deploys and
     * its ready date, to the drafter and in the audit log of the drafter's nation.
     */
    @Test
    void anOrderRefusalNamesNoOrderWithheldFromTheReader() throws Exception {
        Client plPlanner = TestServer.user("wh_pl_pl", "POL", Role.PLANNER);
        Client plApprover = TestServer.user("wh_pl_ap", "POL", Role.APPROVER);
        Client usPlanner = TestServer.user("wh_us_pl2", "USA", Role.PLANNER);
        Client usApprover = TestServer.user("wh_us_ap", "USA", Role.APPROVER);
        Response own =
                plPlanner.postText(
                        "/api/catalogues?file=own.yaml&marking=REL%20NATO",
                        ServerApiTest.oneUnitCatalogue("PLHO01", "PL"));
        assertThat(own.status()).as(own.body()).isEqualTo(201);
        // POL deploys its unit under an order of its own alone, approved, not yet issued
        String deploy =
                ServerApiTest.drafted(
                        plPlanner,
                        Map.of(
                                "kind",
                                "DEPLOY",
                                "units",
                                List.of("PLHO01"),
                                "destination",
                                "SECRET-AA",
                                "cDay",
                                "2099-01-01",
                                "readyDate",
                                "2099-01-09"));
        assertThat(plApprover.post("/api/orders/" + deploy + "/approve", null).status())
                .isEqualTo(200);
        // ... and hands the unit to the USA with a new version of its catalogue
        Response handed =
                plPlanner.postText(
                        "/api/catalogues?file=handed.yaml&marking=REL%20NATO&supersedes="
                                + own.map().get("id"),
                        ServerApiTest.oneUnitCatalogue("PLHO01", "US"));
        assertThat(handed.status()).as(handed.body()).isEqualTo(201);
        String alert = ServerApiTest.drafted(usPlanner, ServerApiTest.alert("PLHO01", 24));
        assertThat(usApprover.post("/api/orders/" + alert + "/approve", null).status())
                .isEqualTo(200);
        assertThat(plPlanner.post("/api/orders/" + deploy + "/issue", null).status())
                .isEqualTo(200);
        assertThat(usPlanner.get("/api/orders/" + deploy).status()).isEqualTo(404);

        Response issue = usPlanner.post("/api/orders/" + alert + "/issue", null);
        Response draft = usPlanner.post("/api/orders", ServerApiTest.alert("PLHO01", 12));
        for (Response r : List.of(issue, draft)) {
            assertThat(r.status()).as(r.body()).isEqualTo(409);
            assertThat(r.body())
                    .contains("unit PLHO01 is under an order not released to USA")
                    .doesNotContain(deploy)
                    .doesNotContain("SECRET-AA")
                    .doesNotContain("2099-01-09");
        }
        List<Map<String, Object>> audit =
                TestServer.adminOf("USA").get("/api/audit?limit=200").list();
        assertThat(audit)
                .anySatisfy(
                        a -> {
                            assertThat(a.get("action")).isEqualTo("order.issued");
                            assertThat(a.get("outcome")).isEqualTo("DENIED");
                            assertThat((String) a.get("detail"))
                                    .contains("unit PLHO01 is under an order not released to USA");
                        })
                .noneSatisfy(
                        a -> assertThat(String.valueOf(a.get("detail"))).contains("SECRET-AA"));
    }

    /**
     * Every nation's audit rows share one sequence of ids, so the gaps between a nation's own row
     * ids counted what every other nation did in between (sign-ins, imports, plans, orders, denied
     * reads), as the order log's sequence did. A nation's rows come newest first without it, and
     * the same whatever other nations did meanwhile.
     */
    @Test
    void theAuditLogCountsNoRowOfAnotherNation() {
        Client deAdmin = TestServer.adminOf("DEU");
        Client deObserver = TestServer.user("wh_de_ob", "DEU", Role.OBSERVER);
        Client us = TestServer.user("wh_us_ob", "USA", Role.OBSERVER);
        assertThat(deObserver.get("/api/plans/99999901").status()).isEqualTo(404);
        for (int i = 0; i < 3; i++) {
            assertThat(us.get("/api/plans/99999902").status()).isEqualTo(404);
        }
        assertThat(deObserver.get("/api/plans/99999903").status()).isEqualTo(404);
        List<Map<String, Object>> rows = deAdmin.get("/api/audit?limit=2").list();
        assertThat(rows)
                .extracting(r -> r.get("target"))
                .containsExactly("plan 99999903", "plan 99999901");
        for (Map<String, Object> r : rows) {
            assertThat(r.keySet())
                    .containsExactlyInAnyOrder(
                            "at", "user", "nation", "action", "target", "outcome", "detail");
        }
    }

    /**
     * The ids a nation is given for its scenarios, plans, catalogues, sourcing runs and users count
     * nothing another nation made: made by USA in turn with two of POL's between each, USA's ids do
     * not rise in the order made, no gap between two of them is the three a shared count would
     * leave, and they spread over the range. Each came from one sequence per table that all nations
     * shared, so ids 12 and 19 told USA that others had made 6 records in between. Lists still give
     * records in the order made (sourcing runs newest first).
     */
    @Test
    void recordIdsCountNoRecordOfAnotherNation() {
        Client us = TestServer.user("wh_us_ids", "USA", Role.PLANNER);
        Client pl = TestServer.user("wh_pl_ids", "POL", Role.PLANNER);
        Client usAdmin = TestServer.adminOf("USA");
        Client plAdmin = TestServer.adminOf("POL");
        long usScenario =
                made(us.postText("/api/scenarios?file=ids.yaml&marking=USA%20ONLY", HELD));
        long plScenario =
                made(pl.postText("/api/scenarios?file=ids.yaml&marking=POL%20ONLY", HELD));
        String requirements =
                String.join(
                        "\n",
                        "format: muster/requirements@1",
                        "name: ids",
                        "cDate: \"2022-01-24\"",
                        "decisionDay: 0",
                        "requirements:",
                        "  - {id: R1, capability: IBCT, destination: CAMP, airPod: B, ead: 0, lad:"
                                + " 5, rdd: 6, priority: 1}",
                        "");
        int[] n = {0};
        Map<String, java.util.function.Function<Boolean, Long>> kinds = new LinkedHashMap<>();
        kinds.put(
                "scenario",
                usa ->
                        made(
                                (usa ? us : pl)
                                        .postText(
                                                "/api/scenarios?file=ids.yaml&marking="
                                                        + (usa ? "USA%20ONLY" : "POL%20ONLY"),
                                                HELD)));
        kinds.put(
                "plan",
                usa ->
                        made(
                                (usa ? us : pl)
                                        .post(
                                                "/api/scenarios/"
                                                        + (usa ? usScenario : plScenario)
                                                        + "/plans",
                                                Map.of("planner", "fifo"))));
        kinds.put(
                "catalogue",
                usa ->
                        made(
                                (usa ? us : pl)
                                        .postText(
                                                "/api/catalogues?file=ids.yaml&marking="
                                                        + (usa ? "USA%20ONLY" : "POL%20ONLY"),
                                                ServerApiTest.oneUnitCatalogue(
                                                        (usa ? "USID" : "PLID") + n[0]++,
                                                        usa ? "US" : "PL"))));
        kinds.put(
                "sourcing run",
                usa -> {
                    Response r =
                            (usa ? us : pl)
                                    .post(
                                            "/api/scenarios/"
                                                    + (usa ? usScenario : plScenario)
                                                    + "/source",
                                            Map.of(
                                                    "requirementsFile",
                                                    "ids.yaml",
                                                    "requirements",
                                                    requirements,
                                                    "catalogueFile",
                                                    "units.yaml",
                                                    "catalogue",
                                                    ServerApiTest.oneUnitCatalogue(
                                                            usa ? "USRUN1" : "PLRUN1",
                                                            usa ? "US" : "PL")));
                    assertThat(r.status()).as(r.body()).isEqualTo(200);
                    return ((Number) r.map().get("run")).longValue();
                });
        kinds.put(
                "user",
                usa ->
                        made(
                                (usa ? usAdmin : plAdmin)
                                        .post(
                                                "/api/users",
                                                TestServer.newUser(
                                                        "wh_ids_" + n[0]++,
                                                        "password-of-ids-user",
                                                        usa ? "USA" : "POL",
                                                        List.of("OBSERVER")))));
        int rounds = 12;
        int between = 2;
        SoftAssertions soft = new SoftAssertions();
        for (Map.Entry<String, java.util.function.Function<Boolean, Long>> kind :
                kinds.entrySet()) {
            List<Long> ids = new ArrayList<>();
            for (int i = 0; i < rounds; i++) {
                if (i > 0) {
                    for (int j = 0; j < between; j++) {
                        kind.getValue().apply(false);
                    }
                }
                ids.add(kind.getValue().apply(true));
            }
            String what = kind.getKey() + " ids USA was given in turn: " + ids;
            // in the order made with one chance in 12! (about 2e-9)
            soft.assertThat(ids).as(what).isNotEqualTo(ids.stream().sorted().toList());
            List<Long> gaps = new ArrayList<>();
            for (int i = 1; i < rounds; i++) {
                gaps.add(ids.get(i) - ids.get(i - 1));
            }
            soft.assertThat(gaps).as(what).doesNotContain(between + 1L);
            soft.assertThat(ids).as(what).allSatisfy(id -> assertThat(id).isBetween(1L, MAX_SAFE));
            // all of 12 random ids within 2^40 of each other: one chance in about 2^140
            soft.assertThat(Collections.max(ids) - Collections.min(ids))
                    .as(what)
                    .isGreaterThan(1L << 40);
            List<Long> inOrder = new ArrayList<>(ids);
            if (kind.getKey().equals("sourcing run")) {
                Collections.reverse(inOrder);
            }
            soft.assertThat(listed(kind.getKey(), us, usAdmin, usScenario, Set.copyOf(ids)))
                    .as("the %ss USA lists, in the order made", kind.getKey())
                    .isEqualTo(inOrder);
        }
        soft.assertAll();
    }

    /** The largest whole number a JavaScript number holds exactly, 2^53 - 1. */
    private static final long MAX_SAFE = (1L << 53) - 1;

    /** The id of the record a request made, which it answered 201 or 202. */
    private static long made(Response r) {
        assertThat(r.status()).as(r.body()).isIn(201, 202);
        return ((Number) r.map().get("id")).longValue();
    }

    /** The ids of {@code mine} as the list of their kind gives them. */
    private static List<Long> listed(
            String kind, Client c, Client admin, long scenario, Set<Long> mine) {
        List<Map<String, Object>> all =
                switch (kind) {
                    case "scenario" -> c.get("/api/scenarios").list();
                    case "plan" -> c.get("/api/plans").list();
                    case "catalogue" -> c.get("/api/catalogues").list();
                    case "sourcing run" ->
                            c.get("/api/sourcing/runs?size=500&scenario=" + scenario).items();
                    default -> admin.get("/api/users").list();
                };
        return all.stream()
                .map(m -> ((Number) m.get("id")).longValue())
                .filter(mine::contains)
                .toList();
    }

    /**
     * Records withheld from a reader, named in nested routes, searches and filters, are answered as
     * records that do not exist: the same status and the same words, and no count that holds them.
     */
    @Test
    void nestedRoutesSearchesAndFiltersAnswerAWithheldRecordAsAnAbsentOne() {
        Client us = TestServer.user("wh_us_pl3", "USA", Role.PLANNER, Role.LIAISON);
        Client pl = TestServer.user("wh_pl_all", "POL", Role.PLANNER, Role.LIAISON);
        User usUser = Fixtures.me(us);
        long shared =
                srv.api()
                        .importScenario(
                                usUser,
                                Fixtures.scenario("wh-shared", "WHSEEN", "US", "WHHIDDEN", "US"),
                                "REL NATO",
                                "wh-shared.yaml",
                                "");
        long own =
                srv.api()
                        .importScenario(
                                usUser,
                                Fixtures.scenario("wh-own", "WHOWN", "US"),
                                "USA ONLY",
                                "wh-own.yaml",
                                "");
        assertThat(
                        us.patch(
                                        "/api/scenarios/" + shared + "/lines/WHHIDDEN/marking",
                                        Map.of("marking", "USA ONLY"))
                                .status())
                .isEqualTo(200);
        Response cat =
                us.postText(
                        "/api/catalogues?file=wh.yaml&marking=USA%20ONLY",
                        ServerApiTest.oneUnitCatalogue("USWH01", "US"));
        assertThat(cat.status()).as(cat.body()).isEqualTo(201);
        long hiddenCatalogue = ((Number) cat.map().get("id")).longValue();
        long absent = 99_999_999L;

        // a withheld line of a scenario seen, and a ULN no line has
        assertAlike(
                pl.patch(
                        "/api/scenarios/" + shared + "/lines/WHHIDDEN/marking",
                        Map.of("marking", "REL NATO")),
                pl.patch(
                        "/api/scenarios/" + shared + "/lines/WHNOPE/marking",
                        Map.of("marking", "REL NATO")),
                "WHHIDDEN",
                "WHNOPE");
        // a withheld scenario, catalogue or plan named in a nested route, and an absent one
        Map<String, Object> source =
                Map.of(
                        "requirementsFile",
                        "r.yaml",
                        "requirements",
                        "format: muster/requirements@1",
                        "catalogueId",
                        hiddenCatalogue);
        assertAlike(
                pl.post("/api/scenarios/" + own + "/source", source),
                pl.post("/api/scenarios/" + absent + "/source", source),
                Long.toString(own),
                Long.toString(absent));
        assertAlike(
                pl.post("/api/scenarios/" + shared + "/source", source),
                pl.post(
                        "/api/scenarios/" + shared + "/source",
                        Map.of(
                                "requirementsFile",
                                "r.yaml",
                                "requirements",
                                "format: muster/requirements@1",
                                "catalogueId",
                                absent)),
                Long.toString(hiddenCatalogue),
                Long.toString(absent));
        assertAlike(
                pl.postText(
                        "/api/catalogues?file=x.yaml&supersedes=" + hiddenCatalogue,
                        ServerApiTest.oneUnitCatalogue("PLWH01", "PL")),
                pl.postText(
                        "/api/catalogues?file=x.yaml&supersedes=" + absent,
                        ServerApiTest.oneUnitCatalogue("PLWH01", "PL")),
                Long.toString(hiddenCatalogue),
                Long.toString(absent));
        long plan =
                Fixtures.storePlan(
                        srv,
                        own,
                        usUser,
                        "USA ONLY",
                        Fixtures.plan(Fixtures.scenario("wh-own", "WHOWN", "US")));
        for (String path : List.of("/events", "/lines?late=true", "/report.html", "/cancel")) {
            Response hidden =
                    path.equals("/cancel")
                            ? pl.post("/api/plans/" + plan + path, null)
                            : pl.get("/api/plans/" + plan + path);
            Response none =
                    path.equals("/cancel")
                            ? pl.post("/api/plans/" + absent + path, null)
                            : pl.get("/api/plans/" + absent + path);
            assertAlike(hidden, none, Long.toString(plan), Long.toString(absent));
        }
        // searches and filters hold nothing withheld, in their items or their totals
        assertThat(pl.get("/api/requirements?q=whhidden").map().get("total")).isEqualTo(0);
        assertThat(pl.get("/api/requirements?q=wh&scenario=" + shared).map().get("total"))
                .isEqualTo(1);
        assertThat(pl.get("/api/requirements?scenario=" + own).map().get("total")).isEqualTo(0);
        assertThat(pl.get("/api/sourcing/runs?scenario=" + own).map().get("total")).isEqualTo(0);
        assertThat(pl.get("/api/scenarios/" + shared + "/export").body())
                .contains("WHSEEN")
                .doesNotContain("WHHIDDEN");
        assertThat(pl.get("/api/scenarios/" + shared).body()).doesNotContain("WHHIDDEN");
        assertThat(pl.get("/api/catalogues?all=true").body()).doesNotContain("USWH01");
    }

    /** Two answers alike but for the name or id each was asked about. */
    private static void assertAlike(Response hidden, Response absent, String asked, String other) {
        assertThat(hidden.status()).as(hidden.body()).isEqualTo(404);
        assertThat(absent.status()).as(absent.body()).isEqualTo(404);
        assertThat(hidden.body().replace(asked, "X")).isEqualTo(absent.body().replace(other, "X"));
    }
}
