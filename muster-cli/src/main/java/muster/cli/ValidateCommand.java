package muster.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import muster.io.ScenarioReader;
import muster.model.CargoClass;
import muster.model.CargoEntry;
import muster.model.LineMode;
import muster.model.Node;
import muster.model.NodeKind;
import muster.model.RequirementLine;
import muster.model.Scenario;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code muster validate FILE}: accept a scenario with a summary, or refuse it fault by fault. */
@Command(
        name = "validate",
        footer = ExitCode.FOOTER,
        description = {
            "Check a scenario (YAML or JSON) against the movement model.",
            "Accepted: prints a summary, exit 0. Refused: prints every fault on stderr, exit 3."
        })
public final class ValidateCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "SCENARIO", description = "the scenario file")
    Path file;

    @Spec CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ScenarioReader.Result r = ScenarioReader.read(file);
        String shown = file.toString();
        if (!r.accepted()) {
            return Faults.refuse(err, shown, r.faults(), "the scenario is not valid");
        }
        Faults.print(err, shown, r.warnings());
        summary(out, shown, r.scenario(), r.warnings().size());
        return ExitCode.OK;
    }

    static void summary(PrintWriter out, String shown, Scenario s, int warnings) {
        out.println("accepted: " + shown + " (" + s.name() + ")");
        Map<LineMode, Integer> byMode = new EnumMap<>(LineMode.class);
        Map<CargoClass, Double> stons = new EnumMap<>(CargoClass.class);
        long pax = 0;
        TreeSet<String> nations = new TreeSet<>();
        for (RequirementLine l : s.requirements()) {
            byMode.merge(l.mode(), 1, Integer::sum);
            pax += l.pax();
            nations.add(l.nation());
            for (CargoEntry e : l.cargo()) {
                stons.merge(e.cargoClass(), e.stons(), Double::sum);
            }
        }
        out.println("lines: " + s.requirements().size() + " " + counts(byMode));
        out.println("pax: " + pax);
        double total = 0;
        StringBuilder b = new StringBuilder();
        for (CargoClass c : CargoClass.values()) {
            if (c == CargoClass.PAX) {
                continue;
            }
            double v = stons.getOrDefault(c, 0.0);
            total += v;
            b.append(b.length() == 0 ? "" : ", ").append(c).append(' ').append(fmt(v));
        }
        out.println("stons: " + b + " (total " + fmt(total) + ")");
        out.println("nations: " + nations.size() + " " + String.join(" ", nations));
        Map<NodeKind, Integer> kinds = new EnumMap<>(NodeKind.class);
        for (Node n : s.nodes()) {
            kinds.merge(n.kind(), 1, Integer::sum);
        }
        out.println("nodes: " + s.nodes().size() + " " + counts(kinds));
        out.println("lift types: " + s.lift().size() + ", routes: " + s.routes().size());
        out.println("horizon: " + s.planning().horizonDays() + " days");
        out.println("warnings: " + warnings);
        out.flush();
    }

    private static <K> String counts(Map<K, Integer> m) {
        StringBuilder b = new StringBuilder("(");
        for (Map.Entry<K, Integer> e : m.entrySet()) {
            b.append(b.length() == 1 ? "" : ", ")
                    .append(e.getKey())
                    .append(' ')
                    .append(e.getValue());
        }
        return b.append(')').toString();
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }
}
