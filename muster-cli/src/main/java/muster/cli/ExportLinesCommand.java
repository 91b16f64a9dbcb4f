package muster.cli;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import muster.io.RequirementCsv;
import muster.io.ScenarioReader;
import muster.io.StagedFiles;
import muster.model.Fault;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code muster export-lines SCENARIO [--out lines.csv]}: requirement lines as TPFDD CSV. */
@Command(
        name = "export-lines",
        footer = ExitCode.FOOTER,
        description = {
            "Write a scenario's requirement lines as CSV in TPFDD column order.",
            "A scenario that does not validate is exported as it is, with its faults listed on"
                    + " stderr, so that its lines can be mended and imported back; but a cargo"
                    + " entry the CSV has no cell for (a second entry of one class, or a PAX"
                    + " entry) is refused, naming it, rather than left out."
        })
public final class ExportLinesCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "SCENARIO")
    Path scenario;

    @Option(
            names = "--out",
            paramLabel = "CSV",
            description = "the CSV file to write (default: standard output)")
    Path out;

    @Spec CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        out = OutPath.normal(out);
        String outProblem = out == null ? null : OutPath.fileProblem(out);
        if (outProblem != null) {
            err.println("error: --out: " + outProblem + "; nothing was written");
            err.flush();
            return ExitCode.USAGE;
        }
        if (out != null && OutPath.isInput(out, scenario)) {
            err.println(
                    "error: --out: "
                            + out
                            + " is the scenario "
                            + scenario
                            + " itself, which the CSV would replace; nothing was written");
            err.flush();
            return ExitCode.USAGE;
        }
        ScenarioReader.Result r = ScenarioReader.standard().withoutValidation().readFile(scenario);
        if (!r.accepted()) {
            Faults.print(err, scenario.toString(), r.faults());
            return ExitCode.REFUSED;
        }
        // a cargo entry the CSV has no cell for would be lost on the way back: refused instead
        List<Fault> lost = RequirementCsv.unwritable(r.scenario().requirements());
        if (!lost.isEmpty()) {
            Faults.print(err, scenario.toString(), ScenarioReader.located(scenario, lost));
            err.println(
                    "refused: "
                            + lost.size()
                            + " cargo entr"
                            + (lost.size() == 1 ? "y" : "ies")
                            + " of "
                            + scenario
                            + " would be lost in the CSV; nothing was written");
            err.flush();
            return ExitCode.REFUSED;
        }
        if (out == null) {
            PrintWriter w = spec.commandLine().getOut();
            RequirementCsv.write(r.scenario().requirements(), w);
            w.flush();
        } else {
            // written beside its place and moved there whole: a failure leaves the old file
            boolean written =
                    OutPath.write(
                            out,
                            err,
                            null,
                            () -> {
                                try (StagedFiles files =
                                        new StagedFiles(out.toAbsolutePath().getParent())) {
                                    Path tmp = files.stage(out.getFileName().toString());
                                    try (Writer w =
                                            new OutputStreamWriter(
                                                    Files.newOutputStream(tmp),
                                                    StandardCharsets.UTF_8)) {
                                        RequirementCsv.write(r.scenario().requirements(), w);
                                    }
                                    files.commit();
                                }
                            });
            if (!written) {
                return ExitCode.INTERNAL;
            }
            err.println("wrote " + r.scenario().requirements().size() + " lines to " + out);
            err.flush();
        }
        // exported as they are, so that a file with faults can be mended in a spreadsheet and
        // imported back; but never without a word about them
        ScenarioReader.Result checked = ScenarioReader.standard().readFile(scenario);
        long errors = checked.faults().stream().filter(f -> f.isError()).count();
        if (errors > 0) {
            Faults.print(err, scenario.toString(), checked.faults());
            err.println(
                    "warning: "
                            + scenario
                            + " does not validate ("
                            + errors
                            + " fault(s)); its lines were exported as they are, to be mended and"
                            + " imported back");
            err.flush();
        }
        return ExitCode.OK;
    }
}
