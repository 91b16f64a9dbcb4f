package muster.io;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Finds the file lines of document paths such as {@code requirements[4].poe} by walking the file
 * once more, descending only into the items that hold a wanted path. Keeps memory bounded: no line
 * map of the whole document is ever built.
 */
final class LineLocator {
    private final JsonParser p;
    private final Set<String> wanted;
    private final Set<String> prefixes = new HashSet<>();
    private final Map<String, Integer> found = new HashMap<>();

    private LineLocator(JsonParser p, Set<String> wanted) {
        this.p = p;
        this.wanted = wanted;
        for (String w : wanted) {
            for (int i = 0; i < w.length(); i++) {
                char c = w.charAt(i);
                if (c == '.' || c == '[') {
                    prefixes.add(w.substring(0, i));
                }
            }
            prefixes.add(w);
        }
    }

    /** The line of each wanted path that occurs in the document. */
    static Map<String, Integer> locate(JsonParser p, Set<String> wanted) throws IOException {
        LineLocator l = new LineLocator(p, wanted);
        if (p.nextToken() != null) {
            l.walk("", p.currentTokenLocation().getLineNr());
        }
        return l.found;
    }

    /** The line of a path, or of its nearest enclosing path that was found; 0 if none. */
    static int lineOf(Map<String, Integer> found, String path) {
        String q = path;
        while (q != null && !q.isEmpty()) {
            Integer l = found.get(q);
            if (l != null) {
                return l;
            }
            int cut = Math.max(q.lastIndexOf('.'), q.lastIndexOf('['));
            q = cut > 0 ? q.substring(0, cut) : null;
        }
        return 0;
    }

    private void walk(String path, int line) throws IOException {
        found.putIfAbsent(path, line); // only wanted paths and their prefixes get here
        JsonToken t = p.currentToken();
        if (t == JsonToken.START_OBJECT) {
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String child = path.isEmpty() ? p.currentName() : path + "." + p.currentName();
                int fieldLine = p.currentTokenLocation().getLineNr();
                p.nextToken();
                if (prefixes.contains(child)) {
                    walk(child, fieldLine);
                } else {
                    p.skipChildren();
                }
            }
        } else if (t == JsonToken.START_ARRAY) {
            int k = 0;
            for (JsonToken e = p.nextToken();
                    e != null && e != JsonToken.END_ARRAY;
                    e = p.nextToken()) {
                String child = path + "[" + k++ + "]";
                if (prefixes.contains(child)) {
                    walk(child, p.currentTokenLocation().getLineNr());
                } else {
                    p.skipChildren();
                }
            }
        }
    }
}
