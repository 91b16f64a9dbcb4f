package muster.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import muster.engine.check.PlanChecker;
import muster.engine.generate.SmallScenarios;
import muster.io.PlanJson;
import muster.io.ScenarioReader;
import muster.io.ScenarioWriter;
import muster.model.Plan;
import muster.model.Scenario;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlanCommandTest {
    @TempDir Path tmp;

    record Run(int code, String out, String err) {}

    static Run muster(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Muster.run(args, new PrintWriter(out), new PrintWriter(err));
        return new Run(code, out.toString(), err.toString());
    }

    private Path smallScenario(long seed) throws Exception {
        Scenario s = SmallScenarios.random(seed, 6);
        Path f = tmp.resolve("small-" + seed + ".yaml");
        ScenarioWriter.writeFile(s, f);
        return f;
    }

    @Test
    void plansChecksAndWritesTheFourFilesWithAJsonSummary() throws Exception {
        long seed = 11;
        Path scenario = smallScenario(seed);
        Path out = tmp.resolve("out");
        Run r =
                muster(
                        "plan",
                        scenario.toString(),
                        "--out",
                        out.toString(),
                        "--json",
                        "--iterations",
                        "50");
        assertThat(r.code()).as("seed %d, stderr: %s", seed, r.err()).isZero();
        for (String f : PlanCommand.FILES) {
            assertThat(out.resolve(f)).isNotEmptyFile();
        }
        // written through temporary files, none of which is left behind
        try (var listed = Files.list(out)) {
            assertThat(listed.map(f -> f.getFileName().toString()))
                    .containsExactlyInAnyOrderElementsOf(PlanCommand.FILES);
        }
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertThat(j.path("violations").asInt(-1)).isZero();
        assertThat(j.path("planner").path("name").asText()).isEqualTo("lns");
        assertThat(j.path("planner").path("seconds").asDouble()).isPositive();
        assertThat(j.path("files").path("report").asText())
                .isEqualTo(out.resolve("report.html").toString());
        assertThat(j.path("lowerBound").path("method").asText()).isNotBlank();

        // plan.json is the plan that was checked: read back, it keeps every rule, and its stated
        // measures and bound are the summary's.
        Scenario s = ScenarioReader.read(scenario).scenario();
        Plan plan = PlanJson.read(out.resolve("plan.json"));
        assertThat(PlanChecker.check(s, plan).violations()).isEmpty();
        assertThat(plan.planner().seconds()).isPositive();
        assertThat(j.path("measures").path("closureDay").asInt())
                .isEqualTo(plan.measures().closureDay());
        assertThat(j.path("measures").path("lateStonDays").asDouble())
                .isEqualTo(plan.measures().lateStonDays());
        assertThat(plan.lowerBound()).isNotNull();
        assertThat(plan.lowerBound().lateStonDays())
                .as("bound below the plan")
                .isLessThanOrEqualTo(plan.measures().lateStonDays() + 1e-6);
        assertThat(Files.readAllLines(out.resolve("lines.csv")))
                .hasSize(s.requirements().size() + 1);
        assertThat(Files.readAllLines(out.resolve("missions.csv")))
                .hasSize(plan.missions().size() + 1);
        assertThat(Files.readString(out.resolve("report.html"))).contains("<svg class=\"map\"");
    }

    @Test
    void aPlanThatBreaksARuleIsWrittenWithAReportThatSaysSo() throws Exception {
        long seed = 11;
        Path scenario = smallScenario(seed);
        Path out = tmp.resolve("out");
        Run r = muster("plan", scenario.toString(), "--out", out.toString(), "--quiet");
        assertThat(r.code()).as("seed %d, stderr: %s", seed, r.err()).isZero();
        assertThat(Files.readString(out.resolve("report.html")))
                .doesNotContain("movement rule check");
        Scenario s = ScenarioReader.read(scenario).scenario();
        Plan plan = PlanJson.read(out.resolve("plan.json"));
        // A plan whose stated lateness is not what its missions give breaks the measures check.
        var m = plan.measures();
        Plan wrong =
                new Plan(
                        plan.scenario(),
                        plan.planner(),
                        new muster.model.Measures(
                                m.closureDay(),
                                m.lateStonDays() + 100,
                                m.lateUlns(),
                                m.onTimeUlns(),
                                m.unmet()),
                        plan.lowerBound(),
                        plan.missions(),
                        plan.lines(),
                        plan.bindingConstraints());
        var check = PlanChecker.check(s, wrong);
        assertThat(check.violations()).hasSize(1);
        Path dir = tmp.resolve("broken");
        PlanCommand.writeFiles(dir, s, wrong, check, new PlanCommand.Timings());
        String html = Files.readString(dir.resolve("report.html"));
        // said above the measures, before the first card
        assertThat(html).contains("This plan breaks 1 movement rule check (muster check");
        assertThat(html.indexOf("This plan breaks")).isLessThan(html.indexOf("class=\"card"));
        for (String f : PlanCommand.FILES) {
            assertThat(dir.resolve(f)).isNotEmptyFile();
        }
    }

    @Test
    void aFileThatCannotBeWrittenIsNamedAndTheOldFilesAreKept() throws Exception {
        long seed = 11;
        Path scenario = smallScenario(seed);
        Path out = tmp.resolve("out");
        Run r = muster("plan", scenario.toString(), "--out", out.toString(), "--quiet");
        assertThat(r.code()).as("seed %d, stderr: %s", seed, r.err()).isZero();
        Scenario s = ScenarioReader.read(scenario).scenario();
        Plan plan = PlanJson.read(out.resolve("plan.json"));
        Files.writeString(out.resolve("plan.json"), "old plan");
        // lines.csv turned into a directory after the command checked the output directory:
        // the third of the four files cannot be written
        Files.delete(out.resolve("lines.csv"));
        Files.createDirectory(out.resolve("lines.csv"));
        var check = PlanChecker.check(s, plan);
        assertThatThrownBy(
                        () ->
                                PlanCommand.writeFiles(
                                        out, s, plan, check, new PlanCommand.Timings()))
                .isInstanceOf(PlanCommand.Unwritten.class)
                .hasMessageStartingWith("could not write " + out.resolve("lines.csv") + ": ")
                .hasMessageEndingWith(
                        "; none of plan.json, missions.csv, lines.csv, report.html in "
                                + out
                                + " was written or changed");
        assertThat(out.resolve("plan.json")).hasContent("old plan");
        try (var left = Files.list(out)) {
            assertThat(left.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder(
                            "plan.json", "missions.csv", "lines.csv", "report.html");
        }
    }

    @Test
    void aFullDiskIsSaidWithTheFileItStoppedAt() {
        // The error of a full disk names no file ("IOException: No space left on device" was all
        // the command said): the file is named from what was being written.
        Path dir = tmp.resolve("plans");
        assertThat(
                        PlanCommand.unwritten(
                                        dir,
                                        "missions.csv",
                                        new java.io.IOException("No space left on device"))
                                .getMessage())
                .isEqualTo(
                        "could not write "
                                + dir.resolve("missions.csv")
                                + ": No space left on device; none of plan.json, missions.csv,"
                                + " lines.csv, report.html in "
                                + dir
                                + " was written or changed");
        assertThat(
                        PlanCommand.unwritten(dir, null, new java.io.IOException("I/O error"))
                                .getMessage())
                .startsWith("could not move the plan's files into " + dir + ": I/O error")
                .endsWith("there may be from this plan and others from before: plan again");
    }

    @Test
    void timingsNameEveryPhaseAndEarliestBoundSkipsTheLp() throws Exception {
        Path out = tmp.resolve("t");
        Run r =
                muster(
                        "plan",
                        smallScenario(5).toString(),
                        "--out",
                        out.toString(),
                        "--json",
                        "--timings",
                        "--bound",
                        "earliest",
                        "--iterations",
                        "20");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode j = new ObjectMapper().readTree(r.out());
        JsonNode t = j.path("timings");
        for (String phase :
                new String[] {
                    "read",
                    "plan",
                    "bound",
                    "check",
                    "plan.json",
                    "missions.csv",
                    "lines.csv",
                    "report.html"
                }) {
            assertThat(t.path(phase).isNumber()).as("phase %s in %s", phase, t).isTrue();
            assertThat(t.path(phase).asDouble()).as(phase).isNotNegative();
        }
        assertThat(r.err()).contains("timings: read ").contains(" s, total ");
        assertThat(j.path("lowerBound").path("method").asText()).isEqualTo("earliest-arrival");
        Plan plan = PlanJson.read(out.resolve("plan.json"));
        assertThat(plan.lowerBound().method()).isEqualTo("earliest-arrival");
    }

    @Test
    void withoutTimingsTheJsonSummaryHasNone() throws Exception {
        Run r =
                muster(
                        "plan",
                        smallScenario(5).toString(),
                        "--out",
                        tmp.resolve("n").toString(),
                        "--json",
                        "--iterations",
                        "20");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(new ObjectMapper().readTree(r.out()).has("timings")).isFalse();
        assertThat(r.err()).doesNotContain("timings:");
    }

    @Test
    void theExactPlannerRefusesTheBundledScenarioAtOnceNamingItsSizeAndWritesNothing() {
        Path out = tmp.resolve("x");
        Run r =
                muster(
                        "plan",
                        "../scenarios/eastern-flank-2022.yaml",
                        "--planner",
                        "exact",
                        "--quiet",
                        "--out",
                        out.toString());
        assertThat(r.code()).as(r.err()).isEqualTo(ExitCode.REFUSED);
        assertThat(r.err())
                .contains("scenarios/eastern-flank-2022.yaml")
                .contains("--planner exact")
                .contains("too large for the exact planner")
                .contains("250,000")
                .contains("nothing was planned")
                .doesNotContain("Exception")
                .doesNotContain("\tat ");
        assertThat(out).doesNotExist();
    }

    @Test
    void unknownBoundKindIsAUsageError() throws Exception {
        Path out = tmp.resolve("u");
        Run r =
                muster(
                        "plan",
                        smallScenario(5).toString(),
                        "--out",
                        out.toString(),
                        "--bound",
                        "magic");
        assertThat(r.code()).isEqualTo(ExitCode.USAGE);
        assertThat(r.err()).contains("--bound").contains("magic");
        assertThat(out).doesNotExist();
    }

    @Test
    void summaryNamesMeasuresBoundAndFiles() throws Exception {
        Path out = tmp.resolve("o");
        Run r =
                muster(
                        "plan",
                        smallScenario(3).toString(),
                        "--out",
                        out.toString(),
                        "--iterations",
                        "20");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out())
                .contains("planned ")
                .contains("closure day:")
                .contains("late ston-days:")
                .contains("lower bound")
                .contains("rule check:      no violations")
                .contains(out.resolve("report.html").toString());
    }

    @Test
    void quietPrintsNothing() throws Exception {
        Path out = tmp.resolve("q");
        Run r =
                muster(
                        "plan",
                        smallScenario(3).toString(),
                        "--out",
                        out.toString(),
                        "--quiet",
                        "--iterations",
                        "20");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).isEmpty();
        assertThat(out.resolve("report.html")).isNotEmptyFile();
    }

    @Test
    void sameSeedSamePlan() throws Exception {
        Path scenario = smallScenario(21);
        muster(
                "plan",
                scenario.toString(),
                "--out",
                tmp.resolve("a").toString(),
                "--quiet",
                "--seed",
                "4",
                "--iterations",
                "30");
        muster(
                "plan",
                scenario.toString(),
                "--out",
                tmp.resolve("b").toString(),
                "--quiet",
                "--seed",
                "4",
                "--iterations",
                "30");
        assertThat(Files.readString(tmp.resolve("a/missions.csv")))
                .isEqualTo(Files.readString(tmp.resolve("b/missions.csv")));
    }

    /** A small scenario whose first requirement's POE is NOWHERE; returns its file line. */
    private int writeBadPoe(Path bad) throws Exception {
        String yaml = ScenarioWriter.yaml(SmallScenarios.random(1, 3));
        int i = yaml.indexOf("poe: ");
        int eol = yaml.indexOf('\n', i);
        Files.writeString(bad, yaml.substring(0, i) + "poe: NOWHERE" + yaml.substring(eol));
        return yaml.substring(0, i).split("\n", -1).length;
    }

    @Test
    void refusedScenarioExits3WithFaultsAndWritesNothing() throws Exception {
        Path bad = tmp.resolve("bad.yaml");
        writeBadPoe(bad);
        Path out = tmp.resolve("never");
        Run r = muster("plan", bad.toString(), "--out", out.toString());
        assertThat(r.code()).isEqualTo(ExitCode.REFUSED);
        assertThat(r.err())
                .contains("error: ")
                .contains("'NOWHERE'")
                .contains("nothing was planned");
        assertThat(r.err()).doesNotContain("Exception");
        assertThat(out).doesNotExist();
    }

    @Test
    void withJsonARefusedScenarioPrintsItsFaultsAsJsonNamingPlaceFieldAndValue() throws Exception {
        Path bad = tmp.resolve("bad.yaml");
        int line = writeBadPoe(bad);
        Run r = muster("plan", bad.toString(), "--json", "--out", tmp.resolve("never").toString());
        assertThat(r.code()).isEqualTo(ExitCode.REFUSED);
        JsonNode doc = new ObjectMapper().readTree(r.out());
        assertThat(doc.get("format").asText()).isEqualTo("muster/refusal@1");
        assertThat(doc.get("refused").asBoolean()).isTrue();
        assertThat(doc.get("source").asText()).isEqualTo(bad.toString());
        assertThat(doc.get("message").asText()).contains("nothing was planned");
        JsonNode fault = doc.get("faults").get(0);
        assertThat(fault.get("severity").asText()).isEqualTo("ERROR");
        assertThat(fault.get("field").asText()).isEqualTo("poe");
        assertThat(fault.get("value").asText()).isEqualTo("NOWHERE");
        assertThat(fault.get("where").asText()).startsWith("requirement ");
        assertThat(fault.get("line").asInt()).isEqualTo(line);

        Run exact =
                muster(
                        "plan",
                        "../scenarios/eastern-flank-2022.yaml",
                        "--planner",
                        "exact",
                        "--json",
                        "--out",
                        tmp.resolve("x").toString());
        assertThat(exact.code()).isEqualTo(ExitCode.REFUSED);
        JsonNode tooLarge = new ObjectMapper().readTree(exact.out());
        assertThat(tooLarge.get("message").asText())
                .contains("too large for the exact planner")
                .contains("nothing was planned");
        assertThat(tooLarge.get("faults")).isEmpty();
    }

    @Test
    void missingScenarioFileIsRefused() {
        Run r =
                muster(
                        "plan",
                        tmp.resolve("nope.yaml").toString(),
                        "--out",
                        tmp.resolve("x").toString());
        assertThat(r.code()).isEqualTo(ExitCode.REFUSED);
        assertThat(r.err()).contains("nope.yaml").contains("no such file");
    }

    @Test
    void unknownPlannerIsAUsageError() throws Exception {
        Run r =
                muster(
                        "plan",
                        smallScenario(2).toString(),
                        "--planner",
                        "magic",
                        "--out",
                        tmp.resolve("y").toString());
        assertThat(r.code()).isEqualTo(ExitCode.USAGE);
        assertThat(r.err()).contains("unknown planner 'magic'").contains("lns");
    }

    @Test
    void negativeIterationsIsAUsageError() throws Exception {
        Run r = muster("plan", smallScenario(2).toString(), "--iterations", "-1");
        assertThat(r.code()).isEqualTo(ExitCode.USAGE);
        assertThat(r.err()).contains("--iterations");
    }
}
