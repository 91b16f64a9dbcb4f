package muster.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchCommandTest {
    @TempDir Path tmp;

    private interface Printing {
        void run() throws Exception;
    }

    /** What {@code r} prints on standard output. */
    private static String out(Printing r) throws Exception {
        PrintStream old = System.out;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
        try {
            r.run();
        } finally {
            System.setOut(old);
        }
        return buf.toString(StandardCharsets.UTF_8);
    }

    private static String table(Path csv) throws Exception {
        return out(() -> BenchCommand.table(csv));
    }

    @Test
    void tableShowsTheBoundsOwnCostAndRunsStoppedByTheTimeout() throws Exception {
        Path csv = tmp.resolve("rows.csv");
        Files.writeString(
                csv,
                String.join(
                        "\n",
                        BenchCommand.HEADER,
                        "L,1,1,bound,251.500,250.100,900.0,5200.0,1000.000,50,,,lp",
                        "L,1,1,fifo,30.000,31.000,1200.0,1500.0,4000.000,59,10.000,0,fifo",
                        "L,1,1,lns,20.000,21.000,1300.0,1600.0,2000.000,59,5.000,0,1.0",
                        "XL,1,1,bound,1800,,,,,,,,timeout",
                        "XL,1,1,lns,60.000,61.000,2000.0,2500.0,9000.000,59,50.000,0,1.0",
                        "S,1,1,exact,0.500,0.600,10.0,90.0,,,,,refused: model of about"
                                + " 63944384 terms; limit 250000",
                        "tiny,1,1,exact,2.000,2.000,10.0,80.0,5.000,3,0.000,0,optimal",
                        "tiny,2,1,exact,20,,,,,,,,timeout",
                        ""));
        String t = table(csv);
        // the bound row carries its wall time and value
        assertThat(t).containsPattern("(?m)^L\\s+bound\\s+1\\s+251\\.50");
        assertThat(t).containsPattern("(?m)^L\\s+bound.*1000\\.0\\s+50");
        // lns: gap (2000 - 1000) / 2000 = 50 %, half of fifo's lateness
        assertThat(t).containsPattern("(?m)^L\\s+lns\\s.*\\s50\\.0\\s+0\\.500\\s");
        // a run stopped by the timeout is named as such, and XL's plan has no bound to compare
        assertThat(t).containsPattern("(?m)^XL\\s+bound\\s+1 stopped after 1800 s");
        assertThat(t).containsPattern("(?m)^XL\\s+lns\\s.*NaN");
        // a timeout among finished runs is left out of the medians and named below the table
        assertThat(t).containsPattern("(?m)^tiny\\s+exact\\s+1\\s+2\\.00 \\[ 2\\.00-  2\\.00\\]");
        assertThat(t).contains("timeout: tiny exact: 1 of 2 run(s) stopped after 20 s");
        // exact's refusal of a scale is a row of its own that says why, with no figures
        assertThat(t)
                .containsPattern(
                        "(?m)^S\\s+exact\\s+0 refused: model of about 63944384 terms; limit"
                                + " 250000$");
    }

    @Test
    void everyPlanTheCheckerFindsBreakingARuleIsNamedAndCounted() throws Exception {
        Path csv = tmp.resolve("rows.csv");
        Files.writeString(
                csv,
                String.join(
                        "\n",
                        BenchCommand.HEADER,
                        "S,1,1,bound,1.000,1.000,90.0,200.0,100.000,20,,,lp",
                        "S,1,1,fifo,1.000,1.000,90.0,200.0,400.000,25,0.000,0,fifo",
                        "S,1,1,lns,2.000,2.000,90.0,200.0,200.000,24,0.000,3,1.0",
                        "tiny,2,1,exact-warm,1.000,1.000,9.0,80.0,5.000,3,0.000,1,optimal",
                        "tiny,3,1,exact,20,,,,,,,,timeout",
                        ""));
        int[] broken = new int[1];
        String t = out(() -> broken[0] = BenchCommand.table(csv));
        assertThat(broken[0]).isEqualTo(2);
        assertThat(t)
                .contains("violations: 2 plan(s) break the movement rules")
                .contains("S seed 1 lns (3 violation(s))")
                .contains("tiny seed 2 exact-warm (1 violation(s))")
                .doesNotContain("S seed 1 fifo (");

        Path clean = tmp.resolve("clean.csv");
        Files.writeString(
                clean,
                String.join(
                        "\n",
                        BenchCommand.HEADER,
                        "S,1,1,fifo,1.000,1.000,90.0,200.0,400.000,25,0.000,0,fifo",
                        ""));
        String c = out(() -> broken[0] = BenchCommand.table(clean));
        assertThat(broken[0]).isZero();
        assertThat(c).doesNotContainPattern("(?m)^violations:");
    }

    @Test
    void warmRowsTimeTheSameCheckedPlansAsTheColdOnes() throws Exception {
        for (String planner : new String[] {"lns", "exact"}) {
            String[] cold =
                    out(() -> BenchCommand.one("tiny", 2, 1, planner, 0)).trim().split(",", -1);
            String[] warm =
                    out(() -> BenchCommand.one("tiny", 2, 1, planner + BenchCommand.WARM, 0))
                            .trim()
                            .split(",", -1);
            assertThat(warm[3]).isEqualTo(planner + "-warm");
            // lateness, closure, unmet and violations: the plan is checked like a cold one's
            assertThat(warm[8]).isEqualTo(cold[8]);
            assertThat(warm[9]).isEqualTo(cold[9]);
            assertThat(warm[10]).isEqualTo(cold[10]);
            assertThat(warm[11]).isEqualTo("0");
            assertThat(Double.parseDouble(warm[4])).isPositive();
        }
    }

    @Test
    void timedRunsStopAtTheirCountOrOnceTheyHaveTakenTheirTime() {
        int[] calls = new int[1];
        long[] cpu = new long[1];
        // quick runs: all fifteen, each with its own wall time and the CPU clock's difference
        List<long[]> quick = BenchCommand.runs(() -> calls[0]++, 15, 5.0, () -> cpu[0] += 7);
        assertThat(calls[0]).isEqualTo(15);
        assertThat(quick).hasSize(15).allSatisfy(t -> assertThat(t[1]).isEqualTo(7));
        // a run longer than the time given: once, not fifteen times
        List<long[]> slow = sleepingRuns(calls, 60, 0.05);
        assertThat(calls[0]).isEqualTo(1);
        assertThat(slow.get(0)[0]).isGreaterThanOrEqualTo(60_000_000L);
        // runs of 30 ms against 0.1 s: they stop at the first that brings the total to 0.1 s
        List<long[]> some = sleepingRuns(calls, 30, 0.1);
        assertThat(some).hasSize(calls[0]);
        assertThat(calls[0]).isBetween(1, 4);
        long before = some.subList(0, some.size() - 1).stream().mapToLong(t -> t[0]).sum();
        assertThat(before).isLessThan(100_000_000L);
    }

    /**
     * Up to fifteen runs that sleep {@code ms} milliseconds each, stopped once they have taken
     * {@code seconds}; {@code calls} counts them from 0.
     */
    private static List<long[]> sleepingRuns(int[] calls, long ms, double seconds) {
        calls[0] = 0;
        return BenchCommand.runs(
                () -> {
                    calls[0]++;
                    try {
                        Thread.sleep(ms);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new IllegalStateException(e);
                    }
                },
                15,
                seconds,
                () -> 0L);
    }

    @Test
    void coldAndWarmTinyRowsAreComparedApart() throws Exception {
        Path csv = tmp.resolve("warm.csv");
        Files.writeString(
                csv,
                String.join(
                        "\n",
                        BenchCommand.HEADER,
                        "tiny,1,1,fifo,0.100,0.100,10.0,80.0,9.000,3,0.000,0,fifo",
                        // cold: 0.5 / 0.1, 5 times faster
                        "tiny,1,1,exact,0.500,0.500,10.0,80.0,5.000,3,0.000,0,optimal",
                        "tiny,1,1,lns,0.100,0.100,10.0,80.0,5.000,3,0.000,0,1.0",
                        // warm: 20 / 0.05, 400 times faster
                        "tiny,1,1,exact-warm,20.000,20.000,10.0,80.0,5.000,3,0.000,0,feasible",
                        "tiny,1,1,lns-warm,0.050,0.050,10.0,80.0,5.000,3,0.000,0,1.0",
                        ""));
        String t = table(csv);
        int cold = t.indexOf("each run a fresh JVM");
        int warm = t.indexOf("timed in a JVM that has planned before");
        assertThat(cold).isPositive();
        assertThat(warm).isGreaterThan(cold);
        assertThat(t.substring(cold, warm))
                .containsPattern(
                        "(?m)^  seed   1: .*speed-up    5\\.0; lns the same; target not met"
                                + " \\(needs lns in 0\\.0050 s or less\\)$")
                .contains("met on 0 of 1 tiny seeds");
        assertThat(t.substring(warm))
                .containsPattern("(?m)^  seed   1: .*speed-up  400\\.0; lns the same; target met$")
                .contains("met on 1 of 1 tiny seeds");
        // the warm lns row's lateness against fifo's, its time against no warm fifo row
        assertThat(t).containsPattern("(?m)^tiny\\s+lns-warm\\s.*\\s0\\.556\\s+-$");
        assertThat(t).containsPattern("(?m)^tiny\\s+lns\\s.*\\s0\\.556\\s+1\\.0$");
    }

    @Test
    void targetsAreJudgedOverEverySeedRun() throws Exception {
        Path csv = tmp.resolve("targets.csv");
        Files.writeString(
                csv,
                String.join(
                        "\n",
                        BenchCommand.HEADER,
                        // L: one of two runs over 60 s; gaps 90 % and 50 %; closures 1 and 3 days
                        "L,1,1,bound,10.000,10.000,900.0,1000.0,100.000,50,,,lp",
                        "L,2,1,bound,10.000,10.000,900.0,1000.0,100.000,50,,,lp",
                        "L,1,1,fifo,5.000,5.000,900.0,1000.0,5000.000,59,10.000,0,fifo",
                        "L,2,1,fifo,5.000,5.000,900.0,1000.0,5000.000,59,10.000,0,fifo",
                        "L,1,1,lns,30.000,30.000,900.0,1000.0,1000.000,51,0.000,0,1.0",
                        "L,2,1,lns,61.000,61.000,900.0,1000.0,200.000,53,0.000,0,1.0",
                        // M: bound 0, 40 ston-days late: within 50 ston-days; closure equal
                        "M,1,1,bound,1.000,1.000,90.0,100.0,0.000,39,,,no-lp",
                        "M,1,1,fifo,1.000,1.000,90.0,100.0,900.000,44,5.000,0,fifo",
                        "M,1,1,lns,9.000,9.000,90.0,100.0,40.000,39,0.000,0,1.0",
                        // S: as much unmet as fifo and as late: not better
                        "S,1,1,fifo,1.000,1.000,90.0,100.0,500.000,28,0.000,0,fifo",
                        "S,1,1,lns,5.000,5.000,90.0,100.0,500.000,28,0.000,0,1.0",
                        ""));
        String t = table(csv);
        assertThat(t)
                .containsPattern(
                        "(?m)^  L under 60 s and 4 GiB of heap, no violations: not met \\(slowest"
                                + " 61\\.00 s");
        assertThat(t)
                .containsPattern(
                        "(?m)^  M gap to the bound under 2 % or 50 ston-days: met \\(largest"
                                + " 100\\.0 %, 40\\.0 ston-days\\)$");
        assertThat(t)
                .containsPattern(
                        "(?m)^  L gap to the bound under 2 % or 50 ston-days: not met \\(largest"
                                + " 90\\.0 %, 900\\.0 ston-days\\)$");
        assertThat(t).containsPattern("(?m)^  M closure within a day of the bound.*: met ");
        assertThat(t)
                .containsPattern(
                        "(?m)^  L closure within a day of the bound.*: not met \\(largest"
                                + " difference 3 days\\)$");
        assertThat(t)
                .containsPattern(
                        "(?m)^  lns better than fifo by the objective on every scale: not met"
                                + " \\(L, M, S\\)$");
        // the same with S's lns a ston-day less late and L's second run in time: all but the
        // gap on L and its closure are met
        Files.writeString(
                csv,
                Files.readString(csv)
                        .replace(
                                "S,1,1,lns,5.000,5.000,90.0,100.0,500.000",
                                "S,1,1,lns,5.000,5.000,90.0,100.0,499.000")
                        .replace("L,2,1,lns,61.000", "L,2,1,lns,59.000"));
        String u = table(csv);
        assertThat(u).containsPattern("(?m)^  L under 60 s and 4 GiB of heap, no violations: met ");
        assertThat(u)
                .containsPattern(
                        "(?m)^  lns better than fifo by the objective on every scale: met"
                                + " \\(L, M, S\\)$");
        assertThat(BenchCommand.betterByTheObjective(0, 900, 1, 10)).isTrue();
        assertThat(BenchCommand.betterByTheObjective(1, 10, 1, 10)).isFalse();
        assertThat(BenchCommand.betterByTheObjective(2, 1, 1, 10)).isFalse();
    }

    @Test
    void tinyComparisonSaysPerSeedWhetherLnsIsFastEnoughAtExactsObjective() throws Exception {
        Path csv = tmp.resolve("tiny.csv");
        Files.writeString(
                csv,
                String.join(
                        "\n",
                        BenchCommand.HEADER,
                        // same lateness, 200 times faster: met
                        "tiny,1,1,exact,2.000,2.000,10.0,80.0,5.000,3,0.000,0,optimal",
                        "tiny,1,1,lns,0.010,0.010,10.0,80.0,5.000,3,0.000,0,1.0",
                        // 4 % above exact: not met however fast
                        "tiny,2,1,exact,10.000,10.000,10.0,80.0,100.000,3,0.000,0,feasible",
                        "tiny,2,1,lns,0.010,0.010,10.0,80.0,104.000,3,0.000,0,1.0",
                        // better than exact but only 50 times faster: not met
                        "tiny,3,1,exact,5.000,5.000,10.0,80.0,100.000,3,0.000,0,feasible",
                        "tiny,3,1,lns,0.100,0.100,10.0,80.0,90.000,3,0.000,0,1.0",
                        // exact at 0, lns above it: not met
                        "tiny,4,1,exact,5.000,5.000,10.0,80.0,0.000,3,0.000,0,optimal",
                        "tiny,4,1,lns,0.010,0.010,10.0,80.0,1.000,3,0.000,0,1.0",
                        // less late but more unmet: worse by the objective, not met
                        "tiny,5,1,exact,20.000,20.000,10.0,80.0,100.000,3,20.800,0,feasible",
                        "tiny,5,1,lns,0.010,0.010,10.0,80.0,90.000,3,33.200,0,1.0",
                        // later but less unmet: better by the objective, met
                        "tiny,6,1,exact,20.000,20.000,10.0,80.0,100.000,3,20.800,0,feasible",
                        "tiny,6,1,lns,0.010,0.010,10.0,80.0,150.000,3,10.000,0,1.0",
                        ""));
        String t = table(csv);
        assertThat(t)
                .containsPattern("(?m)^  seed   1: .*speed-up  200\\.0; lns the same; target met$");
        assertThat(t)
                .containsPattern(
                        "(?m)^  seed   2: .*speed-up 1000\\.0; lns \\+4\\.0 %; target not met$");
        assertThat(t)
                .containsPattern(
                        "(?m)^  seed   3: .*speed-up   50\\.0; lns -10\\.0 %; target not met"
                                + " \\(needs lns in 0\\.0500 s or less\\)$");
        assertThat(t).containsPattern("(?m)^  seed   4: .*lns above exact's 0; target not met$");
        assertThat(t)
                .containsPattern(
                        "(?m)^  seed   5: .*unmet    33\\.2 .*lns leaves more unmet, late -10\\.0"
                                + " %; target not met$");
        assertThat(t)
                .containsPattern(
                        "(?m)^  seed   6: .*lns leaves less unmet, late \\+50\\.0 %; target met$");
        assertThat(t).contains("met on 2 of 6 tiny seeds");
        // unmet load decides first, within 1 %; then lateness, within 1 %
        assertThat(BenchCommand.asGoodByTheObjective(10, 500, 20, 100)).isTrue();
        assertThat(BenchCommand.asGoodByTheObjective(30, 50, 20, 100)).isFalse();
        assertThat(BenchCommand.asGoodByTheObjective(20.2, 101, 20, 100)).isTrue();
        assertThat(BenchCommand.asGoodByTheObjective(20.2, 102, 20, 100)).isFalse();
        // 1 % above exact is within the target, a hair more is not
        assertThat(BenchCommand.atMostOnePercentAbove(101.0, 100.0)).isTrue();
        assertThat(BenchCommand.atMostOnePercentAbove(101.01, 100.0)).isFalse();
        assertThat(BenchCommand.atMostOnePercentAbove(0.0, 0.0)).isTrue();
    }

    @Test
    void oneNamesTheArgumentAndValueItCannotTake() {
        String[][] cases = {
            {"Q", "1", "1", "lns", "SCALE 'Q': use one of tiny, S, M, L, XL"},
            {"S", "one", "1", "lns", "SEED 'one': not a whole number"},
            {"S", "1", "0", "lns", "REPEAT '0': must be 1 or more"},
            {"S", "1", "x", "lns", "REPEAT 'x': not a whole number"},
            {"S", "\u0661\u0660", "1", "lns", "SEED '\u0661\u0660': not a whole number"},
            {"S", "1", "\uff12", "lns", "REPEAT '\uff12': not a whole number"},
            {"S", "1", "1", "greedy", "PLANNER 'greedy'"},
            {"tiny", "1", "1", "bound-warm", "PLANNER 'bound-warm'"},
        };
        for (String[] c : cases) {
            String[] args = {"one", c[0], c[1], c[2], c[3]};
            assertThat(BenchCommand.oneArgumentProblem(args))
                    .as(String.join(" ", args))
                    .startsWith(c[4]);
        }
        assertThat(
                        BenchCommand.oneArgumentProblem(
                                new String[] {"one", "S", "1", "1", "bound", "-1"}))
                .isEqualTo("LP-LIMIT '-1': must be 0 or more");
        for (String planner : List.of("lns", "fifo", "exact", "bound", "lns-warm", "exact-warm")) {
            assertThat(
                            BenchCommand.oneArgumentProblem(
                                    new String[] {"one", "tiny", "-3", "2", planner}))
                    .as(planner)
                    .isNull();
        }
        assertThat(
                        BenchCommand.oneArgumentProblem(
                                new String[] {"one", "XL", "7", "1", "bound", "20000"}))
                .isNull();
    }
}
