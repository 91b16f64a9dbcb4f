package muster.cli;

import com.sun.management.OperatingSystemMXBean;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.LongSupplier;
import muster.engine.bound.LowerBounds;
import muster.engine.check.CheckReport;
import muster.engine.check.PlanChecker;
import muster.engine.exact.ExactPlanner;
import muster.engine.generate.Scale;
import muster.engine.generate.ScenarioGenerator;
import muster.engine.generate.SmallScenarios;
import muster.engine.plan.PlanOptions;
import muster.engine.plan.Planner;
import muster.engine.plan.Planners;
import muster.engine.plan.Progress;
import muster.io.NumberText;
import muster.model.LowerBound;
import muster.model.Plan;
import muster.model.Scenario;

/**
 * The benchmark driver behind {@code bench/run}. {@code one} runs one planner (or the bound) on one
 * generated scenario in this JVM and prints one CSV row; {@code table} reads the rows and prints
 * medians, gaps and ratios. Scale {@code tiny} is SmallScenarios.random(seed, 3), small enough for
 * the exact planner.
 */
public final class BenchCommand {
    static final String HEADER =
            "scale,seed,repeat,planner,wall_s,cpu_s,peak_heap_mib,vm_hwm_mib,lateStonDays,"
                    + "closureDay,unmet_stons,violations,status";

    private BenchCommand() {}

    public static void main(String[] args) throws IOException {
        if (args.length >= 5 && args.length <= 6 && args[0].equals("one")) {
            String problem = oneArgumentProblem(args);
            if (problem != null) {
                System.err.println("BenchCommand one: " + problem);
                System.exit(2);
            }
            // an optional sixth argument: the bound's LP limit (default: the one plans use)
            int lpLimit = args.length >= 6 ? Integer.parseInt(args[5]) : LowerBounds.PLAN_LP_LIMIT;
            one(args[1], Long.parseLong(args[2]), Integer.parseInt(args[3]), args[4], lpLimit);
        } else if (args.length >= 2 && args[0].equals("table")) {
            if (table(Path.of(args[1])) > 0) {
                // as muster check: a plan that breaks a movement rule fails the benchmark
                System.exit(BROKEN_PLANS);
            }
        } else if (args.length >= 1 && args[0].equals("header")) {
            System.out.println(HEADER);
        } else {
            System.err.println(
                    "usage: BenchCommand one SCALE SEED REPEAT PLANNER [LP-LIMIT] | table CSV |"
                            + " header");
            System.exit(2);
        }
    }

    /** Scales {@code one} takes: the generator's and {@code tiny}. */
    static List<String> scales() {
        List<String> all = new ArrayList<>();
        all.add("tiny");
        for (Scale sc : Scale.values()) {
            all.add(sc.name());
        }
        return all;
    }

    /** What is wrong with {@code one}'s arguments, naming the argument and its value, or null. */
    static String oneArgumentProblem(String[] args) {
        if (!scales().contains(args[1])) {
            return "SCALE '" + args[1] + "': use one of " + String.join(", ", scales());
        }
        try {
            Long.parseLong(digits(args[2]));
        } catch (NumberFormatException e) {
            return "SEED '" + args[2] + "': not a whole number";
        }
        try {
            if (Integer.parseInt(digits(args[3])) < 1) {
                return "REPEAT '" + args[3] + "': must be 1 or more";
            }
        } catch (NumberFormatException e) {
            return "REPEAT '" + args[3] + "': not a whole number";
        }
        String base =
                args[4].endsWith(WARM)
                        ? args[4].substring(0, args[4].length() - WARM.length())
                        : args[4];
        boolean known =
                args[4].endsWith(WARM)
                        ? List.of("lns", "exact").contains(base)
                        : List.of("lns", "fifo", "exact", "bound").contains(base);
        if (!known) {
            return "PLANNER '" + args[4] + "': use lns, fifo, exact, bound, lns-warm or exact-warm";
        }
        if (args.length >= 6) {
            try {
                if (Integer.parseInt(digits(args[5])) < 0) {
                    return "LP-LIMIT '" + args[5] + "': must be 0 or more";
                }
            } catch (NumberFormatException e) {
                return "LP-LIMIT '" + args[5] + "': not a whole number";
            }
        }
        return null;
    }

    /**
     * {@code text} when it is a whole number of the digits 0 to 9 alone; otherwise a {@code
     * NumberFormatException}, as parseLong and parseInt give, which take the digits of every
     * script.
     */
    private static String digits(String text) {
        if (!NumberText.isWholeNumber(text)) {
            throw new NumberFormatException(text);
        }
        return text;
    }

    /** Tiny scenarios' knobs: sea and land lines too, up to two lift types of up to two tails. */
    static final SmallScenarios.Knobs TINY_KNOBS = new SmallScenarios.Knobs(true, true, 2, 2);

    static Scenario scenario(String scale, long seed) {
        if (scale.equals("tiny")) {
            return SmallScenarios.random(seed, 3, TINY_KNOBS);
        }
        return ScenarioGenerator.generate(Scale.valueOf(scale), seed);
    }

    /**
     * A planner name ending in this ({@code lns-warm}, {@code exact-warm}) is timed in a JVM that
     * has already planned, so that the time is the planner's own and not the JVM's start: class
     * loading, compiling hot code, loading the solver's native library. Tiny scenarios only.
     */
    static final String WARM = "-warm";

    /**
     * Most plans made before a warm run is timed: on tiny scenarios lns's time per plan keeps
     * falling for some 40 plans in a fresh JVM (about 0.2 s at the first, 0.01 to 0.02 s once its
     * hot code is compiled), exact's for about ten of the one-line scenario.
     */
    static final int WARM_UP_PLANS = 50;

    /**
     * The warm-up stops once it has taken this many seconds: a one-line scenario is not always
     * proved at once (tiny seed 3's takes exact about 15 s), and one plan is enough to load the
     * solver's native library.
     */
    static final double WARM_UP_SECONDS = 10.0;

    /** Most timed warm runs; the row is their median. */
    static final int WARM_RUNS = 15;

    /**
     * Timed warm runs stop once they have taken this many seconds in all, so a plan that takes
     * exact its whole work limit (20 to 40 s) is timed once and one it proves at once fifteen
     * times.
     */
    static final double WARM_RUNS_SECONDS = 5.0;

    static void one(String scale, long seed, int repeat, String planner, int lpLimit) {
        Scenario s = scenario(scale, seed);
        OperatingSystemMXBean os =
                (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        if (planner.endsWith(WARM)) {
            warm(scale, seed, repeat, planner, s, os);
            return;
        }
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            p.resetPeakUsage();
        }
        long cpu0 = os.getProcessCpuTime();
        long t0 = System.nanoTime();
        if (planner.equals("bound")) {
            // by default the bound a plan carries: the LP where each part needs no solver or has
            // up to PLAN_LP_LIMIT commodities, else each POE's lines (bench/run --full-bound: the
            // whole LP at any size, about 30 s at L and three minutes at XL)
            LowerBound b = LowerBounds.compute(s, lpLimit);
            print(
                    scale,
                    seed,
                    repeat,
                    planner,
                    System.nanoTime() - t0,
                    os.getProcessCpuTime() - cpu0,
                    fmt(b.lateStonDays()),
                    Integer.toString(b.closureDay()),
                    "",
                    "",
                    b.method().startsWith(LowerBounds.METHOD_LP) ? "lp" : "no-lp");
            return;
        }
        Plan plan;
        try {
            plan = planner(planner).plan(s, PlanOptions.of(s), Progress.NONE);
        } catch (ExactPlanner.TooLargeException e) {
            // a row of its own, so the table shows that exact cannot take this scale and why
            print(
                    scale,
                    seed,
                    repeat,
                    planner,
                    System.nanoTime() - t0,
                    os.getProcessCpuTime() - cpu0,
                    "",
                    "",
                    "",
                    "",
                    String.format(
                            Locale.ROOT,
                            "refused: model of about %d terms; limit %d",
                            e.terms(),
                            ExactPlanner.MAX_MODEL_TERMS));
            return;
        }
        long wall = System.nanoTime() - t0;
        long cpu = os.getProcessCpuTime() - cpu0;
        checked(scale, seed, repeat, planner, s, plan, wall, cpu);
    }

    private static Planner planner(String name) {
        return name.equals("exact") ? new ExactPlanner(20.0, 6) : Planners.byName(name);
    }

    /**
     * Times {@code planner} (a name ending in {@link #WARM}) after up to {@link #WARM_UP_PLANS}
     * plans in this JVM (fewer once they have taken {@link #WARM_UP_SECONDS}), lns of the scenario
     * itself, exact of the one-line scenario of the same seed (mostly proved at once, where the
     * scenario itself may take its whole work limit); the row is the median of up to {@link
     * #WARM_RUNS} timed runs, fewer once they have taken {@link #WARM_RUNS_SECONDS} in all. The
     * last plan is checked like any other.
     */
    private static void warm(
            String scale,
            long seed,
            int repeat,
            String planner,
            Scenario s,
            OperatingSystemMXBean os) {
        String base = planner.substring(0, planner.length() - WARM.length());
        if (!scale.equals("tiny") || !(base.equals("lns") || base.equals("exact"))) {
            System.err.println(
                    "bench: a warm run is of lns or exact on a tiny scenario, not "
                            + planner
                            + " on "
                            + scale);
            System.exit(2);
        }
        boolean exact = base.equals("exact");
        Scenario warmUp = exact ? SmallScenarios.random(seed, 1, TINY_KNOBS) : s;
        Planner p = planner(base);
        runs(
                () -> p.plan(warmUp, PlanOptions.of(warmUp), Progress.NONE),
                WARM_UP_PLANS,
                WARM_UP_SECONDS,
                os::getProcessCpuTime);
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            pool.resetPeakUsage();
        }
        Plan[] plan = new Plan[1];
        List<long[]> times =
                runs(
                        () -> plan[0] = p.plan(s, PlanOptions.of(s), Progress.NONE),
                        WARM_RUNS,
                        WARM_RUNS_SECONDS,
                        os::getProcessCpuTime);
        times.sort(Comparator.comparingLong(t -> t[0]));
        long[] median = times.get(times.size() / 2);
        checked(scale, seed, repeat, planner, s, plan[0], median[0], median[1]);
    }

    /**
     * Runs {@code task} up to {@code most} times, fewer once the runs have taken {@code seconds} of
     * wall time in all (at least once); each run's wall and CPU nanoseconds, in order.
     */
    static List<long[]> runs(Runnable task, int most, double seconds, LongSupplier cpuClock) {
        List<long[]> times = new ArrayList<>();
        long spent = 0;
        while (times.isEmpty() || (times.size() < most && spent < seconds * 1e9)) {
            long cpu0 = cpuClock.getAsLong();
            long t0 = System.nanoTime();
            task.run();
            long wall = System.nanoTime() - t0;
            times.add(new long[] {wall, cpuClock.getAsLong() - cpu0});
            spent += wall;
        }
        return times;
    }

    /** Checks {@code plan} and prints its row. */
    private static void checked(
            String scale,
            long seed,
            int repeat,
            String planner,
            Scenario s,
            Plan plan,
            long wallNs,
            long cpuNs) {
        CheckReport r = PlanChecker.check(s, plan);
        double u = r.measures().unmetWeight(s.planning().paxWeightStons());
        print(
                scale,
                seed,
                repeat,
                planner,
                wallNs,
                cpuNs,
                fmt(r.measures().lateStonDays()),
                Integer.toString(r.measures().closureDay()),
                fmt(u),
                Integer.toString(r.violations().size()),
                plan.planner().version().replace(',', ';'));
    }

    private static void print(
            String scale,
            long seed,
            int repeat,
            String planner,
            long wallNs,
            long cpuNs,
            String late,
            String closure,
            String unmet,
            String violations,
            String status) {
        long heap = 0;
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            if (p.getType() == MemoryType.HEAP && p.getPeakUsage() != null) {
                heap += p.getPeakUsage().getUsed();
            }
        }
        System.out.println(
                String.join(
                        ",",
                        scale,
                        Long.toString(seed),
                        Integer.toString(repeat),
                        planner,
                        fmt(wallNs / 1e9),
                        fmt(cpuNs / 1e9),
                        fmt(heap / 1048576.0),
                        fmt(vmHwmMib()),
                        late,
                        closure,
                        unmet,
                        violations,
                        status));
    }

    /** Peak resident set of this process from /proc/self/status, MiB; NaN where not Linux. */
    static double vmHwmMib() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) {
                    String kb = line.substring(6).trim().split("\\s+")[0];
                    return Long.parseLong(kb) / 1024.0;
                }
            }
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
        return Double.NaN;
    }

    private static String fmt(double x) {
        return String.format(Locale.ROOT, "%.3f", x);
    }

    // ---- table ----

    private record Row(
            String scale,
            long seed,
            String planner,
            double wall,
            double cpu,
            double heap,
            double hwm,
            double late,
            int closure,
            double unmet,
            String violations,
            String status) {}

    /** {@code table}'s exit status when any plan in the rows breaks a movement rule. */
    static final int BROKEN_PLANS = 4;

    /**
     * Prints the table of the rows in {@code csv}, and below it every plan the checker found
     * breaking a movement rule; returns how many such plans there are.
     */
    static int table(Path csv) throws IOException {
        List<Row> rows = new ArrayList<>();
        for (String line : Files.readAllLines(csv)) {
            if (line.isBlank() || line.startsWith("scale,")) {
                continue;
            }
            String[] f = line.split(",", -1);
            rows.add(
                    new Row(
                            f[0],
                            Long.parseLong(f[1]),
                            f[3],
                            d(f[4]),
                            d(f[5]),
                            d(f[6]),
                            d(f[7]),
                            d(f[8]),
                            (int) d(f[9]),
                            d(f[10]),
                            f[11],
                            f[12]));
        }
        Map<String, List<Row>> groups = new LinkedHashMap<>();
        List<String> timeouts = new ArrayList<>();
        for (Row r : rows) {
            groups.computeIfAbsent(r.scale + "|" + r.planner, k -> new ArrayList<>()).add(r);
        }
        System.out.printf(
                Locale.ROOT,
                "%-5s %-10s %5s %22s %8s %9s %9s %13s %8s %8s %7s %13s %9s %9s %9s %5s%n",
                "scale",
                "plan",
                "runs",
                "wall s med [min-max]",
                "cpu s",
                "heap MiB",
                "hwm MiB",
                "lateStonDays",
                "closure",
                "unmet",
                "viol",
                "bound late",
                "bound cl",
                "gap %",
                "vs fifo",
                "x");
        for (Map.Entry<String, List<Row>> e : groups.entrySet()) {
            List<Row> all = e.getValue();
            Row first = all.get(0);
            List<Row> g = all.stream().filter(r -> !r.status.equals("timeout")).toList();
            if (all.size() > g.size()) {
                timeouts.add(
                        String.format(
                                Locale.ROOT,
                                "%s %s: %d of %d run(s) stopped after %.0f s",
                                first.scale,
                                first.planner,
                                all.size() - g.size(),
                                all.size(),
                                all.stream()
                                        .filter(r -> r.status.equals("timeout"))
                                        .findFirst()
                                        .orElseThrow()
                                        .wall));
            }
            if (first.status.startsWith("refused")) {
                System.out.printf(
                        Locale.ROOT,
                        "%-5s %-10s %5d %s%n",
                        first.scale,
                        first.planner,
                        0,
                        first.status);
                continue;
            }
            if (g.isEmpty()) {
                System.out.printf(
                        Locale.ROOT,
                        "%-5s %-10s %5d stopped after %.0f s (bench/run --timeout)%n",
                        first.scale,
                        first.planner,
                        all.size(),
                        first.wall);
                continue;
            }
            if (first.planner.equals("bound")) {
                // the bound's own cost: it is the yardstick of the rows below, not a plan
                System.out.printf(
                        Locale.ROOT,
                        "%-5s %-10s %5d %8.2f [%5.2f-%6.2f] %8.2f %9.0f %9.0f %13s %8s %8s %7s"
                                + " %13.1f %9.0f %9s %9s %5s%n",
                        first.scale,
                        first.planner,
                        g.size(),
                        median(g, Row::wall),
                        min(g, Row::wall),
                        max(g, Row::wall),
                        median(g, Row::cpu),
                        median(g, Row::heap),
                        median(g, Row::hwm),
                        "-",
                        "-",
                        "-",
                        "-",
                        median(g, Row::late),
                        median(g, r -> r.closure),
                        "-",
                        "-",
                        "-");
                continue;
            }
            List<Row> bound =
                    groups.getOrDefault(first.scale + "|bound", List.of()).stream()
                            .filter(r -> !r.status.equals("timeout"))
                            .toList();
            List<Row> fifo = groups.getOrDefault(first.scale + "|fifo", List.of());
            // a warm row's time compares with warm fifo rows only (bench/run has none)
            List<Row> fifoTimed =
                    first.planner.endsWith(WARM)
                            ? groups.getOrDefault(first.scale + "|fifo" + WARM, List.of())
                            : fifo;
            double wall = median(g, Row::wall);
            double late = median(g, Row::late);
            double bLate = bound.isEmpty() ? Double.NaN : median(bound, Row::late);
            double bClosure = bound.isEmpty() ? Double.NaN : median(bound, r -> r.closure);
            double gap = late > 0 ? 100.0 * (late - bLate) / late : 0.0;
            double fifoLate = fifo.isEmpty() ? Double.NaN : median(fifo, Row::late);
            double fifoWall = fifoTimed.isEmpty() ? Double.NaN : median(fifoTimed, Row::wall);
            int viol = 0;
            for (Row r : g) {
                viol += r.violations.isEmpty() ? 0 : Integer.parseInt(r.violations);
            }
            System.out.printf(
                    Locale.ROOT,
                    "%-5s %-10s %5d %8.2f [%5.2f-%6.2f] %8.2f %9.0f %9.0f %13.1f %8.0f %8.1f %7d"
                            + " %13.1f %9.0f %9.1f %9.3f %5s%n",
                    first.scale,
                    first.planner,
                    g.size(),
                    wall,
                    min(g, Row::wall),
                    max(g, Row::wall),
                    median(g, Row::cpu),
                    median(g, Row::heap),
                    median(g, Row::hwm),
                    late,
                    median(g, r -> r.closure),
                    median(g, Row::unmet),
                    viol,
                    bLate,
                    bClosure,
                    gap,
                    late / fifoLate,
                    // the warm rows have no fifo run in a warm JVM to be timed against
                    Double.isNaN(wall / fifoWall)
                            ? "-"
                            : String.format(Locale.ROOT, "%.1f", wall / fifoWall));
        }
        System.out.println(
                "gap % = (lateStonDays - bound) / lateStonDays; vs fifo = lateStonDays ratio;"
                        + " x = wall-time ratio to fifo. Medians over runs (seeds x repeats)."
                        + " Rows 'bound': the lower bound's own cost and value.");
        for (String t : timeouts) {
            System.out.println("timeout: " + t + " (bench/run --timeout); not in the medians");
        }
        exactComparison(
                rows,
                "",
                "tiny scenarios, lns against exact, each run a fresh JVM (exact status as the plan"
                        + " gives it):");
        exactComparison(
                rows,
                WARM,
                "tiny scenarios, lns against exact, each timed in a JVM that has planned before"
                        + " (bench/run's -warm rows):");
        targets(rows);
        List<String> broken = new ArrayList<>();
        for (Row r : rows) {
            int v = r.violations.isEmpty() ? 0 : Integer.parseInt(r.violations);
            if (v > 0) {
                broken.add(
                        String.format(
                                Locale.ROOT,
                                "%s seed %d %s (%d violation(s))",
                                r.scale,
                                r.seed,
                                r.planner,
                                v));
            }
        }
        if (!broken.isEmpty()) {
            System.out.println();
            System.out.println(
                    "violations: "
                            + broken.size()
                            + " plan(s) break the movement rules (muster check names each"
                            + " rule): "
                            + String.join(", ", broken));
        }
        return broken.size();
    }

    /** Most seconds and heap a plan of scale L may take. */
    static final double L_SECONDS = 60.0;

    static final double L_HEAP_MIB = 4096.0;

    /** Gap to the bound a plan of M or L should stay under: per cent of its lateness... */
    static final double GAP_PERCENT = 2.0;

    /** ... or ston-days, where the bound is near 0. */
    static final double GAP_STON_DAYS = 50.0;

    /**
     * The benchmark's targets, each judged over every seed run of the scales it names: L planned in
     * time and memory with no violations; the gap to the bound and the closure day on M and L; lns
     * better than fifo by the objective on every generated scale. A run stopped by the timeout
     * counts against a target. The speed target against exact is the tiny comparison above.
     */
    private static void targets(List<Row> rows) {
        System.out.println();
        System.out.println(
                "targets (every seed run of the scale; a run stopped by the timeout"
                        + " counts against):");
        List<Row> l = of(rows, "L", "lns");
        if (l.isEmpty()) {
            System.out.println("  L under 60 s and 4 GiB of heap, no violations: no L runs");
        } else {
            boolean met = true;
            double slowest = 0;
            double heaviest = 0;
            int violations = 0;
            for (Row r : l) {
                boolean stopped = r.status.equals("timeout");
                int v = r.violations.isEmpty() ? 0 : Integer.parseInt(r.violations);
                met &= !stopped && r.wall < L_SECONDS && r.heap < L_HEAP_MIB && v == 0;
                slowest = Math.max(slowest, r.wall);
                heaviest = Math.max(heaviest, stopped ? 0 : r.heap);
                violations += v;
            }
            System.out.printf(
                    Locale.ROOT,
                    "  L under %.0f s and %.0f GiB of heap, no violations: %s (slowest %.2f s,"
                            + " most heap %.0f MiB, %d violations, %d runs)%n",
                    L_SECONDS,
                    L_HEAP_MIB / 1024,
                    met ? "met" : "not met",
                    slowest,
                    heaviest,
                    violations,
                    l.size());
        }
        for (String scale : List.of("M", "L")) {
            List<Row> plans = of(rows, scale, "lns");
            Map<Long, Row> bounds = bySeed(rows, scale, "bound");
            if (plans.isEmpty()) {
                System.out.printf(
                        Locale.ROOT,
                        "  %s gap and closure against the bound: no %s runs%n",
                        scale,
                        scale);
                continue;
            }
            boolean gapMet = true;
            boolean closureMet = true;
            double worstGap = 0;
            double worstGapPercent = 0;
            int worstDays = Integer.MIN_VALUE;
            for (Row p : plans) {
                Row b = bounds.get(p.seed);
                if (p.status.equals("timeout") || b == null || b.status.equals("timeout")) {
                    gapMet = false;
                    closureMet = false;
                    continue;
                }
                double gap = p.late - b.late;
                double percent = p.late > 0 ? 100.0 * gap / p.late : 0.0;
                gapMet &= percent < GAP_PERCENT || gap < GAP_STON_DAYS;
                worstGap = Math.max(worstGap, gap);
                worstGapPercent = Math.max(worstGapPercent, percent);
                closureMet &= p.unmet <= 1e-6 && p.closure - b.closure <= 1;
                worstDays = Math.max(worstDays, p.closure - b.closure);
            }
            System.out.printf(
                    Locale.ROOT,
                    "  %s gap to the bound under %.0f %% or %.0f ston-days: %s (largest %.1f %%,"
                            + " %.1f ston-days)%n",
                    scale,
                    GAP_PERCENT,
                    GAP_STON_DAYS,
                    gapMet ? "met" : "not met",
                    worstGapPercent,
                    worstGap);
            System.out.printf(
                    Locale.ROOT,
                    "  %s closure within a day of the bound, nothing unmet: %s (largest"
                            + " difference %s days)%n",
                    scale,
                    closureMet ? "met" : "not met",
                    worstDays == Integer.MIN_VALUE ? "-" : Integer.toString(worstDays));
        }
        List<String> scales = new ArrayList<>();
        boolean better = true;
        for (Row p : rows) {
            if (!p.planner.equals("lns") || p.scale.equals("tiny")) {
                continue;
            }
            if (!scales.contains(p.scale)) {
                scales.add(p.scale);
            }
            Row f = bySeed(rows, p.scale, "fifo").get(p.seed);
            better &=
                    f != null
                            && !p.status.equals("timeout")
                            && !f.status.equals("timeout")
                            && betterByTheObjective(p.unmet, p.late, f.unmet, f.late);
        }
        System.out.printf(
                Locale.ROOT,
                "  lns better than fifo by the objective on every scale: %s%n",
                scales.isEmpty()
                        ? "no runs"
                        : (better ? "met" : "not met") + " (" + String.join(", ", scales) + ")");
        System.out.println(
                "  lns 100 times faster than exact: the tiny comparisons above (exact refuses the"
                        + " generated scales)");
    }

    /** The rows of one scale and planner, in the order run. */
    private static List<Row> of(List<Row> rows, String scale, String planner) {
        return rows.stream()
                .filter(r -> r.scale.equals(scale) && r.planner.equals(planner))
                .toList();
    }

    /** The first row of each seed of one scale and planner, in the order run. */
    private static Map<Long, Row> bySeed(List<Row> rows, String scale, String planner) {
        Map<Long, Row> first = new LinkedHashMap<>();
        for (Row r : of(rows, scale, planner)) {
            first.putIfAbsent(r.seed, r);
        }
        return first;
    }

    /** Strictly better by the objective: less unmet load, or as much and fewer late ston-days. */
    static boolean betterByTheObjective(
            double unmet, double late, double otherUnmet, double otherLate) {
        if (Math.abs(unmet - otherUnmet) > 1e-6) {
            return unmet < otherUnmet;
        }
        return late < otherLate - 1e-6;
    }

    /**
     * On tiny scenarios, per seed: lns against exact, objective and time, from the rows of the
     * planners named {@code lns + suffix} and {@code exact + suffix}.
     */
    private static void exactComparison(List<Row> rows, String suffix, String title) {
        Map<Long, Row> exact = bySeed(rows, "tiny", "exact" + suffix);
        Map<Long, Row> lns = bySeed(rows, "tiny", "lns" + suffix);
        if (exact.isEmpty()) {
            return;
        }
        System.out.println();
        System.out.println(title);
        int compared = 0;
        int met = 0;
        for (Map.Entry<Long, Row> e : exact.entrySet()) {
            Row x = e.getValue();
            Row l = lns.get(e.getKey());
            if (l == null || Double.isNaN(x.late) || Double.isNaN(l.late)) {
                continue;
            }
            double speedUp = x.wall / l.wall;
            boolean asGood = asGoodByTheObjective(l.unmet, l.late, x.unmet, x.late);
            boolean target = asGood && speedUp >= SPEED_UP_TARGET;
            compared++;
            met += target ? 1 : 0;
            System.out.printf(
                    Locale.ROOT,
                    "  seed %3d: exact late %9.2f, unmet %7.1f (%6.2f s, %s); lns late %9.2f,"
                            + " unmet %7.1f (%6.2f s); speed-up %6.1f; lns %s; target %s%n",
                    e.getKey(),
                    x.late,
                    x.unmet,
                    x.wall,
                    x.status,
                    l.late,
                    l.unmet,
                    l.wall,
                    speedUp,
                    lnsAgainstExact(l.unmet, l.late, x.unmet, x.late),
                    target
                            ? "met"
                            : asGood
                                    // as good but too slow: the time that would meet it
                                    ? String.format(
                                            Locale.ROOT,
                                            "not met (needs lns in %.4f s or less)",
                                            x.wall / SPEED_UP_TARGET)
                                    : "not met");
        }
        if (compared > 0) {
            System.out.printf(
                    Locale.ROOT,
                    "target (lns at least %.0f times faster than exact, at exact's objective or"
                            + " within 1 %% of it: unmet load first, then lateness): met on %d of"
                            + " %d tiny seeds%n",
                    SPEED_UP_TARGET,
                    met,
                    compared);
        }
    }

    /** How many times faster than exact lns should be on the tiny scenarios. */
    static final double SPEED_UP_TARGET = 100.0;

    /** Whether {@code lns} is at most 1 % above {@code exact} (0 only matches 0). */
    static boolean atMostOnePercentAbove(double lns, double exact) {
        return lns <= exact * 1.01 + 1e-6;
    }

    /**
     * Whether lns is as good as exact by the movement model's objective, within 1 %: unmet load
     * (ston-equivalents) first, then late ston-days. Less unmet load is better whatever the
     * lateness; unmet load up to 1 % above exact's counts as the same, and then the lateness must
     * be within 1 % too.
     */
    static boolean asGoodByTheObjective(
            double lnsUnmet, double lnsLate, double exactUnmet, double exactLate) {
        if (lnsUnmet < exactUnmet - 1e-6) {
            return true;
        }
        return atMostOnePercentAbove(lnsUnmet, exactUnmet)
                && atMostOnePercentAbove(lnsLate, exactLate);
    }

    /**
     * How lns compares with exact, as the table says it: by unmet load where they differ (the
     * objective's first term), else by lateness.
     */
    static String lnsAgainstExact(
            double lnsUnmet, double lnsLate, double exactUnmet, double exactLate) {
        if (Math.abs(lnsUnmet - exactUnmet) > 1e-6) {
            String late =
                    exactLate <= 1e-6
                            ? ""
                            : String.format(
                                    Locale.ROOT,
                                    ", late %+.1f %%",
                                    100.0 * (lnsLate - exactLate) / exactLate);
            return (lnsUnmet > exactUnmet ? "leaves more unmet" : "leaves less unmet") + late;
        }
        if (Math.abs(lnsLate - exactLate) <= 1e-6) {
            return "the same";
        }
        if (exactLate <= 1e-6) {
            return "above exact's 0";
        }
        double pct = 100.0 * (lnsLate - exactLate) / exactLate;
        return String.format(Locale.ROOT, "%+.1f %%", pct);
    }

    private interface Field {
        double of(Row r);
    }

    private static double median(List<Row> g, Field f) {
        double[] v = g.stream().mapToDouble(f::of).sorted().toArray();
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }

    private static double min(List<Row> g, Field f) {
        return g.stream().mapToDouble(f::of).min().orElse(Double.NaN);
    }

    private static double max(List<Row> g, Field f) {
        return g.stream().mapToDouble(f::of).max().orElse(Double.NaN);
    }

    private static double d(String s) {
        return s.isEmpty() ? Double.NaN : Double.parseDouble(s);
    }
}
