package muster.server;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import muster.model.Plan;

/**
 * Measures the plan view with a big plan: starts a server on an embedded PostgreSQL (or {@code
 * --db}), imports a scenario through the API, stores its plan as a finished run, then times in
 * headless Chromium how long the plan page takes to be drawn and idle, how many bytes of JSON it
 * fetched and how many table rows and DOM elements it made; also times the plan view endpoints. Not
 * a test: run it with {@code bench/ui/run SCENARIO.yaml PLAN.json}.
 */
public final class PlanViewBench {
    private PlanViewBench() {}

    static final HttpClient HTTP = HttpClient.newHttpClient();

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println(
                    "usage: PlanViewBench SCENARIO.yaml PLAN.json [--db JDBC-URL] [--runs N]"
                            + " [--api-first]");
            System.exit(2);
        }
        Path scenarioFile = Path.of(args[0]);
        Path planFile = Path.of(args[1]);
        String db = null;
        int runs = 3;
        boolean apiFirst = false;
        for (int i = 2; i < args.length; i += 2) {
            switch (args[i]) {
                case "--api-first" -> {
                    apiFirst = true;
                    i--;
                }
                case "--db" -> db = args[i + 1];
                case "--runs" -> runs = Integer.parseInt(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        String adminPw = "bench-admin-" + Long.toHexString(System.nanoTime());
        MusterServer.Options o =
                MusterServer.Options.defaults()
                        .withPort(0)
                        .withHost("127.0.0.1")
                        .withAdminPassword(adminPw)
                        .withBundledScenario(null)
                        .withDataDir(Files.createTempDirectory("muster-bench-db"));
        if (db != null) {
            o = o.withDb(db);
        }
        try (MusterServer srv = MusterServer.start(o, new StringBuilder())) {
            String base = "http://127.0.0.1:" + srv.port();
            String admin = login(base, "admin", adminPw);
            send(
                    base,
                    admin,
                    "POST",
                    "/api/users",
                    Json.write(
                            Map.of(
                                    "username",
                                    "bench_planner",
                                    "password",
                                    "bench-planner-password",
                                    "nation",
                                    "USA",
                                    "roles",
                                    java.util.List.of("PLANNER"))));
            String token = login(base, "bench_planner", "bench-planner-password");
            long t0 = System.nanoTime();
            HttpResponse<String> imp =
                    send(
                            base,
                            token,
                            "POST",
                            "/api/scenarios?file=" + scenarioFile.getFileName(),
                            Files.readString(scenarioFile, StandardCharsets.UTF_8));
            if (imp.statusCode() != 201) {
                throw new IllegalStateException("scenario import: " + imp.body());
            }
            long sid = Json.MAPPER.readTree(imp.body()).get("id").asLong();
            System.out.printf(
                    "scenario %s imported as %d in %.1f s%n",
                    scenarioFile, sid, (System.nanoTime() - t0) / 1e9);
            String planJson = Files.readString(planFile, StandardCharsets.UTF_8);
            Plan plan = Json.read(planJson, Plan.class);
            User me =
                    Json.MAPPER.convertValue(
                            Json.read(get(base, token, "/api/me").body(), Map.class), User.class);
            long pid = storePlan(srv, sid, me, Json.write(plan));
            System.out.printf(
                    "plan %s stored as %d: %d missions, %d lines%n",
                    planFile, pid, plan.missions().size(), plan.lines().size());

            String[] paths = {
                "/api/plans/" + pid + "/summary",
                "/api/plans/" + pid + "/lines?late=true&page=0&size=50",
                "/api/plans/" + pid + "/missions?page=0&size=50",
                "/api/plans/" + pid + "/missions?page=200&size=50",
                "/api/plans/" + pid,
                "/api/scenarios/" + sid + "/network",
                "/api/scenarios/" + sid,
            };
            if (apiFirst) {
                System.out.println("endpoints, first requests after the plan was stored:");
                timeEndpoints(base, token, paths);
            }
            try (Chromium b = new Chromium(1400, 1000)) {
                b.navigate(base + "/");
                b.waitFor("document.getElementById('username')", Duration.ofSeconds(10));
                b.eval(
                        "document.getElementById('username').value = 'bench_planner';"
                                + " document.getElementById('password').value ="
                                + " 'bench-planner-password';"
                                + " document.getElementById('signin').click(); true");
                b.waitFor("location.hash === '#scenarios'", Duration.ofSeconds(30));
                for (int run = 1; run <= runs; run++) {
                    Map<String, Object> m = measurePlanPage(b, pid);
                    System.out.println(
                            "browser run " + run + " (" + (run == 1 ? "cold" : "warm") + "): " + m);
                    if (run < runs) {
                        b.eval("location.hash = '#scenarios'; true");
                        b.waitFor(
                                "document.querySelector('button.run-plan')",
                                Duration.ofSeconds(60));
                    }
                }
                Map<String, Object> pager = measurePaging(b);
                System.out.println("next page of missions: " + pager);
                b.screenshot(Path.of("target", "plan-view-bench.png"));
            }
            System.out.println("endpoints, after the browser runs:");
            timeEndpoints(base, token, paths);
        }
    }

    static void timeEndpoints(String base, String token, String[] paths) throws Exception {
        for (String path : paths) {
            long a = System.nanoTime();
            HttpResponse<String> r = get(base, token, path);
            double ms = (System.nanoTime() - a) / 1e6;
            System.out.printf(
                    "GET %-50s %d  %8.1f ms  %9d bytes%n",
                    path, r.statusCode(), ms, r.body().getBytes(StandardCharsets.UTF_8).length);
        }
    }

    /**
     * Opens the plan page and waits, inside the page, until its measures, charts and both tables
     * are drawn and the main thread has run a frame and a timer after that: the time the page takes
     * to become usable, including any long script that would block it.
     */
    static Map<String, Object> measurePlanPage(Chromium b, long pid) throws Exception {
        b.eval(
                "(() => { performance.clearResourceTimings(); window.__ready = null;"
                        + " window.__start = performance.now();"
                        + " const ready = () => document.querySelector('#plan-measures')"
                        + " && document.querySelector('#closure-chart svg')"
                        + " && document.querySelector('#load-chart svg, #load-chart canvas')"
                        + " && document.querySelector('#flow-svg')"
                        + " && document.querySelector('#late-lines table, #late-lines .empty')"
                        + " && document.querySelector('#missions table');"
                        + " const poll = setInterval(() => { if (ready()) { clearInterval(poll);"
                        + " requestAnimationFrame(() => setTimeout(() => { window.__ready ="
                        + " performance.now() - window.__start; }, 0)); } }, 5);"
                        + " location.hash = '#plan/"
                        + pid
                        + "'; return true; })()");
        b.waitFor("window.__ready != null", Duration.ofMinutes(5));
        JsonNode r =
                b.eval(
                        "(() => { const api = performance.getEntriesByType('resource')"
                                + ".filter(e => e.name.includes('/api/'));"
                                + " return { readyMs: Math.round(window.__ready),"
                                + " apiRequests: api.length,"
                                + " apiBytes: api.reduce((s, e) => s + e.decodedBodySize, 0),"
                                + " largestResponse: api.reduce((s, e) => Math.max(s,"
                                + " e.decodedBodySize), 0),"
                                + " tableRows: document.querySelectorAll('#main tr').length,"
                                + " svgElements: document.querySelectorAll('#main svg *').length,"
                                + " domElements: document.getElementsByTagName('*').length }; })()");
        Map<String, Object> m = new LinkedHashMap<>();
        r.fields().forEachRemaining(e -> m.put(e.getKey(), e.getValue().asLong()));
        return m;
    }

    /** Time from a click on the mission table's next-page button to the new rows being drawn. */
    static Map<String, Object> measurePaging(Chromium b) throws Exception {
        b.eval(
                "(() => { window.__paged = null; const first = document.querySelector('#missions td')"
                        + ".textContent; const t = performance.now();"
                        + " [...document.querySelectorAll('#missions button')].find(x =>"
                        + " x.textContent.startsWith('next')).click();"
                        + " const poll = setInterval(() => { const td ="
                        + " document.querySelector('#missions td'); if (td && td.textContent !=="
                        + " first) { clearInterval(poll); requestAnimationFrame(() => window.__paged"
                        + " = performance.now() - t); } }, 5); return true; })()");
        b.waitFor("window.__paged != null", Duration.ofMinutes(2));
        return Map.of("ms", b.eval("Math.round(window.__paged)").asLong());
    }

    static long storePlan(MusterServer srv, long scenarioId, User by, String planJson) {
        return Jdbc.tx(
                srv.database(),
                c ->
                        Jdbc.insert(
                                c,
                                "insert into plan_run(scenario_id, planner, owner_nation,"
                                        + " releasable_to, status, progress, plan_json,"
                                        + " created_by, started_at, finished_at) values"
                                        + " (?,?,?,?,'DONE',1,?,?,?,?)",
                                scenarioId,
                                "lns",
                                by.nation(),
                                "REL NATO",
                                planJson,
                                by.id(),
                                Timestamp.from(Instant.now()),
                                Timestamp.from(Instant.now())));
    }

    static String login(String base, String user, String password) throws Exception {
        HttpResponse<String> r =
                send(
                        base,
                        null,
                        "POST",
                        "/api/login",
                        Json.write(Map.of("username", user, "password", password)));
        if (r.statusCode() != 200) {
            throw new IllegalStateException("login " + user + ": " + r.body());
        }
        return Json.MAPPER.readTree(r.body()).get("token").asText();
    }

    static HttpResponse<String> get(String base, String token, String path) throws Exception {
        return send(base, token, "GET", path, "");
    }

    static HttpResponse<String> send(
            String base, String token, String method, String path, String body) throws Exception {
        HttpRequest.Builder b =
                HttpRequest.newBuilder(URI.create(base + path))
                        .timeout(Duration.ofMinutes(5))
                        .method(method, HttpRequest.BodyPublishers.ofString(body));
        b.header(
                "Content-Type",
                path.startsWith("/api/scenarios?") ? "text/plain" : "application/json");
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }
}
