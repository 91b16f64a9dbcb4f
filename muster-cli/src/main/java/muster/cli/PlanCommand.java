package muster.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import muster.engine.bound.LowerBounds;
import muster.engine.check.CheckReport;
import muster.engine.check.PlanChecker;
import muster.engine.check.Violation;
import muster.engine.exact.ExactPlanner;
import muster.engine.plan.PlanOptions;
import muster.engine.plan.Planner;
import muster.engine.plan.Planners;
import muster.engine.plan.Progress;
import muster.io.PlanJson;
import muster.io.ScenarioReader;
import muster.io.StagedFiles;
import muster.io.csv.LinesCsv;
import muster.io.csv.MissionsCsv;
import muster.io.report.HtmlReport;
import muster.model.CargoClass;
import muster.model.LineResult;
import muster.model.LowerBound;
import muster.model.Measures;
import muster.model.Plan;
import muster.model.PlannerInfo;
import muster.model.Scenario;
import muster.model.Unmet;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code muster plan [SCENARIO]}: plan a scenario, check the plan against every movement rule, and
 * write plan.json, missions.csv, lines.csv and report.html.
 */
@Command(
        name = "plan",
        description = {
            "Plan the deployment of a scenario, check the plan against the movement rules and write"
                    + " plan.json, missions.csv, lines.csv and report.html.",
            "Exit 0: planned and checked. 3: scenario refused. 4: the plan breaks a rule (files"
                    + " are written all the same, for inspection, the report saying so at its top). 2: a mistake in the command line (named). 1: an"
                    + " internal error (--debug shows its trace) or an output, standard output included,"
                    + " that could not be written."
        })
public final class PlanCommand implements Callable<Integer> {
    static final String DEFAULT_SCENARIO = "scenarios/eastern-flank-2022.yaml";
    static final List<String> FILES =
            List.of("plan.json", "missions.csv", "lines.csv", "report.html");

    /** Violations listed on the terminal; the rest are counted. */
    static final int MAX_VIOLATIONS_SHOWN = 30;

    @Parameters(
            index = "0",
            arity = "0..1",
            paramLabel = "SCENARIO",
            defaultValue = DEFAULT_SCENARIO,
            description = "scenario file, YAML or JSON (default: ${DEFAULT-VALUE})")
    Path file;

    @Option(
            names = "--out",
            paramLabel = "DIR",
            description =
                    "where to write the outputs (default: out/<scenario name>, the name made"
                            + " one safe directory name: characters other than letters, digits,"
                            + " '.', '_' and '-' become '-', and leading dots and dashes go)")
    Path out;

    @Option(
            names = "--planner",
            paramLabel = "NAME",
            description = "planner: lns (default), fifo or exact, as available")
    String planner = Planners.DEFAULT;

    @Option(names = "--seed", paramLabel = "N", description = "seed (default: the scenario's)")
    Long seed;

    @Option(
            names = "--iterations",
            paramLabel = "N",
            description = "improvement iterations (default: the scenario's searchIterations)")
    Integer iterations;

    @Option(names = "--quiet", description = "no progress bar and no summary")
    boolean quiet;

    @Option(
            names = "--json",
            description =
                    "print a JSON summary on stdout, for scripts; a refused scenario prints its"
                            + " faults as one muster/refusal@1 document instead")
    boolean json;

    @Option(
            names = "--bound",
            paramLabel = "KIND",
            description =
                    "lower bound to attach: auto (default: the window-capacity LP up to 20,000"
                            + " commodities a part, above that the LPs of each POE's lines, added"
                            + " up), lp (the whole LP at any size: minutes on the largest"
                            + " scenarios) or earliest (earliest arrival only, instant)")
    String bound = "auto";

    @Option(
            names = "--timings",
            description =
                    "print the seconds each phase took (read, plan, bound, check, each file) on"
                            + " stderr, and in the JSON summary")
    boolean timings;

    @Spec CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        String shown = file.toString();

        Planner p;
        try {
            p = Planners.byName(planner);
        } catch (IllegalArgumentException e) {
            err.println("error: --planner: " + e.getMessage());
            err.flush();
            return ExitCode.USAGE;
        }
        if (!bound.equals("auto") && !bound.equals("lp") && !bound.equals("earliest")) {
            err.println("error: --bound: must be auto, lp or earliest, not " + bound);
            err.flush();
            return ExitCode.USAGE;
        }
        if (iterations != null && iterations < 0) {
            err.println("error: --iterations: must be 0 or more, not " + iterations);
            err.flush();
            return ExitCode.USAGE;
        }
        out = OutPath.normal(out);
        String outProblem = out == null ? null : OutPath.dirProblem(out, FILES);
        if (outProblem == null && out != null) {
            outProblem = scenarioAmong(out);
        }
        if (outProblem != null) {
            err.println("error: --out: " + outProblem + "; nothing was planned");
            err.flush();
            return ExitCode.USAGE;
        }

        Timings clock = new Timings();
        ScenarioReader.Result read = ScenarioReader.read(file);
        clock.lap("read");
        if (!read.accepted()) {
            return Faults.refuse(stdout, err, json, shown, read.faults(), "nothing was planned");
        }
        if (!quiet) {
            Faults.print(err, shown, read.warnings());
        }
        Scenario scenario = read.scenario();
        String defaultProblem =
                out != null ? null : OutPath.dirProblem(defaultDir(scenario), FILES);
        if (defaultProblem == null && out == null) {
            defaultProblem = scenarioAmong(defaultDir(scenario));
        }
        if (defaultProblem != null) {
            err.println(
                    "error: the default output directory: "
                            + defaultProblem
                            + "; give another with --out; nothing was planned");
            err.flush();
            return ExitCode.USAGE;
        }
        PlanOptions defaults = PlanOptions.of(scenario);
        PlanOptions options =
                new PlanOptions(
                        seed != null ? seed : defaults.seed(),
                        iterations != null ? iterations : defaults.searchIterations());

        // Ctrl-C or SIGTERM from here on stops the planner and the bound as a cancel does, and
        // the plan found by then is checked and written before the JVM stops
        try (StopOnSignal stop =
                StopOnSignal.install(err, "the plan found so far is checked and written")) {
            // The engine has no clock: the command measures the run and fills in planner.seconds.
            ProgressBar bar = new ProgressBar(err, System::nanoTime, !quiet && showProgress());
            // whether the planner saw the signal: one that comes after it has finished leaves
            // its plan the one its seed gives
            java.util.concurrent.atomic.AtomicBoolean plannerStopped =
                    new java.util.concurrent.atomic.AtomicBoolean();
            Progress progress =
                    new Progress() {
                        @Override
                        public void update(double fraction, String phase) {
                            bar.update(fraction, phase);
                        }

                        @Override
                        public boolean cancelled() {
                            boolean stopped = stop.requested();
                            if (stopped) {
                                plannerStopped.set(true);
                            }
                            return stopped;
                        }
                    };
            long t0 = System.nanoTime();
            Plan plan;
            try {
                plan = p.plan(scenario, options, progress);
            } catch (ExactPlanner.TooLargeException e) {
                bar.finish();
                return Faults.refuse(
                        stdout,
                        err,
                        json,
                        shown,
                        shown
                                + ": --planner "
                                + planner
                                + ": "
                                + e.getMessage()
                                + "; nothing was planned");
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            bar.finish();
            clock.lap("plan");
            PlannerInfo pi = plan.planner();
            // a plan stopped early is not the one its seed gives: its version says so
            boolean stoppedPlanning = plannerStopped.get();
            plan =
                    new Plan(
                            plan.scenario(),
                            new PlannerInfo(
                                    pi == null ? p.name() : pi.name(),
                                    (pi == null ? "" : pi.version())
                                            + (stoppedPlanning ? STOPPED_EARLY : ""),
                                    seconds,
                                    pi == null ? options.seed() : pi.seed()),
                            plan.measures(),
                            plan.lowerBound(),
                            plan.missions(),
                            plan.lines(),
                            plan.bindingConstraints());

            String boundNote = null;
            boolean boundStopped = false;
            try {
                LowerBound lb =
                        switch (bound) {
                            case "lp" ->
                                    LowerBounds.compute(
                                            scenario, Integer.MAX_VALUE, stop::requested);
                            case "earliest" -> LowerBounds.earliestArrival(scenario);
                            default ->
                                    LowerBounds.compute(
                                            scenario, LowerBounds.PLAN_LP_LIMIT, stop::requested);
                        };
                if (lb != null) {
                    plan = plan.withLowerBound(lb);
                }
            } catch (CancellationException e) {
                boundStopped = true;
                plan =
                        plan.withLowerBound(
                                LowerBounds.fallback(scenario, plan.lowerBound(), BOUND_STOPPED));
            } catch (RuntimeException | LinkageError e) {
                // the planner's own bound, or the earliest-arrival one where it gives none (lns),
                // which needs no solver: lns's plan was written with no bound at all
                plan =
                        plan.withLowerBound(
                                LowerBounds.fallback(
                                        scenario,
                                        plan.lowerBound(),
                                        LowerBounds.FULL_BOUND_FAILED));
                boundNote =
                        "the lower bound could not be computed: "
                                + whyBoundFailed(e)
                                + "; the plan carries the bound '"
                                + plan.lowerBound().method()
                                + "'";
            }

            clock.lap("bound");

            CheckReport check = PlanChecker.check(scenario, plan);
            clock.lap("check");

            Path dir = out != null ? out : defaultDir(scenario);
            try {
                writeFiles(dir, scenario, plan, check, clock);
            } catch (Unwritten e) {
                err.println("error: " + e.getMessage());
                err.flush();
                return ExitCode.INTERNAL;
            }

            List<Violation> violations = check.violations();
            if (!violations.isEmpty()) {
                int n = 0;
                for (Violation v : violations) {
                    if (n++ >= MAX_VIOLATIONS_SHOWN) {
                        err.println(
                                "... and " + (violations.size() - MAX_VIOLATIONS_SHOWN) + " more");
                        break;
                    }
                    err.println("violation: " + v.describe());
                }
                err.println(
                        "the plan breaks "
                                + violations.size()
                                + " movement rule check(s); its files are in "
                                + dir
                                + " for inspection");
            }
            if (boundNote != null) {
                err.println("warning: " + boundNote);
            }
            long unexplained =
                    plan.lines().stream()
                            .filter(l -> l.lateDays() > 0)
                            .filter(l -> l.reason() == null || l.reason().isBlank())
                            .count();
            if (unexplained > 0 && !quiet) {
                err.println("warning: " + unexplained + " late line(s) have no reason");
            }
            if (timings) {
                err.println("timings: " + clock);
            }
            err.flush();

            if (json) {
                stdout.println(
                        jsonSummary(
                                scenario,
                                plan,
                                violations.size(),
                                dir,
                                timings ? clock.laps : null));
            } else if (!quiet) {
                summary(stdout, scenario, plan, violations.size(), dir);
            }
            if (stoppedPlanning || boundStopped) {
                err.println(
                        "muster: stopped early by a signal; the plan found by then is written in "
                                + dir);
                err.flush();
            } else if (stop.requested()) {
                err.println(
                        "muster: the plan was whole when the signal came; it is written in " + dir);
                err.flush();
            }
            stdout.flush();
            return violations.isEmpty() ? ExitCode.OK : ExitCode.VIOLATIONS;
        }
    }

    /** What a plan's planner version says when a signal stopped the planner. */
    static final String STOPPED_EARLY = " (stopped early by a signal: the plan found by then)";

    /** What the bound's method says when a signal stopped the full bound. */
    static final String BOUND_STOPPED = " (the full bound was stopped by a signal)";

    /**
     * Why the full bound failed, in words: OR-Tools' native library that did not load is named as
     * such, where the error named only a JNI function.
     */
    static String whyBoundFailed(Throwable e) {
        String what =
                e.getClass().getSimpleName()
                        + (e.getMessage() == null ? "" : ": " + e.getMessage());
        return fromOrTools(e) ? "OR-Tools' native library did not load (" + what + ")" : what;
    }

    /** Whether {@code e} is a linkage error met in OR-Tools' classes. */
    static boolean fromOrTools(Throwable e) {
        if (!(e instanceof LinkageError)) {
            return false;
        }
        if (String.valueOf(e.getMessage()).contains("com.google.ortools")) {
            return true;
        }
        for (StackTraceElement f : e.getStackTrace()) {
            if (f.getClassName().startsWith("com.google.ortools.")) {
                return true;
            }
        }
        return false;
    }

    /**
     * Writes plan.json, missions.csv, lines.csv and report.html in {@code dir}. A plan that breaks
     * a movement rule is written all the same, for inspection, and its report says so above the
     * measures, since its figures are not those of a correct plan.
     */
    static void writeFiles(Path dir, Scenario scenario, Plan plan, CheckReport check, Timings clock)
            throws Unwritten {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new Unwritten(
                    "could not make the output directory "
                            + (e instanceof FileSystemException f && f.getFile() != null
                                    ? f.getFile()
                                    : dir.toString())
                            + ": "
                            + OutPath.reason(e)
                            + "; nothing was written",
                    e);
        }
        int broken = check.violations().size();
        String note =
                broken == 0
                        ? null
                        : "This plan breaks "
                                + broken
                                + (broken == 1 ? " movement rule check" : " movement rule checks")
                                + " (muster check lists them): it is not a correct plan, and its"
                                + " figures may be wrong.";
        // the four files are placed together once all are written: a failure on the way leaves
        // the directory as it was
        String writing = "plan.json";
        try (StagedFiles files = new StagedFiles(dir)) {
            PlanJson.write(plan, files.stage(writing));
            clock.lap(writing);
            writing = "missions.csv";
            MissionsCsv.write(plan, files.stage(writing));
            clock.lap(writing);
            writing = "lines.csv";
            LinesCsv.write(scenario, plan, files.stage(writing));
            clock.lap(writing);
            writing = "report.html";
            HtmlReport.write(scenario, plan, note, files.stage(writing));
            clock.lap(writing);
            writing = null;
            files.commit();
        } catch (IOException e) {
            throw unwritten(dir, writing, e);
        }
    }

    /** An output of {@code plan} that could not be written, the message naming it and why. */
    static final class Unwritten extends IOException {
        Unwritten(String message, IOException cause) {
            super(message, cause);
        }
    }

    /**
     * Why the files could not be written in {@code dir}: {@code writing} is the one being written,
     * or null when all were written and were being moved into place. A full disk's error names no
     * file ("No space left on device"), so the file is named here, and what is left in {@code dir}
     * is said: the old files as they were, unless the failure came while moving the new ones in.
     */
    static Unwritten unwritten(Path dir, String writing, IOException e) {
        if (writing == null) {
            return new Unwritten(
                    "could not move the plan's files into "
                            + dir
                            + ": "
                            + OutPath.reason(e)
                            + "; some of "
                            + String.join(", ", FILES)
                            + " there may be from this plan and others from before: plan again",
                    e);
        }
        return new Unwritten(
                "could not write "
                        + dir.resolve(writing)
                        + ": "
                        + OutPath.reason(e)
                        + "; none of "
                        + String.join(", ", FILES)
                        + " in "
                        + dir
                        + " was written or changed",
                e);
    }

    /**
     * Which of the files a plan writes in {@code dir} is the scenario file itself (a JSON scenario
     * named plan.json, say), as a message, or null: it would be replaced by a result of its own.
     */
    private String scenarioAmong(Path dir) {
        for (String f : FILES) {
            Path place = dir.resolve(f);
            if (OutPath.isInput(place, file)) {
                return place + " is the scenario " + file + " itself";
            }
        }
        return null;
    }

    /**
     * {@code out/} and the scenario's name as one safe directory name: the name is free text in the
     * scenario file and must not lead the outputs anywhere else.
     */
    static Path defaultDir(Scenario scenario) {
        return Path.of("out", OutPath.segment(scenario.name()));
    }

    /** A bar only where someone watches: on a terminal, or when MUSTER_PROGRESS=always. */
    private static boolean showProgress() {
        return System.console() != null || "always".equals(System.getenv("MUSTER_PROGRESS"));
    }

    static void summary(PrintWriter o, Scenario s, Plan plan, int violations, Path dir) {
        Measures m = plan.measures();
        LowerBound lb = plan.lowerBound();
        PlannerInfo pi = plan.planner();
        o.println(
                String.format(
                        Locale.ROOT,
                        "planned %s with %s %s (seed %d): %d missions in %.1f s",
                        s.name(),
                        pi.name(),
                        pi.version(),
                        pi.seed(),
                        plan.missions().size(),
                        pi.seconds()));
        String closure = m.closureDay() >= 0 ? "C+" + m.closureDay() : "nothing delivered";
        if (lb != null && lb.closureDay() >= 0) {
            closure +=
                    "  (lower bound C+"
                            + lb.closureDay()
                            + (m.unmet().isEmpty() && m.closureDay() >= 0
                                    ? ", gap " + (m.closureDay() - lb.closureDay()) + " days)"
                                    : ")");
        }
        o.println("closure day:     " + closure);
        String late = fmt(m.lateStonDays());
        if (lb != null) {
            late +=
                    "  (lower bound "
                            + fmt(lb.lateStonDays())
                            + ", gap "
                            + fmt(m.lateStonDays() - lb.lateStonDays())
                            + ")";
        }
        o.println("late ston-days:  " + late);
        o.println("lines:           " + m.lateUlns() + " late, " + m.onTimeUlns() + " on time");
        o.println("unmet:           " + unmetText(s, m.unmet()));
        if (lb != null) {
            o.println("bound method:    " + lb.method());
        }
        o.println(
                "rule check:      "
                        + (violations == 0 ? "no violations" : violations + " violation(s)"));
        o.println("wrote:           " + dir.resolve("report.html"));
        o.println("                 " + dir.resolve("plan.json") + ", missions.csv, lines.csv");
    }

    private static String unmetText(Scenario s, List<Unmet> unmet) {
        if (unmet.isEmpty()) {
            return "none";
        }
        double pax = 0;
        double stons = 0;
        for (Unmet u : unmet) {
            if (u.cargoClass() == CargoClass.PAX) {
                pax += u.amount();
            } else {
                stons += u.amount();
            }
        }
        long lines = unmet.stream().map(Unmet::uln).distinct().count();
        return fmt(pax) + " pax and " + fmt(stons) + " stons on " + lines + " line(s)";
    }

    /** The JSON summary; {@code timings} (seconds by phase) is added when not null. */
    static String jsonSummary(
            Scenario s, Plan plan, int violations, Path dir, Map<String, Double> timings) {
        Measures m = plan.measures();
        LowerBound lb = plan.lowerBound();
        PlannerInfo pi = plan.planner();
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("scenario", s.name());
        Map<String, Object> planner = new LinkedHashMap<>();
        planner.put("name", pi.name());
        planner.put("version", pi.version());
        planner.put("seed", pi.seed());
        planner.put("seconds", pi.seconds());
        root.put("planner", planner);
        Map<String, Object> measures = new LinkedHashMap<>();
        measures.put("closureDay", m.closureDay());
        measures.put("lateStonDays", m.lateStonDays());
        measures.put("lateUlns", m.lateUlns());
        measures.put("onTimeUlns", m.onTimeUlns());
        measures.put("unmetLines", m.unmet().stream().map(Unmet::uln).distinct().count());
        root.put("measures", measures);
        if (lb != null) {
            Map<String, Object> bound = new LinkedHashMap<>();
            bound.put("closureDay", lb.closureDay());
            bound.put("lateStonDays", lb.lateStonDays());
            bound.put("method", lb.method());
            root.put("lowerBound", bound);
            Map<String, Object> gap = new LinkedHashMap<>();
            gap.put(
                    "closureDays",
                    m.unmet().isEmpty() && m.closureDay() >= 0
                            ? m.closureDay() - lb.closureDay()
                            : null);
            gap.put("lateStonDays", m.lateStonDays() - lb.lateStonDays());
            root.put("gap", gap);
        }
        root.put("missions", plan.missions().size());
        root.put("violations", violations);
        long unexplained =
                plan.lines().stream()
                        .filter((LineResult l) -> l.lateDays() > 0)
                        .filter(l -> l.reason() == null || l.reason().isBlank())
                        .count();
        root.put("lateLinesWithoutReason", unexplained);
        Map<String, Object> files = new LinkedHashMap<>();
        for (String f : FILES) {
            files.put(f.substring(0, f.indexOf('.')), dir.resolve(f).toString());
        }
        root.put("files", files);
        if (timings != null) {
            root.put("timings", timings);
        }
        try {
            return new ObjectMapper()
                    .disable(SerializationFeature.INDENT_OUTPUT)
                    .writeValueAsString(root);
        } catch (IOException e) {
            throw new IllegalStateException("JSON summary", e);
        }
    }

    /** Wall seconds of each phase of the command, in order. */
    static final class Timings {
        final Map<String, Double> laps = new LinkedHashMap<>();
        private long last = System.nanoTime();

        void lap(String phase) {
            long now = System.nanoTime();
            laps.merge(phase, (now - last) / 1e9, Double::sum);
            last = now;
        }

        @Override
        public String toString() {
            StringBuilder b = new StringBuilder();
            double total = 0;
            for (Map.Entry<String, Double> e : laps.entrySet()) {
                b.append(e.getKey())
                        .append(' ')
                        .append(String.format(Locale.ROOT, "%.2f", e.getValue()))
                        .append(" s, ");
                total += e.getValue();
            }
            return b.append("total ")
                    .append(String.format(Locale.ROOT, "%.2f", total))
                    .append(" s")
                    .toString();
        }
    }

    private static String fmt(double v) {
        String s = String.format(Locale.ROOT, "%.1f", v);
        return s.endsWith(".0") ? s.substring(0, s.length() - 2) : s;
    }
}
