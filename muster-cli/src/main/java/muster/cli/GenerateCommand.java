package muster.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import muster.engine.generate.Scale;
import muster.engine.generate.ScenarioGenerator;
import muster.io.ScenarioWriter;
import muster.model.Fault;
import muster.model.Scenario;
import muster.model.validate.ScenarioValidator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code muster generate --scale S|M|L|XL --seed N [--out FILE]}: a generated scenario. */
@Command(
        name = "generate",
        footer = ExitCode.FOOTER,
        description = {
            "Generate a deployment scenario over real US and European nodes.",
            "S: NRF (about 40,000 pax, 500 lines); M: corps (150,000 pax, 3,000 lines);",
            "L: theatre (500,000 pax, 20,000 lines, 60 days, about 1,000 tails); XL: twice L."
        })
public final class GenerateCommand implements Callable<Integer> {
    @Option(names = "--scale", required = true, description = "S, M, L or XL")
    Scale scale;

    @Option(names = "--seed", defaultValue = "1", description = "random seed (default 1)")
    long seed;

    @Option(
            names = "--out",
            description =
                    "write the scenario here instead of standard output: JSON for a name ending in"
                            + " .json, YAML for one ending in .yaml or .yml; any other name is"
                            + " refused")
    Path out;

    @Spec CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        out = OutPath.normal(out);
        String outProblem = out == null ? null : OutPath.fileProblem(out);
        if (outProblem != null) {
            err.println("error: --out: " + outProblem + "; nothing was generated");
            err.flush();
            return ExitCode.USAGE;
        }
        String nameProblem = out == null ? null : OutPath.scenarioNameProblem(out);
        if (nameProblem != null) {
            err.println("error: --out: " + nameProblem + "; nothing was generated");
            err.println(OutPath.scenarioNameHint(out));
            err.flush();
            return ExitCode.USAGE;
        }
        Scenario s = ScenarioGenerator.generate(scale, seed);
        List<Fault> faults = ScenarioValidator.validate(s);
        if (!ScenarioValidator.accepts(faults)) {
            for (Fault f : faults) {
                err.println(f.describe());
            }
            err.println("internal error: the generated scenario is not valid");
            err.flush();
            return 1;
        }
        if (out == null) {
            PrintWriter o = spec.commandLine().getOut();
            o.print(ScenarioWriter.yaml(s));
            o.flush();
        } else {
            if (!OutPath.write(out, err, null, () -> ScenarioWriter.writeFile(s, out))) {
                return ExitCode.INTERNAL;
            }
            err.println("wrote " + out + " (" + s.requirements().size() + " lines)");
            err.flush();
        }
        return 0;
    }
}
