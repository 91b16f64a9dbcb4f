package muster.io.csv;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import muster.io.fixture.SmallPlan;
import muster.model.Mission;
import muster.model.Plan;
import muster.model.Scenario;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlanCsvTest {
    private final Scenario scenario = SmallPlan.scenario();
    private final Plan plan = SmallPlan.plan(scenario);

    /** Reads CSV back with an independent parser, header row as keys. */
    private static List<Map<String, String>> parse(String csv) throws Exception {
        try (MappingIterator<Map<String, String>> it =
                new CsvMapper()
                        .readerForMapOf(String.class)
                        .with(CsvSchema.emptySchema().withHeader())
                        .readValues(csv)) {
            return it.readAll();
        }
    }

    @Test
    void missionsCsvHasOneRowPerMissionWithItsLoads() throws Exception {
        StringWriter w = new StringWriter();
        MissionsCsv.write(plan, w);
        assertThat(w.toString()).startsWith(String.join(",", MissionsCsv.HEADER) + "\n");
        List<Map<String, String>> rows = parse(w.toString());
        assertThat(rows).hasSize(plan.missions().size());
        for (int i = 0; i < rows.size(); i++) {
            Mission m = plan.missions().get(i);
            Map<String, String> r = rows.get(i);
            assertThat(r.get("id")).isEqualTo(m.id());
            assertThat(r.get("lift")).isEqualTo(m.lift());
            assertThat(Integer.parseInt(r.get("tail"))).isEqualTo(m.tail());
            assertThat(r.get("startNode")).isEqualTo(m.stops().get(0).node());
            assertThat(Integer.parseInt(r.get("loads"))).isEqualTo(m.loads().size());
            double stons = m.loads().stream().mapToDouble(l -> l.stons()).sum();
            assertThat(Double.parseDouble(r.get("stons"))).isCloseTo(stons, within(1e-4));
            assertThat(Double.parseDouble(r.get("arrival")))
                    .isGreaterThanOrEqualTo(Double.parseDouble(r.get("departure")));
        }
        Map<String, String> m4 =
                rows.stream().filter(r -> r.get("id").equals("M4")).findFirst().orElseThrow();
        assertThat(m4.get("poe")).isEqualTo("KPOB");
        assertThat(m4.get("pod")).isEqualTo("EPRZ");
        assertThat(m4.get("pax")).isEqualTo("25");
        assertThat(m4.get("stons")).isEqualTo("30");
        assertThat(m4.get("ulns")).isEqualTo("A2");
        Mission pm4 =
                plan.missions().stream().filter(m -> m.id().equals("M4")).findFirst().orElseThrow();
        assertThat(Double.parseDouble(m4.get("departure")))
                .isCloseTo(pm4.stops().get(1).depart(), within(1e-4));
        assertThat(Double.parseDouble(m4.get("arrival")))
                .isCloseTo(pm4.stops().get(3).arrive(), within(1e-4));
        // A positioning flight has no POE, POD or ULNs.
        Map<String, String> m6 =
                rows.stream().filter(r -> r.get("id").equals("M6")).findFirst().orElseThrow();
        assertThat(m6.get("poe")).isEmpty();
        assertThat(m6.get("ulns")).isEmpty();
        assertThat(m6.get("loads")).isEqualTo("0");
    }

    private static org.assertj.core.data.Offset<Double> within(double d) {
        return org.assertj.core.data.Offset.offset(d);
    }

    @Test
    void linesCsvHasEveryLineWithClosureLatenessUnmetAndReason() throws Exception {
        StringWriter w = new StringWriter();
        LinesCsv.write(scenario, plan, w);
        List<Map<String, String>> rows = parse(w.toString());
        assertThat(rows)
                .extracting(r -> r.get("uln"))
                .containsExactly("A1", "A2", "S1", "L1", "U1");
        Map<String, String> a2 = rows.get(1);
        assertThat(a2.get("unit")).isEqualTo("2/504 PIR <vehicles & crews>");
        assertThat(a2.get("mode")).isEqualTo("AIR");
        assertThat(a2.get("poe")).isEqualTo("KPOB");
        assertThat(a2.get("rdd")).isEqualTo("1");
        assertThat(Integer.parseInt(a2.get("lateDays"))).isPositive();
        assertThat(a2.get("reason")).startsWith("MOG: EPRZ");
        Map<String, String> l1 = rows.get(3);
        assertThat(l1.get("mode")).isEqualTo("LAND");
        assertThat(l1.get("poe")).isEmpty();
        assertThat(l1.get("podArrival")).isEmpty();
        assertThat(l1.get("closure")).isEqualTo("44");
        assertThat(l1.get("closureDay")).isEqualTo("1");
        Map<String, String> u1 = rows.get(4);
        assertThat(u1.get("unmetPax")).isEqualTo("50");
        assertThat(u1.get("unmetStons")).isEqualTo("0");
        // U1 reaches its destination on day 31, after the 30-day horizon: 31 - 10 days late.
        assertThat(u1.get("closureDay")).isEqualTo("31");
        assertThat(u1.get("lateDays")).isEqualTo("21");
        assertThat(u1.get("reason")).contains("FLEET");
        assertThat(rows.get(0).get("reason")).isEmpty();
        assertThat(rows.get(0).get("unmetPax")).isEqualTo("0");
    }

    @Test
    void lateStonDaysComeLastAndAddUpToThePlansFigure() throws Exception {
        StringWriter w = new StringWriter();
        LinesCsv.write(scenario, plan, w);
        // appended after the columns of earlier versions, which keep their places
        assertThat(w.toString().lines().findFirst().orElseThrow())
                .isEqualTo(
                        "uln,unit,nation,mode,poe,pod,destination,rdd,podArrival,closure,"
                                + "closureDay,lateDays,unmetPax,unmetStons,reason,lateStonDays");
        List<Map<String, String>> rows = parse(w.toString());
        Map<String, Double> late = new java.util.LinkedHashMap<>();
        for (Map<String, String> r : rows) {
            late.put(r.get("uln"), Double.parseDouble(r.get("lateStonDays")));
        }
        // U1's 50 people (0.2 stons each) reach the destination on day 31, after the 30-day
        // horizon: late from its RDD, day 10, to the horizon, 20 days
        assertThat(late.get("U1")).isCloseTo(50 * 0.2 * 20, within(1e-9));
        assertThat(late.get("A2")).isPositive();
        assertThat(late.get("A1")).isZero();
        assertThat(late.get("S1")).isZero();
        assertThat(late.get("L1")).isZero();
        assertThat(late.values().stream().mapToDouble(Double::doubleValue).sum())
                .isCloseTo(plan.measures().lateStonDays(), within(1e-4));
    }

    @Test
    void lineMissingFromThePlanIsWrittenWithEmptyResults() throws Exception {
        Plan partial =
                new Plan(
                        plan.scenario(),
                        plan.planner(),
                        plan.measures(),
                        plan.lowerBound(),
                        plan.missions(),
                        plan.lines().subList(0, 2),
                        plan.bindingConstraints());
        StringWriter w = new StringWriter();
        LinesCsv.write(scenario, partial, w);
        List<Map<String, String>> rows = parse(w.toString());
        assertThat(rows).hasSize(5);
        assertThat(rows.get(2).get("uln")).isEqualTo("S1");
        assertThat(rows.get(2).get("closure")).isEmpty();
        assertThat(rows.get(2).get("lateDays")).isEmpty();
    }

    @Test
    void fieldsAreQuotedAndFormulasDefused() {
        assertThat(Csv.field("a,b")).isEqualTo("\"a,b\"");
        assertThat(Csv.field("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(Csv.field("two\nlines")).isEqualTo("\"two\nlines\"");
        assertThat(Csv.field("=cmd()")).isEqualTo("\"'=cmd()\"");
        for (String lead :
                new String[] {
                    "+", "-", "@", "\t", "\r", "\t=", "\r=", " =", "   +", " \t-", "\u00a0@",
                    " \r\n="
                }) {
            assertThat(Csv.field(lead + "SUM(A1:A9)"))
                    .as("%s", lead.replace("\t", "TAB").replace("\r", "CR").replace(" ", "SP"))
                    .isEqualTo("\"'" + lead + "SUM(A1:A9)\"");
        }
        // blanks before text that no spreadsheet runs stay as they are, unquoted
        assertThat(Csv.field("  AA-RZE")).isEqualTo("  AA-RZE");
        assertThat(Csv.field("   ")).isEqualTo("   ");
        assertThat(Csv.field(-2)).isEqualTo("-2");
        assertThat(Csv.field(-3.5)).isEqualTo("-3.5");
        assertThat(Csv.field(12.50000)).isEqualTo("12.5");
        assertThat(Csv.field(1e-7)).isEqualTo("0");
        assertThat(Csv.field(null)).isEmpty();
    }

    @Test
    void writesFiles(@TempDir Path dir) throws Exception {
        MissionsCsv.write(plan, dir.resolve("missions.csv"));
        LinesCsv.write(scenario, plan, dir.resolve("lines.csv"));
        assertThat(Files.readAllLines(dir.resolve("missions.csv")))
                .hasSize(plan.missions().size() + 1);
        assertThat(Files.readAllLines(dir.resolve("lines.csv")))
                .hasSize(scenario.requirements().size() + 1);
    }
}
