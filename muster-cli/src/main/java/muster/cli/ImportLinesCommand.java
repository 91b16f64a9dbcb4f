package muster.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import muster.io.RequirementCsv;
import muster.io.ScenarioReader;
import muster.io.ScenarioWriter;
import muster.model.Fault;
import muster.model.Scenario;
import muster.model.validate.ScenarioValidator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code muster import-lines lines.csv --into scenario.yaml}: replace a scenario's requirement
 * lines with those of a CSV file. The result is validated first; on any error the scenario file is
 * left untouched, and warnings are printed with the lines imported. The file is replaced
 * atomically.
 */
@Command(
        name = "import-lines",
        footer = ExitCode.FOOTER,
        description = {
            "Replace a scenario's requirement lines with the lines of a TPFDD CSV file.",
            "The scenario is validated with the new lines; on any error it is left untouched."
                    + " Warnings (an lad later than the rdd) are printed and the lines imported.",
            "A CSV with a header and no rows is refused (exit 3), as a file that would remove"
                    + " every line of the scenario; --allow-empty imports it all the same."
        })
public final class ImportLinesCommand implements Callable<Integer> {
    private static final Pattern LINE_PATH = Pattern.compile("^requirements\\[(\\d+)]");

    @Parameters(
            index = "0",
            paramLabel = "CSV",
            description = "TPFDD lines, one per row, in the columns export-lines writes")
    Path csv;

    @Option(
            names = "--into",
            required = true,
            paramLabel = "SCENARIO",
            description = "the scenario file whose requirement lines are replaced (in place)")
    Path into;

    @Option(
            names = "--allow-empty",
            description =
                    "import a CSV with no rows, leaving the scenario with no requirement lines")
    boolean allowEmpty;

    @Spec CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        // a device, pipe or socket is neither read as a scenario nor replaced by one
        if (OutPath.isSpecial(into)) {
            err.println("error: --into: " + OutPath.fileProblem(into) + "; nothing was imported");
            err.flush();
            return ExitCode.USAGE;
        }
        if (OutPath.isInput(into, csv)) {
            err.println(
                    "error: --into: "
                            + into
                            + " is the CSV file "
                            + csv
                            + " itself; the lines are imported into a scenario; nothing was"
                            + " imported");
            err.flush();
            return ExitCode.USAGE;
        }
        ScenarioReader.Result target = ScenarioReader.standard().withoutValidation().readFile(into);
        if (!target.accepted()) {
            Faults.print(err, into.toString(), target.faults());
            return ExitCode.REFUSED;
        }
        String csvProblem = InPath.problem(csv);
        if (csvProblem != null) {
            err.println("error: " + csv + ": " + csvProblem);
            return ExitCode.REFUSED;
        }
        RequirementCsv.Result lines = RequirementCsv.read(csv);
        if (!lines.accepted()) {
            Faults.print(err, csv.toString(), lines.faults());
            err.println("refused: " + into + " is unchanged");
            return ExitCode.REFUSED;
        }
        Scenario old = target.scenario();
        // a header alone is an export that went wrong or the wrong file far more often than a
        // wish to empty the force list: every line of the scenario would go without a word
        if (lines.lines().isEmpty() && !allowEmpty) {
            int had = old.requirements().size();
            err.println(
                    "error: "
                            + csv
                            + ": no requirement lines below the header"
                            + (had == 0
                                    ? ""
                                    : "; importing it would remove all "
                                            + had
                                            + " line(s) of "
                                            + into));
            err.println("  Maybe --allow-empty, to leave the scenario with no requirement lines");
            err.println("refused: " + into + " is unchanged");
            err.flush();
            return ExitCode.REFUSED;
        }
        Scenario merged =
                new Scenario(
                        old.name(),
                        old.nodes(),
                        old.lift(),
                        old.routes(),
                        lines.lines(),
                        old.planning());
        List<Fault> faults = ScenarioValidator.validate(merged);
        // Faults of a line point at its CSV row; the others at the scenario.
        List<Fault> atCsv = new ArrayList<>();
        List<Fault> atScenario = new ArrayList<>();
        for (Fault f : faults) {
            Matcher m = LINE_PATH.matcher(f.path() == null ? "" : f.path());
            if (m.find()) {
                int k = Integer.parseInt(m.group(1));
                atCsv.add(f.withLine(lines.rowLines().get(k)));
            } else {
                atScenario.add(f);
            }
        }
        // found in the merged scenario, so without file lines yet: the scenario's are in --into
        Faults.print(err, into.toString(), ScenarioReader.located(into, atScenario));
        Faults.print(err, csv.toString(), atCsv);
        if (!ScenarioValidator.accepts(faults)) {
            err.println(
                    "refused: " + Faults.errors(faults) + " fault(s); " + into + " is unchanged");
            err.flush();
            return ExitCode.REFUSED;
        }
        ScenarioWriter.Replaced[] replaced = new ScenarioWriter.Replaced[1];
        if (!OutPath.write(
                into,
                err,
                "nothing was imported",
                () -> replaced[0] = ScenarioWriter.replaceRequirements(into, merged))) {
            return ExitCode.INTERNAL;
        }
        ScenarioWriter.Replaced done = replaced[0];
        if (done.whole()) {
            err.println(
                    "warning: "
                            + into
                            + " was written whole from the scenario model: its comments and"
                            + " 'factors:' references outside the requirements are not kept");
        }
        if (done.droppedComments() > 0) {
            err.println(
                    "warning: "
                            + done.droppedComments()
                            + " comment line(s) inside the requirements section of "
                            + into
                            + " were dropped (a CSV has no place for them); the rest of the file"
                            + " is kept as it was");
        }
        err.println("imported " + lines.lines().size() + " lines into " + into);
        err.flush();
        return ExitCode.OK;
    }
}
