package muster.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** The muster command line: {@code muster <command> ...}. */
@Command(
        name = "muster",
        scope = ScopeType.INHERIT,
        mixinStandardHelpOptions = true,
        versionProvider = Muster.Version.class,
        description =
                "Readiness, sourcing and deployment planning for a multinational rapid-reaction"
                        + " force.",
        subcommands = {
            ValidateCommand.class,
            PlanCommand.class,
            ImportLinesCommand.class,
            ExportLinesCommand.class,
            CheckCommand.class,
            BoundCommand.class,
            GenerateCommand.class,
            SourceCommand.class,
            OrdersCommand.class,
            ReadinessCommand.class,
            ServeCommand.class,
            CommandLine.HelpCommand.class
        })
public final class Muster implements Runnable {
    @Option(
            names = "--debug",
            scope = ScopeType.INHERIT,
            description = "Show the full stack trace when muster fails inside.")
    boolean debug;

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "no command given");
    }

    public static void main(String[] args) {
        System.exit(
                run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs one command line with the given output streams and returns the exit code. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        Muster root = new Muster();
        CommandLine cl = new CommandLine(root);
        WholeNumberOptions.register(cl);
        cl.setOut(out);
        cl.setErr(err);
        cl.setExecutionExceptionHandler(
                (ex, cmd, parsed) -> {
                    PrintWriter e = cmd.getErr();
                    String msg = ex.getMessage() == null ? "" : ": " + ex.getMessage();
                    e.println("error: " + ex.getClass().getSimpleName() + msg);
                    if (root.debug) {
                        ex.printStackTrace(e);
                    } else {
                        e.println("  (run again with --debug for the full trace)");
                    }
                    e.flush();
                    return ExitCode.INTERNAL;
                });
        int code;
        try {
            code = cl.execute(args);
        } catch (OutOfMemoryError e) {
            err.println(
                    "error: muster ran out of memory (the Java heap) and the command did not"
                            + " finish; give it more with MUSTER_JAVA_OPTS=-Xmx8g (for ./muster)");
            code = ExitCode.INTERNAL;
        } catch (LinkageError e) {
            // picocli hands an Error on rather than to the handler above: OR-Tools' native
            // library that did not load (muster bound, the exact planner, sourcing) printed a
            // stack trace and no word of what to do
            err.println("error: " + PlanCommand.whyBoundFailed(e));
            if (PlanCommand.fromOrTools(e)) {
                err.println(
                        "  (OR-Tools unpacks its native library into the Java temporary directory, "
                                + System.getProperty("java.io.tmpdir")
                                + " here, which must exist and be writable; it runs on linux"
                                + " x86-64)");
            }
            if (root.debug) {
                e.printStackTrace(err);
            } else {
                err.println("  (run again with --debug for the full trace)");
            }
            code = ExitCode.INTERNAL;
        }
        out.flush();
        if (out.checkError()) {
            // a PrintWriter keeps a failed write to itself: without this a full disk or a closed
            // pipe on standard output would leave a cut-off result and exit 0
            err.println(
                    "error: standard output: could not write (a full disk, or a reader that"
                            + " stopped reading?); what was printed there is incomplete");
            code = ExitCode.INTERNAL;
        }
        err.flush();
        return code;
    }

    /** The version from the jar's manifest, when there is one. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Muster.class.getPackage().getImplementationVersion();
            return new String[] {"muster " + (v == null ? "(development build)" : v)};
        }
    }
}
