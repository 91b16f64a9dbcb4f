package muster.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import muster.engine.check.CheckReport;
import muster.engine.check.PlanChecker;
import muster.engine.check.Violation;
import muster.engine.explain.LateCauses;
import muster.io.PlanJson;
import muster.io.ScenarioReader;
import muster.model.Constraint;
import muster.model.Fault;
import muster.model.LineMode;
import muster.model.LineResult;
import muster.model.Measures;
import muster.model.Plan;
import muster.model.RequirementLine;
import muster.model.Scenario;
import muster.model.Unmet;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code muster check SCENARIO PLAN.json}: checks a plan against the ten movement rules with the
 * independent rule checker and prints every violation and the recomputed measures.
 */
@Command(
        name = "check",
        description = {
            "Check a plan against the movement rules of its scenario, and recompute its measures.",
            "Prints each violation on one line (rule, mission, stop, line, message), then the"
                    + " measures.",
            "Exit 0 when the plan keeps every rule, 4 when it breaks any, 3 when the scenario or"
                    + " the plan cannot be read, 2 for a mistake in the command line (named), 1 for an internal"
                    + " error (--debug shows its trace) or a report that could not be written to standard"
                    + " output."
        })
public final class CheckCommand implements Callable<Integer> {
    /** Format tag of the {@code --json} report. */
    public static final String FORMAT = "muster/check@1";

    @Parameters(index = "0", paramLabel = "SCENARIO", description = "the scenario (YAML or JSON)")
    Path scenarioFile;

    @Parameters(index = "1", paramLabel = "PLAN", description = "the plan (muster/plan@1 JSON)")
    Path planFile;

    @Option(
            names = "--json",
            description =
                    "Print the report as one JSON document ("
                            + FORMAT
                            + ") on stdout, each line with its mode (a LAND line's podArrival is"
                            + " null: it passes through no POD); a scenario or plan that cannot be"
                            + " read gives one "
                            + Faults.REFUSAL_FORMAT
                            + " document instead.")
    boolean json;

    @Spec CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ScenarioReader.Result r = ScenarioReader.read(scenarioFile);
        String shown = scenarioFile.toString();
        if (!r.accepted()) {
            return Faults.refuse(out, err, json, shown, r.faults(), "the plan was not checked");
        }
        String planProblem = InPath.problem(planFile);
        if (planProblem != null) {
            return planRefused(out, err, planFile + ": " + planProblem, fileFault(planProblem));
        }
        Plan plan;
        java.util.List<Fault> warnings;
        try {
            PlanJson.Read read = PlanJson.readWithWarnings(planFile);
            plan = read.plan();
            warnings = read.warnings();
            // a misspelt field is read as absent: say so before the rules it may break
            Faults.print(err, planFile.toString(), read.warnings());
        } catch (NoSuchFileException e) {
            return planRefused(out, err, planFile + ": no such file", fileFault("no such file"));
        } catch (PlanJson.PlanFormatException e) {
            // the message names the file and the place in it
            return planRefused(
                    out,
                    err,
                    e.getMessage(),
                    e.fault() == null ? java.util.List.of() : java.util.List.of(e.fault()));
        } catch (IOException e) {
            return planRefused(
                    out, err, planFile + ": " + e.getMessage(), fileFault(e.getMessage()));
        }
        CheckReport report = PlanChecker.check(r.scenario(), plan);
        // what made each late line late, from the plan's own missions, whoever made it; a plan
        // that breaks a rule has no causes to give, its own figures being in doubt
        LateCauses.Result causes =
                report.ok() ? LateCauses.analyse(r.scenario(), plan.missions()) : null;
        if (json) {
            out.println(json(r.scenario(), report, warnings, causes));
        } else {
            text(out, report);
            causes(out, causes);
        }
        out.flush();
        return report.ok() ? ExitCode.OK : ExitCode.VIOLATIONS;
    }

    /** The fault of a plan file that cannot be read at all: the file is the place and value. */
    private java.util.List<Fault> fileFault(String problem) {
        return java.util.List.of(
                new Fault(
                        Fault.Severity.ERROR,
                        "",
                        "plan file",
                        "PLAN",
                        planFile.toString(),
                        problem,
                        null,
                        0));
    }

    private int planRefused(
            PrintWriter out, PrintWriter err, String message, java.util.List<Fault> faults) {
        err.println("error: " + message);
        err.flush();
        if (json) {
            out.println(
                    Faults.refusalJson(
                            planFile.toString(),
                            faults,
                            "error: " + message + "; the plan was not checked"));
            out.flush();
        }
        return ExitCode.REFUSED;
    }

    static void text(PrintWriter out, CheckReport report) {
        for (Violation v : report.violations()) {
            out.println(v.describe());
        }
        Measures m = report.measures();
        out.println(
                "measures: closureDay "
                        + (m.closureDay() >= 0 ? m.closureDay() : "none (nothing delivered)")
                        + ", lateStonDays "
                        + num(m.lateStonDays())
                        + ", lateUlns "
                        + m.lateUlns()
                        + ", onTimeUlns "
                        + m.onTimeUlns()
                        + ", unmet "
                        + m.unmet().size());
        for (Unmet u : m.unmet()) {
            out.println(
                    "unmet: "
                            + u.uln()
                            + " "
                            + u.cargoClass()
                            + " "
                            + num(u.amount())
                            + (u.cargoClass() == muster.model.CargoClass.PAX ? " pax" : " stons"));
        }
        if (report.ok()) {
            out.println("ok: the plan keeps every movement rule");
        } else {
            Map<String, Integer> byRule = new TreeMap<>();
            for (Violation v : report.violations()) {
                byRule.merge(ruleName(v.rule()), 1, Integer::sum);
            }
            StringBuilder b = new StringBuilder();
            byRule.forEach(
                    (k, n) ->
                            b.append(b.length() == 0 ? "" : ", ").append(k).append(": ").append(n));
            out.println("violations: " + report.violations().size() + " (" + b + ")");
        }
    }

    /** How many binding constraints the text report lists. */
    static final int SHOWN = 10;

    /** The costliest binding constraints of a plan that keeps every rule, as a short list. */
    static void causes(PrintWriter out, LateCauses.Result causes) {
        if (causes == null || causes.ranking().isEmpty()) {
            return;
        }
        java.util.List<Constraint> all = causes.ranking();
        out.println(
                "binding constraints: "
                        + all.size()
                        + (all.size() > SHOWN
                                ? " (the " + SHOWN + " costliest; all in --json)"
                                : ""));
        for (Constraint c : all.subList(0, Math.min(SHOWN, all.size()))) {
            out.println(
                    "  "
                            + c.kind()
                            + " "
                            + c.subject()
                            + " on days "
                            + c.days()
                            + ": "
                            + String.format(Locale.ROOT, "%.1f", c.lateStonDays())
                            + " late ston-days, "
                            + c.lines()
                            + (c.lines() == 1 ? " line" : " lines"));
        }
    }

    /**
     * The report as one JSON document; {@code warnings} are the plan file's (a field the format
     * does not have), in the layout of a refusal's faults; {@code causes}, where the plan keeps
     * every rule, give each late line's reason and the binding constraints (null otherwise: each
     * line's reason is then null and the constraints an empty list).
     */
    static String json(
            Scenario scenario,
            CheckReport report,
            java.util.List<Fault> warnings,
            LateCauses.Result causes)
            throws IOException {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = mapper.createObjectNode();
        root.put("format", FORMAT);
        root.put("scenario", scenario.name());
        root.put("ok", report.ok());
        Faults.put(root.putArray("warnings"), warnings);
        ArrayNode vs = root.putArray("violations");
        for (Violation v : report.violations()) {
            ObjectNode o = vs.addObject();
            o.put("rule", v.rule());
            // rule 0 and 11 are no movement rules: the plan's form and its stated measures
            o.put(
                    "kind",
                    v.rule() == Violation.FORM
                            ? "form"
                            : v.rule() == Violation.MEASURES ? "measures" : "movement rule");
            o.put("mission", v.missionId());
            if (v.stop() == null) {
                o.putNull("stop");
            } else {
                o.put("stop", v.stop());
            }
            o.put("uln", v.uln());
            o.put("message", v.message());
        }
        Measures m = report.measures();
        ObjectNode mo = root.putObject("measures");
        mo.put("closureDay", m.closureDay());
        mo.put("lateStonDays", m.lateStonDays());
        mo.put("lateUlns", m.lateUlns());
        mo.put("onTimeUlns", m.onTimeUlns());
        ArrayNode un = mo.putArray("unmet");
        for (Unmet u : m.unmet()) {
            ObjectNode o = un.addObject();
            o.put("uln", u.uln());
            o.put("class", u.cargoClass().name());
            o.put("amount", u.amount());
        }
        Map<String, LineMode> modes = new HashMap<>();
        for (RequirementLine l : scenario.requirements()) {
            modes.put(l.uln(), l.mode());
        }
        ArrayNode ls = root.putArray("lines");
        for (LineResult l : report.lines()) {
            ObjectNode o = ls.addObject();
            o.put("uln", l.uln());
            // a LAND line passes through no POD: its podArrival is null by the movement model,
            // not for want of loads, and its mode says so without the scenario at hand
            LineMode mode = modes.get(l.uln());
            o.put("mode", mode == null ? null : mode.name());
            o.put("podArrival", l.podArrival());
            o.put("closure", l.closure());
            o.put("closureDay", l.closureDay());
            o.put("lateDays", l.lateDays());
            LateCauses.Cause c = causes == null ? null : causes.lines().get(l.uln());
            if (c == null) {
                o.putNull("reason");
            } else {
                o.put("reason", c.reason());
            }
        }
        ArrayNode bc = root.putArray("bindingConstraints");
        if (causes != null) {
            for (Constraint c : causes.ranking()) {
                ObjectNode o = bc.addObject();
                o.put("kind", c.kind());
                o.put("subject", c.subject());
                o.put("days", c.days());
                o.put("lateStonDays", c.lateStonDays());
                o.put("lines", c.lines());
            }
        }
        return mapper.writeValueAsString(root);
    }

    private static String ruleName(int rule) {
        return rule == Violation.FORM
                ? "form"
                : rule == Violation.MEASURES
                        ? "measures"
                        : String.format(Locale.ROOT, "rule %02d", rule);
    }

    private static String num(double x) {
        if (x == Math.rint(x) && Math.abs(x) < 1e15) {
            return Long.toString((long) x);
        }
        String s = String.format(Locale.ROOT, "%.6f", x).replaceAll("0+$", "");
        return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
    }
}
