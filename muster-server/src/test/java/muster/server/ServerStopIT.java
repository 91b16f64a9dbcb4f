package muster.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
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

    @Test
    void aPlanRunningWhenTheServerIsStoppedRecordsThatTheServerStoppedIt() throws Exception {
        ServerJvm jvm = new ServerJvm("muster-stop", ADMIN);
        Path home = jvm.home;
        Path dataDir = jvm.dataDir();
        try {
            Process first = jvm.start("first");
            String admin = jvm.login("admin", ADMIN);
            jvm.call(
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
            String planner = jvm.login("stop_pl", "stop-planner-pw");
            long plan =
                    ((Number)
                                    jvm.call(
                                                    planner,
                                                    "POST",
                                                    jvm.bundledScenario(planner) + "/plans",
                                                    Map.of("planner", "lns"))
                                            .get("id"))
                            .longValue();
            long end = System.nanoTime() + Duration.ofMinutes(2).toNanos();
            while (!"RUNNING"
                            .equals(
                                    jvm.call(planner, "GET", "/api/plans/" + plan, null)
                                            .get("status"))
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

            jvm.start("second");
            planner = jvm.login("stop_pl", "stop-planner-pw");
            Map<String, Object> row = jvm.call(planner, "GET", "/api/plans/" + plan, null);
            assertThat(row.get("status")).as("%s", row).isEqualTo("CANCELLED");
            assertThat(row.get("error"))
                    .isEqualTo(
                            "the server was stopped while it ran; the plan found by then is kept");
            assertThat(row.get("result")).isEqualTo(true);
        } catch (Throwable failed) {
            jvm.printLogs(failed);
            throw failed;
        } finally {
            jvm.remove();
        }
    }
}
