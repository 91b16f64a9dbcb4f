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

/**
 * The PostgreSQL store: a given server ({@code jdbc:postgresql://...}) or an embedded one whose
 * data stay in a directory across restarts. The schema is migrated by Flyway on open.
 */
public final class Database implements AutoCloseable {
    private final EmbeddedPostgres embedded;
    private final Path dataDir;
    private final HikariDataSource pool;

    private Database(EmbeddedPostgres embedded, Path dataDir, HikariDataSource pool) {
        this.embedded = embedded;
        this.dataDir = dataDir;
        this.pool = pool;
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

    private static HikariDataSource migrate(HikariDataSource ds) {
        try {
            Flyway.configure().dataSource(ds).locations("classpath:db/migration").load().migrate();
            return ds;
        } catch (RuntimeException e) {
            ds.close();
            throw e;
        }
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
    public void close() {
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
