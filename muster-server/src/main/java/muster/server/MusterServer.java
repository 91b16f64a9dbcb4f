package muster.server;

import io.javalin.Javalin;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinJackson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/** The muster server: the database, the planning jobs, the REST API and the web UI. */
public final class MusterServer implements AutoCloseable {
    /**
     * How to start.
     *
     * @param port TCP port, 0 for any free one
     * @param host address to listen on
     * @param dbUrl a {@code jdbc:postgresql://} URL, or null for the embedded database
     * @param dbUser user for {@code dbUrl}, or null
     * @param dbPassword password for {@code dbUrl}, or null
     * @param dataDir where the embedded database keeps its data
     * @param adminPassword first administrator's password, or null to generate one
     * @param adminNation nation (alpha-3) of the first administrator
     * @param bundledScenario scenario loaded when the database has none, or null
     * @param sessionLife how long a sign-in lasts
     */
    public record Options(
            int port,
            String host,
            String dbUrl,
            String dbUser,
            String dbPassword,
            Path dataDir,
            String adminPassword,
            String adminNation,
            Path bundledScenario,
            Duration sessionLife,
            Duration bodyIdle) {
        public static Options defaults() {
            return new Options(
                    8080,
                    "0.0.0.0",
                    null,
                    System.getenv("MUSTER_DB_USER"),
                    System.getenv("MUSTER_DB_PASSWORD"),
                    Path.of(System.getProperty("user.home"), ".muster", "db"),
                    System.getenv("MUSTER_ADMIN_PASSWORD"),
                    Optional.ofNullable(System.getenv("MUSTER_ADMIN_NATION")).orElse("USA"),
                    Path.of("scenarios", "eastern-flank-2022.yaml"),
                    Duration.ofHours(8),
                    DEFAULT_BODY_IDLE);
        }

        public Options withPort(int p) {
            return new Options(
                    p,
                    host,
                    dbUrl,
                    dbUser,
                    dbPassword,
                    dataDir,
                    adminPassword,
                    adminNation,
                    bundledScenario,
                    sessionLife,
                    bodyIdle);
        }

        public Options withDb(String url) {
            return new Options(
                    port,
                    host,
                    url,
                    dbUser,
                    dbPassword,
                    dataDir,
                    adminPassword,
                    adminNation,
                    bundledScenario,
                    sessionLife,
                    bodyIdle);
        }

        public Options withDataDir(Path d) {
            return new Options(
                    port,
                    host,
                    dbUrl,
                    dbUser,
                    dbPassword,
                    d,
                    adminPassword,
                    adminNation,
                    bundledScenario,
                    sessionLife,
                    bodyIdle);
        }

        public Options withAdminPassword(String pw) {
            return new Options(
                    port,
                    host,
                    dbUrl,
                    dbUser,
                    dbPassword,
                    dataDir,
                    pw,
                    adminNation,
                    bundledScenario,
                    sessionLife,
                    bodyIdle);
        }

        public Options withBundledScenario(Path p) {
            return new Options(
                    port,
                    host,
                    dbUrl,
                    dbUser,
                    dbPassword,
                    dataDir,
                    adminPassword,
                    adminNation,
                    p,
                    sessionLife,
                    bodyIdle);
        }

        public Options withDbUser(String user, String password) {
            return new Options(
                    port,
                    host,
                    dbUrl,
                    user,
                    password,
                    dataDir,
                    adminPassword,
                    adminNation,
                    bundledScenario,
                    sessionLife,
                    bodyIdle);
        }

        /**
         * How long a request's body may stop coming before the server refuses it (408); tests wait
         * a second rather than the default {@link #DEFAULT_BODY_IDLE}.
         */
        public Options withBodyIdle(Duration d) {
            return new Options(
                    port,
                    host,
                    dbUrl,
                    dbUser,
                    dbPassword,
                    dataDir,
                    adminPassword,
                    adminNation,
                    bundledScenario,
                    sessionLife,
                    d);
        }

        public Options withHost(String h) {
            return new Options(
                    port,
                    h,
                    dbUrl,
                    dbUser,
                    dbPassword,
                    dataDir,
                    adminPassword,
                    adminNation,
                    bundledScenario,
                    sessionLife,
                    bodyIdle);
        }
    }

    /** How long a request's body may stop coming before it is refused: Jetty's own idle time. */
    static final Duration DEFAULT_BODY_IDLE = Duration.ofSeconds(30);

    /** The largest request body accepted: a scenario or catalogue file. */
    static final long MAX_REQUEST_BYTES = 64L * 1024 * 1024;

    /**
     * The headers of the web UI's files: the page runs the server's own scripts alone, so a text
     * that another nation wrote and that reached the page as markup could run nothing; it is framed
     * by no other site, and a browser reads each file as the type it is given.
     */
    static final java.util.Map<String, String> WEB_HEADERS =
            java.util.Map.of(
                    "Cache-Control",
                    "max-age=0",
                    "Content-Security-Policy",
                    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline';"
                            + " img-src 'self' data:; object-src 'none'; base-uri 'none';"
                            + " form-action 'self'; frame-ancestors 'none'",
                    "X-Content-Type-Options",
                    "nosniff",
                    "X-Frame-Options",
                    "DENY",
                    "Referrer-Policy",
                    "same-origin");

    private final Database db;
    private final PlanJobs jobs;
    private final Javalin app;
    private final Store store;
    private final Auth auth;
    private final Api api;

    private MusterServer(Database db, Options o, Appendable out) throws IOException {
        this.db = db;
        Clock clock = Clock.systemUTC();
        Audit audit = new Audit(db);
        this.store = new Store(db);
        this.auth = new Auth(db, audit, clock, o.sessionLife());
        Engine engine = new Engine();
        this.jobs = new PlanJobs(store, engine, clock, 1);
        jobs.recoverAfterRestart();
        String nation = Nations.normalize(o.adminNation());
        Optional<String> generated = auth.bootstrap(o.adminPassword(), nation);
        if (generated.isPresent()) {
            out.append("muster: first start: created user 'admin' (nation ")
                    .append(nation)
                    .append(", roles ADMIN, OBSERVER) with password ")
                    .append(generated.get())
                    .append(System.lineSeparator())
                    .append("muster: this password is shown once; sign in and create your users.")
                    .append(System.lineSeparator());
        }
        this.api = new Api(store, auth, audit, engine, jobs, new Orders(db, clock), o.bodyIdle());
        loadBundled(o, nation, out);
        loadBundledCatalogue(o, nation, out);
        this.app =
                Javalin.create(
                        config -> {
                            config.startup.showJavalinBanner = false;
                            config.jsonMapper(new JavalinJackson(Json.MAPPER, false));
                            // scenario files of a large force (the L scale is 7.5 MB) come whole
                            config.http.maxRequestSize = MAX_REQUEST_BYTES;
                            config.staticFiles.add(
                                    files -> {
                                        files.hostedPath = "/";
                                        files.directory = "/web";
                                        files.location = Location.CLASSPATH;
                                        files.headers = WEB_HEADERS;
                                    });
                            config.staticFiles.enableWebjars();
                            config.jetty.host = o.host();
                            config.jetty.port = o.port();
                            // what Jetty refuses before any route is answered in JSON too
                            config.jetty.modifyServer(
                                    server -> server.setErrorHandler(new JsonErrorHandler()));
                            // a body that stops coming is refused after this long (Api.bodyBytes)
                            config.jetty.modifyHttpConfiguration(
                                    http -> http.setIdleTimeout(o.bodyIdle().toMillis()));
                            api.routes(config);
                        });
        app.start();
        // Ctrl-C or SIGTERM stops the web server and the jobs before the embedded database
        db.stopAtExit(this::close);
    }

    private void loadBundled(Options o, String nation, Appendable out) throws IOException {
        if (o.bundledScenario() == null || store.scenarioCount() > 0) {
            return;
        }
        Path p = o.bundledScenario();
        if (!Files.isRegularFile(p)) {
            out.append("muster: no scenario in the database and no ")
                    .append(p.toString())
                    .append(" to load; import one through the UI or the API")
                    .append(System.lineSeparator());
            return;
        }
        String text = Files.readString(p, StandardCharsets.UTF_8);
        Engine.Read r = new Engine().read(p.getFileName().toString(), text);
        if (r.scenario() == null) {
            out.append("muster: bundled scenario ").append(p.toString()).append(" refused:");
            r.faults()
                    .forEach(
                            f -> {
                                try {
                                    out.append(System.lineSeparator())
                                            .append("  ")
                                            .append(f.describe());
                                } catch (IOException e) {
                                    throw new java.io.UncheckedIOException(e);
                                }
                            });
            out.append(System.lineSeparator());
            return;
        }
        User system = new User(0, "system", nation, Set.of(Role.PLANNER));
        long id = api.importScenario(system, r.scenario(), "REL NATO", p.toString(), text);
        out.append("muster: loaded ")
                .append(p.toString())
                .append(" as scenario ")
                .append(Long.toString(id))
                .append(System.lineSeparator());
    }

    /**
     * Stores the bundled force catalogue when there is none yet and bundled data is wanted (a
     * bundled scenario is named), released to NATO like the bundled scenario.
     */
    private void loadBundledCatalogue(Options o, String nation, Appendable out) throws IOException {
        if (o.bundledScenario() == null || api.force().catalogueCount() > 0) {
            return;
        }
        Path p = Api.home().resolve(Api.BUNDLED_CATALOGUE);
        if (!Files.isRegularFile(p)) {
            return;
        }
        User system = new User(0, "system", nation, Set.of(Role.PLANNER));
        long id =
                api.force()
                        .importCatalogue(
                                system,
                                p.getFileName().toString(),
                                Files.readString(p, StandardCharsets.UTF_8),
                                "REL NATO");
        out.append("muster: loaded ")
                .append(p.toString())
                .append(" as force catalogue ")
                .append(Long.toString(id))
                .append(System.lineSeparator());
    }

    /** Opens the database (given or embedded), migrates it and starts serving. */
    public static MusterServer start(Options o, Appendable out) throws IOException {
        Database db =
                o.dbUrl() == null
                        ? Database.embedded(o.dataDir())
                        : Database.connect(o.dbUrl(), o.dbUser(), o.dbPassword());
        try {
            return new MusterServer(db, o, out);
        } catch (IOException | RuntimeException e) {
            db.close();
            throw e;
        }
    }

    /**
     * What an operator's reset of a password did: the user, its nation, the new password (to be
     * shown once) and how many of the user's sessions it ended.
     */
    public record PasswordReset(
            String username, String nation, String password, int sessionsEnded, boolean active) {}

    /**
     * Gives {@code username} a new random password in {@code db} (hashed as every password is),
     * ends the user's sessions and records the reset in the audit log under the user's nation: the
     * way back in for the operator of the server, who has the database, when no administrator of
     * the user's nation can reset it (its last administrator's password lost, say). A deactivated
     * user stays deactivated: {@link PasswordReset#active()} says so.
     *
     * @throws IllegalArgumentException when no user has that name
     */
    public static PasswordReset resetPassword(Database db, String username) {
        Auth auth = new Auth(db, new Audit(db), Clock.systemUTC(), Duration.ofHours(8));
        String password = auth.randomPassword();
        Auth.Reset r;
        try {
            r = auth.resetPassword(null, username, password);
        } catch (ApiException e) {
            throw new IllegalArgumentException("no user '" + Auth.clip(username) + "'");
        }
        return new PasswordReset(r.username(), r.nation(), password, r.sessionsEnded(), r.active());
    }

    public int port() {
        return app.port();
    }

    Database database() {
        return db;
    }

    Api api() {
        return api;
    }

    PlanJobs jobs() {
        return jobs;
    }

    Store store() {
        return store;
    }

    Auth auth() {
        return auth;
    }

    private boolean closed;

    /** Stops serving, stops the planning jobs (each records how it ended), then the database. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        app.stop();
        jobs.close();
        db.close();
    }

    /**
     * {@code java muster.server.MusterServer [port] [jdbc-url]}; the CLI's {@code serve} wraps it.
     * Exits with {@link #run}'s status when the server does not start.
     */
    public static void main(String[] args) throws IOException {
        int status = run(args, System.out, System.err);
        if (status != 0) {
            System.exit(status);
        }
    }

    /**
     * Starts a server on the port and database {@code args} give, and returns 0 while it serves; or
     * refuses them with one line on {@code err} naming the argument and its value, and returns 2,
     * as {@code muster serve --port} does, where a port that is no whole number ended in a stack
     * trace and one in other digits than 0 to 9 ({@code ١٠٨٠}) served on the port it says.
     */
    static int run(String[] args, java.io.PrintStream out, java.io.PrintStream err)
            throws IOException {
        if (args.length > 2) {
            return refuse(
                    err,
                    "give at most a port and a JDBC URL, not '"
                            + muster.model.Fault.shown(args[2])
                            + "' too");
        }
        Options o = Options.defaults();
        if (args.length > 0) {
            String text = args[0];
            if (!muster.io.NumberText.isWholeNumber(text)) {
                return refuse(
                        err,
                        "port: '"
                                + muster.model.Fault.shown(text)
                                + "' is not a whole number: write it with the digits 0 to 9");
            }
            long port;
            try {
                port = Long.parseLong(text);
            } catch (NumberFormatException e) {
                port = -1; // the digits 0 to 9 alone, past a long
            }
            if (port < 0 || port > 65535) {
                return refuse(
                        err,
                        "port: "
                                + muster.model.Fault.shown(text)
                                + " is not a TCP port (1 to 65535, or 0 for any free one)");
            }
            o = o.withPort((int) port);
        }
        if (args.length > 1) {
            o = o.withDb(args[1]);
        }
        MusterServer s = start(o, out);
        out.println("muster: serving on http://localhost:" + s.port() + "/");
        out.flush();
        Runtime.getRuntime().addShutdownHook(new Thread(s::close));
        return 0;
    }

    /** Says why the arguments are refused and returns the exit status of a usage mistake. */
    private static int refuse(java.io.PrintStream err, String message) {
        err.println("muster: " + message);
        err.flush();
        return 2;
    }
}
