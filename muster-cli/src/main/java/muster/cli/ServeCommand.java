package muster.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import muster.server.MusterServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code muster serve}: the planning server with its web UI, until stopped. */
@Command(
        name = "serve",
        description = {
            "Serve the REST API and the web UI.",
            "Without --db an embedded PostgreSQL keeps its data in --data-dir across restarts.",
            "First start: user 'admin' gets the password in MUSTER_ADMIN_PASSWORD, or a random one"
                    + " printed once."
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

    @Spec CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        MusterServer.Options o =
                MusterServer.Options.defaults()
                        .withPort(port)
                        .withHost(host)
                        .withDb(db)
                        .withBundledScenario(scenario);
        if (dataDir != null) {
            o = o.withDataDir(dataDir);
        }
        MusterServer server;
        try {
            server = MusterServer.start(o, out);
        } catch (IllegalArgumentException e) {
            spec.commandLine().getErr().println("muster serve: " + e.getMessage());
            return ExitCode.USAGE;
        }
        out.println("muster: serving on http://localhost:" + server.port() + "/ (Ctrl-C stops)");
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
}
