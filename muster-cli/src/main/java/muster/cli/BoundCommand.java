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
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code muster bound SCENARIO}: the lower bound no correct plan can beat, and its method. */
@Command(
        name = "bound",
        description = {
            "Compute a lower bound on lateStonDays and closureDay that no correct plan beats.",
            "Refused scenario: faults on stderr, exit 3."
        })
public final class BoundCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "SCENARIO", description = "the scenario file")
    Path file;

    @Spec CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ScenarioReader.Result r = ScenarioReader.read(file);
        if (!r.accepted()) {
            return Faults.refuse(err, file.toString(), r.faults(), "no bound computed");
        }
        Faults.print(err, file.toString(), r.warnings());
        LowerBound b = LowerBounds.compute(r.scenario());
        out.printf(Locale.ROOT, "scenario:      %s%n", r.scenario().name());
        out.printf(Locale.ROOT, "lateStonDays >= %.1f%n", b.lateStonDays());
        out.printf(
                Locale.ROOT,
                "closureDay   >= %d (for plans that leave nothing unmet)%n",
                b.closureDay());
        out.printf(Locale.ROOT, "method:        %s%n", b.method());
        out.flush();
        return 0;
    }
}
