package muster.io;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import muster.model.CargoClass;
import muster.model.CargoEntry;
import muster.model.Fault;
import muster.model.GroundHours;
import muster.model.LiftMode;
import muster.model.LiftType;
import muster.model.LineMode;
import muster.model.Node;
import muster.model.NodeKind;
import muster.model.Planning;
import muster.model.RequirementLine;
import muster.model.Route;
import muster.model.RouteMode;
import muster.model.Scenario;
import muster.model.validate.Closest;
import muster.model.validate.ScenarioValidator;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.reader.ReaderException;

/**
 * Reads a scenario ({@code muster/scenario@1}) from YAML or JSON and validates it. Reading streams:
 * each item of a list is read, checked, turned into a record and dropped, so a file of tens of
 * megabytes needs little more memory than the scenario itself. Every fault carries the file line of
 * the offending value.
 */
public final class ScenarioReader {
    /** Faults past this many are summarised, so a hopeless file cannot fill memory. */
    static final int MAX_FAULTS = 1000;

    /**
     * The outcome of reading a scenario.
     *
     * @param scenario the scenario, or null when any fault is an ERROR
     * @param faults every fault and warning, each with its file line where known
     */
    public record Result(Scenario scenario, List<Fault> faults) {
        public Result {
            faults = List.copyOf(faults);
        }

        public boolean accepted() {
            return scenario != null;
        }

        public List<Fault> errors() {
            return faults.stream().filter(Fault::isError).toList();
        }

        public List<Fault> warnings() {
            return faults.stream().filter(f -> !f.isError()).toList();
        }
    }

    /** Whether the document is JSON or YAML. */
    public enum Syntax {
        YAML,
        JSON
    }

    interface Opener {
        InputStream open() throws IOException;
    }

    private static volatile LiftFactors bundled;

    private final LiftFactors factors;
    private final boolean validate;

    public ScenarioReader(LiftFactors factors) {
        this(factors, true);
    }

    private ScenarioReader(LiftFactors factors, boolean validate) {
        this.factors = factors;
        this.validate = validate;
    }

    /** A reader that resolves {@code factors:} against the bundled planning factors. */
    public static ScenarioReader standard() {
        LiftFactors f = bundled;
        if (f == null) {
            f = LiftFactors.bundled();
            bundled = f;
        }
        return new ScenarioReader(f);
    }

    /** A reader that checks the document's syntax and types but not the movement model's rules. */
    public ScenarioReader withoutValidation() {
        return new ScenarioReader(factors, false);
    }

    /** Reads and validates a scenario file with the bundled planning factors. */
    public static Result read(Path file) {
        return standard().readFile(file);
    }

    /** Reads and validates a scenario from bytes; {@code name} decides the syntax by extension. */
    public static Result read(byte[] bytes, String name) {
        return standard().readBytes(bytes, name);
    }

    public Result readFile(Path file) {
        if (!Files.isRegularFile(file)) {
            String why = Files.exists(file) ? "not a regular file" : "no such file";
            return new Result(null, List.of(fileFault(why, 0)));
        }
        return readSource(
                () -> new BufferedInputStream(Files.newInputStream(file), 1 << 16),
                file.getFileName().toString());
    }

    public Result readBytes(byte[] bytes, String name) {
        return readSource(() -> new ByteArrayInputStream(bytes), name);
    }

    /**
     * The syntax a file name implies, or null when its extension does not tell: how a scenario is
     * read, and written by {@link ScenarioWriter#writeFile}.
     */
    public static Syntax syntaxOf(String name) {
        String n = name == null ? "" : name.toLowerCase(Locale.ROOT);
        if (n.endsWith(".json")) {
            return Syntax.JSON;
        }
        if (n.endsWith(".yaml") || n.endsWith(".yml")) {
            return Syntax.YAML;
        }
        return null;
    }

    private static Syntax sniff(Opener src) throws IOException {
        try (InputStream in = src.open()) {
            int b;
            int seen = 0;
            while ((b = in.read()) >= 0 && seen++ < 4096) {
                if (b == ' ' || b == '\t' || b == '\r' || b == '\n' || b == 0xEF || b == 0xBB
                        || b == 0xBF) {
                    continue;
                }
                return b == '{' || b == '[' ? Syntax.JSON : Syntax.YAML;
            }
        }
        return Syntax.YAML;
    }

    /** The parser factory for a document's syntax: by its name, else by its first character. */
    private static JsonFactory factoryOf(Opener src, String name) throws IOException {
        Syntax syntax = syntaxOf(name);
        if (syntax == null) {
            syntax = sniff(src);
        }
        return syntax == Syntax.JSON ? Formats.json() : Formats.yaml();
    }

    private Result readSource(Opener src, String name) {
        List<Fault> faults = new ArrayList<>();
        Scenario scenario;
        JsonFactory factory;
        JsonParser parser = null;
        try {
            try (InputStream in = src.open()) {
                String bad = Utf8Check.firstFault(in);
                if (bad != null) {
                    return new Result(null, List.of(fileFault(bad, Utf8Check.lineOf(bad))));
                }
            }
            factory = factoryOf(src, name);
            try (InputStream in = src.open();
                    JsonParser p = factory.createParser(in)) {
                parser = p;
                scenario = new Document(p, faults).read();
            }
        } catch (JacksonException e) {
            if (e.getCause() instanceof ReaderException re) {
                String place = placeOf(src, re.getCodePoint());
                if (place != null) {
                    faults.add(0, syntaxFault(place, Utf8Check.lineOf(place)));
                    return new Result(null, named(faults));
                }
            }
            // a size limit (lists nested too deep) names no place: where reading stopped
            JsonLocation loc = JacksonText.location(e, parser);
            String msg =
                    e.getCause() instanceof MarkedYAMLException m
                            ? yamlProblem(m)
                            : JacksonText.problem(e, parser);
            faults.add(0, syntaxFault(msg, loc == null ? 0 : loc.getLineNr()));
            return new Result(null, named(faults));
        } catch (MarkedYAMLException e) {
            Mark m = e.getProblemMark();
            faults.add(0, syntaxFault(yamlProblem(e), m == null ? 0 : m.getLine() + 1));
            return new Result(null, named(faults));
        } catch (YAMLException e) {
            faults.add(0, syntaxFault(firstLine(e.getMessage()), 0));
            return new Result(null, named(faults));
        } catch (NoSuchFileException e) {
            return new Result(null, List.of(fileFault("no such file", 0)));
        } catch (IOException e) {
            faults.add(0, syntaxFault(firstLine(e.getMessage()), 0));
            return new Result(null, named(faults));
        }
        if (scenario == null || faults.stream().anyMatch(Fault::isError)) {
            return new Result(null, faults);
        }
        if (!validate) {
            return new Result(scenario, faults);
        }
        List<Fault> found = ScenarioValidator.validate(scenario);
        if (found.isEmpty()) {
            return new Result(scenario, faults);
        }
        faults.addAll(locate(src, factory, found));
        boolean refused = found.stream().anyMatch(Fault::isError);
        return new Result(refused ? null : scenario, faults);
    }

    /**
     * Gives faults found in the scenario read from {@code file}, after it was read (by the
     * validator on a changed scenario, say), the file line of their path; a path the file lacks
     * keeps line 0.
     */
    public static List<Fault> located(Path file, List<Fault> found) {
        if (found.isEmpty()) {
            return found;
        }
        Opener src = () -> new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        JsonFactory factory;
        try {
            factory = factoryOf(src, file.getFileName().toString());
        } catch (IOException e) {
            return found;
        }
        return locate(src, factory, found);
    }

    /** Gives validator faults the file line of their path (a second, shallow pass). */
    private static List<Fault> locate(Opener src, JsonFactory factory, List<Fault> found) {
        Set<String> paths = new HashSet<>();
        for (Fault f : found) {
            paths.add(f.path());
        }
        Map<String, Integer> lines;
        try (InputStream in = src.open();
                JsonParser p = factory.createParser(in)) {
            lines = LineLocator.locate(p, paths);
        } catch (IOException | YAMLException e) {
            return found; // the file read once already; without lines the faults still stand
        }
        List<Fault> out = new ArrayList<>(found.size());
        for (Fault f : found) {
            out.add(f.withLine(LineLocator.lineOf(lines, f.path())));
        }
        return out;
    }

    /** Where the character a YAML parser refused is, or null when it cannot be found. */
    private static String placeOf(Opener src, int codePoint) {
        try (InputStream in = src.open()) {
            return Utf8Check.placeOf(in, codePoint);
        } catch (IOException e) {
            return null;
        }
    }

    private static String yamlProblem(MarkedYAMLException m) {
        String ctx = m.getContext();
        String problem = m.getProblem();
        String text =
                ctx != null && problem != null
                        ? ctx + ": " + problem
                        : problem != null ? problem : ctx;
        return firstLine(text);
    }

    /** Names the place of faults left unnamed when reading stopped in the middle of an object. */
    private static List<Fault> named(List<Fault> faults) {
        List<Fault> out = new ArrayList<>(faults.size());
        for (Fault f : faults) {
            out.add(
                    f.where() != null
                            ? f
                            : new Fault(
                                    f.severity(),
                                    f.path(),
                                    f.placePath().isEmpty() ? "scenario" : f.placePath(),
                                    f.field(),
                                    f.value(),
                                    f.message(),
                                    f.hint(),
                                    f.line()));
        }
        return out;
    }

    private static Fault fileFault(String message, int line) {
        return new Fault(Fault.Severity.ERROR, "", "file", null, null, message, null, line);
    }

    private static Fault syntaxFault(String message, int line) {
        return new Fault(
                Fault.Severity.ERROR,
                "",
                "file",
                null,
                null,
                "cannot read the document: " + message,
                null,
                line);
    }

    private static String firstLine(String s) {
        return JacksonText.clean(s);
    }

    /** One pass over one document. */
    private final class Document {
        private final JsonParser p;
        private final List<Fault> faults;
        private final TreeReader r;
        private boolean capped;

        Document(JsonParser p, List<Fault> faults) {
            this.p = p;
            this.faults = faults;
            this.r = new TreeReader(p, faults);
        }

        Scenario read() throws IOException {
            JsonToken first = p.nextToken();
            if (first == null) {
                add(docFault("", "scenario", null, null, "the file is empty", 1));
                return null;
            }
            if (first != JsonToken.START_OBJECT) {
                add(
                        docFault(
                                "",
                                "scenario",
                                null,
                                null,
                                "a scenario is an object with the fields " + Schemas.TOP.names(),
                                r.line()));
                return null;
            }
            int topLine = r.line();
            String format = null;
            String name = null;
            Planning planning = null;
            List<Node> nodes = null;
            List<LiftType> lift = null;
            List<Route> routes = null;
            List<RequirementLine> reqs = null;
            Set<String> seen = new HashSet<>();
            JsonToken t;
            while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
                String key = p.currentName();
                int keyLine = r.line();
                p.nextToken();
                if (!seen.add(key)) {
                    add(docFault(key, "scenario", key, null, "field given twice", keyLine));
                    p.skipChildren();
                    continue;
                }
                switch (key) {
                    case "format" -> format = topString(key);
                    case "name" -> name = topString(key);
                    case "planning" -> planning = readPlanning();
                    case "nodes" -> nodes = readSection(key, Schemas.NODE, this::node);
                    case "lift" -> lift = readSection(key, Schemas.LIFT, this::lift);
                    case "routes" -> routes = readSection(key, Schemas.ROUTE, this::route);
                    case "requirements" ->
                            reqs = readSection(key, Schemas.REQUIREMENT, this::requirement);
                    default -> {
                        add(
                                docFault(
                                        key,
                                        "scenario",
                                        key,
                                        null,
                                        "unknown field",
                                        Closest.to(key, Schemas.TOP.names()),
                                        keyLine));
                        p.skipChildren();
                    }
                }
            }
            if (t != JsonToken.END_OBJECT) {
                throw new java.io.EOFException("the file ends inside the scenario");
            }
            if (p.nextToken() != null) {
                add(
                        docFault(
                                "",
                                "scenario",
                                null,
                                null,
                                "more content after the end of the scenario (a second document?)",
                                r.line()));
            }
            if (format == null) {
                add(missing("format", "scenario", topLine));
            } else if (!format.equals(Scenario.FORMAT)) {
                add(
                        docFault(
                                "format",
                                "scenario",
                                "format",
                                format,
                                "not a scenario format this version reads",
                                Scenario.FORMAT,
                                topLine));
            }
            if (name == null) {
                add(missing("name", "scenario", topLine));
            }
            if (planning == null && !seen.contains("planning")) {
                add(missing("planning", "scenario", topLine));
            }
            for (String s : List.of("nodes", "lift", "requirements")) {
                if (!seen.contains(s)) {
                    add(missing(s, "scenario", topLine));
                }
            }
            if (faults.stream().anyMatch(Fault::isError)
                    || planning == null
                    || nodes == null
                    || lift == null
                    || reqs == null) {
                return null;
            }
            return new Scenario(
                    name, nodes, lift, routes == null ? List.of() : routes, reqs, planning);
        }

        private String topString(String key) throws IOException {
            JsonToken t = p.currentToken();
            if (t == JsonToken.VALUE_STRING
                    || t == JsonToken.VALUE_NUMBER_INT
                    || t == JsonToken.VALUE_NUMBER_FLOAT) {
                return p.getText();
            }
            add(
                    docFault(
                            key,
                            "scenario",
                            key,
                            t.isScalarValue() ? p.getText() : null,
                            "expected text",
                            null,
                            r.line()));
            p.skipChildren();
            return null;
        }

        private Planning readPlanning() throws IOException {
            if (p.currentToken() != JsonToken.START_OBJECT) {
                add(
                        docFault(
                                "planning",
                                "planning",
                                "planning",
                                null,
                                "expected an object with fields " + Schemas.PLANNING.names(),
                                r.line()));
                p.skipChildren();
                return null;
            }
            int mark = faults.size();
            Item it = r.readObject(Schemas.PLANNING, "planning", false);
            name(mark, "planning");
            if (!require(it, "planning", "horizonDays") || it.faulty) {
                return null;
            }
            return new Planning(
                    it.<Integer>get("horizonDays"),
                    num(it, "paxWeightStons", Planning.DEFAULT_PAX_WEIGHT_STONS),
                    it.has("seed") ? it.<Long>get("seed") : 1L,
                    it.has("searchIterations")
                            ? it.<Integer>get("searchIterations")
                            : Planning.DEFAULT_SEARCH_ITERATIONS,
                    it.string("cDate"));
        }

        private <T> List<T> readSection(String key, Schema schema, Builder<T> builder)
                throws IOException {
            if (p.currentToken() != JsonToken.START_ARRAY) {
                add(
                        docFault(
                                key,
                                "scenario",
                                key,
                                null,
                                "expected a list of objects with fields " + schema.names(),
                                r.line()));
                p.skipChildren();
                return null;
            }
            List<T> out = new ArrayList<>();
            int k = 0;
            JsonToken t;
            while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
                if (t == null) {
                    throw new java.io.EOFException("the file ends inside the list " + key);
                }
                String path = key + "[" + k++ + "]";
                if (t != JsonToken.START_OBJECT) {
                    add(
                            docFault(
                                    path,
                                    path,
                                    null,
                                    t.isScalarValue() ? p.getText() : null,
                                    "expected an object with fields " + schema.names(),
                                    r.line()));
                    p.skipChildren();
                    continue;
                }
                int mark = faults.size();
                Item it = r.readObject(schema, path, false);
                T record = builder.build(it, mark);
                countNew(mark);
                if (record != null && !it.faulty) {
                    out.add(record);
                }
            }
            return out;
        }

        // ---- records -------------------------------------------------------------------

        private Node node(Item it, int mark) {
            String where = it.has("id") ? "node " + it.string("id") : it.path;
            name(mark, where);
            if (!requireAll(it, where, "id", "name", "kind", "country", "lat", "lon")) {
                return null;
            }
            return new Node(
                    it.string("id"),
                    it.string("name"),
                    it.<NodeKind>get("kind"),
                    it.string("country"),
                    it.<Double>get("lat"),
                    it.<Double>get("lon"),
                    integer(it, "mog", 0),
                    integer(it, "berths", 0),
                    num(it, "handlingHours", 0));
        }

        private LiftType lift(Item it, int mark) {
            String where = it.has("id") ? "lift type " + it.string("id") : it.path;
            if (it.has("factors")) {
                applyFactors(it, where);
            }
            name(mark, where);
            if (!requireAll(
                    it, where, "id", "mode", "count", "baseNode", "carries", "speedKnots")) {
                return null;
            }
            List<CargoClass> carries = it.get("carries");
            Item gh = it.get("groundHours");
            GroundHours ground =
                    gh == null
                            ? new GroundHours(0, 0, 0)
                            : new GroundHours(
                                    num(gh, "onload", 0),
                                    num(gh, "offload", 0),
                                    num(gh, "enroute", 0));
            return new LiftType(
                    it.string("id"),
                    it.<LiftMode>get("mode"),
                    it.<Integer>get("count"),
                    integer(it, "availableFromDay", 0),
                    it.string("baseNode"),
                    new LinkedHashSet<>(carries),
                    integer(it, "paxCapacity", 0),
                    num(it, "stonsCapacity", 0),
                    num(it, "sqftCapacity", 0),
                    it.<Double>get("speedKnots"),
                    num(it, "rangeNm", Double.POSITIVE_INFINITY),
                    ground);
        }

        private void applyFactors(Item it, String where) {
            String id = it.string("factors");
            Item entry = factors.entry(id);
            if (entry == null) {
                String msg =
                        factors.problem() != null
                                ? "cannot use planning factors: " + factors.problem()
                                : "no lift type with this id in the planning factors "
                                        + factors.source();
                add(
                        new Fault(
                                Fault.Severity.ERROR,
                                it.path + ".factors",
                                where,
                                "factors",
                                id,
                                msg,
                                Closest.to(id, factors.ids()),
                                it.lineOf("factors")));
                it.faulty = true;
                return;
            }
            for (String f : Schemas.FACTOR.names()) {
                if (f.equals("id") || f.equals("name") || Schemas.LIFT.field(f) == null) {
                    continue;
                }
                Object mine = it.values.get(f);
                Object theirs = entry.values.get(f);
                if (mine == null && theirs != null) {
                    it.values.put(f, theirs);
                } else if (mine instanceof Item m && theirs instanceof Item o) {
                    for (Map.Entry<String, Object> e : o.values.entrySet()) {
                        m.values.putIfAbsent(e.getKey(), e.getValue());
                    }
                }
            }
        }

        private Route route(Item it, int mark) {
            String where =
                    it.has("id")
                            ? "route " + it.string("id")
                            : it.has("mode") && it.has("from") && it.has("to")
                                    ? "route "
                                            + it.get("mode")
                                            + " "
                                            + it.string("from")
                                            + "->"
                                            + it.string("to")
                                    : it.path;
            name(mark, where);
            if (!requireAll(it, where, "mode", "from", "to")) {
                return null;
            }
            RouteMode mode = it.get("mode");
            if ((mode == RouteMode.ROAD || mode == RouteMode.RAIL)
                    && !require(it, where, "hours")) {
                return null;
            }
            List<String> via = it.get("via");
            List<Double> legs = it.get("legsNm");
            return new Route(
                    it.string("id"),
                    mode,
                    it.string("from"),
                    it.string("to"),
                    via,
                    legs,
                    num(it, "hours", 0));
        }

        private RequirementLine requirement(Item it, int mark) {
            String where = it.has("uln") ? "requirement " + it.string("uln") : it.path;
            name(mark, where);
            boolean ok =
                    requireAll(
                            it,
                            where,
                            "uln",
                            "nation",
                            "origin",
                            "destination",
                            "rld",
                            "ald",
                            "ead",
                            "lad",
                            "rdd",
                            "priority",
                            "mode");
            List<CargoEntry> cargo = new ArrayList<>();
            for (Item c : it.items("cargo")) {
                if (!requireAll(c, where, "class", "stons")) {
                    ok = false;
                    continue;
                }
                cargo.add(
                        new CargoEntry(c.get("class"), c.<Double>get("stons"), num(c, "sqft", 0)));
            }
            if (!ok) {
                return null;
            }
            String unit = it.string("unit");
            return new RequirementLine(
                    it.string("uln"),
                    unit == null ? "" : unit,
                    it.string("nation"),
                    integer(it, "pax", 0),
                    cargo,
                    it.string("origin"),
                    it.string("poe"),
                    it.string("pod"),
                    it.string("destination"),
                    it.<Integer>get("rld"),
                    it.<Integer>get("ald"),
                    it.<Integer>get("ead"),
                    it.<Integer>get("lad"),
                    it.<Integer>get("rdd"),
                    it.<Integer>get("priority"),
                    it.<LineMode>get("mode"));
        }

        // ---- helpers -------------------------------------------------------------------

        private boolean requireAll(Item it, String where, String... fields) {
            boolean ok = true;
            for (String f : fields) {
                ok &= require(it, where, f);
            }
            return ok;
        }

        private boolean require(Item it, String where, String f) {
            if (it.has(f)) {
                return true;
            }
            if (!it.lines.containsKey(f) || it.empty.contains(f)) {
                boolean empty = it.empty.contains(f);
                add(
                        new Fault(
                                Fault.Severity.ERROR,
                                it.path + "." + f,
                                where,
                                f,
                                null,
                                empty ? "required field is empty" : "missing required field",
                                null,
                                empty ? it.lineOf(f) : it.line));
            }
            it.faulty = true;
            return false;
        }

        private Fault missing(String f, String where, int line) {
            return new Fault(
                    Fault.Severity.ERROR, f, where, f, null, "missing required field", null, line);
        }

        private Fault docFault(
                String path, String where, String field, String value, String message, int line) {
            return docFault(path, where, field, value, message, null, line);
        }

        private Fault docFault(
                String path,
                String where,
                String field,
                String value,
                String message,
                String hint,
                int line) {
            return new Fault(Fault.Severity.ERROR, path, where, field, value, message, hint, line);
        }

        /** Names the place of the faults the tree reader added since {@code mark}. */
        private void name(int mark, String where) {
            for (int i = mark; i < faults.size(); i++) {
                Fault f = faults.get(i);
                if (f.where() == null) {
                    faults.set(
                            i,
                            new Fault(
                                    f.severity(),
                                    f.path(),
                                    where,
                                    f.field(),
                                    f.value(),
                                    f.message(),
                                    f.hint(),
                                    f.line()));
                }
            }
        }

        private void add(Fault f) {
            faults.add(f);
        }

        /** Counts and caps the faults added since {@code mark}. */
        private void countNew(int mark) {
            if (faults.size() > MAX_FAULTS) {
                faults.subList(MAX_FAULTS, faults.size()).clear();
                if (!capped) {
                    capped = true;
                    faults.add(
                            docFault(
                                    "",
                                    "file",
                                    null,
                                    null,
                                    "more than " + MAX_FAULTS + " faults; the rest are not shown",
                                    r.line()));
                }
            }
        }
    }

    private interface Builder<T> {
        T build(Item it, int mark);
    }

    private static double num(Item it, String f, double dflt) {
        Double d = it.get(f);
        return d == null ? dflt : d;
    }

    private static int integer(Item it, String f, int dflt) {
        Integer i = it.get(f);
        return i == null ? dflt : i;
    }
}
