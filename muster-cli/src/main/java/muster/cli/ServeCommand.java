package muster.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import muster.server.Database;
import muster.server.MusterServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code muster serve}: the planning server with its web UI, until stopped. */
@Command(
        name = "serve",
        footer = ExitCode.FOOTER,
        description = {
            "Serve the REST API and the web UI.",
            "Without --db an embedded PostgreSQL keeps its data in --data-dir across restarts.",
            "First start: user 'admin' gets the password in MUSTER_ADMIN_PASSWORD, or a random one"
                    + " printed once.",
            "--reset-password USER gives a user of the database a new random password, printed"
                    + " once, ends its sessions and exits without serving."
        })
public final class ServeCommand implements Callable<Integer> {
    @Option(names = "--port", defaultValue = "8080", description = "TCP port (default 8080)")
    int port;

    @Option(
            names = "--host",
            defaultValue = "0.0.0.0",
            description = "address to listen on (default all; 127.0.0.1 for this machine only)")
    String host;

    @Option(
            names = "--db",
            paramLabel = "JDBC-URL",
            description =
                    "PostgreSQL server, e.g. jdbc:postgresql://localhost/muster (user and password"
                            + " in the URL or MUSTER_DB_USER / MUSTER_DB_PASSWORD)")
    String db;

    @Option(
            names = "--data-dir",
            paramLabel = "DIR",
            description = "embedded database directory (default ~/.muster/db)")
    Path dataDir;

    @Option(
            names = "--scenario",
            paramLabel = "FILE",
            defaultValue = "scenarios/eastern-flank-2022.yaml",
            description = "scenario loaded when the database has none (default ${DEFAULT-VALUE})")
    Path scenario;

    @Option(
            names = "--reset-password",
            paramLabel = "USER",
            description =
                    "give USER a new random password (printed once) in the database of --db or"
                            + " --data-dir, end its sessions, and exit without serving; for a"
                            + " password no administrator of the user's nation can reset")
    String resetUser;

    @Spec CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (resetUser != null) {
            return resetPassword(out, err);
        }
        if (port < 0 || port > 65535) {
            // refused before the database starts
            return fail(
                    err,
                    ExitCode.USAGE,
                    "--port: " + port + " is not a TCP port (1 to 65535, or 0 for any free one)");
        }
        // told before the database starts and before a first start creates its admin
        InetSocketAddress listen = new InetSocketAddress(host, port);
        if (listen.isUnresolved() || !bindable(new InetSocketAddress(host, 0))) {
            return fail(
                    err, ExitCode.USAGE, "--host: " + host + " is not an address of this machine");
        }
        if (port != 0 && !bindable(listen)) {
            return portTaken(err);
        }
        MusterServer.Options o =
                MusterServer.Options.defaults()
                        .withPort(port)
                        .withHost(host)
                        .withDb(db)
                        .withBundledScenario(scenario);
        if (dataDir != null) {
            o = o.withDataDir(OutPath.normal(dataDir));
        }
        String dirProblem = db != null ? null : prepareDataDir(o.dataDir());
        if (dirProblem != null) {
            // told before PostgreSQL is set up there, which failed with an exception's name or
            // waited a minute for a server that could not start
            return fail(
                    err,
                    ExitCode.USAGE,
                    "--data-dir: "
                            + dirProblem
                            + "; choose another --data-dir, or a PostgreSQL server with --db");
        }
        MusterServer server;
        try {
            server = MusterServer.start(o, out);
        } catch (Database.InUse e) {
            // the other server and its database are left as they are
            return inUse(err, e, "or choose another --data-dir");
        } catch (Database.Refused e) {
            // a database that is not muster's, or is a newer muster's: left as it is
            return fail(err, ExitCode.REFUSED, place(o) + ": " + e.getMessage());
        } catch (IllegalArgumentException e) {
            return fail(err, ExitCode.USAGE, e.getMessage());
        } catch (RuntimeException e) {
            java.sql.SQLException sql = sqlFailure(e);
            if (sql != null) {
                // a database that cannot be reached or signed in to: the user's to fix, not ours
                String where =
                        db != null
                                ? "--db " + masked(db)
                                : "the embedded database"
                                        + (dataDir != null ? " in " + dataDir : "");
                return fail(
                        err,
                        ExitCode.REFUSED,
                        where + ": cannot connect: " + sql.getMessage() + underlying(sql));
            }
            // taken between the check above and the start
            if (!bindFailure(e)) {
                throw e;
            }
            return portTaken(err);
        }
        out.println("muster: data in " + dataPlace(db, o.dataDir()));
        out.println("muster: serving on " + url(host, server.port()) + " (Ctrl-C stops)");
        out.flush();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(
                        new Thread(
                                () -> {
                                    server.close();
                                    stopped.countDown();
                                }));
        stopped.await();
        return ExitCode.OK;
    }

    /**
     * {@code --reset-password USER}: a new random password for USER in the database the server
     * keeps its data in, printed once; the user's sessions end. An embedded database that a running
     * server holds is refused as a start on it is: that server must be stopped first.
     */
    private int resetPassword(PrintWriter out, PrintWriter err) throws IOException {
        MusterServer.Options o = MusterServer.Options.defaults().withDb(db);
        if (dataDir != null) {
            o = o.withDataDir(OutPath.normal(dataDir));
        }
        String place = place(o);
        if (db == null && !Files.isRegularFile(o.dataDir().resolve("PG_VERSION"))) {
            // no database there: one made now would have no users to reset
            return fail(
                    err,
                    ExitCode.USAGE,
                    "--data-dir: "
                            + o.dataDir()
                            + " holds no muster database; give the --data-dir or --db the server"
                            + " keeps its data in");
        }
        MusterServer.PasswordReset done;
        try (Database d =
                db != null
                        ? Database.connect(db, o.dbUser(), o.dbPassword())
                        : Database.embedded(o.dataDir())) {
            try {
                done = MusterServer.resetPassword(d, resetUser);
            } catch (IllegalArgumentException e) {
                return fail(
                        err,
                        ExitCode.USAGE,
                        "--reset-password: "
                                + e.getMessage()
                                + " in "
                                + dataPlace(db, o.dataDir()));
            }
        } catch (Database.InUse e) {
            return inUse(err, e, "then reset the password");
        } catch (Database.Refused e) {
            return fail(err, ExitCode.REFUSED, place + ": " + e.getMessage());
        } catch (IllegalArgumentException e) {
            // a --db that is no PostgreSQL URL
            return fail(err, ExitCode.USAGE, e.getMessage());
        } catch (RuntimeException e) {
            java.sql.SQLException sql = sqlFailure(e);
            if (sql == null) {
                throw e;
            }
            return fail(
                    err,
                    ExitCode.REFUSED,
                    place + ": cannot connect: " + sql.getMessage() + underlying(sql));
        }
        out.println(
                "muster: the password of user '"
                        + done.username()
                        + "' (nation "
                        + done.nation()
                        + ") is reset to "
                        + done.password());
        out.println(
                "muster: this password is shown once; "
                        + done.sessionsEnded()
                        + (done.sessionsEnded() == 1 ? " session" : " sessions")
                        + " of the user ended");
        if (!done.active()) {
            // the reset does not reactivate: the password alone will not sign the user in
            out.println(
                    "muster: note: user '"
                            + done.username()
                            + "' is deactivated and cannot sign in with this password until an"
                            + " administrator of "
                            + done.nation()
                            + " reactivates it on the Users page");
        }
        out.flush();
        return ExitCode.OK;
    }

    /** The database as the options name it: --db, its password hidden, or --data-dir. */
    private String place(MusterServer.Options o) {
        return db != null ? "--db " + masked(db) : "--data-dir " + o.dataDir();
    }

    /** A database URL with its password hidden. */
    private static String masked(String db) {
        return db.replaceAll("(?i)(password=)[^&;]*", "$1***");
    }

    /** Says what is wrong, on one line after "muster serve: ", and gives the exit code. */
    private static int fail(PrintWriter err, int exitCode, String message) {
        err.println("muster serve: " + message);
        err.flush();
        return exitCode;
    }

    /**
     * Says that another server runs on the embedded database of --data-dir, which is to be stopped
     * first, {@code then} what.
     */
    private static int inUse(PrintWriter err, Database.InUse e, String then) {
        return fail(
                err,
                ExitCode.USAGE,
                "--data-dir: " + e.getMessage() + "; stop that server first, " + then);
    }

    private int portTaken(PrintWriter err) {
        return fail(
                err,
                ExitCode.USAGE,
                "--port: "
                        + port
                        + " is taken on "
                        + host
                        + " (another muster serve, or another server); choose another with"
                        + " --port");
    }

    /**
     * Why the embedded PostgreSQL cannot keep its data in {@code dir}, or null when it can, the
     * directory made: not a directory, or one that cannot be made or written. PostgreSQL writes as
     * the directory's owner, so a directory its owner may not write is refused even to root, whom
     * the system lets write it.
     */
    static String prepareDataDir(Path dir) {
        String problem = OutPath.dirProblem(dir);
        if (problem != null) {
            return problem;
        }
        Path abs = dir.toAbsolutePath().normalize();
        try {
            Files.createDirectories(abs);
        } catch (IOException e) {
            return "the directory " + abs + " cannot be made (" + reason(e) + ")";
        }
        try {
            Set<PosixFilePermission> mode = Files.getPosixFilePermissions(abs);
            if (!mode.contains(PosixFilePermission.OWNER_WRITE)
                    || !mode.contains(PosixFilePermission.OWNER_EXECUTE)) {
                return "the directory "
                        + abs
                        + " is not writable (mode "
                        + PosixFilePermissions.toString(mode)
                        + ")";
            }
        } catch (IOException | UnsupportedOperationException e) {
            // no POSIX modes here: the writable check above is the one there is
        }
        return null;
    }

    /** What the system said of a failed file operation, in words. */
    private static String reason(IOException e) {
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof java.nio.file.NoSuchFileException) {
            return "no such file or directory";
        }
        if (e instanceof java.nio.file.FileSystemException f && f.getReason() != null) {
            return f.getReason();
        }
        return e.toString();
    }

    /**
     * Where the server keeps its data, for the start to say: the embedded PostgreSQL's directory
     * (to be backed up, or given again with --data-dir), or the --db database, its password hidden.
     */
    static String dataPlace(String db, Path dataDir) {
        return db != null
                ? "the PostgreSQL database " + masked(db)
                : "the embedded PostgreSQL in " + dataDir.toAbsolutePath().normalize();
    }

    /**
     * The address to open the web UI at: {@code localhost} when the server listens on every address
     * of the machine, else the address it listens on, which alone answers.
     */
    static String url(String host, int port) {
        InetSocketAddress a = new InetSocketAddress(host, port);
        String name =
                a.getAddress() == null || a.getAddress().isAnyLocalAddress()
                        ? "localhost"
                        : a.getAddress() instanceof java.net.Inet6Address && host.contains(":")
                                ? "[" + host + "]"
                                : host;
        return "http://" + name + ":" + port + "/";
    }

    /** Whether a server socket can be bound to {@code address} now. */
    static boolean bindable(InetSocketAddress address) {
        try (ServerSocket s = new ServerSocket()) {
            s.setReuseAddress(true);
            s.bind(address);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * What the driver's message leaves out, in parentheses, or nothing: a host name that does not
     * resolve or a connection that timed out is told only as 'The connection attempt failed.'.
     */
    static String underlying(java.sql.SQLException sql) {
        Throwable cause = sql.getCause();
        if (cause instanceof java.net.UnknownHostException) {
            return " (unknown host " + cause.getMessage() + ")";
        }
        if (cause instanceof IOException && cause.getMessage() != null) {
            return " (" + cause.getMessage() + ")";
        }
        return "";
    }

    /** The first SQL failure among the causes of a failed start, or null. */
    static java.sql.SQLException sqlFailure(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof java.sql.SQLException sql) {
                return sql;
            }
        }
        return null;
    }

    /**
     * Whether starting failed because the port was taken: a bind failure somewhere in the causes.
     */
    static boolean bindFailure(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof BindException) {
                return true;
            }
        }
        return false;
    }
}
