package muster.io.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import muster.engine.check.PlanChecker;
import muster.io.PlanJson;
import muster.io.ScenarioReader;
import muster.io.ScenarioWriter;
import muster.io.fixture.SmallPlan;
import muster.model.Activity;
import muster.model.CargoClass;
import muster.model.LineResult;
import muster.model.LoadCargo;
import muster.model.LowerBound;
import muster.model.Measures;
import muster.model.Mission;
import muster.model.Network;
import muster.model.Plan;
import muster.model.Planning;
import muster.model.RequirementLine;
import muster.model.Scenario;
import muster.model.Unmet;
import org.junit.jupiter.api.Test;

class HtmlReportTest {
    private final Scenario scenario = SmallPlan.scenario();
    private final Plan plan = SmallPlan.plan(scenario);
    private final String html = HtmlReport.render(scenario, plan);

    private static String card(String html, String measure) {
        Matcher m =
                Pattern.compile(
                                "<div class=\"card[^\"]*\" data-measure=\""
                                        + measure
                                        + "\">(.*?)</div></div>")
                        .matcher(html);
        assertThat(m.find()).as("card %s", measure).isTrue();
        return m.group(1);
    }

    @Test
    void headlineShowsTheMeasuresTheBoundAndThePlanner() {
        var m = plan.measures();
        var lb = plan.lowerBound();
        assertThat(m.lateUlns()).isEqualTo(2);
        assertThat(card(html, "closure"))
                .contains("C+" + m.closureDay())
                // C-day 2022-02-03 plus the closure day.
                .contains(
                        java.time.LocalDate.parse("2022-02-03").plusDays(m.closureDay()).toString())
                .contains("bound C+" + lb.closureDay());
        assertThat(card(html, "late-ston-days"))
                .contains(Html.num(m.lateStonDays()))
                .contains("lower bound " + Html.num(lb.lateStonDays()))
                .contains("gap " + Html.num(m.lateStonDays() - lb.lateStonDays()));
        assertThat(card(html, "lines")).contains(m.lateUlns() + " / " + m.onTimeUlns());
        // U1's 50 people are unmet.
        assertThat(card(html, "unmet")).contains("50 pax").contains("1 line ·");
        assertThat(html).contains("planner <b>hand</b>").contains("seed 7");
        assertThat(html).contains("C-day 2022-02-03").contains("test bound");
        // a lower bound: no correct plan is less late, nor closes earlier
        assertThat(html)
                .contains("no correct plan of this scenario is less late, and none that leaves")
                .doesNotContain("is later");
    }

    @Test
    void closureCardSaysBoundDoesNotApplyWhenLoadIsUnmet() {
        // The closure bound holds only for plans that leave nothing unmet.
        assertThat(card(html, "closure")).contains("only when nothing is unmet");
        Plan met = withoutUnmet(plan);
        assertThat(card(HtmlReport.render(scenario, met), "closure")).contains("gap 2 days");
    }

    @Test
    void closureCardOfAScenarioWithNothingToDeliverGivesNoDayAsABound() {
        // With no requirement lines the plan delivers nothing and the bound has no closure day:
        // both are -1 in plan.json, which the card must not show as "C+-1".
        Scenario none =
                new Scenario(
                        scenario.name(),
                        scenario.nodes(),
                        scenario.lift(),
                        scenario.routes(),
                        List.of(),
                        scenario.planning());
        Plan empty =
                new Plan(
                        plan.scenario(),
                        plan.planner(),
                        new Measures(-1, 0, 0, 0, List.of()),
                        new LowerBound(-1, 0, "earliest-arrival"),
                        List.of(),
                        List.of(),
                        List.of());
        String closure = card(HtmlReport.render(none, empty), "closure");
        assertThat(closure).contains("nothing delivered").contains("no closure day to bound");
        assertThat(closure).doesNotContain("C+-").doesNotContain("gap");
    }

    @Test
    void lateStonDaysGapNeverRoundsToNoneOrAllOfThePlan() {
        // plan, bound, what the card says of the gap
        Object[][] cases = {
            {192_345.0, 192_236.7, "gap 108.3 (under 1%)"},
            {1_000.0, 3.0, "gap 997 (over 99%)"},
            {1_000.0, 0.0, "gap 1,000 (100%)"},
            {1_000.0, 500.0, "gap 500 (50%)"},
            {1_000.0, 1_000.0, "gap 0 (0%)"},
        };
        for (Object[] c : cases) {
            var m = plan.measures();
            Plan p =
                    withMeasures(
                                    plan,
                                    new Measures(
                                            m.closureDay(),
                                            (double) c[0],
                                            m.lateUlns(),
                                            m.onTimeUlns(),
                                            m.unmet()))
                            .withLowerBound(
                                    new LowerBound(
                                            plan.lowerBound().closureDay(),
                                            (double) c[1],
                                            "test bound"));
            assertThat(card(HtmlReport.render(scenario, p), "late-ston-days"))
                    .as("plan %s, bound %s", c[0], c[1])
                    .contains((String) c[2]);
        }
    }

    @Test
    void linesCardNeverRoundsToAllOrNoneOnTime() {
        var m = plan.measures();
        // 1 late line of 211 is 99.5 % on time, 1 on time of 300 is 0.3 %: neither is all or none.
        List<String> shown = new ArrayList<>();
        for (int[] lateOnTime : new int[][] {{1, 210}, {299, 1}, {2, 209}, {0, 211}, {211, 0}}) {
            Plan p =
                    withMeasures(
                            plan,
                            new Measures(
                                    m.closureDay(),
                                    m.lateStonDays(),
                                    lateOnTime[0],
                                    lateOnTime[1],
                                    m.unmet()));
            String c = card(HtmlReport.render(scenario, p), "lines");
            shown.add(c.replaceAll(".*<div class=\"sub\">", ""));
            if (lateOnTime[0] > 0) {
                assertThat(c).as("%d late", lateOnTime[0]).doesNotContain("100%");
            }
            if (lateOnTime[1] > 0) {
                assertThat(c).as("%d on time", lateOnTime[1]).doesNotContain(">0%");
            }
        }
        assertThat(shown)
                .containsExactly(
                        "over 99% of 211 lines on time",
                        "under 1% of 300 lines on time",
                        "99% of 211 lines on time",
                        "100% of 211 lines on time",
                        "0% of 211 lines on time");
    }

    private static Plan withoutUnmet(Plan p) {
        var m = p.measures();
        return withMeasures(
                p,
                new Measures(
                        m.closureDay(), m.lateStonDays(), m.lateUlns(), m.onTimeUlns(), List.of()));
    }

    /** The plan with other measures, all else as it is. */
    private static Plan withMeasures(Plan p, Measures m) {
        return new Plan(
                p.scenario(),
                p.planner(),
                m,
                p.lowerBound(),
                p.missions(),
                p.lines(),
                p.bindingConstraints());
    }

    @Test
    void oneRowPerLateLineWithItsReason() {
        List<String> rows = new ArrayList<>();
        Matcher m = Pattern.compile("<tr data-uln=\"([^\"]+)\">(.*?)</tr>").matcher(html);
        while (m.find()) {
            rows.add(m.group(1));
            LineResult r =
                    plan.lines().stream()
                            .filter(l -> l.uln().equals(rows.get(rows.size() - 1)))
                            .findFirst()
                            .orElseThrow();
            assertThat(r.reason()).isNotBlank();
            assertThat(m.group(2)).contains(Html.esc(r.reason()));
        }
        List<String> expected = new ArrayList<>();
        for (LineResult r : plan.lines()) {
            boolean unmet = plan.measures().unmet().stream().anyMatch(u -> u.uln().equals(r.uln()));
            if (r.lateDays() > 0 || unmet) {
                expected.add(r.uln());
            }
        }
        assertThat(rows).containsExactlyInAnyOrderElementsOf(expected).hasSize(2);
    }

    @Test
    void lateLinesAreRankedByTheirLateStonDays() {
        // U1's 50 people at 0.2 stons reach the destination after the horizon: late from day 10
        // to day 30, 200; A2's two loads of 25 people and 30 stons, 35 ston-equivalents, are one
        // and two days late, 105. U1 is also more days late
        Map<String, Double> cost = PlanChecker.lateStonDaysByLine(scenario, plan);
        assertThat(cost.get("U1")).isEqualTo(200.0);
        assertThat(cost.get("A2")).isEqualTo(105.0);
        assertThat(lateRows(html)).containsExactly("U1", "A2");
        assertThat(html)
                .containsPattern(
                        "<tr data-uln=\"U1\">.*?<td class=\"n\">21</td><td class=\"n\">200</td>")
                .contains("<th class=\"n\">Days late</th><th class=\"n\">Late ston-days</th>");
        // with people at 0.05 stons, U1 costs 50 x 0.05 x 20 = 50 and A2 (1.25 + 30) x 3 = 93.75:
        // A2 comes first though U1 is more days late
        Scenario light = withPaxWeight(scenario.requirements(), 0.05);
        assertThat(PlanChecker.lateStonDaysByLine(light, plan))
                .containsEntry("U1", 50.0)
                .containsEntry("A2", 93.75);
        String page = HtmlReport.render(light, plan);
        assertThat(lateRows(page)).containsExactly("A2", "U1");
        assertThat(page).containsPattern("<tr data-uln=\"A2\">.*?<td class=\"n\">93.8</td>");
    }

    private Scenario withPaxWeight(List<RequirementLine> lines, double paxWeightStons) {
        return new Scenario(
                scenario.name(),
                scenario.nodes(),
                scenario.lift(),
                scenario.routes(),
                lines,
                new Planning(
                        scenario.planning().horizonDays(),
                        paxWeightStons,
                        scenario.planning().seed(),
                        scenario.planning().searchIterations(),
                        scenario.planning().cDate()));
    }

    @Test
    void lateLinesOfEqualLateStonDaysAreRankedByDaysLateThenUln() {
        // people weigh nothing here, so U1 (people only, 21 days late) costs 0 late ston-days, as
        // do U2 and U0, copies of it that nothing moved (unmet, 0 days late): U1 comes first of
        // the three by its days late, then U0 and U2 by their ULNs; A2, with cargo, before all
        RequirementLine u1 =
                scenario.requirements().stream()
                        .filter(l -> l.uln().equals("U1"))
                        .findFirst()
                        .orElseThrow();
        List<RequirementLine> lines = new ArrayList<>(scenario.requirements());
        List<LineResult> results = new ArrayList<>(plan.lines());
        List<Unmet> unmet = new ArrayList<>(plan.measures().unmet());
        for (String uln : List.of("U2", "U0")) {
            lines.add(
                    new RequirementLine(
                            uln,
                            u1.unit(),
                            u1.nation(),
                            u1.pax(),
                            u1.cargo(),
                            u1.origin(),
                            u1.poe(),
                            u1.pod(),
                            u1.destination(),
                            u1.rld(),
                            u1.ald(),
                            u1.ead(),
                            u1.lad(),
                            u1.rdd(),
                            u1.priority(),
                            u1.mode()));
            results.add(new LineResult(uln, null, null, -1, 0, "FLEET: nothing moved"));
            unmet.add(new Unmet(uln, CargoClass.PAX, u1.pax()));
        }
        Scenario light = withPaxWeight(lines, 0.0);
        Measures m = plan.measures();
        Plan p =
                withMeasures(
                                plan,
                                new Measures(
                                        m.closureDay(),
                                        m.lateStonDays(),
                                        m.lateUlns() + 2,
                                        m.onTimeUlns(),
                                        unmet))
                        .withLines(results, plan.bindingConstraints());
        Map<String, Double> cost = PlanChecker.lateStonDaysByLine(light, p);
        assertThat(List.of(cost.get("U1"), cost.get("U0"), cost.get("U2"))).containsOnly(0.0);
        assertThat(lateRows(HtmlReport.render(light, p))).containsExactly("A2", "U1", "U0", "U2");
    }

    private static List<String> lateRows(String page) {
        List<String> rows = new ArrayList<>();
        Matcher m = Pattern.compile("<tr data-uln=\"([^\"]+)\">").matcher(page);
        while (m.find()) {
            rows.add(m.group(1));
        }
        return rows;
    }

    @Test
    void lateLineWithoutReasonIsFlagged() {
        List<LineResult> lines = new ArrayList<>();
        for (LineResult r : plan.lines()) {
            lines.add(
                    r.uln().equals("A2")
                            ? new LineResult(
                                    r.uln(),
                                    r.podArrival(),
                                    r.closure(),
                                    r.closureDay(),
                                    r.lateDays(),
                                    null)
                            : r);
        }
        Plan p = plan.withLines(lines, plan.bindingConstraints());
        assertThat(HtmlReport.render(scenario, p))
                .containsPattern("<tr data-uln=\"A2\">.*?no reason given.*?</tr>");
    }

    @Test
    void bindingConstraintsAreRankedByLateStonDays() {
        int fleet = html.indexOf("<span class=\"kind\">FLEET</span>");
        int mog = html.indexOf("<span class=\"kind\">MOG</span>");
        assertThat(fleet).isPositive();
        assertThat(mog).isGreaterThan(fleet);
        assertThat(html).contains("EPRZ — Rzeszow-Jasionka");
    }

    @Test
    void mapDrawsEachFlowOnAClippedBasemap() {
        assertThat(html)
                .containsPattern(
                        "<path class=\"flow air\" data-from=\"KPOB\" data-to=\"EPRZ\""
                                + "[^>]*><title>KPOB → ETAR → EPRZ \\(AIR\\): 300 pax, 100 stons on 6"
                                + " missions</title>")
                .containsPattern(
                        "<path class=\"flow sea\" data-from=\"USBPT\" data-to=\"DEBRV\"[^>]*>"
                                + "<title>USBPT → DEBRV \\(SEA\\): 0 pax, 500 stons on 1 mission<");
        assertThat(Pattern.compile("class=\"flow (air|sea)\" data-from").matcher(html).results())
                .hasSize(2);
        Matcher land = Pattern.compile("<path class=\"land\" d=\"([^\"]*)\"").matcher(html);
        assertThat(land.find()).isTrue();
        assertThat(land.group(1).length()).as("basemap path").isGreaterThan(5000);
        assertThat(html).contains("<title>EPRZ — Rzeszow-Jasionka (AIRFIELD)</title>");
    }

    @Test
    void closureCurveIsMonotoneAndEndsAtWhatWasDelivered() {
        PlanFigures.ClosureCurve c = new PlanFigures(scenario, plan).closureCurve();
        assertThat(c.days()).isEqualTo(30);
        for (double[] a :
                List.of(c.deliveredPax(), c.deliveredStons(), c.requiredPax(), c.requiredStons())) {
            for (int d = 1; d < a.length; d++) {
                assertThat(a[d]).as("day %d", d).isGreaterThanOrEqualTo(a[d - 1]);
            }
        }
        double unmetPax =
                plan.measures().unmet().stream()
                        .filter(u -> u.cargoClass() == CargoClass.PAX)
                        .mapToDouble(Unmet::amount)
                        .sum();
        // A1 200 + A2 50 + L1 300 + U1 50 people; U1's are unmet.
        assertThat(c.requiredPax()[29]).isEqualTo(600);
        assertThat(c.deliveredPax()[29]).isEqualTo(600 - unmetPax).isEqualTo(550);
        assertThat(c.requiredStons()[29]).isEqualTo(40 + 60 + 500 + 100);
        assertThat(c.deliveredStons()[29]).isEqualTo(700);
        // By RDD 1, A2 (50 pax) was required; by the end of day 1 L1 (300) had closed and M1's
        // 100 people of A1 had reached the assembly area.
        assertThat(c.requiredPax()[1]).isEqualTo(50);
        assertThat(c.deliveredPax()[1]).isEqualTo(400);
        assertThat(html).contains("class=\"chart closure\"").contains("required by RDD");
    }

    @Test
    void pageIsSelfContained() {
        assertThat(html).doesNotContain("src=").doesNotContain("url(").doesNotContain("@import");
        assertThat(html).doesNotContainPattern("href=\"(https?:)?//");
        assertThat(html).startsWith("<!DOCTYPE html>").endsWith("</html>\n");
    }

    @Test
    void pageAllowsItsOwnScriptAloneByItsHash() throws Exception {
        Matcher meta =
                Pattern.compile(
                                "<head><meta charset=\"utf-8\"><meta"
                                        + " http-equiv=\"Content-Security-Policy\""
                                        + " content=\"([^\"]*)\">")
                        .matcher(html);
        assertThat(meta.find()).as("the policy first in the head").isTrue();
        assertThat(meta.group(1)).isEqualTo(HtmlReport.CONTENT_SECURITY_POLICY);
        Matcher script = Pattern.compile("<script>(.*?)</script>", Pattern.DOTALL).matcher(html);
        assertThat(script.find()).isTrue();
        String hash =
                java.util.Base64.getEncoder()
                        .encodeToString(
                                java.security.MessageDigest.getInstance("SHA-256")
                                        .digest(script.group(1).getBytes(StandardCharsets.UTF_8)));
        assertThat(script.find()).as("one script").isFalse();
        assertThat(HtmlReport.CONTENT_SECURITY_POLICY)
                .startsWith("default-src 'none'; ")
                .contains("script-src 'sha256-" + hash + "';")
                .doesNotContain("'unsafe-eval'")
                .contains("base-uri 'none'");
        assertThat(HtmlReport.CONTENT_SECURITY_POLICY.split("script-src ")[1].split(";")[0])
                .isEqualTo("'sha256-" + hash + "'");
    }

    @Test
    void textFromTheScenarioIsEscaped() {
        assertThat(html).contains("2/504 PIR &lt;vehicles &amp; crews&gt;");
        assertThat(html).doesNotContain("<vehicles");
    }

    @Test
    void nodeIdsFromTheScenarioCannotOpenMarkupInTheAirfieldTable() throws Exception {
        // A node id is free text in the scenario; the day cells of the airfield table name it
        // in their title attribute.
        String id = "EP\"><img src=x onerror=alert(1)>";
        String quoted = new ObjectMapper().writeValueAsString(id);
        ScenarioReader.Result read =
                ScenarioReader.read(
                        ScenarioWriter.json(scenario)
                                .replace("\"EPRZ\"", quoted)
                                .getBytes(StandardCharsets.UTF_8),
                        "evil.json");
        assertThat(read.accepted()).as("%s", read.faults()).isTrue();
        Plan renamed = PlanJson.read(PlanJson.write(plan).replace("\"EPRZ\"", quoted));
        String page = HtmlReport.render(read.scenario(), renamed);
        assertThat(page)
                .contains("EP&quot;&gt;&lt;img src=x onerror=alert(1)&gt; C+0: peak 1 of 1");
        assertThat(page).doesNotContain("<img");
    }

    @Test
    void oneOfAThingIsNotSaidInThePlural() {
        // The fixture's LMSR sails one voyage with one load, and one line (U1) is left unmet.
        assertThat(html).contains("LMSR <span class=\"count\">1 mission</span>");
        assertThat(html).containsPattern("<title>M\\d+: [^<]*, 1 load</title>");
        assertThat(card(html, "unmet")).contains(">1 line · ");
        assertThat(html)
                .doesNotContainPattern("[^\\d,]1 (missions|loads|lines|requirement lines|days)\\b");
    }

    @Test
    void timelineDrawsEveryMissionOfASmallFleet() {
        Matcher m =
                Pattern.compile(
                                "<svg class=\"chart timeline\" data-lift=\"C-17\" data-mode=\"missions\"(.*?)</svg>")
                        .matcher(html);
        assertThat(m.find()).isTrue();
        long bars =
                Pattern.compile("<rect class=\"m (loaded|empty)\"")
                        .matcher(m.group(1))
                        .results()
                        .count();
        // M7 flies after the horizon: the timeline ends with the horizon.
        assertThat(bars)
                .isEqualTo(
                        plan.missions().stream()
                                .filter(x -> x.lift().equals("C-17") && x.begin() < 24 * 30)
                                .count())
                .isEqualTo(6);
        assertThat(html).contains("1 mission after the horizon is not shown");
        assertThat(m.group(1)).contains("class=\"m empty\"");
    }

    @Test
    void airfieldTableShowsPeakAgainstMog() {
        // EPRZ has MOG 1; the fixture never puts two aircraft there at once.
        assertThat(html)
                .containsPattern(
                        "<tr><th title=\"Rzeszow-Jasionka\">EPRZ</th><td class=\"n\">1</td>");
        assertThat(html).contains("EPRZ C+0: peak 1 of 1");
        assertThat(html).doesNotContain("class=\"over\"");
    }

    @Test
    void largePlanStaysReadableAndSmall() {
        // About the L scale: 100,000 missions by 400 tails.
        Scenario s = SmallPlan.scenario();
        var c17 = s.lift().get(0);
        var big =
                new muster.model.LiftType(
                        c17.id(),
                        c17.mode(),
                        400,
                        0,
                        c17.baseNode(),
                        c17.carries(),
                        c17.paxCapacity(),
                        c17.stonsCapacity(),
                        c17.sqftCapacity(),
                        c17.speedKnots(),
                        c17.rangeNm(),
                        c17.groundHours());
        Scenario bs =
                new Scenario(
                        s.name(),
                        s.nodes(),
                        List.of(big, s.lift().get(1)),
                        s.routes(),
                        s.requirements(),
                        s.planning());
        Network net = new Network(bs);
        List<Mission> ms = new ArrayList<>();
        for (int i = 0; i < 100_000; i++) {
            int tail = i % 400;
            double t = (i / 400) * 2.5;
            ms.add(
                    new SmallPlan.Builder(net, big, "M" + i, tail)
                            .start("KCHS", t)
                            .stop("KPOB", Activity.ONLOAD, 0)
                            .stop("ETAR", Activity.ENROUTE, 0)
                            .stop("EPRZ", Activity.OFFLOAD, 0)
                            .load("A1", 0, List.of(new LoadCargo(CargoClass.BULK, 0.0004)), 1, 3)
                            .build());
        }
        Plan p =
                new Plan(
                        plan.scenario(),
                        plan.planner(),
                        plan.measures(),
                        plan.lowerBound(),
                        ms,
                        plan.lines(),
                        plan.bindingConstraints());
        String page = HtmlReport.render(bs, p);
        assertThat(page.length()).as("page size").isLessThan(3_000_000);
        assertThat(page).contains("data-lift=\"C-17\" data-mode=\"bands\"");
        assertThat(page).contains("100,000");
    }

    @Test
    void aNoticeAboveTheMeasuresStandsOutInTheColourOfTroubleAndIsReadFirst() {
        // a plan that broke a rule is written all the same: its notice must not read as a remark
        String page = HtmlReport.render(scenario, plan, "This plan breaks 2 movement rules.");
        assertThat(page)
                .contains(
                        "<p class=\"note partial\" role=\"alert\"><b>This plan breaks 2 movement"
                                + " rules.</b></p>");
        assertThat(page).containsPattern("\\.note\\.partial\\{color:var\\(--bad\\);");
        assertThat(page.indexOf("role=\"alert\"")).isLessThan(page.indexOf("class=\"cards\""));
    }
}
