package muster.io.force;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import muster.io.JacksonText;
import muster.io.NumberText;
import muster.model.CargoClass;
import muster.model.CargoEntry;
import muster.model.Fault;
import muster.model.Node;
import muster.model.NodeKind;
import muster.model.RouteMode;
import muster.model.force.CapabilityType;
import muster.model.force.Catalogue;
import muster.model.force.DeployMode;
import muster.model.force.Echelon;
import muster.model.force.RoadLink;
import muster.model.force.Station;
import muster.model.force.Unit;
import muster.model.force.Window;
import muster.model.validate.ScenarioValidator;

/**
 * Reads a force catalogue ({@code format: muster/catalogue@1}) from YAML or JSON, or its units from
 * CSV (one row per unit, equipment as {@code bulkStons, bulkSqft, oversizeStons, ...} columns).
 */
public final class CatalogueReader {
    static final Set<String> TOP = Set.of("format", "name", "stations", "units");
    static final Set<String> STATION =
            Set.of(
                    "id",
                    "name",
                    "kind",
                    "country",
                    "lat",
                    "lon",
                    "mog",
                    "berths",
                    "handlingHours",
                    "links");
    static final Set<String> LINK = Set.of("to", "mode", "hours");
    static final Set<String> UNIT =
            Set.of(
                    "uic",
                    "name",
                    "nation",
                    "capability",
                    "echelon",
                    "homeStation",
                    "airPoe",
                    "seaPoe",
                    "personnel",
                    "equipment",
                    "readiness",
                    "noticeToMoveHours",
                    "availability",
                    "deployMode",
                    "selfDeployHours",
                    "committedTo",
                    "source");
    static final Set<String> CARGO = Set.of("class", "stons", "sqft");
    static final Set<String> WINDOW = Set.of("from", "to");
    static final List<String> CSV_COLUMNS =
            List.of(
                    "uic",
                    "name",
                    "nation",
                    "capability",
                    "echelon",
                    "homeStation",
                    "airPoe",
                    "seaPoe",
                    "personnel",
                    "bulkStons",
                    "bulkSqft",
                    "oversizeStons",
                    "oversizeSqft",
                    "outsizeStons",
                    "outsizeSqft",
                    "natStons",
                    "natSqft",
                    "readiness",
                    "noticeToMoveHours",
                    "availableFrom",
                    "availableTo",
                    "deployMode",
                    "selfDeployHours",
                    "committedTo",
                    "source");

    private CatalogueReader() {}

    /** Reads a catalogue file; {@code .csv} files are read as CSV, others as YAML or JSON. */
    public static ForceRead<Catalogue> read(Path path) throws IOException {
        if (path.toString().toLowerCase(Locale.ROOT).endsWith(".csv")) {
            return readCsv(path);
        }
        LocatedDoc doc;
        try {
            doc = LocatedDoc.read(path);
        } catch (LocatedDoc.Malformed m) {
            return malformed(path, m);
        }
        return bind(doc, true);
    }

    /**
     * Whether a fault sourcing found is at a place in the catalogue (a unit or a station), so that
     * it is named at the catalogue's line rather than the requirements file's.
     */
    public static boolean owns(Fault f) {
        return f.path() != null
                && (f.path().startsWith("units") || f.path().startsWith("stations"));
    }

    static <T> ForceRead<T> malformed(Path path, LocatedDoc.Malformed m) {
        Fault f =
                new Fault(
                        Fault.Severity.ERROR,
                        "",
                        "document",
                        null,
                        null,
                        "not well-formed: " + m.getMessage(),
                        null,
                        m.line);
        return new ForceRead<>(null, List.of(f), x -> x);
    }

    private static ForceRead<Catalogue> readCsv(Path path) throws IOException {
        Fault separator = otherSeparator(path);
        if (separator != null) {
            return new ForceRead<>(null, List.of(separator), x -> x);
        }
        CsvMapper mapper = new CsvMapper();
        mapper.enable(CsvParser.Feature.WRAP_AS_ARRAY);
        CsvSchema schema = CsvSchema.emptySchema().withHeader();
        ArrayNode units = JsonNodeFactory.instance.arrayNode();
        Map<String, Integer> lines = new HashMap<>();
        List<Fault> early = new ArrayList<>();
        try (Reader r = withoutBom(Files.newBufferedReader(path, StandardCharsets.UTF_8));
                MappingIterator<Map<String, String>> it =
                        mapper.readerFor(Map.class).with(schema).readValues(r)) {
            int k = 0;
            while (it.hasNextValue()) {
                int line = it.getCurrentLocation().getLineNr();
                Map<String, String> row = it.nextValue();
                Fault shortRow = shortRow(row, it, line);
                if (shortRow != null) {
                    early.add(shortRow);
                    continue;
                }
                String p = "units[" + k + "]";
                lines.put(p, line);
                units.add(rowToUnit(row, p, lines, line));
                k++;
            }
            // the header as read, checked whether or not any row follows it
            if (it.getParser() instanceof CsvParser csv) {
                for (CsvSchema.Column c : csv.getSchema()) {
                    String col = c.getName();
                    if (!CSV_COLUMNS.contains(col)) {
                        String near = Binder.closest(col, Set.copyOf(CSV_COLUMNS));
                        early.add(
                                new Fault(
                                        Fault.Severity.ERROR,
                                        "columns",
                                        "header",
                                        col,
                                        null,
                                        "unknown column",
                                        near == null ? null : "'" + near + "'",
                                        1));
                    }
                }
            }
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return malformed(
                    path,
                    new LocatedDoc.Malformed(
                            csvProblem(e),
                            e.getLocation() == null ? 0 : e.getLocation().getLineNr()));
        }
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.put("format", Catalogue.FORMAT);
        root.put("name", path.getFileName().toString().replaceFirst("\\.csv$", ""));
        root.set("units", units);
        ForceRead<Catalogue> bound = bind(new LocatedDoc(path.toString(), root, lines), false);
        ForceRead<Catalogue> read =
                new ForceRead<>(
                        bound.value(),
                        bound.faults().stream().map(f -> byColumn(f, units)).toList(),
                        bound.locator());
        if (early.isEmpty()) {
            return read;
        }
        List<Fault> all = new ArrayList<>(early);
        all.addAll(read.faults());
        return new ForceRead<>(null, all, read.locator());
    }

    private static final java.util.regex.Pattern EQUIPMENT_CELL =
            java.util.regex.Pattern.compile(
                    "(units\\[(\\d+)])\\.equipment\\[(\\d+)]\\.(stons|sqft)");

    /**
     * A fault of an equipment entry's stons or sqft, named by the CSV column the value came from
     * ({@code bulkStons}) rather than by an entry the CSV does not show.
     */
    private static Fault byColumn(Fault f, ArrayNode units) {
        java.util.regex.Matcher m = EQUIPMENT_CELL.matcher(f.path());
        if (!m.matches()) {
            return f;
        }
        JsonNode entry =
                units.path(Integer.parseInt(m.group(2)))
                        .path("equipment")
                        .path(Integer.parseInt(m.group(3)));
        String cls = entry.path("class").asText("");
        if (cls.isEmpty()) {
            return f;
        }
        String column =
                cls.toLowerCase(Locale.ROOT) + (m.group(4).equals("stons") ? "Stons" : "Sqft");
        return new Fault(
                f.severity(),
                m.group(1) + "." + column,
                f.where(),
                column,
                f.value(),
                f.message(),
                f.hint(),
                f.line());
    }

    /**
     * A fault for a header whose cells are separated by semicolons or tabs, as a spreadsheet set
     * for a decimal comma saves "CSV", or null. Read with commas, such a header is one unknown
     * column and every row one cell, and each unit was refused for every field as missing, under
     * the name "unit null"; import-lines names the separator the same way.
     */
    private static Fault otherSeparator(Path path) throws IOException {
        String header;
        try (java.io.BufferedReader r =
                new java.io.BufferedReader(
                        withoutBom(Files.newBufferedReader(path, StandardCharsets.UTF_8)))) {
            header = r.readLine();
        } catch (java.nio.charset.CharacterCodingException e) {
            return null; // the CSV reader names the bytes that are not UTF-8
        }
        if (header == null || header.contains(",")) {
            return null;
        }
        String first = header.strip().replace("\"", "");
        for (String sep : List.of(";", "\t")) {
            if (first.startsWith(CSV_COLUMNS.get(0) + sep)) {
                return new Fault(
                        Fault.Severity.ERROR,
                        "columns",
                        "header",
                        null,
                        null,
                        "the cells are separated by "
                                + (sep.equals(";") ? "semicolons" : "tabs")
                                + ", not by commas",
                        "save the CSV with commas between the cells",
                        1);
            }
        }
        return null;
    }

    /**
     * The reader past a UTF-8 byte order mark, which Excel's "CSV UTF-8" puts first: else it is
     * read as part of the first column's name, and {@code uic} is refused as an unknown column.
     */
    private static Reader withoutBom(java.io.BufferedReader r) throws IOException {
        r.mark(1);
        if (r.read() != '\uFEFF') {
            r.reset();
        }
        return r;
    }

    /**
     * A fault for a row with fewer cells than the header has columns, as import-lines refuses one:
     * the parser would take the missing cells as empty, and a row cut short (or a column left out
     * in a spreadsheet) would be read with its last fields shifted or blank, without a word.
     */
    private static Fault shortRow(
            Map<String, String> row, MappingIterator<Map<String, String>> it, int line) {
        if (!(it.getParser() instanceof CsvParser csv)) {
            return null;
        }
        List<String> header = new ArrayList<>();
        for (CsvSchema.Column c : csv.getSchema()) {
            header.add(c.getName());
        }
        int want = new LinkedHashSet<>(header).size();
        if (row.size() >= want) {
            return null;
        }
        String uic = row.get("uic");
        return new Fault(
                Fault.Severity.ERROR,
                "row",
                "row " + line + (uic == null || uic.isBlank() ? "" : " (uic " + uic.strip() + ")"),
                "row",
                Integer.toString(row.size()),
                "has " + row.size() + " cells, expected " + header.size(),
                "one cell per column: " + String.join(",", header),
                line);
    }

    private static final java.util.regex.Pattern TOO_MANY =
            java.util.regex.Pattern.compile(
                    "Too many entries: expected at most (\\d+) \\(value #(\\d+) \\(\\d+ chars\\) \"(.*)\"\\).*",
                    java.util.regex.Pattern.DOTALL);

    /** The CSV parser's problem in muster's words where it has them. */
    private static String csvProblem(com.fasterxml.jackson.core.JsonProcessingException e) {
        java.util.regex.Matcher m = TOO_MANY.matcher(e.getOriginalMessage());
        if (m.matches()) {
            return "the row has more cells than the header's "
                    + m.group(1)
                    + " columns (cell "
                    + (Integer.parseInt(m.group(2)) + 1)
                    + " holds '"
                    + m.group(3)
                    + "'); a value with a comma needs double quotes";
        }
        return JacksonText.problem(e);
    }

    private static ObjectNode rowToUnit(
            Map<String, String> row, String p, Map<String, Integer> lines, int line) {
        ObjectNode u = JsonNodeFactory.instance.objectNode();
        ArrayNode eq = JsonNodeFactory.instance.arrayNode();
        for (CargoClass c :
                List.of(CargoClass.BULK, CargoClass.OVERSIZE, CargoClass.OUTSIZE, CargoClass.NAT)) {
            String key = c.name().toLowerCase(Locale.ROOT);
            String st = row.get(key + "Stons");
            String sq = row.get(key + "Sqft");
            // a deck area with its weight left blank is an entry with no weight, refused by its
            // row, not a cell dropped without a word
            if (st != null && !st.isBlank() || sq != null && !sq.isBlank()) {
                ObjectNode e = JsonNodeFactory.instance.objectNode();
                e.put("class", c.name());
                if (st != null && !st.isBlank()) {
                    e.put("stons", st.trim());
                }
                if (sq != null && !sq.isBlank()) {
                    e.put("sqft", sq.trim());
                }
                lines.put(p + ".equipment[" + eq.size() + "]", line);
                eq.add(e);
            }
        }
        for (Map.Entry<String, String> e : row.entrySet()) {
            String k = e.getKey();
            String v = e.getValue();
            lines.put(p + "." + k, line);
            if (v == null || v.isBlank() || k.endsWith("Stons") || k.endsWith("Sqft")) {
                continue;
            }
            if (k.equals("availableFrom") || k.equals("availableTo")) {
                continue;
            }
            if (CSV_COLUMNS.contains(k)) {
                u.put(k, v.trim());
            }
        }
        String from = row.get("availableFrom");
        String to = row.get("availableTo");
        if (from != null && !from.isBlank() || to != null && !to.isBlank()) {
            ObjectNode w = JsonNodeFactory.instance.objectNode();
            w.put("from", from == null ? "" : from.trim());
            w.put("to", to == null ? "" : to.trim());
            u.set("availability", JsonNodeFactory.instance.arrayNode().add(w));
            lines.put(p + ".availability[0]", line);
        }
        if (!eq.isEmpty()) {
            u.set("equipment", eq);
        }
        return u;
    }

    private static ForceRead<Catalogue> bind(LocatedDoc doc, boolean checkFormat) {
        Binder b = new Binder(doc);
        JsonNode root = doc.root;
        if (!root.isObject()) {
            b.error("", "catalogue", null, null, "the document must be a mapping", null);
            return new ForceRead<>(null, b.faults, b::locate);
        }
        b.unknownFields(root, "", "catalogue", TOP);
        String format = b.str(root, "", "catalogue", "format", true);
        if (checkFormat && format != null && !format.equals(Catalogue.FORMAT)) {
            b.error("", "catalogue", "format", format, "expected " + Catalogue.FORMAT, null);
        }
        String name = b.str(root, "", "catalogue", "name", true);
        List<Station> stations = new ArrayList<>();
        JsonNode st = b.list(root, "", "catalogue", "stations");
        if (st != null) {
            Map<String, Integer> seen = new HashMap<>();
            for (int i = 0; i < st.size(); i++) {
                String p = "stations[" + i + "]";
                Station s = station(b, st.get(i), p);
                if (s != null) {
                    // a second station of an id would be dropped for the first without a word
                    Integer first = seen.putIfAbsent(s.node().id(), i);
                    if (first != null) {
                        b.error(
                                p,
                                "station " + s.node().id(),
                                "id",
                                s.node().id(),
                                "duplicate station id (stations[" + first + "] has it first)",
                                null);
                    }
                    stations.add(s);
                }
            }
        }
        List<Unit> units = new ArrayList<>();
        JsonNode us = b.child(root, "units");
        if (us == null || !us.isArray()) {
            b.error("", "catalogue", "units", null, "must be a list of units", null);
        } else if (us.isEmpty()) {
            // nothing could fill any requirement: a cut-off or wrong file, not a catalogue
            b.error("", "catalogue", "units", "[]", "a catalogue needs at least one unit", null);
        } else {
            Map<String, Integer> seen = new HashMap<>();
            for (int i = 0; i < us.size(); i++) {
                String p = "units[" + i + "]";
                Unit u = unit(b, us.get(i), p);
                if (u != null) {
                    Integer first = seen.putIfAbsent(u.uic(), i);
                    if (first != null) {
                        b.error(
                                p,
                                "unit " + u.uic(),
                                "uic",
                                u.uic(),
                                "duplicate unit id (units[" + first + "] has it first)",
                                null);
                    }
                    units.add(u);
                }
            }
        }
        if (b.hasErrors()) {
            return new ForceRead<>(null, b.faults, b::locate);
        }
        return new ForceRead<>(new Catalogue(name, stations, units), b.faults, b::locate);
    }

    private static Station station(Binder b, JsonNode n, String p) {
        if (!b.mapping(n, p, "station", "id, name, kind, country, lat, lon, ...")) {
            return null;
        }
        String id = b.id(n, p, "station", "id", true);
        // without an id the place is named by its path alone, not as "station null"
        String where = id == null ? "station" : "station " + id;
        b.unknownFields(n, p, where, STATION);
        String name = b.str(n, p, where, "name", false);
        NodeKind kind = b.enumValue(n, p, where, "kind", true, NodeKind.class);
        String country = b.str(n, p, where, "country", true);
        Double lat = coordinate(b, n, p, where, "lat", "a latitude", 90);
        Double lon = coordinate(b, n, p, where, "lon", "a longitude", 180);
        if (country != null && !country.matches("[A-Z]{2}")) {
            b.error(
                    p,
                    where,
                    "country",
                    country,
                    "must be an ISO 3166 alpha-2 code such as US or GB",
                    null);
        }
        Integer mog = b.integer(n, p, where, "mog", false, 0, 0);
        Integer berths = b.integer(n, p, where, "berths", false, 0, 0);
        // a station's node and links go into the sourced scenario as they are: held to its limits
        // here, so that a fault is named at the catalogue's line
        Double handling =
                b.number(n, p, where, "handlingHours", false, ScenarioValidator.MAX_HOURS, 0);
        List<RoadLink> links = new ArrayList<>();
        JsonNode ls = b.list(n, p, where, "links");
        if (ls != null) {
            for (int i = 0; i < ls.size(); i++) {
                String lp = p + ".links[" + i + "]";
                JsonNode l = ls.get(i);
                if (!b.mapping(l, lp, where, "to, mode, hours")) {
                    continue;
                }
                b.unknownFields(l, lp, where, LINK);
                String to = b.id(l, lp, where, "to", true);
                RouteMode mode = b.enumValue(l, lp, where, "mode", false, RouteMode.class);
                if (mode == RouteMode.AIR || mode == RouteMode.SEA) {
                    b.error(lp, where, "mode", mode.name(), "a station link is ROAD or RAIL", null);
                    mode = RouteMode.ROAD;
                }
                Double hours =
                        b.number(l, lp, where, "hours", true, ScenarioValidator.MAX_HOURS, 0);
                if (to != null) {
                    links.add(new RoadLink(to, mode, hours));
                }
            }
        }
        if (id == null
                || kind == null
                || country == null
                || lat == null
                || lon == null
                || !Double.isFinite(lat)
                || !Double.isFinite(lon)) {
            return null;
        }
        return new Station(
                new Node(
                        id,
                        name == null ? id : name,
                        kind,
                        country,
                        lat,
                        lon,
                        mog,
                        berths,
                        handling),
                links);
    }

    /**
     * A station's latitude or longitude, from {@code -limit} to {@code limit}, or null after a
     * fault. It must be a number: text such as {@code "52.1"}, or {@code true}, which were read as
     * 52.1 and 1, are refused naming the value, as a scenario's node refuses them.
     */
    private static Double coordinate(
            Binder b, JsonNode n, String p, String where, String field, String what, int limit) {
        String range = what + " in -" + limit + ".." + limit;
        JsonNode v = b.child(n, field);
        if (v == null) {
            b.error(p, where, field, null, "is missing; must be " + range, null);
            return null;
        }
        if (!v.isNumber()) {
            String text = v.isValueNode() ? v.asText() : v.toString();
            b.error(
                    p,
                    where,
                    field,
                    text,
                    "must be a number (" + range + ")" + (v.isTextual() ? ", not text" : ""),
                    v.isTextual() && NumberText.isDecimal(text.trim())
                            ? field + ": " + text.trim() + ", without quotes"
                            : null);
            return null;
        }
        double d = v.asDouble();
        if (!(d >= -limit && d <= limit)) {
            b.error(p, where, field, v.asText(), "must be " + range, null);
            return null;
        }
        return d;
    }

    private static Unit unit(Binder b, JsonNode n, String p) {
        if (!b.mapping(n, p, "unit", "uic, name, nation, capability, ...")) {
            return null;
        }
        String uic = b.id(n, p, "unit", "uic", true);
        // without a uic the place is named by its path alone, not as "unit null"
        String where = uic == null ? "unit" : "unit " + uic;
        b.unknownFields(n, p, where, UNIT);
        String name = b.str(n, p, where, "name", true);
        String nation = b.str(n, p, where, "nation", true);
        if (nation != null && !nation.matches("[A-Z]{2}")) {
            b.error(
                    p,
                    where,
                    "nation",
                    nation,
                    "must be an ISO 3166 alpha-2 code such as US or GB",
                    null);
        }
        CapabilityType cap = b.enumValue(n, p, where, "capability", true, CapabilityType.class);
        Echelon ech = b.enumValue(n, p, where, "echelon", true, Echelon.class);
        String home = b.id(n, p, where, "homeStation", true);
        String airPoe = b.id(n, p, where, "airPoe", false);
        String seaPoe = b.id(n, p, where, "seaPoe", false);
        int faultsBefore = b.faults.size();
        Integer personnel =
                b.integer(n, p, where, "personnel", true, 0, ScenarioValidator.MAX_LINE_AMOUNT, 0);
        // a personnel figure already refused is read as 0 only to go on: not a unit of no people
        boolean personnelRead = b.faults.size() == faultsBefore;
        List<CargoEntry> eq = new ArrayList<>();
        JsonNode es = b.list(n, p, where, "equipment");
        Set<CargoClass> classes = new LinkedHashSet<>();
        if (es != null) {
            for (int i = 0; i < es.size(); i++) {
                String ep = p + ".equipment[" + i + "]";
                JsonNode e = es.get(i);
                if (!b.mapping(e, ep, where, "class, stons, sqft")) {
                    continue;
                }
                b.unknownFields(e, ep, where, CARGO);
                CargoClass c = b.enumValue(e, ep, where, "class", true, CargoClass.class);
                if (c == CargoClass.PAX) {
                    b.error(
                            ep,
                            where,
                            "class",
                            "PAX",
                            "people go in 'personnel', not in equipment",
                            "personnel");
                    c = null;
                }
                if (c != null && !classes.add(c)) {
                    b.error(
                            ep,
                            where,
                            "class",
                            c.name(),
                            "a class appears twice in equipment",
                            null);
                }
                int before = b.faults.size();
                Double sqft = b.number(e, ep, where, "sqft", false, 0);
                // a deck area without a weight is named as such below, not only as a missing field
                boolean noWeight = b.child(e, "stons") == null && sqft > 0;
                Double stons =
                        noWeight
                                ? Double.valueOf(0)
                                : b.number(
                                        e,
                                        ep,
                                        where,
                                        "stons",
                                        true,
                                        ScenarioValidator.MAX_LINE_AMOUNT,
                                        0);
                if (b.faults.size() == before && stons == 0 && sqft > 0) {
                    // the planner loads by weight, so the sourced line would not validate: an area
                    // with no weight would not go aboard at all
                    b.error(
                            ep,
                            where,
                            "stons",
                            noWeight ? null : "0",
                            "the "
                                    + (c == null ? "" : c + " ")
                                    + "equipment has a deck area ("
                                    + new java.math.BigDecimal(sqft.toString())
                                            .stripTrailingZeros()
                                            .toPlainString()
                                    + " sq ft) but no weight",
                            "stons: <short tons>");
                }
                if (c != null) {
                    eq.add(new CargoEntry(c, stons, sqft));
                }
            }
        }
        Integer readiness = b.integer(n, p, where, "readiness", true, 1, 1);
        if (readiness != null && readiness > 4) {
            b.error(
                    p,
                    where,
                    "readiness",
                    readiness.toString(),
                    "must be 1 (fully ready) to 4",
                    null);
            readiness = 4;
        }
        Integer ntm = b.integer(n, p, where, "noticeToMoveHours", true, 0, 0);
        List<Window> windows = new ArrayList<>();
        JsonNode ws = b.list(n, p, where, "availability");
        if (ws != null) {
            for (int i = 0; i < ws.size(); i++) {
                String wp = p + ".availability[" + i + "]";
                JsonNode w = ws.get(i);
                if (!b.mapping(w, wp, where, "from, to")) {
                    continue;
                }
                b.unknownFields(w, wp, where, WINDOW);
                var from = b.date(w, wp, where, "from", true);
                var to = b.date(w, wp, where, "to", true);
                if (from != null && to != null) {
                    if (to.isBefore(from)) {
                        b.error(
                                wp,
                                where,
                                "to",
                                to.toString(),
                                "ends before it starts (" + from + ")",
                                null);
                    } else {
                        windows.add(new Window(from, to));
                    }
                }
            }
        }
        DeployMode mode = b.enumValue(n, p, where, "deployMode", true, DeployMode.class);
        int beforeSelf = b.faults.size();
        Double self = b.number(n, p, where, "selfDeployHours", false, 0);
        // a transit time already refused is read as 0 only to go on: not a unit with none
        boolean selfRead = b.faults.size() == beforeSelf;
        String committed = b.str(n, p, where, "committedTo", false);
        int beforeSource = b.faults.size();
        String source = b.str(n, p, where, "source", false);
        // a source refused (a control character) is named so, not as missing too
        boolean sourceRefused = b.faults.size() > beforeSource;
        if (mode == DeployMode.AIR && airPoe == null) {
            b.error(p, where, "airPoe", null, "an AIR unit needs an air POE", null);
        }
        if (mode == DeployMode.AIR_SEA && (airPoe == null || seaPoe == null)) {
            b.error(
                    p,
                    where,
                    "seaPoe",
                    seaPoe,
                    "an AIR_SEA unit needs both an air POE and a sea POE",
                    null);
        }
        if (mode == DeployMode.AIR && classes.contains(CargoClass.NAT)) {
            b.error(
                    p,
                    where,
                    "deployMode",
                    "AIR",
                    "the unit has NAT equipment, which cannot go by air",
                    "AIR_SEA");
        }
        if (mode == DeployMode.AIR_SEA) {
            for (CargoEntry e : eq) {
                if (e.stons() > 0 && e.sqft() <= 0) {
                    b.error(
                            p + ".equipment",
                            where,
                            "sqft",
                            "0",
                            e.cargoClass() + " equipment going by sea needs its deck area",
                            null);
                }
            }
        }
        // a unit with nothing to move would fill a sourcing slot and write no line, so the slot
        // would count as met while nothing arrives; a SELF unit writes no line in any case
        if (mode != null
                && mode != DeployMode.SELF
                && personnelRead
                && personnel != null
                && personnel == 0
                && eq.stream().noneMatch(e -> e.stons() > 0)) {
            b.error(
                    p,
                    where,
                    "personnel",
                    "0",
                    "the unit moves nothing: no personnel and no equipment",
                    null);
        }
        if (mode == DeployMode.SELF && selfRead && (self == null || self <= 0)) {
            b.warning(
                    p,
                    where,
                    "selfDeployHours",
                    "0",
                    "a SELF unit with no transit time arrives the day it is ready");
        }
        if (source == null && !sourceRefused) {
            b.warning(
                    p,
                    where,
                    "source",
                    null,
                    "figures without a source; cite one or mark them as an assumption");
        }
        if (uic == null
                || name == null
                || nation == null
                || cap == null
                || ech == null
                || home == null
                || mode == null) {
            return null;
        }
        return new Unit(
                uic, name, nation, cap, ech, home, airPoe, seaPoe, personnel, eq, readiness, ntm,
                windows, mode, self, committed, source);
    }
}
