package muster.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import muster.engine.sourcing.Sourcer;
import muster.engine.sourcing.SourcingResult;
import muster.io.ScenarioReader;
import muster.io.ScenarioWriter;
import muster.io.force.CatalogueReader;
import muster.io.force.ForceRead;
import muster.io.force.RequirementsReader;
import muster.io.force.SourcingText;
import muster.model.Fault;
import muster.model.force.Catalogue;
import muster.model.force.RequirementSet;
import muster.model.validate.ScenarioValidator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code muster source REQUIREMENTS CATALOGUE}: choose units for capability requirements and write
 * a scenario whose requirement lines are the chosen units' TPFDD lines.
 */
@Command(
        name = "source",
        footer = ExitCode.FOOTER,
        description = {
            "Choose catalogue units for capability requirements (an optimal assignment) and write"
                    + " their TPFDD lines into a scenario that `muster plan` takes directly.",
            "REQUIREMENTS is a muster/requirements@1 file or an activated muster/response-force@1"
                    + " file; CATALOGUE a muster/catalogue@1 file (YAML, JSON) or a CSV of units."
        })
public final class SourceCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "REQUIREMENTS", description = "capability requirements")
    Path requirements;

    @Parameters(index = "1", paramLabel = "CATALOGUE", description = "force catalogue")
    Path catalogue;

    @Option(
            names = "--network",
            paramLabel = "SCENARIO",
            defaultValue = "scenarios/eastern-flank-2022.yaml",
            description =
                    "scenario giving nodes, lift, routes and planning (default: ${DEFAULT-VALUE})")
    Path network;

    @Option(
            names = "--out",
            paramLabel = "FILE",
            description =
                    "where to write the sourced scenario, JSON for a name ending in .json, YAML"
                            + " for .yaml or .yml (default: out/<name>-sourced.yaml, with"
                            + " the network scenario's name made one safe file name: characters"
                            + " other than letters, digits, '.', '_' and '-' become '-', and"
                            + " leading dots and dashes go)")
    Path out;

    @Option(
            names = "--append",
            description =
                    "keep the network scenario's own requirement lines and add the sourced ones")
    boolean append;

    @Option(
            names = "--explain",
            description =
                    "for each choice the cost breakdown and next two alternatives; for each"
                            + " empty slot every unit's reason")
    boolean explain;

    @Spec CommandSpec spec;

    private static String unreadable(IOException e) {
        return e instanceof java.nio.file.NoSuchFileException
                ? "no such file"
                : e instanceof java.nio.file.AccessDeniedException
                        ? "not readable (permission denied)"
                        : "cannot read it: " + e.getMessage();
    }

    /**
     * Which input {@code target} is, as "the network scenario (--network) x.yaml itself", or null
     * when it is none: an input written over by the result would be lost to it.
     */
    private String inputAt(Path target) {
        if (OutPath.isInput(target, requirements)) {
            return "the requirements file REQUIREMENTS " + requirements + " itself";
        }
        if (OutPath.isInput(target, catalogue)) {
            return "the catalogue CATALOGUE " + catalogue + " itself";
        }
        if (OutPath.isInput(target, network)) {
            return "the network scenario (--network) " + network + " itself";
        }
        return null;
    }

    @Override
    public Integer call() throws IOException {
        PrintWriter o = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        out = OutPath.normal(out);
        String outProblem = out == null ? null : OutPath.fileProblem(out);
        if (outProblem != null) {
            err.println("error: --out: " + outProblem + "; nothing was sourced");
            err.flush();
            return ExitCode.USAGE;
        }
        String nameProblem = out == null ? null : OutPath.scenarioNameProblem(out);
        if (nameProblem != null) {
            err.println("error: --out: " + nameProblem + "; nothing was sourced");
            err.println(OutPath.scenarioNameHint(out));
            err.flush();
            return ExitCode.USAGE;
        }
        String outInput = out == null ? null : inputAt(out);
        if (outInput != null) {
            err.println("error: --out: " + out + " is " + outInput + "; nothing was sourced");
            err.flush();
            return ExitCode.USAGE;
        }
        // all three inputs are read before any is refused, so that one run names every problem
        ForceRead<RequirementSet> reqs = null;
        ForceRead<Catalogue> cat = null;
        boolean unreadable = false;
        String reqsProblem = InPath.problem(requirements);
        String catProblem = InPath.problem(catalogue);
        try {
            if (reqsProblem == null) {
                reqs = RequirementsReader.read(requirements);
            }
        } catch (IOException e) {
            reqsProblem = unreadable(e);
        }
        try {
            if (catProblem == null) {
                cat = CatalogueReader.read(catalogue);
            }
        } catch (IOException e) {
            catProblem = unreadable(e);
        }
        if (reqsProblem != null) {
            err.println("error: REQUIREMENTS " + requirements + ": " + reqsProblem);
            unreadable = true;
        }
        if (catProblem != null) {
            err.println("error: CATALOGUE " + catalogue + ": " + catProblem);
            unreadable = true;
        }
        ScenarioReader.Result net = ScenarioReader.read(network);
        if (reqs != null) {
            Faults.print(err, requirements.toString(), reqs.faults());
        }
        if (cat != null) {
            Faults.print(err, catalogue.toString(), cat.faults());
        }
        if (!net.accepted()) {
            Faults.print(err, network.toString(), net.faults());
            err.println(
                    "refused: "
                            + network
                            + ": the network scenario (--network) has faults; nothing was sourced");
            err.flush();
            return ExitCode.REFUSED;
        }
        if (unreadable || reqs.refused() || cat.refused()) {
            err.println("refused: nothing was sourced");
            err.flush();
            return ExitCode.REFUSED;
        }
        SourcingResult res =
                new Sourcer().source(reqs.value(), cat.value(), net.scenario(), append);
        List<Fault> inNetwork = new ArrayList<>();
        for (Fault f : res.faults()) {
            if (Sourcer.inNetwork(f)) {
                inNetwork.add(
                        new Fault(
                                f.severity(),
                                f.path().substring(Sourcer.NETWORK.length()),
                                f.where(),
                                f.field(),
                                f.value(),
                                f.message(),
                                f.hint()));
            } else if (CatalogueReader.owns(f)) {
                err.println(cat.locate(f).describe(catalogue.toString()));
            } else {
                err.println(reqs.locate(f).describe(requirements.toString()));
            }
        }
        Faults.print(err, network.toString(), ScenarioReader.located(network, inNetwork));
        if (res.refused()) {
            err.println(
                    (inNetwork.isEmpty()
                                    ? "refused: the requirements or the catalogue do not fit the"
                                            + " network "
                                    : "refused: a sourced line's ULN is one the network ")
                            + network
                            + (inNetwork.isEmpty() ? "" : " already has (--append keeps its lines)")
                            + "; nothing was sourced");
            err.flush();
            return ExitCode.REFUSED;
        }
        List<Fault> check = new ArrayList<>(ScenarioValidator.validate(res.scenario()));
        check.removeIf(f -> !f.isError());
        if (!check.isEmpty()) {
            Faults.print(err, "sourced scenario", check);
            err.println("error: the sourced scenario does not validate; it was not written");
            err.flush();
            return ExitCode.INTERNAL;
        }
        Path target =
                out != null
                        ? out
                        : Path.of("out", OutPath.segment(res.scenario().name()) + "-sourced.yaml");
        String targetProblem = out != null ? null : OutPath.fileProblem(target);
        if (targetProblem == null && out == null && inputAt(target) != null) {
            targetProblem = target + " is " + inputAt(target);
        }
        if (targetProblem != null) {
            err.println(
                    "error: the default output file: "
                            + targetProblem
                            + "; give another with --out; nothing was written");
            err.flush();
            return ExitCode.USAGE;
        }
        if (!OutPath.write(
                target, err, null, () -> ScenarioWriter.writeFile(res.scenario(), target))) {
            return ExitCode.INTERNAL;
        }
        o.print(SourcingText.render(res, cat.value(), explain));
        o.println("wrote " + target + " (" + res.scenario().requirements().size() + " lines)");
        o.flush();
        err.flush();
        return ExitCode.OK;
    }
}
