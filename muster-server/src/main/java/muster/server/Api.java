package muster.server;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.sse.SseClient;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import muster.engine.orders.OrderRecord;
import muster.engine.orders.UnitRecord;
import muster.io.NumberText;
import muster.model.Fault;
import muster.model.LineResult;
import muster.model.Mission;
import muster.model.Plan;
import muster.model.RequirementLine;
import muster.model.Scenario;
import muster.model.force.Order;
import muster.model.force.OrderEvent;
import muster.model.force.OrderKind;
import muster.model.force.OrderStatus;

/** The REST routes under {@code /api}. Every read filters by releasability; every write audits. */
final class Api {
    static final String COOKIE = "muster_session";
    private static final int MAX_PAGE = 500;

    private final Store store;
    private final Auth auth;
    private final Audit audit;
    private final Engine engine;
    private final PlanJobs jobs;
    private final Orders orders;
    private final ForceApi force;
    private io.javalin.router.InternalRouter router;

    Api(
            Store store,
            Auth auth,
            Audit audit,
            Engine engine,
            PlanJobs jobs,
            Orders orders,
            java.time.Duration bodyIdle) {
        this.orders = orders;
        this.bodyIdle = bodyIdle;
        this.store = store;
        this.auth = auth;
        this.audit = audit;
        this.engine = engine;
        this.jobs = jobs;
        this.force = new ForceApi(this, store, new ForceStore(store.db()), audit);
    }

    /** How long a request's body may stop coming before it is refused (Jetty's idle time). */
    private final java.time.Duration bodyIdle;

    ForceApi force() {
        return force;
    }

    /**
     * The refusal of a request body larger than the server takes, {@code length} bytes (negative
     * when the request did not say, as with a body sent in chunks).
     */
    static String tooLarge(long length, long limit) {
        return "request body"
                + (length < 0 ? "" : String.format(Locale.ROOT, " of %,d bytes", length))
                + String.format(
                        Locale.ROOT,
                        " is larger than the server takes: at most %,d bytes (%d MB) a request;"
                                + " nothing was read or stored",
                        limit,
                        limit / (1024 * 1024));
    }

    void routes(JavalinConfig config) {
        var r = config.routes;
        r.exception(
                ApiException.class,
                (e, ctx) -> {
                    Map<String, Object> body = new LinkedHashMap<>();
                    body.put("error", e.getMessage());
                    if (e.details() != null) {
                        body.put("details", e.details());
                    }
                    ctx.status(e.status()).json(body);
                });
        r.exception(
                IllegalArgumentException.class,
                (e, ctx) -> ctx.status(400).json(Map.of("error", e.getMessage())));
        r.exception(
                com.fasterxml.jackson.core.JacksonException.class,
                (e, ctx) ->
                        ctx.status(400)
                                .json(
                                        Map.of(
                                                "error",
                                                "request body is not valid JSON: "
                                                        + e.getOriginalMessage())));
        r.exception(
                Exception.class,
                (e, ctx) -> {
                    // the cause goes to the server's log, not to the client: its text may be the
                    // database's or a library's, which says nothing to a user and much about the
                    // server; the reference ties the two together
                    String ref = Long.toString(System.nanoTime() & 0xffffffffL, 36);
                    System.err.println(
                            "muster: error "
                                    + ref
                                    + ": "
                                    + ctx.method()
                                    + " "
                                    + ctx.path()
                                    + ": "
                                    + e);
                    ctx.status(500)
                            .json(
                                    Map.of(
                                            "error",
                                            "internal error (reference "
                                                    + ref
                                                    + " in the server's log)"));
                });
        // an /api path or method that no route takes, or a body too large, answers JSON too
        // a method the path's routes do not take answers 405 with the methods they do take
        r.exception(
                io.javalin.http.HttpResponseException.class,
                (e, ctx) -> {
                    String message = e.getMessage();
                    int status = e.getStatus();
                    if (e instanceof io.javalin.router.EndpointNotFound) {
                        List<String> allowed = allowedMethods(config, ctx.path());
                        if (allowed.isEmpty()) {
                            message = "no endpoint " + ctx.method() + " " + ctx.path();
                        } else {
                            status = 405;
                            ctx.header("Allow", String.join(", ", allowed));
                            message =
                                    "method "
                                            + ctx.method()
                                            + " not allowed on "
                                            + ctx.path()
                                            + "; it takes "
                                            + String.join(", ", allowed);
                        }
                    }
                    Map<String, Object> details = null;
                    if (status == 413) {
                        // Javalin says 'Content Too Large' alone: the limit and the size are
                        // named, so a planner knows what the server takes
                        long limit = config.http.maxRequestSize;
                        long length = ctx.req().getContentLengthLong();
                        message = tooLarge(length, limit);
                        details = new LinkedHashMap<>();
                        details.put("limit", limit);
                        details.put("received", length < 0 ? null : length);
                    }
                    ctx.status(status);
                    if (ctx.path().startsWith("/api/")) {
                        Map<String, Object> body = new LinkedHashMap<>();
                        body.put("error", message);
                        if (details != null) {
                            body.put("details", details);
                        }
                        ctx.json(body);
                    } else {
                        // the path repeated as plain text, which no browser reads as a page
                        ctx.header("X-Content-Type-Options", "nosniff");
                        ctx.result(message);
                    }
                });
        router = config.unsafe.internalRouter;
        // a body that says it is larger than the server takes is refused before it is read:
        // Javalin read it up to the limit first, 64 MB held in memory for a refusal
        long maxBody = config.http.maxRequestSize;
        r.before(
                "/api/*",
                ctx -> {
                    if (ctx.req().getContentLengthLong() > maxBody) {
                        ctx.header("Connection", "close");
                        throw new io.javalin.http.HttpResponseException(413, "Content Too Large");
                    }
                });
        r.before("/api/*", this::authenticate);

        r.get("/api/health", ctx -> ctx.json(Map.of("status", "ok")));
        r.get("/api/openapi.json", this::openapi);
        r.post("/api/login", this::login);
        r.post("/api/logout", this::logout);
        r.get("/api/me", ctx -> ctx.json(user(ctx)));
        r.post("/api/me/password", this::changeOwnPassword);

        r.get("/api/users", this::listUsers);
        r.post("/api/users", this::createUser);
        r.post("/api/users/{username}/password", this::resetPassword);
        r.post("/api/users/{username}/deactivate", ctx -> setActive(ctx, false));
        r.post("/api/users/{username}/activate", ctx -> setActive(ctx, true));
        r.put("/api/users/{username}/roles", this::setRoles);
        r.get("/api/audit", this::auditLog);

        r.get("/api/scenarios", this::listScenarios);
        r.post("/api/scenarios", this::importScenario);
        r.post("/api/scenarios/validate", this::validateScenario);
        r.get("/api/scenarios/{id}", this::getScenario);
        r.get("/api/scenarios/{id}/export", this::exportScenario);
        r.get("/api/scenarios/{id}/network", this::getNetwork);
        r.patch("/api/scenarios/{id}/lines/{uln}/marking", this::markLine);
        r.get("/api/requirements", this::searchRequirements);
        r.get("/api/sourcing/bundled", this::bundledSourcing);
        force.routes(r);
        r.post("/api/scenarios/{id}/plans", this::startPlan);

        r.get("/api/plans", this::listPlans);
        r.get("/api/plans/{id}", this::getPlan);
        r.post("/api/plans/{id}/cancel", this::cancelPlan);
        r.get("/api/plans/{id}/lines", this::planLines);
        r.get("/api/plans/{id}/missions", this::planMissions);
        r.get("/api/plans/{id}/summary", this::planSummary);
        r.get("/api/plans/{id}/export", this::exportPlan);
        r.get("/api/plans/{id}/report.html", this::planReport);
        io.javalin.http.sse.SseHandler events =
                new io.javalin.http.sse.SseHandler(this::planEvents);
        r.get(
                "/api/plans/{id}/events",
                ctx -> {
                    // without Accept: text/event-stream the stream would answer an empty 200,
                    // even for a plan that does not exist or the caller may not see
                    if (!String.valueOf(ctx.header("Accept")).contains("text/event-stream")) {
                        visiblePlan(ctx, "plan.events");
                        throw new ApiException(
                                406,
                                "/api/plans/{id}/events streams server-sent events; send Accept:"
                                        + " text/event-stream, or read GET /api/plans/{id}");
                    }
                    events.handle(ctx);
                });

        r.get("/api/orders", this::listOrders);
        r.post("/api/orders", this::draftOrder);
        r.get("/api/orders/{id}", this::getOrder);
        r.post("/api/orders/{id}/approve", ctx -> orderEvent(ctx, OrderEvent.Type.APPROVED));
        r.post("/api/orders/{id}/issue", ctx -> orderEvent(ctx, OrderEvent.Type.ISSUED));
        r.post("/api/orders/{id}/cancel", ctx -> orderEvent(ctx, OrderEvent.Type.CANCELLED));
        r.get("/api/readiness", this::readiness);
    }

    // ---- authentication

    private static final Set<String> OPEN =
            Set.of("/api/health", "/api/openapi.json", "/api/login");

    private void authenticate(Context ctx) {
        // answers hold a nation's released picture: no browser or proxy cache keeps them, and a
        // browser reads each as the type it is given
        ctx.header("Cache-Control", "no-store");
        ctx.header("X-Content-Type-Options", "nosniff");
        // before the query is read: Javalin decodes it, as it does the body, by this charset
        java.nio.charset.Charset charset = declaredCharset(ctx);
        // no parameter takes a NUL character, and the database refuses to store one
        for (Map.Entry<String, List<String>> q : ctx.queryParamMap().entrySet()) {
            for (String v : q.getValue()) {
                if (q.getKey().indexOf('\u0000') >= 0 || v.indexOf('\u0000') >= 0) {
                    throw ApiException.badRequest(
                            "query parameter '"
                                    + q.getKey().replace("\u0000", "\\u0000")
                                    + "' holds a NUL character (U+0000), which no parameter"
                                    + " takes");
                }
            }
        }
        // no parameter takes a list: a second value would be dropped without a word (a cancel
        // with ?reason=a&reason=b recorded 'a'; ?size=1&size=600 read 1 and never refused 600)
        for (Map.Entry<String, List<String>> q : ctx.queryParamMap().entrySet()) {
            if (q.getValue().size() > 1) {
                throw ApiException.badRequest(
                        "query parameter '"
                                + Auth.clip(q.getKey())
                                + "' given "
                                + q.getValue().size()
                                + " times ("
                                + q.getValue().stream()
                                        .limit(5)
                                        .map(v -> "'" + Auth.clip(v) + "'")
                                        .collect(java.util.stream.Collectors.joining(", "))
                                + (q.getValue().size() > 5 ? ", ..." : "")
                                + "); give it once");
            }
        }
        knownParameters(ctx);
        boolean readsBody = knownBodyType(ctx);
        if (!OPEN.contains(ctx.path())) {
            String token = token(ctx);
            Optional<User> u = auth.authenticate(token);
            if (u.isEmpty()) {
                throw new ApiException(401, "sign in first (session missing or expired)");
            }
            ctx.attribute("user", u.get());
        }
        if (readsBody) {
            // read once signed in: a body of megabytes is not read for a caller who is not
            readableBody(ctx, charset, bodyIdle);
        }
    }

    /**
     * The query parameters each route reads, by its method and path as registered; a route not
     * named takes none. OpenApiRequestsTest holds the OpenAPI description to this table.
     */
    static final Map<String, List<String>> QUERY_PARAMETERS =
            Map.ofEntries(
                    Map.entry("GET /api/audit", List.of("limit")),
                    Map.entry("POST /api/scenarios", List.of("file", "marking")),
                    Map.entry("POST /api/scenarios/validate", List.of("file", "marking")),
                    Map.entry("GET /api/requirements", List.of("q", "scenario", "page", "size")),
                    Map.entry("GET /api/plans/{id}/lines", List.of("late", "page", "size")),
                    Map.entry("GET /api/plans/{id}/missions", List.of("lift", "page", "size")),
                    Map.entry("GET /api/orders", List.of("status", "page", "size")),
                    Map.entry("POST /api/orders/{id}/cancel", List.of("reason")),
                    Map.entry("GET /api/readiness", List.of("asOf", "page", "size")),
                    Map.entry("GET /api/catalogues", List.of("all")),
                    Map.entry("POST /api/catalogues", List.of("file", "marking", "supersedes")),
                    Map.entry("GET /api/sourcing/runs", List.of("scenario", "page", "size")));

    /** The type of a JSON request body. */
    static final List<String> JSON_BODY = List.of("application/json");

    /**
     * The types of a file's text sent as the body (a scenario or catalogue, in YAML, JSON or CSV as
     * the CLI reads it): the web UI sends text/plain.
     */
    static final List<String> FILE_BODY =
            List.of(
                    "text/plain",
                    "application/yaml",
                    "application/x-yaml",
                    "text/yaml",
                    "text/csv",
                    "application/json");

    /**
     * The types of body each route that reads one takes ({@code Content-Type}, without its
     * parameters such as {@code charset}), by its method and path as registered; a route not named
     * reads no body. OpenApiRequestsTest holds the OpenAPI description to this table.
     */
    static final Map<String, List<String>> BODY_TYPES =
            Map.ofEntries(
                    Map.entry("POST /api/login", JSON_BODY),
                    Map.entry("POST /api/me/password", JSON_BODY),
                    Map.entry("POST /api/users", JSON_BODY),
                    Map.entry("POST /api/users/{username}/password", JSON_BODY),
                    Map.entry("PATCH /api/scenarios/{id}/lines/{uln}/marking", JSON_BODY),
                    Map.entry("POST /api/scenarios/{id}/plans", JSON_BODY),
                    Map.entry("POST /api/orders", JSON_BODY),
                    Map.entry("POST /api/orders/{id}/approve", JSON_BODY),
                    Map.entry("POST /api/orders/{id}/issue", JSON_BODY),
                    Map.entry("POST /api/orders/{id}/cancel", JSON_BODY),
                    Map.entry("POST /api/users/{username}/deactivate", JSON_BODY),
                    Map.entry("POST /api/users/{username}/activate", JSON_BODY),
                    Map.entry("PUT /api/users/{username}/roles", JSON_BODY),
                    Map.entry("POST /api/scenarios/{id}/source", JSON_BODY),
                    Map.entry("POST /api/scenarios", FILE_BODY),
                    Map.entry("POST /api/scenarios/validate", FILE_BODY),
                    Map.entry("POST /api/catalogues", FILE_BODY));

    /**
     * Refuses with 415 a body whose declared {@code Content-Type} the matched route does not take,
     * naming the type received and the ones taken, where a JSON route read a body sent as
     * text/plain or as a form, and a file's route any body at all. A request that declares no type
     * is read as the route's (curl's {@code --data-binary} with {@code -H}, or a client that sends
     * none); a route that reads no body is not checked. Returns whether the route reads a body.
     */
    private boolean knownBodyType(Context ctx) {
        io.javalin.router.ParsedEndpoint e =
                router.findFirstHttpHandlerEntry(ctx.method(), ctx.path());
        if (e == null) {
            return false;
        }
        String route = e.endpoint.method.name() + " " + e.endpoint.path;
        List<String> takes = BODY_TYPES.get(route);
        if (takes == null) {
            return false;
        }
        String type = ctx.header("Content-Type");
        if (type == null || type.isBlank()) {
            return true;
        }
        String media = type.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        if (takes.contains(media)) {
            return true;
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("received", Auth.clip(media));
        details.put("takes", takes);
        throw new ApiException(
                415,
                "Content-Type '"
                        + Auth.clip(media)
                        + "' is not one "
                        + route
                        + " takes; it takes "
                        + String.join(", ", takes),
                details);
    }

    /**
     * The charset a request declares in its {@code Content-Type}: UTF-8 when it names none. A body
     * is read as UTF-8, and a charset other than UTF-8 or US-ASCII is refused with 415 naming it,
     * where Javalin read the body, and the query, by ISO-8859-1 or UTF-16 as declared, answered 400
     * with the name alone for one Java does not know and 500 for a charset with no value.
     */
    private static java.nio.charset.Charset declaredCharset(Context ctx) {
        String type = ctx.header("Content-Type");
        if (type == null) {
            return StandardCharsets.UTF_8;
        }
        java.nio.charset.Charset declared = null;
        String[] parts = type.split(";");
        for (int i = 1; i < parts.length; i++) {
            String p = parts[i].strip();
            // Javalin reads the first parameter that starts with 'charset' as the charset
            if (!p.regionMatches(true, 0, "charset", 0, "charset".length())) {
                continue;
            }
            int eq = p.indexOf('=');
            String name = eq < 0 ? "" : p.substring(eq + 1).strip();
            if (name.length() >= 2 && name.startsWith("\"") && name.endsWith("\"")) {
                name = name.substring(1, name.length() - 1);
            }
            java.nio.charset.Charset charset = charset(name);
            if (!StandardCharsets.UTF_8.equals(charset)
                    && !StandardCharsets.US_ASCII.equals(charset)) {
                Map<String, Object> details = new LinkedHashMap<>();
                details.put("charset", Auth.clip(name));
                details.put("takes", List.of("UTF-8", "US-ASCII"));
                throw new ApiException(
                        415,
                        "Content-Type charset '"
                                + Auth.clip(name)
                                + "' is not one the server takes; send the body in UTF-8, with"
                                + " charset=utf-8 or no charset",
                        details);
            }
            if (declared == null) {
                declared = charset;
            }
        }
        return declared == null ? StandardCharsets.UTF_8 : declared;
    }

    /**
     * The request's body, read whole. A body that stops coming before the length it announced is
     * refused after {@code idle} (Jetty's idle time for the request, set by the server) with a 408
     * in the JSON every refusal has, naming what happened; Javalin answered it with an empty text
     * body, past every handler of the API.
     */
    static byte[] bodyBytes(Context ctx, java.time.Duration idle) {
        try {
            return ctx.bodyAsBytes();
        } catch (Exception e) { // Javalin's Kotlin passes Jetty's IOException on unchecked
            if (e instanceof java.io.IOException
                    && e.getCause() instanceof java.util.concurrent.TimeoutException) {
                ctx.header("Connection", "close");
                long announced = ctx.req().getContentLengthLong();
                throw new ApiException(
                        408,
                        "request body: it stopped coming before its end"
                                + (announced >= 0
                                        ? " (Content-Length announced " + announced + " bytes)"
                                        : "")
                                + " and nothing more came for "
                                + seconds(idle)
                                + "; nothing was read or stored; send the whole body again");
            }
            throw Api.<RuntimeException>unchanged(e);
        }
    }

    private static String seconds(java.time.Duration d) {
        long ms = d.toMillis();
        return ms % 1000 == 0
                ? ms / 1000 + " s"
                : String.format(Locale.ROOT, "%.1f s", ms / 1000.0);
    }

    /** Throws {@code t} as it is, checked or not, as Javalin's Kotlin code threw it. */
    @SuppressWarnings("unchecked")
    private static <T extends Throwable> T unchanged(Throwable t) throws T {
        throw (T) t;
    }

    /**
     * Refuses with 400 a body that is not text in {@code charset} (UTF-8, or US-ASCII as declared),
     * naming the first byte that is not and its offset, where each such byte was read as U+FFFD and
     * stored so (a note or a scenario's names of a file saved in Latin-1).
     */
    private static void readableBody(
            Context ctx, java.nio.charset.Charset charset, java.time.Duration idle) {
        byte[] body = bodyBytes(ctx, idle);
        String fault;
        try {
            fault =
                    StandardCharsets.US_ASCII.equals(charset)
                            ? notAscii(body)
                            : muster.io.Utf8Check.firstFault(
                                    new java.io.ByteArrayInputStream(body));
        } catch (java.io.IOException impossible) {
            throw new java.io.UncheckedIOException(impossible);
        }
        if (fault != null) {
            throw ApiException.badRequest(
                    "request body is "
                            + fault.replace("the file ends", "it ends")
                            + "; send it in UTF-8");
        }
    }

    /** The charset {@code name} names, or null when Java knows none by that name. */
    private static java.nio.charset.Charset charset(String name) {
        try {
            return java.nio.charset.Charset.forName(name);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** Where the first byte of {@code body} that is not ASCII is, or null when there is none. */
    private static String notAscii(byte[] body) {
        long line = 1;
        for (int i = 0; i < body.length; i++) {
            if (body[i] < 0) {
                return String.format(
                        Locale.ROOT,
                        "declared US-ASCII but holds byte 0x%02X at byte offset %d (line %d),"
                                + " which is not ASCII",
                        body[i] & 0xFF,
                        i,
                        line);
            }
            if (body[i] == '\n') {
                line++;
            }
        }
        return null;
    }

    /**
     * Refuses a query parameter the matched route does not read, where it was dropped without a
     * word ({@code ?lates=true} gave every line, {@code ?limt=1} no limit). A path no route takes
     * is left to the 404 or 405 that follows.
     */
    private void knownParameters(Context ctx) {
        if (ctx.queryParamMap().isEmpty()) {
            return;
        }
        io.javalin.router.ParsedEndpoint e =
                router.findFirstHttpHandlerEntry(ctx.method(), ctx.path());
        if (e == null) {
            return;
        }
        String route = e.endpoint.method.name() + " " + e.endpoint.path;
        List<String> takes = QUERY_PARAMETERS.getOrDefault(route, List.of());
        for (Map.Entry<String, List<String>> q : ctx.queryParamMap().entrySet()) {
            if (takes.contains(q.getKey())) {
                continue;
            }
            String value = q.getValue().isEmpty() ? "" : q.getValue().get(0);
            String hint = muster.model.validate.Closest.to(q.getKey(), takes);
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("parameter", Auth.clip(q.getKey()));
            details.put("value", Auth.clip(value));
            details.put("takes", takes);
            details.put("hint", hint);
            throw new ApiException(
                    400,
                    "query parameter '"
                            + Auth.clip(q.getKey())
                            + "' = '"
                            + Auth.clip(value)
                            + "' is not one "
                            + route
                            + " takes; it takes "
                            + (takes.isEmpty() ? "no query parameters" : String.join(", ", takes))
                            + (hint == null ? "" : ". Maybe '" + hint + "'?"),
                    details);
        }
    }

    private static String token(Context ctx) {
        String h = ctx.header("Authorization");
        if (h != null && h.startsWith("Bearer ")) {
            return h.substring(7).trim();
        }
        return ctx.cookie(COOKIE);
    }

    static User user(Context ctx) {
        User u = ctx.attribute("user");
        if (u == null) {
            throw new ApiException(401, "sign in first");
        }
        return u;
    }

    record LoginRequest(String username, String password) {}

    private void login(Context ctx) {
        LoginRequest req = RequestBody.read(ctx, LoginRequest.class);
        if (req.username() == null) {
            throw ApiException.badRequest("body: give {\"username\": ..., \"password\": ...}");
        }
        Auth.Session s = auth.login(req.username(), req.password(), ctx.ip());
        ctx.json(sessionAnswer(ctx, s));
    }

    /** A new session's token, set as the UI's cookie too, with its expiry and its user. */
    private static Map<String, Object> sessionAnswer(Context ctx, Auth.Session s) {
        long maxAge = Math.max(1, s.expiresAt().getEpochSecond() - Instant.now().getEpochSecond());
        ctx.header(
                "Set-Cookie",
                COOKIE
                        + "="
                        + s.token()
                        + "; Path=/; HttpOnly; SameSite=Strict; Max-Age="
                        + maxAge);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("token", s.token());
        m.put("expiresAt", s.expiresAt().toString());
        m.put("user", s.user());
        return m;
    }

    record OwnPasswordRequest(String currentPassword, String newPassword) {}

    /**
     * A signed-in user of any role changes its own password, giving the current one; its other
     * sessions end and this one is renewed (the answer carries the new token, as a sign-in does).
     */
    private void changeOwnPassword(Context ctx) {
        User u = user(ctx);
        OwnPasswordRequest req = RequestBody.read(ctx, OwnPasswordRequest.class);
        Auth.Change done =
                auth.changeOwnPassword(u, token(ctx), req.currentPassword(), req.newPassword());
        Map<String, Object> m = sessionAnswer(ctx, done.session());
        m.put("sessionsEnded", done.sessionsEnded());
        ctx.json(m);
    }

    private void logout(Context ctx) {
        auth.logout(token(ctx), user(ctx));
        ctx.header("Set-Cookie", COOKIE + "=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0");
        ctx.json(Map.of("signedOut", true));
    }

    // ---- helpers: refusals are audited

    void require(Context ctx, boolean ok, String action, String target, String why) {
        if (!ok) {
            audit.denied(user(ctx), action, target, why);
            throw new ApiException(403, why);
        }
    }

    /**
     * A record the user may not see is answered as missing, so its existence does not leak; a
     * missing record ({@code visible} false too) is answered and audited the same way, so that the
     * audit log, which the reader's administrators read, does not tell the two apart either (ids
     * are numbered in turn, and order ids by nation).
     */
    void mustSee(Context ctx, boolean visible, String action, String target) {
        if (!visible) {
            audit.denied(user(ctx), action, target, notSeen(user(ctx)));
            throw ApiException.notFound(target);
        }
    }

    /** Why a record was refused as missing: the same whether it exists or not. */
    static String notSeen(User u) {
        return "no such record releasable to " + u.nation();
    }

    static long id(Context ctx) {
        String s = ctx.pathParam("id");
        try {
            // the digits 0 to 9 alone: parseLong reads those of every script, Arabic-Indic too
            if (!NumberText.isWholeNumber(s)) {
                throw new NumberFormatException(s);
            }
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            throw ApiException.badRequest(
                    "path parameter 'id' = '" + Auth.clip(s) + "': not a number");
        }
    }

    static int intParam(Context ctx, String name, int dflt, int min, int max) {
        String s = ctx.queryParam(name);
        if (s == null || s.isBlank()) {
            return dflt;
        }
        try {
            if (!NumberText.isWholeNumber(s.trim())) {
                throw new NumberFormatException(s);
            }
            int v = Integer.parseInt(s.trim());
            if (v < min || v > max) {
                throw ApiException.badRequest(
                        "query parameter '"
                                + name
                                + "' = '"
                                + s
                                + "': must be "
                                + min
                                + ".."
                                + max);
            }
            return v;
        } catch (NumberFormatException e) {
            throw ApiException.badRequest(
                    "query parameter '" + name + "' = '" + s + "': not a whole number");
        }
    }

    /**
     * A query parameter that is true or false, {@code false} when absent or empty; any other value
     * is refused rather than read as false ({@code ?late=1} gave every line, not the late ones).
     */
    static boolean boolParam(Context ctx, String name) {
        String s = ctx.queryParam(name);
        if (s == null || s.isBlank() || s.trim().equalsIgnoreCase("false")) {
            return false;
        }
        if (s.trim().equalsIgnoreCase("true")) {
            return true;
        }
        throw ApiException.badRequest(
                "query parameter '" + name + "' = '" + Auth.clip(s) + "': use true or false");
    }

    static <T> Map<String, Object> page(Context ctx, List<T> all) {
        return page(ctx, all, x -> x);
    }

    /**
     * One page of {@code all} ({@code page} from 0, {@code size} 1..500, default 100) with the
     * total count; only the items of the page are converted by {@code f}.
     */
    static <T> Map<String, Object> page(
            Context ctx, List<T> all, java.util.function.Function<T, ?> f) {
        int size = intParam(ctx, "size", 100, 1, MAX_PAGE);
        int page = intParam(ctx, "page", 0, 0, Integer.MAX_VALUE);
        int from = (int) Math.min((long) page * size, all.size());
        int to = Math.min(from + size, all.size());
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("total", all.size());
        m.put("page", page);
        m.put("size", size);
        m.put("items", all.subList(from, to).stream().map(f).toList());
        return m;
    }

    static String markingOr(String m, String dflt, String owner) {
        String text = m == null || m.isBlank() ? dflt : m;
        return Marking.parse(text).checkOwner(owner).toString();
    }

    // ---- users and audit

    private void listUsers(Context ctx) {
        User u = user(ctx);
        require(ctx, u.has(Role.ADMIN), "user.list", "users", "listing users needs the ADMIN role");
        ctx.json(
                Jdbc.tx(
                        store.db(),
                        c -> {
                            long first = Auth.firstUserId(c);
                            return Jdbc.query(
                                    c,
                                    "select id, username, nation, roles, active from app_user"
                                            + " where nation = ? order by made",
                                    rs -> {
                                        Map<String, Object> m = new LinkedHashMap<>();
                                        m.put("id", rs.getLong(1));
                                        m.put("username", rs.getString(2));
                                        m.put("nation", rs.getString(3));
                                        m.put(
                                                "roles",
                                                Role.parseAll(rs.getString(4)).stream()
                                                        .map(Enum::name)
                                                        .sorted()
                                                        .toList());
                                        m.put("active", rs.getBoolean(5));
                                        m.put("firstAdministrator", rs.getLong(1) == first);
                                        return m;
                                    },
                                    u.nation());
                        }));
    }

    record NewUser(String username, String password, String nation, List<String> roles) {}

    private void createUser(Context ctx) {
        User u = user(ctx);
        require(
                ctx,
                u.has(Role.ADMIN),
                "user.create",
                "users",
                "creating users needs the ADMIN role");
        NewUser n = RequestBody.read(ctx, NewUser.class);
        Set<Role> roles = requestedRoles(n.roles());
        try {
            Nations.normalize(n.nation());
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(
                    "field 'nation' = '" + Auth.clip(n.nation()) + "': " + e.getMessage());
        }
        User created;
        try {
            created = auth.createUser(u, n.username(), n.password(), n.nation(), roles);
        } catch (ApiException e) {
            if (e.status() == 403) {
                audit.denied(u, "user.create", "user " + n.username(), e.getMessage());
            }
            throw e;
        }
        ctx.status(201).json(created);
    }

    /**
     * The roles a request names: each entry must be one role the server knows (in any case); a role
     * named twice counts once. An empty set is refused where the roles are set. An entry is one
     * role: {@code "PLANNER,ADMIN"} or an empty entry is refused, where the entries were joined
     * with commas and read as a list, so that one entry granted two roles and an empty one was
     * skipped.
     */
    private static Set<Role> requestedRoles(List<String> names) {
        if (names == null) {
            throw ApiException.badRequest("field 'roles': missing; e.g. [\"PLANNER\"]");
        }
        for (String n : names) {
            if (n != null && (n.isBlank() || n.contains(","))) {
                throw ApiException.badRequest(
                        "field 'roles' = "
                                + names
                                + ": entry '"
                                + Auth.clip(n)
                                + "' is not one role; give each role as an entry of its own,"
                                + " e.g. [\"PLANNER\", \"APPROVER\"]");
            }
        }
        try {
            return Role.parseAll(String.join(",", names));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw ApiException.badRequest("field 'roles' = " + names + ": " + e.getMessage());
        }
    }

    record RolesRequest(List<String> roles) {}

    /**
     * An administrator sets the roles of a user of its own nation, at once for the user's open
     * sessions too; a user of another nation answers as one that does not exist.
     */
    private void setRoles(Context ctx) {
        User u = user(ctx);
        String name = ctx.pathParam("username");
        require(
                ctx,
                u.has(Role.ADMIN),
                "user.roles",
                "user " + Auth.clip(name),
                "setting a user's roles needs the ADMIN role");
        RolesRequest req = RequestBody.read(ctx, RolesRequest.class);
        Set<Role> roles = requestedRoles(req.roles());
        Auth.RoleChange done =
                refusalsAudited(u, "user.roles", name, () -> auth.setRoles(u, name, roles));
        ctx.json(
                Map.of(
                        "username",
                        done.username(),
                        "roles",
                        Auth.roleNames(done.after()),
                        "previousRoles",
                        Auth.roleNames(done.before())));
    }

    record PasswordRequest(String password) {}

    /**
     * An administrator sets the password of a user of its own nation, whose sessions end; a user of
     * another nation answers as one that does not exist.
     */
    private void resetPassword(Context ctx) {
        User u = user(ctx);
        String name = ctx.pathParam("username");
        require(
                ctx,
                u.has(Role.ADMIN),
                "user.password",
                "user " + Auth.clip(name),
                "setting a user's password needs the ADMIN role");
        PasswordRequest req = RequestBody.read(ctx, PasswordRequest.class);
        Auth.Reset done;
        try {
            done = auth.resetPassword(u, name, req.password());
        } catch (ApiException e) {
            if (e.status() == 404) {
                audit.denied(
                        u,
                        "user.password",
                        "user " + Auth.clip(name),
                        "no user of " + u.nation() + " has that name");
            }
            throw e;
        }
        ctx.json(Map.of("username", done.username(), "sessionsEnded", done.sessionsEnded()));
    }

    /**
     * An administrator deactivates or reactivates a user of its own nation; a user of another
     * nation answers as one that does not exist. A deactivated user's sessions end at once.
     */
    private void setActive(Context ctx, boolean active) {
        User u = user(ctx);
        String name = ctx.pathParam("username");
        String action = active ? "user.activate" : "user.deactivate";
        require(
                ctx,
                u.has(Role.ADMIN),
                action,
                "user " + Auth.clip(name),
                (active ? "reactivating" : "deactivating") + " a user needs the ADMIN role");
        if (!ctx.body().isBlank()) {
            RequestBody.read(ctx, NoFields.class);
        }
        Auth.Activation done =
                refusalsAudited(u, action, name, () -> auth.setActive(u, name, active));
        ctx.json(
                Map.of(
                        "username",
                        done.username(),
                        "active",
                        done.active(),
                        "sessionsEnded",
                        done.sessionsEnded()));
    }

    /**
     * {@code change} of the user {@code name} by the administrator {@code u}, each refusal of it
     * audited: a user of another nation as one no user of {@code u}'s nation has, since it answers
     * as a name nobody has.
     */
    private <T> T refusalsAudited(
            User u, String action, String name, java.util.function.Supplier<T> change) {
        try {
            return change.get();
        } catch (ApiException e) {
            audit.denied(
                    u,
                    action,
                    "user " + Auth.clip(name),
                    e.status() == 404
                            ? "no user of " + u.nation() + " has that name"
                            : e.getMessage());
            throw e;
        }
    }

    private void auditLog(Context ctx) {
        User u = user(ctx);
        require(
                ctx,
                u.has(Role.ADMIN),
                "audit.read",
                "audit log",
                "reading the audit log needs the ADMIN role");
        int limit = intParam(ctx, "limit", 200, 1, 5000);
        // newest first, without the row's id: every nation's rows share that sequence, so the gaps
        // between a nation's own ids would count what other nations did in between
        ctx.json(
                Jdbc.tx(
                        store.db(),
                        c ->
                                Jdbc.query(
                                        c,
                                        "select at, username, nation, action, target, outcome,"
                                                + " detail from audit_log where nation = ?"
                                                + " order by id desc limit ?",
                                        rs -> {
                                            Map<String, Object> m = new LinkedHashMap<>();
                                            m.put("at", rs.getTimestamp(1).toInstant().toString());
                                            m.put("user", rs.getString(2));
                                            m.put("nation", rs.getString(3));
                                            m.put("action", rs.getString(4));
                                            m.put("target", rs.getString(5));
                                            m.put("outcome", rs.getString(6));
                                            m.put("detail", rs.getString(7));
                                            return m;
                                        },
                                        u.nation(),
                                        limit)));
    }

    // ---- scenarios

    private Map<String, Object> scenarioJson(User u, Store.ScenarioRow s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", s.id());
        m.put("name", s.name());
        m.put("owner", s.owner());
        m.put("marking", s.marking());
        m.put("source", s.sourceName());
        m.put("createdAt", s.createdAt().toString());
        m.put("visibleLines", store.visibleLineCount(u, s.id()));
        return m;
    }

    private void listScenarios(Context ctx) {
        User u = user(ctx);
        List<Map<String, Object>> out = new ArrayList<>();
        for (Store.ScenarioRow s : store.scenarios()) {
            if (u.sees(s.owner(), s.marking())) {
                out.add(scenarioJson(u, s));
            }
        }
        ctx.json(out);
    }

    Store.ScenarioRow visibleScenario(Context ctx, long id, String action) {
        Store.ScenarioRow s = store.scenario(id).orElse(null);
        mustSee(ctx, s != null && user(ctx).sees(s.owner(), s.marking()), action, "scenario " + id);
        return s;
    }

    static String fileName(Context ctx) {
        String n = ctx.queryParam("file");
        if (n == null || n.isBlank()) {
            throw ApiException.badRequest(
                    "query parameter 'file' missing: give the file name, e.g. ?file=x.yaml, so"
                            + " its format and its place in fault messages are known");
        }
        // a name, not a path: it is stored and shown as the scenario's source; spaces are fine,
        // as in the names of files a browser uploads
        if (n.length() > 200
                || n.contains("/")
                || n.contains("\\")
                || n.chars().anyMatch(Character::isISOControl)) {
            throw ApiException.badRequest(
                    "query parameter 'file' = '"
                            + Auth.clip(n)
                            + "': give the file's name alone (no directories, at most 200"
                            + " characters)");
        }
        // shown to every reader of the scenario as its source: a bidirectional override left
        // open reversed what followed it ('evil<U+202E>lmy.yaml' read as another name)
        muster.model.validate.TextRule.Problem open =
                muster.model.validate.TextRule.openBidi(n, "a file name");
        if (open != null) {
            throw ApiException.badRequest(
                    "query parameter 'file' = '"
                            + Auth.clip(n)
                            + "': "
                            + open.message()
                            + "; "
                            + open.hint());
        }
        return n;
    }

    static List<Map<String, Object>> faultsJson(String file, List<Fault> faults) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Fault f : faults) {
            Map<String, Object> m = Json.MAPPER.convertValue(f, LinkedHashMap.class);
            m.put("file", file);
            m.put("text", f.describe());
            out.add(m);
        }
        return out;
    }

    private void validateScenario(Context ctx) {
        require(
                ctx,
                user(ctx).has(Role.PLANNER),
                "scenario.validate",
                "scenarios",
                "validating a scenario needs the PLANNER role");
        String file = fileName(ctx);
        // the marking an import would take is checked too, as the import would check it
        markingOr(ctx.queryParam("marking"), "REL NATO", user(ctx).nation());
        Engine.Read r = engine.read(file, ctx.body());
        ctx.json(Map.of("valid", r.scenario() != null, "faults", faultsJson(file, r.faults())));
    }

    private void importScenario(Context ctx) {
        User u = user(ctx);
        require(
                ctx,
                u.has(Role.PLANNER),
                "scenario.import",
                "scenarios",
                "importing a scenario needs the PLANNER role");
        String file = fileName(ctx);
        String marking = markingOr(ctx.queryParam("marking"), "REL NATO", u.nation());
        String text = ctx.body();
        Engine.Read r = engine.read(file, text);
        if (r.scenario() == null) {
            throw new ApiException(
                    422,
                    "scenario "
                            + file
                            + " refused: "
                            + r.faults().stream().filter(Fault::isError).count()
                            + " error(s)",
                    faultsJson(file, r.faults()));
        }
        long id = importScenario(u, r.scenario(), marking, file, text);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", id);
        out.put("faults", faultsJson(file, r.faults()));
        ctx.status(201).json(out);
    }

    long importScenario(User u, Scenario s, String marking, String file, String text) {
        return Jdbc.tx(
                store.db(),
                c -> {
                    long id = store.insertScenario(c, u, s, marking, file, text);
                    Audit.record(
                            c,
                            u.id() > 0 ? u : null,
                            "scenario.import",
                            "scenario " + id,
                            "OK",
                            s.name() + " (" + s.requirements().size() + " lines, " + marking + ")");
                    return id;
                });
    }

    private void getScenario(Context ctx) {
        User u = user(ctx);
        long id = id(ctx);
        Store.ScenarioRow s = visibleScenario(ctx, id, "scenario.read");
        Scenario model = store.scenarioModel(id);
        Map<String, Object> m = scenarioJson(u, s);
        m.put("planning", model.planning());
        m.put("nodes", model.nodes());
        m.put("lift", model.lift());
        m.put("routes", model.routes());
        List<Map<String, Object>> lines = new ArrayList<>();
        for (Store.LineRow l : store.visibleLines(u, id).values()) {
            lines.add(lineJson(l));
        }
        m.put("requirements", lines);
        ctx.json(m);
    }

    /**
     * A scenario without its requirement lines: what a map or a chart needs, small whatever the
     * number of lines.
     */
    private void getNetwork(Context ctx) {
        long id = id(ctx);
        Store.ScenarioRow s = visibleScenario(ctx, id, "scenario.read");
        Scenario model = store.scenarioModel(id);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", s.id());
        m.put("name", s.name());
        m.put("owner", s.owner());
        m.put("marking", s.marking());
        m.put("planning", model.planning());
        m.put("nodes", model.nodes());
        m.put("lift", model.lift());
        m.put("routes", model.routes());
        ctx.json(m);
    }

    private static Map<String, Object> lineJson(Store.LineRow l) {
        Map<String, Object> m = Json.MAPPER.convertValue(l.line(), LinkedHashMap.class);
        m.put("owner", l.owner());
        m.put("marking", l.marking());
        return m;
    }

    private void exportScenario(Context ctx) {
        User u = user(ctx);
        long id = id(ctx);
        Store.ScenarioRow s = visibleScenario(ctx, id, "scenario.export");
        Map<String, Store.LineRow> visible = store.visibleLines(u, id);
        List<Store.LineRow> all = store.lines(id);
        if (visible.size() == all.size()) {
            String source = store.scenarioSource(id);
            if (source == null || source.isBlank()) {
                // a scenario saved by sourcing before its text was kept: written from its model
                source = muster.io.ScenarioWriter.yaml(store.scenarioModel(id));
            }
            ctx.contentType("text/plain; charset=utf-8").result(source);
            auditExport(u, "scenario.export", "scenario " + s.id(), "whole");
            return;
        }
        // Some lines are withheld: export the released part as JSON of the model.
        Scenario model = store.scenarioModel(id);
        List<RequirementLine> lines = new ArrayList<>();
        for (Store.LineRow l : visible.values()) {
            lines.add(l.line());
        }
        Scenario part =
                new Scenario(
                        model.name(),
                        model.nodes(),
                        model.lift(),
                        model.routes(),
                        lines,
                        model.planning());
        ctx.header("X-Muster-Withheld-Lines", Integer.toString(all.size() - visible.size()));
        ctx.json(part);
        auditExport(
                u,
                "scenario.export",
                "scenario " + s.id(),
                (all.size() - visible.size()) + " lines withheld");
    }

    /** Records an export in the audit log: every export is recorded, whole or in part. */
    void auditExport(User u, String action, String target, String detail) {
        Jdbc.tx(
                store.db(),
                c -> {
                    Audit.record(c, u, action, target, "OK", detail);
                    return null;
                });
    }

    record MarkingRequest(String marking) {}

    private void markLine(Context ctx) {
        User u = user(ctx);
        long id = id(ctx);
        visibleScenario(ctx, id, "line.mark");
        String uln = ctx.pathParam("uln");
        Store.LineRow line = store.visibleLines(u, id).get(uln);
        mustSee(ctx, line != null, "line.mark", "requirement line " + Auth.clip(uln));
        require(
                ctx,
                u.has(Role.LIAISON) && u.nation().equals(line.owner()),
                "line.mark",
                "requirement line " + uln,
                "changing the releasability of line "
                        + uln
                        + " needs the LIAISON role of "
                        + line.owner());
        String marking =
                markingOr(
                        RequestBody.read(ctx, MarkingRequest.class).marking(), null, line.owner());
        Jdbc.tx(
                store.db(),
                c -> {
                    Jdbc.update(
                            c,
                            "update requirement_line set releasable_to = ? where scenario_id = ? and uln = ?",
                            marking,
                            id,
                            uln);
                    Audit.record(
                            c,
                            u,
                            "line.mark",
                            "scenario " + id + " line " + uln,
                            "OK",
                            line.marking() + " -> " + marking);
                    return null;
                });
        ctx.json(Map.of("uln", uln, "marking", marking));
    }

    private void searchRequirements(Context ctx) {
        User u = user(ctx);
        String q = Optional.ofNullable(ctx.queryParam("q")).orElse("").toLowerCase(Locale.ROOT);
        String sc = ctx.queryParam("scenario");
        List<Found> found = new ArrayList<>();
        for (Store.ScenarioRow s : store.scenarios()) {
            if (!u.sees(s.owner(), s.marking())
                    || (sc != null && !sc.equals(Long.toString(s.id())))) {
                continue;
            }
            for (Store.LineRow l : store.visibleLines(u, s.id()).values()) {
                RequirementLine r = l.line();
                String hay =
                        (r.uln()
                                        + " "
                                        + r.unit()
                                        + " "
                                        + r.nation()
                                        + " "
                                        + r.origin()
                                        + " "
                                        + r.destination())
                                .toLowerCase(Locale.ROOT);
                if (hay.contains(q)) {
                    found.add(new Found(s.id(), l));
                }
            }
        }
        // only the lines of the page asked for are written out: a search that every line of a
        // theatre matches gave each of its tens of thousands as JSON for a page of 50
        ctx.json(
                page(
                        ctx,
                        found,
                        f -> {
                            lineWritten.accept(f.line().uln());
                            Map<String, Object> m = lineJson(f.line());
                            m.put("scenario", f.scenario());
                            return m;
                        }));
    }

    /** A requirement line a search found, with its scenario. */
    private record Found(long scenario, Store.LineRow line) {}

    /** Runs with the ULN of each line a search writes out. Tests count them. */
    volatile java.util.function.Consumer<String> lineWritten = uln -> {};

    // ---- sourcing: the engine's Sourcer over a catalogue and capability requirements

    /** Where the bundled files are: the working directory, or the system property muster.home. */
    static Path home() {
        return Path.of(System.getProperty("muster.home", "."));
    }

    static final Path BUNDLED_REQUIREMENTS =
            Path.of("scenarios", "eastern-flank-2022-requirements.yaml");
    static final Path BUNDLED_CATALOGUE =
            Path.of("data", "catalogue", "eastern-flank-2022-units.yaml");

    /**
     * The bundled capability requirements and catalogue, to a reader who would see them stored: the
     * server stores the bundled data marked REL NATO under its first administrator's nation, so a
     * reader of another nation outside NATO is given nothing, as when the server has none.
     */
    private void bundledSourcing(Context ctx) throws java.io.IOException {
        Map<String, Object> m = new LinkedHashMap<>();
        Path req = home().resolve(BUNDLED_REQUIREMENTS);
        Path cat = home().resolve(BUNDLED_CATALOGUE);
        String host =
                Jdbc.tx(
                                store.db(),
                                c ->
                                        Jdbc.one(
                                                c,
                                                "select nation from app_user where id = ?",
                                                rs -> rs.getString(1),
                                                Auth.firstUserId(c)))
                        .orElse(null);
        if (host != null
                && Marking.REL_NATO.visibleTo(user(ctx).nation(), host)
                && Files.isRegularFile(req)
                && Files.isRegularFile(cat)) {
            m.put("requirementsFile", BUNDLED_REQUIREMENTS.getFileName().toString());
            m.put("requirements", Files.readString(req));
            m.put("catalogueFile", BUNDLED_CATALOGUE.getFileName().toString());
            m.put("catalogue", Files.readString(cat));
        }
        ctx.json(m);
    }

    static String safeName(String field, String name) {
        if (name == null || !name.matches("[A-Za-z0-9._-]{1,100}\\.(ya?ml|json|csv)")) {
            // the name echoed cut short, invisible characters escaped (Auth.clip): it came whole
            // and raw, a bidirectional override in it reordering the message
            throw ApiException.badRequest(
                    "field '"
                            + field
                            + "' = '"
                            + Auth.clip(name)
                            + "': give a file name ending .yaml, .json or .csv");
        }
        return name;
    }

    // ---- plans

    record PlanRequest(String planner, String marking) {}

    private void startPlan(Context ctx) {
        User u = user(ctx);
        long sid = id(ctx);
        Store.ScenarioRow s = visibleScenario(ctx, sid, "plan.start");
        require(
                ctx,
                u.has(Role.PLANNER),
                "plan.start",
                "scenario " + sid,
                "running a plan needs the PLANNER role");
        PlanRequest req =
                ctx.body().isBlank()
                        ? new PlanRequest(null, null)
                        : RequestBody.read(ctx, PlanRequest.class);
        String planner = req.planner() == null ? "lns" : req.planner();
        if (!planner.matches("lns|fifo|exact")) {
            throw ApiException.badRequest(
                    "field 'planner' = '" + planner + "': use lns, fifo or exact");
        }
        String marking = planMarking(ctx, req.marking(), s, u);
        long pid =
                Jdbc.tx(
                        store.db(),
                        c -> {
                            long id =
                                    Jdbc.insert(
                                            c,
                                            "insert into plan_run(scenario_id, planner, owner_nation, releasable_to, status,"
                                                    + " created_by) values (?,?,?,?,'QUEUED',?)",
                                            sid,
                                            planner,
                                            u.nation(),
                                            marking,
                                            u.id());
                            Audit.record(
                                    c,
                                    u,
                                    "plan.start",
                                    "plan " + id,
                                    "OK",
                                    "scenario " + sid + ", " + planner);
                            return id;
                        });
        jobs.submit(pid, sid, planner);
        ctx.status(202).json(planJson(u, store.plan(pid).orElseThrow()));
    }

    /**
     * The marking of a new plan: the one asked for (default the scenario's), refused when it is
     * wider than the scenario's, i.e. when some nation could see the plan but not its scenario.
     */
    private String planMarking(Context ctx, String asked, Store.ScenarioRow s, User u) {
        Marking m = Marking.parse(markingOr(asked, s.marking(), u.nation()));
        if (!m.within(u.nation(), Marking.cached(s.marking()), s.owner())) {
            String why =
                    "field 'marking' = '"
                            + (asked == null || asked.isBlank() ? m.toString() : asked)
                            + "': wider than scenario "
                            + s.id()
                            + " ('"
                            + s.marking()
                            + "' of "
                            + s.owner()
                            + "); a plan may be released only to nations that see its scenario";
            audit.denied(u, "plan.start", "scenario " + s.id(), why);
            throw new ApiException(403, why);
        }
        return m.toString();
    }

    private Map<String, Object> planJson(User u, Store.PlanRow p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", p.id());
        m.put("scenario", p.scenarioId());
        m.put("planner", p.planner());
        m.put("owner", p.owner());
        m.put("marking", p.marking());
        m.put("status", p.status());
        PlanJobs.Job j = jobs.job(p.id());
        boolean live = j != null && ("RUNNING".equals(p.status()) || "QUEUED".equals(p.status()));
        m.put("progress", live ? j.fraction : p.progress());
        m.put("phase", live ? j.phase : p.phase());
        m.put("etaSeconds", live ? jobs.etaSeconds(j) : null);
        m.put("error", errorSeenBy(u, p));
        m.put("createdAt", p.createdAt().toString());
        m.put("startedAt", p.startedAt() == null ? null : p.startedAt().toString());
        m.put("finishedAt", p.finishedAt() == null ? null : p.finishedAt().toString());
        // a plan cancelled after the planner started keeps the plan it had found: it opens like a
        // finished one
        m.put("result", p.hasResult());
        return m;
    }

    /**
     * Why a plan failed, as {@code u} may read it: whole to a reader who sees every line of the
     * plan's scenario; to another, without what it says of lines withheld from the reader (the
     * violations of the movement model, their missions, lines and figures).
     */
    private String errorSeenBy(User u, Store.PlanRow p) {
        if (p.error() == null) {
            return null;
        }
        java.util.Set<String> hidden = store.hiddenUlns(u, p.scenarioId());
        return hidden.isEmpty() ? p.error() : PlanJobs.errorWithout(p.error(), hidden);
    }

    /** A plan is seen only by a reader who sees both the plan and the plan's scenario. */
    private boolean sees(User u, Store.PlanRow p) {
        if (!u.sees(p.owner(), p.marking())) {
            return false;
        }
        Store.ScenarioRow s = store.scenario(p.scenarioId()).orElse(null);
        return s != null && u.sees(s.owner(), s.marking());
    }

    private void listPlans(Context ctx) {
        User u = user(ctx);
        ctx.json(store.plans().stream().filter(p -> sees(u, p)).map(p -> planJson(u, p)).toList());
    }

    private Store.PlanRow visiblePlan(Context ctx, String action) {
        long id = id(ctx);
        Store.PlanRow p = store.plan(id).orElse(null);
        mustSee(ctx, p != null && sees(user(ctx), p), action, "plan " + id);
        return p;
    }

    /**
     * The plan with only what the user may see, or a 409 when it has no result yet.
     *
     * @param digest the set of lines withheld from the reader ({@link #hiddenDigest})
     */
    private record Seen(
            Store.PlanRow row,
            Store.KeptPlan kept,
            Scenario scenario,
            Map<String, RequirementLine> lines,
            PlanViews.Filtered filtered,
            String digest) {
        Plan plan() {
            return kept.plan();
        }

        /** Readers with the same key see the same view, so views are kept by it. */
        String key() {
            return viewKey(row, digest);
        }
    }

    private Seen seen(Context ctx, String action) {
        User u = user(ctx);
        Store.PlanRow p = visiblePlan(ctx, action);
        java.util.Set<String> hidden = store.hiddenUlns(u, p.scenarioId());
        return seen(u, p, hidden, hiddenDigest(hidden));
    }

    /**
     * The key of what the readers from whom the lines of {@code digest} ({@link #hiddenDigest}) are
     * withheld see of plan {@code p}: its answers kept by it are given without reading the plan
     * back.
     */
    private static String viewKey(Store.PlanRow p, String digest) {
        return p.id() + "|" + digest;
    }

    private Seen seen(User u, Store.PlanRow p, java.util.Set<String> hidden, String digest) {
        Store.KeptPlan kept =
                store.keptPlan(p.id())
                        .orElseThrow(
                                () ->
                                        new ApiException(
                                                409,
                                                "plan "
                                                        + p.id()
                                                        + " has no result (status "
                                                        + p.status()
                                                        + ")"));
        Map<String, RequirementLine> lines =
                visibleContents.get(
                        p.scenarioId() + "|" + digest,
                        k -> {
                            Map<String, RequirementLine> m = new HashMap<>();
                            store.lineContents(p.scenarioId())
                                    .forEach(
                                            (uln, l) -> {
                                                if (!hidden.contains(uln)) {
                                                    m.put(uln, l);
                                                }
                                            });
                            return java.util.Collections.unmodifiableMap(m);
                        });
        // the views of a plan are kept with it (Store.KeptPlan): kept apart, they held the
        // records of plans the store had long left out
        return new Seen(
                p,
                kept,
                store.scenarioModel(p.scenarioId()),
                lines,
                kept.filtered(digest, k -> PlanViews.filter(kept.plan(), lines.keySet())),
                digest);
    }

    /** A scenario's lines a reader may see, by scenario and the set withheld from the reader. */
    private final Store.Lru<String, Map<String, RequirementLine>> visibleContents =
            new Store.Lru<>(32);

    /** How many lines are withheld and a SHA-256 digest of their sorted ULNs. */
    static String hiddenDigest(java.util.Set<String> hiddenSet) {
        List<String> hidden = hiddenSet.stream().sorted().toList();
        try {
            java.security.MessageDigest md = java.security.MessageDigest.getInstance("SHA-256");
            for (String h : hidden) {
                md.update(h.getBytes(StandardCharsets.UTF_8));
                md.update((byte) 0);
            }
            return hidden.size() + ":" + java.util.HexFormat.of().formatHex(md.digest());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private void getPlan(Context ctx) {
        User u = user(ctx);
        Store.PlanRow p = visiblePlan(ctx, "plan.read");
        Map<String, Object> m = planJson(u, p);
        if ("DONE".equals(p.status())) {
            // kept by plan and reader: a plan the server no longer keeps is not read back for it
            java.util.Set<String> hidden = store.hiddenUlns(u, p.scenarioId());
            String digest = hiddenDigest(hidden);
            m.putAll(
                    heads.get(
                            viewKey(p, digest),
                            k -> {
                                Seen s = seen(u, p, hidden, digest);
                                Map<String, Object> h = new LinkedHashMap<>();
                                h.put("measures", measures(s));
                                h.put("plannerInfo", s.plan().planner());
                                h.put(
                                        "lowerBound",
                                        s.filtered().hiddenLines() == 0
                                                ? s.plan().lowerBound()
                                                : null);
                                return java.util.Collections.unmodifiableMap(h);
                            }));
        }
        ctx.json(m);
    }

    /** The figures of finished plans, by plan and the set of lines withheld from the reader. */
    private final Store.Lru<String, Map<String, Object>> heads = new Store.Lru<>(256);

    private void cancelPlan(Context ctx) {
        User u = user(ctx);
        Store.PlanRow p = visiblePlan(ctx, "plan.cancel");
        require(
                ctx,
                u.has(Role.PLANNER) && u.nation().equals(p.owner()),
                "plan.cancel",
                "plan " + p.id(),
                "cancelling plan " + p.id() + " needs the PLANNER role of " + p.owner());
        beforeJobCancel.accept(p.id());
        PlanJobs.Cancel asked = jobs.cancel(p.id());
        boolean running = asked.requested();
        Jdbc.tx(
                store.db(),
                c -> {
                    Audit.record(
                            c,
                            u,
                            "plan.cancel",
                            "plan " + p.id(),
                            "OK",
                            running ? "cancel requested" : "not running");
                    return null;
                });
        if (running) {
            // a queued plan is cancelled at once; a running one stops at the planner's next step
            ctx.status(202)
                    .json(
                            Map.of(
                                    "cancelRequested",
                                    true,
                                    "status",
                                    asked.settled() != null ? asked.settled() : p.status()));
        } else {
            // the job may have ended since the plan was read (a click just after it finished):
            // PlanJobs writes the final status before it drops the job, so the plan read again
            // has it, where the status read before was still QUEUED or RUNNING; a job that has
            // settled how it ends but not yet written it gives that status itself
            String status =
                    asked.settled() != null
                            ? asked.settled()
                            : store.plan(p.id()).map(Store.PlanRow::status).orElse(p.status());
            boolean live = "QUEUED".equals(status) || "RUNNING".equals(status);
            ctx.status(409)
                    .json(
                            Map.of(
                                    "cancelRequested",
                                    false,
                                    "status",
                                    status,
                                    "error",
                                    "plan "
                                            + p.id()
                                            + " is "
                                            + status
                                            + (live
                                                    ? ", but this server runs no job for it and"
                                                            + " cannot stop it"
                                                    : "; only a queued or running plan can be"
                                                            + " cancelled")));
        }
    }

    /**
     * Runs between a cancel's read of the plan and its request to the plan's job. Tests set it to
     * end the plan at that moment, as a job that finishes just before the click reaches it does.
     */
    volatile java.util.function.LongConsumer beforeJobCancel = id -> {};

    private void planLines(Context ctx) {
        Seen s = seen(ctx, "plan.lines");
        boolean lateOnly = boolParam(ctx, "late");
        List<LineResult> ls =
                lateOnly
                        ? s.kept()
                                .late(
                                        s.digest(),
                                        k ->
                                                s.filtered().lines().stream()
                                                        .filter(l -> l.lateDays() > 0)
                                                        .sorted(
                                                                (a, b) ->
                                                                        Integer.compare(
                                                                                b.lateDays(),
                                                                                a.lateDays()))
                                                        .toList())
                        : s.filtered().lines();
        double paxWeight = s.scenario().planning().paxWeightStons();
        ctx.json(
                page(
                        ctx,
                        ls,
                        l -> {
                            @SuppressWarnings("unchecked")
                            Map<String, Object> m =
                                    Json.MAPPER.convertValue(l, LinkedHashMap.class);
                            RequirementLine r = s.lines().get(l.uln());
                            if (r != null) {
                                m.put("unit", r.unit());
                                m.put("nation", r.nation());
                                m.put("rdd", r.rdd());
                                m.put("mode", r.mode());
                                m.put("stons", r.weight(paxWeight));
                            }
                            return m;
                        }));
    }

    private void planMissions(Context ctx) {
        Seen s = seen(ctx, "plan.missions");
        String lift = ctx.queryParam("lift");
        List<Mission> ms = s.filtered().missions();
        if (lift != null) {
            ms = ms.stream().filter(m -> m.lift().equals(lift)).toList();
        }
        ctx.json(page(ctx, ms));
    }

    /** Summaries of finished plans, by plan and the set of lines withheld from the reader. */
    private final Store.Lru<String, String> summaries = new Store.Lru<>(64);

    private void planSummary(Context ctx) {
        User u = user(ctx);
        Store.PlanRow p = visiblePlan(ctx, "plan.summary");
        java.util.Set<String> hidden = store.hiddenUlns(u, p.scenarioId());
        String digest = hiddenDigest(hidden);
        // a summary kept is given without reading the plan back
        String json =
                summaries.get(
                        viewKey(p, digest),
                        k -> {
                            Seen s = seen(u, p, hidden, digest);
                            Map<String, Object> m =
                                    new LinkedHashMap<>(
                                            PlanViews.summary(
                                                    s.filtered(), s.scenario(), s.lines()));
                            m.put("measures", measures(s));
                            m.put("plan", planJson(u, s.row()));
                            return Json.write(m);
                        });
        ctx.contentType("application/json").result(json);
    }

    private void exportPlan(Context ctx) {
        User u = user(ctx);
        Seen s = seen(ctx, "plan.export");
        Plan p = s.plan();
        Plan part =
                new Plan(
                        p.scenario(),
                        p.planner(),
                        s.filtered().hiddenLines() == 0 ? p.measures() : null,
                        s.filtered().hiddenLines() == 0 ? p.lowerBound() : null,
                        s.filtered().missions(),
                        s.filtered().lines(),
                        s.filtered().hiddenLines() == 0 ? p.bindingConstraints() : List.of());
        Jdbc.tx(
                store.db(),
                c -> {
                    Audit.record(
                            c,
                            u,
                            "plan.export",
                            "plan " + s.row().id(),
                            "OK",
                            s.filtered().hiddenLines() + " lines withheld");
                    return null;
                });
        ctx.json(part);
    }

    /** Measures of finished plans, by plan and the set of lines withheld from the reader. */
    private final Store.Lru<String, Map<String, Object>> measures = new Store.Lru<>(256);

    /**
     * The measures the reader may see (recomputed over the visible lines when some are withheld).
     */
    private Map<String, Object> measures(Seen s) {
        return measures.get(
                s.key(),
                k ->
                        java.util.Collections.unmodifiableMap(
                                PlanViews.measures(
                                        s.plan(), s.filtered(), s.scenario(), s.lines().keySet())));
    }

    /** The report the CLI writes (muster.io.report), over what the user may see. */
    private void planReport(Context ctx) {
        Seen s = seen(ctx, "plan.report");
        Plan p = s.plan();
        boolean whole = s.filtered().hiddenLines() == 0;
        Plan part =
                whole
                        ? p
                        : new Plan(
                                p.scenario(),
                                p.planner(),
                                PlanViews.partialMeasures(p, s.scenario(), s.lines().keySet()),
                                null,
                                s.filtered().missions(),
                                s.filtered().lines(),
                                List.of());
        Scenario sc = s.scenario();
        List<RequirementLine> lines =
                sc.requirements().stream().filter(l -> s.lines().containsKey(l.uln())).toList();
        Scenario scPart =
                new Scenario(sc.name(), sc.nodes(), sc.lift(), sc.routes(), lines, sc.planning());
        // the page's own policy, framed by no other site, and in a sandbox of its own: a script
        // that ran in it could not read the API with the reader's session
        ctx.header(
                "Content-Security-Policy",
                muster.io.report.HtmlReport.CONTENT_SECURITY_POLICY
                        + "; frame-ancestors 'none'; sandbox allow-scripts");
        ctx.contentType("text/html; charset=utf-8")
                .result(
                        muster.io.report.HtmlReport.render(
                                scPart,
                                part,
                                whole ? null : PlanViews.partialNote(s.filtered()),
                                moreLateLines(s.row().id())));
    }

    /**
     * Where the report served for plan {@code id} sends its reader for the late lines past those it
     * lists: the reader has no lines.csv, which the command line writes beside its report.
     */
    static String moreLateLines(long id) {
        return "in the plan page's table 'Late lines and why' and in GET /api/plans/"
                + id
                + "/lines?late=true";
    }

    private void planEvents(SseClient client) {
        Context ctx = client.ctx();
        Store.PlanRow p;
        try {
            p = visiblePlan(ctx, "plan.events");
        } catch (ApiException e) {
            client.sendEvent("error", Map.of("error", e.getMessage()));
            client.close();
            return;
        }
        long id = p.id();
        String token = token(ctx);
        client.keepAlive();
        Thread t =
                new Thread(
                        () -> {
                            try {
                                while (!client.terminated()) {
                                    // the reader and the plan are checked again before each
                                    // event: a reader signed out or deactivated, or from whom
                                    // the plan has been withdrawn, gets no more and the stream
                                    // ends, where it ran on until the plan ended
                                    Optional<User> reader = auth.authenticate(token);
                                    if (reader.isEmpty()) {
                                        client.sendEvent(
                                                "error",
                                                Json.write(
                                                        Map.of(
                                                                "error",
                                                                "sign in first (session missing"
                                                                        + " or expired)")));
                                        break;
                                    }
                                    Store.PlanRow row = store.plan(id).orElse(null);
                                    if (row == null || !sees(reader.get(), row)) {
                                        audit.denied(
                                                reader.get(),
                                                "plan.events",
                                                "plan " + id,
                                                notSeen(reader.get()));
                                        client.sendEvent(
                                                "error",
                                                Json.write(
                                                        Map.of(
                                                                "error",
                                                                ApiException.notFound("plan " + id)
                                                                        .getMessage())));
                                        break;
                                    }
                                    Map<String, Object> m = planJson(reader.get(), row);
                                    client.sendEvent("progress", Json.write(m));
                                    if (!"QUEUED".equals(row.status())
                                            && !"RUNNING".equals(row.status())) {
                                        break;
                                    }
                                    Thread.sleep(500);
                                }
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                            } finally {
                                client.close();
                            }
                        },
                        "muster-sse-" + id);
        t.setDaemon(true);
        t.start();
    }

    // ---- orders

    /** The body of an order's cancel: why, optional. */
    record CancelRequest(String reason) {}

    /** The body of a request that takes no fields, when one is sent. */
    record NoFields() {}

    record DraftRequest(
            String kind,
            List<String> units,
            String authority,
            Integer noticeToMoveHours,
            String destination,
            String cDay,
            String readyDate,
            String note,
            String marking,
            String effective) {}

    private Map<String, Object> orderJson(OrderRecord r, Orders.Meta meta) {
        Order o = r.order();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", o.id());
        m.put("kind", o.kind());
        m.put("status", r.status());
        m.put("owner", meta.owner());
        m.put("marking", meta.marking());
        m.put("units", o.units());
        m.put("authority", o.authority());
        m.put("effective", o.effective().toString());
        m.put("noticeToMoveHours", o.noticeToMoveHours());
        m.put("destination", o.destination());
        m.put("cDay", o.cDay() == null ? null : o.cDay().toString());
        m.put("readyDate", o.readyDate() == null ? null : o.readyDate().toString());
        m.put("note", o.note());
        m.put("draftedBy", r.draftedBy());
        m.put("approvedBy", r.approvedBy());
        m.put("issuedBy", r.issuedBy());
        m.put("cancelledBy", r.cancelledBy());
        m.put("cancelReason", r.cancelReason());
        return m;
    }

    private void listOrders(Context ctx) {
        User u = user(ctx);
        Orders.Snapshot s = orders.snapshot();
        String status = ctx.queryParam("status");
        if (status != null) {
            try {
                status = OrderStatus.valueOf(status.trim().toUpperCase(Locale.ROOT)).name();
            } catch (IllegalArgumentException e) {
                throw ApiException.badRequest(
                        "query parameter 'status' = '"
                                + Auth.clip(status)
                                + "': use DRAFT, APPROVED, ISSUED or CANCELLED");
            }
        }
        List<Map<String, Object>> out = new ArrayList<>();
        for (OrderRecord r : s.book().orders()) {
            if (!s.sees(u, r.order().id())) {
                continue;
            }
            if (status != null && !r.status().name().equalsIgnoreCase(status)) {
                continue;
            }
            out.add(orderJson(r, s.metas().get(r.order().id())));
        }
        java.util.Collections.reverse(out);
        ctx.json(page(ctx, out));
    }

    private void getOrder(Context ctx) {
        User u = user(ctx);
        String id = ctx.pathParam("id");
        Orders.Snapshot s = orders.snapshot();
        OrderRecord r = s.book().order(id);
        mustSee(ctx, r != null && s.sees(u, id), "order.read", "order " + Auth.clip(id));
        Map<String, Object> m = orderJson(r, s.metas().get(id));
        List<Map<String, Object>> events = new ArrayList<>();
        for (OrderEvent e : Jdbc.tx(store.db(), Orders::events)) {
            if (e.orderId().equals(id)) {
                // in log order, without the log's sequence number: every nation's events share
                // that sequence, so its gaps would count the events of orders the reader may not
                // see
                Map<String, Object> em = new LinkedHashMap<>();
                em.put("type", e.type());
                em.put("by", e.user());
                em.put("at", e.at().toString());
                em.put("reason", e.reason());
                events.add(em);
            }
        }
        m.put("events", events);
        ctx.json(m);
    }

    /** Orders take effect from 1900 to 9999: beyond, a day after the date may not exist. */
    private static final java.time.Instant FIRST_INSTANT =
            java.time.Instant.parse("1900-01-01T00:00:00Z");

    private static final java.time.Instant PAST_LAST_INSTANT =
            java.time.Instant.parse("+10000-01-01T00:00:00Z");

    /**
     * An order's effective time: an ISO-8601 instant ({@code 2026-11-28T06:00:00Z}), a date and
     * time without a zone, read as UTC ({@code 2026-11-28T06:00}), or a date, its start in UTC;
     * {@code now} when none is given.
     */
    static java.time.Instant effective(String v, java.time.Instant now) {
        if (v == null || v.isBlank()) {
            return now;
        }
        String t = v.trim();
        java.time.Instant at;
        try {
            if (t.length() <= 10) {
                at =
                        java.time.LocalDate.parse(t)
                                .atStartOfDay(java.time.ZoneOffset.UTC)
                                .toInstant();
            } else if (t.endsWith("Z") || t.matches(".*[+-][0-9]{2}:[0-9]{2}$")) {
                at = java.time.OffsetDateTime.parse(t).toInstant();
            } else {
                at = java.time.LocalDateTime.parse(t).toInstant(java.time.ZoneOffset.UTC);
            }
        } catch (java.time.format.DateTimeParseException e) {
            throw ApiException.badRequest(
                    "field 'effective' = '"
                            + Auth.clip(t)
                            + "': not a time; write e.g. 2026-11-28T06:00:00Z, 2026-11-28T06:00"
                            + " (UTC) or 2026-11-28");
        }
        if (at.isBefore(FIRST_INSTANT) || !at.isBefore(PAST_LAST_INSTANT)) {
            throw ApiException.badRequest(
                    "field 'effective' = '"
                            + Auth.clip(t)
                            + "': the time is outside the years 1900 to 9999");
        }
        return at;
    }

    private static java.time.LocalDate date(String field, String v) {
        if (v == null || v.isBlank()) {
            return null;
        }
        java.time.LocalDate d;
        try {
            d = java.time.LocalDate.parse(v.trim());
        } catch (java.time.format.DateTimeParseException e) {
            throw ApiException.badRequest(
                    "field '" + field + "' = '" + Auth.clip(v) + "': not a date YYYY-MM-DD");
        }
        if (d.getYear() < 1900 || d.getYear() > 9999) {
            // beyond, the day after the date may not exist (a board reads to the end of its day)
            throw ApiException.badRequest(
                    "field '"
                            + field
                            + "' = '"
                            + Auth.clip(v)
                            + "': the year "
                            + d.getYear()
                            + " is outside 1900 to 9999");
        }
        return d;
    }

    /**
     * Each kind of order takes its own fields ({@link OrderKind#fields}): an ALERT its notice to
     * move, a DEPLOY its destination, C-day and ready date, a STAND_DOWN none of them. One missing
     * is named, and one given to a kind that does not take it is refused rather than stored in an
     * order that never reads it.
     */
    private static void checkKindFields(OrderKind kind, DraftRequest d) {
        Map<String, Object> given = new LinkedHashMap<>();
        given.put("noticeToMoveHours", d.noticeToMoveHours());
        given.put("destination", d.destination());
        given.put("cDay", d.cDay());
        given.put("readyDate", d.readyDate());
        String takes = String.join(", ", kind.fields());
        for (String field : OrderKind.KIND_FIELDS) {
            Object v = given.get(field);
            boolean blank = v == null || (v instanceof String str && str.isBlank());
            boolean wanted = kind.fields().contains(field);
            if (wanted && blank) {
                throw ApiException.badRequest(
                        "field '"
                                + field
                                + "': missing; "
                                + kind.withArticle()
                                + " order needs "
                                + takes);
            }
            if (!wanted && !blank) {
                throw ApiException.badRequest(
                        "field '"
                                + field
                                + "' = '"
                                + v
                                + "': "
                                + kind.withArticle()
                                + " order does not take it"
                                + (takes.isEmpty() ? "" : " (it takes " + takes + ")"));
            }
        }
    }

    private void draftOrder(Context ctx) {
        User u = user(ctx);
        require(
                ctx,
                u.has(Role.PLANNER),
                "order.draft",
                "orders",
                "drafting an order needs the PLANNER role");
        DraftRequest d = RequestBody.read(ctx, DraftRequest.class);
        OrderKind kind;
        try {
            kind = OrderKind.valueOf(String.valueOf(d.kind()).trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(
                    "field 'kind' = '" + d.kind() + "': use ALERT, DEPLOY or STAND_DOWN");
        }
        if (d.units() == null || d.units().isEmpty()) {
            throw ApiException.badRequest(
                    "field 'units': missing; name the units (UICs) the order is for");
        }
        java.time.LocalDate cDay = date("cDay", d.cDay());
        java.time.LocalDate readyDate = date("readyDate", d.readyDate());
        checkKindFields(kind, d);
        List<String> units = ownUnits(ctx, u, d.units());
        String marking = markingOr(d.marking(), u.nation() + " ONLY", u.nation());
        Orders.Meta meta = new Orders.Meta(u.nation(), marking);
        java.time.Instant effectiveAt = effective(d.effective(), java.time.Instant.now());
        OrderRecord r =
                orders.draft(
                        u,
                        meta,
                        id -> {
                            Order o =
                                    new Order(
                                            id,
                                            kind,
                                            units,
                                            d.authority() == null || d.authority().isBlank()
                                                    ? u.nation()
                                                    : d.authority(),
                                            effectiveAt,
                                            d.noticeToMoveHours(),
                                            d.destination(),
                                            cDay,
                                            readyDate,
                                            d.note());
                            return (desk, at) -> desk.draft(o, u.username(), at);
                        });
        ctx.status(201).json(orderJson(r, meta));
    }

    /**
     * The units an order names, each a unit of the drafter's nation in a current catalogue the
     * drafter sees: a nation orders its own units only, so no order of another nation, which the
     * drafter may not see, ever touches them (and no refusal of the order model names one).
     */
    private List<String> ownUnits(Context ctx, User u, List<String> given) {
        List<String> out = new ArrayList<>();
        Map<String, String> nations = null;
        for (int i = 0; i < given.size(); i++) {
            String uic = given.get(i);
            String field = "field 'units." + i + "'";
            if (uic == null || uic.isBlank()) {
                throw ApiException.badRequest(field + ": empty; name a unit by its UIC");
            }
            uic = uic.trim();
            if (nations == null) {
                nations = force.unitNations(u);
            }
            String nation = nations.get(uic);
            if (nation == null) {
                throw ApiException.badRequest(
                        field
                                + " = '"
                                + Auth.clip(uic)
                                + "': no unit with this UIC in a current force catalogue "
                                + u.nation()
                                + " sees");
            }
            require(
                    ctx,
                    nation.equals(u.nation()),
                    "order.draft",
                    "unit " + uic,
                    field
                            + " = '"
                            + Auth.clip(uic)
                            + "': a unit of "
                            + nation
                            + "; only "
                            + nation
                            + "'s planners draft orders for it");
            out.add(uic);
        }
        return out;
    }

    private void orderEvent(Context ctx, OrderEvent.Type type) {
        User u = user(ctx);
        String id = ctx.pathParam("id");
        String action = "order." + type.name().toLowerCase(Locale.ROOT);
        Orders.Snapshot s = orders.snapshot();
        mustSee(ctx, s.book().order(id) != null && s.sees(u, id), action, "order " + Auth.clip(id));
        Orders.Meta meta = s.metas().get(id);
        boolean roleOk =
                switch (type) {
                    case APPROVED -> u.has(Role.APPROVER);
                    default -> u.has(Role.APPROVER) || u.has(Role.PLANNER);
                };
        require(
                ctx,
                roleOk && u.nation().equals(meta.owner()),
                action,
                "order " + id,
                "order "
                        + id
                        + " belongs to "
                        + meta.owner()
                        + "; "
                        + switch (type) {
                            case APPROVED -> "approving";
                            case ISSUED -> "issuing";
                            default -> "cancelling";
                        }
                        + " it needs "
                        + (type == OrderEvent.Type.APPROVED
                                ? "the APPROVER role"
                                : "the PLANNER or APPROVER role")
                        + " of "
                        + meta.owner());
        // a cancel's reason comes in the body ({"reason": "..."}) or as ?reason=; approve and
        // issue take no fields, and a body with one is refused rather than dropped
        String reason = type == OrderEvent.Type.CANCELLED ? ctx.queryParam("reason") : null;
        if (!ctx.body().isBlank()) {
            if (type == OrderEvent.Type.CANCELLED) {
                String given = RequestBody.read(ctx, CancelRequest.class).reason();
                if (given != null && reason != null && !given.equals(reason)) {
                    throw ApiException.badRequest(
                            "field 'reason' = '"
                                    + Auth.clip(given)
                                    + "' and ?reason='"
                                    + Auth.clip(reason)
                                    + "' differ; give the reason once");
                }
                reason = given != null ? given : reason;
            } else {
                RequestBody.read(ctx, NoFields.class);
            }
        }
        String why = reason;
        OrderRecord r;
        try {
            r =
                    orders.run(
                            u,
                            id,
                            action,
                            (desk, at) ->
                                    switch (type) {
                                        case APPROVED -> desk.approve(id, u.username(), at);
                                        case ISSUED -> desk.issue(id, u.username(), at);
                                        case CANCELLED -> desk.cancel(id, u.username(), at, why);
                                        case DRAFTED ->
                                                throw new IllegalStateException(
                                                        "drafting is its own command");
                                    });
        } catch (ApiException e) {
            audit.denied(u, action, "order " + id, e.getMessage());
            throw e;
        }
        ctx.json(orderJson(r, meta));
    }

    /** Units named by issued orders, with the status the order log gives them. */
    private void readiness(Context ctx) {
        User u = user(ctx);
        // each unit as the orders in effect by the end of the day asked (default today, UTC) left
        // it, DEPLOYED from its ready date on
        java.time.LocalDate day = date("asOf", ctx.queryParam("asOf"));
        if (day == null) {
            day = java.time.LocalDate.now(java.time.ZoneOffset.UTC);
        }
        Orders.Snapshot s = orders.snapshot();
        List<Map<String, Object>> out = new ArrayList<>();
        for (UnitRecord now : s.book().units().values()) {
            UnitRecord r = now.asOf(day);
            if (r.orderId() == null || !s.sees(u, r.orderId())) {
                continue;
            }
            List<UnitRecord.History> seen = seenHistory(r.history(), id -> s.sees(u, id));
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("uic", r.uic());
            m.put("status", r.status());
            m.put(
                    "noticeToMoveHours",
                    seen.isEmpty() ? null : seen.get(seen.size() - 1).noticeToMoveHours());
            m.put("order", r.orderId());
            m.put("destination", r.destination());
            m.put("readyDate", r.readyDate() == null ? null : r.readyDate().toString());
            m.put("history", seen.stream().map(Api::historyJson).toList());
            out.add(m);
        }
        ctx.json(page(ctx, out));
    }

    /**
     * One entry of a unit's history, without the order log's sequence number, which every nation's
     * events share: its gaps would count the events of orders the reader may not see.
     */
    private static Map<String, Object> historyJson(UnitRecord.History h) {
        @SuppressWarnings("unchecked")
        Map<String, Object> m = Json.MAPPER.convertValue(h, LinkedHashMap.class);
        m.remove("seq");
        return m;
    }

    /**
     * The entries of a unit's history whose orders the reader sees, without what orders the reader
     * does not see set: a DEPLOY carries the notice to move of the ALERT before it, and an entry's
     * {@code from} is the status the order before it set. Either is left out (null) when that order
     * is hidden, so a board entry never shows what a hidden order said.
     */
    static List<UnitRecord.History> seenHistory(
            List<UnitRecord.History> history, java.util.function.Predicate<String> sees) {
        List<UnitRecord.History> out = new ArrayList<>();
        String noticeBy = null;
        String before = null;
        for (UnitRecord.History h : history) {
            if (!"DEPLOY".equals(h.kind())) {
                noticeBy = h.orderId(); // an ALERT sets the notice, a STAND_DOWN clears it
            }
            if (sees.test(h.orderId())) {
                boolean noticeSeen = noticeBy != null && sees.test(noticeBy);
                boolean fromSeen = before == null || sees.test(before);
                out.add(
                        new UnitRecord.History(
                                h.seq(),
                                h.at(),
                                h.orderId(),
                                h.kind(),
                                fromSeen ? h.from() : null,
                                h.to(),
                                h.effective(),
                                noticeSeen ? h.noticeToMoveHours() : null,
                                h.destination(),
                                h.readyDate()));
            }
            before = h.orderId();
        }
        return out;
    }

    // ---- OpenAPI

    /** The methods some route takes on {@code path}, in a fixed order; empty when none does. */
    private static List<String> allowedMethods(JavalinConfig config, String path) {
        List<String> out = new ArrayList<>();
        for (io.javalin.http.HandlerType t :
                new io.javalin.http.HandlerType[] {
                    io.javalin.http.HandlerType.GET,
                    io.javalin.http.HandlerType.POST,
                    io.javalin.http.HandlerType.PUT,
                    io.javalin.http.HandlerType.PATCH,
                    io.javalin.http.HandlerType.DELETE
                }) {
            if (!config.unsafe.internalRouter.findHttpHandlerEntries(t, path).isEmpty()) {
                out.add(t.name());
            }
        }
        return out;
    }

    private void openapi(Context ctx) throws java.io.IOException {
        try (InputStream in = Api.class.getResourceAsStream("/openapi.json")) {
            ctx.contentType("application/json")
                    .result(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    static String csv(List<String> l) {
        return l.stream().collect(Collectors.joining(","));
    }
}
