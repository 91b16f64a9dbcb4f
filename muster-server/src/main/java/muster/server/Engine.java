package muster.server;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import muster.engine.plan.Planner;
import muster.engine.plan.Planners;
import muster.io.ScenarioReader;
import muster.model.Fault;
import muster.model.Scenario;

/**
 * The server's one door to the reader and the planners the CLI uses. The server holds no reading,
 * validation or planning logic of its own.
 */
class Engine {
    record Read(Scenario scenario, List<Fault> faults) {}

    /**
     * Reads and validates a scenario file's text exactly as the CLI reads the file. A scenario
     * whose texts hold a NUL character (U+0000, a backslash escape in the file) is refused with a
     * fault for each, as every request's texts are: the database cannot store one (a ULN or a
     * scenario name with one was answered with an internal error).
     */
    Read read(String fileName, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        ScenarioReader.Result r = ScenarioReader.read(bytes, fileName);
        if (r.scenario() == null) {
            return new Read(null, r.faults());
        }
        List<Fault> nul = new ArrayList<>();
        withNul(Json.MAPPER.valueToTree(r.scenario()), "", nul);
        if (nul.isEmpty()) {
            return new Read(r.scenario(), r.faults());
        }
        List<Fault> faults = new ArrayList<>(r.faults());
        faults.addAll(ScenarioReader.located(bytes, fileName, nul));
        return new Read(null, faults);
    }

    /** A fault for each text in {@code n}, at {@code path}, that holds a NUL character. */
    private static void withNul(JsonNode n, String path, List<Fault> out) {
        if (n.isTextual() && n.textValue().indexOf('\u0000') >= 0) {
            int dot = path.lastIndexOf('.');
            String field = path.substring(dot + 1);
            String place = dot < 0 ? "scenario" : path.substring(0, dot);
            String shown = n.textValue().replace("\u0000", "\\u0000");
            out.add(
                    Fault.error(
                            path,
                            place,
                            field,
                            shown.length() > 60 ? shown.substring(0, 60) + "..." : shown,
                            "holds a NUL character (U+0000), which no text of a stored scenario"
                                    + " takes",
                            "remove the \\0 or \\u0000 from the text"));
        } else if (n.isObject()) {
            var it = n.fields();
            while (it.hasNext()) {
                var e = it.next();
                withNul(e.getValue(), path.isEmpty() ? e.getKey() : path + "." + e.getKey(), out);
            }
        } else if (n.isArray()) {
            for (int i = 0; i < n.size(); i++) {
                withNul(n.get(i), path + "[" + i + "]", out);
            }
        }
    }

    /** A new planner of that name ({@code lns}, {@code fifo}, {@code exact}). */
    Planner planner(String name) {
        return Planners.byName(name);
    }

    List<String> planners() {
        return Planners.names();
    }
}
