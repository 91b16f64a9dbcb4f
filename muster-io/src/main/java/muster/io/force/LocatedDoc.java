package muster.io.force;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import muster.io.JacksonText;

/**
 * A YAML or JSON document as a tree, with the file line of every path ({@code units[3].uic}). Force
 * files are small (hundreds of units), so the whole map is kept.
 */
final class LocatedDoc {
    final String file;
    final JsonNode root;
    final Map<String, Integer> lines;

    LocatedDoc(String file, JsonNode root, Map<String, Integer> lines) {
        this.file = file;
        this.root = root;
        this.lines = lines;
    }

    /** Thrown for a file that is not well-formed YAML or JSON; the message names file and line. */
    static final class Malformed extends Exception {
        private static final long serialVersionUID = 1L;
        final int line;

        Malformed(String message, int line) {
            super(message);
            this.line = line;
        }
    }

    static LocatedDoc read(Path path) throws IOException, Malformed {
        String name = path.toString();
        JsonFactory f =
                name.toLowerCase(java.util.Locale.ROOT).endsWith(".json")
                        ? new JsonFactory()
                        : new YAMLFactory();
        try (InputStream check = Files.newInputStream(path)) {
            // named by byte and line, as in scenarios, rather than in the parser's words
            String bad = muster.io.Utf8Check.firstFault(check);
            if (bad != null) {
                throw new Malformed(bad, muster.io.Utf8Check.lineOf(bad));
            }
        }
        JsonParser parser = null;
        try (InputStream in = Files.newInputStream(path);
                JsonParser p = f.createParser(in)) {
            parser = p;
            Map<String, Integer> lines = new HashMap<>();
            JsonToken t = p.nextToken();
            if (t == null) {
                throw new Malformed("the file is empty", 1);
            }
            JsonNode root = walk(p, "", lines);
            if (p.nextToken() != null) {
                throw new Malformed(
                        "more content after the end of the document (a second document?)",
                        p.currentTokenLocation().getLineNr());
            }
            return new LocatedDoc(name, root, lines);
        } catch (JsonProcessingException e) {
            if (e.getCause() instanceof org.yaml.snakeyaml.reader.ReaderException re) {
                // the parser names neither the character nor its line
                String place;
                try (InputStream in = Files.newInputStream(path)) {
                    place = muster.io.Utf8Check.placeOf(in, re.getCodePoint());
                }
                if (place != null) {
                    throw new Malformed(place, muster.io.Utf8Check.lineOf(place));
                }
            }
            // a size limit (lists nested too deep) names no place: where reading stopped
            JsonLocation loc = JacksonText.location(e, parser);
            int line = loc == null ? 0 : loc.getLineNr();
            throw new Malformed(JacksonText.problem(e, parser), line);
        }
    }

    private static JsonNode walk(JsonParser p, String path, Map<String, Integer> lines)
            throws IOException, Malformed {
        lines.putIfAbsent(path, p.currentTokenLocation().getLineNr());
        JsonNodeFactory nf = JsonNodeFactory.instance;
        JsonToken t = p.currentToken();
        if (p instanceof com.fasterxml.jackson.dataformat.yaml.YAMLParser y && y.isCurrentAlias()) {
            // the parser gives an alias as its anchor's name, not the value it stands for
            throw new Malformed(
                    "field '"
                            + path
                            + "' = '*"
                            + p.getText()
                            + "': a YAML alias; muster does not expand aliases, so write the value"
                            + " out here",
                    p.currentTokenLocation().getLineNr());
        }
        switch (t) {
            case START_OBJECT -> {
                ObjectNode o = nf.objectNode();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    String child = path.isEmpty() ? name : path + "." + name;
                    int line = p.currentTokenLocation().getLineNr();
                    if (o.has(name)) {
                        // the later value would win without a word, as in no reader of muster's
                        throw new Malformed("field '" + child + "' given twice", line);
                    }
                    lines.put(child, line);
                    p.nextToken();
                    o.set(name, walk(p, child, lines));
                }
                return o;
            }
            case START_ARRAY -> {
                ArrayNode a = nf.arrayNode();
                int k = 0;
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    a.add(walk(p, path + "[" + k++ + "]", lines));
                }
                return a;
            }
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> {
                if (t == JsonToken.VALUE_NUMBER_INT
                        && p instanceof com.fasterxml.jackson.dataformat.yaml.YAMLParser
                        && muster.io.NumberText.yamlOctalMeant(p.getText()) != null) {
                    // 0300 people would be 192 without a word
                    throw new Malformed(
                            "field '"
                                    + path
                                    + "' = '"
                                    + p.getText()
                                    + "': "
                                    + muster.io.NumberText.yamlOctalProblem(
                                            p.getText(), p.getNumberValue().toString()),
                            p.currentTokenLocation().getLineNr());
                }
                try {
                    return new ObjectMapper().readTree(p);
                } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                    // YAML's .nan and .inf are number tokens no double is read from: kept as
                    // text, so the field that holds one is named when it is read
                    return nf.textNode(p.getText());
                }
            }
            default -> {
                return new ObjectMapper().readTree(p);
            }
        }
    }

    /** The line of a path or of its nearest enclosing path; 0 when unknown. */
    int lineOf(String path) {
        String q = path;
        while (q != null) {
            Integer l = lines.get(q);
            if (l != null) {
                return l;
            }
            if (q.isEmpty()) {
                return 0;
            }
            int cut = Math.max(q.lastIndexOf('.'), q.lastIndexOf('['));
            q = cut > 0 ? q.substring(0, cut) : "";
        }
        return 0;
    }
}
