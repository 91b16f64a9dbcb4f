package muster.io;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import muster.model.CargoClass;
import muster.model.CargoEntry;
import muster.model.LiftType;
import muster.model.Node;
import muster.model.Planning;
import muster.model.RequirementLine;
import muster.model.Route;
import muster.model.Scenario;

/**
 * Writes a scenario as YAML or JSON with a stable field order (the order of FORMATS.md), so that
 * reading it back gives an equal scenario. Fields at their defaults of 0 are left out.
 */
public final class ScenarioWriter {
    private ScenarioWriter() {}

    public static String yaml(Scenario s) {
        return write(s, ScenarioReader.Syntax.YAML);
    }

    public static String json(Scenario s) {
        return write(s, ScenarioReader.Syntax.JSON);
    }

    public static String write(Scenario s, ScenarioReader.Syntax syntax) {
        StringWriter w = new StringWriter();
        try {
            write(s, syntax, w);
        } catch (IOException e) {
            throw new IllegalStateException("writing to memory failed", e);
        }
        return w.toString();
    }

    public static void write(Scenario s, ScenarioReader.Syntax syntax, Writer out)
            throws IOException {
        JsonFactory f = syntax == ScenarioReader.Syntax.JSON ? Formats.json() : Formats.yaml();
        try (JsonGenerator g = f.createGenerator(out)) {
            if (syntax == ScenarioReader.Syntax.JSON) {
                g.setPrettyPrinter(new DefaultPrettyPrinter());
            }
            scenario(g, s);
        }
    }

    /**
     * Writes to {@code file} atomically: to a temporary file beside it, then moved over it, so a
     * failure never leaves a half-written scenario. The syntax follows the file's extension.
     */
    public static void writeFile(Scenario s, Path file) throws IOException {
        ScenarioReader.Syntax syntax = ScenarioReader.syntaxOf(file.getFileName().toString());
        if (syntax == null) {
            syntax = ScenarioReader.Syntax.YAML;
        }
        try (StagedFiles out = new StagedFiles(file.toAbsolutePath().getParent())) {
            Path tmp = out.stage(file.getFileName().toString());
            try (OutputStream os = Files.newOutputStream(tmp);
                    Writer w = new java.io.OutputStreamWriter(os, StandardCharsets.UTF_8)) {
                write(s, syntax, w);
            }
            out.commit();
        }
    }

    /**
     * What {@link #replaceRequirements} did to the rest of the file, for the caller to tell the
     * user: a file written whole from the model loses its comments and {@code factors:} references;
     * a spliced one loses only the comments that were inside the replaced section, since the new
     * lines come from a source (a CSV) that has no place for them.
     *
     * @param whole the file was written whole from the scenario model
     * @param droppedComments comment lines inside the replaced requirements section (0 when whole)
     */
    public record Replaced(boolean whole, int droppedComments) {}

    /**
     * Replaces the requirement lines of a scenario file with those of {@code merged}, keeping the
     * rest of the file as it is. In a YAML file only the lines of the {@code requirements:} section
     * are rewritten, so the comments that cite sources for nodes, lift and routes stay, and so do
     * comments after the last line of the section; the result is read back and must equal {@code
     * merged}, else the whole file is rewritten. JSON files are rewritten whole. Either way the
     * file is replaced atomically.
     *
     * @return whether the file was written whole (its comments and {@code factors:} references are
     *     then gone) and how many comment lines inside the replaced section were dropped, both of
     *     which the caller must tell the user
     */
    public static Replaced replaceRequirements(Path file, Scenario merged) throws IOException {
        ScenarioReader.Syntax syntax = ScenarioReader.syntaxOf(file.getFileName().toString());
        if (syntax == ScenarioReader.Syntax.JSON) {
            writeFile(merged, file);
            return new Replaced(true, 0);
        }
        String original = Files.readString(file, StandardCharsets.UTF_8);
        Spliced spliced = splice(original, merged.requirements());
        if (spliced != null) {
            ScenarioReader.Result back =
                    ScenarioReader.standard()
                            .withoutValidation()
                            .readBytes(spliced.text.getBytes(StandardCharsets.UTF_8), "x.yaml");
            if (merged.equals(back.scenario())) {
                writeText(spliced.text, file);
                return new Replaced(false, spliced.droppedComments);
            }
        }
        writeFile(merged, file);
        return new Replaced(true, 0);
    }

    /** A spliced YAML text and the number of comment lines of the section it replaced. */
    record Spliced(String text, int droppedComments) {}

    /**
     * The YAML text with its top-level requirements section replaced, or null if not found. Comment
     * and blank lines after the section's last line are kept, whether another section or the end of
     * the file follows: they are not about any one line.
     */
    static Spliced splice(String yaml, java.util.List<RequirementLine> lines) throws IOException {
        int start = 0;
        int next = 0;
        try (com.fasterxml.jackson.core.JsonParser p = Formats.yaml().createParser(yaml)) {
            if (p.nextToken() != com.fasterxml.jackson.core.JsonToken.START_OBJECT) {
                return null;
            }
            com.fasterxml.jackson.core.JsonToken t;
            while ((t = p.nextToken()) == com.fasterxml.jackson.core.JsonToken.FIELD_NAME) {
                int line = p.currentTokenLocation().getLineNr();
                boolean req = p.currentName().equals("requirements");
                if (start > 0 && next == 0) {
                    next = line;
                }
                if (req) {
                    start = line;
                }
                p.nextToken();
                p.skipChildren();
            }
        }
        if (start == 0) {
            return null;
        }
        String[] text = yaml.split("\n", -1);
        int end = next == 0 ? text.length : next - 1; // exclusive, 0-based
        // comments and blank lines after the section's last line belong to what follows it
        while (end - 1 >= start && isCommentOrBlank(text[end - 1])) {
            end--;
        }
        int dropped = 0;
        for (int i = start - 1; i < end; i++) {
            if (hasComment(text[i])) {
                dropped++;
            }
        }
        StringWriter w = new StringWriter();
        try (JsonGenerator g = Formats.yaml().createGenerator(w)) {
            g.writeStartObject();
            g.writeArrayFieldStart("requirements");
            for (RequirementLine l : lines) {
                line(g, l);
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        // a file with CRLF line ends (saved on Windows) gets its new section with them too
        boolean crlf = text[0].endsWith("\r");
        String section = crlf ? w.toString().replace("\n", "\r\n") : w.toString();
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < start - 1; i++) {
            b.append(text[i]).append('\n');
        }
        b.append(section);
        if (!section.endsWith("\n")) {
            b.append(crlf ? "\r\n" : "\n");
        }
        for (int i = end; i < text.length; i++) {
            b.append(text[i]);
            if (i < text.length - 1) {
                b.append('\n');
            }
        }
        return new Spliced(b.toString(), dropped);
    }

    /**
     * Whether a YAML line holds a comment, whole or after a value: a '#' at the start or after
     * white space, outside quotes. Counted so the user learns how many were dropped.
     */
    static boolean hasComment(String line) {
        boolean single = false;
        boolean dbl = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (dbl) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    dbl = false;
                }
            } else if (single) {
                if (c == '\'') {
                    single = false;
                }
            } else if (c == '"') {
                dbl = true;
            } else if (c == '\'') {
                single = i == 0 || !Character.isLetterOrDigit(line.charAt(i - 1));
            } else if (c == '#' && (i == 0 || Character.isWhitespace(line.charAt(i - 1)))) {
                return true;
            }
        }
        return false;
    }

    private static boolean isCommentOrBlank(String line) {
        String t = line.strip();
        return t.isEmpty() || t.startsWith("#");
    }

    private static void writeText(String text, Path file) throws IOException {
        try (StagedFiles out = new StagedFiles(file.toAbsolutePath().getParent())) {
            Files.writeString(
                    out.stage(file.getFileName().toString()), text, StandardCharsets.UTF_8);
            out.commit();
        }
    }

    private static void scenario(JsonGenerator g, Scenario s) throws IOException {
        g.writeStartObject();
        g.writeStringField("format", Scenario.FORMAT);
        g.writeStringField("name", s.name());
        planning(g, s.planning());
        g.writeArrayFieldStart("nodes");
        for (Node n : s.nodes()) {
            node(g, n);
        }
        g.writeEndArray();
        g.writeArrayFieldStart("lift");
        for (LiftType t : s.lift()) {
            lift(g, t);
        }
        g.writeEndArray();
        g.writeArrayFieldStart("routes");
        for (Route r : s.routes()) {
            route(g, r);
        }
        g.writeEndArray();
        g.writeArrayFieldStart("requirements");
        for (RequirementLine l : s.requirements()) {
            line(g, l);
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    private static void planning(JsonGenerator g, Planning p) throws IOException {
        g.writeObjectFieldStart("planning");
        g.writeNumberField("horizonDays", p.horizonDays());
        g.writeNumberField("paxWeightStons", p.paxWeightStons());
        g.writeNumberField("seed", p.seed());
        g.writeNumberField("searchIterations", p.searchIterations());
        if (p.cDate() != null) {
            g.writeStringField("cDate", p.cDate());
        }
        g.writeEndObject();
    }

    private static void node(JsonGenerator g, Node n) throws IOException {
        g.writeStartObject();
        g.writeStringField("id", n.id());
        str(g, "name", n.name());
        g.writeStringField("kind", n.kind().name());
        str(g, "country", n.country());
        g.writeNumberField("lat", n.lat());
        g.writeNumberField("lon", n.lon());
        if (n.mog() != 0) {
            g.writeNumberField("mog", n.mog());
        }
        if (n.berths() != 0) {
            g.writeNumberField("berths", n.berths());
        }
        if (n.handlingHours() != 0) {
            g.writeNumberField("handlingHours", n.handlingHours());
        }
        g.writeEndObject();
    }

    private static void lift(JsonGenerator g, LiftType t) throws IOException {
        g.writeStartObject();
        g.writeStringField("id", t.id());
        if (t.mode() != null) {
            g.writeStringField("mode", t.mode().name());
        }
        g.writeNumberField("count", t.count());
        g.writeNumberField("availableFromDay", t.availableFromDay());
        str(g, "baseNode", t.baseNode());
        g.writeArrayFieldStart("carries");
        for (CargoClass c : CargoClass.values()) {
            if (t.carries(c)) {
                g.writeString(c.name());
            }
        }
        g.writeEndArray();
        g.writeNumberField("paxCapacity", t.paxCapacity());
        g.writeNumberField("stonsCapacity", t.stonsCapacity());
        if (t.sqftCapacity() != 0) {
            g.writeNumberField("sqftCapacity", t.sqftCapacity());
        }
        g.writeNumberField("speedKnots", t.speedKnots());
        if (t.hasRange()) {
            g.writeNumberField("rangeNm", t.rangeNm());
        }
        g.writeObjectFieldStart("groundHours");
        g.writeNumberField("onload", t.groundHours().onload());
        g.writeNumberField("offload", t.groundHours().offload());
        g.writeNumberField("enroute", t.groundHours().enroute());
        g.writeEndObject();
        g.writeEndObject();
    }

    private static void route(JsonGenerator g, Route r) throws IOException {
        g.writeStartObject();
        str(g, "id", r.id());
        g.writeStringField("mode", r.mode().name());
        str(g, "from", r.from());
        str(g, "to", r.to());
        if (!r.via().isEmpty()) {
            g.writeArrayFieldStart("via");
            for (String v : r.via()) {
                g.writeString(v);
            }
            g.writeEndArray();
        }
        if (!r.legsNm().isEmpty()) {
            g.writeArrayFieldStart("legsNm");
            for (Double d : r.legsNm()) {
                g.writeNumber(d);
            }
            g.writeEndArray();
        }
        if (!r.isChannel() || r.hours() != 0) {
            g.writeNumberField("hours", r.hours());
        }
        g.writeEndObject();
    }

    private static void line(JsonGenerator g, RequirementLine l) throws IOException {
        g.writeStartObject();
        g.writeStringField("uln", l.uln());
        str(g, "unit", l.unit());
        str(g, "nation", l.nation());
        g.writeNumberField("pax", l.pax());
        g.writeArrayFieldStart("cargo");
        for (CargoEntry e : l.cargo()) {
            g.writeStartObject();
            g.writeStringField("class", e.cargoClass().name());
            g.writeNumberField("stons", e.stons());
            if (e.sqft() != 0) {
                g.writeNumberField("sqft", e.sqft());
            }
            g.writeEndObject();
        }
        g.writeEndArray();
        str(g, "origin", l.origin());
        str(g, "poe", l.poe());
        str(g, "pod", l.pod());
        str(g, "destination", l.destination());
        g.writeNumberField("rld", l.rld());
        g.writeNumberField("ald", l.ald());
        g.writeNumberField("ead", l.ead());
        g.writeNumberField("lad", l.lad());
        g.writeNumberField("rdd", l.rdd());
        g.writeNumberField("priority", l.priority());
        if (l.mode() != null) {
            g.writeStringField("mode", l.mode().name());
        }
        g.writeEndObject();
    }

    private static void str(JsonGenerator g, String field, String v) throws IOException {
        if (v != null) {
            g.writeStringField(field, v);
        }
    }
}
