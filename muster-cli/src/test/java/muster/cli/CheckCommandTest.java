package muster.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import muster.engine.check.testkit.Examples;
import muster.engine.check.testkit.PlanEdits;
import muster.engine.explain.LateCauses;
import muster.io.PlanJson;
import muster.io.ScenarioWriter;
import muster.model.LineMode;
import muster.model.Plan;
import muster.model.RequirementLine;
import muster.model.Route;
import muster.model.RouteMode;
import muster.model.Scenario;
import muster.model.Stop;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code muster check} run in-process on files: a correct plan, a broken one, bad input. */
class CheckCommandTest {
    @TempDir Path dir;
    Path scenario;
    Path good;
    Path broken;

    record Run(int code, String out, String err) {}

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Muster.run(args, new PrintWriter(out), new PrintWriter(err));
        return new Run(code, out.toString(), err.toString());
    }

    @BeforeEach
    void files() throws Exception {
        scenario = dir.resolve("fixture.yaml");
        ScenarioWriter.writeFile(Examples.scenario(), scenario);
        Plan plan = Examples.plan();
        good = dir.resolve("good.json");
        PlanJson.write(plan, good);
        // M2 lands at P at 6.5 while M1 is still there until 7: MOG 1 is broken.
        Plan bad =
                PlanEdits.withStop(
                        plan, "M2", 0, s -> new Stop(s.node(), s.activity(), 6.5, s.depart()));
        broken = dir.resolve("broken.json");
        PlanJson.write(bad, broken);
    }

    @Test
    void aCorrectPlanPassesWithItsMeasures() {
        Run r = run("check", scenario.toString(), good.toString());
        assertThat(r.code()).as(r.err()).isEqualTo(ExitCode.OK);
        assertThat(r.out())
                .contains(
                        "measures: closureDay 9, lateStonDays 600, lateUlns 1, onTimeUlns 2, unmet 0")
                .contains("ok: the plan keeps every movement rule");
    }

    @Test
    void aPlanThatKeepsEveryRuleGetsTheReasonsMustersPlannersGiveWhoeverMadeIt() throws Exception {
        // the example plan is hand-made: it carries no reasons of its own
        Plan explained = LateCauses.explain(Examples.scenario(), Examples.plan());
        ObjectMapper om = new ObjectMapper();
        JsonNode root =
                om.readTree(run("check", "--json", scenario.toString(), good.toString()).out());
        int late = 0;
        for (JsonNode l : root.get("lines")) {
            String want =
                    explained.lines().stream()
                            .filter(e -> e.uln().equals(l.get("uln").asText()))
                            .findFirst()
                            .orElseThrow()
                            .reason();
            assertThat(l.get("reason").isNull() ? null : l.get("reason").asText())
                    .as(l.toString())
                    .isEqualTo(want);
            // a line has a reason exactly when it is late
            assertThat(l.get("reason").isNull()).isEqualTo(l.get("lateDays").asInt() == 0);
            late += l.get("lateDays").asInt() > 0 ? 1 : 0;
        }
        assertThat(late).isPositive();
        JsonNode bc = root.get("bindingConstraints");
        assertThat(bc).hasSize(explained.bindingConstraints().size()).isNotEmpty();
        double sum = 0;
        for (int i = 0; i < bc.size(); i++) {
            muster.model.Constraint c = explained.bindingConstraints().get(i);
            assertThat(bc.get(i).get("kind").asText()).isEqualTo(c.kind());
            assertThat(bc.get(i).get("subject").asText()).isEqualTo(c.subject());
            assertThat(bc.get(i).get("days").asText()).isEqualTo(c.days());
            assertThat(bc.get(i).get("lines").asInt()).isEqualTo(c.lines());
            sum += bc.get(i).get("lateStonDays").asDouble();
        }
        // the constraints share out the plan's late ston-days, no more and no less
        assertThat(sum).isCloseTo(root.at("/measures/lateStonDays").asDouble(), within(1e-6));
        muster.model.Constraint top = explained.bindingConstraints().get(0);
        assertThat(run("check", scenario.toString(), good.toString()).out())
                .contains("binding constraints: " + bc.size() + "\n")
                .contains(
                        "  " + top.kind() + " " + top.subject() + " on days " + top.days() + ": ");

        // a plan that breaks a rule gets no reasons: its own figures are in doubt
        JsonNode bad =
                om.readTree(run("check", "--json", scenario.toString(), broken.toString()).out());
        assertThat(bad.get("ok").asBoolean()).isFalse();
        assertThat(bad.get("lines").findValues("reason")).allMatch(JsonNode::isNull);
        assertThat(bad.get("bindingConstraints")).isEmpty();
        assertThat(run("check", scenario.toString(), broken.toString()).out())
                .doesNotContain("binding constraints");
    }

    @Test
    void aPlanThatDeliversNothingSaysSoInsteadOfAClosureDay() throws Exception {
        // The only jet is available from day 2 of a one-day horizon: everything is unmet.
        Path file = dir.resolve("nothing.yaml");
        Files.writeString(
                file,
                """
                format: "muster/scenario@1"
                name: "nothing delivered"
                planning: {horizonDays: 1}
                nodes:
                - {id: FT, name: Fort, kind: INSTALLATION, country: US, lat: 35.1, lon: -79.0}
                - {id: A0, name: Field 0, kind: AIRFIELD, country: US, lat: 35.17, lon: -79.01, mog: 1}
                - {id: A1, name: Field 1, kind: AIRFIELD, country: PL, lat: 50.11, lon: 22.02, mog: 1}
                - {id: AA, name: Area, kind: ASSEMBLY_AREA, country: PL, lat: 50.2, lon: 22.5}
                lift:
                - {id: JET, mode: AIR, count: 1, availableFromDay: 2, baseNode: A1, carries: [PAX],
                   paxCapacity: 100, stonsCapacity: 20, speedKnots: 450,
                   groundHours: {onload: 2, offload: 2, enroute: 2}}
                routes:
                - {mode: ROAD, from: FT, to: A0, hours: 1}
                - {mode: ROAD, from: A1, to: AA, hours: 1}
                - {mode: AIR, from: A0, to: A1}
                requirements:
                - {uln: L1, unit: one, nation: US, pax: 50, cargo: [], origin: FT, poe: A0, pod: A1,
                   destination: AA, rld: 0, ald: 0, ead: 0, lad: 0, rdd: 0, priority: 1, mode: AIR}
                """,
                StandardCharsets.UTF_8);
        Path out = dir.resolve("nothing");
        Run plan = run("plan", file.toString(), "--out", out.toString());
        assertThat(plan.code()).as(plan.err()).isEqualTo(ExitCode.OK);
        assertThat(plan.out()).contains("closure day:     nothing delivered");
        Run r = run("check", file.toString(), out.resolve("plan.json").toString());
        assertThat(r.code()).as(r.err()).isEqualTo(ExitCode.OK);
        assertThat(r.out())
                .contains("measures: closureDay none (nothing delivered), lateStonDays 10,")
                .contains("unmet: L1 PAX 50 pax")
                // no day -1 for "nothing delivered" (the days of a constraint, 0-1, are a range)
                .doesNotContain(" -1");
    }

    @Test
    void aBrokenPlanListsEachViolationAndExitsFour() {
        Run r = run("check", scenario.toString(), broken.toString());
        assertThat(r.code()).isEqualTo(ExitCode.VIOLATIONS);
        assertThat(r.out())
                .contains("rule 8 mission M2 stop 0: 2 aircraft on the ground at P from hour 6.5")
                .contains("violations: 1 (rule 08: 1)");
    }

    @Test
    void violationCountsNameTheRuleInAsciiDigitsInEveryLocale() {
        // Arabic, Persian and Thai locales format numbers with their own digits by default.
        java.util.Locale before = java.util.Locale.getDefault();
        try {
            for (String tag : new String[] {"ar-SA", "fa-IR", "th-TH-u-nu-thai"}) {
                java.util.Locale.setDefault(java.util.Locale.forLanguageTag(tag));
                Run r = run("check", scenario.toString(), broken.toString());
                assertThat(r.out()).as(tag).contains("violations: 1 (rule 08: 1)");
            }
        } finally {
            java.util.Locale.setDefault(before);
        }
    }

    @Test
    void jsonReportNamesRuleMissionAndStop() throws Exception {
        Run r = run("check", "--json", scenario.toString(), broken.toString());
        assertThat(r.code()).isEqualTo(ExitCode.VIOLATIONS);
        JsonNode root = new ObjectMapper().readTree(r.out());
        assertThat(root.get("format").asText()).isEqualTo(CheckCommand.FORMAT);
        assertThat(root.get("ok").asBoolean()).isFalse();
        JsonNode v = root.get("violations").get(0);
        assertThat(v.get("rule").asInt()).isEqualTo(8);
        assertThat(v.get("kind").asText()).isEqualTo("movement rule");
        assertThat(v.get("mission").asText()).isEqualTo("M2");
        assertThat(v.get("stop").asInt()).isEqualTo(0);
        assertThat(root.get("measures").get("lateStonDays").asDouble()).isEqualTo(600.0);
        assertThat(root.get("lines")).hasSize(3);

        Run ok = run("check", "--json", scenario.toString(), good.toString());
        assertThat(ok.code()).isEqualTo(ExitCode.OK);
        assertThat(new ObjectMapper().readTree(ok.out()).get("violations")).isEmpty();

        // stated measures that disagree with the recomputed ones are rule 11, no movement rule
        Path stated = dir.resolve("stated.json");
        JsonNode plan = new ObjectMapper().readTree(Files.readString(good));
        ((com.fasterxml.jackson.databind.node.ObjectNode) plan.get("measures"))
                .put("lateStonDays", 123456.0);
        Files.writeString(stated, new ObjectMapper().writeValueAsString(plan));
        Run m = run("check", "--json", scenario.toString(), stated.toString());
        assertThat(m.code()).as(m.err()).isEqualTo(ExitCode.VIOLATIONS);
        JsonNode mv = new ObjectMapper().readTree(m.out()).get("violations");
        assertThat(mv).isNotEmpty();
        assertThat(mv)
                .allSatisfy(
                        x -> {
                            assertThat(x.get("rule").asInt()).isEqualTo(11);
                            assertThat(x.get("kind").asText()).isEqualTo("measures");
                        });
    }

    @Test
    void jsonLinesSayTheirModeAndALandLineClosesAsTheMovementModelFixesIt() throws Exception {
        Run r = run("check", "--json", scenario.toString(), good.toString());
        assertThat(r.code()).as(r.err()).isEqualTo(ExitCode.OK);
        JsonNode lines = new ObjectMapper().readTree(r.out()).get("lines");
        JsonNode planLines = new ObjectMapper().readTree(Files.readString(good)).get("lines");
        Scenario s = Examples.scenario();
        assertThat(lines).hasSize(s.requirements().size());
        int land = 0;
        for (RequirementLine l : s.requirements()) {
            JsonNode j = byUln(lines, l.uln());
            assertThat(j.path("mode").asText()).as(l.uln()).isEqualTo(l.mode().name());
            if (l.mode() != LineMode.LAND) {
                // the example plan moves every AIR and SEA line through its POD
                assertThat(j.get("podArrival").isNumber()).as(l.uln()).isTrue();
                continue;
            }
            land++;
            // 24·rld + hours(origin → destination), the fastest road or rail either way
            double road =
                    s.routes().stream()
                            .filter(x -> x.mode() == RouteMode.ROAD || x.mode() == RouteMode.RAIL)
                            .filter(
                                    x ->
                                            x.from().equals(l.origin())
                                                            && x.to().equals(l.destination())
                                                    || x.to().equals(l.origin())
                                                            && x.from().equals(l.destination()))
                            .mapToDouble(Route::hours)
                            .min()
                            .orElseThrow();
            double closure = 24.0 * l.rld() + road;
            assertThat(j.has("podArrival")).as(l.uln()).isTrue();
            assertThat(j.get("podArrival").isNull()).as(l.uln()).isTrue();
            assertThat(j.get("closure").asDouble()).as(l.uln()).isCloseTo(closure, within(1e-6));
            assertThat(j.get("closureDay").asInt()).isEqualTo((int) Math.floor(closure / 24));
            // plan.json states the same line with no podArrival at all
            assertThat(byUln(planLines, l.uln()).has("podArrival")).as(l.uln()).isFalse();
        }
        assertThat(land).as("LAND lines in the example").isPositive();
    }

    private static JsonNode byUln(JsonNode lines, String uln) {
        for (JsonNode j : lines) {
            if (j.get("uln").asText().equals(uln)) {
                return j;
            }
        }
        throw new AssertionError("no line " + uln + " in " + lines);
    }

    @Test
    void anUnreadablePlanIsRefused() throws Exception {
        Path junk = dir.resolve("junk.json");
        Files.writeString(junk, "{\"format\": \"muster/plan@0\"}", StandardCharsets.UTF_8);
        Run r = run("check", scenario.toString(), junk.toString());
        assertThat(r.code()).isEqualTo(ExitCode.REFUSED);
        // the plan named as it was given, like the scenario's faults
        assertThat(r.err()).contains(junk.toString()).contains("format");
        Run missing = run("check", scenario.toString(), dir.resolve("none.json").toString());
        assertThat(missing.code()).isEqualTo(ExitCode.REFUSED);
        assertThat(missing.err()).contains("none.json: no such file");
        Run folder = run("check", scenario.toString(), dir.toString());
        assertThat(folder.code()).isEqualTo(ExitCode.REFUSED);
        assertThat(folder.err()).contains(dir + ": is a directory, not a file");
    }

    /**
     * A plan file with a field the format does not have is checked as it reads, with a warning on
     * standard error for each such field, its file line and the nearest known field: the exit code
     * and the report (JSON too) are those of the plan without it.
     */
    @Test
    void anUnknownFieldInThePlanIsNamedWithAWarningAndIgnored() throws Exception {
        ObjectMapper om = new ObjectMapper();
        com.fasterxml.jackson.databind.node.ObjectNode p =
                (com.fasterxml.jackson.databind.node.ObjectNode) om.readTree(good.toFile());
        p.set("bindingConstraint", p.remove("bindingConstraints"));
        ((com.fasterxml.jackson.databind.node.ObjectNode) p.at("/missions/1")).put("tial", 2);
        Path odd = dir.resolve("odd.json");
        om.writerWithDefaultPrettyPrinter().writeValue(odd.toFile(), p);
        List<String> lines = Files.readAllLines(odd);
        int top = lines.indexOf("  \"bindingConstraint\" : [ ]") + 1;
        int tial = lines.indexOf("    \"tial\" : 2") + 1;
        assertThat(top).isPositive();
        assertThat(tial).isPositive();
        Run r = run("check", scenario.toString(), odd.toString());
        Run plain = run("check", scenario.toString(), good.toString());
        assertThat(r.code()).as(r.err()).isEqualTo(plain.code());
        assertThat(r.out()).isEqualTo(plain.out());
        assertThat(r.err().lines().toList())
                .containsExactly(
                        "warning: "
                                + odd
                                + ":"
                                + top
                                + ": plan: field 'bindingConstraint': unknown field, ignored",
                        "  Maybe bindingConstraints",
                        "warning: "
                                + odd
                                + ":"
                                + tial
                                + ": missions[1]: field 'tial': unknown field, ignored",
                        "  Maybe tail");
        Run json = run("check", "--json", scenario.toString(), odd.toString());
        assertThat(json.err()).contains("field 'tial': unknown field, ignored");
        com.fasterxml.jackson.databind.node.ObjectNode report =
                (com.fasterxml.jackson.databind.node.ObjectNode) om.readTree(json.out());
        com.fasterxml.jackson.databind.JsonNode warned = report.remove("warnings");
        assertThat(warned.findValuesAsText("field")).containsExactly("bindingConstraint", "tial");
        assertThat(warned.findValuesAsText("hint")).containsExactly("bindingConstraints", "tail");
        assertThat(warned.findValues("line").stream().map(n -> n.asInt()))
                .containsExactly(top, tial);
        assertThat(warned.findValuesAsText("severity")).containsOnly("WARNING");
        // the report is the good plan's, with its own empty list of warnings
        com.fasterxml.jackson.databind.node.ObjectNode clean =
                (com.fasterxml.jackson.databind.node.ObjectNode)
                        om.readTree(
                                run("check", "--json", scenario.toString(), good.toString()).out());
        assertThat(clean.remove("warnings")).isEmpty();
        assertThat(report).isEqualTo(clean);
    }

    @Test
    void aRefusedScenarioIsNotChecked() throws Exception {
        Path bad = dir.resolve("bad.yaml");
        Files.writeString(
                bad,
                Files.readString(scenario).replace("horizonDays: 10", "horizonDays: 5"),
                StandardCharsets.UTF_8);
        Run r = run("check", bad.toString(), good.toString());
        assertThat(r.code()).isEqualTo(ExitCode.REFUSED);
        assertThat(r.err()).contains("the plan was not checked");
    }

    @Test
    void withJsonARefusedScenarioOrPlanStillPrintsOneJsonDocument() throws Exception {
        Path bad = dir.resolve("bad.yaml");
        Files.writeString(
                bad,
                Files.readString(scenario).replace("horizonDays: 10", "horizonDays: ten"),
                StandardCharsets.UTF_8);
        Run r = run("check", "--json", bad.toString(), good.toString());
        assertThat(r.code()).isEqualTo(ExitCode.REFUSED);
        JsonNode doc = new ObjectMapper().readTree(r.out());
        assertThat(doc.get("format").asText()).isEqualTo("muster/refusal@1");
        assertThat(doc.get("message").asText()).contains("the plan was not checked");
        assertThat(doc.get("faults").findValuesAsText("value")).contains("ten");
        assertThat(doc.get("faults").findValuesAsText("field")).contains("horizonDays");

        Run missing =
                run("check", "--json", scenario.toString(), dir.resolve("none.json").toString());
        assertThat(missing.code()).isEqualTo(ExitCode.REFUSED);
        JsonNode none = new ObjectMapper().readTree(missing.out());
        assertThat(none.get("source").asText()).isEqualTo(dir.resolve("none.json").toString());
        assertThat(none.get("message").asText()).contains("none.json: no such file");
        // the fault list names the file, as every refusal's does
        assertThat(none.get("faults")).hasSize(1);
        assertThat(none.get("faults").get(0).get("value").asText())
                .isEqualTo(dir.resolve("none.json").toString());
        assertThat(none.get("faults").get(0).get("message").asText()).isEqualTo("no such file");
    }

    @Test
    void anUnreadablePlanIsRefusedByFieldAndValueAndNeverReadLoosely() throws Exception {
        String text = Files.readString(good);
        // a value of the wrong kind: the refusal names its place, field and value
        Path gold = dir.resolve("gold.json");
        Files.writeString(
                gold, text.replaceFirst("\"class\" ?: ?\"[A-Z]+\"", "\"class\": \"GOLD\""));
        Run r = run("check", "--json", scenario.toString(), gold.toString());
        assertThat(r.code()).as(r.err()).isEqualTo(ExitCode.REFUSED);
        JsonNode doc = new ObjectMapper().readTree(r.out());
        assertThat(doc.get("faults")).hasSize(1);
        JsonNode fault = doc.get("faults").get(0);
        assertThat(fault.get("field").asText()).isEqualTo("class");
        assertThat(fault.get("value").asText()).isEqualTo("GOLD");
        assertThat(fault.get("path").asText()).startsWith("missions[0]").endsWith(".class");
        // a number too large for a double, and a key given twice
        Path huge = dir.resolve("huge.json");
        Files.writeString(huge, text.replaceFirst("\"arrive\" ?: ?[0-9.]+", "\"arrive\": 1e400"));
        Run inf = run("check", scenario.toString(), huge.toString());
        assertThat(inf.code()).isEqualTo(ExitCode.REFUSED);
        assertThat(inf.err()).contains("field 'arrive'").contains("expected a finite number");
        Path twice = dir.resolve("twice.json");
        Files.writeString(twice, text.replaceFirst("\\{", "{\"format\": \"x\", "));
        Run dup = run("check", scenario.toString(), twice.toString());
        assertThat(dup.code()).isEqualTo(ExitCode.REFUSED);
        assertThat(dup.err()).contains("twice.json:2").contains("format");
    }

    @Test
    void missingArgumentsAreAUsageError() {
        assertThat(run("check", scenario.toString()).code()).isEqualTo(ExitCode.USAGE);
    }
}
