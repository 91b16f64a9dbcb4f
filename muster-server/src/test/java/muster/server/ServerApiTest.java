package muster.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import muster.server.TestServer.Client;
import muster.server.TestServer.Response;
import org.assertj.core.api.ThrowingConsumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The REST API in-process against a real PostgreSQL. */
class ServerApiTest {
    private final MusterServer srv = TestServer.get();

    @Test
    void healthAndOpenApiNeedNoSignInButEverythingElseDoes() {
        assertThat(Client.anonymous("GET", "/api/health", null).status()).isEqualTo(200);
        Response o = Client.anonymous("GET", "/api/openapi.json", null);
        assertThat(o.status()).isEqualTo(200);
        assertThat(o.map()).containsKey("paths");
        for (String p : List.of("/api/scenarios", "/api/plans", "/api/orders", "/api/me")) {
            assertThat(Client.anonymous("GET", p, null).status()).as(p).isEqualTo(401);
        }
        assertThat(new Client("not-a-token").get("/api/me").status()).isEqualTo(401);
    }

    @Test
    void answersOfTheApiAreNotKeptByBrowsersOrProxies() {
        // a released picture read on a shared workstation must not stay in its browser's cache,
        // nor an answer refused for want of a session
        List<Response> answers =
                List.of(
                        TestServer.admin().get("/api/scenarios"),
                        TestServer.admin().get("/api/me"),
                        Client.anonymous("GET", "/api/plans", null),
                        TestServer.admin().get("/api/scenarios/999999999"));
        assertThat(answers).extracting(Response::status).containsExactly(200, 200, 401, 404);
        for (Response r : answers) {
            assertThat(r.header("Cache-Control"))
                    .as(r.status() + " " + r.body())
                    .isEqualTo("no-store");
            assertThat(r.header("X-Content-Type-Options")).isEqualTo("nosniff");
        }
    }

    @Test
    void badPasswordIsRefusedAndAuditedAndRepeatedFailuresAreRateLimited() {
        TestServer.user("ratelimited", "DEU", Role.OBSERVER);
        for (int i = 0; i < Auth.MAX_FAILURES; i++) {
            Response r =
                    Client.anonymous(
                            "POST",
                            "/api/login",
                            Map.of("username", "ratelimited", "password", "wrong-" + i));
            assertThat(r.status()).as("attempt %d", i).isEqualTo(401);
            assertThat(r.body()).doesNotContain("Exception");
        }
        // even the right password is refused while the limit holds
        Response r =
                Client.anonymous(
                        "POST",
                        "/api/login",
                        Map.of("username", "ratelimited", "password", "password-of-ratelimited"));
        assertThat(r.status()).isEqualTo(429);
        assertThat(r.map().get("error").toString()).contains("ratelimited");
        // the failures are recorded under the user's nation: its administrator sees them, another
        // nation's does not
        List<Map<String, Object>> audit =
                TestServer.adminOf("DEU").get("/api/audit?limit=50").list();
        assertThat(TestServer.admin().get("/api/audit?limit=500").list())
                .noneSatisfy(a -> assertThat(a.get("target")).isEqualTo("user ratelimited"));
        assertThat(audit)
                .anySatisfy(
                        a -> {
                            assertThat(a.get("target")).isEqualTo("user ratelimited");
                            assertThat(a.get("outcome")).isEqualTo("DENIED");
                            assertThat(a.get("detail").toString()).contains("rate limited");
                        });
    }

    @Test
    void sessionsExpire() {
        TestServer.user("expiring", "DEU", Role.OBSERVER);
        // a clock in the past, so the sign-in does not sweep away the other tests' live sessions
        Instant[] now = {Instant.parse("2020-01-01T00:00:00Z")};
        Clock clock =
                new Clock() {
                    @Override
                    public ZoneOffset getZone() {
                        return ZoneOffset.UTC;
                    }

                    @Override
                    public Clock withZone(java.time.ZoneId zone) {
                        return this;
                    }

                    @Override
                    public Instant instant() {
                        return now[0];
                    }
                };
        Auth auth = new Auth(srv.database(), new Audit(srv.database()), clock, Duration.ofHours(1));
        Auth.Session s = auth.login("expiring", "password-of-expiring", "127.0.0.9");
        assertThat(auth.authenticate(s.token())).isPresent();
        now[0] = now[0].plus(Duration.ofMinutes(59));
        assertThat(auth.authenticate(s.token())).isPresent();
        now[0] = now[0].plus(Duration.ofMinutes(2));
        assertThat(auth.authenticate(s.token())).isEmpty();
    }

    @Test
    void passwordsAreStoredAsBcryptHashesAndShortOnesRefused() throws Exception {
        TestServer.user("hashed", "FRA", Role.OBSERVER);
        try (Connection c = srv.database().connection()) {
            String hash =
                    Jdbc.one(
                                    c,
                                    "select password_hash from app_user where username = 'hashed'",
                                    rs -> rs.getString(1))
                            .orElseThrow();
            assertThat(hash).startsWith("$2a$10$").doesNotContain("password-of-hashed");
        }
        Response r =
                TestServer.admin()
                        .post(
                                "/api/users",
                                Map.of(
                                        "username",
                                        "shorty",
                                        "password",
                                        "short",
                                        "nation",
                                        "FRA",
                                        "roles",
                                        List.of("OBSERVER")));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.body()).contains("password").contains("12");
        Response n =
                TestServer.admin()
                        .post(
                                "/api/users",
                                Map.of(
                                        "username",
                                        "badnation",
                                        "password",
                                        "long-enough-password",
                                        "nation",
                                        "XX1",
                                        "roles",
                                        List.of("OBSERVER")));
        assertThat(n.status()).isEqualTo(400);
        assertThat(n.body()).contains("'XX1'");
    }

    @Test
    void auditLogAndOrderEventsAreAppendOnly() throws Exception {
        try (Connection c = srv.database().connection()) {
            assertThatThrownBy(() -> Jdbc.update(c, "update audit_log set outcome = 'OK'"))
                    .hasMessageContaining("append-only");
            assertThatThrownBy(() -> Jdbc.update(c, "delete from audit_log"))
                    .hasMessageContaining("append-only");
            assertThatThrownBy(() -> Jdbc.update(c, "truncate audit_log"))
                    .hasMessageContaining("append-only");
            assertThatThrownBy(() -> Jdbc.update(c, "delete from order_log"))
                    .hasMessageContaining("append-only");
            assertThatThrownBy(() -> Jdbc.update(c, "update order_log set type = 'ISSUED'"))
                    .hasMessageContaining("append-only");
        }
    }

    @Test
    void sourcingUsesTheEngineAndSavesTheSourcedScenario() throws Exception {
        Client p = TestServer.user("src_planner", "USA", Role.PLANNER);
        Client o = TestServer.user("src_observer", "USA", Role.OBSERVER);
        java.nio.file.Path root = java.nio.file.Path.of("..");
        Response imp =
                p.postText(
                        "/api/scenarios?file=eastern-flank-2022.yaml",
                        java.nio.file.Files.readString(
                                root.resolve("scenarios/eastern-flank-2022.yaml")));
        assertThat(imp.status()).as(imp.body()).isEqualTo(201);
        long id = ((Number) imp.map().get("id")).longValue();
        Map<String, Object> body =
                Map.of(
                        "requirementsFile",
                        "eastern-flank-2022-requirements.yaml",
                        "requirements",
                        java.nio.file.Files.readString(
                                root.resolve("scenarios/eastern-flank-2022-requirements.yaml")),
                        "catalogueFile",
                        "eastern-flank-2022-units.yaml",
                        "catalogue",
                        java.nio.file.Files.readString(
                                root.resolve("data/catalogue/eastern-flank-2022-units.yaml")),
                        "save",
                        true);
        Response nothing = p.post("/api/scenarios/" + id + "/source", Map.of());
        assertThat(nothing.status()).isEqualTo(400);
        assertThat(nothing.body()).contains("'requirementsFile'");
        // a refused file name is echoed cut short, with its invisible characters escaped
        Map<String, Object> odd = new java.util.HashMap<>(body);
        odd.put("requirementsFile", "req\u202E" + "x".repeat(300) + ".yaml");
        Response oddName = p.post("/api/scenarios/" + id + "/source", odd);
        assertThat(oddName.status()).isEqualTo(400);
        assertThat((String) oddName.map().get("error"))
                .isEqualTo(
                        "field 'requirementsFile' = 'req\\u202E"
                                + "x".repeat(36)
                                + "... (309 characters)': give a file name ending .yaml, .json or"
                                + " .csv");
        assertThat(o.post("/api/scenarios/" + id + "/source", body).status()).isEqualTo(403);
        Response r = p.post("/api/scenarios/" + id + "/source", body);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat((List<?>) r.map().get("choices")).isNotEmpty();
        assertThat((String) r.map().get("report")).isNotBlank();
        long saved = ((Number) r.map().get("scenario")).longValue();
        Response sc = p.get("/api/scenarios/" + saved);
        assertThat(sc.status()).isEqualTo(200);
        assertThat((List<?>) sc.map().get("requirements"))
                .hasSize(((Number) r.map().get("lines")).intValue());
        // the saved scenario exports as a scenario file that reads back valid, and the export is
        // recorded in the audit log
        Response exported = p.get("/api/scenarios/" + saved + "/export");
        assertThat(exported.status()).isEqualTo(200);
        assertThat(exported.body()).contains("muster/scenario@1");
        Response again = p.postText("/api/scenarios/validate?file=sourced.yaml", exported.body());
        assertThat(again.map()).as(again.body()).containsEntry("valid", true);
        assertThat(TestServer.admin().get("/api/audit?limit=500").list())
                .anySatisfy(
                        a -> {
                            assertThat(a.get("action")).isEqualTo("scenario.export");
                            assertThat(a.get("target")).isEqualTo("scenario " + saved);
                        });

        Map<String, Object> bad = new java.util.HashMap<>(body);
        bad.put("catalogue", "format: muster/catalogue@1\nunits: [{uic: X}]\n");
        bad.put("save", false);
        Response refused = p.post("/api/scenarios/" + id + "/source", bad);
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.body()).contains("eastern-flank-2022-units.yaml");
    }

    static String bundledCatalogue() throws java.io.IOException {
        return java.nio.file.Files.readString(
                Path.of("..", "data", "catalogue", "eastern-flank-2022-units.yaml"));
    }

    /**
     * Imports the bundled units as a current catalogue every NATO nation sees: an order names units
     * of such a catalogue, and other tests supersede and withdraw the first-start one.
     */
    static void currentCatalogueOfBundledUnits() throws java.io.IOException {
        Response r =
                TestServer.user("catalogue_keeper", "USA", Role.PLANNER)
                        .postText(
                                "/api/catalogues?file=eastern-flank-2022-units.yaml",
                                bundledCatalogue());
        assertThat(r.status()).as(r.body()).isEqualTo(201);
    }

    static String bundledRequirements() throws java.io.IOException {
        return java.nio.file.Files.readString(
                Path.of("..", "scenarios", "eastern-flank-2022-requirements.yaml"));
    }

    long importBundledScenario(Client p) throws java.io.IOException {
        Response imp =
                p.postText(
                        "/api/scenarios?file=eastern-flank-2022.yaml",
                        java.nio.file.Files.readString(
                                Path.of("..", "scenarios", "eastern-flank-2022.yaml")));
        assertThat(imp.status()).as(imp.body()).isEqualTo(201);
        return ((Number) imp.map().get("id")).longValue();
    }

    @Test
    void cataloguesAreStoredReadByReleasabilityAndRetiredNeverEdited() throws Exception {
        Client us = TestServer.user("cat_us_pl", "USA", Role.PLANNER);
        Client usObs = TestServer.user("cat_us_ob", "USA", Role.OBSERVER);
        Client pl = TestServer.user("cat_pl_pl", "POL", Role.PLANNER);
        Client se = TestServer.user("cat_se_ob", "SWE", Role.OBSERVER);
        String text = bundledCatalogue();

        assertThat(usObs.postText("/api/catalogues?file=units.yaml", text).status()).isEqualTo(403);
        Response imp = us.postText("/api/catalogues?file=units.yaml&marking=REL%20POL", text);
        assertThat(imp.status()).as(imp.body()).isEqualTo(201);
        long id = ((Number) imp.map().get("id")).longValue();

        // read: the owner and POL, not SWE (answered as missing, so existence does not leak)
        Response got = pl.get("/api/catalogues/" + id);
        assertThat(got.status()).as(got.body()).isEqualTo(200);
        assertThat(got.map())
                .containsEntry("owner", "USA")
                .containsEntry("marking", "REL POL")
                .containsEntry("status", "CURRENT")
                .containsEntry("units", 51);
        assertThat((List<?>) got.map().get("unitList")).hasSize(51);
        assertThat(us.get("/api/catalogues/" + id + "/export").body()).isEqualTo(text);
        assertThat(se.get("/api/catalogues/" + id).status()).isEqualTo(404);
        assertThat(se.get("/api/catalogues/" + id + "/export").status()).isEqualTo(404);
        assertThat(se.get("/api/catalogues").list())
                .noneSatisfy(c -> assertThat(((Number) c.get("id")).longValue()).isEqualTo(id));
        assertThat(pl.get("/api/catalogues").list())
                .anySatisfy(c -> assertThat(((Number) c.get("id")).longValue()).isEqualTo(id));

        // sourcing names the stored catalogue and gives what the inline text gives
        long sid = importBundledScenario(us);
        Map<String, Object> byId = new java.util.HashMap<>();
        byId.put("requirementsFile", "eastern-flank-2022-requirements.yaml");
        byId.put("requirements", bundledRequirements());
        byId.put("catalogueId", id);
        Response stored = us.post("/api/scenarios/" + sid + "/source", byId);
        assertThat(stored.status()).as(stored.body()).isEqualTo(200);
        Map<String, Object> inline = new java.util.HashMap<>(byId);
        inline.remove("catalogueId");
        inline.put("catalogueFile", "units.yaml");
        inline.put("catalogue", text);
        Response direct = us.post("/api/scenarios/" + sid + "/source", inline);
        assertThat(direct.status()).as(direct.body()).isEqualTo(200);
        assertThat(stored.map().get("choices")).isNotNull().isEqualTo(direct.map().get("choices"));
        assertThat(stored.map().get("report")).isEqualTo(direct.map().get("report"));

        // supersede: only the owner nation's planners; the old version stays readable
        assertThat(pl.postText("/api/catalogues?file=units.yaml&supersedes=" + id, text).status())
                .isEqualTo(403);
        Response v2 =
                us.postText(
                        "/api/catalogues?file=units.yaml&marking=REL%20POL&supersedes=" + id, text);
        assertThat(v2.status()).as(v2.body()).isEqualTo(201);
        long id2 = ((Number) v2.map().get("id")).longValue();
        Map<String, Object> old = us.get("/api/catalogues/" + id).map();
        assertThat(old).containsEntry("status", "SUPERSEDED");
        assertThat(((Number) old.get("supersededBy")).longValue()).isEqualTo(id2);
        assertThat(us.get("/api/catalogues").list())
                .noneSatisfy(c -> assertThat(((Number) c.get("id")).longValue()).isEqualTo(id))
                .anySatisfy(c -> assertThat(((Number) c.get("id")).longValue()).isEqualTo(id2));
        assertThat(us.get("/api/catalogues?all=true").list())
                .anySatisfy(c -> assertThat(((Number) c.get("id")).longValue()).isEqualTo(id));
        assertThat(us.postText("/api/catalogues?file=units.yaml&supersedes=" + id, text).status())
                .isEqualTo(409);
        Response oldSource = us.post("/api/scenarios/" + sid + "/source", byId);
        assertThat(oldSource.status()).isEqualTo(409);
        assertThat(oldSource.body()).contains("'catalogueId' = " + id).contains("superseded");

        // withdraw: the owner nation's planners, once
        assertThat(
                        Client.send(
                                        pl.token(),
                                        "DELETE",
                                        "/api/catalogues/" + id2,
                                        "",
                                        "text/plain")
                                .status())
                .isEqualTo(403);
        Response w = Client.send(us.token(), "DELETE", "/api/catalogues/" + id2, "", "text/plain");
        assertThat(w.status()).as(w.body()).isEqualTo(200);
        assertThat(w.map()).containsEntry("status", "WITHDRAWN");
        assertThat(
                        Client.send(
                                        us.token(),
                                        "DELETE",
                                        "/api/catalogues/" + id2,
                                        "",
                                        "text/plain")
                                .status())
                .isEqualTo(409);

        // the record itself: never deleted, its content never edited
        try (Connection c = srv.database().connection()) {
            assertThatThrownBy(() -> Jdbc.update(c, "delete from force_catalogue where id = ?", id))
                    .hasMessageContaining("append-only");
            assertThatThrownBy(
                            () ->
                                    Jdbc.update(
                                            c,
                                            "update force_catalogue set source_text = 'x' where id = ?",
                                            id))
                    .hasMessageContaining("never changed");
            assertThatThrownBy(
                            () ->
                                    Jdbc.update(
                                            c,
                                            "update force_catalogue set superseded_by = null where id = ?",
                                            id))
                    .hasMessageContaining("already retired");
        }
        List<Map<String, Object>> audit =
                TestServer.adminOf("USA").get("/api/audit?limit=5000").list();
        for (String action :
                List.of("catalogue.import", "catalogue.supersede", "catalogue.withdraw")) {
            assertThat(audit)
                    .as(action)
                    .anySatisfy(
                            a -> {
                                assertThat(a.get("action")).isEqualTo(action);
                                assertThat(a.get("user")).isEqualTo("cat_us_pl");
                            });
        }
        assertThat(audit)
                .anySatisfy(
                        a -> {
                            assertThat(a.get("action")).isEqualTo("catalogue.import");
                            assertThat(a.get("outcome")).isEqualTo("DENIED");
                        });
    }

    @Test
    void sourcingRunsAreStoredWithTheirReasonsAndReleasedNoWiderThanTheirInputs() throws Exception {
        Client us = TestServer.user("run_us_pl", "USA", Role.PLANNER);
        Client pl = TestServer.user("run_pl_ob", "POL", Role.OBSERVER);
        Client se = TestServer.user("run_se_ob", "SWE", Role.OBSERVER);
        long sid = importBundledScenario(us); // REL NATO
        Response cat =
                us.postText(
                        "/api/catalogues?file=units.yaml&marking=REL%20POL", bundledCatalogue());
        assertThat(cat.status()).as(cat.body()).isEqualTo(201);
        long cid = ((Number) cat.map().get("id")).longValue();
        Map<String, Object> body = new java.util.HashMap<>();
        body.put("requirementsFile", "eastern-flank-2022-requirements.yaml");
        body.put("requirements", bundledRequirements());
        body.put("catalogueId", cid);

        // wider than the catalogue: refused, audited, nothing stored
        int before = us.get("/api/sourcing/runs?size=500").items().size();
        Map<String, Object> wide = new java.util.HashMap<>(body);
        wide.put("marking", "REL NATO");
        Response refused = us.post("/api/scenarios/" + sid + "/source", wide);
        assertThat(refused.status()).as(refused.body()).isEqualTo(403);
        assertThat(refused.body())
                .contains("field 'marking' = 'REL NATO'")
                .contains("catalogue " + cid);
        assertThat(us.get("/api/sourcing/runs?size=500").items()).hasSize(before);

        // by default the narrower of the two: the catalogue's REL POL
        Response r = us.post("/api/scenarios/" + sid + "/source", body);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        long run = ((Number) r.map().get("run")).longValue();
        Map<String, Object> got = pl.get("/api/sourcing/runs/" + run).map();
        assertThat(got)
                .containsEntry("marking", "REL POL")
                .containsEntry("owner", "USA")
                .containsEntry("refused", false);
        assertThat(((Number) got.get("scenario")).longValue()).isEqualTo(sid);
        assertThat(((Number) got.get("catalogue")).longValue()).isEqualTo(cid);
        @SuppressWarnings("unchecked")
        Map<String, Object> result = (Map<String, Object>) got.get("result");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> assignments =
                (List<Map<String, Object>>) result.get("assignments");
        assertThat(assignments)
                .hasSize(((Number) got.get("choices")).intValue())
                .isNotEmpty()
                .allSatisfy(a -> assertThat((String) a.get("why")).startsWith("cost "));
        assertThat(assignments).extracting(a -> a.get("uic")).doesNotContainNull();
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> unfilled =
                (List<Map<String, Object>>) result.get("unfilledSlots");
        assertThat(unfilled).hasSize(((Number) got.get("unfilled")).intValue());
        assertThat(unfilled)
                .allSatisfy(u -> assertThat((List<?>) u.get("reasons")).as("reasons").isNotEmpty());
        assertThat(result.get("report")).isEqualTo(r.map().get("report"));
        assertThat(pl.get("/api/sourcing/runs?scenario=" + sid).items())
                .extracting(x -> ((Number) x.get("id")).longValue())
                .contains(run);
        assertThat(se.get("/api/sourcing/runs/" + run).status()).isEqualTo(404);
        assertThat(se.get("/api/sourcing/runs?size=500").items())
                .extracting(x -> ((Number) x.get("id")).longValue())
                .doesNotContain(run);

        // an inline catalogue: the scenario's marking; saving stores the scenario with the run
        Map<String, Object> inline = new java.util.HashMap<>(body);
        inline.remove("catalogueId");
        inline.put("catalogueFile", "units.yaml");
        inline.put("catalogue", bundledCatalogue());
        inline.put("save", true);
        Response r2 = us.post("/api/scenarios/" + sid + "/source", inline);
        assertThat(r2.status()).as(r2.body()).isEqualTo(200);
        long run2 = ((Number) r2.map().get("run")).longValue();
        Map<String, Object> got2 = se.get("/api/sourcing/runs/" + run2).map();
        assertThat(got2)
                .containsEntry("marking", "REL NATO")
                .containsEntry("catalogue", null)
                .containsEntry("savedScenario", r2.map().get("scenario"));

        try (Connection c = srv.database().connection()) {
            assertThatThrownBy(() -> Jdbc.update(c, "delete from sourcing_run where id = ?", run))
                    .hasMessageContaining("append-only");
            assertThatThrownBy(
                            () ->
                                    Jdbc.update(
                                            c,
                                            "update sourcing_run set releasable_to = 'REL NATO'"
                                                    + " where id = ?",
                                            run))
                    .hasMessageContaining("append-only");
        }
        assertThat(TestServer.adminOf("USA").get("/api/audit?limit=5000").list())
                .anySatisfy(
                        a -> {
                            assertThat(a.get("action")).isEqualTo("sourcing.run");
                            assertThat(a.get("target")).isEqualTo("sourcing run " + run);
                            assertThat(a.get("outcome")).isEqualTo("OK");
                        })
                .anySatisfy(
                        a -> {
                            assertThat(a.get("action")).isEqualTo("sourcing.run");
                            assertThat(a.get("outcome")).isEqualTo("DENIED");
                            assertThat((String) a.get("detail")).contains("REL NATO");
                        });
    }

    @Test
    void aBadCatalogueIsRefusedNamingThePlaceTheFieldAndTheValue() throws Exception {
        Client us = TestServer.user("cat_bad_pl", "USA", Role.PLANNER);
        String bad =
                bundledCatalogue().replaceFirst("capability: HEADQUARTERS", "capability: TELEPORT");
        int line =
                1
                        + (int)
                                bad.substring(0, bad.indexOf("capability: TELEPORT"))
                                        .chars()
                                        .filter(ch -> ch == '\n')
                                        .count();
        long before = us.get("/api/catalogues?all=true").list().size();
        Response r = us.postText("/api/catalogues?file=units.yaml", bad);
        assertThat(r.status()).as(r.body()).isEqualTo(422);
        assertThat(r.body()).doesNotContain("at muster.").doesNotContain("Exception");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> details = (List<Map<String, Object>>) r.map().get("details");
        assertThat(details)
                .anySatisfy(
                        f -> {
                            assertThat(f.get("file")).isEqualTo("units.yaml");
                            assertThat(f.get("field")).isEqualTo("capability");
                            assertThat(f.get("value")).isEqualTo("TELEPORT");
                            assertThat(f.get("line")).isEqualTo(line);
                            assertThat((String) f.get("text")).contains("units.yaml:" + line);
                        });
        assertThat(us.get("/api/catalogues?all=true").list()).hasSize((int) before);
        Response name = us.postText("/api/catalogues?file=units.exe", bundledCatalogue());
        assertThat(name.status()).isEqualTo(400);
        assertThat(name.body()).contains("'units.exe'");
        Response marking =
                us.postText(
                        "/api/catalogues?file=units.yaml&marking=POL%20ONLY", bundledCatalogue());
        assertThat(marking.status()).isEqualTo(400);
        assertThat(marking.body()).contains("POL ONLY");
        Response sup =
                us.postText("/api/catalogues?file=units.yaml&supersedes=x1", bundledCatalogue());
        assertThat(sup.status()).isEqualTo(400);
        assertThat(sup.body()).contains("'supersedes' = 'x1'");
    }

    @Test
    void firstStartLoadsTheBundledScenarioAndCatalogueOnce(@TempDir Path dataDir) throws Exception {
        MusterServer.Options o =
                MusterServer.Options.defaults()
                        .withPort(0)
                        .withHost("127.0.0.1")
                        .withAdminPassword("admin-password-first-start")
                        .withDataDir(dataDir)
                        .withBundledScenario(Path.of("..", "scenarios", "eastern-flank-2022.yaml"));
        for (int start = 0; start < 2; start++) {
            StringBuilder out = new StringBuilder();
            try (MusterServer s = MusterServer.start(o, out)) {
                ForceStore f = new ForceStore(s.database());
                assertThat(f.catalogues())
                        .as("start %d: %s", start, out)
                        .singleElement()
                        .satisfies(
                                c -> {
                                    assertThat(c.name()).isEqualTo("eastern-flank-2022-units");
                                    assertThat(c.marking()).isEqualTo("REL NATO");
                                    assertThat(c.units()).isEqualTo(51);
                                });
                assertThat(s.store().scenarioCount()).isEqualTo(1);
                assertThat(out.toString().contains("as force catalogue")).isEqualTo(start == 0);
            }
        }
    }

    @Test
    void theEmbeddedDatabaseSyncsEveryCommit(@TempDir Path dataDir) throws Exception {
        // The zero-setup default, started here whatever database the other tests use: a write
        // the API has acknowledged must survive a crash, so fsync and synchronous commit are on.
        try (Database db = Database.embedded(dataDir);
                Connection c = db.connection()) {
            assertThat(db.isEmbedded()).isTrue();
            assertThat(Jdbc.one(c, "show fsync", rs -> rs.getString(1))).contains("on");
            assertThat(Jdbc.one(c, "show synchronous_commit", rs -> rs.getString(1)))
                    .contains("on");
        }
    }

    @Test
    void orderWorkflowNeedsASecondUserToApproveAndKeepsEveryEvent() throws Exception {
        currentCatalogueOfBundledUnits();
        Client drafter = TestServer.user("nl_planner", "NLD", Role.PLANNER);
        Client approver = TestServer.user("nl_approver", "NLD", Role.APPROVER, Role.PLANNER);
        Client foreign = TestServer.user("be_approver", "BEL", Role.APPROVER);
        Response d =
                drafter.post(
                        "/api/orders",
                        alert(
                                "NLEFPR",
                                48,
                                "note",
                                "prepare to move to EPRZ",
                                "marking",
                                "REL NATO"));
        assertThat(d.status()).as(d.body()).isEqualTo(201);
        String id = (String) d.map().get("id");
        assertThat(d.map().get("status")).isEqualTo("DRAFT");
        assertThat(d.map().get("owner")).isEqualTo("NLD");

        Response self = drafter.post("/api/orders/" + id + "/approve", null);
        assertThat(self.status()).as(self.body()).isEqualTo(403);
        assertThat(self.body()).contains("approving it needs the APPROVER role of NLD");
        Response selfBoth =
                TestServer.user("nl_both", "NLD", Role.PLANNER, Role.APPROVER)
                        .post("/api/orders", alert("NLF35D", 1));
        String own = (String) selfBoth.map().get("id");
        Response selfApprove =
                TestServer.user("nl_both", "NLD", Role.PLANNER, Role.APPROVER)
                        .post("/api/orders/" + own + "/approve", null);
        assertThat(selfApprove.status()).isEqualTo(409);
        assertThat(selfApprove.body()).contains("someone else");
        Response other = foreign.post("/api/orders/" + id + "/approve", null);
        assertThat(other.status()).isEqualTo(403);
        assertThat(other.body()).contains("NLD");
        Response otherIssue = foreign.post("/api/orders/" + id + "/issue", null);
        assertThat(otherIssue.body())
                .contains("issuing it needs the PLANNER or APPROVER role of NLD");
        Response otherCancel =
                foreign.post("/api/orders/" + id + "/cancel", Map.of("reason", "not ours"));
        assertThat(otherCancel.body())
                .contains("cancelling it needs the PLANNER or APPROVER role of NLD");
        Response issueEarly = approver.post("/api/orders/" + id + "/issue", null);
        assertThat(issueEarly.status()).isEqualTo(409);
        assertThat(issueEarly.body()).contains("approved before");

        Response ok = approver.post("/api/orders/" + id + "/approve", null);
        assertThat(ok.status()).as(ok.body()).isEqualTo(200);
        assertThat(ok.map().get("status")).isEqualTo("APPROVED");
        assertThat(ok.map().get("approvedBy")).isEqualTo("nl_approver");
        assertThat(approver.post("/api/orders/" + id + "/approve", null).status()).isEqualTo(409);
        Response issued = drafter.post("/api/orders/" + id + "/issue", null);
        assertThat(issued.status()).isEqualTo(200);
        assertThat(issued.map().get("status")).isEqualTo("ISSUED");
        assertThat(drafter.post("/api/orders/" + id + "/cancel", null).status()).isEqualTo(409);

        Response got = foreign.get("/api/orders/" + id);
        assertThat(got.status()).isEqualTo(200);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> events = (List<Map<String, Object>>) got.map().get("events");
        assertThat(events)
                .extracting(e -> e.get("type"))
                .containsExactly("DRAFTED", "APPROVED", "ISSUED");
        assertThat(foreign.get("/api/orders?status=issued&size=500").items())
                .anySatisfy(o -> assertThat(o.get("id")).isEqualTo(id))
                .allSatisfy(o -> assertThat(o.get("status")).isEqualTo("ISSUED"));
        Response bogus = foreign.get("/api/orders?status=BOGUS");
        assertThat(bogus.status()).isEqualTo(400);
        assertThat(bogus.body()).contains("'status' = 'BOGUS'");
        assertThat(foreign.get("/api/readiness?asOf=someday").status()).isEqualTo(400);
        Response board = foreign.get("/api/readiness?size=500");
        assertThat(board.items())
                .anySatisfy(
                        unit -> {
                            assertThat(unit.get("uic")).isEqualTo("NLEFPR");
                            assertThat(unit.get("status")).isEqualTo("ALERTED");
                            assertThat(unit.get("noticeToMoveHours")).isEqualTo(48);
                        });
    }

    /**
     * A cancel cannot be taken back and the order's history keeps why: one without a reason is bad
     * input, where it was recorded with none.
     */
    @Test
    void aCancelWithoutAReasonIsRefusedAndRecordsNothing() throws Exception {
        currentCatalogueOfBundledUnits();
        Client planner = TestServer.user("nl_canceller", "NLD", Role.PLANNER);
        String id = drafted(planner, alert("NLEFPR", 48));
        for (Object body : new Object[] {null, Map.of("reason", "  ")}) {
            Response none = planner.post("/api/orders/" + id + "/cancel", body);
            assertThat(none.status()).as(none.body()).isEqualTo(400);
            assertThat(none.body()).contains("a cancel needs a reason");
        }
        assertThat(planner.get("/api/orders/" + id).map().get("status")).isEqualTo("DRAFT");
        Response ok = planner.post("/api/orders/" + id + "/cancel", Map.of("reason", "sent twice"));
        assertThat(ok.status()).as(ok.body()).isEqualTo(200);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> events =
                (List<Map<String, Object>>) planner.get("/api/orders/" + id).map().get("events");
        assertThat(events)
                .extracting(e -> e.get("type") + " " + e.get("by") + " " + e.get("reason"))
                .containsExactly("DRAFTED nl_canceller null", "CANCELLED nl_canceller sent twice");
    }

    @Test
    void badInputNamesTheFieldAndValue() throws Exception {
        currentCatalogueOfBundledUnits();
        Client p = TestServer.user("it_planner", "ITA", Role.PLANNER);
        Response m = p.post("/api/orders", alert("ITNRFB", 1, "marking", "RELEASE ALL"));
        assertThat(m.status()).isEqualTo(400);
        assertThat(m.body()).contains("'RELEASE ALL'");
        Response only = p.post("/api/orders", alert("ITNRFB", 1, "marking", "POL ONLY"));
        assertThat(only.status()).isEqualTo(400);
        assertThat(only.body()).contains("ITA");
        Response noUnit = p.post("/api/orders", Map.of("kind", "ALERT"));
        assertThat(noUnit.status()).isEqualTo(400);
        assertThat(noUnit.body()).contains("'units'");
        Response kind = p.post("/api/orders", Map.of("kind", "ATTACK", "units", List.of("ITNRFB")));
        assertThat(kind.status()).isEqualTo(400);
        assertThat(kind.body()).contains("'kind' = 'ATTACK'");
        Response date =
                p.post(
                        "/api/orders",
                        Map.of("kind", "DEPLOY", "units", List.of("ITNRFB"), "cDay", "3 Feb"));
        assertThat(date.status()).isEqualTo(400);
        assertThat(date.body()).contains("'cDay' = '3 Feb'");
        // each kind takes its own fields; and the order's own content is bad input (400), where a
        // contradiction with the log is a 409
        Map<Map<String, Object>, String> badDrafts = new java.util.LinkedHashMap<>();
        badDrafts.put(
                Map.of(
                        "kind",
                        "DEPLOY",
                        "units",
                        List.of("ITNRFB"),
                        "destination",
                        "EPRZ",
                        "cDay",
                        "2022-02-03"),
                "field 'readyDate': missing; a DEPLOY order needs destination, cDay");
        badDrafts.put(
                Map.of("kind", "STAND_DOWN", "units", List.of("ITNRFB"), "noticeToMoveHours", 48),
                "field 'noticeToMoveHours' = '48': a STAND_DOWN order does not take it");
        badDrafts.put(
                alert("ITNRFB", 48, "readyDate", "2022-02-09"),
                "an ALERT order does not take it (it takes noticeToMoveHours)");
        badDrafts.put(
                Map.of(
                        "kind",
                        "DEPLOY",
                        "units",
                        List.of("ITNRFB"),
                        "destination",
                        "EPRZ",
                        "cDay",
                        "2022-02-03",
                        "readyDate",
                        "2022-02-01"),
                "ready date 2022-02-01 is before C-day 2022-02-03");
        badDrafts.put(alert("ITNRFB", -1), "notice to move in hours (0 or more), got -1");
        badDrafts.put(
                Map.of(
                        "kind",
                        "DEPLOY",
                        "units",
                        List.of("ITNRFB"),
                        "destination",
                        "EPRZ",
                        "cDay",
                        "2022-02-03",
                        "readyDate",
                        "2022-02-09",
                        "effective",
                        "2022-03-01T00:00"),
                "ready date 2022-02-09 is before 2022-03-01, the day it takes effect");
        badDrafts.forEach(
                (body, fragment) -> {
                    Response r = p.post("/api/orders", body);
                    assertThat(r.status()).as(body.toString()).isEqualTo(400);
                    assertThat(r.body()).contains(fragment);
                });
        Response notJson =
                Client.send(p.token(), "POST", "/api/orders", "{not json", "application/json");
        assertThat(notJson.status()).isEqualTo(400);
        assertThat(notJson.body()).doesNotContain("at com.");
        Response page = p.get("/api/orders?size=0");
        assertThat(page.status()).isEqualTo(400);
        assertThat(page.body()).contains("'size' = '0'");
        Response id = p.get("/api/plans/abc");
        assertThat(id.status()).isEqualTo(400);
        assertThat(id.body()).contains("'abc'");
        // an echoed value has its invisible characters escaped: a bidirectional override in it
        // reordered the message around it, and an escape sequence recoloured a terminal
        Response hidden = p.get("/api/plans/%E2%80%AEabc%1B%5B2J");
        assertThat(hidden.status()).isEqualTo(400);
        assertThat((String) hidden.map().get("error"))
                .isEqualTo("path parameter 'id' = '\\u202Eabc\\u001B[2J': not a number");
        Response imp = p.postText("/api/scenarios", "name: x");
        assertThat(imp.status()).isEqualTo(400);
        assertThat(imp.body()).contains("'file'");
        Response traversal = p.postText("/api/scenarios?file=../../../tmp/evil.yaml", "name: x");
        assertThat(traversal.status()).isEqualTo(400);
        assertThat(traversal.body()).contains("give the file's name alone");
        // a file name is shown to every reader as the scenario's source: an override it leaves
        // open would reverse what follows it; one it closes is taken (the body, no scenario, is
        // what is refused then)
        Response reversed =
                p.postText(
                        "/api/scenarios?file="
                                + java.net.URLEncoder.encode(
                                        "evil\u202Elmy.yaml",
                                        java.nio.charset.StandardCharsets.UTF_8),
                        "name: x");
        assertThat(reversed.status()).isEqualTo(400);
        assertThat((String) reversed.map().get("error"))
                .isEqualTo(
                        "query parameter 'file' = 'evil\\u202Elmy.yaml': holds a bidirectional"
                                + " override (U+202E) at character 5 that is not closed before the"
                                + " end of its line: a file name closes each bidirectional control"
                                + " it opens, which would otherwise reorder what is shown after it;"
                                + " close it within the text (U+202C, pop directional formatting)"
                                + " or remove it");
        Response closed =
                p.postText(
                        "/api/scenarios?file="
                                + java.net.URLEncoder.encode(
                                        "\u2067\u05D0\u2069.yaml",
                                        java.nio.charset.StandardCharsets.UTF_8),
                        "name: x");
        assertThat(closed.status()).isEqualTo(422);
        assertThat(closed.body()).doesNotContain("bidirectional").doesNotContain("'file'");
        // a field a request does not take is refused by name, not dropped: the plan would
        // otherwise run with defaults the client did not ask for
        Response own =
                p.postText(
                        "/api/scenarios?file=eastern-flank-2022.yaml",
                        java.nio.file.Files.readString(
                                java.nio.file.Path.of("../scenarios/eastern-flank-2022.yaml")));
        assertThat(own.status()).as(own.body()).isEqualTo(201);
        long sid = ((Number) own.map().get("id")).longValue();
        Response unknown =
                p.post(
                        "/api/scenarios/" + sid + "/plans",
                        Map.of("planner", "fifo", "iterations", -5));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.body())
                .contains("field 'iterations' is not one this request takes")
                .contains("marking, planner")
                .doesNotContain("PlanRequest");
        Response typo = p.post("/api/orders", Map.of("kind", "ALERT", "unit", List.of("ITNRFB")));
        assertThat(typo.status()).isEqualTo(400);
        assertThat(typo.body()).contains("field 'unit' is not one");
        // valid JSON of the wrong shape: a 400 in the request's terms, never a 500
        Response array = Client.send(p.token(), "POST", "/api/orders", "[1,2]", "application/json");
        assertThat(array.status()).isEqualTo(400);
        assertThat(array.body())
                .contains("give a JSON object with the fields authority, cDay, destination")
                .contains("not [1,2]");
        Response nothing =
                Client.send(p.token(), "POST", "/api/orders", "null", "application/json");
        assertThat(nothing.status()).isEqualTo(400);
        assertThat(nothing.body()).contains("give a JSON object").contains("not null");
        Response wrongKind =
                p.post(
                        "/api/orders",
                        Map.of(
                                "kind",
                                "ALERT",
                                "units",
                                List.of("ITNRFB"),
                                "noticeToMoveHours",
                                "soon"));
        assertThat(wrongKind.status()).isEqualTo(400);
        assertThat(wrongKind.body())
                .contains("field 'noticeToMoveHours' = \\\"soon\\\": not a whole number")
                .doesNotContain("java.lang");
    }

    @Test
    void theReadinessBoardShowsADeployingUnitDeployedFromItsReadyDate() throws Exception {
        currentCatalogueOfBundledUnits();
        Client drafter = TestServer.user("de_planner", "DEU", Role.PLANNER);
        Client approver = TestServer.user("de_approver", "DEU", Role.APPROVER);
        // an order drafted on the server takes effect when drafted: today
        java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneOffset.UTC);
        String id =
                drafted(
                        drafter,
                        Map.of(
                                "kind", "DEPLOY",
                                "units", List.of("DEEFPR"),
                                "destination", "AA-RZE",
                                "cDay", today.toString(),
                                "readyDate", today.plusDays(10).toString()));
        assertThat(approver.post("/api/orders/" + id + "/approve", null).status()).isEqualTo(200);
        assertThat(drafter.post("/api/orders/" + id + "/issue", null).status()).isEqualTo(200);
        Map<String, String> statusOn = new java.util.LinkedHashMap<>();
        statusOn.put(today.minusDays(1).toString(), null); // before the order took effect
        statusOn.put("", "DEPLOYING"); // today
        statusOn.put(today.plusDays(9).toString(), "DEPLOYING");
        statusOn.put(today.plusDays(10).toString(), "DEPLOYED");
        statusOn.forEach(
                (day, status) -> {
                    List<Map<String, Object>> board =
                            drafter
                                    .get(
                                            "/api/readiness?size=500"
                                                    + (day.isEmpty() ? "" : "&asOf=" + day))
                                    .items()
                                    .stream()
                                    .filter(u -> "DEEFPR".equals(u.get("uic")))
                                    .toList();
                    if (status == null) {
                        assertThat(board).as(day).isEmpty();
                    } else {
                        assertThat(board)
                                .as(day)
                                .singleElement()
                                .satisfies(u -> assertThat(u.get("status")).isEqualTo(status));
                    }
                });
    }

    @Test
    void aSuccessfulSignInTakesBackItsOwnCountOnly() {
        TestServer.user("forgiven", "DEU", Role.OBSERVER);
        for (int i = 0; i < Auth.MAX_FAILURES - 1; i++) {
            Response r =
                    Client.anonymous(
                            "POST",
                            "/api/login",
                            Map.of("username", "forgiven", "password", "wrong-" + i));
            assertThat(r.status()).as("attempt %d", i).isEqualTo(401);
        }
        Response right =
                Client.anonymous(
                        "POST",
                        "/api/login",
                        Map.of("username", "forgiven", "password", "password-of-forgiven"));
        assertThat(right.status()).as(right.body()).isEqualTo(200);
        // the four failures before it still count: one more is the fifth, the next is refused
        Response fifth =
                Client.anonymous(
                        "POST",
                        "/api/login",
                        Map.of("username", "forgiven", "password", "wrong-again"));
        assertThat(fifth.status()).isEqualTo(401);
        Response sixth =
                Client.anonymous(
                        "POST",
                        "/api/login",
                        Map.of("username", "forgiven", "password", "wrong-once-more"));
        assertThat(sixth.status()).isEqualTo(429);
    }

    @Test
    void aSignInWithNoPossibleUserNameIsRefusedUncountedAndUnrecorded() throws Exception {
        String huge = "x".repeat(100_000);
        Response r =
                Client.anonymous("POST", "/api/login", Map.of("username", huge, "password", "p"));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.body())
                .contains("field 'username' holds 100000 characters")
                .hasSizeLessThan(1_000);
        Response longPassword =
                Client.anonymous(
                        "POST",
                        "/api/login",
                        Map.of("username", "admin", "password", "p".repeat(200)));
        assertThat(longPassword.status()).isEqualTo(401);
        try (Connection c = srv.database().connection()) {
            assertThat(
                            Jdbc.one(
                                    c,
                                    "select count(*) from audit_log where length(target) > 100",
                                    rs -> rs.getLong(1)))
                    .contains(0L);
        }
    }

    @Test
    void anOrderNamesUnitsOfTheDraftersOwnNationOnly() throws Exception {
        currentCatalogueOfBundledUnits();
        Client pl = TestServer.user("own_pl", "POL", Role.PLANNER);
        Response foreign =
                pl.post(
                        "/api/orders",
                        Map.of("kind", "STAND_DOWN", "units", List.of("PL21BS", "WAB1AA")));
        assertThat(foreign.status()).as(foreign.body()).isEqualTo(403);
        assertThat(foreign.body())
                .contains("field 'units.1' = 'WAB1AA': a unit of USA; only USA's planners");
        Response unknown = pl.post("/api/orders", alert("NOSUCHUNIT", 5));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.body())
                .contains("field 'units.0' = 'NOSUCHUNIT': no unit with this UIC");
        Response own = pl.post("/api/orders", alert("PL21BS", 5));
        assertThat(own.status()).as(own.body()).isEqualTo(201);
        // the refused drafts left nothing behind
        assertThat(pl.get("/api/orders?size=500").items())
                .filteredOn(o -> "own_pl".equals(o.get("draftedBy")))
                .singleElement()
                .satisfies(o -> assertThat(o.get("units")).isEqualTo(List.of("PL21BS")));
    }

    /** Another nation's drafts leave no gap in a nation's order numbers to count them by. */
    @Test
    void eachNationNumbersItsOwnOrders() throws Exception {
        currentCatalogueOfBundledUnits();
        Client pl = TestServer.user("numbers_pl", "POL", Role.PLANNER);
        Client it = TestServer.user("numbers_it", "ITA", Role.PLANNER);
        Map<String, Object> polish = alert("PL21BS", 48);
        Map<String, Object> italian = alert("ITNRFB", 48);
        Response first = pl.post("/api/orders", polish);
        assertThat(first.status()).as(first.body()).isEqualTo(201);
        for (int i = 0; i < 3; i++) {
            Response r = it.post("/api/orders", italian);
            assertThat(r.status()).as(r.body()).isEqualTo(201);
            assertThat((String) r.map().get("id")).startsWith("ITA-ORD-");
        }
        Response second = pl.post("/api/orders", polish);
        assertThat(second.status()).as(second.body()).isEqualTo(201);
        long a = number((String) first.map().get("id"), "POL");
        long b = number((String) second.map().get("id"), "POL");
        assertThat(b).as("the next POL order after three ITA ones").isEqualTo(a + 1);
    }

    /**
     * A record another nation may not see and one that does not exist are refused alike, in the
     * answer and in the audit log, which the reader's administrators read: only the hidden one was
     * audited, so an administrator could ask for USA-ORD-1, USA-ORD-2, ... and count another
     * nation's orders, or find which plan and scenario ids exist, in its own audit log.
     */
    @Test
    void aHiddenRecordAndAMissingOneAreRefusedAndAuditedAlike() throws Exception {
        currentCatalogueOfBundledUnits();
        Client us = TestServer.user("hidden_us", "USA", Role.PLANNER);
        String order = drafted(us, alert("WAB173", 48));
        User usUser = Fixtures.me(us);
        var sc = Fixtures.scenario("hidden-us", "H1", "US");
        long sid = srv.api().importScenario(usUser, sc, "USA ONLY", "hidden.yaml", "");
        long pid = Fixtures.storePlan(srv, sid, usUser, "USA ONLY", Fixtures.plan(sc));

        Client pl = TestServer.user("hidden_pl", "POL", Role.OBSERVER);
        String[][] pairs = {
            {"/api/orders/", order, "USA-ORD-99999999", "order "},
            {"/api/plans/", Long.toString(pid), "99999999", "plan "},
            {"/api/scenarios/", Long.toString(sid), "99999998", "scenario "}
        };
        for (String[] p : pairs) {
            for (String id : List.of(p[1], p[2])) {
                assertRefused(pl.get(p[0] + id), 404, p[3] + id + " not found");
            }
        }
        List<Map<String, Object>> audit = auditOf(TestServer.adminOf("POL"));
        for (String[] p : pairs) {
            List<List<Object>> rows = new java.util.ArrayList<>();
            for (String id : List.of(p[1], p[2])) {
                rows.add(
                        audit.stream()
                                .filter(a -> (p[3] + id).equals(a.get("target")))
                                .filter(a -> "hidden_pl".equals(a.get("user")))
                                .map(
                                        a ->
                                                List.of(
                                                        a.get("action"),
                                                        a.get("outcome"),
                                                        a.get("detail")))
                                .findFirst()
                                .orElse(null));
            }
            assertThat(rows.get(0)).as("the audit row of " + p[3] + p[1]).isNotNull();
            assertThat(rows.get(1))
                    .as("the audit row of the missing " + p[3] + p[2])
                    .isEqualTo(rows.get(0));
        }
    }

    /** Posts the order as a draft, checks that it is taken, and gives its id. */
    static String drafted(Client c, Map<String, Object> order) {
        Response r = c.post("/api/orders", order);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return (String) r.map().get("id");
    }

    /** A draft of an ALERT order for one unit, with more fields given as name, value, ... */
    private static Map<String, Object> alert(String uic, int noticeToMoveHours, Object... more) {
        Map<String, Object> order = new java.util.LinkedHashMap<>(alert(uic, noticeToMoveHours));
        for (int i = 0; i < more.length; i += 2) {
            order.put((String) more[i], more[i + 1]);
        }
        return order;
    }

    /** A draft of an ALERT order for one unit. */
    static Map<String, Object> alert(String uic, int noticeToMoveHours) {
        return Map.of(
                "kind", "ALERT", "units", List.of(uic), "noticeToMoveHours", noticeToMoveHours);
    }

    static String oneUnitCatalogue(String uic, String nation) {
        return String.join(
                "\n",
                "format: muster/catalogue@1",
                "name: one-unit",
                "stations:",
                "  - {id: RZESZOW, name: \"Rzeszow garrison\", kind: INSTALLATION, country: \"PL\","
                        + " lat: 50.0412, lon: 21.9991}",
                "units:",
                "  - {uic: " + uic + ", name: \"a unit\", nation: \"" + nation + "\",",
                "     capability: IBCT, echelon: BRIGADE, homeStation: RZESZOW, personnel: 100,",
                "     equipment: [{class: BULK, stons: 10}], readiness: 1, noticeToMoveHours: 48,",
                "     deployMode: LAND, source: \"assumption\"}",
                "");
    }

    /**
     * A unit's nation decides whose planners order it, so a catalogue may not list a unit under
     * another nation than a current catalogue does: one nation could otherwise take over, order and
     * deploy another's unit.
     */
    @Test
    void aCatalogueCannotGiveAUnitAnotherNation() throws Exception {
        currentCatalogueOfBundledUnits();
        Client pl = TestServer.user("claim_pl", "POL", Role.PLANNER);
        Client us = TestServer.user("claim_us", "USA", Role.PLANNER);
        Response claim =
                pl.postText(
                        "/api/catalogues?file=claim.yaml&marking=REL%20NATO",
                        oneUnitCatalogue("WAB2AA", "PL"));
        assertThat(claim.status()).as(claim.body()).isEqualTo(409);
        assertThat(claim.body())
                .contains("units.0.nation = 'PL'")
                .contains("unit WAB2AA is a unit of USA")
                .contains("nothing was stored");
        // the unit stays the USA's: its planners still order it, POL's may not
        Response usOrder = us.post("/api/orders", alert("WAB2AA", 24));
        assertThat(usOrder.status()).as(usOrder.body()).isEqualTo(201);
        Response plOrder = pl.post("/api/orders", alert("WAB2AA", 24));
        assertThat(plOrder.status()).as(plOrder.body()).isEqualTo(403);
        // listing a unit under the nation it already has is no takeover
        Response same =
                pl.postText(
                        "/api/catalogues?file=same.yaml&marking=REL%20NATO",
                        oneUnitCatalogue("PL21BS", "PL"));
        assertThat(same.status()).as(same.body()).isEqualTo(201);
    }

    /**
     * A nation's catalogue may list other nations' units, as the bundled one does. Retiring it does
     * not free those units for the nation that kept it: neither a new version nor a new catalogue
     * after a withdrawal may give one of them its own nation, and so take over another nation's
     * unit, which its nation could then no longer order.
     */
    @Test
    void retiringACatalogueDoesNotFreeAnotherNationsUnit() throws Exception {
        Client us = TestServer.user("retake_us", "USA", Role.PLANNER);
        Client pl = TestServer.user("retake_pl", "POL", Role.PLANNER);
        java.util.function.BiFunction<String, String, Response> importAs =
                (query, text) ->
                        us.postText(
                                "/api/catalogues?file=retake.yaml&marking=REL%20NATO" + query,
                                text);
        java.util.function.Function<Client, Integer> alert =
                c -> c.post("/api/orders", alert("PLRT01", 24)).status();
        Response first = importAs.apply("", oneUnitCatalogue("PLRT01", "PL"));
        assertThat(first.status()).as(first.body()).isEqualTo(201);
        long id = ((Number) first.map().get("id")).longValue();
        assertThat(alert.apply(pl)).isEqualTo(201);

        Response version = importAs.apply("&supersedes=" + id, oneUnitCatalogue("PLRT01", "US"));
        assertThat(version.status()).as(version.body()).isEqualTo(409);
        assertThat(version.body())
                .contains("units.0.nation = 'US'")
                .contains("unit PLRT01 is a unit of POL")
                .contains("nothing was stored");
        // a new version that keeps the unit's nation is taken
        Response kept = importAs.apply("&supersedes=" + id, oneUnitCatalogue("PLRT01", "PL"));
        assertThat(kept.status()).as(kept.body()).isEqualTo(201);
        long keptId = ((Number) kept.map().get("id")).longValue();

        Response withdrawn = Client.send(us.token(), "DELETE", "/api/catalogues/" + keptId, "", "");
        assertThat(withdrawn.status()).as(withdrawn.body()).isEqualTo(200);
        Response after = importAs.apply("", oneUnitCatalogue("PLRT01", "US"));
        assertThat(after.status()).as(after.body()).isEqualTo(409);
        assertThat(after.body()).contains("unit PLRT01 is a unit of POL");
        assertThat(alert.apply(us)).as("the USA may not order the Polish unit").isNotEqualTo(201);

        // the unit's own nation may list it under another, as when it is handed over
        Response handed =
                pl.postText(
                        "/api/catalogues?file=handed.yaml&marking=REL%20NATO",
                        oneUnitCatalogue("PLRT01", "US"));
        assertThat(handed.status()).as(handed.body()).isEqualTo(201);
        assertThat(alert.apply(us)).isEqualTo(201);
    }

    /**
     * A draft may say when the order takes effect. Without that, an order took effect when it was
     * drafted, and of two orders for one unit drafted in turn, the first could never be issued
     * after the second.
     */
    @Test
    void aDraftNamesWhenTheOrderTakesEffect() throws Exception {
        currentCatalogueOfBundledUnits();
        Client planner = TestServer.user("eff_planner", "ESP", Role.PLANNER);
        Client approver = TestServer.user("eff_approver", "ESP", Role.APPROVER);
        Response deploy =
                planner.post(
                        "/api/orders",
                        Map.of(
                                "kind", "DEPLOY",
                                "units", List.of("ESEF2K"),
                                "destination", "AA-RZE",
                                "cDay", "2030-01-10",
                                "readyDate", "2030-01-20",
                                "effective", "2030-01-10T06:00"));
        assertThat(deploy.status()).as(deploy.body()).isEqualTo(201);
        assertThat(deploy.map().get("effective")).isEqualTo("2030-01-10T06:00:00Z");
        Response alert =
                planner.post("/api/orders", alert("ESEF2K", 96, "effective", "2030-01-02"));
        assertThat(alert.status()).as(alert.body()).isEqualTo(201);
        assertThat(alert.map().get("effective")).isEqualTo("2030-01-02T00:00:00Z");
        // issued in turn: the alert first, then the deployment it leads to, though drafted after
        for (Response r : List.of(alert, deploy)) {
            String id = (String) r.map().get("id");
            Response ok = approver.post("/api/orders/" + id + "/approve", null);
            assertThat(ok.status()).as(ok.body()).isEqualTo(200);
        }
        for (Response r : List.of(alert, deploy)) {
            String id = (String) r.map().get("id");
            Response ok = planner.post("/api/orders/" + id + "/issue", null);
            assertThat(ok.status()).as(ok.body()).isEqualTo(200);
        }
        for (String bad : List.of("tomorrow", "2030-13-01", "+999999999-12-31", "0001-01-01")) {
            Response r = planner.post("/api/orders", alert("ESEF2K", 24, "effective", bad));
            assertThat(r.status()).as(bad + ": " + r.body()).isEqualTo(400);
            assertThat(r.body()).contains("field 'effective' = '" + bad + "'");
        }
    }

    /**
     * A DEPLOY carries the notice to move of the ALERT before it: a reader who sees the DEPLOY but
     * not the ALERT sees neither that notice nor the ALERTED status the DEPLOY moved the unit from.
     */
    @Test
    void theBoardShowsNothingAHiddenOrderSet() throws Exception {
        currentCatalogueOfBundledUnits();
        Client planner = TestServer.user("hid_planner", "USA", Role.PLANNER);
        Client approver = TestServer.user("hid_approver", "USA", Role.APPROVER);
        Client polish = TestServer.user("hid_pl", "POL", Role.PLANNER);
        Response alert =
                planner.post(
                        "/api/orders",
                        alert(
                                "WAC31C",
                                120,
                                "marking",
                                "USA ONLY",
                                "effective",
                                "2022-02-01T00:00"));
        // ready on a past day, so it must take effect by then
        Response deploy =
                planner.post(
                        "/api/orders",
                        Map.of(
                                "kind", "DEPLOY",
                                "units", List.of("WAC31C"),
                                "destination", "AA-RZE",
                                "cDay", "2022-02-02",
                                "readyDate", "2022-02-10",
                                "marking", "REL POL",
                                "effective", "2022-02-02T00:00"));
        for (Response r : List.of(alert, deploy)) {
            assertThat(r.status()).as(r.body()).isEqualTo(201);
            String id = (String) r.map().get("id");
            assertThat(approver.post("/api/orders/" + id + "/approve", null).status())
                    .isEqualTo(200);
            assertThat(planner.post("/api/orders/" + id + "/issue", null).status()).isEqualTo(200);
        }
        Map<String, Object> own = boardRow(planner, "WAC31C");
        assertThat(own.get("noticeToMoveHours")).isEqualTo(120);
        Map<String, Object> theirs = boardRow(polish, "WAC31C");
        assertThat(theirs.get("status")).isEqualTo("DEPLOYED");
        assertThat(theirs.get("order")).isEqualTo(deploy.map().get("id"));
        assertThat(theirs.get("noticeToMoveHours")).isNull();
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> history = (List<Map<String, Object>>) theirs.get("history");
        assertThat(history)
                .singleElement()
                .satisfies(
                        h -> {
                            assertThat(h.get("orderId")).isEqualTo(deploy.map().get("id"));
                            assertThat(h.get("from")).isNull();
                            assertThat(h.get("noticeToMoveHours")).isNull();
                            assertThat(h.get("destination")).isEqualTo("AA-RZE");
                        });
        assertThat(theirs.toString()).doesNotContain("120").doesNotContain("ALERTED");
    }

    /**
     * The order log numbers every event of every nation in one sequence, so a number shown with an
     * event would count the events between two of them, those of orders the reader may not see
     * included, as one sequence of order ids counted the other nations' orders. What a reader is
     * shown of an order and of a unit is the same whatever hidden orders were written meanwhile.
     */
    @Test
    void anOrdersEventsAndAUnitsHistoryCountNoHiddenOrders() throws Exception {
        currentCatalogueOfBundledUnits();
        Client planner = TestServer.user("count_planner", "USA", Role.PLANNER);
        Client approver = TestServer.user("count_approver", "USA", Role.APPROVER);
        Client polish = TestServer.user("count_pl", "POL", Role.OBSERVER);
        java.util.function.BiFunction<String, String, String> draft =
                (uic, marking) -> {
                    Response r =
                            planner.post(
                                    "/api/orders",
                                    Map.of(
                                            "kind",
                                            "ALERT",
                                            "units",
                                            List.of(uic),
                                            "noticeToMoveHours",
                                            24,
                                            "marking",
                                            marking,
                                            "effective",
                                            "2022-03-01T00:00"));
                    assertThat(r.status()).as(r.body()).isEqualTo(201);
                    return (String) r.map().get("id");
                };
        java.util.function.BiConsumer<String, String> act =
                (id, verb) -> {
                    Client by = verb.equals("approve") ? approver : planner;
                    Response r = by.post("/api/orders/" + id + "/" + verb, null);
                    assertThat(r.status()).as(r.body()).isEqualTo(200);
                };
        // one order with nothing between its events, one with a hidden order's events between
        String quiet = draft.apply("WMD2F1", "REL POL");
        act.accept(quiet, "approve");
        act.accept(quiet, "issue");
        String busy = draft.apply("WMD2F2", "REL POL");
        String hidden = draft.apply("WSU553", "USA ONLY");
        act.accept(hidden, "approve");
        act.accept(busy, "approve");
        act.accept(hidden, "issue");
        act.accept(busy, "issue");

        assertThat(polish.get("/api/orders/" + hidden).status()).isEqualTo(404);
        assertThat(shape(orderEvents(polish, busy)))
                .as("the events of an order with hidden events between them")
                .isEqualTo(shape(orderEvents(polish, quiet)));
        assertThat(shape(history(polish, "WMD2F2")))
                .as("a unit's history with hidden orders issued between")
                .isEqualTo(shape(history(polish, "WMD2F1")));
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> orderEvents(Client c, String id) {
        Response r = c.get("/api/orders/" + id);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return (List<Map<String, Object>>) r.map().get("events");
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> history(Client c, String uic) throws Exception {
        return (List<Map<String, Object>>)
                c.get("/api/readiness?asOf=2022-03-02&size=500").items().stream()
                        .filter(r -> uic.equals(r.get("uic")))
                        .findFirst()
                        .orElseThrow(() -> new AssertionError(uic + " not on the board"))
                        .get("history");
    }

    /** Entries without what differs between two orders alike: their ids and times. */
    private static List<Map<String, Object>> shape(List<Map<String, Object>> entries) {
        return entries.stream()
                .map(
                        e -> {
                            Map<String, Object> m = new java.util.TreeMap<>(e);
                            m.keySet().removeAll(List.of("orderId", "at", "effective"));
                            return (Map<String, Object>) m;
                        })
                .toList();
    }

    private static Map<String, Object> boardRow(Client c, String uic) throws Exception {
        return c.get("/api/readiness?size=500").items().stream()
                .filter(r -> uic.equals(r.get("uic")))
                .findFirst()
                .orElseThrow(() -> new AssertionError(uic + " not on the board"));
    }

    /**
     * A request body is read whole or refused: a cancel's reason in the body is kept, a field an
     * approval does not take is refused, a value of the wrong kind is not turned into text, a text
     * of megabytes is refused, and a body that is not JSON is named by line and column without the
     * parser's own notes.
     */
    @Test
    void requestBodiesAreReadWholeOrRefusedByField() throws Exception {
        currentCatalogueOfBundledUnits();
        Client planner = TestServer.user("body_planner", "DNK", Role.PLANNER);
        Client approver = TestServer.user("body_approver", "DNK", Role.APPROVER);
        Map<String, Object> alert = alert("DKF16D", 48);
        String id = drafted(planner, alert);
        Response bogus = approver.post("/api/orders/" + id + "/approve", Map.of("bogus", 1));
        assertThat(bogus.status()).as(bogus.body()).isEqualTo(400);
        assertThat(bogus.body()).contains("field 'bogus' is not one this request takes");
        Response cancel =
                planner.post(
                        "/api/orders/" + id + "/cancel", Map.of("reason", "superseded by ORD-11"));
        assertThat(cancel.status()).as(cancel.body()).isEqualTo(200);
        assertThat(cancel.map().get("cancelReason")).isEqualTo("superseded by ORD-11");

        Map<String, Object> wrongKind = new java.util.LinkedHashMap<>(alert);
        wrongKind.put("authority", true);
        Response coerced = planner.post("/api/orders", wrongKind);
        assertThat(coerced.status()).as(coerced.body()).isEqualTo(400);
        assertThat(coerced.body()).contains("field 'authority' = true");
        Map<String, Object> textNumber = new java.util.LinkedHashMap<>(alert);
        textNumber.put("noticeToMoveHours", "48");
        Response fromText = planner.post("/api/orders", textNumber);
        assertThat(fromText.status()).as(fromText.body()).isEqualTo(400);
        assertThat(fromText.body())
                .contains("field 'noticeToMoveHours' = ")
                .contains("48")
                .contains("not a whole number");
        Map<String, Object> huge = new java.util.LinkedHashMap<>(alert);
        huge.put("note", "x".repeat(RequestBody.MAX_TEXT + 1));
        Response tooLong = planner.post("/api/orders", huge);
        assertThat(tooLong.status()).as(tooLong.body()).isEqualTo(400);
        assertThat(tooLong.body()).contains("field 'note' holds 10001 characters");

        Response broken =
                Client.send(
                        planner.token(),
                        "POST",
                        "/api/orders",
                        "{\"kind\":\"ALERT\"",
                        "application/json");
        assertThat(broken.status()).isEqualTo(400);
        assertThat(broken.body())
                .contains("not valid JSON at line 1, column")
                .doesNotContain("Source")
                .doesNotContain("StreamReadFeature");
    }

    /** A path the web server itself refuses (a NUL in it) is answered in JSON like any other. */
    @Test
    void aPathTheWebServerRefusesIsAnsweredInJson() {
        Client reader = TestServer.user("nul_path", "USA", Role.OBSERVER);
        for (String path : List.of("/api/orders/%00", "/api/plans/%00")) {
            Response r = reader.get(path);
            assertThat(r.status()).as(path).isEqualTo(400);
            assertThat(r.body()).as(path).startsWith("{\"error\":").doesNotContain("<html");
        }
    }

    /** A board date with no next day (the board reads to the end of its day) is refused by name. */
    @Test
    void aBoardDateBeyondTheYear9999IsRefusedByName() throws Exception {
        Client reader = TestServer.user("asof_reader", "USA", Role.PLANNER);
        for (String day : List.of("%2B999999999-12-31", "%2B10000-01-01", "1899-12-31")) {
            Response r = reader.get("/api/readiness?asOf=" + day);
            assertThat(r.status()).as(day + ": " + r.body()).isEqualTo(400);
            assertThat(r.body()).contains("field 'asOf'").contains("outside 1900 to 9999");
        }
        assertThat(reader.get("/api/readiness?asOf=2022-02-01").status()).isEqualTo(200);
    }

    /** A draft the order model refuses takes no number: the nation's numbers stay gapless. */
    @Test
    void aRefusedDraftTakesNoOrderNumber() throws Exception {
        currentCatalogueOfBundledUnits();
        Client pl = TestServer.user("refused_numbers_pl", "POL", Role.PLANNER);
        Response first = pl.post("/api/orders", alert("PL21BS", 48));
        assertThat(first.status()).as(first.body()).isEqualTo(201);
        Response refused = pl.post("/api/orders", alert("PL21BS", -1));
        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(refused.body()).contains("notice to move");
        Response second = pl.post("/api/orders", alert("PL21BS", 24));
        assertThat(second.status()).as(second.body()).isEqualTo(201);
        long a = number((String) first.map().get("id"), "POL");
        long b = number((String) second.map().get("id"), "POL");
        assertThat(b).as("the POL order after a refused draft").isEqualTo(a + 1);
    }

    private static long number(String id, String nation) {
        assertThat(id).matches(nation + "-ORD-[0-9]+");
        return Long.parseLong(id.substring(nation.length() + 5));
    }

    @Test
    void oddValuesInARequestAreRefusedByFieldNotStoredNorFailedInside() throws Exception {
        currentCatalogueOfBundledUnits();
        Client p = TestServer.user("odd_planner", "ITA", Role.PLANNER);
        Map<String, String> bodies = new java.util.LinkedHashMap<>();
        bodies.put(
                "{\"kind\":\"ALERT\",\"units\":[null],\"noticeToMoveHours\":5}",
                "field 'units.0': empty");
        bodies.put(
                "{\"kind\":\"ALERT\",\"units\":[\"ITN\\u0000RFB\"],\"noticeToMoveHours\":5}",
                "field 'units.0' holds a NUL character");
        bodies.put(
                "{\"kind\":\"ALERT\",\"units\":[\"ITNRFB\"],\"noticeToMoveHours\":4.7}",
                "field 'noticeToMoveHours' = 4.7: not a whole number");
        bodies.put(
                "{\"kind\":\"ALERT\",\"units\":[\"ITNRFB\"],\"noticeToMoveHours\":99999999999}",
                "field 'noticeToMoveHours' = 99999999999: out of range");
        int before = p.get("/api/orders?size=500").items().size();
        bodies.forEach(
                (body, fragment) -> {
                    Response r =
                            Client.send(p.token(), "POST", "/api/orders", body, "application/json");
                    assertThat(r.status()).as(body + ": " + r.body()).isEqualTo(400);
                    assertThat(r.body()).as(body).contains(fragment);
                });
        Response login =
                Client.send(
                        null,
                        "POST",
                        "/api/login",
                        "{\"username\":\"ad\\u0000min\",\"password\":\"x\"}",
                        "application/json");
        assertThat(login.status()).isEqualTo(400);
        Response method = Client.send(p.token(), "PUT", "/api/orders/X", "{}", "application/json");
        assertThat(method.status()).isEqualTo(405);
        assertThat(method.map())
                .containsEntry("error", "method PUT not allowed on /api/orders/X; it takes GET");
        Response nowhere = p.get("/api/nosuch/X");
        assertThat(nowhere.status()).isEqualTo(404);
        assertThat(nowhere.map()).containsEntry("error", "no endpoint GET /api/nosuch/X");
        Response query = p.get("/api/orders?status=a%00b");
        assertThat(query.status()).isEqualTo(400);
        assertThat(query.body()).contains("query parameter 'status' holds a NUL character");
        assertThat(p.get("/api/orders?size=500").items()).hasSize(before);
    }

    /**
     * A NUL character in a scenario's text (a ULN, its name), written as a YAML escape, is a fault
     * of the file named by line, path and field, at validation and at import; before, validation
     * called the file valid and the import answered 500 with the database's refusal.
     */
    @Test
    void aScenarioWithANulInItsTextsIsRefusedByFaultNotFailedInside() throws Exception {
        Client p = TestServer.user("nul_scenario", "USA", Role.PLANNER);
        String bundled =
                java.nio.file.Files.readString(
                        java.nio.file.Path.of("../scenarios/eastern-flank-2022.yaml"));
        Map<String, String> files = new java.util.LinkedHashMap<>();
        files.put("requirements[0].uln", bundled.replace("uln: \"U1B0A01\"", "uln: \"U1B\\0A01\""));
        files.put(
                "name",
                bundled.replace("\nname: eastern-flank-2022\n", "\nname: \"eastern\\0flank\"\n"));
        int before = p.get("/api/scenarios").list().size();
        files.forEach(
                (path, text) -> {
                    assertThat(text).as(path).isNotEqualTo(bundled);
                    Response check = p.postText("/api/scenarios/validate?file=nul.yaml", text);
                    assertThat(check.status()).as(check.body()).isEqualTo(200);
                    assertThat(check.map()).as(path).containsEntry("valid", false);
                    Response imp = p.postText("/api/scenarios?file=nul.yaml", text);
                    assertThat(imp.status()).as(path + ": " + imp.body()).isEqualTo(422);
                    List<Map<String, Object>> faults =
                            (List<Map<String, Object>>) imp.map().get("details");
                    assertThat(faults)
                            .as(imp.body())
                            .anySatisfy(
                                    f -> {
                                        assertThat(f).containsEntry("path", path);
                                        assertThat((String) f.get("message"))
                                                .contains("NUL character (U+0000)");
                                        assertThat((String) f.get("value")).contains("\\u0000");
                                        assertThat((Integer) f.get("line")).isPositive();
                                    });
                    assertThat(imp.body()).doesNotContain("internal error");
                });
        assertThat(p.get("/api/scenarios").list()).hasSize(before);
    }

    /**
     * A query parameter given twice is refused by name, not read as its first value: a cancel with
     * two reasons recorded the first, and a second page size out of range went unseen. A yes-or-no
     * parameter is true or false: {@code ?all=1} was read as false.
     */
    @Test
    void aQueryParameterGivenTwiceOrOutOfItsValuesIsRefusedAndRecordsNothing() throws Exception {
        currentCatalogueOfBundledUnits();
        Client p = TestServer.user("twice_planner", "NOR", Role.PLANNER);
        String id = drafted(p, alert("NOEFPR", 24));
        Response cancel = p.postText("/api/orders/" + id + "/cancel?reason=a&reason=b", "");
        assertThat(cancel.status()).as(cancel.body()).isEqualTo(400);
        assertThat(cancel.map())
                .containsEntry(
                        "error", "query parameter 'reason' given 2 times ('a', 'b'); give it once");
        assertThat(p.get("/api/orders/" + id).map()).containsEntry("status", "DRAFT");
        Response size = p.get("/api/orders?size=1&size=600");
        assertThat(size.status()).as(size.body()).isEqualTo(400);
        assertThat(size.body()).contains("query parameter 'size' given 2 times");
        assertThat(p.get("/api/orders?size=1").status()).isEqualTo(200);
        Response all = p.get("/api/catalogues?all=1");
        assertThat(all.status()).as(all.body()).isEqualTo(400);
        assertThat(all.map())
                .containsEntry("error", "query parameter 'all' = '1': use true or false");
        assertThat(p.get("/api/catalogues?all=true").status()).isEqualTo(200);
    }

    /**
     * A whole number in a query parameter or a path is written with the digits 0 to 9 alone, and
     * one of other digits is refused naming the parameter and the value: parseInt and parseLong
     * read those of every script, so {@code ?size=١٠} (Arabic-Indic) was a page of 10 and {@code
     * /api/scenarios/١} scenario 1.
     */
    @Test
    void aWholeNumberOfOtherDigitsInAQueryOrAPathIsRefusedByName() throws Exception {
        Client p = TestServer.user("digits_planner", "NOR", Role.PLANNER);
        String arabicTen = "%D9%A1%D9%A0";
        Response size = p.get("/api/orders?size=" + arabicTen);
        assertThat(size.status()).as(size.body()).isEqualTo(400);
        assertThat(size.map())
                .containsEntry(
                        "error", "query parameter 'size' = '\u0661\u0660': not a whole number");
        Response page = p.get("/api/orders?page=%EF%BC%90");
        assertThat(page.status()).as(page.body()).isEqualTo(400);
        assertThat(page.map())
                .containsEntry("error", "query parameter 'page' = '\uff10': not a whole number");
        Response path = p.get("/api/scenarios/%D9%A1");
        assertThat(path.status()).as(path.body()).isEqualTo(400);
        assertThat(path.map())
                .containsEntry("error", "path parameter 'id' = '\u0661': not a number");
        Response runs = p.get("/api/sourcing/runs?scenario=%D9%A1");
        assertThat(runs.status()).as(runs.body()).isEqualTo(400);
        assertThat(runs.map())
                .containsEntry("error", "query parameter 'scenario' = '\u0661': not a scenario id");
        Response sup =
                p.postText("/api/catalogues?file=units.yaml&supersedes=%D9%A1", bundledCatalogue());
        assertThat(sup.status()).as(sup.body()).isEqualTo(400);
        assertThat(sup.body()).contains("'supersedes' = '\u0661': not a catalogue id");
        assertThat(p.get("/api/orders?size=10&page=0").status()).isEqualTo(200);
    }

    /**
     * A body is of a type its route takes: a JSON route took one sent as text/plain or as a form
     * (which a page of another site may send without asking), and a file's route any body at all.
     * Another declared type is refused with 415 naming it and the types taken, and records nothing;
     * a type's parameters (charset) are read past, and a body sent with no type is read as the
     * route's.
     */
    @Test
    @SuppressWarnings("unchecked")
    void aBodyOfATypeItsRouteDoesNotTakeIsRefusedWith415AndRecordsNothing() throws Exception {
        currentCatalogueOfBundledUnits();
        Client p = TestServer.user("type_planner", "NOR", Role.PLANNER);
        String order = Json.write(alert("NOEFPR", 24));
        int before = p.get("/api/orders?size=500").items().size();
        for (String type :
                List.of(
                        "text/plain",
                        "text/plain; charset=UTF-8",
                        "application/x-www-form-urlencoded",
                        "multipart/form-data; boundary=x")) {
            Response r = Client.send(p.token(), "POST", "/api/orders", order, type);
            assertThat(r.status()).as(type + ": " + r.body()).isEqualTo(415);
            String media = type.split(";")[0];
            assertThat(r.map())
                    .containsEntry(
                            "error",
                            "Content-Type '"
                                    + media
                                    + "' is not one POST /api/orders takes; it takes"
                                    + " application/json");
            Map<String, Object> details = (Map<String, Object>) r.map().get("details");
            assertThat(details)
                    .containsEntry("received", media)
                    .containsEntry("takes", List.of("application/json"));
        }
        assertThat(p.get("/api/orders?size=500").items()).hasSize(before);
        Response login =
                Client.send(
                        null,
                        "POST",
                        "/api/login",
                        "{\"username\":\"type_planner\",\"password\":\"x\"}",
                        "text/plain");
        assertThat(login.status()).as(login.body()).isEqualTo(415);

        String scenario =
                java.nio.file.Files.readString(
                        Path.of("..", "scenarios", "eastern-flank-2022.yaml"));
        Response form =
                Client.send(
                        p.token(),
                        "POST",
                        "/api/scenarios/validate?file=x.yaml",
                        scenario,
                        "application/x-www-form-urlencoded");
        assertThat(form.status()).as(form.body()).isEqualTo(415);
        assertThat(form.map().get("error"))
                .isEqualTo(
                        "Content-Type 'application/x-www-form-urlencoded' is not one POST"
                                + " /api/scenarios/validate takes; it takes text/plain,"
                                + " application/yaml, application/x-yaml, text/yaml, text/csv,"
                                + " application/json");
        for (String type : List.of("text/plain; charset=UTF-8", "application/yaml")) {
            Response ok =
                    Client.send(
                            p.token(),
                            "POST",
                            "/api/scenarios/validate?file=x.yaml",
                            scenario,
                            type);
            assertThat(ok.status()).as(type + ": " + ok.body()).isEqualTo(200);
        }

        Response json =
                Client.send(
                        p.token(), "POST", "/api/orders", order, "application/json; charset=utf-8");
        assertThat(json.status()).as(json.body()).isEqualTo(201);
        Response none = Client.send(p.token(), "POST", "/api/orders", order, null);
        assertThat(none.status()).as(none.body()).isEqualTo(201);
        assertThat(p.get("/api/orders?size=500").items()).hasSize(before + 2);
    }

    /**
     * A body is read as UTF-8: one declared in another charset (ISO-8859-1, UTF-16, one Java does
     * not know, a charset with no value) is refused with 415 naming it, where ISO-8859-1 and UTF-16
     * were read by it, an unknown one answered 400 with its name alone and one with no value 500;
     * bytes that are not UTF-8, or not ASCII when US-ASCII is declared, are refused with 400 naming
     * the first, where each was stored as U+FFFD. Nothing is recorded.
     */
    @Test
    void aBodyIsReadAsUtf8AndAnotherCharsetOrBytesNotUtf8AreRefused() throws Exception {
        currentCatalogueOfBundledUnits();
        Client p = TestServer.user("charset_planner", "NOR", Role.PLANNER);
        String order =
                "{\"kind\":\"ALERT\",\"units\":[\"NOEFPR\"],\"noticeToMoveHours\":24,"
                        + "\"note\":\"caf\u00e9\"}";
        int before = p.get("/api/orders?size=500").items().size();
        for (String charset :
                List.of("ISO-8859-1", "UTF-16", "windows-1252", "\"utf-16le\"", "bogus", "")) {
            String name = charset.replace("\"", "");
            byte[] bytes =
                    !name.isEmpty() && java.nio.charset.Charset.isSupported(name)
                            ? order.getBytes(java.nio.charset.Charset.forName(name))
                            : order.getBytes(StandardCharsets.UTF_8);
            String type = "application/json; charset" + (charset.isEmpty() ? "" : "=" + charset);
            Response r = Client.send(p.token(), "POST", "/api/orders", bytes, type);
            assertThat(r.status()).as(type + ": " + r.body()).isEqualTo(415);
            // the server may be handed a well-known type in lower case ('iso-8859-1')
            assertThat((String) r.map().get("error"))
                    .isEqualToIgnoringCase(
                            "Content-Type charset '"
                                    + name
                                    + "' is not one the server takes; send the body in UTF-8,"
                                    + " with charset=utf-8 or no charset");
            @SuppressWarnings("unchecked")
            Map<String, Object> details = (Map<String, Object>) r.map().get("details");
            assertThat((String) details.get("charset")).isEqualToIgnoringCase(name);
        }

        // Javalin reads the query by the declared charset too: one with no value was a 500 on any
        // route
        Response get =
                Client.send(p.token(), "GET", "/api/orders?size=1", "", "text/plain; charset");
        assertThat(get.status()).as(get.body()).isEqualTo(415);

        byte[] latin1 = order.getBytes(StandardCharsets.ISO_8859_1);
        int at = order.indexOf('\u00e9');
        for (String type : List.of("application/json", "application/json; charset=UTF-8")) {
            Response r = Client.send(p.token(), "POST", "/api/orders", latin1, type);
            assertThat(r.status()).as(type + ": " + r.body()).isEqualTo(400);
            // 0xE9 begins a sequence of three bytes, and the quote after it does not go on with it
            assertThat(r.map().get("error"))
                    .isEqualTo(
                            "request body is not valid UTF-8: byte 0x22 at byte offset "
                                    + (at + 1)
                                    + " is not a valid continuation of a multi-byte sequence"
                                    + " (line 1); send it in UTF-8");
        }
        Response ascii =
                Client.send(
                        p.token(),
                        "POST",
                        "/api/orders",
                        order.getBytes(StandardCharsets.UTF_8),
                        "application/json; charset=US-ASCII");
        assertThat(ascii.status()).as(ascii.body()).isEqualTo(400);
        assertThat(ascii.map().get("error"))
                .isEqualTo(
                        "request body is declared US-ASCII but holds byte 0xC3 at byte offset "
                                + at
                                + " (line 1), which is not ASCII; send it in UTF-8");
        String scenario =
                java.nio.file.Files.readString(
                        Path.of("..", "scenarios", "eastern-flank-2022.yaml"));
        Response file =
                Client.send(
                        p.token(),
                        "POST",
                        "/api/scenarios/validate?file=x.yaml",
                        ("# Rzesz\u00f3w\n" + scenario).getBytes(StandardCharsets.ISO_8859_1),
                        "text/plain");
        assertThat(file.status()).as(file.body()).isEqualTo(400);
        assertThat(file.map().get("error").toString())
                .startsWith("request body is not valid UTF-8: byte 0x77 at byte offset 8 is");
        assertThat(p.get("/api/orders?size=500").items()).hasSize(before);

        for (String type :
                List.of(
                        "application/json; charset=\"utf-8\"",
                        "application/json;charset=utf8",
                        "application/json; charset=UTF-8")) {
            Response ok =
                    Client.send(
                            p.token(),
                            "POST",
                            "/api/orders",
                            order.getBytes(StandardCharsets.UTF_8),
                            type);
            assertThat(ok.status()).as(type + ": " + ok.body()).isEqualTo(201);
            assertThat(ok.map()).containsEntry("note", "caf\u00e9");
        }
        Response plain =
                Client.send(
                        p.token(),
                        "POST",
                        "/api/orders",
                        order.replace("caf\u00e9", "cafe").getBytes(StandardCharsets.US_ASCII),
                        "application/json; charset=us-ascii");
        assertThat(plain.status()).as(plain.body()).isEqualTo(201);
    }

    /**
     * An order's approve, issue and cancel, and a user's deactivate and activate, read an optional
     * JSON body ({@code {}}, a cancel's {@code {"reason": ...}}) and take its type as the other
     * JSON routes do: a cancel sent as text/plain or as a form was recorded with its reason, as a
     * page of another site may send one. Another declared type is refused with 415 and the step is
     * not taken; one sent as application/json, or with no body, is.
     */
    @Test
    void anOrderStepOrAUsersActivationWithABodyOfAnotherTypeIsRefusedWith415() throws Exception {
        currentCatalogueOfBundledUnits();
        Client planner = TestServer.user("step_type_planner", "NOR", Role.PLANNER);
        Client approver = TestServer.user("step_type_approver", "NOR", Role.APPROVER);
        String id = drafted(planner, alert("NOEFPR", 24));
        String order = "/api/orders/" + id;
        for (String type : List.of("text/plain", "application/x-www-form-urlencoded")) {
            Response approve =
                    Client.send(approver.token(), "POST", order + "/approve", "{}", type);
            assertThat(approve.status()).as(type + ": " + approve.body()).isEqualTo(415);
            assertThat(approve.map().get("error"))
                    .isEqualTo(
                            "Content-Type '"
                                    + type
                                    + "' is not one POST /api/orders/{id}/approve takes; it takes"
                                    + " application/json");
        }
        assertThat(planner.get(order).map().get("status")).isEqualTo("DRAFT");
        Response approved =
                Client.send(approver.token(), "POST", order + "/approve", "{}", "application/json");
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);

        Response issue = Client.send(planner.token(), "POST", order + "/issue", "{}", "text/plain");
        assertThat(issue.status()).as(issue.body()).isEqualTo(415);
        for (String type : List.of("text/plain", "application/x-www-form-urlencoded")) {
            Response cancel =
                    Client.send(
                            planner.token(),
                            "POST",
                            order + "/cancel",
                            "{\"reason\":\"sent from another site\"}",
                            type);
            assertThat(cancel.status()).as(type + ": " + cancel.body()).isEqualTo(415);
        }
        assertThat(planner.get(order).map().get("status")).isEqualTo("APPROVED");
        Response cancelled =
                Client.send(
                        planner.token(),
                        "POST",
                        order + "/cancel",
                        "{\"reason\":\"not needed\"}",
                        "application/json; charset=utf-8");
        assertThat(cancelled.status()).as(cancelled.body()).isEqualTo(200);
        assertThat(cancelled.map()).containsEntry("cancelReason", "not needed");

        Client session = TestServer.user("step_type_user", "NOR", Role.PLANNER);
        Client admin = TestServer.adminOf("NOR");
        for (String verb : List.of("deactivate", "activate")) {
            Response r =
                    Client.send(
                            admin.token(),
                            "POST",
                            "/api/users/step_type_user/" + verb,
                            "{}",
                            "text/plain");
            assertThat(r.status()).as(verb + ": " + r.body()).isEqualTo(415);
        }
        assertThat(session.get("/api/me").status()).as("the user is still active").isEqualTo(200);
    }

    /**
     * A query parameter the route does not take is refused, naming it, its value, the ones the
     * route takes and the likely one meant, where it was dropped without a word ({@code
     * ?lates=true} gave every line, {@code ?limt=1} no limit); a refused step records nothing.
     */
    @Test
    @SuppressWarnings("unchecked")
    void aQueryParameterTheRouteDoesNotTakeIsRefusedWithAHintAndRecordsNothing() throws Exception {
        currentCatalogueOfBundledUnits();
        Client p = TestServer.user("unknown_param_planner", "NOR", Role.PLANNER);
        String id = drafted(p, alert("NOEFPR", 24));
        Response cancel = p.postText("/api/orders/" + id + "/cancel?reasn=stood+down", "");
        assertThat(cancel.status()).as(cancel.body()).isEqualTo(400);
        assertThat(cancel.map())
                .containsEntry(
                        "error",
                        "query parameter 'reasn' = 'stood down' is not one POST"
                                + " /api/orders/{id}/cancel takes; it takes reason. Maybe"
                                + " 'reason'?");
        Map<String, Object> details = (Map<String, Object>) cancel.map().get("details");
        assertThat(details)
                .containsEntry("parameter", "reasn")
                .containsEntry("value", "stood down")
                .containsEntry("takes", List.of("reason"))
                .containsEntry("hint", "reason");
        assertThat(p.get("/api/orders/" + id).map()).containsEntry("status", "DRAFT");
        int before = p.get("/api/orders?size=500").items().size();
        Response draft = p.post("/api/orders?nots=x", alert("NOEFPR", 12));
        assertThat(draft.status()).as(draft.body()).isEqualTo(400);
        assertThat(draft.body())
                .contains("query parameter 'nots' = 'x' is not one POST /api/orders");
        assertThat(draft.body()).contains("it takes no query parameters");
        assertThat(p.get("/api/orders?size=500").items()).hasSize(before);
        Response list = p.get("/api/orders?stauts=DRAFT");
        assertThat(list.status()).as(list.body()).isEqualTo(400);
        assertThat(list.body())
                .contains("it takes status, page, size. Maybe 'status'?")
                .contains("GET /api/orders takes");
        assertThat(p.get("/api/orders?status=DRAFT&page=0&size=1").status()).isEqualTo(200);
        Response me = p.get("/api/me?x=1");
        assertThat(me.status()).as(me.body()).isEqualTo(400);
        assertThat(me.body()).contains("'x' = '1' is not one GET /api/me takes");
        Response none = p.get("/api/nosuch?x=1");
        assertThat(none.status()).as(none.body()).isEqualTo(404);
        Response cancelled =
                Client.send(
                        p.token(),
                        "POST",
                        "/api/orders/" + id + "/cancel?reason=stood+down",
                        "",
                        null);
        assertThat(cancelled.status()).as(cancelled.body()).isEqualTo(200);
    }

    /**
     * A field given twice in a body is refused by name, not read as its last value; a body for a
     * request that takes no fields is told so, where the refusal listed "the fields , ".
     */
    @Test
    void aBodyFieldGivenTwiceIsRefusedByNameAndRecordsNothing() throws Exception {
        currentCatalogueOfBundledUnits();
        Client p = TestServer.user("dup_planner", "NOR", Role.PLANNER);
        int before = p.get("/api/orders?size=500").items().size();
        Response dup =
                Client.send(
                        p.token(),
                        "POST",
                        "/api/orders",
                        "{\"kind\":\"ALERT\",\"units\":[\"NOEFPR\"],\"noticeToMoveHours\":48,"
                                + "\"noticeToMoveHours\":2}",
                        "application/json");
        assertThat(dup.status()).as(dup.body()).isEqualTo(400);
        assertThat(dup.body()).contains("field 'noticeToMoveHours' given twice");
        assertThat(p.get("/api/orders?size=500").items()).hasSize(before);
        String id = drafted(p, alert("NOEFPR", 24));
        Response noFields =
                Client.send(
                        p.token(),
                        "POST",
                        "/api/orders/" + id + "/issue",
                        "[]",
                        "application/json");
        assertThat(noFields.status()).isEqualTo(400);
        assertThat(noFields.map())
                .containsEntry(
                        "error", "request body: give no body or an empty JSON object {}, not []");
    }

    @Test
    void planViewFiltersLinesMissionsAndMeasuresAndPaginates() {
        Client us = TestServer.user("view_us", "USA", Role.PLANNER, Role.LIAISON);
        Client pl = TestServer.user("view_pl", "POL", Role.OBSERVER);
        User usUser = Fixtures.me(us);
        var s =
                Fixtures.scenario(
                        "view", "V1", "US", "V2", "US", "V3", "PL", "V4", "PL", "V5", "US");
        long sid = srv.api().importScenario(usUser, s, "REL NATO", "view.yaml", "");
        assertThat(
                        us.patch(
                                        "/api/scenarios/" + sid + "/lines/V2/marking",
                                        Map.of("marking", "US ONLY"))
                                .status())
                .isEqualTo(200);
        long pid = Fixtures.storePlan(srv, sid, usUser, "REL NATO", Fixtures.plan(s));

        Response all = us.get("/api/plans/" + pid + "/lines?size=2&page=1");
        assertThat(all.map().get("total")).isEqualTo(5);
        assertThat(all.items()).extracting(l -> l.get("uln")).containsExactly("V3", "V4");
        Response plLines = pl.get("/api/plans/" + pid + "/lines?size=100");
        assertThat(plLines.items())
                .extracting(l -> l.get("uln"))
                .containsExactly("V1", "V3", "V4", "V5");
        Response plMissions = pl.get("/api/plans/" + pid + "/missions");
        assertThat(plMissions.items())
                .extracting(m -> m.get("id"))
                .doesNotContain("M-V2")
                .hasSize(4);
        Map<String, Object> measures =
                (Map<String, Object>) pl.get("/api/plans/" + pid).map().get("measures");
        assertThat(measures.get("lines")).isEqualTo(4);
        assertThat(measures.get("hiddenLines")).isEqualTo(1);
        Response late = pl.get("/api/plans/" + pid + "/lines?late=true");
        assertThat(late.items()).allSatisfy(l -> assertThat((int) l.get("lateDays")).isPositive());
        Response summary = pl.get("/api/plans/" + pid + "/summary");
        assertThat(summary.status()).isEqualTo(200);
        assertThat(summary.map()).containsKeys("closureCurve", "missionsPerDay", "nodeLoad");
        Response export = pl.get("/api/plans/" + pid + "/export");
        assertThat(export.body()).doesNotContain("\"V2\"").doesNotContain("M-V2");
    }

    /** A scenario of {@code n} lines (ULNs B00000...) of USA and POL and its plan, stored. */
    static long[] bigPlan(MusterServer srv, User by, String name, int n) {
        String[] ulnNation = new String[2 * n];
        for (int i = 0; i < n; i++) {
            ulnNation[2 * i] = String.format("B%05d", i);
            ulnNation[2 * i + 1] = i % 3 == 0 ? "PL" : "US";
        }
        var s = Fixtures.scenario(name, ulnNation);
        long sid = srv.api().importScenario(by, s, "REL NATO", name + ".yaml", "");
        return new long[] {sid, Fixtures.storePlan(srv, sid, by, "REL NATO", Fixtures.plan(s))};
    }

    @Test
    void planViewsOfABigPlanArePagedAndAggregatedWhateverItsSize() {
        Client us = TestServer.user("big_us", "USA", Role.PLANNER);
        Client li = TestServer.user("big_us_li", "USA", Role.LIAISON);
        User usUser = Fixtures.me(us);
        long[] small = bigPlan(srv, usUser, "big-small", 60);
        long[] big = bigPlan(srv, usUser, "big-big", 3000);
        long pid = big[1];

        // lines and missions come a page at a time, with the total count
        Response first = us.get("/api/plans/" + pid + "/missions");
        assertThat(first.map()).containsEntry("total", 3000).containsEntry("size", 100);
        assertThat(first.items()).hasSize(100);
        Response page = us.get("/api/plans/" + pid + "/lines?page=3&size=500");
        assertThat(page.map()).containsEntry("total", 3000);
        assertThat(page.items())
                .hasSize(500)
                .first()
                .satisfies(l -> assertThat(l.get("uln")).isEqualTo("B01500"));
        Response last = us.get("/api/plans/" + pid + "/lines?page=5&size=500");
        assertThat(last.items()).hasSize(500);
        assertThat(us.get("/api/plans/" + pid + "/lines?page=6&size=500").items()).isEmpty();
        assertThat(us.get("/api/plans/" + pid + "/missions?size=501").status()).isEqualTo(400);
        Response late = us.get("/api/plans/" + pid + "/lines?late=true&size=50");
        assertThat(late.map()).containsEntry("total", 1000); // every third line is late
        assertThat(late.items()).hasSize(50);

        // the summary is aggregated: its series follow the horizon and the ports, not the
        // number of missions, so a plan fifty times bigger gives a summary of the same shape
        Map<String, Object> sBig = us.get("/api/plans/" + pid + "/summary").map();
        Map<String, Object> sSmall = us.get("/api/plans/" + small[1] + "/summary").map();
        for (String k : List.of("closureCurve", "flows", "nodeLoad")) {
            assertThat((List<?>) sBig.get(k)).as(k).hasSameSizeAs((List<?>) sSmall.get(k));
        }
        assertThat(((Map<?, ?>) sBig.get("missionsPerDay")).keySet())
                .isEqualTo(((Map<?, ?>) sSmall.get("missionsPerDay")).keySet());
        assertThat((List<?>) sBig.get("closureCurve")).hasSize(11); // horizon 10 days
        @SuppressWarnings("unchecked")
        Map<String, Object> measures = (Map<String, Object>) sBig.get("measures");
        assertThat(measures).containsEntry("missions", 3000).containsEntry("lines", 3000);
        String bigJson = us.get("/api/plans/" + pid + "/summary").body();
        String smallJson = us.get("/api/plans/" + small[1] + "/summary").body();
        assertThat(bigJson.length()).isLessThan(2 * smallJson.length());

        // the network the map needs comes without the lines
        Response net = us.get("/api/scenarios/" + big[0] + "/network");
        assertThat(net.status()).isEqualTo(200);
        assertThat(net.map())
                .containsKeys("nodes", "routes", "lift")
                .doesNotContainKey("requirements");
        assertThat(net.body()).doesNotContain("B00001");

        // the kept views follow the markings: once a line is withheld from POL, a Polish
        // observer's pages and counts leave it out, while the owner's still have it
        Client pl = TestServer.user("big_pl_ob", "POL", Role.OBSERVER);
        assertThat(pl.get("/api/plans/" + pid + "/lines?size=1").map())
                .containsEntry("total", 3000);
        assertThat(
                        li.patch(
                                        "/api/scenarios/" + big[0] + "/lines/B00001/marking",
                                        Map.of("marking", "USA ONLY"))
                                .status())
                .isEqualTo(200);
        assertThat(pl.get("/api/plans/" + pid + "/lines?size=1").map())
                .containsEntry("total", 2999);
        assertThat(pl.get("/api/plans/" + pid + "/missions?size=1").map())
                .containsEntry("total", 2999);
        assertThat(pl.get("/api/plans/" + pid + "/lines?size=2").items())
                .extracting(l -> l.get("uln"))
                .containsExactly("B00000", "B00002");
        assertThat(us.get("/api/plans/" + pid + "/lines?size=1").map())
                .containsEntry("total", 3000);
        @SuppressWarnings("unchecked")
        Map<String, Object> plMeasures =
                (Map<String, Object>)
                        pl.get("/api/plans/" + pid + "/summary").map().get("measures");
        assertThat(plMeasures).containsEntry("lines", 2999).containsEntry("hiddenLines", 1);
    }

    @Test
    void aBodyLargerThanTheServerTakesIsRefusedNamingItsSizeAndTheLimit() throws Exception {
        Client us = TestServer.user("toolarge_us", "USA", Role.PLANNER);
        long limit = MusterServer.MAX_REQUEST_BYTES;
        long length = limit + 1;
        // the request says how long its body is; the server answers before it is all sent
        String answer;
        try (java.net.Socket so = new java.net.Socket("127.0.0.1", srv.port())) {
            so.setSoTimeout(60_000);
            String head =
                    "POST /api/scenarios?file=big.yaml HTTP/1.1\r\n"
                            + "Host: 127.0.0.1\r\n"
                            + "Authorization: Bearer "
                            + us.token()
                            + "\r\n"
                            + "Content-Type: text/plain\r\n"
                            + "Content-Length: "
                            + length
                            + "\r\n"
                            + "Connection: close\r\n\r\n";
            so.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
            so.getOutputStream().write("name: big\n".getBytes(StandardCharsets.US_ASCII));
            so.getOutputStream().flush();
            answer = new String(so.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(answer).startsWith("HTTP/1.1 413");
        String body = answer.substring(answer.indexOf("\r\n\r\n") + 4);
        assertThat(body)
                .contains(
                        String.format(
                                java.util.Locale.ROOT,
                                "request body of %,d bytes is larger than the server takes: at most"
                                        + " %,d bytes (64 MB) a request",
                                length,
                                limit))
                .contains("\"limit\":" + limit)
                .contains("\"received\":" + length)
                .doesNotContain("Content Too Large");
        // a body sent in chunks says no length: the limit alone is named
        assertThat(Api.tooLarge(-1, limit))
                .isEqualTo(
                        "request body is larger than the server takes: at most 67,108,864 bytes"
                                + " (64 MB) a request; nothing was read or stored");
    }

    @Test
    void aScenarioOfManyLinesIsStoredInAFewRoundTripsToTheDatabase() throws Exception {
        int n = 2500;
        String[] ulnNation = new String[2 * n];
        for (int i = 0; i < n; i++) {
            ulnNation[2 * i] = String.format("R%05d", i);
            ulnNation[2 * i + 1] = i % 2 == 0 ? "PL" : "US";
        }
        var s = Fixtures.scenario("round-trips", ulnNation);
        User by = Fixtures.me(TestServer.user("trips_us", "USA", Role.PLANNER));
        // every statement the store sends, counted on the connection it is given
        java.util.concurrent.atomic.AtomicInteger sent =
                new java.util.concurrent.atomic.AtomicInteger();
        long id;
        try (Connection c = srv.store().db().connection()) {
            c.setAutoCommit(false);
            Connection counted = countingStatements(c, sent);
            id = srv.store().insertScenario(counted, by, s, "REL NATO", "trips.yaml", "");
            c.commit();
        }
        assertThat(srv.store().lines(id))
                .hasSize(n)
                .extracting(Store.LineRow::uln, Store.LineRow::owner)
                .startsWith(
                        org.assertj.core.groups.Tuple.tuple("R00000", "POL"),
                        org.assertj.core.groups.Tuple.tuple("R00001", "USA"));
        // the scenario's row, then its lines by the batch: a round trip per line before
        assertThat(sent.get()).isLessThan(n / 100);
    }

    /** {@code c}, counting in {@code sent} each statement executed or batch sent through it. */
    static Connection countingStatements(
            Connection c, java.util.concurrent.atomic.AtomicInteger sent) {
        return (Connection)
                java.lang.reflect.Proxy.newProxyInstance(
                        Connection.class.getClassLoader(),
                        new Class<?>[] {Connection.class},
                        (proxy, m, args) -> {
                            Object r = m.invoke(c, args);
                            if (!(r instanceof java.sql.Statement st)) {
                                return r;
                            }
                            Class<?> type =
                                    r instanceof java.sql.PreparedStatement
                                            ? java.sql.PreparedStatement.class
                                            : java.sql.Statement.class;
                            return java.lang.reflect.Proxy.newProxyInstance(
                                    Connection.class.getClassLoader(),
                                    new Class<?>[] {type},
                                    (p2, m2, a2) -> {
                                        if (m2.getName().startsWith("execute")) {
                                            sent.incrementAndGet();
                                        }
                                        try {
                                            return m2.invoke(st, a2);
                                        } catch (java.lang.reflect.InvocationTargetException e) {
                                            throw e.getCause();
                                        }
                                    });
                        });
    }

    @Test
    void theReportOfAPlanWithMoreLateLinesThanItListsSaysWhereTheRestAreOnTheServer() {
        Client us = TestServer.user("report_us", "USA", Role.OBSERVER);
        // every third line is late: 1,033 late lines, 33 more than the report lists
        long pid = bigPlan(srv, Fixtures.me(us), "report-late", 3100)[1];
        assertThat(us.get("/api/plans/" + pid + "/lines?late=true&size=1").map())
                .containsEntry("total", 1033);
        Response r = us.get("/api/plans/" + pid + "/report.html");
        assertThat(r.status()).isEqualTo(200);
        // the reader of the server has no lines.csv: the page names where the rest are
        assertThat(r.body())
                .contains(
                        "33 more late lines are in the plan page&#39;s table &#39;Late lines and"
                                + " why&#39; and in GET /api/plans/"
                                + pid
                                + "/lines?late=true.")
                .doesNotContain("lines.csv");
    }

    @Test
    void aPlanLeftOutOfTheServersKeptPlansIsNotHeldByItsViews() throws Exception {
        // an L plan read back is about 20 MB of records: the server keeps a bounded number of
        // plans, and the views of a plan (its lines, late lines, missions as a reader sees them)
        // go with it, where they held plans long left out, and a plan read again was held twice
        Client us = TestServer.user("kept_us", "USA", Role.PLANNER);
        User usUser = Fixtures.me(us);
        var s = Fixtures.scenario("kept", "K1", "US", "K2", "PL", "K3", "US");
        long sid = srv.api().importScenario(usUser, s, "REL NATO", "kept.yaml", "");
        long first = Fixtures.storePlan(srv, sid, usUser, "REL NATO", Fixtures.plan(s));
        assertThat(us.get("/api/plans/" + first + "/lines?size=1").status()).isEqualTo(200);
        assertThat(us.get("/api/plans/" + first + "/lines?late=true&size=1").status())
                .isEqualTo(200);
        java.lang.ref.WeakReference<Object> mission =
                new java.lang.ref.WeakReference<>(
                        srv.store().planResult(first).orElseThrow().missions().get(0));
        java.lang.ref.WeakReference<Object> line =
                new java.lang.ref.WeakReference<>(
                        srv.store().planResult(first).orElseThrow().lines().get(0));
        // as many other plans read as the server keeps, and one more
        for (int i = 0; i <= Store.PLANS_KEPT; i++) {
            long other = Fixtures.storePlan(srv, sid, usUser, "REL NATO", Fixtures.plan(s));
            assertThat(us.get("/api/plans/" + other + "/lines?late=true&size=1").status())
                    .isEqualTo(200);
        }
        for (int i = 0; i < 20 && (mission.get() != null || line.get() != null); i++) {
            System.gc();
            Thread.sleep(50);
        }
        assertThat(mission.get()).as("a mission of the plan left out").isNull();
        assertThat(line.get()).as("a line of the plan left out").isNull();
        // and it is read again when asked for
        assertThat(us.get("/api/plans/" + first + "/lines?size=1").map()).containsEntry("total", 3);
    }

    @Test
    void aPlansSummaryAndFiguresGivenOnceAreGivenAgainWithoutReadingThePlanBack() throws Exception {
        // an L plan is 12 MB of JSON read back in 0.2 to 2 s: the summary and the figures of a
        // plan the server no longer keeps are given from what it kept of them
        Client us = TestServer.user("heads_us", "USA", Role.PLANNER);
        User usUser = Fixtures.me(us);
        var s = Fixtures.scenario("heads", "H1", "US", "H2", "US");
        long sid = srv.api().importScenario(usUser, s, "REL NATO", "heads.yaml", "");
        long pid = Fixtures.storePlan(srv, sid, usUser, "REL NATO", Fixtures.plan(s));
        Response summary = us.get("/api/plans/" + pid + "/summary");
        Response figures = us.get("/api/plans/" + pid);
        assertThat(summary.status()).isEqualTo(200);
        assertThat(figures.map()).containsKeys("measures", "plannerInfo", "lowerBound");
        // the plan left out of those the server keeps
        for (int i = 0; i <= Store.PLANS_KEPT; i++) {
            long other = Fixtures.storePlan(srv, sid, usUser, "REL NATO", Fixtures.plan(s));
            assertThat(us.get("/api/plans/" + other + "/lines?size=1").status()).isEqualTo(200);
        }
        List<Long> read = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
        srv.store().planRead = read::add;
        try {
            assertThat(us.get("/api/plans/" + pid + "/summary").body()).isEqualTo(summary.body());
            assertThat(us.get("/api/plans/" + pid).map()).isEqualTo(figures.map());
            assertThat(read).isEmpty();
            // its lines need the plan: it is read back once
            assertThat(us.get("/api/plans/" + pid + "/lines?size=1").status()).isEqualTo(200);
            assertThat(us.get("/api/plans/" + pid + "/lines?size=1").status()).isEqualTo(200);
            assertThat(read).containsExactly(pid);
        } finally {
            srv.store().planRead = id -> {};
        }
    }

    @Test
    void aRequirementSearchWritesOutTheLinesOfItsPageAlone() {
        Client us = TestServer.user("search_us", "USA", Role.OBSERVER);
        long sid = bigPlan(srv, Fixtures.me(us), "search-big", 3000)[0];
        List<String> written = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
        srv.api().lineWritten = written::add;
        try {
            Response r = us.get("/api/requirements?scenario=" + sid + "&page=2&size=50");
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.map()).containsEntry("total", 3000).containsEntry("size", 50);
            assertThat(r.items())
                    .hasSize(50)
                    .first()
                    .satisfies(l -> assertThat(l.get("uln")).isEqualTo("B00100"));
            // every line matches, and the 50 of the page are all that is written out
            assertThat(written).hasSize(50).first().isEqualTo("B00100");
        } finally {
            srv.api().lineWritten = uln -> {};
        }
    }

    @Test
    void signInFailuresOfUnknownNamesAreShownToNoAdministrator() {
        Response r =
                Client.anonymous(
                        "POST",
                        "/api/login",
                        Map.of("username", "ghost_of_nobody", "password", "whatever-password"));
        assertThat(r.status()).isEqualTo(401);
        for (Client admin : List.of(TestServer.admin(), TestServer.adminOf("DEU"))) {
            assertThat(admin.get("/api/audit?limit=500").list())
                    .noneSatisfy(
                            a -> assertThat(a.get("target")).isEqualTo("user ghost_of_nobody"));
        }
    }

    @Test
    void administratorsManageTheUsersOfTheirOwnNationOnly() {
        TestServer.user("own_de", "DEU", Role.OBSERVER);
        Client usAdmin = TestServer.admin();
        assertThat(usAdmin.get("/api/users").list())
                .isNotEmpty()
                .allSatisfy(u -> assertThat(u.get("nation")).isEqualTo("USA"));
        Client deAdmin = TestServer.adminOf("DEU");
        assertThat(deAdmin.get("/api/users").list())
                .allSatisfy(u -> assertThat(u.get("nation")).isEqualTo("DEU"))
                .anySatisfy(u -> assertThat(u.get("username")).isEqualTo("own_de"));
        // a nation with users: only its own administrator adds to it
        Response other = newUser(usAdmin, "us_made_de", "DEU", "OBSERVER");
        assertThat(other.status()).as(other.body()).isEqualTo(403);
        assertThat(other.body()).contains("field 'nation'").contains("'DEU'");
        Response back = newUser(deAdmin, "de_made_us", "USA", "ADMIN");
        assertThat(back.status()).as(back.body()).isEqualTo(403);
        // a nation without users: its first user must be its administrator
        Response first = newUser(usAdmin, "lt_observer", "LTU", "OBSERVER");
        assertThat(first.status()).as(first.body()).isEqualTo(403);
        assertThat(first.body()).contains("'LTU'").contains("ADMIN");
        Response ltAdmin = newUser(usAdmin, "lt_admin", "LTU", "ADMIN");
        assertThat(ltAdmin.status()).as(ltAdmin.body()).isEqualTo(201);
        Response second = newUser(usAdmin, "lt_admin2", "LTU", "ADMIN");
        assertThat(second.status()).as(second.body()).isEqualTo(403);
        Client lt = Client.login("lt_admin", "password-of-lt_admin");
        assertThat(newUser(lt, "lt_observer", "LTU", "OBSERVER").status()).isEqualTo(201);
        assertThat(lt.get("/api/users").list())
                .extracting(u -> u.get("username"))
                .containsExactlyInAnyOrder("lt_admin", "lt_observer");
    }

    /**
     * A nation is brought in by the server's first administrator alone. Any administrator could
     * create the first user of a nation without users, and so an account of a nation of its
     * choosing that reads what is released to that nation.
     */
    @Test
    void onlyTheFirstAdministratorBringsANationIn() {
        Client plAdmin = TestServer.adminOf("POL");
        Response taken = newUser(plAdmin, "md_by_pl", "MDA", "ADMIN");
        assertThat(taken.status()).as(taken.body()).isEqualTo(403);
        assertThat(taken.map().get("error"))
                .isEqualTo(
                        "field 'nation' = 'MDA': an administrator of POL creates users of POL only;"
                                + " a nation's first administrator is created by the server's"
                                + " first administrator");
        assertThat(signIn("md_by_pl", "password-of-md_by_pl").status()).isEqualTo(401);
        // a nation with users answers the same, so the refusal does not tell which nations have
        TestServer.adminOf("DEU");
        Response peopled = newUser(plAdmin, "de_by_pl", "DEU", "ADMIN");
        assertThat(peopled.status()).isEqualTo(403);
        assertThat(peopled.map().get("error"))
                .isEqualTo(taken.map().get("error").toString().replace("'MDA'", "'DEU'"));
        assertThat(auditOf(plAdmin))
                .anySatisfy(
                        row(
                                "action", "user.create",
                                "target", "user md_by_pl",
                                "outcome", "DENIED"));
        // the first administrator brings the nation in; its administrator adds its users
        Client mdAdmin = created(TestServer.admin(), "md_admin", "MDA", "ADMIN");
        assertThat(newUser(mdAdmin, "md_planner", "MDA", "PLANNER").status()).isEqualTo(201);
        assertThat(newUser(mdAdmin, "ge_by_md", "GEO", "ADMIN").status()).isEqualTo(403);
    }

    /**
     * A lost password is set again by an administrator of the user's nation, or by the operator of
     * the server on its command line; the user's sessions end either way. There was no way to set a
     * password after a user was created.
     */
    @Test
    void anAdministratorOrTheOperatorResetsALostPasswordAndEndsItsSessions() throws Exception {
        Client session = TestServer.user("pw_de", "DEU", Role.OBSERVER);
        Client another = signedIn("pw_de");
        Client deAdmin = TestServer.adminOf("DEU");
        // failed sign-ins up to the limit: the reset forgives them
        for (int i = 0; i < Auth.MAX_FAILURES; i++) {
            signIn("pw_de", "lost-" + i);
        }
        // another nation's administrator: answered as a name no user has, and audited
        Client plAdmin = TestServer.adminOf("POL");
        answeredAsNoUser(
                plAdmin,
                "password",
                Map.of("password", "taken-over-password"),
                "pw_de",
                "pw_nobody");
        assertThat(auditOf(plAdmin))
                .anySatisfy(
                        row(
                                "action", "user.password",
                                "target", "user pw_de",
                                "outcome", "DENIED"));
        // the role, and the rules of every password
        assertThat(
                        session.post(
                                        "/api/users/pw_de/password",
                                        Map.of("password", "mine-now-123"))
                                .status())
                .isEqualTo(403);
        Response weak = deAdmin.post("/api/users/pw_de/password", Map.of("password", "short"));
        assertThat(weak.status()).isEqualTo(400);
        assertThat(weak.body()).contains("field 'password'").contains("12");
        assertThat(session.get("/api/me").status())
                .as("nothing refused ends a session")
                .isEqualTo(200);

        Response reset =
                deAdmin.post(
                        "/api/users/pw_de/password", Map.of("password", "a-new-password-of-pw_de"));
        assertThat(reset.status()).as(reset.body()).isEqualTo(200);
        assertThat(reset.map())
                .containsEntry("username", "pw_de")
                .containsEntry("sessionsEnded", 2);
        assertThat(session.get("/api/me").status()).isEqualTo(401);
        assertThat(another.get("/api/me").status()).isEqualTo(401);
        assertThat(signIn("pw_de", "password-of-pw_de").status()).isEqualTo(401);
        Client renewed = Client.login("pw_de", "a-new-password-of-pw_de");
        assertThat(passwordHash("pw_de")).startsWith("$2a$10$").doesNotContain("a-new-password");
        assertThat(auditOf(deAdmin))
                .anySatisfy(
                        row(
                                "action", "user.password",
                                "target", "user pw_de",
                                "user", "admin_deu",
                                "outcome", "OK",
                                "detail", "2 sessions ended"));

        // the operator, who has the database: a random password, shown once
        MusterServer.PasswordReset byOperator = MusterServer.resetPassword(srv.database(), "pw_de");
        assertThat(byOperator.nation()).isEqualTo("DEU");
        assertThat(byOperator.sessionsEnded()).isEqualTo(1);
        assertThat(byOperator.password()).hasSize(20);
        assertThat(renewed.get("/api/me").status()).isEqualTo(401);
        assertThat(Client.login("pw_de", byOperator.password()).get("/api/me").status())
                .isEqualTo(200);
        assertThat(auditOf(deAdmin))
                .anySatisfy(
                        row(
                                "action", "user.password",
                                "target", "user pw_de",
                                "user", null,
                                "detail", "reset on the server's command line; 1 session ended"));
        assertThatThrownBy(() -> MusterServer.resetPassword(srv.database(), "pw_nobody"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("no user 'pw_nobody'");
    }

    /**
     * A signed-in user of any role changes its own password, giving the current one: held to the
     * rules of every password and hashed as every one is; its other sessions end and this one is
     * renewed; the nation's audit log records it. A user could not change its own password at all.
     */
    @Test
    void aUserChangesItsOwnPasswordGivingTheCurrentOne() throws Exception {
        Client session = TestServer.user("own_pw_pl", "POL", Role.APPROVER);
        Client another = signedIn("own_pw_pl");
        String current = "password-of-own_pw_pl";
        assertRefused(
                changeOwnPassword(session, "not-the-password", "a-password-of-my-own"),
                403,
                "field 'currentPassword': not the current password of 'own_pw_pl'");
        Response weak = changeOwnPassword(session, current, "short");
        assertThat(weak.status()).isEqualTo(400);
        assertThat(weak.map().get("error").toString())
                .startsWith("field 'newPassword': must have at least 12 characters");
        assertRefused(
                changeOwnPassword(session, current, current),
                400,
                "field 'newPassword': the same as the current password; choose another");
        Response missing =
                session.post("/api/me/password", Map.of("newPassword", "a-password-of-my-own"));
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.body()).contains("field 'currentPassword': missing");
        Response extra =
                session.post(
                        "/api/me/password",
                        Map.of("currentPassword", current, "password", "a-password-of-my-own"));
        assertThat(extra.status()).isEqualTo(400);
        assertThat(extra.body()).contains("'password'");
        assertThat(session.get("/api/me").status())
                .as("nothing refused ends a session")
                .isEqualTo(200);
        assertThat(another.get("/api/me").status()).isEqualTo(200);

        Response changed = changeOwnPassword(session, current, "a-password-of-my-own");
        assertThat(changed.status()).as(changed.body()).isEqualTo(200);
        assertThat(changed.map()).containsEntry("sessionsEnded", 1);
        String token = (String) changed.map().get("token");
        assertThat(token).isNotBlank().isNotEqualTo(session.token());
        assertThat(changed.header("Set-Cookie")).startsWith(Api.COOKIE + "=" + token + ";");
        Client renewed = new Client(token);
        assertThat(renewed.get("/api/me").map()).containsEntry("username", "own_pw_pl");
        assertThat(session.get("/api/me").status())
                .as("the token before the change")
                .isEqualTo(401);
        assertThat(another.get("/api/me").status()).as("another session").isEqualTo(401);
        assertThat(signIn("own_pw_pl", current).status()).isEqualTo(401);
        assertThat(Client.login("own_pw_pl", "a-password-of-my-own").get("/api/me").status())
                .isEqualTo(200);
        assertThat(passwordHash("own_pw_pl")).startsWith("$2a$10$").doesNotContain("my-own");
        assertThat(auditOf(TestServer.adminOf("POL")))
                .anySatisfy(
                        row(
                                "action", "user.password",
                                "target", "user own_pw_pl",
                                "user", "own_pw_pl",
                                "outcome", "OK",
                                "detail",
                                        "changed by the user; 1 other session ended, this one"
                                                + " renewed"))
                .anySatisfy(
                        row(
                                "action", "user.password",
                                "user", "own_pw_pl",
                                "outcome", "DENIED",
                                "detail", "current password not accepted"));
    }

    /**
     * A wrong current password counts against the user name as a failed sign-in does, so a session
     * left open cannot be used to guess the password past the limit of sign-ins.
     */
    @Test
    void wrongCurrentPasswordsCountAsFailedSignIns() {
        Client session = TestServer.user("own_pw_guess", "DEU", Role.OBSERVER);
        for (int i = 0; i < Auth.MAX_FAILURES; i++) {
            Response r = changeOwnPassword(session, "guess-" + i, "a-password-of-my-own");
            assertThat(r.status()).as("guess %d", i).isEqualTo(403);
        }
        Response limited =
                changeOwnPassword(session, "password-of-own_pw_guess", "a-password-of-my-own");
        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.body()).contains("own_pw_guess").contains("15 minutes");
        assertThat(signIn("own_pw_guess", "password-of-own_pw_guess").status()).isEqualTo(429);
    }

    /**
     * An administrator deactivates a user of its own nation (staff who leave) and reactivates it: a
     * deactivated user cannot sign in and its sessions end at once. A user of another nation
     * answers as a name no user has, audited alike. Users could not be deactivated but in SQL.
     */
    @Test
    void anAdministratorDeactivatesAndReactivatesAUserOfItsOwnNation() {
        Client session = TestServer.user("gone_de", "DEU", Role.PLANNER);
        Client another = signedIn("gone_de");
        Client deAdmin = TestServer.adminOf("DEU");
        Client plAdmin = TestServer.adminOf("POL");
        for (String verb : List.of("deactivate", "activate")) {
            answeredAsNoUser(plAdmin, verb, null, "gone_de", "gone_nobody");
        }
        List<Map<String, Object>> plAudit = auditOf(plAdmin);
        for (String name : List.of("gone_de", "gone_nobody")) {
            assertThat(plAudit)
                    .as(name)
                    .anySatisfy(
                            row(
                                    "action", "user.deactivate",
                                    "target", "user " + name,
                                    "outcome", "DENIED",
                                    "detail", "no user of POL has that name"));
        }
        Response byPlanner = session.post("/api/users/gone_de/deactivate", null);
        assertThat(byPlanner.status()).isEqualTo(403);
        assertThat(byPlanner.body()).contains("ADMIN");
        Response withBody = deAdmin.post("/api/users/gone_de/deactivate", Map.of("reason", "left"));
        assertThat(withBody.status()).isEqualTo(400);
        assertThat(session.get("/api/me").status())
                .as("nothing refused ends a session")
                .isEqualTo(200);

        Response off = deAdmin.post("/api/users/gone_de/deactivate", null);
        assertThat(off.status()).as(off.body()).isEqualTo(200);
        assertThat(off.map())
                .containsEntry("username", "gone_de")
                .containsEntry("active", false)
                .containsEntry("sessionsEnded", 2);
        assertThat(session.get("/api/me").status()).isEqualTo(401);
        assertThat(another.get("/api/me").status()).isEqualTo(401);
        assertRefused(
                signIn("gone_de", "password-of-gone_de"),
                401,
                "user name or password not accepted");
        assertThat(deAdmin.get("/api/users").list())
                .anySatisfy(row("username", "gone_de", "active", false));
        Response again = deAdmin.post("/api/users/gone_de/deactivate", null);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.map()).containsEntry("active", false).containsEntry("sessionsEnded", 0);
        assertThat(auditOf(deAdmin))
                .anySatisfy(
                        row(
                                "action", "user.deactivate",
                                "target", "user gone_de",
                                "user", "admin_deu",
                                "outcome", "OK",
                                "detail", "deactivated; 2 sessions ended"))
                .anySatisfy(
                        row(
                                "action", "login",
                                "target", "user gone_de",
                                "outcome", "DENIED",
                                "detail", "the user is deactivated"));

        Response on = deAdmin.post("/api/users/gone_de/activate", null);
        assertThat(on.status()).as(on.body()).isEqualTo(200);
        assertThat(on.map()).containsEntry("active", true).containsEntry("sessionsEnded", 0);
        assertThat(signedIn("gone_de").get("/api/me").status()).isEqualTo(200);
        assertThat(deAdmin.get("/api/users").list())
                .anySatisfy(row("username", "gone_de", "active", true));
        assertThat(auditOf(deAdmin))
                .anySatisfy(
                        row(
                                "action", "user.activate",
                                "target", "user gone_de",
                                "outcome", "OK",
                                "detail", "reactivated"));
    }

    /**
     * A nation keeps an active administrator: its last one cannot deactivate itself, nor can two
     * deactivate each other at once. The server's first administrator, who alone brings nations in,
     * is deactivated by no other administrator.
     */
    @Test
    void aNationKeepsAnActiveAdministratorAndTheFirstIsDeactivatedByNoOther() throws Exception {
        Client ee1 = created(TestServer.admin(), "ee_admin", "EST", "ADMIN");
        assertRefused(
                ee1.post("/api/users/ee_admin/deactivate", null),
                409,
                "you are the last active administrator of EST; create or reactivate another"
                        + " administrator of EST first");
        assertThat(ee1.get("/api/me").status()).isEqualTo(200);
        assertThat(auditOf(ee1))
                .anySatisfy(
                        row(
                                "action", "user.deactivate",
                                "target", "user ee_admin",
                                "outcome", "DENIED"));
        assertThat(newUser(ee1, "ee_admin2", "EST", "ADMIN").status()).isEqualTo(201);
        // two administrators deactivating each other at once leave one of them active
        for (int round = 0; round < 5; round++) {
            Client a = signedIn("ee_admin");
            Client b = signedIn("ee_admin2");
            var ab =
                    java.util.concurrent.CompletableFuture.supplyAsync(
                            () -> a.post("/api/users/ee_admin2/deactivate", null));
            var ba =
                    java.util.concurrent.CompletableFuture.supplyAsync(
                            () -> b.post("/api/users/ee_admin/deactivate", null));
            List<Integer> answers = List.of(ab.join().status(), ba.join().status());
            assertThat(answers)
                    .as("round %d", round)
                    .isSubsetOf(200, 401, 409)
                    .containsOnlyOnce(200);
            Map<String, Boolean> active =
                    Jdbc.tx(
                            srv.database(),
                            c -> {
                                Map<String, Boolean> m = new java.util.TreeMap<>();
                                for (Object[] r :
                                        Jdbc.query(
                                                c,
                                                "select username, active from app_user where"
                                                        + " nation = 'EST'",
                                                rs ->
                                                        new Object[] {
                                                            rs.getString(1), rs.getBoolean(2)
                                                        })) {
                                    m.put((String) r[0], (Boolean) r[1]);
                                }
                                return m;
                            });
            assertThat(active.values()).as("round %d: %s", round, active).containsOnlyOnce(true);
            String on = active.get("ee_admin") ? "ee_admin" : "ee_admin2";
            String off = on.equals("ee_admin") ? "ee_admin2" : "ee_admin";
            Client left = signedIn(on);
            assertThat(left.post("/api/users/" + on + "/deactivate", null).status()).isEqualTo(409);
            assertThat(left.post("/api/users/" + off + "/activate", null).status()).isEqualTo(200);
        }
        // with another active administrator, one may deactivate itself
        Client self = signedIn("ee_admin2");
        Response stepDown = self.post("/api/users/ee_admin2/deactivate", null);
        assertThat(stepDown.status()).as(stepDown.body()).isEqualTo(200);
        assertThat(self.get("/api/me").status()).isEqualTo(401);

        // the server's first administrator
        Client usAdmin2 = TestServer.user("us_admin2", "USA", Role.ADMIN);
        assertRefused(
                usAdmin2.post("/api/users/admin/deactivate", null),
                403,
                "user 'admin' is the server's first administrator, who brings nations in; no other"
                        + " administrator deactivates it");
        assertThat(TestServer.admin().get("/api/me").status()).isEqualTo(200);
        assertThat(usAdmin2.get("/api/users").list())
                .anySatisfy(row("username", "admin", "firstAdministrator", true))
                .anySatisfy(row("username", "us_admin2", "firstAdministrator", false));
        assertThat(auditOf(usAdmin2))
                .anySatisfy(
                        row(
                                "action", "user.deactivate",
                                "target", "user admin",
                                "user", "us_admin2",
                                "outcome", "DENIED"));
    }

    /**
     * An administrator sets the roles of a user of its own nation (a planner made approver, an
     * administrator who moved post made observer), where it took a new account. The roles are read
     * from the user's row on every request: a session opened before the change holds the new roles
     * at once, and keeps none taken away. A user of another nation answers as a name no user has,
     * audited alike; the change is audited with the roles before and after.
     */
    @Test
    void anAdministratorSetsTheRolesOfAUserOfItsOwnNationAndOpenSessionsHoldThemAtOnce() {
        Client moved = TestServer.user("roles_moved", "DEU", Role.ADMIN, Role.OBSERVER);
        Client planner = TestServer.user("roles_planner", "DEU", Role.PLANNER);
        Client deAdmin = TestServer.adminOf("DEU");
        Client plAdmin = TestServer.adminOf("POL");
        assertThat(moved.get("/api/users").status()).isEqualTo(200);

        Map<String, Object> observer = Map.of("roles", List.of("OBSERVER"));
        for (String name : List.of("roles_moved", "roles_nobody")) {
            assertRefused(
                    plAdmin.put("/api/users/" + name + "/roles", observer),
                    404,
                    "user '" + name + "' not found");
            assertThat(auditOf(plAdmin))
                    .as(name)
                    .anySatisfy(
                            row(
                                    "action", "user.roles",
                                    "target", "user " + name,
                                    "outcome", "DENIED",
                                    "detail", "no user of POL has that name"));
        }
        assertRefused(
                planner.put("/api/users/roles_planner/roles", Map.of("roles", List.of("ADMIN"))),
                403,
                "setting a user's roles needs the ADMIN role");
        assertThat(rolesOf("roles_planner")).isEqualTo("PLANNER");
        assertThat(rolesOf("roles_moved")).isEqualTo("ADMIN,OBSERVER");

        // the administrator who moved post loses ADMIN: its open session with it
        Response down =
                deAdmin.put(
                        "/api/users/roles_moved/roles",
                        Map.of("roles", List.of("OBSERVER", "PLANNER")));
        assertThat(down.status()).as(down.body()).isEqualTo(200);
        assertThat(down.map())
                .containsEntry("username", "roles_moved")
                .containsEntry("roles", List.of("OBSERVER", "PLANNER"))
                .containsEntry("previousRoles", List.of("ADMIN", "OBSERVER"));
        assertRefused(moved.get("/api/users"), 403, "listing users needs the ADMIN role");
        assertThat(rolesIn(moved)).containsExactly("OBSERVER", "PLANNER");
        assertThat(deAdmin.get("/api/users").list())
                .anySatisfy(
                        row("username", "roles_moved", "roles", List.of("OBSERVER", "PLANNER")));

        // the planner made approver: its open session holds the new role at once
        assertThat(rolesIn(planner)).containsExactly("PLANNER");
        Response up =
                deAdmin.put(
                        "/api/users/roles_planner/roles",
                        Map.of("roles", List.of("PLANNER", "APPROVER")));
        assertThat(up.status()).as(up.body()).isEqualTo(200);
        assertThat(rolesIn(planner)).containsExactly("APPROVER", "PLANNER");
        Response same =
                deAdmin.put(
                        "/api/users/roles_planner/roles",
                        Map.of("roles", List.of("APPROVER", "PLANNER")));
        assertThat(same.status()).isEqualTo(200);
        assertThat(same.map())
                .containsEntry("roles", List.of("APPROVER", "PLANNER"))
                .containsEntry("previousRoles", List.of("APPROVER", "PLANNER"));
        assertThat(auditOf(deAdmin))
                .anySatisfy(
                        row(
                                "action", "user.roles",
                                "target", "user roles_moved",
                                "user", "admin_deu",
                                "outcome", "OK",
                                "detail", "roles [ADMIN, OBSERVER] changed to [OBSERVER, PLANNER]"))
                .anySatisfy(
                        row(
                                "action", "user.roles",
                                "target", "user roles_planner",
                                "outcome", "OK",
                                "detail", "roles [PLANNER] changed to [APPROVER, PLANNER]"))
                .anySatisfy(
                        row(
                                "action", "user.roles",
                                "target", "user roles_planner",
                                "outcome", "OK",
                                "detail", "roles unchanged: [APPROVER, PLANNER]"));
        // the sessions went on: a change of roles ends none
        assertThat(moved.get("/api/me").status()).isEqualTo(200);
    }

    /**
     * The roles are read as a new user's are: each one the server knows, at least one, a role named
     * twice once; anything else is refused naming the field and the value, and the user's roles
     * stay as they were.
     */
    @Test
    void rolesSetByAnAdministratorAreCheckedAsANewUsersAre() {
        TestServer.user("roles_checked", "DEU", Role.OBSERVER);
        Client deAdmin = TestServer.adminOf("DEU");
        String at = "/api/users/roles_checked/roles";
        assertRefused(
                deAdmin.put(at, Map.of("roles", List.of("PLANNER", "PILOT"))),
                400,
                "field 'roles' = [PLANNER, PILOT]: role 'PILOT' unknown; roles are PLANNER,"
                        + " APPROVER, LIAISON, OBSERVER, ADMIN");
        assertRefused(
                deAdmin.put(at, Map.of("roles", List.of())),
                400,
                "field 'roles': give at least one role");
        assertRefused(deAdmin.put(at, Map.of()), 400, "field 'roles': missing; e.g. [\"PLANNER\"]");
        // an entry is one role: two in one entry granted both, an empty entry was skipped
        assertRefused(
                deAdmin.put(at, Map.of("roles", List.of("PLANNER,ADMIN"))),
                400,
                "field 'roles' = [PLANNER,ADMIN]: entry 'PLANNER,ADMIN' is not one role; give each"
                        + " role as an entry of its own, e.g. [\"PLANNER\", \"APPROVER\"]");
        assertRefused(
                deAdmin.put(at, Map.of("roles", List.of("PLANNER", " "))),
                400,
                "field 'roles' = [PLANNER,  ]: entry ' ' is not one role; give each role as an"
                        + " entry of its own, e.g. [\"PLANNER\", \"APPROVER\"]");
        assertThat(
                        TestServer.admin()
                                .post(
                                        "/api/users",
                                        TestServer.newUser(
                                                "roles_two_in_one",
                                                "password-of-roles_two_in_one",
                                                "USA",
                                                List.of("OBSERVER,ADMIN")))
                                .status())
                .isEqualTo(400);
        assertThat(deAdmin.put(at, Map.of("roles", List.of("PLANNER"), "nation", "POL")).status())
                .isEqualTo(400);
        Response text =
                Client.send(deAdmin.token(), "PUT", at, "{\"roles\": [\"PLANNER\"]}", "text/plain");
        assertThat(text.status()).as(text.body()).isEqualTo(415);
        // a role that creation refuses is refused here too, by the same words
        assertThat(
                        TestServer.admin()
                                .post(
                                        "/api/users",
                                        TestServer.newUser(
                                                "roles_never",
                                                "password-of-roles_never",
                                                "USA",
                                                List.of("PLANNER", "PILOT")))
                                .map())
                .containsEntry(
                        "error",
                        "field 'roles' = [PLANNER, PILOT]: role 'PILOT' unknown; roles are"
                                + " PLANNER, APPROVER, LIAISON, OBSERVER, ADMIN");
        assertThat(rolesOf("roles_checked")).isEqualTo("OBSERVER");

        Response twice = deAdmin.put(at, Map.of("roles", List.of("planner", "PLANNER")));
        assertThat(twice.status()).as(twice.body()).isEqualTo(200);
        assertThat(twice.map()).containsEntry("roles", List.of("PLANNER"));
        assertThat(rolesOf("roles_checked")).isEqualTo("PLANNER");
    }

    /**
     * A nation keeps an active administrator when roles change as when users are deactivated: its
     * last one cannot take the ADMIN role from itself, nor can two take it from each other at once.
     * The server's first administrator's ADMIN role is taken by no other administrator.
     */
    @Test
    void aNationKeepsAnActiveAdministratorWhenRolesChangeAndTheFirstKeepsItsAdminRole()
            throws Exception {
        Client lv1 = created(TestServer.admin(), "lv_admin", "LVA", "ADMIN");
        Map<String, Object> observer = Map.of("roles", List.of("OBSERVER"));
        Map<String, Object> admin = Map.of("roles", List.of("ADMIN"));
        String last =
                "you are the last active administrator of LVA; give the ADMIN role to another"
                        + " active user of LVA, or create or reactivate another administrator of"
                        + " LVA, first";
        assertRefused(lv1.put("/api/users/lv_admin/roles", observer), 409, last);
        assertThat(lv1.get("/api/users").status()).isEqualTo(200);
        assertThat(auditOf(lv1))
                .anySatisfy(
                        row(
                                "action", "user.roles",
                                "target", "user lv_admin",
                                "outcome", "DENIED",
                                "detail", last));
        // a deactivated administrator is none the nation keeps
        assertThat(newUser(lv1, "lv_admin2", "LVA", "ADMIN").status()).isEqualTo(201);
        assertThat(lv1.post("/api/users/lv_admin2/deactivate", null).status()).isEqualTo(200);
        assertRefused(lv1.put("/api/users/lv_admin/roles", observer), 409, last);
        assertThat(lv1.post("/api/users/lv_admin2/activate", null).status()).isEqualTo(200);
        assertThat(rolesOf("lv_admin")).isEqualTo("ADMIN");

        // two administrators taking the ADMIN role from each other at once leave one of them it:
        // both rows are held here until both changes wait, so the two meet
        for (int round = 0; round < 3; round++) {
            Client a = signedIn("lv_admin");
            Client b = signedIn("lv_admin2");
            java.util.concurrent.CompletableFuture<Response> ab;
            java.util.concurrent.CompletableFuture<Response> ba;
            try (Connection hold = srv.database().connection()) {
                hold.setAutoCommit(false);
                Jdbc.query(
                        hold,
                        "select id from app_user where nation = 'LVA' for update",
                        rs -> rs.getLong(1));
                ab =
                        java.util.concurrent.CompletableFuture.supplyAsync(
                                () -> a.put("/api/users/lv_admin2/roles", observer));
                ba =
                        java.util.concurrent.CompletableFuture.supplyAsync(
                                () -> b.put("/api/users/lv_admin/roles", observer));
                waitForLockWaits(2);
                hold.commit();
            }
            List<Integer> answers = List.of(ab.join().status(), ba.join().status());
            assertThat(answers)
                    .as("round %d", round)
                    .isSubsetOf(200, 403, 409)
                    .containsOnlyOnce(200);
            List<String> admins =
                    List.of("lv_admin", "lv_admin2").stream()
                            .filter(n -> rolesOf(n).equals("ADMIN"))
                            .toList();
            assertThat(admins).as("round %d", round).hasSize(1);
            String on = admins.get(0);
            String off = on.equals("lv_admin") ? "lv_admin2" : "lv_admin";
            Client left = signedIn(on);
            assertThat(left.put("/api/users/" + on + "/roles", observer).status()).isEqualTo(409);
            assertThat(signedIn(off).get("/api/users").status()).isEqualTo(403);
            assertThat(left.put("/api/users/" + off + "/roles", admin).status()).isEqualTo(200);
        }
        // with another active administrator, one may take the ADMIN role from itself
        Client self = signedIn("lv_admin2");
        Response stepDown = self.put("/api/users/lv_admin2/roles", observer);
        assertThat(stepDown.status()).as(stepDown.body()).isEqualTo(200);
        assertThat(self.get("/api/users").status()).isEqualTo(403);

        // the server's first administrator
        Client usAdmin = TestServer.user("us_roles_admin", "USA", Role.ADMIN);
        assertRefused(
                usAdmin.put("/api/users/admin/roles", observer),
                403,
                "user 'admin' is the server's first administrator, who brings nations in; no other"
                        + " administrator takes its ADMIN role");
        assertThat(rolesOf("admin")).isEqualTo("ADMIN,OBSERVER");
        assertThat(auditOf(usAdmin))
                .anySatisfy(
                        row(
                                "action", "user.roles",
                                "target", "user admin",
                                "user", "us_roles_admin",
                                "outcome", "DENIED"));
    }

    /**
     * Waits until {@code n} connections to the test database wait for a lock, up to 20 seconds: the
     * requests sent have reached the rows held.
     */
    private void waitForLockWaits(int n) throws Exception {
        for (int i = 0; i < 400; i++) {
            long waiting =
                    Jdbc.tx(
                            srv.database(),
                            c ->
                                    Jdbc.one(
                                                    c,
                                                    "select count(*) from pg_stat_activity where"
                                                            + " datname = current_database() and"
                                                            + " wait_event_type = 'Lock'",
                                                    rs -> rs.getLong(1))
                                            .orElse(0L));
            if (waiting >= n) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError(n + " requests never came to wait for the rows held");
    }

    /** The roles a session holds as GET /api/me gives them, in alphabetical order. */
    private static List<String> rolesIn(Client session) {
        Response me = session.get("/api/me");
        assertThat(me.status()).as(me.body()).isEqualTo(200);
        return ((List<?>) me.map().get("roles")).stream().map(Object::toString).sorted().toList();
    }

    /** The roles the database holds of a user, as stored. */
    private String rolesOf(String username) {
        return Jdbc.tx(
                srv.database(),
                c ->
                        Jdbc.one(
                                        c,
                                        "select roles from app_user where username = ?",
                                        rs -> rs.getString(1),
                                        username)
                                .orElseThrow());
    }

    private static Response newUser(Client admin, String name, String nation, String role) {
        return admin.post(
                "/api/users",
                Map.of(
                        "username",
                        name,
                        "password",
                        "password-of-" + name,
                        "nation",
                        nation,
                        "roles",
                        List.of(role)));
    }

    /** A user {@code admin} creates, which must be answered 201, signed in. */
    private static Client created(Client admin, String name, String nation, String role) {
        Response r = newUser(admin, name, nation, role);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return signedIn(name);
    }

    /** A new session of a user created here, with the password it was created with. */
    private static Client signedIn(String name) {
        return Client.login(name, "password-of-" + name);
    }

    /** A sign-in, whatever its answer. */
    private static Response signIn(String username, String password) {
        return Client.anonymous(
                "POST", "/api/login", Map.of("username", username, "password", password));
    }

    /** A change of the signed-in user's own password, whatever its answer. */
    private static Response changeOwnPassword(Client session, String current, String next) {
        return session.post(
                "/api/me/password", Map.of("currentPassword", current, "newPassword", next));
    }

    /**
     * Asks as {@code admin} to {@code action} each user named (POST /api/users/NAME/ACTION): each
     * is answered 404, as a name no user has.
     */
    private static void answeredAsNoUser(
            Client admin, String action, Object body, String... names) {
        for (String name : names) {
            assertRefused(
                    admin.post("/api/users/" + name + "/" + action, body),
                    404,
                    "user '" + name + "' not found");
        }
    }

    /** {@code r} is a refusal with that status and that error. */
    private static void assertRefused(Response r, int status, String error) {
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        assertThat(r.map()).containsEntry("error", error);
    }

    /** The audit log as {@code admin} reads it, its last 500 rows. */
    private static List<Map<String, Object>> auditOf(Client admin) {
        return admin.get("/api/audit?limit=500").list();
    }

    /**
     * A row of an answer (an audit row, a user) with each field named having the value after it; a
     * null value is a field that is empty.
     */
    private static ThrowingConsumer<Map<String, Object>> row(Object... fieldsAndValues) {
        return r -> {
            for (int i = 0; i < fieldsAndValues.length; i += 2) {
                String field = (String) fieldsAndValues[i];
                assertThat(r.get(field)).as(field).isEqualTo(fieldsAndValues[i + 1]);
            }
        };
    }

    /** The hash the database holds of a user's password. */
    private String passwordHash(String username) throws Exception {
        try (Connection c = srv.database().connection()) {
            return Jdbc.one(
                            c,
                            "select password_hash from app_user where username = ?",
                            rs -> rs.getString(1),
                            username)
                    .orElseThrow();
        }
    }

    /**
     * A cancel that reaches a plan just after its job ended answers with the plan's status then,
     * not the one read before: it said "plan N is RUNNING; only a queued or running plan can be
     * cancelled". A plan marked running that no job of this server runs is named as such.
     */
    @Test
    void aCancelJustAfterThePlanFinishedSaysItIsDone() {
        Client planner = TestServer.user("cx_race_us", "USA", Role.PLANNER);
        long pid = bigPlan(srv, Fixtures.me(planner), "cx-race", 3)[1];
        String running =
                "update plan_run set status = 'RUNNING', progress = 0.9, phase = 'search',"
                        + " plan_json = null, finished_at = null where id = ?";
        Jdbc.tx(srv.database(), c -> Jdbc.update(c, running, pid));
        // the job ends between the cancel's read of the plan and its look for the job: the
        // final status is written, then the job is dropped, as PlanJobs does
        srv.api().beforeJobCancel =
                id -> {
                    if (id == pid) {
                        Jdbc.tx(
                                srv.database(),
                                c ->
                                        Jdbc.update(
                                                c,
                                                "update plan_run set status = 'DONE', progress = 1,"
                                                        + " phase = 'done', finished_at = now()"
                                                        + " where id = ?",
                                                pid));
                    }
                };
        try {
            Response late = planner.post("/api/plans/" + pid + "/cancel", null);
            assertThat(late.status()).isEqualTo(409);
            assertThat(late.map())
                    .containsEntry("status", "DONE")
                    .containsEntry(
                            "error",
                            "plan "
                                    + pid
                                    + " is DONE; only a queued or running plan can be"
                                    + " cancelled");
        } finally {
            srv.api().beforeJobCancel = id -> {};
        }
        // marked running, but no job of this server runs it (a plan of another server on the
        // same database): the answer says so instead of contradicting itself
        Jdbc.tx(srv.database(), c -> Jdbc.update(c, running, pid));
        Response stale = planner.post("/api/plans/" + pid + "/cancel", null);
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.map())
                .containsEntry("status", "RUNNING")
                .containsEntry(
                        "error",
                        "plan "
                                + pid
                                + " is RUNNING, but this server runs no job for it and"
                                + " cannot stop it");
    }

    @Test
    void aFinishedPlanIsAuditedUnderItsOwnersNation() throws Exception {
        Client planner = TestServer.user("fin_de", "DEU", Role.PLANNER);
        var s = Fixtures.scenario("fin-de", "F1", "DE");
        long sid = srv.api().importScenario(Fixtures.me(planner), s, "DEU ONLY", "fin.yaml", "");
        Response started =
                planner.post("/api/scenarios/" + sid + "/plans", Map.of("planner", "fifo"));
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        long pid = ((Number) started.map().get("id")).longValue();
        String status = "QUEUED";
        for (int i = 0; i < 600 && (status.equals("QUEUED") || status.equals("RUNNING")); i++) {
            Thread.sleep(200);
            status = (String) planner.get("/api/plans/" + pid).map().get("status");
        }
        assertThat(status).isEqualTo("DONE");
        // the event stream without its Accept header: a plain refusal, not an empty 200
        Response plain = planner.get("/api/plans/" + pid + "/events");
        assertThat(plain.status()).isEqualTo(406);
        assertThat(plain.body()).contains("text/event-stream");
        assertThat(planner.get("/api/plans/99999999/events").status()).isEqualTo(404);
        Response late = planner.post("/api/plans/" + pid + "/cancel", null);
        assertThat(late.status()).isEqualTo(409);
        assertThat(late.map().get("error"))
                .isEqualTo(
                        "plan " + pid + " is DONE; only a queued or running plan can be cancelled");
        // the stored plan carries the full lower bound, as the CLI's plan does
        Map<String, Object> bound =
                (Map<String, Object>) planner.get("/api/plans/" + pid).map().get("lowerBound");
        assertThat((String) bound.get("method")).startsWith("window-capacity-lp");
        assertThat(TestServer.adminOf("DEU").get("/api/audit?limit=500").list())
                .anySatisfy(
                        a -> {
                            assertThat(a.get("action")).isEqualTo("plan.finish");
                            assertThat(a.get("target")).isEqualTo("plan " + pid);
                            assertThat(a.get("nation")).isEqualTo("DEU");
                        });
        assertThat(TestServer.admin().get("/api/audit?limit=500").list())
                .noneSatisfy(a -> assertThat(a.get("target")).isEqualTo("plan " + pid));
    }

    /**
     * A plan's event stream checks its reader and the plan before each event: a reader deactivated
     * or signed out, or from whom the plan is withdrawn, gets nothing more and the stream ends. It
     * ran on until the plan ended, sending each progress to the reader.
     */
    @Test
    void aPlansEventStreamEndsWhenItsReaderMayNoLongerSeeIt() throws Exception {
        User owner = Fixtures.me(TestServer.user("sse_owner_us", "USA", Role.PLANNER));
        long sid =
                srv.api()
                        .importScenario(
                                owner,
                                Fixtures.scenario("sse-cut", "SE1", "US"),
                                "REL NATO",
                                "sse.yaml",
                                "");
        // marked running, with no job of this server: its stream would run until the plan ends
        long pid =
                Jdbc.tx(
                        srv.database(),
                        c ->
                                Jdbc.insert(
                                        c,
                                        "insert into plan_run(scenario_id, planner, owner_nation,"
                                                + " releasable_to, status, created_by) values"
                                                + " (?,'fifo','USA','REL NATO','RUNNING',?)",
                                        sid,
                                        owner.id()));
        Client deactivated = TestServer.user("sse_gone_de", "DEU", Role.OBSERVER);
        Client signedOut = TestServer.user("sse_out_de", "DEU", Role.OBSERVER);
        Client withdrawn = TestServer.user("sse_pl", "POL", Role.OBSERVER);
        try (EventStream a = EventStream.open(deactivated, pid);
                EventStream b = EventStream.open(signedOut, pid);
                EventStream c = EventStream.open(withdrawn, pid)) {
            for (EventStream e : List.of(a, b, c)) {
                assertThat(e.next()).as("the first event").startsWith("progress ");
            }
            assertThat(
                            TestServer.adminOf("DEU")
                                    .post("/api/users/sse_gone_de/deactivate", null)
                                    .status())
                    .isEqualTo(200);
            assertThat(signedOut.post("/api/logout", null).status()).isEqualTo(200);
            updatePlan(pid, "releasable_to = 'REL DEU'");
            // an event already on its way may still come; after it, the refusal, then the end
            endsRefused(a.rest(), "error " + SIGN_IN_FIRST);
            endsRefused(b.rest(), "error " + SIGN_IN_FIRST);
            endsRefused(c.rest(), "error {\"error\":\"plan " + pid + " not found\"}");
        } finally {
            updatePlan(pid, "status = 'FAILED'");
        }
        assertThat(auditOf(TestServer.adminOf("POL")))
                .anySatisfy(
                        row(
                                "action", "plan.events",
                                "target", "plan " + pid,
                                "outcome", "DENIED"));
    }

    /** Sets columns of a stored plan ({@code set}: SQL assignments) as if a server had. */
    private void updatePlan(long pid, String set) {
        Jdbc.tx(
                srv.database(),
                c -> Jdbc.update(c, "update plan_run set " + set + " where id = ?", pid));
    }

    /**
     * The events of a stream after its reader lost sight of it: at most the progress event already
     * on its way, then {@code refusal}, then the end.
     */
    private static void endsRefused(List<String> rest, String refusal) {
        assertThat(rest).isNotEmpty();
        assertThat(rest.get(rest.size() - 1)).as("the last event of %s", rest).isEqualTo(refusal);
        assertThat(rest.subList(0, rest.size() - 1))
                .hasSizeLessThanOrEqualTo(1)
                .allSatisfy(e -> assertThat(e).startsWith("progress "));
    }

    private static final String SIGN_IN_FIRST =
            "{\"error\":\"sign in first (session missing or expired)\"}";

    /**
     * A plan's event stream read on a thread of its own: each event as its name, a space and its
     * data, in the order they came.
     */
    private static final class EventStream implements AutoCloseable {
        private static final String END = "end of stream";
        private final java.util.concurrent.BlockingQueue<String> events =
                new java.util.concurrent.LinkedBlockingQueue<>();
        private final java.util.concurrent.CompletableFuture<
                        java.net.http.HttpResponse<java.util.stream.Stream<String>>>
                response;

        private EventStream(Client reader, long planId) {
            java.net.http.HttpRequest req =
                    java.net.http.HttpRequest.newBuilder(
                                    java.net.URI.create(
                                            TestServer.base() + "/api/plans/" + planId + "/events"))
                            .header("Accept", "text/event-stream")
                            .header("Authorization", "Bearer " + reader.token())
                            .build();
            response =
                    java.net.http.HttpClient.newHttpClient()
                            .sendAsync(req, java.net.http.HttpResponse.BodyHandlers.ofLines());
            Thread t =
                    new Thread(
                            () -> {
                                try {
                                    String name = null;
                                    for (String line :
                                            (Iterable<String>) response.join().body()::iterator) {
                                        if (line.startsWith("event: ")) {
                                            name = line.substring(7);
                                        } else if (line.startsWith("data: ")) {
                                            events.add(name + " " + line.substring(6));
                                        }
                                    }
                                } catch (RuntimeException e) {
                                    // a stream closed by the test
                                } finally {
                                    events.add(END);
                                }
                            },
                            "test-sse-" + planId);
            t.setDaemon(true);
            t.start();
        }

        static EventStream open(Client reader, long planId) {
            return new EventStream(reader, planId);
        }

        /** The next event; fails when none comes within a minute. */
        String next() throws InterruptedException {
            String e = events.poll(60, java.util.concurrent.TimeUnit.SECONDS);
            assertThat(e).as("an event within a minute").isNotNull();
            return e;
        }

        /**
         * The events up to the end of the stream, at most six of them: a stream that sends more has
         * not ended where it should (the server sends one every half second).
         */
        List<String> rest() throws InterruptedException {
            List<String> got = new java.util.ArrayList<>();
            for (String e = next(); !e.equals(END) && got.size() < 6; e = next()) {
                got.add(e);
            }
            return got;
        }

        @Override
        public void close() {
            response.thenAccept(r -> r.body().close());
            response.cancel(true);
        }
    }

    @Test
    void anExactPlanOfAScenarioTooLargeForItFailsAtOnceSayingWhy() throws Exception {
        Client planner = TestServer.user("exact_us", "USA", Role.PLANNER);
        var read = muster.io.ScenarioReader.read(Path.of("../scenarios/eastern-flank-2022.yaml"));
        assertThat(read.accepted()).isTrue();
        long sid =
                srv.api()
                        .importScenario(
                                Fixtures.me(planner),
                                read.scenario(),
                                "USA ONLY",
                                "eastern-flank-2022.yaml",
                                "");
        Response started =
                planner.post("/api/scenarios/" + sid + "/plans", Map.of("planner", "exact"));
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        long pid = ((Number) started.map().get("id")).longValue();
        Map<String, Object> row = planner.get("/api/plans/" + pid).map();
        for (int i = 0; i < 300 && List.of("QUEUED", "RUNNING").contains(row.get("status")); i++) {
            Thread.sleep(200);
            row = planner.get("/api/plans/" + pid).map();
        }
        assertThat(row.get("status")).isEqualTo("FAILED");
        assertThat((String) row.get("error"))
                .contains("too large for the exact planner")
                .contains("250,000")
                .contains("lns");
    }

    /** A mission of one C-17 carrying {@code load}, leaving APOD {@code hour} + 2.25 h. */
    private static muster.model.Mission carry(
            String id, int tail, double hour, muster.model.Load load) {
        return new muster.model.Mission(
                id,
                "C-17",
                tail,
                List.of(
                        new muster.model.Stop(
                                "APOE", muster.model.Activity.ONLOAD, hour - 13, hour - 10.75),
                        new muster.model.Stop(
                                "APOD", muster.model.Activity.OFFLOAD, hour, hour + 2.25)),
                List.of(load));
    }

    private static muster.model.Load load(String uln, int pax, double stons) {
        return new muster.model.Load(
                uln,
                pax,
                List.of(new muster.model.LoadCargo(muster.model.CargoClass.BULK, stons)),
                0,
                1);
    }

    @Test
    void partialMeasuresFollowTheMovementModelAndAreLabelledPartial() {
        Client us = TestServer.user("part_us", "USA", Role.PLANNER, Role.LIAISON);
        Client pl = TestServer.user("part_pl", "POL", Role.OBSERVER);
        User usUser = Fixtures.me(us);
        // three lines of 100 pax and 20 stons (40 ston-equivalents at 0.2 stons a person), RDD 3,
        // horizon 10
        var s = Fixtures.scenario("partial", "W1", "US", "W2", "US", "W3", "PL");
        long sid = srv.api().importScenario(usUser, s, "REL NATO", "partial.yaml", "");
        assertThat(
                        us.patch(
                                        "/api/scenarios/" + sid + "/lines/W2/marking",
                                        Map.of("marking", "USA ONLY"))
                                .status())
                .isEqualTo(200);
        // W1: half delivered on day 1 (on time), half on day 5 (2 days late); W2 (withheld from
        // POL) delivered on day 1; W3 unmet
        var plan =
                new muster.model.Plan(
                        s.name(),
                        new muster.model.PlannerInfo("fixture", "0", 0, 1),
                        new muster.model.Measures(
                                5,
                                320,
                                2,
                                1,
                                List.of(
                                        new muster.model.Unmet(
                                                "W3", muster.model.CargoClass.BULK, 20))),
                        null,
                        List.of(
                                carry("MA", 0, 37, load("W1", 50, 10)),
                                carry("MB", 1, 37, load("W2", 100, 20)),
                                carry("MC", 0, 121, load("W1", 50, 10))),
                        List.of(
                                new muster.model.LineResult("W1", 123.25, 123.25, 5, 2, null),
                                new muster.model.LineResult("W2", 39.25, 39.25, 1, 0, null),
                                new muster.model.LineResult("W3", null, null, 10, 7, "unmet")),
                        List.of());
        long pid = Fixtures.storePlan(srv, sid, usUser, "REL NATO", plan);

        // the Polish reader sees W1 and W3: late ston-days per load = 20 x 0 + 20 x (5 - 3) for
        // W1 plus 40 x (10 - 3) for unmet W3 = 320; closure over delivered loads only = day 5
        for (String path : List.of("/api/plans/" + pid, "/api/plans/" + pid + "/summary")) {
            Map<String, Object> m = (Map<String, Object>) pl.get(path).map().get("measures");
            assertThat(m.get("partial")).as(path).isEqualTo(true);
            assertThat(((Number) m.get("lateStonDays")).doubleValue())
                    .as(path)
                    .isCloseTo(320.0, org.assertj.core.data.Offset.offset(1e-6));
            assertThat(m.get("closureDay")).as(path).isEqualTo(5);
            assertThat(m.get("lateUlns")).as(path).isEqualTo(2);
            assertThat(m.get("onTimeUlns")).as(path).isEqualTo(0);
            assertThat(m.get("note").toString())
                    .as(path)
                    .contains("over the 2 lines released to you");
        }
        String report = pl.get("/api/plans/" + pid + "/report.html").body();
        assertThat(report).contains("over the 2 lines released to you");
        // the owner sees every line: the planner's own figures, not marked partial
        Map<String, Object> whole =
                (Map<String, Object>) us.get("/api/plans/" + pid).map().get("measures");
        assertThat(whole.get("partial")).isEqualTo(false);
        assertThat(us.get("/api/plans/" + pid + "/report.html").body())
                .doesNotContain("lines released to you");
    }

    /**
     * A plan cancelled while it waits for its turn ends at once, CANCELLED, where it stayed QUEUED
     * until the plans before it ended (two minutes behind an L plan), and its turn is skipped.
     */
    @Test
    void aQueuedPlanCancelledEndsAtOnceNotWhenItsTurnComes() throws Exception {
        Client planner = TestServer.user("cx_queued_us", "USA", Role.PLANNER);
        var s = Fixtures.scenario("cx-queued", "Q1", "US");
        long sid =
                srv.api().importScenario(Fixtures.me(planner), s, "USA ONLY", "cx-queued.yaml", "");
        var ending = new java.util.concurrent.CountDownLatch(1);
        var release = new java.util.concurrent.CountDownLatch(1);
        // the plan before it holds the one job thread
        srv.jobs().beforeJobEnds =
                id -> {
                    if (srv.store().plan(id).map(Store.PlanRow::scenarioId).orElse(-1L) == sid
                            && ending.getCount() > 0) {
                        ending.countDown();
                        try {
                            release.await(60, java.util.concurrent.TimeUnit.SECONDS);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    }
                };
        long first;
        long queued;
        try {
            first = startPlan(planner, sid);
            assertThat(ending.await(60, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
            queued = startPlan(planner, sid);
            assertThat(srv.store().plan(queued).orElseThrow().status()).isEqualTo("QUEUED");
            Response cancel = planner.post("/api/plans/" + queued + "/cancel", null);
            assertThat(cancel.status()).as(cancel.body()).isEqualTo(202);
            assertThat(cancel.map()).containsEntry("status", "CANCELLED");
            // while the plan before it still holds its turn
            Response read = planner.get("/api/plans/" + queued);
            assertThat(read.map())
                    .containsEntry("status", "CANCELLED")
                    .containsEntry("error", "cancelled before it started")
                    .containsEntry("result", false);
            assertThat(srv.store().plan(first).orElseThrow().status()).isEqualTo("RUNNING");
            assertThat(planner.post("/api/plans/" + queued + "/cancel", null).status())
                    .isEqualTo(409);
        } finally {
            release.countDown();
            srv.jobs().beforeJobEnds = id -> {};
        }
        for (int i = 0; i < 300 && srv.jobs().job(first) != null; i++) {
            Thread.sleep(100);
        }
        // its turn came and went without a second end
        Thread.sleep(500);
        assertThat(srv.store().plan(queued).orElseThrow().status()).isEqualTo("CANCELLED");
        long ends =
                Jdbc.tx(
                        srv.database(),
                        c ->
                                Jdbc.one(
                                                c,
                                                "select count(*) from audit_log where action ="
                                                        + " 'plan.finish' and target = ?",
                                                rs -> rs.getLong(1),
                                                "plan " + queued)
                                        .orElseThrow());
        assertThat(ends).isEqualTo(1);
    }

    private static long startPlan(Client planner, long sid) {
        Response r = planner.post("/api/scenarios/" + sid + "/plans", Map.of("planner", "fifo"));
        assertThat(r.status()).as(r.body()).isEqualTo(202);
        return ((Number) r.map().get("id")).longValue();
    }

    /**
     * A cancel that reaches a plan's job after the job has settled that the plan is DONE, but
     * before it has written so and let the job go, is refused with 409 naming DONE: it answered 202
     * "cancel requested" for a plan then stored as DONE, not cancelled.
     */
    @Test
    void aCancelReachingAJobThatHasSettledAsDoneSaysItIsDone() throws Exception {
        Client planner = TestServer.user("cx_settled_us", "USA", Role.PLANNER);
        var s = Fixtures.scenario("cx-settled", "S1", "US");
        long sid =
                srv.api()
                        .importScenario(Fixtures.me(planner), s, "USA ONLY", "cx-settled.yaml", "");
        var ending = new java.util.concurrent.CountDownLatch(1);
        var release = new java.util.concurrent.CountDownLatch(1);
        srv.jobs().beforeJobEnds =
                id -> {
                    if (srv.store().plan(id).map(Store.PlanRow::scenarioId).orElse(-1L) == sid) {
                        ending.countDown();
                        try {
                            release.await(60, java.util.concurrent.TimeUnit.SECONDS);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    }
                };
        try {
            Response started =
                    planner.post("/api/scenarios/" + sid + "/plans", Map.of("planner", "fifo"));
            assertThat(started.status()).as(started.body()).isEqualTo(202);
            long pid = ((Number) started.map().get("id")).longValue();
            assertThat(ending.await(60, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
            Response late = planner.post("/api/plans/" + pid + "/cancel", null);
            release.countDown();
            assertThat(late.status()).as(late.body()).isEqualTo(409);
            assertThat(late.map())
                    .containsEntry("cancelRequested", false)
                    .containsEntry("status", "DONE")
                    .containsEntry(
                            "error",
                            "plan "
                                    + pid
                                    + " is DONE; only a queued or running plan can be"
                                    + " cancelled");
            for (int i = 0; i < 300 && srv.jobs().job(pid) != null; i++) {
                Thread.sleep(100);
            }
            assertThat(srv.store().plan(pid).orElseThrow().status()).isEqualTo("DONE");
        } finally {
            release.countDown();
            srv.jobs().beforeJobEnds = id -> {};
        }
        // a cancel that reaches the job before it settles still stops it: stored CANCELLED
        var planning = new java.util.concurrent.CountDownLatch(1);
        muster.engine.plan.Planner untilCancelled =
                new muster.engine.plan.Planner() {
                    @Override
                    public String name() {
                        return "until-cancelled";
                    }

                    @Override
                    public muster.model.Plan plan(
                            muster.model.Scenario sc,
                            muster.engine.plan.PlanOptions o,
                            muster.engine.plan.Progress p) {
                        planning.countDown();
                        waitUntil(p::cancelled);
                        return muster.engine.plan.Planners.byName("fifo").plan(sc, o, p);
                    }
                };
        Store.PlanRow row =
                runJob(
                        "until-cancelled",
                        untilCancelled,
                        (jobs, id) -> {
                            assertThat(planning.await(60, java.util.concurrent.TimeUnit.SECONDS))
                                    .isTrue();
                            assertThat(jobs.cancel(id)).isEqualTo(new PlanJobs.Cancel(true, null));
                        });
        assertThat(row.status()).as(row.error()).isEqualTo("CANCELLED");
        assertThat(row.error()).isEqualTo("cancelled");
        // cancelled before its bound: the planner's own, saying the full one was cancelled
        assertThat(srv.store().planResult(row.id()).orElseThrow().lowerBound().method())
                .isEqualTo(
                        muster.engine.bound.LowerBounds.METHOD_TRIVIAL
                                + " (the full bound was cancelled with the plan)");
    }

    /**
     * A plan cancelled while its lower bound is worked out (about 10 to 30 s of an L plan, over a
     * minute of an XL one), for which the server gives no estimate of the time left (it said 0 s at
     * 100 %), stops the bound, which asks whether to stop between its steps and while its solver
     * runs, and ends CANCELLED with the plan found. The plan keeps the planner's own bound, or the
     * earliest-arrival one where the planner gives none (lns, here, whose cancelled plans had no
     * bound at all), and says that the full one was cancelled. The bound used to run on to its end
     * first.
     */
    @Test
    void aPlanCancelledWhileItsBoundIsWorkedOutStopsTheBoundAndKeepsThePlan() throws Exception {
        var bounding = new java.util.concurrent.CountDownLatch(1);
        var stopSeen = new java.util.concurrent.atomic.AtomicBoolean();
        Double[] etaWhileBounding = {-1.0};
        String[] phaseWhileBounding = {null};
        Engine engine =
                new Engine() {
                    @Override
                    muster.engine.plan.Planner planner(String n) {
                        return muster.engine.plan.Planners.byName("lns");
                    }

                    @Override
                    muster.model.LowerBound bound(
                            muster.model.Scenario sc, java.util.function.BooleanSupplier stop) {
                        // a bound that takes until it is stopped, as L's seems to a user
                        bounding.countDown();
                        waitUntil(stop);
                        stopSeen.set(stop.getAsBoolean());
                        return super.bound(sc, stop);
                    }
                };
        Client c = TestServer.user("bound_cancel_us", "USA", Role.PLANNER);
        User u = Fixtures.me(c);
        long sid =
                srv.api()
                        .importScenario(
                                u,
                                Fixtures.scenario("bound-cancel", "B1", "US", "B2", "US"),
                                "USA ONLY",
                                "bound-cancel.yaml",
                                "");
        Store.PlanRow row =
                runJob(
                        u,
                        sid,
                        "USA ONLY",
                        "lns",
                        engine,
                        (jobs, id) -> {
                            assertThat(bounding.await(30, java.util.concurrent.TimeUnit.SECONDS))
                                    .as("the server works out the bound through its engine")
                                    .isTrue();
                            PlanJobs.Job j = jobs.job(id);
                            phaseWhileBounding[0] = j.phase;
                            etaWhileBounding[0] = jobs.etaSeconds(j);
                            assertThat(jobs.cancel(id)).isEqualTo(new PlanJobs.Cancel(true, null));
                        });
        assertThat(stopSeen).as("the bound was asked to stop").isTrue();
        assertThat(etaWhileBounding[0]).as("no estimate while the bound is worked out").isNull();
        assertThat(phaseWhileBounding[0]).isEqualTo("lower bound");
        assertThat(row.status()).as(row.error()).isEqualTo("CANCELLED");
        assertThat(row.error()).isEqualTo("cancelled");
        muster.model.Plan kept = srv.store().planResult(row.id()).orElseThrow();
        assertThat(kept.lines()).isNotEmpty();
        assertThat(kept.lowerBound().method())
                .isEqualTo(
                        muster.engine.bound.LowerBounds.METHOD_TRIVIAL
                                + " (the full bound was cancelled with the plan)");
    }

    /**
     * A plan whose full bound fails in its solver (OR-Tools' native library that does not load) is
     * stored DONE with the earliest-arrival bound, whose method says that the full one could not be
     * computed: read later, the plan said "earliest-arrival" as if no more had been asked for.
     */
    @Test
    void aPlanWhoseBoundFailsKeepsTheEarliestArrivalBoundSayingSo() throws Exception {
        Engine engine =
                new Engine() {
                    @Override
                    muster.engine.plan.Planner planner(String n) {
                        return muster.engine.plan.Planners.byName("lns");
                    }

                    @Override
                    muster.model.LowerBound bound(
                            muster.model.Scenario sc, java.util.function.BooleanSupplier stop) {
                        throw new UnsatisfiedLinkError(
                                "'long com.google.ortools.linearsolver.mainJNI.MPSolver_new'");
                    }
                };
        Client c = TestServer.user("bound_fails_us", "USA", Role.PLANNER);
        User u = Fixtures.me(c);
        muster.model.Scenario sc = Fixtures.scenario("bound-fails", "F1", "US", "F2", "US");
        long sid = srv.api().importScenario(u, sc, "USA ONLY", "bound-fails.yaml", "");
        Store.PlanRow row = runJob(u, sid, "USA ONLY", "lns", engine, (jobs, id) -> {});
        assertThat(row.status()).as(row.error()).isEqualTo("DONE");
        muster.model.LowerBound kept = srv.store().planResult(row.id()).orElseThrow().lowerBound();
        muster.model.LowerBound earliest = muster.engine.bound.LowerBounds.earliestArrival(sc);
        assertThat(kept.method())
                .isEqualTo(
                        muster.engine.bound.LowerBounds.METHOD_TRIVIAL
                                + " (the full bound could not be computed)");
        assertThat(kept.closureDay()).isEqualTo(earliest.closureDay());
        assertThat(kept.lateStonDays()).isEqualTo(earliest.lateStonDays());
    }

    /**
     * A server stopped (Ctrl-C, SIGTERM) stops its jobs as a cancel does, and each says that the
     * server stopped it: a running plan keeps the plan found by then, a queued one is to be run
     * again. Both said 'cancelled', as if a planner had cancelled them.
     */
    @Test
    void aStopOfTheServerStopsItsJobsSayingSo() throws Exception {
        var planning = new java.util.concurrent.CountDownLatch(1);
        muster.engine.plan.Planner untilStopped =
                new muster.engine.plan.Planner() {
                    @Override
                    public String name() {
                        return "until-stopped";
                    }

                    @Override
                    public muster.model.Plan plan(
                            muster.model.Scenario sc,
                            muster.engine.plan.PlanOptions o,
                            muster.engine.plan.Progress p) {
                        planning.countDown();
                        waitUntil(p::cancelled);
                        return muster.engine.plan.Planners.byName("fifo").plan(sc, o, p);
                    }
                };
        User u = Fixtures.me(TestServer.user("stop_planner", "USA", Role.PLANNER));
        long sid =
                srv.api()
                        .importScenario(
                                u,
                                Fixtures.scenario("stopped", "ST1", "US"),
                                "USA ONLY",
                                "stopped.yaml",
                                "");
        long[] queued = new long[1];
        Store.PlanRow row =
                runJob(
                        u,
                        sid,
                        "USA ONLY",
                        "until-stopped",
                        untilStopped,
                        (jobs, id) -> {
                            queued[0] =
                                    Jdbc.tx(
                                            srv.database(),
                                            c ->
                                                    Jdbc.insert(
                                                            c,
                                                            "insert into plan_run(scenario_id,"
                                                                    + " planner, owner_nation,"
                                                                    + " releasable_to, status,"
                                                                    + " created_by) values"
                                                                    + " (?,?,?,?,'QUEUED',?)",
                                                            sid,
                                                            "until-stopped",
                                                            u.nation(),
                                                            "USA ONLY",
                                                            u.id()));
                            jobs.submit(queued[0], sid, "until-stopped");
                            assertThat(planning.await(60, java.util.concurrent.TimeUnit.SECONDS))
                                    .isTrue();
                            jobs.close();
                        });
        assertThat(row.status()).as(row.error()).isEqualTo("CANCELLED");
        assertThat(row.error())
                .isEqualTo("the server was stopped while it ran; the plan found by then is kept");
        assertThat(srv.store().planResult(row.id())).isPresent();
        Store.PlanRow waiting = srv.store().plan(queued[0]).orElseThrow();
        assertThat(waiting.status()).as(waiting.error()).isEqualTo("CANCELLED");
        assertThat(waiting.error())
                .isEqualTo("the server was stopped before it started; run it again");
    }

    /** Runs one job with {@code planner} on a fresh scenario and returns its stored row. */
    private Store.PlanRow runJob(String name, muster.engine.plan.Planner planner) throws Exception {
        return runJob(name, planner, (jobs, id) -> {});
    }

    /**
     * Waits until {@code done} is true, up to a minute: a planner or bound that runs until stopped.
     */
    private static void waitUntil(java.util.function.BooleanSupplier done) {
        for (int i = 0; i < 6000 && !done.getAsBoolean(); i++) {
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Something a test does to a job while it runs. */
    private interface WhileRunning {
        void accept(PlanJobs jobs, long planId) throws Exception;
    }

    /** As {@link #runJob(String, muster.engine.plan.Planner)}, doing {@code meanwhile} first. */
    private Store.PlanRow runJob(
            String name, muster.engine.plan.Planner planner, WhileRunning meanwhile)
            throws Exception {
        Client c = TestServer.user("jobs_us", "USA", Role.PLANNER);
        User u = Fixtures.me(c);
        var s = Fixtures.scenario(name, "J1", "US", "J2", "US");
        long sid = srv.api().importScenario(u, s, "USA ONLY", name + ".yaml", "");
        return runJob(u, sid, "USA ONLY", name, planner, meanwhile);
    }

    /** Runs one job of {@code u}'s nation with {@code planner} on scenario {@code sid}. */
    private Store.PlanRow runJob(
            User u,
            long sid,
            String marking,
            String name,
            muster.engine.plan.Planner planner,
            WhileRunning meanwhile)
            throws Exception {
        Engine engine =
                new Engine() {
                    @Override
                    muster.engine.plan.Planner planner(String n) {
                        return planner;
                    }
                };
        return runJob(u, sid, marking, name, engine, meanwhile);
    }

    /** Runs one job of {@code u}'s nation with {@code engine}'s planner and bound. */
    private Store.PlanRow runJob(
            User u, long sid, String marking, String name, Engine engine, WhileRunning meanwhile)
            throws Exception {
        long pid =
                Jdbc.tx(
                        srv.database(),
                        con ->
                                Jdbc.insert(
                                        con,
                                        "insert into plan_run(scenario_id, planner, owner_nation,"
                                                + " releasable_to, status, created_by) values"
                                                + " (?,?,?,?,'QUEUED',?)",
                                        sid,
                                        name,
                                        u.nation(),
                                        marking,
                                        u.id()));
        try (PlanJobs jobs = new PlanJobs(srv.store(), engine, Clock.systemUTC(), 1)) {
            jobs.submit(pid, sid, name);
            meanwhile.accept(jobs, pid);
            for (int i = 0; i < 600 && jobs.job(pid) != null; i++) {
                Thread.sleep(100);
            }
        }
        return srv.store().plan(pid).orElseThrow();
    }

    @Test
    void aRunningPlanWhosePlannerHasNotReportedYetIsStartingNotQueued() throws Exception {
        // a planner that prepares before it reports, as lns does for about a minute on L
        java.util.concurrent.CountDownLatch prepared = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch started = new java.util.concurrent.CountDownLatch(1);
        muster.engine.plan.Planner slow =
                new muster.engine.plan.Planner() {
                    @Override
                    public String name() {
                        return "slow";
                    }

                    @Override
                    public muster.model.Plan plan(
                            muster.model.Scenario s,
                            muster.engine.plan.PlanOptions o,
                            muster.engine.plan.Progress p) {
                        started.countDown();
                        try {
                            prepared.await(30, java.util.concurrent.TimeUnit.SECONDS);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                        return Fixtures.plan(s);
                    }
                };
        List<String> seen = new java.util.ArrayList<>();
        Store.PlanRow done =
                runJob(
                        "starting",
                        slow,
                        (jobs, id) -> {
                            assertThat(started.await(30, java.util.concurrent.TimeUnit.SECONDS))
                                    .isTrue();
                            Store.PlanRow row = srv.store().plan(id).orElseThrow();
                            seen.add(row.status() + " " + row.phase());
                            seen.add(jobs.job(id).phase);
                            prepared.countDown();
                        });
        // in the database, which the plans list and the event stream read after a restart, and in
        // the job, which they read while it runs
        assertThat(seen).containsExactly("RUNNING starting", "starting");
        assertThat(done.status()).isNotIn("QUEUED", "RUNNING");
    }

    @Test
    void aPlanThatBreaksTheMovementRulesIsNotStoredAsDone() throws Exception {
        // a planner that forgets the capacity of a C-17 (45 stons): 2 x 20 stons and 200 pax on one
        // mission
        muster.engine.plan.Planner overload =
                new muster.engine.plan.Planner() {
                    @Override
                    public String name() {
                        return "overload";
                    }

                    @Override
                    public muster.model.Plan plan(
                            muster.model.Scenario s,
                            muster.engine.plan.PlanOptions o,
                            muster.engine.plan.Progress p) {
                        muster.model.Plan good = Fixtures.plan(s);
                        var m0 = good.missions().get(0);
                        var both =
                                new muster.model.Mission(
                                        m0.id(),
                                        m0.lift(),
                                        m0.tail(),
                                        m0.stops(),
                                        good.missions().stream()
                                                .flatMap(m -> m.loads().stream())
                                                .toList());
                        return new muster.model.Plan(
                                good.scenario(),
                                good.planner(),
                                good.measures(),
                                null,
                                List.of(both),
                                good.lines(),
                                List.of());
                    }
                };
        Store.PlanRow row = runJob("overload", overload);
        assertThat(row.status()).isEqualTo("FAILED");
        assertThat(row.error()).contains("breaks the movement model").contains("rule");
        assertThat(srv.store().planResult(row.id())).isEmpty();
    }

    /**
     * A plan that breaks the movement model is refused naming the violations: their missions, lines
     * and figures. A reader from whom lines are withheld is told how many violations there were,
     * not what they say, as the reader is given no whole-plan figure.
     */
    @Test
    void aFailedPlanNamesItsViolationsOnlyToReadersWhoSeeEveryLine() throws Exception {
        Client us = TestServer.user("failview_us", "USA", Role.PLANNER, Role.LIAISON);
        Client pl = TestServer.user("failview_pl", "POL", Role.OBSERVER);
        User u = Fixtures.me(us);
        var s = Fixtures.scenario("failview", "FV1", "PL", "FH1", "US");
        long sid = srv.api().importScenario(u, s, "REL NATO", "failview.yaml", "");
        Response narrowed =
                us.patch(
                        "/api/scenarios/" + sid + "/lines/FH1/marking",
                        Map.of("marking", "USA ONLY"));
        assertThat(narrowed.status()).as(narrowed.body()).isEqualTo(200);
        // a planner that puts ten times a C-17's 45 stons on the hidden line's mission
        muster.engine.plan.Planner overload =
                new muster.engine.plan.Planner() {
                    @Override
                    public String name() {
                        return "overload";
                    }

                    @Override
                    public muster.model.Plan plan(
                            muster.model.Scenario sc,
                            muster.engine.plan.PlanOptions o,
                            muster.engine.plan.Progress p) {
                        muster.model.Plan good = Fixtures.plan(sc);
                        List<muster.model.Mission> missions =
                                good.missions().stream()
                                        .map(
                                                m ->
                                                        !m.id().equals("M-FH1")
                                                                ? m
                                                                : new muster.model.Mission(
                                                                        m.id(),
                                                                        m.lift(),
                                                                        m.tail(),
                                                                        m.stops(),
                                                                        List.of(
                                                                                load(
                                                                                        "FH1", 100,
                                                                                        450))))
                                        .toList();
                        return new muster.model.Plan(
                                good.scenario(),
                                good.planner(),
                                good.measures(),
                                null,
                                missions,
                                good.lines(),
                                List.of());
                    }
                };
        Store.PlanRow row = runJob(u, sid, "REL NATO", "failview", overload, (jobs, id) -> {});
        assertThat(row.status()).isEqualTo("FAILED");
        assertThat(row.error()).contains("FH1");

        String own = (String) us.get("/api/plans/" + row.id()).map().get("error");
        assertThat(own).isEqualTo(row.error());
        Response theirs = pl.get("/api/plans/" + row.id());
        assertThat(theirs.status()).as(theirs.body()).isEqualTo(200);
        String error = (String) theirs.map().get("error");
        assertThat(error)
                .startsWith("the plan breaks the movement model (")
                .doesNotContain("FH1")
                .doesNotContain("450");
        Map<String, Object> listed =
                pl.get("/api/plans").list().stream()
                        .filter(p -> ((Number) p.get("id")).longValue() == row.id())
                        .findFirst()
                        .orElseThrow();
        assertThat(listed.get("error")).isEqualTo(error);

        // a planner's own message is given as it is, unless it names a withheld line
        for (String message : List.of("no route for line FH1", "no route for line FV1")) {
            muster.engine.plan.Planner broken =
                    new muster.engine.plan.Planner() {
                        @Override
                        public String name() {
                            return "broken";
                        }

                        @Override
                        public muster.model.Plan plan(
                                muster.model.Scenario sc,
                                muster.engine.plan.PlanOptions o,
                                muster.engine.plan.Progress p) {
                            throw new IllegalStateException(message);
                        }
                    };
            Store.PlanRow failed = runJob(u, sid, "REL NATO", "failview", broken, (j, id) -> {});
            assertThat(us.get("/api/plans/" + failed.id()).map().get("error")).isEqualTo(message);
            String seen = (String) pl.get("/api/plans/" + failed.id()).map().get("error");
            if (message.contains("FH1")) {
                assertThat(seen).doesNotContain("FH1").contains("names lines not released to you");
            } else {
                assertThat(seen).isEqualTo(message);
            }
        }
    }

    /**
     * A finished plan is audited under its owner nation, whose administrators read the row; a plan
     * of a nation from which lines are withheld has its error there as that nation reads it.
     */
    @Test
    void theAuditRowOfAFailedPlanSaysNoMoreThanItsNationSees() throws Exception {
        Client us = TestServer.user("failaudit_us", "USA", Role.PLANNER, Role.LIAISON);
        Client pl = TestServer.user("failaudit_pl", "POL", Role.PLANNER);
        var s = Fixtures.scenario("failaudit", "FA1", "PL", "FAH1", "US");
        long sid = srv.api().importScenario(Fixtures.me(us), s, "REL NATO", "failaudit.yaml", "");
        Response narrowed =
                us.patch(
                        "/api/scenarios/" + sid + "/lines/FAH1/marking",
                        Map.of("marking", "USA ONLY"));
        assertThat(narrowed.status()).as(narrowed.body()).isEqualTo(200);
        muster.engine.plan.Planner broken =
                new muster.engine.plan.Planner() {
                    @Override
                    public String name() {
                        return "broken";
                    }

                    @Override
                    public muster.model.Plan plan(
                            muster.model.Scenario sc,
                            muster.engine.plan.PlanOptions o,
                            muster.engine.plan.Progress p) {
                        throw new IllegalStateException("no route for line FAH1");
                    }
                };
        Store.PlanRow row =
                runJob(Fixtures.me(pl), sid, "REL NATO", "failaudit", broken, (j, id) -> {});
        assertThat(row.status()).isEqualTo("FAILED");
        assertThat(row.error()).contains("FAH1");
        Map<String, Object> audited =
                TestServer.adminOf("POL").get("/api/audit?limit=5000").list().stream()
                        .filter(a -> ("plan " + row.id()).equals(a.get("target")))
                        .filter(a -> "plan.finish".equals(a.get("action")))
                        .findFirst()
                        .orElseThrow(() -> new AssertionError("no plan.finish row"));
        assertThat(audited.get("outcome")).isEqualTo("FAILED");
        assertThat((String) audited.get("detail"))
                .startsWith("FAILED: ")
                .doesNotContain("FAH1")
                .contains("names lines not released to you");
    }

    @Test
    void anErrorInThePlannerFailsTheJobInsteadOfLeavingItRunning() throws Exception {
        muster.engine.plan.Planner broken =
                new muster.engine.plan.Planner() {
                    @Override
                    public String name() {
                        return "broken";
                    }

                    @Override
                    public muster.model.Plan plan(
                            muster.model.Scenario s,
                            muster.engine.plan.PlanOptions o,
                            muster.engine.plan.Progress p) {
                        throw new AssertionError("native solver library missing");
                    }
                };
        Store.PlanRow row = runJob("broken", broken);
        assertThat(row.status()).isEqualTo("FAILED");
        assertThat(row.error()).contains("native solver library missing");
    }

    /** A clock the test moves by hand. */
    private static Clock clockAt(Instant[] now) {
        return new Clock() {
            @Override
            public ZoneOffset getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now[0];
            }
        };
    }

    private static int status(Runnable r) {
        try {
            r.run();
            return 200;
        } catch (ApiException e) {
            return e.status();
        }
    }

    /** The first start's password is named as the operator gave it, the environment variable. */
    @Test
    void aWeakFirstAdminPasswordNamesTheEnvironmentVariable() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Auth.checkAdminPassword("short"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("MUSTER_ADMIN_PASSWORD: ")
                .hasMessageContaining("12 characters")
                .hasMessageNotContaining("field");
        Auth.checkAdminPassword("a-long-enough-password");
    }

    @Test
    void anUnknownUserNameCostsABcryptVerificationLikeAWrongPassword() {
        TestServer.user("timed", "USA", Role.OBSERVER);
        Instant[] now = {Instant.parse("2020-01-01T00:00:00Z")};
        Auth auth =
                new Auth(
                        srv.database(),
                        new Audit(srv.database()),
                        clockAt(now),
                        Duration.ofHours(1));
        assertThat(status(() -> auth.login("timed", "wrong-password-1", "10.0.0.21")))
                .isEqualTo(401);
        assertThat(auth.verifications.get()).isEqualTo(1);
        assertThat(status(() -> auth.login("no_such_user_at_all", "wrong-password-1", "10.0.0.21")))
                .isEqualTo(401);
        assertThat(auth.verifications.get()).isEqualTo(2);
        assertThat(status(() -> auth.login("no_such_user_at_all", null, "10.0.0.21")))
                .isEqualTo(401);
        assertThat(auth.verifications.get()).isEqualTo(3);
    }

    @Test
    void concurrentSignInsCannotSlipPastTheLimit() throws Exception {
        TestServer.user("raced", "USA", Role.OBSERVER);
        Instant[] now = {Instant.parse("2020-01-01T00:00:00Z")};
        Auth auth =
                new Auth(
                        srv.database(),
                        new Audit(srv.database()),
                        clockAt(now),
                        Duration.ofHours(1));
        int n = 16;
        var start = new java.util.concurrent.CountDownLatch(1);
        var pool = java.util.concurrent.Executors.newFixedThreadPool(n);
        List<java.util.concurrent.Future<Integer>> answers = new java.util.ArrayList<>();
        for (int i = 0; i < n; i++) {
            int k = i;
            answers.add(
                    pool.submit(
                            () -> {
                                start.await();
                                return status(() -> auth.login("raced", "wrong-" + k, "10.0.0.22"));
                            }));
        }
        start.countDown();
        List<Integer> got = new java.util.ArrayList<>();
        for (var f : answers) {
            got.add(f.get());
        }
        pool.shutdown();
        // exactly MAX_FAILURES attempts reach the password check; the rest are refused unchecked
        assertThat(got.stream().filter(x -> x == 401).count())
                .as(got.toString())
                .isEqualTo(Auth.MAX_FAILURES);
        assertThat(got.stream().filter(x -> x == 429).count())
                .as(got.toString())
                .isEqualTo(n - Auth.MAX_FAILURES);
        assertThat(auth.verifications.get()).isEqualTo(Auth.MAX_FAILURES);
    }

    @Test
    void failureCountsOlderThanTheWindowAreDropped() {
        Instant[] now = {Instant.parse("2020-01-01T00:00:00Z")};
        Auth auth =
                new Auth(
                        srv.database(),
                        new Audit(srv.database()),
                        clockAt(now),
                        Duration.ofHours(1));
        assertThat(status(() -> auth.login("pruned_a", "wrong-password-1", "10.0.0.23")))
                .isEqualTo(401);
        assertThat(auth.tracks("u:pruned_a")).isTrue();
        assertThat(auth.tracks("a:10.0.0.23")).isTrue();
        now[0] = now[0].plus(Auth.FAILURE_WINDOW).plusSeconds(61);
        assertThat(status(() -> auth.login("pruned_b", "wrong-password-1", "10.0.0.24")))
                .isEqualTo(401);
        assertThat(auth.tracks("u:pruned_a")).isFalse();
        assertThat(auth.tracks("a:10.0.0.23")).isFalse();
        assertThat(auth.tracks("u:pruned_b")).isTrue();
    }
}
