package muster.io.csv;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Set;
import muster.model.Activity;
import muster.model.Load;
import muster.model.Mission;
import muster.model.Plan;
import muster.model.Stop;

/**
 * {@code missions.csv}: one row per mission of a plan, in the plan's order. Times are hours from
 * C-day 00:00. For a loaded mission, {@code poe} and {@code departure} are the first ONLOAD stop
 * with a load going on and its departure, {@code pod} and {@code arrival} the last OFFLOAD stop
 * with a load coming off and its arrival; a positioning mission (no loads) has no POE or POD, so
 * both are left empty, and its departure and arrival are those of its first and last stops.
 */
public final class MissionsCsv {
    public static final String[] HEADER = {
        "id",
        "lift",
        "tail",
        "startNode",
        "poe",
        "pod",
        "departure",
        "arrival",
        "pax",
        "stons",
        "loads",
        "ulns"
    };

    private MissionsCsv() {}

    public static void write(Plan plan, Path file) throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            write(plan, w);
        }
    }

    public static void write(Plan plan, Writer out) throws IOException {
        Csv csv = new Csv(out);
        csv.row((Object[]) HEADER);
        for (Mission m : plan.missions()) {
            int first = Integer.MAX_VALUE;
            int last = -1;
            long pax = 0;
            double stons = 0;
            Set<String> ulns = new LinkedHashSet<>();
            for (Load l : m.loads()) {
                first = Math.min(first, l.on());
                last = Math.max(last, l.off());
                pax += l.pax();
                stons += l.stons();
                ulns.add(l.uln());
            }
            Stop dep;
            Stop arr;
            if (m.loads().isEmpty() || last >= m.stops().size() || first < 0) {
                dep = m.stops().get(0);
                arr = m.stops().get(m.stops().size() - 1);
            } else {
                dep = m.stops().get(first);
                arr = m.stops().get(last);
            }
            Stop start = m.stops().get(0);
            csv.row(
                    m.id(),
                    m.lift(),
                    m.tail(),
                    start.node(),
                    m.loads().isEmpty() ? null : dep.node(),
                    m.loads().isEmpty() ? null : arr.node(),
                    dep.activity() == Activity.START ? start.depart() : dep.depart(),
                    arr.arrive(),
                    pax,
                    stons,
                    m.loads().size(),
                    String.join(";", ulns));
        }
        out.flush();
    }
}
