package muster.server;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationInfoService;
import org.flywaydb.core.api.MigrationState;
import org.flywaydb.core.api.MigrationVersion;

/**
 * The PostgreSQL store: a given server ({@code jdbc:postgresql://...}) or an embedded one whose
 * data stay in a directory across restarts. The schema is migrated by Flyway on open.
 */
public final class Database implements AutoCloseable {
    private final EmbeddedPostgres embedded;
    private final Path dataDir;
    private final HikariDataSource pool;

    /**
     * Stops the embedded PostgreSQL when the JVM exits (Ctrl-C, SIGTERM) by {@link #stopAtExit}:
     * the database itself, or the server on it, which first stops its web server and its planning
     * jobs. PostgreSQL's own hook stopped it at once, beside the server's, so that jobs still
     * running could not record how they ended.
     */
    private final Thread atExit;

    private volatile Runnable stopAtExit = this::close;
    private boolean closed;

    private Database(EmbeddedPostgres embedded, Path dataDir, HikariDataSource pool) {
        this.embedded = embedded;
        this.dataDir = dataDir;
        this.pool = pool;
        if (embedded == null) {
            this.atExit = null;
        } else {
            this.atExit = new Thread(() -> stopAtExit.run(), "muster-database-stop");
            Runtime.getRuntime().addShutdownHook(atExit);
        }
    }

    /** At exit, {@code stop} (which closes this database last) runs in place of {@link #close}. */
    void stopAtExit(Runnable stop) {
        stopAtExit = stop;
    }

    /**
     * Opens a PostgreSQL server by JDBC URL; user and password from the URL or from {@code
     * MUSTER_DB_USER} / {@code MUSTER_DB_PASSWORD}.
     */
    public static Database connect(String jdbcUrl, String user, String password) {
        if (!jdbcUrl.startsWith("jdbc:postgresql:")) {
            throw new IllegalArgumentException(
                    "--db '" + jdbcUrl + "': expected a URL of the form jdbc:postgresql://host/db");
        }
        return new Database(null, null, migrate(pool(jdbcUrl, user, password)));
    }

    /**
     * A data directory that another server runs on: this process's, or another's that holds the
     * embedded PostgreSQL's lock on it.
     */
    public static final class InUse extends IllegalStateException {
        InUse(Path dataDir) {
            super(dataDir.toAbsolutePath() + " is in use: another muster server runs on it");
        }
    }

    /** The lock file of the embedded PostgreSQL in its data directory. */
    private static final String LOCK = "epg-lock";

    /** The data directories the embedded databases of this process run on. */
    private static final java.util.Set<Path> OPEN = ConcurrentHashMap.newKeySet();

    /**
     * Starts (or restarts) an embedded PostgreSQL keeping its data in {@code dataDir}.
     *
     * @throws InUse when another server runs on {@code dataDir}; its PostgreSQL is left running
     */
    public static Database embedded(Path dataDir) throws IOException {
        Files.createDirectories(dataDir);
        Path key = dataDir.toRealPath();
        if (!OPEN.add(key)) {
            throw new InUse(dataDir);
        }
        try {
            return start(dataDir, key);
        } catch (IOException | RuntimeException e) {
            OPEN.remove(key);
            throw e;
        }
    }

    private static Database start(Path dataDir, Path key) throws IOException {
        stopOrphanUnlessInUse(dataDir);
        EmbeddedPostgres pg;
        try {
            pg = startPostgres(dataDir);
        } catch (IllegalStateException e) {
            // another server took the lock since the check: it runs on the directory now
            if (String.valueOf(e.getMessage()).startsWith("could not lock")) {
                throw new InUse(dataDir);
            }
            throw e;
        }
        try {
            return new Database(
                    pg, key, migrate(pool(pg.getJdbcUrl("postgres", "postgres"), null, null)));
        } catch (RuntimeException e) {
            pg.close();
            throw e;
        }
    }

    /**
     * Stops the PostgreSQL a killed server left running on {@code dataDir}, holding the lock that
     * every running server holds: a PostgreSQL whose server still runs is not an orphan, and
     * stopping it would take the database from under that server.
     */
    private static void stopOrphanUnlessInUse(Path dataDir) throws IOException {
        Path lock = dataDir.resolve(LOCK);
        if (!Files.exists(lock)) {
            return; // never started: no PostgreSQL runs on it
        }
        try (FileChannel ch = FileChannel.open(lock, StandardOpenOption.WRITE)) {
            FileLock held;
            try {
                held = ch.tryLock();
            } catch (OverlappingFileLockException e) {
                held = null;
            }
            if (held == null) {
                throw new InUse(dataDir);
            }
            try {
                stopOrphan(dataDir);
            } finally {
                held.release();
            }
        }
    }

    private static EmbeddedPostgres startPostgres(Path dataDir) throws IOException {
        return EmbeddedPostgres.builder()
                .setDataDirectory(dataDir)
                .setCleanDataDirectory(false)
                // The embedded defaults suit throw-away test databases (-F: no fsync,
                // asynchronous commit). Here the data are kept: a later -c overrides -F,
                // so every acknowledged commit is on disk before the API answers.
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("full_page_writes", "on")
                .setPGStartupWait(Duration.ofSeconds(60))
                // stopped by this database, after the server on it (see atExit)
                .setRegisterShutdownHook(false)
                .start();
    }

    /**
     * A server killed with SIGKILL leaves its PostgreSQL child running on the data directory; stop
     * it (fast shutdown, which loses nothing committed) before starting a new one.
     */
    static void stopOrphan(Path dataDir) throws IOException {
        Path pidFile = dataDir.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        String first =
                Files.readAllLines(pidFile, StandardCharsets.US_ASCII).stream()
                        .findFirst()
                        .orElse("")
                        .trim();
        long pid;
        try {
            pid = Long.parseLong(first);
        } catch (NumberFormatException e) {
            return;
        }
        Optional<ProcessHandle> ph = ProcessHandle.of(pid);
        if (ph.isEmpty() || !ph.get().isAlive()) {
            return;
        }
        String cmd = ph.get().info().command().orElse("");
        if (!cmd.contains("postgres")) {
            return;
        }
        // SIGINT is PostgreSQL's fast shutdown; ProcessHandle offers only TERM/KILL, so use kill.
        try {
            new ProcessBuilder("kill", "-INT", Long.toString(pid)).inheritIO().start().waitFor();
            ph.get().onExit().get(60, java.util.concurrent.TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IOException(
                    "PostgreSQL process " + pid + " still runs on " + dataDir + ": " + e, e);
        }
    }

    private static HikariDataSource pool(String url, String user, String password) {
        HikariConfig c = new HikariConfig();
        c.setJdbcUrl(url);
        if (user != null) {
            c.setUsername(user);
        }
        if (password != null) {
            c.setPassword(password);
        }
        c.setMaximumPoolSize(10);
        c.setPoolName("muster");
        return new HikariDataSource(c);
    }

    /**
     * A database muster may not keep its data in as it is: one holding another application's
     * tables, or muster's tables as a newer muster left them, or one in which muster's tables
     * cannot be made. The message gives the reason; nothing in the database was changed.
     */
    public static final class Refused extends IllegalStateException {
        Refused(String reason) {
            super(reason);
        }
    }

    private static HikariDataSource migrate(HikariDataSource ds) {
        try {
            Flyway flyway =
                    Flyway.configure().dataSource(ds).locations("classpath:db/migration").load();
            try {
                refuseUnknown(ds, flyway.info());
                flyway.migrate();
            } catch (FlywayException e) {
                throw new Refused("muster's tables could not be made or upgraded: " + firstLine(e));
            }
            return ds;
        } catch (RuntimeException e) {
            ds.close();
            throw e;
        }
    }

    /**
     * Refuses a database whose tables are not muster's, or are muster's at a version newer than
     * this muster knows: migrating the first would mix muster's tables into another application's
     * (Flyway refuses it in its own words), and this muster would write the second as an older
     * version did, which the newer one does not expect (Flyway only warns of it).
     */
    private static void refuseUnknown(DataSource ds, MigrationInfoService info) {
        MigrationVersion known = MigrationVersion.EMPTY;
        for (MigrationInfo m : info.all()) {
            if (m.getState().isResolved() && m.getVersion().compareTo(known) > 0) {
                known = m.getVersion();
            }
        }
        MigrationInfo newest = null;
        for (MigrationInfo m : info.applied()) {
            if ((m.getState() == MigrationState.FUTURE_SUCCESS
                            || m.getState() == MigrationState.FUTURE_FAILED)
                    && (newest == null || m.getVersion().compareTo(newest.getVersion()) > 0)) {
                newest = m;
            }
        }
        if (newest != null) {
            throw new Refused(
                    "the database holds muster's tables at version "
                            + newest.getVersion()
                            + " ("
                            + newest.getDescription()
                            + "), newer than this muster knows (up to version "
                            + known
                            + "): a newer muster has upgraded them; run that one");
        }
        if (info.applied().length > 0) {
            return;
        }
        java.util.List<String> tables = new java.util.ArrayList<>();
        try (Connection c = ds.getConnection();
                java.sql.PreparedStatement st =
                        c.prepareStatement(
                                "select table_name from information_schema.tables where"
                                        + " table_schema = current_schema() order by table_name");
                java.sql.ResultSet rs = st.executeQuery()) {
            while (rs.next()) {
                tables.add(rs.getString(1));
            }
        } catch (SQLException e) {
            throw new Refused("its tables could not be listed: " + firstLine(e));
        }
        if (!tables.isEmpty()) {
            throw new Refused(
                    "the database holds "
                            + tables.size()
                            + (tables.size() == 1 ? " table" : " tables")
                            + " of another application ("
                            + String.join(", ", tables.subList(0, Math.min(5, tables.size())))
                            + (tables.size() > 5 ? ", ..." : "")
                            + ") and none of muster's; give muster a database of its own");
        }
    }

    /** The first line of the reason of {@code e}: the SQL error under it, if there is one. */
    private static String firstLine(Exception e) {
        Throwable reason = e;
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException) {
                reason = t;
                break;
            }
        }
        String m = reason.getMessage() == null ? reason.toString() : reason.getMessage();
        return m.lines().findFirst().orElse(m).trim();
    }

    public DataSource dataSource() {
        return pool;
    }

    public Connection connection() throws SQLException {
        return pool.getConnection();
    }

    public boolean isEmbedded() {
        return embedded != null;
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (atExit != null && Thread.currentThread() != atExit) {
            try {
                Runtime.getRuntime().removeShutdownHook(atExit);
            } catch (IllegalStateException e) {
                // the JVM is exiting: the hook runs, finds this closed and returns
            }
        }
        pool.close();
        if (embedded != null) {
            try {
                embedded.close();
            } catch (IOException e) {
                System.err.println(
                        "muster: stopping embedded PostgreSQL failed: " + e.getMessage());
            }
            OPEN.remove(dataDir);
        }
    }
}
