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
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The server as its own JVM on its embedded PostgreSQL, stopped with SIGTERM (as Ctrl-C stops it)
 * while a plan runs: the plan records that the server stopped it, PostgreSQL stops with the server,
 * and the next start finds the plan so.
 */
class ServerStopIT {
    static final String ADMIN = "stop-admin-password";
    final HttpClient http = HttpClient.newHttpClient();
    final List<Process> servers = new ArrayList<>();
    int port;

    @Test
    void aPlanRunningWhenTheServerIsStoppedRecordsThatTheServerStoppedIt() throws Exception {
        Path home = Files.createTempDirectory("muster-stop");
        Path dataDir = home.resolve(".muster").resolve("db");
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        try {
            Process first = start(home, "first");
            String admin = login("admin", ADMIN);
            call(
                    admin,
                    "POST",
                    "/api/users",
                    Map.of(
                            "username",
                            "stop_pl",
                            "password",
                            "stop-planner-pw",
                            "nation",
                            "USA",
                            "roles",
                            List.of("PLANNER")));
            String planner = login("stop_pl", "stop-planner-pw");
            long plan =
                    ((Number)
                                    call(
                                                    planner,
                                                    "POST",
                                                    "/api/scenarios/1/plans",
                                                    Map.of("planner", "lns"))
                                            .get("id"))
                            .longValue();
            long end = System.nanoTime() + Duration.ofMinutes(2).toNanos();
            while (!"RUNNING".equals(call(planner, "GET", "/api/plans/" + plan, null).get("status"))
                    && System.nanoTime() < end) {
                Thread.sleep(50);
            }
            first.destroy(); // SIGTERM
            assertThat(first.waitFor(2, TimeUnit.MINUTES)).as("the server stops").isTrue();
            assertThat(dataDir.resolve("postmaster.pid"))
                    .as("PostgreSQL stopped with the server")
                    .doesNotExist();
            assertThat(Files.readString(home.resolve("first.log")))
                    .doesNotContain("has been closed")
                    .doesNotContain("Exception");

            start(home, "second");
            planner = login("stop_pl", "stop-planner-pw");
            Map<String, Object> row = call(planner, "GET", "/api/plans/" + plan, null);
            assertThat(row.get("status")).as("%s", row).isEqualTo("CANCELLED");
            assertThat(row.get("error"))
                    .isEqualTo(
                            "the server was stopped while it ran; the plan found by then is kept");
            assertThat(row.get("result")).isEqualTo(true);
        } catch (Throwable failed) {
            try (var logs = Files.list(home)) {
                for (Path log : logs.filter(f -> f.toString().endsWith(".log")).toList()) {
                    System.err.println("--- " + log.getFileName() + "\n" + Files.readString(log));
                }
            }
            throw failed;
        } finally {
            for (Process p : servers) {
                p.destroy();
                if (!p.waitFor(60, TimeUnit.SECONDS)) {
                    p.destroyForcibly().waitFor(60, TimeUnit.SECONDS);
                }
            }
            Database.stopOrphan(dataDir);
            try (var paths = Files.walk(home)) {
                for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
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
        throw new AssertionError(name + " server did not answer:\n" + Files.readString(log));
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

    private String login(String user, String password) throws Exception {
        return (String)
                call(null, "POST", "/api/login", Map.of("username", user, "password", password))
                        .get("token");
    }
}
