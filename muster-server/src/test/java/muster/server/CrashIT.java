package muster.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * Starts the server as its own JVM on an embedded PostgreSQL, writes orders from several threads
 * while a plan runs, kills the JVM with SIGKILL, restarts it on the same data directory and finds
 * every acknowledged order and the finished plan intact.
 */
class CrashIT {
    static final String ADMIN = "crash-admin-password";
    final HttpClient http = HttpClient.newHttpClient();
    int port;

    /** Every server JVM this test started, so that none outlives it. */
    final List<Process> servers = new ArrayList<>();

    @Test
    void everyCommittedOrderAndPlanSurvivesSigkill() throws Exception {
        Path home = Files.createTempDirectory("muster-crash");
        try {
            try (ServerSocket s = new ServerSocket(0)) {
                port = s.getLocalPort();
            }
            Process first = start(home, "first");
            try {
                crashAndRestart(home, first);
            } finally {
                first.destroyForcibly();
            }
        } catch (Throwable failed) {
            // the servers' logs go with the directory: keep them in the test's output
            try (var logs = Files.list(home)) {
                for (Path log : logs.filter(f -> f.toString().endsWith(".log")).toList()) {
                    System.err.println("--- " + log.getFileName() + "\n" + Files.readString(log));
                }
            } catch (IOException e) {
                failed.addSuppressed(e);
            }
            try {
                removeHome(home);
            } catch (Exception e) {
                failed.addSuppressed(e);
            }
            throw failed;
        }
        removeHome(home);
    }

    /**
     * Stops the servers and the PostgreSQL a killed one left running on the data directory, then
     * deletes the directory (about 43 MB), passed or failed: each run used to leave one in the
     * temporary directory.
     */
    private void removeHome(Path home) throws Exception {
        for (Process p : servers) {
            p.destroyForcibly();
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                throw new AssertionError("server " + p.pid() + " still runs; " + home + " kept");
            }
        }
        Database.stopOrphan(home.resolve(".muster").resolve("db"));
        try (var paths = Files.walk(home)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    private void crashAndRestart(Path home, Process first) throws Exception {
        String admin = login("admin", ADMIN);
        call(
                admin,
                "POST",
                "/api/users",
                Map.of(
                        "username",
                        "crash_pl",
                        "password",
                        "crash-planner-pw",
                        "nation",
                        "USA",
                        "roles",
                        List.of("PLANNER")));
        String planner = login("crash_pl", "crash-planner-pw");

        Map<String, Object> started =
                call(planner, "POST", "/api/scenarios/1/plans", Map.of("planner", "lns"));
        long done = ((Number) started.get("id")).longValue();
        waitStatus(planner, done, "DONE", Duration.ofMinutes(3));
        String summaryBefore = raw(planner, "/api/plans/" + done + "/summary");
        Map<String, Object> running =
                call(planner, "POST", "/api/scenarios/1/plans", Map.of("planner", "lns"));
        long interrupted = ((Number) running.get("id")).longValue();

        ConcurrentLinkedQueue<String> acknowledged = new ConcurrentLinkedQueue<>();
        AtomicBoolean stop = new AtomicBoolean();
        List<Thread> writers = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            Thread w =
                    new Thread(
                            () -> {
                                while (!stop.get()) {
                                    try {
                                        HttpResponse<String> r =
                                                send(
                                                        planner,
                                                        "POST",
                                                        "/api/orders",
                                                        Json.write(
                                                                Map.of(
                                                                        "kind",
                                                                        "ALERT",
                                                                        "units",
                                                                        // a unit of the bundled
                                                                        // catalogue; drafts only
                                                                        List.of("WAB1AA"),
                                                                        "noticeToMoveHours",
                                                                        12)));
                                        if (r.statusCode() == 201) {
                                            acknowledged.add(
                                                    (String)
                                                            Json.read(r.body(), Map.class)
                                                                    .get("id"));
                                        }
                                    } catch (IOException e) {
                                        return; // the server died mid-request: that write was never
                                        // acknowledged
                                    } catch (InterruptedException e) {
                                        return;
                                    }
                                }
                            });
            w.start();
            writers.add(w);
        }
        Thread.sleep(3000);
        first.destroyForcibly(); // SIGKILL on Linux
        first.waitFor(30, TimeUnit.SECONDS);
        stop.set(true);
        for (Thread w : writers) {
            w.join(30_000);
        }
        assertThat(acknowledged).as("orders acknowledged before the kill").isNotEmpty();

        Process second = start(home, "second");
        try {
            String p2 = login("crash_pl", "crash-planner-pw");
            Map<String, Object> list = call(p2, "GET", "/api/orders?size=500&page=0", null);
            List<String> ids = new ArrayList<>();
            int total = ((Number) list.get("total")).intValue();
            for (int page = 0; page * 500 < total; page++) {
                Map<String, Object> pg = call(p2, "GET", "/api/orders?size=500&page=" + page, null);
                for (Object o : (List<?>) pg.get("items")) {
                    ids.add((String) ((Map<?, ?>) o).get("id"));
                }
            }
            assertThat(ids).as("every acknowledged order is still there").containsAll(acknowledged);
            assertThat(raw(p2, "/api/plans/" + done + "/summary"))
                    .as("the finished plan is unchanged")
                    .isEqualTo(summaryBefore);
            Map<String, Object> cut = call(p2, "GET", "/api/plans/" + interrupted, null);
            assertThat(cut.get("status"))
                    .as("a plan cut short is marked, not lost")
                    .isIn("FAILED", "DONE");
            if ("FAILED".equals(cut.get("status"))) {
                assertThat((String) cut.get("error")).contains("stopped");
            }
            System.out.println(
                    "crash test: "
                            + acknowledged.size()
                            + " acknowledged orders, "
                            + ids.size()
                            + " found after restart");
        } finally {
            second.destroy();
            if (!second.waitFor(60, TimeUnit.SECONDS)) {
                second.destroyForcibly();
            }
        }
    }

    private Process start(Path home, String name) throws Exception {
        Path log = home.resolve(name + ".log");
        ProcessBuilder pb =
                new ProcessBuilder(
                                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                                "-Duser.home=" + home,
                                "-Xmx1g",
                                "-cp",
                                System.getProperty("java.class.path"),
                                "muster.server.MusterServer",
                                Integer.toString(port))
                        .directory(Path.of("..").toFile())
                        .redirectErrorStream(true)
                        .redirectOutput(log.toFile());
        pb.environment().put("MUSTER_ADMIN_PASSWORD", ADMIN);
        Process p = pb.start();
        servers.add(p);
        long end = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (System.nanoTime() < end) {
            if (!p.isAlive()) {
                throw new AssertionError(name + " server exited:\n" + Files.readString(log));
            }
            try {
                if (send(null, "GET", "/api/health", null).statusCode() == 200) {
                    return p;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(300);
        }
        p.destroyForcibly();
        throw new AssertionError(
                name + " server did not answer within 2 minutes:\n" + Files.readString(log));
    }

    private HttpResponse<String> send(String token, String method, String path, String body)
            throws IOException, InterruptedException {
        HttpRequest.Builder b =
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                        .timeout(Duration.ofSeconds(60))
                        .method(
                                method,
                                body == null
                                        ? HttpRequest.BodyPublishers.noBody()
                                        : HttpRequest.BodyPublishers.ofString(body))
                        .header("Content-Type", "application/json");
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> call(String token, String method, String path, Object body)
            throws Exception {
        HttpResponse<String> r = send(token, method, path, body == null ? null : Json.write(body));
        assertThat(r.statusCode()).as(method + " " + path + ": " + r.body()).isBetween(200, 299);
        return Json.read(r.body(), Map.class);
    }

    private String raw(String token, String path) throws Exception {
        HttpResponse<String> r = send(token, "GET", path, null);
        assertThat(r.statusCode()).as(path + ": " + r.body()).isEqualTo(200);
        return r.body();
    }

    private String login(String user, String password) throws Exception {
        return (String)
                call(null, "POST", "/api/login", Map.of("username", user, "password", password))
                        .get("token");
    }

    private void waitStatus(String token, long plan, String status, Duration timeout)
            throws Exception {
        long end = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < end) {
            Object s = call(token, "GET", "/api/plans/" + plan, null).get("status");
            if (status.equals(s)) {
                return;
            }
            assertThat(s).as("plan " + plan).isIn("QUEUED", "RUNNING", status);
            Thread.sleep(500);
        }
        throw new AssertionError("plan " + plan + " not " + status + " within " + timeout);
    }
}
