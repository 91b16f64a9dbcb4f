package muster.io;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import muster.model.Fault;

/**
 * Planning factors of lift types ({@code muster/lift-factors@1}), which a scenario's lift entry
 * names with {@code factors: ID} to take every field it does not give itself.
 */
public final class LiftFactors {
    /** The bundled factors file on the class path (from the project's {@code data/} folder). */
    public static final String DEFAULT_RESOURCE = "lift-types.yaml";

    private final String source;
    private final Map<String, Item> entries;
    private final String problem;

    private LiftFactors(String source, Map<String, Item> entries, String problem) {
        this.source = source;
        this.entries = entries;
        this.problem = problem;
    }

    /** The bundled factors. */
    public static LiftFactors bundled() {
        return fromClasspath(DEFAULT_RESOURCE);
    }

    /** Factors read from a class-path resource; a missing or broken file is reported on use. */
    public static LiftFactors fromClasspath(String resource) {
        ClassLoader cl = LiftFactors.class.getClassLoader();
        try (InputStream in = cl.getResourceAsStream(resource)) {
            if (in == null) {
                return new LiftFactors(
                        resource, Map.of(), "planning factors file " + resource + " not found");
            }
            return parse(resource, in);
        } catch (IOException e) {
            return new LiftFactors(
                    resource, Map.of(), "cannot read " + resource + ": " + e.getMessage());
        }
    }

    static LiftFactors parse(String source, InputStream in) throws IOException {
        Map<String, Item> entries = new LinkedHashMap<>();
        List<Fault> faults = new ArrayList<>();
        try (JsonParser p = Formats.yaml().createParser(in)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return new LiftFactors(source, entries, source + ": not a factors document");
            }
            TreeReader r = new TreeReader(p, faults);
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String key = p.currentName();
                p.nextToken();
                if (!key.equals("liftTypes") || p.currentToken() != JsonToken.START_ARRAY) {
                    p.skipChildren();
                    continue;
                }
                int k = 0;
                while (p.nextToken() == JsonToken.START_OBJECT) {
                    Item it = r.readObject(Schemas.FACTOR, "liftTypes[" + k++ + "]", true);
                    if (it.has("id")) {
                        entries.putIfAbsent(it.string("id"), it);
                    }
                }
            }
        } catch (JacksonException e) {
            return new LiftFactors(source, entries, source + ": " + JacksonText.problem(e));
        }
        if (!faults.isEmpty()) {
            Fault f = faults.get(0);
            return new LiftFactors(
                    source,
                    entries,
                    source + ":" + f.line() + ": " + f.path() + ": " + f.message());
        }
        return new LiftFactors(source, entries, null);
    }

    String source() {
        return source;
    }

    /** Why the factors cannot be used, or null. */
    String problem() {
        return problem;
    }

    Item entry(String id) {
        return entries.get(id);
    }

    List<String> ids() {
        return new ArrayList<>(entries.keySet());
    }
}
