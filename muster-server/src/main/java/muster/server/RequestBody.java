package muster.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.javalin.http.Context;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The JSON object of a request body, read into the request's record. Whatever is wrong with it is a
 * 400 that names the field and the value in the request's own terms: not JSON, not an object (an
 * array, a bare {@code null}), a field the request does not take, a value of the wrong kind.
 */
final class RequestBody {
    private RequestBody() {}

    static <T extends Record> T read(Context ctx, Class<T> type) {
        String fields =
                Arrays.stream(type.getRecordComponents())
                        .map(RecordComponent::getName)
                        .sorted()
                        .collect(Collectors.joining(", "));
        JsonNode tree;
        try {
            tree = Json.REQUESTS.readTree(ctx.body());
        } catch (JsonProcessingException e) {
            com.fasterxml.jackson.core.JsonLocation at = e.getLocation();
            String dup = duplicate(e);
            if (dup != null) {
                // a field given twice was read as its last value, which another reader of the same
                // body (a proxy, a log) may take as its first
                throw ApiException.badRequest(
                        "request body: field '"
                                + dup
                                + "' given twice"
                                + (at == null
                                        ? ""
                                        : " (line "
                                                + at.getLineNr()
                                                + ", column "
                                                + at.getColumnNr()
                                                + ")")
                                + "; give each field once");
            }
            throw ApiException.badRequest(
                    "request body is not valid JSON"
                            + (at == null
                                    ? ""
                                    : " at line " + at.getLineNr() + ", column " + at.getColumnNr())
                            + ": "
                            + muster.io.JacksonText.problem(e));
        }
        if (tree == null || !tree.isObject()) {
            throw ApiException.badRequest(
                    "request body: give "
                            + (fields.isEmpty()
                                    ? "no body or an empty JSON object {}"
                                    : "a JSON object with the fields " + fields)
                            + ", not "
                            + (tree == null || tree.isMissingNode() ? "nothing" : tree.toString()));
        }
        java.util.Set<String> documents =
                Arrays.stream(type.getRecordComponents())
                        .filter(c -> c.isAnnotationPresent(Document.class))
                        .map(RecordComponent::getName)
                        .collect(Collectors.toSet());
        var top = tree.fields();
        while (top.hasNext()) {
            var e = top.next();
            Map.Entry<String, Integer> over =
                    documents.contains(e.getKey()) ? null : tooLong(e.getValue(), e.getKey());
            if (over != null) {
                throw ApiException.badRequest(
                        "request body: field '"
                                + over.getKey()
                                + "' holds "
                                + over.getValue()
                                + " characters; a field takes at most "
                                + MAX_TEXT);
            }
        }
        String nul = withNul(tree, "");
        if (nul != null) {
            throw ApiException.badRequest(
                    "request body: field '"
                            + nul
                            + "' holds a NUL character (U+0000), which no field takes");
        }
        try {
            return Json.REQUESTS.treeToValue(tree, type);
        } catch (UnrecognizedPropertyException e) {
            throw ApiException.badRequest(
                    "request body: field '"
                            + e.getPropertyName()
                            + "' is not one this request takes; it takes "
                            + (fields.isEmpty() ? "no fields" : fields));
        } catch (MismatchedInputException e) {
            String path = path(e);
            JsonNode value = tree.at("/" + path.replace(".", "/"));
            throw ApiException.badRequest(
                    "request body: field '"
                            + path
                            + "' = "
                            + value
                            + ": "
                            + wanted(e.getTargetType()));
        } catch (JsonMappingException e) {
            if (!(e.getCause() instanceof InputCoercionException) || e.getPath().isEmpty()) {
                throw ApiException.badRequest("request body: " + e.getOriginalMessage());
            }
            // a number too large for its field
            String path = path(e);
            throw ApiException.badRequest(
                    "request body: field '"
                            + path
                            + "' = "
                            + tree.at("/" + path.replace(".", "/"))
                            + ": out of range for a whole number");
        } catch (JsonProcessingException e) {
            throw ApiException.badRequest("request body: " + e.getOriginalMessage());
        }
    }

    /**
     * Marks a request field that carries a whole file as text (a catalogue, requirements): it is
     * not held to {@link #MAX_TEXT}.
     */
    @java.lang.annotation.Retention(java.lang.annotation.RetentionPolicy.RUNTIME)
    @java.lang.annotation.Target(java.lang.annotation.ElementType.RECORD_COMPONENT)
    @interface Document {}

    /**
     * Most characters a text field of a request takes: an order's note or a plan's name fits many
     * times over, and a body of megabytes in one field would be stored and sent back on every list.
     */
    static final int MAX_TEXT = 10_000;

    /**
     * The path and length of the first text in {@code n} longer than {@link #MAX_TEXT}, or null.
     */
    private static Map.Entry<String, Integer> tooLong(JsonNode n, String at) {
        if (n.isTextual()) {
            int chars = n.textValue().length();
            return chars > MAX_TEXT ? Map.entry(at, chars) : null;
        }
        if (n.isObject()) {
            var it = n.fields();
            while (it.hasNext()) {
                var e = it.next();
                Map.Entry<String, Integer> inner = tooLong(e.getValue(), at + "." + e.getKey());
                if (inner != null) {
                    return inner;
                }
            }
        }
        if (n.isArray()) {
            for (int i = 0; i < n.size(); i++) {
                Map.Entry<String, Integer> inner = tooLong(n.get(i), at + "." + i);
                if (inner != null) {
                    return inner;
                }
            }
        }
        return null;
    }

    /** The path of the first field name or text in {@code n} with a NUL character, or null. */
    private static String withNul(JsonNode n, String at) {
        if (n.isTextual()) {
            return n.textValue().indexOf('\u0000') >= 0 ? (at.isEmpty() ? "(body)" : at) : null;
        }
        if (n.isObject()) {
            var it = n.fields();
            while (it.hasNext()) {
                var e = it.next();
                String p = at.isEmpty() ? e.getKey() : at + "." + e.getKey();
                if (e.getKey().indexOf('\u0000') >= 0) {
                    return p.replace("\u0000", "\\u0000");
                }
                String inner = withNul(e.getValue(), p);
                if (inner != null) {
                    return inner;
                }
            }
        }
        if (n.isArray()) {
            for (int i = 0; i < n.size(); i++) {
                String inner = withNul(n.get(i), at.isEmpty() ? Integer.toString(i) : at + "." + i);
                if (inner != null) {
                    return inner;
                }
            }
        }
        return null;
    }

    /** The name of the field a body gives twice, when that is what {@code e} refuses. */
    private static String duplicate(JsonProcessingException e) {
        String m = e.getOriginalMessage();
        String prefix = "Duplicate field '";
        if (e instanceof com.fasterxml.jackson.core.exc.StreamReadException
                && m != null
                && m.startsWith(prefix)
                && m.endsWith("'")
                && m.length() > prefix.length()) {
            return Auth.clip(m.substring(prefix.length(), m.length() - 1));
        }
        return null;
    }

    private static String path(JsonMappingException e) {
        return e.getPath().stream()
                .map(
                        r ->
                                r.getFieldName() != null
                                        ? r.getFieldName()
                                        : Integer.toString(r.getIndex()))
                .collect(Collectors.joining("."));
    }

    private static String wanted(Class<?> t) {
        if (t == null) {
            return "not a value this field takes";
        }
        if (t == Integer.class || t == int.class || t == Long.class || t == long.class) {
            return "not a whole number";
        }
        if (t == Double.class || t == double.class) {
            return "not a number";
        }
        if (t == Boolean.class || t == boolean.class) {
            return "not true or false";
        }
        if (t == String.class) {
            return "not a text";
        }
        if (Collection.class.isAssignableFrom(t) || t == List.class) {
            return "not a list";
        }
        if (Map.class.isAssignableFrom(t)) {
            return "not an object";
        }
        return "not a " + t.getSimpleName();
    }
}
