package muster.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;
import java.util.function.Supplier;
import muster.server.TestServer.Client;
import muster.server.TestServer.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * Requests that change the same record, sent at once from many threads: planning staff of several
 * nations use one server together. Each race is run for some rounds, named in every failure.
 */
class ConcurrentRequestsTest {
    private final MusterServer srv = TestServer.get();

    /** How many requests each race sends at once. */
    private static final int AT_ONCE = 8;

    private static final ExecutorService POOL = Executors.newCachedThreadPool();

    @AfterAll
    static void stopPool() {
        POOL.shutdownNow();
    }

    /** Sends {@code n} requests together, request {@code i} made by {@code send}; their answers. */
    private static List<Response> race(int n, IntFunction<Response> send) throws Exception {
        CountDownLatch ready = new CountDownLatch(n);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Response>> answers = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int k = i;
            answers.add(
                    POOL.submit(
                            () -> {
                                ready.countDown();
                                go.await();
                                return send.apply(k);
                            }));
        }
        ready.await();
        go.countDown();
        List<Response> out = new ArrayList<>();
        for (Future<Response> f : answers) {
            out.add(f.get());
        }
        return out;
    }

    private static List<Integer> statuses(List<Response> answers) {
        return answers.stream().map(Response::status).toList();
    }

    private static String describe(List<Response> answers) {
        return answers.stream()
                .map(r -> r.status() + " " + r.body())
                .collect(java.util.stream.Collectors.joining("\n"));
    }

    /** One of {@code answers} is {@code taken} and the others 409; {@code as} names the race. */
    private static void assertTakenOnce(List<Response> answers, int taken, String as) {
        assertThat(statuses(answers))
                .as("%s:\n%s", as, describe(answers))
                .containsOnly(taken, 409)
                .containsOnlyOnce(taken);
    }

    /** A catalogue of {@code n} units of {@code nation}, their UICs {@code prefix} and a number. */
    private static String catalogue(String prefix, String nation, int n) {
        StringBuilder b =
                new StringBuilder(
                        String.join(
                                "\n",
                                "format: muster/catalogue@1",
                                "name: raced-" + prefix,
                                "stations:",
                                "  - {id: RZESZOW, name: \"Rzeszow garrison\", kind: INSTALLATION,"
                                        + " country: \"PL\", lat: 50.0412, lon: 21.9991}",
                                "units:",
                                ""));
        for (int i = 0; i < n; i++) {
            b.append("  - {uic: ")
                    .append(prefix)
                    .append(String.format("%03d", i))
                    .append(", name: \"a unit\", nation: \"")
                    .append(nation)
                    .append("\",\n")
                    .append(
                            "     capability: IBCT, echelon: BRIGADE, homeStation: RZESZOW,"
                                    + " personnel: 100,\n")
                    .append(
                            "     equipment: [{class: BULK, stons: 10}], readiness: 1,"
                                    + " noticeToMoveHours: 48,\n")
                    .append("     deployMode: LAND, source: \"assumption\"}\n");
        }
        return b.toString();
    }

    private static long imported(Response r) {
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return ((Number) r.map().get("id")).longValue();
    }

    /** The order log as (seq, order id, type), in the order of seq. */
    private List<Object[]> orderLog() {
        return Jdbc.tx(
                srv.database(),
                c ->
                        Jdbc.query(
                                c,
                                "select seq, order_id, type from order_log order by seq",
                                rs ->
                                        new Object[] {
                                            rs.getLong(1), rs.getString(2), rs.getString(3)
                                        }));
    }

    /** The log holds each seq from 1 up once, and each of {@code ids} has events {@code types}. */
    private void assertLogIsAHistory(Map<String, List<String>> expected, String round) {
        List<Object[]> log = orderLog();
        for (int i = 0; i < log.size(); i++) {
            assertThat((Long) log.get(i)[0])
                    .as("%s: seq of the %dth event", round, i)
                    .isEqualTo(i + 1L);
        }
        for (Map.Entry<String, List<String>> e : expected.entrySet()) {
            assertThat(
                            log.stream()
                                    .filter(r -> r[1].equals(e.getKey()))
                                    .map(r -> (String) r[2])
                                    .toList())
                    .as("%s: the events of order %s", round, e.getKey())
                    .isEqualTo(e.getValue());
        }
    }

    @Test
    void anOrderApprovedIssuedOrCancelledByManyAtOnceTakesEachStepOnce() throws Exception {
        Client planner = TestServer.user("race_ord_pl", "LUX", Role.PLANNER);
        Client approver = TestServer.user("race_ord_ap", "LUX", Role.APPROVER);
        int rounds = 6;
        imported(
                planner.postText(
                        "/api/catalogues?file=raced.yaml", catalogue("RCO", "LU", 2 * rounds)));
        Map<String, List<String>> expected = new java.util.LinkedHashMap<>();
        for (int round = 0; round < rounds; round++) {
            String at = "round " + round;
            String id =
                    ServerApiTest.drafted(
                            planner, ServerApiTest.alert(String.format("RCO%03d", 2 * round), 48));
            for (String step : List.of("approve", "issue")) {
                List<Response> got =
                        race(AT_ONCE, i -> approver.post("/api/orders/" + id + "/" + step, null));
                assertTakenOnce(got, 200, at + ", " + step);
            }
            expected.put(id, List.of("DRAFTED", "APPROVED", "ISSUED"));
            // approved, then cancelled by many at once while others approve it again
            Response d =
                    planner.post(
                            "/api/orders",
                            ServerApiTest.alert(String.format("RCO%03d", 2 * round + 1), 48));
            String other = (String) d.map().get("id");
            List<Response> got =
                    race(
                            AT_ONCE,
                            i ->
                                    i % 2 == 0
                                            ? planner.post(
                                                    "/api/orders/" + other + "/cancel",
                                                    Map.of("reason", "raced " + i))
                                            : approver.post(
                                                    "/api/orders/" + other + "/approve", null));
            assertThat(statuses(got))
                    .as("%s, cancel and approve:\n%s", at, describe(got))
                    .containsOnly(200, 409);
            boolean approvedFirst =
                    got.get(1).status() == 200
                            || got.get(3).status() == 200
                            || got.get(5).status() == 200
                            || got.get(7).status() == 200;
            assertThat(statuses(got).stream().filter(s -> s == 200).count())
                    .as("%s: %s", at, describe(got))
                    .isEqualTo(approvedFirst ? 2 : 1);
            expected.put(
                    other,
                    approvedFirst
                            ? List.of("DRAFTED", "APPROVED", "CANCELLED")
                            : List.of("DRAFTED", "CANCELLED"));
            assertLogIsAHistory(expected, at);
        }
    }

    @Test
    void draftsSentAtOnceTakeOneIdEach() throws Exception {
        Client planner = TestServer.user("race_draft_pl", "LUX", Role.PLANNER);
        imported(
                planner.postText(
                        "/api/catalogues?file=drafts.yaml", catalogue("RCD", "LU", AT_ONCE * 3)));
        for (int round = 0; round < 3; round++) {
            int r = round;
            List<Response> got =
                    race(
                            AT_ONCE,
                            i ->
                                    planner.post(
                                            "/api/orders",
                                            ServerApiTest.alert(
                                                    String.format("RCD%03d", r * AT_ONCE + i),
                                                    48)));
            assertThat(statuses(got)).as("round %d:\n%s", round, describe(got)).containsOnly(201);
            Map<String, List<String>> expected = new java.util.LinkedHashMap<>();
            for (Response d : got) {
                expected.put((String) d.map().get("id"), List.of("DRAFTED"));
            }
            assertThat(expected).as("round %d: the ids", round).hasSize(AT_ONCE);
            assertLogIsAHistory(expected, "round " + round);
        }
    }

    @Test
    void aUserNameCreatedByManyAtOnceIsTakenOnceAndTheOthersAreToldSo() throws Exception {
        Client admin = TestServer.adminOf("LUX");
        for (int round = 0; round < 5; round++) {
            String name = "race_same_" + round;
            List<Response> got =
                    race(
                            AT_ONCE,
                            i ->
                                    admin.post(
                                            "/api/users",
                                            TestServer.newUser(
                                                    name,
                                                    "password-number-" + i,
                                                    "LUX",
                                                    List.of("OBSERVER"))));
            assertTakenOnce(got, 201, "round " + round);
            assertThat(got.stream().filter(r -> r.status() == 409).map(Response::body))
                    .allSatisfy(b -> assertThat(b).contains("'" + name + "': already taken"));
        }
    }

    private static Response signIn(String user, String password) {
        return Client.anonymous(
                "POST", "/api/login", Map.of("username", user, "password", password));
    }

    /**
     * Sends {@code mine} and {@code admins} together; checks the administrator's request is taken
     * and {@code mine} taken or refused (401). The answer to {@code mine}.
     */
    private static Response raceAnAdministrator(Supplier<Response> mine, Supplier<Response> admins)
            throws Exception {
        List<Response> got = race(2, i -> i == 0 ? mine.get() : admins.get());
        assertThat(got.get(1).status()).as(got.get(1).body()).isEqualTo(200);
        assertThat(got.get(0).status()).as(got.get(0).body()).isIn(200, 401);
        return got.get(0);
    }

    /** If {@code answer} was taken, the session it gives is ended: /api/me answers 401. */
    private static void assertSessionEnded(Response answer, String as, Object... args) {
        if (answer.status() == 200) {
            Client session = new Client((String) answer.map().get("token"));
            assertThat(session.get("/api/me").status()).as(as, args).isEqualTo(401);
        }
    }

    /**
     * A sign-in that reads the user before a deactivation and writes its session after it must not
     * leave a session behind: reactivated, the user would find a session the deactivation was to
     * end.
     */
    @Test
    void aSignInRacingADeactivationLeavesNoSessionBehind() throws Exception {
        Client admin = TestServer.adminOf("LUX");
        TestServer.user("race_deact", "LUX", Role.OBSERVER);
        for (int round = 0; round < 10; round++) {
            Response signIn =
                    raceAnAdministrator(
                            () -> signIn("race_deact", "password-of-race_deact"),
                            () -> admin.post("/api/users/race_deact/deactivate", null));
            Response on = admin.post("/api/users/race_deact/activate", null);
            assertThat(on.status()).as(on.body()).isEqualTo(200);
            assertSessionEnded(
                    signIn,
                    "round %d: the session of a sign-in answered while the deactivation ran",
                    round);
        }
    }

    /** A sign-in with the old password racing its reset must not outlive the reset. */
    @Test
    void aSignInRacingAPasswordResetDoesNotOutliveIt() throws Exception {
        Client admin = TestServer.adminOf("LUX");
        TestServer.user("race_reset", "LUX", Role.OBSERVER);
        String password = "password-of-race_reset";
        for (int round = 0; round < 10; round++) {
            String old = password;
            String next = "reset-password-" + round;
            Response signIn =
                    raceAnAdministrator(
                            () -> signIn("race_reset", old),
                            () ->
                                    admin.post(
                                            "/api/users/race_reset/password",
                                            Map.of("password", next)));
            password = next;
            assertSessionEnded(
                    signIn, "round %d: the session of the old password, after its reset", round);
        }
    }

    /** A change of one's own password racing a deactivation leaves no live session. */
    @Test
    void aPasswordChangeRacingADeactivationLeavesNoSessionBehind() throws Exception {
        Client admin = TestServer.adminOf("LUX");
        TestServer.user("race_change", "LUX", Role.OBSERVER);
        String password = "password-of-race_change";
        for (int round = 0; round < 10; round++) {
            Client me = Client.login("race_change", password);
            String old = password;
            String next = "changed-password-" + round;
            Response change =
                    raceAnAdministrator(
                            () ->
                                    me.post(
                                            "/api/me/password",
                                            Map.of("currentPassword", old, "newPassword", next)),
                            () -> admin.post("/api/users/race_change/deactivate", null));
            if (change.status() == 200) {
                password = next;
            }
            Response on = admin.post("/api/users/race_change/activate", null);
            assertThat(on.status()).as(on.body()).isEqualTo(200);
            assertThat(me.get("/api/me").status())
                    .as("round %d: the session before", round)
                    .isEqualTo(401);
            assertSessionEnded(change, "round %d: the session the change renewed", round);
        }
    }

    @Test
    void aCatalogueSupersededByManyAtOnceIsSupersededOnce() throws Exception {
        Client planner = TestServer.user("race_cat_pl", "LUX", Role.PLANNER);
        long id =
                imported(
                        planner.postText(
                                "/api/catalogues?file=first.yaml", catalogue("RCC", "LU", 3)));
        for (int round = 0; round < 4; round++) {
            long old = id;
            List<Response> got =
                    race(
                            AT_ONCE,
                            i ->
                                    planner.postText(
                                            "/api/catalogues?file=v"
                                                    + i
                                                    + ".yaml&supersedes="
                                                    + old,
                                            catalogue("RCC", "LU", 3)));
            assertTakenOnce(got, 201, "round " + round);
            id =
                    got.stream()
                            .filter(r -> r.status() == 201)
                            .findFirst()
                            .map(ConcurrentRequestsTest::imported)
                            .orElseThrow();
            long successors =
                    Jdbc.tx(
                            srv.database(),
                            c ->
                                    Jdbc.one(
                                                    c,
                                                    "select count(*) from force_catalogue where"
                                                            + " supersedes = ?",
                                                    rs -> rs.getLong(1),
                                                    old)
                                            .orElseThrow());
            assertThat(successors).as("round %d", round).isEqualTo(1);
        }
    }

    /**
     * More catalogues imported at once than the server keeps database connections: each import
     * holds one while it waits for those before it.
     */
    @Test
    void moreCatalogueImportsAtOnceThanConnectionsAreAllTaken() throws Exception {
        Client planner = TestServer.user("race_many_pl", "LUX", Role.PLANNER);
        int n = 14;
        List<Response> got =
                race(
                        n,
                        i ->
                                planner.postText(
                                        "/api/catalogues?file=many" + i + ".yaml",
                                        catalogue(String.format("RM%02d", i), "LU", 2)));
        assertThat(statuses(got)).as(describe(got)).containsOnly(201);
    }
}
