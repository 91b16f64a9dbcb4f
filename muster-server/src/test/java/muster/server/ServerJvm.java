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
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Servers started as JVMs of their own on one private home directory and its embedded PostgreSQL,
 * for the tests that stop or kill a server: the requests they make, and the clean-up that stops
 * every server and the PostgreSQL a killed one leaves running before the directory is deleted.
 */
final class ServerJvm {
    private final HttpClient http = HttpClient.newHttpClient();
    private final List<Process> servers = new ArrayList<>();
    private final String admin;
    final Path home;
    final int port;

    ServerJvm(String prefix, String adminPassword) throws IOException {
        this.admin = adminPassword;
        this.home = Files.createTempDirectory(prefix);
        try (ServerSocket s = new ServerSocket(0)) {
            this.port = s.getLocalPort();
        }
    }

    /** The embedded PostgreSQL's data directory under the home. */
    Path dataDir() {
        return home.resolve(".muster").resolve("db");
    }

    /** Starts a server whose output goes to {@code name.log}, and waits until it answers. */
    Process start(String name) throws Exception {
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
        pb.environment().put("MUSTER_ADMIN_PASSWORD", admin);
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

    HttpResponse<String> send(String token, String method, String path, String body)
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

    /** A request that must succeed (2xx), its JSON answer. */
    @SuppressWarnings("unchecked")
    Map<String, Object> call(String token, String method, String path, Object body)
            throws Exception {
        HttpResponse<String> r = send(token, method, path, body == null ? null : Json.write(body));
        assertThat(r.statusCode()).as(method + " " + path + ": " + r.body()).isBetween(200, 299);
        return Json.read(r.body(), Map.class);
    }

    /** A GET that must answer 200, its body as sent. */
    String raw(String token, String path) throws Exception {
        HttpResponse<String> r = send(token, "GET", path, null);
        assertThat(r.statusCode()).as(path + ": " + r.body()).isEqualTo(200);
        return r.body();
    }

    /**
     * The path of the bundled scenario a first start loads, {@code /api/scenarios/ID}: its id is
     * drawn at random, as every record's.
     */
    String bundledScenario(String token) throws Exception {
        List<?> all = Json.read(raw(token, "/api/scenarios"), List.class);
        assertThat(all).as("the scenarios of a first start").hasSize(1);
        return "/api/scenarios/" + ((Map<?, ?>) all.get(0)).get("id");
    }

    String login(String user, String password) throws Exception {
        return (String)
                call(null, "POST", "/api/login", Map.of("username", user, "password", password))
                        .get("token");
    }

    /** The servers' logs, into the test's output: they go with the directory. */
    void printLogs(Throwable failed) {
        try (var logs = Files.list(home)) {
            for (Path log : logs.filter(f -> f.toString().endsWith(".log")).toList()) {
                System.err.println("--- " + log.getFileName() + "\n" + Files.readString(log));
            }
        } catch (IOException e) {
            failed.addSuppressed(e);
        }
    }

    /**
     * Stops every server (SIGTERM, then SIGKILL after a minute) and the PostgreSQL a killed one
     * left running on the data directory, then deletes the home (about 43 MB), passed or failed.
     */
    void remove() throws Exception {
        for (Process p : servers) {
            p.destroy();
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                if (!p.waitFor(60, TimeUnit.SECONDS)) {
                    throw new AssertionError(
                            "server " + p.pid() + " still runs; " + home + " kept");
                }
            }
        }
        Database.stopOrphan(dataDir());
        try (var paths = Files.walk(home)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
