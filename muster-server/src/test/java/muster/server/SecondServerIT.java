package muster.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A server started on the data directory of a server that runs in another JVM is refused, and the
 * running one keeps its database: its PostgreSQL is no orphan of a killed server.
 */
class SecondServerIT {
    static final String ADMIN = "second-admin-password";
    final HttpClient http = HttpClient.newHttpClient();

    @Test
    void aSecondServerOnARunningServersDataDirectoryIsRefusedAndStopsNothing() throws Exception {
        Path home = Files.createTempDirectory("muster-second");
        Path dataDir = home.resolve(".muster").resolve("db");
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Path log = home.resolve("first.log");
        ProcessBuilder pb =
                new ProcessBuilder(
                                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                                "-Duser.home=" + home,
                                "-Xmx512m",
                                "-cp",
                                System.getProperty("java.class.path"),
                                "muster.server.MusterServer",
                                Integer.toString(port))
                        .directory(home.toFile())
                        .redirectErrorStream(true)
                        .redirectOutput(log.toFile());
        pb.environment().put("MUSTER_ADMIN_PASSWORD", ADMIN);
        Process first = pb.start();
        try {
            awaitHealth(first, port, log);
            assertThatThrownBy(() -> Database.embedded(dataDir).close())
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage(dataDir + " is in use: another muster server runs on it");
            HttpResponse<String> login =
                    http.send(
                            HttpRequest.newBuilder(
                                            URI.create("http://127.0.0.1:" + port + "/api/login"))
                                    .timeout(Duration.ofSeconds(60))
                                    .header("Content-Type", "application/json")
                                    .POST(
                                            HttpRequest.BodyPublishers.ofString(
                                                    "{\"username\":\"admin\",\"password\":\""
                                                            + ADMIN
                                                            + "\"}"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            assertThat(login.statusCode())
                    .as("the first server signs in after the refusal: %s", login.body())
                    .isEqualTo(200);
        } catch (Throwable failed) {
            System.err.println("--- first server\n" + Files.readString(log));
            throw failed;
        } finally {
            first.destroy();
            if (!first.waitFor(60, TimeUnit.SECONDS)) {
                first.destroyForcibly().waitFor(60, TimeUnit.SECONDS);
            }
            Database.stopOrphan(dataDir);
            try (var paths = Files.walk(home)) {
                for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    private void awaitHealth(Process p, int port, Path log) throws Exception {
        long end = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (System.nanoTime() < end) {
            if (!p.isAlive()) {
                throw new AssertionError("the first server exited:\n" + Files.readString(log));
            }
            try {
                HttpResponse<String> r =
                        http.send(
                                HttpRequest.newBuilder(
                                                URI.create(
                                                        "http://127.0.0.1:" + port + "/api/health"))
                                        .build(),
                                HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(300);
        }
        throw new AssertionError("the first server did not answer:\n" + Files.readString(log));
    }
}
