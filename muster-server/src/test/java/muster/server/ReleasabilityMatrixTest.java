package muster.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import muster.model.Scenario;
import muster.server.TestServer.Client;
import muster.server.TestServer.Response;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * For every endpoint, role and nation: exactly what may be seen and done. Expected sets are written
 * out by hand per nation, not derived from the marking code, so a leak or an over-block shows as a
 * difference. Every mismatch is listed in the failure.
 */
class ReleasabilityMatrixTest {
    /** user -> (nation, roles) */
    static final Map<String, Object[]> USERS = new LinkedHashMap<>();

    static {
        USERS.put("mx_us_pl", new Object[] {"USA", new Role[] {Role.PLANNER}});
        USERS.put("mx_us_ap", new Object[] {"USA", new Role[] {Role.APPROVER}});
        USERS.put("mx_us_li", new Object[] {"USA", new Role[] {Role.LIAISON}});
        USERS.put("mx_us_ob", new Object[] {"USA", new Role[] {Role.OBSERVER}});
        USERS.put("mx_us_ad", new Object[] {"USA", new Role[] {Role.ADMIN}});
        USERS.put("mx_pl_pl", new Object[] {"POL", new Role[] {Role.PLANNER}});
        USERS.put("mx_pl_ap", new Object[] {"POL", new Role[] {Role.APPROVER}});
        USERS.put("mx_pl_li", new Object[] {"POL", new Role[] {Role.LIAISON}});
        USERS.put("mx_ro_ob", new Object[] {"ROU", new Role[] {Role.OBSERVER}});
        USERS.put("mx_se_ob", new Object[] {"SWE", new Role[] {Role.OBSERVER}});
        USERS.put("mx_ua_ob", new Object[] {"UKR", new Role[] {Role.OBSERVER}});
    }

    // What each nation may see, written by hand from the markings set up below.
    static final Map<String, Set<String>> SCENARIOS =
            Map.of(
                    "USA", Set.of("NATO", "UKR"),
                    "POL", Set.of("NATO", "POL"),
                    "ROU", Set.of("NATO"),
                    "SWE", Set.of("NATO"),
                    "UKR", Set.of("UKR"));
    static final Map<String, Set<String>> NATO_LINES =
            Map.of(
                    "USA", Set.of("A1", "A2", "B1", "C1"),
                    "POL", Set.of("A1", "B1", "B2", "C1"),
                    "ROU", Set.of("A1", "B1", "B2", "C1"),
                    "SWE", Set.of("A1", "B1", "C1"),
                    "UKR", Set.of());
    static final Map<String, Set<String>> PLANS =
            Map.of(
                    "USA", Set.of("NATO"),
                    "POL", Set.of("NATO", "POL"),
                    "ROU", Set.of("NATO"),
                    "SWE", Set.of("NATO"),
                    "UKR", Set.of());
    static final Map<String, Set<String>> ORDERS =
            Map.of(
                    "USA", Set.of("US", "PL"),
                    "POL", Set.of("PL"),
                    "ROU", Set.of("PL"),
                    "SWE", Set.of("PL"),
                    "UKR", Set.of());
    static final Set<String> ALL_LINES = Set.of("A1", "A2", "B1", "B2", "C1");

    static final Map<String, Client> clients = new LinkedHashMap<>();
    static final Map<String, Long> scenarios = new LinkedHashMap<>();
    static final Map<String, Long> plans = new LinkedHashMap<>();
    static final Map<String, String> orders = new LinkedHashMap<>();
    static final Map<String, Long> catalogues = new LinkedHashMap<>();
    static final Map<String, Long> runs = new LinkedHashMap<>();
    static final Map<String, Set<String>> RUNS =
            Map.of(
                    "USA", Set.of("NATO", "UKR"),
                    "POL", Set.of("NATO", "POL", "WIDE"),
                    "ROU", Set.of("NATO"),
                    "SWE", Set.of("NATO"),
                    "UKR", Set.of("UKR"));

    /** Stores a sourcing run as made by {@code by} (the API refuses markings wider than WIDE's). */
    static long run(User by, String scenario, String catalogue, String marking) {
        return Jdbc.tx(
                TestServer.get().database(),
                c ->
                        new ForceStore(TestServer.get().database())
                                .insertRun(
                                        c,
                                        by,
                                        new ForceStore.NewRun(
                                                scenarios.get(scenario),
                                                catalogues.get(catalogue),
                                                "units.yaml",
                                                null,
                                                "requirements.yaml",
                                                "",
                                                marking,
                                                false,
                                                0,
                                                0,
                                                0,
                                                "{\"choices\":[]}",
                                                null)));
    }

    static String catalogueText;

    /** A fresh catalogue of {@code user}'s nation (its planner imports it). */
    static long catalogue(String user, String marking) {
        Response r =
                clients.get(user)
                        .postText(
                                "/api/catalogues?file=units.yaml&marking="
                                        + marking.replace(" ", "%20"),
                                catalogueText);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return ((Number) r.map().get("id")).longValue();
    }

    @BeforeAll
    static void records() {
        MusterServer srv = TestServer.get();
        USERS.forEach(
                (name, nr) ->
                        clients.put(name, TestServer.user(name, (String) nr[0], (Role[]) nr[1])));
        User usPlanner = Fixtures.me(clients.get("mx_us_pl"));
        User plPlanner = Fixtures.me(clients.get("mx_pl_pl"));
        Scenario nato =
                Fixtures.scenario(
                        "mx-nato", "A1", "US", "A2", "US", "B1", "PL", "B2", "PL", "C1", "RO");
        Scenario pol = Fixtures.scenario("mx-pol", "P1", "PL");
        Scenario ukr = Fixtures.scenario("mx-ukr", "U1", "US");
        scenarios.put(
                "NATO", srv.api().importScenario(usPlanner, nato, "REL NATO", "mx-nato.yaml", ""));
        scenarios.put(
                "POL", srv.api().importScenario(plPlanner, pol, "POL ONLY", "mx-pol.yaml", ""));
        scenarios.put(
                "UKR", srv.api().importScenario(usPlanner, ukr, "REL UKR", "mx-ukr.yaml", ""));
        long n = scenarios.get("NATO");
        assertThat(
                        clients.get("mx_us_li")
                                .patch(
                                        "/api/scenarios/" + n + "/lines/A2/marking",
                                        Map.of("marking", "USA ONLY"))
                                .status())
                .isEqualTo(200);
        assertThat(
                        clients.get("mx_pl_li")
                                .patch(
                                        "/api/scenarios/" + n + "/lines/B2/marking",
                                        Map.of("marking", "REL POL, ROU"))
                                .status())
                .isEqualTo(200);
        plans.put("NATO", Fixtures.storePlan(srv, n, usPlanner, "REL NATO", Fixtures.plan(nato)));
        plans.put(
                "POL",
                Fixtures.storePlan(
                        srv, scenarios.get("POL"), plPlanner, "POL ONLY", Fixtures.plan(pol)));
        try {
            catalogueText = ServerApiTest.bundledCatalogue();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        // catalogues are marked like the scenarios, so each nation sees the same set (SCENARIOS)
        catalogues.put("NATO", catalogue("mx_us_pl", "REL NATO"));
        catalogues.put("POL", catalogue("mx_pl_pl", "POL ONLY"));
        catalogues.put("UKR", catalogue("mx_us_pl", "REL UKR"));
        runs.put("NATO", run(usPlanner, "NATO", "NATO", "REL NATO"));
        runs.put("POL", run(plPlanner, "POL", "POL", "POL ONLY"));
        runs.put("UKR", run(usPlanner, "UKR", "UKR", "REL UKR"));
        // released wider than its catalogue (as no server accepts now): seen only by those who
        // also see the catalogue
        runs.put("WIDE", run(plPlanner, "NATO", "POL", "REL NATO"));
        orders.put("US", draft("mx_us_pl", "USA ONLY"));
        orders.put("PL", draft("mx_pl_pl", "REL NATO"));
    }

    static String draft(String user, String marking) {
        Response r =
                clients.get(user)
                        .post(
                                "/api/orders",
                                Map.of(
                                        "kind",
                                        "ALERT",
                                        "units",
                                        List.of(nation(user).equals("POL") ? "PL21BS" : "WAB173"),
                                        "noticeToMoveHours",
                                        24,
                                        "marking",
                                        marking));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return (String) r.map().get("id");
    }

    private final List<String> mismatches = new ArrayList<>();

    private void expect(String user, String what, Object expected, Object actual) {
        if (!expected.equals(actual)) {
            mismatches.add(user + ": " + what + ": expected " + expected + " but was " + actual);
        }
    }

    private static String nation(String user) {
        return (String) USERS.get(user)[0];
    }

    private static boolean has(String user, Role r) {
        return Set.of((Role[]) USERS.get(user)[1]).contains(r);
    }

    private static Set<String> field(List<Map<String, Object>> items, String f) {
        return items.stream()
                .map(i -> String.valueOf(i.get(f)))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static Set<String> sorted(Set<String> s) {
        return new TreeSet<>(s);
    }

    @Test
    void everyReadFiltersByReleasability() {
        for (String u : USERS.keySet()) {
            Client c = clients.get(u);
            String nat = nation(u);
            Set<String> expLines = sorted(NATO_LINES.get(nat));
            boolean seesNato = SCENARIOS.get(nat).contains("NATO");

            // scenarios: list and one by one
            Set<Long> listed =
                    c.get("/api/scenarios").list().stream()
                            .map(s -> ((Number) s.get("id")).longValue())
                            .collect(Collectors.toSet());
            expect(
                    u,
                    "GET /api/scenarios",
                    sorted(SCENARIOS.get(nat)),
                    scenarios.entrySet().stream()
                            .filter(e -> listed.contains(e.getValue()))
                            .map(Map.Entry::getKey)
                            .collect(Collectors.toCollection(TreeSet::new)));
            for (var e : scenarios.entrySet()) {
                int want = SCENARIOS.get(nat).contains(e.getKey()) ? 200 : 404;
                expect(
                        u,
                        "GET /api/scenarios/" + e.getKey(),
                        want,
                        c.get("/api/scenarios/" + e.getValue()).status());
                expect(
                        u,
                        "GET /api/scenarios/" + e.getKey() + "/network",
                        want,
                        c.get("/api/scenarios/" + e.getValue() + "/network").status());
            }
            long n = scenarios.get("NATO");
            Response sc = c.get("/api/scenarios/" + n);
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> reqs =
                    sc.status() == 200
                            ? (List<Map<String, Object>>) sc.map().get("requirements")
                            : List.of();
            expect(u, "GET /api/scenarios/NATO lines", expLines, field(reqs, "uln"));
            Response search = c.get("/api/requirements?scenario=" + n + "&size=500");
            expect(u, "GET /api/requirements", expLines, field(search.items(), "uln"));
            Response export = c.get("/api/scenarios/" + n + "/export");
            expect(
                    u,
                    "GET /api/scenarios/NATO/export status",
                    seesNato ? 200 : 404,
                    export.status());
            if (export.status() == 200) {
                for (String l : ALL_LINES) {
                    expect(
                            u,
                            "export mentions " + l,
                            expLines.contains(l),
                            export.body().contains("\"" + l + "\""));
                }
            }

            // plans: list, one by one, and the lines and missions inside the multinational plan
            Set<Long> planIds =
                    c.get("/api/plans").list().stream()
                            .map(p -> ((Number) p.get("id")).longValue())
                            .collect(Collectors.toSet());
            expect(
                    u,
                    "GET /api/plans",
                    sorted(PLANS.get(nat)),
                    plans.entrySet().stream()
                            .filter(e -> planIds.contains(e.getValue()))
                            .map(Map.Entry::getKey)
                            .collect(Collectors.toCollection(TreeSet::new)));
            for (var e : plans.entrySet()) {
                expect(
                        u,
                        "GET /api/plans/" + e.getKey(),
                        PLANS.get(nat).contains(e.getKey()) ? 200 : 404,
                        c.get("/api/plans/" + e.getValue()).status());
            }
            long p = plans.get("NATO");
            boolean seesPlan = PLANS.get(nat).contains("NATO");
            Response lines = c.get("/api/plans/" + p + "/lines?size=500");
            expect(
                    u,
                    "GET plan lines",
                    seesPlan ? expLines : Set.of(),
                    lines.status() == 200 ? field(lines.items(), "uln") : Set.of());
            expect(u, "GET plan lines status", seesPlan ? 200 : 404, lines.status());
            Response missions = c.get("/api/plans/" + p + "/missions?size=500");
            expect(
                    u,
                    "GET plan missions",
                    seesPlan
                            ? expLines.stream()
                                    .map(l -> "M-" + l)
                                    .collect(Collectors.toCollection(TreeSet::new))
                            : Set.of(),
                    missions.status() == 200 ? field(missions.items(), "id") : Set.of());
            Response summary = c.get("/api/plans/" + p + "/summary");
            expect(u, "GET plan summary status", seesPlan ? 200 : 404, summary.status());
            if (summary.status() == 200) {
                @SuppressWarnings("unchecked")
                Map<String, Object> m = (Map<String, Object>) summary.map().get("measures");
                expect(u, "summary measures.lines", expLines.size(), m.get("lines"));
                expect(
                        u,
                        "summary measures.hiddenLines",
                        ALL_LINES.size() - expLines.size(),
                        m.get("hiddenLines"));
            }
            for (String path : List.of("/export", "/report.html")) {
                Response r = c.get("/api/plans/" + p + path);
                expect(u, "GET plan" + path + " status", seesPlan ? 200 : 404, r.status());
                if (r.status() == 200) {
                    // the report's policy names its script by a hash, whose letters and digits
                    // could spell a ULN by chance
                    String body =
                            r.body()
                                    .replaceAll(
                                            "<meta http-equiv=\"Content-Security-Policy\"[^>]*>",
                                            "");
                    for (String l : ALL_LINES) {
                        expect(
                                u,
                                "plan" + path + " mentions " + l,
                                expLines.contains(l),
                                body.contains(l));
                    }
                }
            }

            // force catalogues: list, one by one, export
            Set<Long> listedCats =
                    c.get("/api/catalogues").list().stream()
                            .map(x -> ((Number) x.get("id")).longValue())
                            .collect(Collectors.toSet());
            expect(
                    u,
                    "GET /api/catalogues",
                    sorted(SCENARIOS.get(nat)),
                    catalogues.entrySet().stream()
                            .filter(e -> listedCats.contains(e.getValue()))
                            .map(Map.Entry::getKey)
                            .collect(Collectors.toCollection(TreeSet::new)));
            for (var e : catalogues.entrySet()) {
                int want = SCENARIOS.get(nat).contains(e.getKey()) ? 200 : 404;
                expect(
                        u,
                        "GET /api/catalogues/" + e.getKey(),
                        want,
                        c.get("/api/catalogues/" + e.getValue()).status());
                expect(
                        u,
                        "GET /api/catalogues/" + e.getKey() + "/export",
                        want,
                        c.get("/api/catalogues/" + e.getValue() + "/export").status());
            }

            // the bundled requirements and catalogue, stored REL NATO by the first
            // administrator's nation (USA): NATO's nations only
            expect(
                    u,
                    "GET /api/sourcing/bundled gives the catalogue",
                    !nat.equals("UKR"),
                    c.get("/api/sourcing/bundled").map().containsKey("catalogue"));

            // stored sourcing runs: list and one by one
            Set<Long> listedRuns =
                    c.get("/api/sourcing/runs?size=500").items().stream()
                            .map(x -> ((Number) x.get("id")).longValue())
                            .collect(Collectors.toSet());
            expect(
                    u,
                    "GET /api/sourcing/runs",
                    sorted(RUNS.get(nat)),
                    runs.entrySet().stream()
                            .filter(e -> listedRuns.contains(e.getValue()))
                            .map(Map.Entry::getKey)
                            .collect(Collectors.toCollection(TreeSet::new)));
            for (var e : runs.entrySet()) {
                expect(
                        u,
                        "GET /api/sourcing/runs/" + e.getKey(),
                        RUNS.get(nat).contains(e.getKey()) ? 200 : 404,
                        c.get("/api/sourcing/runs/" + e.getValue()).status());
            }

            // orders
            Set<String> listedOrders = field(c.get("/api/orders?size=500").items(), "id");
            expect(
                    u,
                    "GET /api/orders",
                    sorted(ORDERS.get(nat)),
                    orders.entrySet().stream()
                            .filter(e -> listedOrders.contains(e.getValue()))
                            .map(Map.Entry::getKey)
                            .collect(Collectors.toCollection(TreeSet::new)));
            for (var e : orders.entrySet()) {
                expect(
                        u,
                        "GET /api/orders/" + e.getKey(),
                        ORDERS.get(nat).contains(e.getKey()) ? 200 : 404,
                        c.get("/api/orders/" + e.getValue()).status());
            }

            // administration
            expect(
                    u,
                    "GET /api/users",
                    has(u, Role.ADMIN) ? 200 : 403,
                    c.get("/api/users").status());
            expect(
                    u,
                    "GET /api/audit",
                    has(u, Role.ADMIN) ? 200 : 403,
                    c.get("/api/audit").status());
        }
        assertThat(mismatches).as("releasability mismatches").isEmpty();
    }

    @Test
    void everyWriteNeedsRoleAndNation() {
        long n = scenarios.get("NATO");
        for (String u : USERS.keySet()) {
            Client c = clients.get(u);
            String nat = nation(u);
            boolean seesNato = SCENARIOS.get(nat).contains("NATO");
            boolean planner = has(u, Role.PLANNER);

            // import: role first; a planner's refused file answers 422 with faults, so nothing is
            // stored
            expect(
                    u,
                    "POST /api/scenarios",
                    planner ? 422 : 403,
                    c.postText("/api/scenarios?file=x.yaml", "format: muster/scenario@1\nname: x\n")
                            .status());
            // validate: the role, as for an import (the page offers it to planners alone)
            expect(
                    u,
                    "POST /api/scenarios/validate",
                    planner ? 200 : 403,
                    c.postText(
                                    "/api/scenarios/validate?file=x.yaml",
                                    "format: muster/scenario@1\nname: x\n")
                            .status());
            // start a plan: visibility, then role, then the planner name (unknown here: no job
            // starts)
            expect(
                    u,
                    "POST /api/scenarios/NATO/plans",
                    !seesNato ? 404 : planner ? 400 : 403,
                    c.post("/api/scenarios/" + n + "/plans", Map.of("planner", "nosuch")).status());
            // releasability of a line: the owner nation's liaison only
            Function<String, Integer> mark =
                    uln ->
                            c.patch(
                                            "/api/scenarios/" + n + "/lines/" + uln + "/marking",
                                            Map.of("marking", "REL NATO"))
                                    .status();
            expect(
                    u,
                    "PATCH line A1 marking",
                    !seesNato ? 404 : has(u, Role.LIAISON) && nat.equals("USA") ? 200 : 403,
                    mark.apply("A1"));
            expect(
                    u,
                    "PATCH line B1 marking",
                    !seesNato ? 404 : has(u, Role.LIAISON) && nat.equals("POL") ? 200 : 403,
                    mark.apply("B1"));
            // cancel a plan: the owner's planner (the fixture plan is not running: 409)
            expect(
                    u,
                    "POST cancel plan NATO",
                    !PLANS.get(nat).contains("NATO")
                            ? 404
                            : planner && nat.equals("USA") ? 409 : 403,
                    c.post("/api/plans/" + plans.get("NATO") + "/cancel", null).status());
            // catalogues: import by planners (a refused file answers 422, nothing stored);
            // supersede and withdraw by the owner nation's planners
            expect(
                    u,
                    "POST /api/catalogues",
                    planner ? 422 : 403,
                    c.postText("/api/catalogues?file=x.yaml", "format: muster/catalogue@1\n")
                            .status());
            for (String owner : List.of("mx_us_pl", "mx_pl_pl")) {
                String on = nation(owner);
                long fresh = catalogue(owner, "REL NATO");
                boolean visible = !nat.equals("UKR"); // REL NATO
                expect(
                        u,
                        "POST supersede catalogue of " + on,
                        !planner ? 403 : !visible ? 404 : nat.equals(on) ? 422 : 403,
                        c.postText(
                                        "/api/catalogues?file=x.yaml&supersedes=" + fresh,
                                        "format: muster/catalogue@1\n")
                                .status());
                expect(
                        u,
                        "DELETE catalogue of " + on,
                        !visible ? 404 : planner && nat.equals(on) ? 200 : 403,
                        TestServer.Client.send(
                                        c.token(), "DELETE", "/api/catalogues/" + fresh, "", "")
                                .status());
            }
            // sourcing with a stored catalogue: the scenario, the role, then the catalogue must
            // be visible (a bad requirements file name is refused after those checks)
            for (var e : catalogues.entrySet()) {
                Map<String, Object> body = new LinkedHashMap<>();
                body.put("requirementsFile", "bad name");
                body.put("catalogueId", e.getValue());
                expect(
                        u,
                        "POST source NATO with catalogue " + e.getKey(),
                        !seesNato
                                ? 404
                                : !planner
                                        ? 403
                                        : SCENARIOS.get(nat).contains(e.getKey()) ? 400 : 404,
                        c.post("/api/scenarios/" + n + "/source", body).status());
            }

            // draft: planners only (an unknown kind is refused after the role check)
            expect(
                    u,
                    "POST /api/orders",
                    planner ? 400 : 403,
                    c.post("/api/orders", Map.of("kind", "NONE", "units", List.of("X"))).status());
            // approve fresh drafts of two nations
            for (String owner : List.of("mx_us_pl", "mx_pl_pl")) {
                String id = draft(owner, "REL NATO");
                boolean visible = !nat.equals("UKR"); // the drafts are REL NATO
                int exp =
                        !visible
                                ? 404
                                : has(u, Role.APPROVER) && nat.equals(nation(owner)) ? 200 : 403;
                expect(
                        u,
                        "approve order of " + nation(owner),
                        exp,
                        c.post("/api/orders/" + id + "/approve", null).status());
            }
            // users: administrators only (a short password is refused after the role check)
            expect(
                    u,
                    "POST /api/users",
                    has(u, Role.ADMIN) ? 400 : 403,
                    c.post(
                                    "/api/users",
                                    Map.of(
                                            "username",
                                            "mx_new",
                                            "password",
                                            "short",
                                            "nation",
                                            "USA",
                                            "roles",
                                            List.of("OBSERVER")))
                            .status());
            // a password: administrators of the user's own nation only; a user of another
            // nation is answered as no user
            expect(
                    u,
                    "POST /api/users/mx_pl_li/password",
                    has(u, Role.ADMIN) ? 404 : 403,
                    c.post("/api/users/mx_pl_li/password", Map.of("password", "not-theirs-to-set"))
                            .status());
            // deactivating and reactivating: administrators of the user's own nation only
            for (String verb : List.of("deactivate", "activate")) {
                expect(
                        u,
                        "POST /api/users/mx_pl_li/" + verb,
                        has(u, Role.ADMIN) ? 404 : 403,
                        c.post("/api/users/mx_pl_li/" + verb, null).status());
            }
            // one's own password: every user, of every role (a short new one is refused after
            // that)
            expect(
                    u,
                    "POST /api/me/password",
                    400,
                    c.post(
                                    "/api/me/password",
                                    Map.of(
                                            "currentPassword",
                                            "password-of-" + u,
                                            "newPassword",
                                            "short"))
                            .status());
        }
        assertThat(mismatches).as("role and nation mismatches").isEmpty();
        List<Map<String, Object>> audit =
                clients.get("mx_us_ad").get("/api/audit?limit=2000").list();
        assertThat(audit)
                .as("denied writes are audited")
                .anySatisfy(
                        a -> {
                            assertThat(a.get("user")).isEqualTo("mx_us_ob");
                            assertThat(a.get("outcome")).isEqualTo("DENIED");
                            assertThat(a.get("action")).isEqualTo("order.approved");
                        });
    }

    @Test
    void aPlanIsNeverReleasedWiderThanItsScenario() {
        MusterServer srv = TestServer.get();
        User usPlanner = Fixtures.me(clients.get("mx_us_pl"));
        User plPlanner = Fixtures.me(clients.get("mx_pl_pl"));
        Scenario relPol = Fixtures.scenario("mx-relpol", "R1", "US");
        long sid = srv.api().importScenario(usPlanner, relPol, "REL POL", "mx-relpol.yaml", "");
        // the Polish planner sees the scenario but may not release a plan of it to NATO
        Response wide =
                clients.get("mx_pl_pl")
                        .post(
                                "/api/scenarios/" + sid + "/plans",
                                Map.of("planner", "fifo", "marking", "REL NATO"));
        assertThat(wide.status()).as(wide.body()).isEqualTo(403);
        assertThat(wide.body()).contains("field 'marking'").contains("REL NATO");
        Response rou =
                clients.get("mx_pl_pl")
                        .post(
                                "/api/scenarios/" + sid + "/plans",
                                Map.of("planner", "fifo", "marking", "REL ROU"));
        assertThat(rou.status()).as(rou.body()).isEqualTo(403);
        assertThat(rou.body()).contains("'REL ROU'");

        // a plan stored with a wider marking (as before this check) is still shown only to
        // readers who also see its scenario
        long pid = Fixtures.storePlan(srv, sid, plPlanner, "REL NATO", Fixtures.plan(relPol));
        Map<String, Integer> expected =
                Map.of("USA", 200, "POL", 200, "ROU", 404, "SWE", 404, "UKR", 404);
        for (String u : USERS.keySet()) {
            Client c = clients.get(u);
            int want = expected.get(nation(u));
            for (String path :
                    List.of("", "/summary", "/lines", "/missions", "/export", "/report.html")) {
                expect(u, "GET wide plan" + path, want, c.get("/api/plans/" + pid + path).status());
            }
            boolean listed =
                    c.get("/api/plans").list().stream()
                            .anyMatch(p -> ((Number) p.get("id")).longValue() == pid);
            expect(u, "GET /api/plans lists wide plan", want == 200, listed);
        }
        assertThat(mismatches).isEmpty();
    }
}
