package muster.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * One server per test JVM, on a real PostgreSQL: the one named by {@code MUSTER_TEST_DB} (a fresh
 * database is created on it) or else an embedded one in a temporary directory.
 */
final class TestServer {
    static final String ADMIN_PASSWORD = "admin-password-for-tests";
    private static MusterServer server;

    private TestServer() {}

    static synchronized MusterServer get() {
        if (server == null) {
            System.setProperty("muster.home", ".."); // tests run in muster-server/
            try {
                server = MusterServer.start(options(), System.out);
            } catch (Exception e) {
                throw new IllegalStateException("test server did not start: " + e, e);
            }
            MusterServer started = server;
            Runtime.getRuntime()
                    .addShutdownHook(
                            new Thread(
                                    () -> {
                                        synchronized (TestServer.class) {
                                            if (server == started) {
                                                started.close();
                                                server = null;
                                            }
                                        }
                                    }));
        }
        return server;
    }

    /** The server the CI starts (.ci/server-setup.sh), used when MUSTER_TEST_DB is not set. */
    static final String LOCAL = "jdbc:postgresql://127.0.0.1:5432/muster";

    private static MusterServer.Options options() throws Exception {
        MusterServer.Options o =
                MusterServer.Options.defaults()
                        .withPort(0)
                        .withHost("127.0.0.1")
                        .withAdminPassword(ADMIN_PASSWORD)
                        .withBundledScenario(null);
        String url = System.getenv("MUSTER_TEST_DB");
        String user = o.dbUser();
        String password = o.dbPassword();
        if (url == null || url.isBlank()) {
            try (Connection c =
                    DriverManager.getConnection(LOCAL + "?connectTimeout=2", "muster", "muster")) {
                url = LOCAL;
                user = "muster";
                password = "muster";
            } catch (java.sql.SQLException e) {
                url = null;
            }
        }
        if (url == null) {
            System.out.println("test server: embedded PostgreSQL");
            return o.withDataDir(Files.createTempDirectory("muster-test-db"));
        }
        String name = "muster_test_" + UUID.randomUUID().toString().replace("-", "");
        String base = url;
        String u = user;
        String p = password;
        try (Connection c = DriverManager.getConnection(base, u, p)) {
            c.createStatement().execute("create database " + name);
        }
        Runtime.getRuntime()
                .addShutdownHook(
                        new Thread(
                                () -> {
                                    synchronized (TestServer.class) {
                                        if (server != null) {
                                            server.close();
                                            server = null;
                                        }
                                    }
                                    try (Connection c = DriverManager.getConnection(base, u, p)) {
                                        c.createStatement()
                                                .execute("drop database if exists " + name);
                                    } catch (java.sql.SQLException e) {
                                        System.err.println(
                                                "test server: dropping "
                                                        + name
                                                        + ": "
                                                        + e.getMessage());
                                    }
                                }));
        System.out.println("test server: PostgreSQL at " + url + ", database " + name);
        return o.withDb(url.replaceFirst("/[^/?]*(\\?|$)", "/" + name + "$1")).withDbUser(u, p);
    }

    static String base() {
        return "http://127.0.0.1:" + get().port();
    }

    /**
     * Creates a user (idempotent per name) through the API as the administrator of the user's
     * nation, created first by the first administrator when the nation has none.
     */
    static Client user(String name, String nation, Role... roles) {
        Client admin = adminOf(Nations.normalize(nation));
        String password = "password-of-" + name;
        Response r =
                admin.post(
                        "/api/users",
                        newUser(
                                name,
                                password,
                                nation,
                                Set.of(roles).stream().map(Enum::name).toList()));
        assertThat(r.status()).as(r.body()).isIn(201, 409);
        return Client.login(name, password);
    }

    /** The body of a request that creates a user. */
    static Map<String, Object> newUser(
            String name, String password, String nation, List<String> roles) {
        return Map.of("username", name, "password", password, "nation", nation, "roles", roles);
    }

    private static Client admin;
    private static final Map<String, Client> nationAdmins = new java.util.HashMap<>();

    /** The administrator of {@code nation} (alpha-3): {@code admin}, or {@code admin_<nation>}. */
    static synchronized Client adminOf(String nation) {
        if (nation.equals(Fixtures.me(admin()).nation())) {
            return admin();
        }
        return nationAdmins.computeIfAbsent(
                nation,
                n -> {
                    String name = "admin_" + n.toLowerCase(java.util.Locale.ROOT);
                    String password = "password-of-" + name;
                    Response r =
                            admin().post(
                                            "/api/users",
                                            newUser(name, password, n, List.of("ADMIN")));
                    assertThat(r.status()).as(r.body()).isIn(201, 409);
                    return Client.login(name, password);
                });
    }

    static synchronized Client admin() {
        if (admin == null) {
            admin = Client.login("admin", ADMIN_PASSWORD);
        }
        return admin;
    }

    record Response(int status, String body, java.net.http.HttpHeaders headers) {
        /** The response's value of a header, or null. */
        String header(String name) {
            return headers.firstValue(name).orElse(null);
        }

        Object json() {
            return Json.read(body, Object.class);
        }

        @SuppressWarnings("unchecked")
        Map<String, Object> map() {
            return (Map<String, Object>) json();
        }

        @SuppressWarnings("unchecked")
        List<Map<String, Object>> list() {
            return (List<Map<String, Object>>) json();
        }

        @SuppressWarnings("unchecked")
        List<Map<String, Object>> items() {
            return (List<Map<String, Object>>) map().get("items");
        }
    }

    /** A signed-in HTTP client. */
    record Client(String token) {
        private static final HttpClient HTTP = HttpClient.newHttpClient();

        static Client login(String user, String password) {
            Response r =
                    anonymous("POST", "/api/login", Map.of("username", user, "password", password));
            assertThat(r.status()).as("login %s: %s", user, r.body()).isEqualTo(200);
            return new Client((String) r.map().get("token"));
        }

        static Response anonymous(String method, String path, Object body) {
            return send(
                    null, method, path, body == null ? "" : Json.write(body), "application/json");
        }

        Response get(String path) {
            return send(token, "GET", path, "", "application/json");
        }

        Response post(String path, Object body) {
            return send(
                    token, "POST", path, body == null ? "" : Json.write(body), "application/json");
        }

        Response postText(String path, String body) {
            return send(token, "POST", path, body, "text/plain");
        }

        Response put(String path, Object body) {
            return send(token, "PUT", path, Json.write(body), "application/json");
        }

        Response patch(String path, Object body) {
            return send(token, "PATCH", path, Json.write(body), "application/json");
        }

        /** One request; {@code type} is its Content-Type, none when null. */
        static Response send(String token, String method, String path, String body, String type) {
            return send(
                    token,
                    method,
                    path,
                    body.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                    type);
        }

        /** One request with a body of these bytes; {@code type} is its Content-Type, or null. */
        static Response send(String token, String method, String path, byte[] body, String type) {
            HttpRequest.Builder b =
                    HttpRequest.newBuilder(URI.create(base() + path))
                            .method(method, HttpRequest.BodyPublishers.ofByteArray(body));
            if (type != null) {
                b.header("Content-Type", type);
            }
            if (token != null) {
                b.header("Authorization", "Bearer " + token);
            }
            try {
                HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
                return new Response(r.statusCode(), r.body(), r.headers());
            } catch (IOException e) {
                throw new IllegalStateException(method + " " + path + ": " + e, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    static Path tempDir(String prefix) throws IOException {
        return Files.createTempDirectory(prefix);
    }
}
