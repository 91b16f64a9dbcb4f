package muster.io.csv;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import muster.engine.check.PlanChecker;
import muster.model.CargoClass;
import muster.model.LineResult;
import muster.model.Plan;
import muster.model.RequirementLine;
import muster.model.Scenario;
import muster.model.Unmet;

/**
 * {@code lines.csv}: one row per requirement line, in scenario order: the line's TPFDD fields and
 * how it fares in the plan (hours from C-day 00:00, days from C-day). {@code unmetPax} is people
 * and {@code unmetStons} short tons not at the destination by the end of the horizon. {@code
 * lateStonDays} is the line's share of the plan's late ston-days (short tons, people at {@code
 * paxWeightStons}, times days late), recomputed from the plan's missions as {@code muster check}
 * recomputes the plan's figure, so the column adds up to it; it comes last, after the columns of
 * earlier versions, so that a script reading columns by position still finds them. A line the plan
 * does not mention is written with its result fields empty, never left out.
 */
public final class LinesCsv {
    public static final String[] HEADER = {
        "uln",
        "unit",
        "nation",
        "mode",
        "poe",
        "pod",
        "destination",
        "rdd",
        "podArrival",
        "closure",
        "closureDay",
        "lateDays",
        "unmetPax",
        "unmetStons",
        "reason",
        "lateStonDays"
    };

    private LinesCsv() {}

    public static void write(Scenario scenario, Plan plan, Path file) throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            write(scenario, plan, w);
        }
    }

    public static void write(Scenario scenario, Plan plan, Writer out) throws IOException {
        Map<String, LineResult> results = new LinkedHashMap<>();
        for (LineResult r : plan.lines()) {
            results.put(r.uln(), r);
        }
        Map<String, double[]> unmet = new LinkedHashMap<>();
        for (Unmet u : plan.measures().unmet()) {
            double[] a = unmet.computeIfAbsent(u.uln(), k -> new double[2]);
            a[u.cargoClass() == CargoClass.PAX ? 0 : 1] += u.amount();
        }
        Map<String, Double> late = PlanChecker.lateStonDaysByLine(scenario, plan);
        Csv csv = new Csv(out);
        csv.row((Object[]) HEADER);
        for (RequirementLine l : scenario.requirements()) {
            LineResult r = results.get(l.uln());
            double[] u = unmet.getOrDefault(l.uln(), new double[2]);
            csv.row(
                    l.uln(),
                    l.unit(),
                    l.nation(),
                    l.mode(),
                    l.poe(),
                    l.pod(),
                    l.destination(),
                    l.rdd(),
                    r == null ? null : r.podArrival(),
                    r == null ? null : r.closure(),
                    r == null ? null : r.closureDay(),
                    r == null ? null : r.lateDays(),
                    u[0],
                    u[1],
                    r == null ? null : r.reason(),
                    late.get(l.uln()));
        }
        out.flush();
    }
}
