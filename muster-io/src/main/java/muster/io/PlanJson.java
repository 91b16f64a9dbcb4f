package muster.io;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import muster.model.Activity;
import muster.model.CargoClass;
import muster.model.Constraint;
import muster.model.LineResult;
import muster.model.Load;
import muster.model.LoadCargo;
import muster.model.LowerBound;
import muster.model.Measures;
import muster.model.Mission;
import muster.model.Plan;
import muster.model.PlannerInfo;
import muster.model.Stop;
import muster.model.Unmet;
import muster.model.validate.Closest;

/**
 * A plan as JSON, {@code format: muster/plan@1}, in the shape of the movement model's example, with
 * two additions: {@code lines[].reason} (why a line is late) and {@code bindingConstraints}.
 */
public final class PlanJson {
    private static final ObjectMapper MAPPER =
            new ObjectMapper(Formats.json())
                    // a key given twice is refused with its line, not read as its last value
                    .enable(
                            com.fasterxml.jackson.core.JsonParser.Feature
                                    .STRICT_DUPLICATE_DETECTION);

    /** A plan file that cannot be read, with the place and the reason. */
    public static final class PlanFormatException extends IOException {
        private static final long serialVersionUID = 1L;

        /** The fault by place, field and value, or null where there is none to name. */
        private final transient muster.model.Fault fault;

        public PlanFormatException(String message) {
            this(message, null);
        }

        PlanFormatException(String message, muster.model.Fault fault) {
            super(message);
            this.fault = fault;
        }

        public muster.model.Fault fault() {
            return fault;
        }
    }

    private PlanJson() {}

    public static String write(Plan plan) {
        StringWriter w = new StringWriter();
        try {
            write(plan, w);
        } catch (IOException e) {
            throw new IllegalStateException("writing to memory failed", e);
        }
        return w.toString();
    }

    public static void write(Plan plan, Path file) throws IOException {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            write(plan, w);
        }
    }

    public static void write(Plan plan, Writer out) throws IOException {
        try (JsonGenerator g = Formats.json().createGenerator(out)) {
            DefaultPrettyPrinter pp = new DefaultPrettyPrinter();
            pp.indentArraysWith(DefaultIndenter.SYSTEM_LINEFEED_INSTANCE);
            g.setPrettyPrinter(pp);
            g.writeStartObject();
            g.writeStringField("format", Plan.FORMAT);
            g.writeStringField("scenario", plan.scenario());
            PlannerInfo pi = plan.planner();
            if (pi != null) {
                g.writeObjectFieldStart("planner");
                g.writeStringField("name", pi.name());
                g.writeStringField("version", pi.version());
                g.writeNumberField("seconds", pi.seconds());
                g.writeNumberField("seed", pi.seed());
                g.writeEndObject();
            }
            Measures m = plan.measures();
            if (m != null) {
                g.writeObjectFieldStart("measures");
                g.writeNumberField("closureDay", m.closureDay());
                g.writeNumberField("lateStonDays", m.lateStonDays());
                g.writeNumberField("lateUlns", m.lateUlns());
                g.writeNumberField("onTimeUlns", m.onTimeUlns());
                g.writeArrayFieldStart("unmet");
                for (Unmet u : m.unmet()) {
                    g.writeStartObject();
                    g.writeStringField("uln", u.uln());
                    g.writeStringField("class", u.cargoClass().name());
                    g.writeNumberField("amount", u.amount());
                    g.writeEndObject();
                }
                g.writeEndArray();
                g.writeEndObject();
            }
            LowerBound b = plan.lowerBound();
            if (b != null) {
                g.writeObjectFieldStart("lowerBound");
                g.writeNumberField("closureDay", b.closureDay());
                g.writeNumberField("lateStonDays", b.lateStonDays());
                g.writeStringField("method", b.method());
                g.writeEndObject();
            }
            g.writeArrayFieldStart("missions");
            for (Mission mi : plan.missions()) {
                g.writeStartObject();
                g.writeStringField("id", mi.id());
                g.writeStringField("lift", mi.lift());
                g.writeNumberField("tail", mi.tail());
                g.writeArrayFieldStart("stops");
                for (Stop s : mi.stops()) {
                    g.writeStartObject();
                    g.writeStringField("node", s.node());
                    g.writeStringField("activity", s.activity().name());
                    g.writeNumberField("arrive", s.arrive());
                    g.writeNumberField("depart", s.depart());
                    g.writeEndObject();
                }
                g.writeEndArray();
                g.writeArrayFieldStart("loads");
                for (Load l : mi.loads()) {
                    g.writeStartObject();
                    g.writeStringField("uln", l.uln());
                    g.writeNumberField("pax", l.pax());
                    g.writeArrayFieldStart("cargo");
                    for (LoadCargo c : l.cargo()) {
                        g.writeStartObject();
                        g.writeStringField("class", c.cargoClass().name());
                        g.writeNumberField("stons", c.stons());
                        g.writeEndObject();
                    }
                    g.writeEndArray();
                    g.writeNumberField("on", l.on());
                    g.writeNumberField("off", l.off());
                    g.writeEndObject();
                }
                g.writeEndArray();
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeArrayFieldStart("lines");
            for (LineResult r : plan.lines()) {
                g.writeStartObject();
                g.writeStringField("uln", r.uln());
                if (r.podArrival() != null) {
                    g.writeNumberField("podArrival", r.podArrival());
                }
                if (r.closure() != null) {
                    g.writeNumberField("closure", r.closure());
                }
                g.writeNumberField("closureDay", r.closureDay());
                g.writeNumberField("lateDays", r.lateDays());
                if (r.reason() != null) {
                    g.writeStringField("reason", r.reason());
                }
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeArrayFieldStart("bindingConstraints");
            for (Constraint c : plan.bindingConstraints()) {
                g.writeStartObject();
                g.writeStringField("kind", c.kind());
                g.writeStringField("subject", c.subject());
                g.writeStringField("days", c.days());
                g.writeNumberField("lateStonDays", c.lateStonDays());
                g.writeNumberField("lines", c.lines());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
    }

    /**
     * A plan read from a file, with a warning for each field the format does not have (a misspelt
     * optional field, say), which is ignored: the movement model does not close the format, but a
     * field read as absent should not pass unseen.
     */
    public record Read(Plan plan, List<muster.model.Fault> warnings) {
        public Read {
            warnings = List.copyOf(warnings);
        }
    }

    /**
     * The plan in {@code file} and a warning for each unknown field, with its file line; for a
     * user's file, where the warnings are to be shown.
     */
    public static Read readWithWarnings(Path file) throws IOException {
        Read read;
        try (InputStream in = Files.newInputStream(file)) {
            read = read(in, file.toString());
        }
        return new Read(read.plan(), ScenarioReader.located(file, read.warnings()));
    }

    /** The plan in {@code file}; unknown fields are ignored without a word. */
    public static Plan read(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, file.toString()).plan();
        }
    }

    /** The plan in {@code json} and a warning for each unknown field. */
    public static Read readWithWarnings(String json) throws IOException {
        return read(
                new java.io.ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "plan");
    }

    /** The plan in {@code json}; unknown fields are ignored without a word. */
    public static Plan read(String json) throws IOException {
        return readWithWarnings(json).plan();
    }

    private static Read read(InputStream in, String name) throws IOException {
        JsonNode root;
        com.fasterxml.jackson.core.JsonParser parser = null;
        try (com.fasterxml.jackson.core.JsonParser p = MAPPER.createParser(in)) {
            parser = p;
            root = MAPPER.readTree(p);
        } catch (JacksonException e) {
            // a size limit of the parser (nesting, number length) names no place: where reading
            // stopped, its line and column
            com.fasterxml.jackson.core.JsonLocation loc = JacksonText.location(e, parser);
            int line = loc == null ? 0 : loc.getLineNr();
            String problem = JacksonText.problem(e, parser);
            throw new PlanFormatException(
                    name + (line > 0 ? ":" + line : "") + ": " + problem,
                    new muster.model.Fault(
                            muster.model.Fault.Severity.ERROR,
                            "",
                            "plan",
                            null,
                            null,
                            problem,
                            null,
                            line));
        }
        Reader r = new Reader(name);
        if (root == null || !root.isObject()) {
            throw new PlanFormatException(name + ": a plan is a JSON object");
        }
        r.known(
                root,
                "",
                "format",
                "scenario",
                "planner",
                "measures",
                "lowerBound",
                "missions",
                "lines",
                "bindingConstraints");
        String format = r.text(root, "format", "plan");
        if (!Plan.FORMAT.equals(format)) {
            throw new PlanFormatException(
                    name
                            + ": field 'format' = '"
                            + muster.model.Fault.shown(format)
                            + "': expected "
                            + Plan.FORMAT);
        }
        PlannerInfo planner = null;
        JsonNode pn = root.get("planner");
        if (pn != null && !pn.isNull()) {
            r.object(pn, "planner");
            r.known(pn, "planner", "name", "version", "seconds", "seed");
            planner =
                    new PlannerInfo(
                            r.text(pn, "name", "planner"),
                            r.optText(pn, "version"),
                            r.num(pn, "seconds", "planner"),
                            r.lng(pn, "seed", "planner"));
        }
        Measures measures = null;
        JsonNode mn = root.get("measures");
        if (mn != null && !mn.isNull()) {
            r.object(mn, "measures");
            r.known(
                    mn,
                    "measures",
                    "closureDay",
                    "lateStonDays",
                    "lateUlns",
                    "onTimeUlns",
                    "unmet");
            List<Unmet> unmet = new ArrayList<>();
            int k = 0;
            for (JsonNode u : r.list(mn, "unmet", "measures")) {
                String at = "measures.unmet[" + k++ + "]";
                r.object(u, at);
                r.known(u, at, "uln", "class", "amount");
                unmet.add(
                        new Unmet(
                                r.text(u, "uln", at), r.cargoClass(u, at), r.num(u, "amount", at)));
            }
            measures =
                    new Measures(
                            r.integer(mn, "closureDay", "measures"),
                            r.num(mn, "lateStonDays", "measures"),
                            r.integer(mn, "lateUlns", "measures"),
                            r.integer(mn, "onTimeUlns", "measures"),
                            unmet);
        }
        LowerBound bound = null;
        JsonNode bn = root.get("lowerBound");
        if (bn != null && !bn.isNull()) {
            r.object(bn, "lowerBound");
            r.known(bn, "lowerBound", "closureDay", "lateStonDays", "method");
            bound =
                    new LowerBound(
                            r.integer(bn, "closureDay", "lowerBound"),
                            r.num(bn, "lateStonDays", "lowerBound"),
                            r.optText(bn, "method"));
        }
        List<Mission> missions = new ArrayList<>();
        int mk = 0;
        for (JsonNode m : r.list(root, "missions", "plan")) {
            String at = "missions[" + mk++ + "]";
            r.object(m, at);
            r.known(m, at, "id", "lift", "tail", "stops", "loads");
            List<Stop> stops = new ArrayList<>();
            int sk = 0;
            for (JsonNode s : r.list(m, "stops", at)) {
                String sat = at + ".stops[" + sk++ + "]";
                r.object(s, sat);
                r.known(s, sat, "node", "activity", "arrive", "depart");
                stops.add(
                        new Stop(
                                r.text(s, "node", sat),
                                r.activity(s, sat),
                                r.num(s, "arrive", sat),
                                r.num(s, "depart", sat)));
            }
            List<Load> loads = new ArrayList<>();
            int lk = 0;
            for (JsonNode l : r.list(m, "loads", at)) {
                String lat = at + ".loads[" + lk++ + "]";
                r.object(l, lat);
                r.known(l, lat, "uln", "pax", "cargo", "on", "off");
                List<LoadCargo> cargo = new ArrayList<>();
                int ck = 0;
                for (JsonNode c : r.list(l, "cargo", lat)) {
                    String cat = lat + ".cargo[" + ck++ + "]";
                    r.object(c, cat);
                    r.known(c, cat, "class", "stons");
                    cargo.add(new LoadCargo(r.cargoClass(c, cat), r.num(c, "stons", cat)));
                }
                loads.add(
                        new Load(
                                r.text(l, "uln", lat),
                                r.integer(l, "pax", lat),
                                cargo,
                                r.integer(l, "on", lat),
                                r.integer(l, "off", lat)));
            }
            if (stops.isEmpty()) {
                throw new PlanFormatException(name + ": " + at + ": a mission has no stops");
            }
            missions.add(
                    new Mission(
                            r.text(m, "id", at),
                            r.text(m, "lift", at),
                            r.integer(m, "tail", at),
                            stops,
                            loads));
        }
        List<LineResult> lines = new ArrayList<>();
        int k = 0;
        for (JsonNode l : r.list(root, "lines", "plan")) {
            String at = "lines[" + k++ + "]";
            r.object(l, at);
            r.known(l, at, "uln", "podArrival", "closure", "closureDay", "lateDays", "reason");
            lines.add(
                    new LineResult(
                            r.text(l, "uln", at),
                            r.optNum(l, "podArrival", at),
                            r.optNum(l, "closure", at),
                            r.integer(l, "closureDay", at),
                            r.integer(l, "lateDays", at),
                            r.optText(l, "reason")));
        }
        List<Constraint> constraints = new ArrayList<>();
        k = 0;
        for (JsonNode c : r.optList(root, "bindingConstraints", "plan")) {
            String at = "bindingConstraints[" + k++ + "]";
            r.object(c, at);
            r.known(c, at, "kind", "subject", "days", "lateStonDays", "lines");
            constraints.add(
                    new Constraint(
                            r.text(c, "kind", at),
                            r.optText(c, "subject"),
                            r.optText(c, "days"),
                            r.num(c, "lateStonDays", at),
                            r.integer(c, "lines", at)));
        }
        Plan plan =
                new Plan(
                        r.text(root, "scenario", "plan"),
                        planner,
                        measures,
                        bound,
                        missions,
                        lines,
                        constraints);
        return new Read(plan, r.warnings);
    }

    /** Typed field access that names the place of a wrong or missing field. */
    private static final class Reader {
        private final String name;
        private final List<muster.model.Fault> warnings = new ArrayList<>();

        Reader(String name) {
            this.name = name;
        }

        private PlanFormatException bad(String at, String field, JsonNode v, String want) {
            boolean missing = v == null || v.isNull();
            return new PlanFormatException(
                    name
                            + ": "
                            + at
                            + ": field '"
                            + field
                            + "'"
                            + (missing
                                    ? " is missing"
                                    : " = '" + muster.model.Fault.shown(v.toString()) + "'")
                            + ": expected "
                            + want,
                    muster.model.Fault.error(
                            at.isEmpty() ? field : at + "." + field,
                            at,
                            field,
                            missing ? null : v.isTextual() ? v.asText() : v.toString(),
                            (missing ? "missing; expected " : "expected ") + want,
                            null));
        }

        /**
         * Refuses an entry that is not a JSON object (a number, text, list or null where a mission,
         * stop, load or other record goes), naming its place and value, where reading its fields
         * would call each of them missing.
         */
        void object(JsonNode v, String at) throws PlanFormatException {
            if (v != null && v.isObject()) {
                return;
            }
            String value =
                    muster.model.Fault.shown(v == null || v.isNull() ? "null" : v.toString());
            throw new PlanFormatException(
                    name + ": " + at + " = '" + value + "': expected an object with fields",
                    muster.model.Fault.error(
                            at, at, null, value, "expected an object with fields", null));
        }

        /**
         * Warns of each field of {@code n} at {@code at} (empty for the plan itself) other than
         * {@code fields}, with the nearest of them as a likely fix.
         */
        void known(JsonNode n, String at, String... fields) {
            List<String> names = List.of(fields);
            n.fieldNames()
                    .forEachRemaining(
                            f -> {
                                if (!names.contains(f)) {
                                    warnings.add(
                                            muster.model.Fault.warning(
                                                    at.isEmpty() ? f : at + "." + f,
                                                    at.isEmpty() ? "plan" : at,
                                                    f,
                                                    null,
                                                    "unknown field, ignored",
                                                    Closest.to(f, names)));
                                }
                            });
        }

        String text(JsonNode n, String f, String at) throws PlanFormatException {
            JsonNode v = n.get(f);
            if (v == null || !v.isTextual()) {
                throw bad(at, f, v, "text");
            }
            return v.asText();
        }

        String optText(JsonNode n, String f) {
            JsonNode v = n.get(f);
            return v == null || v.isNull() ? null : v.asText();
        }

        double num(JsonNode n, String f, String at) throws PlanFormatException {
            JsonNode v = n.get(f);
            if (v == null || !v.isNumber()) {
                throw bad(at, f, v, "a number");
            }
            double x = v.asDouble();
            if (Double.isNaN(x) || Double.isInfinite(x)) {
                // 1e400 reads as infinity, and NaN compares false with everything: either would
                // slip through the rule checks unseen
                throw bad(at, f, v, "a finite number");
            }
            return x;
        }

        Double optNum(JsonNode n, String f, String at) throws PlanFormatException {
            JsonNode v = n.get(f);
            if (v == null || v.isNull()) {
                return null;
            }
            return num(n, f, at);
        }

        int integer(JsonNode n, String f, String at) throws PlanFormatException {
            JsonNode v = n.get(f);
            if (v != null && v.isIntegralNumber() && !v.isInt()) {
                // a whole number all the same: say which ones are taken, not "a whole number"
                throw bad(at, f, v, "a whole number from -2147483648 to 2147483647");
            }
            if (v == null || !v.isInt()) {
                throw bad(at, f, v, "a whole number");
            }
            return v.asInt();
        }

        long lng(JsonNode n, String f, String at) throws PlanFormatException {
            JsonNode v = n.get(f);
            if (v == null || !v.canConvertToLong() || !v.isIntegralNumber()) {
                throw bad(at, f, v, "a whole number");
            }
            return v.asLong();
        }

        /**
         * A list the format always has (missions, lines, a mission's stops and loads, a load's
         * cargo, the unmet list): one left out is refused by name, where reading it as empty would
         * check a plan without its missions and blame every line for load it lost.
         */
        Iterable<JsonNode> list(JsonNode n, String f, String at) throws PlanFormatException {
            JsonNode v = n.get(f);
            if (v == null || !v.isArray()) {
                throw bad(at, f, v, "a list (empty if there is nothing in it)");
            }
            return v;
        }

        /** A list muster adds to the format ({@code bindingConstraints}): empty when left out. */
        Iterable<JsonNode> optList(JsonNode n, String f, String at) throws PlanFormatException {
            JsonNode v = n.get(f);
            if (v == null || v.isNull()) {
                return List.of();
            }
            if (!v.isArray()) {
                throw bad(at, f, v, "a list");
            }
            return v;
        }

        CargoClass cargoClass(JsonNode n, String at) throws PlanFormatException {
            String s = text(n, "class", at);
            try {
                return CargoClass.valueOf(s);
            } catch (IllegalArgumentException e) {
                throw bad(at, "class", n.get("class"), "one of BULK, OVERSIZE, OUTSIZE, NAT, PAX");
            }
        }

        Activity activity(JsonNode n, String at) throws PlanFormatException {
            String s = text(n, "activity", at);
            try {
                return Activity.valueOf(s);
            } catch (IllegalArgumentException e) {
                throw bad(
                        at,
                        "activity",
                        n.get("activity"),
                        "one of START, ONLOAD, ENROUTE, OFFLOAD, PASS");
            }
        }
    }
}
