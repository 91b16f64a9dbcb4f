package muster.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import muster.engine.bound.LowerBounds;
import muster.io.ScenarioReader;
import muster.model.LowerBound;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code muster bound SCENARIO}: the lower bound no correct plan can beat, and its method. */
@Command(
        name = "bound",
        footer = ExitCode.FOOTER,
        description = {
            "Compute a lower bound on lateStonDays and closureDay that no correct plan beats.",
            "Refused scenario: faults on stderr, exit 3."
        })
public final class BoundCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "SCENARIO", description = "the scenario file")
    Path file;

    @Option(
            names = "--lp-limit",
            paramLabel = "N",
            description = {
                "Give GLOP only parts of the LP (its AIR or its SEA lines) of at most N commodities"
                        + " (classes of lines); a part that fits at its cheapest point needs no"
                        + " solver at any size. A part above N that needs it is bounded by the LPs"
                        + " of each POE's lines, added up, GLOP given those that need it on two"
                        + " threads, up to N commodities each.",
                "Default: no limit (a generated L takes about 30 s, an XL about three minutes)."
            })
    int lpLimit = Integer.MAX_VALUE;

    @Spec CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        // a mistake in the command line is named before the scenario is read, as by muster plan
        if (lpLimit < 0) {
            err.printf(
                    Locale.ROOT, "error: --lp-limit: %d is below 0; no bound computed%n", lpLimit);
            err.flush();
            return ExitCode.USAGE;
        }
        ScenarioReader.Result r = ScenarioReader.read(file);
        if (!r.accepted()) {
            return Faults.refuse(err, file.toString(), r.faults(), "no bound computed");
        }
        Faults.print(err, file.toString(), r.warnings());
        LowerBound b = LowerBounds.compute(r.scenario(), lpLimit);
        out.printf(Locale.ROOT, "scenario:      %s%n", r.scenario().name());
        out.printf(Locale.ROOT, "lateStonDays >= %.1f%n", b.lateStonDays());
        int horizon = r.scenario().planning().horizonDays();
        if (b.closureDay() < 0) {
            out.println("closureDay   : none (the scenario has no lines to deliver)");
        } else if (b.closureDay() >= horizon) {
            // a bound at the horizon says that no plan delivers every line within it
            out.printf(
                    Locale.ROOT,
                    "closureDay   >= %d (the horizon: no plan delivers every line within it)%n",
                    b.closureDay());
        } else {
            out.printf(
                    Locale.ROOT,
                    "closureDay   >= %d (for plans that leave nothing unmet)%n",
                    b.closureDay());
        }
        out.printf(Locale.ROOT, "method:        %s%n", b.method());
        out.flush();
        return 0;
    }
}
