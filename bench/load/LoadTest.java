// Loopback load test of the muster server: N virtual users for S seconds, mixed reads and writes.
// Run with the JDK alone:  java bench/load/LoadTest.java [--url http://127.0.0.1:8080]
//     [--users 100] [--seconds 120] [--plan ID]   (MUSTER_ADMIN_PASSWORD must be the admin's)
// Prints requests per second, p50/p90/p99 latency and errors, overall and per request kind.

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

public class LoadTest {
    static String url = "http://127.0.0.1:8080";
    static final HttpClient HTTP =
            HttpClient.newBuilder()
                    .version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(10))
                    .build();
    static final Map<String, List<Long>> LATENCY = new ConcurrentHashMap<>();
    static final Map<String, AtomicLong> ERRORS = new ConcurrentHashMap<>();

    public static void main(String[] args) throws Exception {
        int users = 100;
        int seconds = 120;
        String plan = null;
        for (int i = 0; i < args.length; i += 2) {
            switch (args[i]) {
                case "--url" -> url = args[i + 1];
                case "--users" -> users = Integer.parseInt(args[i + 1]);
                case "--seconds" -> seconds = Integer.parseInt(args[i + 1]);
                case "--plan" -> plan = args[i + 1];
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        String host = URI.create(url).getHost();
        if (!host.equals("127.0.0.1") && !host.equals("localhost")) {
            throw new IllegalArgumentException("--url " + url + ": this test runs on loopback only");
        }
        String adminPw = System.getenv("MUSTER_ADMIN_PASSWORD");
        if (adminPw == null) {
            throw new IllegalArgumentException("set MUSTER_ADMIN_PASSWORD to the admin's password");
        }
        String admin = login("admin", adminPw);
        String pw = "load-planner-password";
        // one account per simulated user, each signed in before the clock starts: sign-in
        // attempts in flight count against the per-name and per-address limits, so a hundred
        // concurrent sign-ins of one name (or from one address) are refused by design
        List<String> tokens = new ArrayList<>();
        for (int u = 0; u < users; u++) {
            String name = "load_planner_" + u;
            send(admin, "POST", "/api/users",
                    "{\"username\":\"" + name + "\",\"password\":\"" + pw + "\",\"nation\":\"USA\",\"roles\":[\"PLANNER\"]}");
            tokens.add(login(name, pw));
        }
        String planner = tokens.get(0);
        if (plan == null) {
            Matcher m = Pattern.compile("\"id\":(\\d+)[^}]*\"status\":\"DONE\"").matcher(send(planner, "GET", "/api/plans", null).body());
            if (!m.find()) {
                throw new IllegalStateException("no finished plan on the server: run one first or give --plan");
            }
            plan = m.group(1);
        }
        System.out.printf("load: %d users for %d s against %s, plan %s%n", users, seconds, url, plan);
        long end = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        List<Thread> threads = new ArrayList<>();
        String planId = plan;
        for (int u = 0; u < users; u++) {
            long seed = 1000 + u;
            String token = tokens.get(u);
            Thread t = new Thread(() -> user(token, planId, seed, end));
            t.start();
            threads.add(t);
        }
        long t0 = System.nanoTime();
        for (Thread t : threads) {
            t.join();
        }
        double wall = (System.nanoTime() - t0) / 1e9;
        report(wall);
    }

    static void user(String token, String plan, long seed, long end) {
        Random r = new Random(seed);
        int i = 0;
        while (System.nanoTime() < end) {
            int dice = r.nextInt(100);
            if (dice < 35) {
                timed("plan summary", token, "GET", "/api/plans/" + plan + "/summary", null);
            } else if (dice < 55) {
                timed("plan lines page", token, "GET", "/api/plans/" + plan + "/lines?size=50&page=" + r.nextInt(5), null);
            } else if (dice < 65) {
                timed("plan missions page", token, "GET", "/api/plans/" + plan + "/missions?size=50&page=" + r.nextInt(8), null);
            } else if (dice < 75) {
                timed("plans list", token, "GET", "/api/plans", null);
            } else if (dice < 90) {
                timed("orders page", token, "GET", "/api/orders?size=50", null);
            } else {
                timed("draft order (write)", token, "POST", "/api/orders",
                        "{\"kind\":\"ALERT\",\"units\":[\"" + US_UNITS[(i++) % US_UNITS.length] + "\"],\"noticeToMoveHours\":24}");
            }
        }
    }

    /** Units of the nation the load users belong to, in the catalogue loaded on first start. */
    static final String[] US_UNITS = {"WAB1AA", "WAB2AA", "WAB3AA", "WAB173"};

    static void timed(String kind, String token, String method, String path, String body) {
        long t = System.nanoTime();
        int status;
        try {
            status = send(token, method, path, body).statusCode();
        } catch (Exception e) {
            status = -1;
        }
        long us = (System.nanoTime() - t) / 1000;
        LATENCY.computeIfAbsent(kind, k -> java.util.Collections.synchronizedList(new ArrayList<>())).add(us);
        if (status < 200 || status > 299) {
            ERRORS.computeIfAbsent(kind, k -> new AtomicLong()).incrementAndGet();
        }
    }

    static HttpResponse<String> send(String token, String method, String path, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url + path))
                .timeout(Duration.ofSeconds(60))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json");
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    static String login(String user, String pw) throws Exception {
        HttpResponse<String> r = send(null, "POST", "/api/login", "{\"username\":\"" + user + "\",\"password\":\"" + pw + "\"}");
        Matcher m = Pattern.compile("\"token\":\"([^\"]+)\"").matcher(r.body());
        if (r.statusCode() != 200 || !m.find()) {
            throw new IllegalStateException("login " + user + ": " + r.statusCode() + " " + r.body());
        }
        return m.group(1);
    }

    static void report(double wall) {
        long total = 0;
        long errors = 0;
        List<Long> all = new ArrayList<>();
        Map<String, List<Long>> sorted = new TreeMap<>(LATENCY);
        System.out.printf("%-22s %9s %9s %9s %9s %9s %7s%n", "request", "count", "req/s", "p50 ms", "p90 ms", "p99 ms", "errors");
        for (var e : sorted.entrySet()) {
            long[] v = e.getValue().stream().mapToLong(Long::longValue).sorted().toArray();
            long err = ERRORS.getOrDefault(e.getKey(), new AtomicLong()).get();
            System.out.printf("%-22s %9d %9.1f %9.1f %9.1f %9.1f %7d%n", e.getKey(), v.length, v.length / wall, pct(v, 50), pct(v, 90), pct(v, 99), err);
            total += v.length;
            errors += err;
            e.getValue().forEach(all::add);
        }
        long[] v = all.stream().mapToLong(Long::longValue).sorted().toArray();
        System.out.printf("%-22s %9d %9.1f %9.1f %9.1f %9.1f %7d%n", "ALL", total, total / wall, pct(v, 50), pct(v, 90), pct(v, 99), errors);
        System.out.printf("wall %.1f s%n", wall);
    }

    static double pct(long[] sorted, int p) {
        if (sorted.length == 0) {
            return 0;
        }
        int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))] / 1000.0;
    }
}
