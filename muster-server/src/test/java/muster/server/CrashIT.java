package muster.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;
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
    ServerJvm jvm;

    @Test
    void everyCommittedOrderAndPlanSurvivesSigkill() throws Exception {
        jvm = new ServerJvm("muster-crash", ADMIN);
        try {
            Process first = jvm.start("first");
            try {
                crashAndRestart(first);
            } finally {
                first.destroyForcibly();
            }
        } catch (Throwable failed) {
            jvm.printLogs(failed);
            try {
                jvm.remove();
            } catch (Exception e) {
                failed.addSuppressed(e);
            }
            throw failed;
        }
        jvm.remove();
    }

    private void crashAndRestart(Process first) throws Exception {
        String admin = jvm.login("admin", ADMIN);
        jvm.call(
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
        String planner = jvm.login("crash_pl", "crash-planner-pw");
        String scenario = jvm.bundledScenario(planner);

        Map<String, Object> started =
                jvm.call(planner, "POST", scenario + "/plans", Map.of("planner", "lns"));
        long done = ((Number) started.get("id")).longValue();
        waitStatus(planner, done, "DONE", Duration.ofMinutes(3));
        String summaryBefore = jvm.raw(planner, "/api/plans/" + done + "/summary");
        Map<String, Object> running =
                jvm.call(planner, "POST", scenario + "/plans", Map.of("planner", "lns"));
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
                                                jvm.send(
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

        Process second = jvm.start("second");
        try {
            String p2 = jvm.login("crash_pl", "crash-planner-pw");
            Map<String, Object> list = jvm.call(p2, "GET", "/api/orders?size=500&page=0", null);
            List<String> ids = new ArrayList<>();
            int total = ((Number) list.get("total")).intValue();
            for (int page = 0; page * 500 < total; page++) {
                Map<String, Object> pg =
                        jvm.call(p2, "GET", "/api/orders?size=500&page=" + page, null);
                for (Object o : (List<?>) pg.get("items")) {
                    ids.add((String) ((Map<?, ?>) o).get("id"));
                }
            }
            assertThat(ids).as("every acknowledged order is still there").containsAll(acknowledged);
            assertThat(jvm.raw(p2, "/api/plans/" + done + "/summary"))
                    .as("the finished plan is unchanged")
                    .isEqualTo(summaryBefore);
            Map<String, Object> cut = jvm.call(p2, "GET", "/api/plans/" + interrupted, null);
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

    private void waitStatus(String token, long plan, String status, Duration timeout)
            throws Exception {
        long end = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < end) {
            Object s = jvm.call(token, "GET", "/api/plans/" + plan, null).get("status");
            if (status.equals(s)) {
                return;
            }
            assertThat(s).as("plan " + plan).isIn("QUEUED", "RUNNING", status);
            Thread.sleep(500);
        }
        throw new AssertionError("plan " + plan + " not " + status + " within " + timeout);
    }
}
