package muster.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The OpenAPI description names, for every JSON request body, exactly the fields its request record
 * takes: the server refuses any other field, so a description that drifts sends clients to a 400.
 * No database needed.
 */
class OpenApiRequestsTest {
    /** Each JSON request body of the description, by method and path, and the record it reads. */
    static final Map<String, Class<? extends Record>> REQUESTS = new LinkedHashMap<>();

    static {
        REQUESTS.put("post /api/login", Api.LoginRequest.class);
        REQUESTS.put("post /api/users", Api.NewUser.class);
        REQUESTS.put("post /api/users/{username}/password", Api.PasswordRequest.class);
        REQUESTS.put("post /api/me/password", Api.OwnPasswordRequest.class);
        REQUESTS.put("patch /api/scenarios/{id}/lines/{uln}/marking", Api.MarkingRequest.class);
        REQUESTS.put("post /api/scenarios/{id}/plans", Api.PlanRequest.class);
        REQUESTS.put("post /api/orders", Api.DraftRequest.class);
        REQUESTS.put("post /api/scenarios/{id}/source", ForceApi.SourceRequest.class);
        REQUESTS.put("post /api/orders/{id}/approve", Api.NoFields.class);
        REQUESTS.put("post /api/orders/{id}/issue", Api.NoFields.class);
        REQUESTS.put("post /api/orders/{id}/cancel", Api.CancelRequest.class);
        REQUESTS.put("post /api/users/{username}/deactivate", Api.NoFields.class);
        REQUESTS.put("post /api/users/{username}/activate", Api.NoFields.class);
        REQUESTS.put("put /api/users/{username}/roles", Api.RolesRequest.class);
    }

    @Test
    void everyJsonRequestBodyListsTheFieldsOfItsRequestRecord() throws Exception {
        JsonNode api = document();
        Set<String> seen = new TreeSet<>();
        for (Operation op : operations(api)) {
            JsonNode schema = op.node().at("/requestBody/content/application~1json/schema");
            if (schema.isMissingNode() || schema.path("type").asText().equals("string")) {
                // none, or a file's text, which may be JSON
                continue;
            }
            String at = op.method() + " " + op.path();
            seen.add(at);
            assertThat(REQUESTS).as(at + ": which request record reads it?").containsKey(at);
            if (schema.has("$ref")) {
                String ref = schema.get("$ref").asText();
                schema = api.at(ref.substring(1));
                assertThat(schema.isMissingNode()).as(at + ": " + ref).isFalse();
            }
            Set<String> described = new TreeSet<>();
            schema.get("properties").fieldNames().forEachRemaining(described::add);
            Set<String> taken = new TreeSet<>();
            Arrays.stream(REQUESTS.get(at).getRecordComponents())
                    .map(RecordComponent::getName)
                    .forEach(taken::add);
            assertThat(described).as(at + " properties").isEqualTo(taken);
            if (schema.has("required")) {
                schema.get("required")
                        .forEach(r -> assertThat(taken).as(at + " required").contains(r.asText()));
            }
        }
        assertThat(seen).as("request bodies described").isEqualTo(new TreeSet<>(REQUESTS.keySet()));
    }

    /**
     * Each operation of the description lists exactly the query parameters the server takes for its
     * route: the server refuses any other, so a parameter described and not taken, or taken and not
     * described, sends clients to a 400 or leaves them without it.
     */
    @Test
    void everyOperationListsTheQueryParametersItsRouteTakes() throws Exception {
        JsonNode api = document();
        Set<String> operations = new TreeSet<>();
        for (Operation op : operations(api)) {
            String route = op.route();
            operations.add(route);
            Set<String> described = new TreeSet<>();
            for (JsonNode list :
                    new JsonNode[] {
                        op.pathNode().path("parameters"), op.node().path("parameters")
                    }) {
                for (JsonNode p : list) {
                    if (p.has("$ref")) {
                        p = api.at(p.get("$ref").asText().substring(1));
                    }
                    if (p.path("in").asText().equals("query")) {
                        described.add(p.get("name").asText());
                    }
                }
            }
            assertThat(described)
                    .as(route + " query parameters")
                    .isEqualTo(
                            new TreeSet<>(
                                    Api.QUERY_PARAMETERS.getOrDefault(route, java.util.List.of())));
        }
        assertThat(operations)
                .as("routes that take query parameters are described")
                .containsAll(Api.QUERY_PARAMETERS.keySet());
    }

    /**
     * Each operation of the description lists exactly the Content-Types of body the server takes
     * for its route, and one that reads no body lists none: the server refuses any other type with
     * 415, so a type described and not taken sends clients to it.
     */
    @Test
    void everyOperationListsTheBodyTypesItsRouteTakes() throws Exception {
        JsonNode api = document();
        Set<String> operations = new TreeSet<>();
        for (Operation op : operations(api)) {
            String route = op.route();
            operations.add(route);
            java.util.List<String> described = new java.util.ArrayList<>();
            op.node()
                    .path("requestBody")
                    .path("content")
                    .fieldNames()
                    .forEachRemaining(described::add);
            assertThat(described)
                    .as(route + " body types")
                    .isEqualTo(Api.BODY_TYPES.getOrDefault(route, java.util.List.of()));
        }
        assertThat(operations)
                .as("routes that read a body are described")
                .containsAll(Api.BODY_TYPES.keySet());
    }

    /**
     * Every record id the description names (a path's {id} but an order's, the scenario and
     * supersedes query parameters, a sourcing request's catalogueId) is an int64 from 1 to 2^53 -
     * 1: ids are drawn at random over that range, and a client generated from a plain integer takes
     * an int32.
     */
    @Test
    void everyRecordIdIsAnInt64UpToTheLargestExactJavaScriptNumber() throws Exception {
        JsonNode api = document();
        Map<String, JsonNode> ids = new LinkedHashMap<>();
        for (Operation op : operations(api)) {
            String route = op.route();
            for (JsonNode list :
                    new JsonNode[] {
                        op.pathNode().path("parameters"), op.node().path("parameters")
                    }) {
                for (JsonNode p : list) {
                    if (p.has("$ref")) {
                        p = api.at(p.get("$ref").asText().substring(1));
                    }
                    String name = p.path("name").asText();
                    String in = p.path("in").asText();
                    // an order's id is its nation's and its number in turn, text
                    if (in.equals("path")
                                    && name.equals("id")
                                    && !op.path().startsWith("/api/orders/")
                            || in.equals("query")
                                    && (name.equals("scenario") || name.equals("supersedes"))) {
                        ids.put(route + " " + name, p.path("schema"));
                    }
                }
            }
        }
        ids.put(
                "POST /api/scenarios/{id}/source catalogueId",
                api.at(
                        "/paths/~1api~1scenarios~1{id}~1source/post/requestBody/content"
                                + "/application~1json/schema/properties/catalogueId"));
        assertThat(ids)
                .containsKeys(
                        "GET /api/plans/{id} id",
                        "GET /api/sourcing/runs scenario",
                        "POST /api/catalogues supersedes");
        ids.forEach(
                (at, schema) -> {
                    assertThat(schema.path("type").asText()).as(at).isEqualTo("integer");
                    assertThat(schema.path("format").asText()).as(at).isEqualTo("int64");
                    assertThat(schema.path("minimum").asLong()).as(at).isEqualTo(1);
                    assertThat(schema.path("maximum").asLong()).as(at).isEqualTo((1L << 53) - 1);
                });
    }

    /** The OpenAPI description the server serves. */
    private static JsonNode document() throws java.io.IOException {
        try (InputStream in = Api.class.getResourceAsStream("/openapi.json")) {
            return new ObjectMapper().readTree(in);
        }
    }

    /** One operation of the description: its method, path, the path's node and its own. */
    private record Operation(String method, String path, JsonNode pathNode, JsonNode node) {
        /** The route as the server's tables name it: {@code GET /api/plans/{id}/lines}. */
        String route() {
            return method.toUpperCase(java.util.Locale.ROOT) + " " + path;
        }
    }

    /**
     * Every operation of the description, path by path (a path's shared parameters are not one).
     */
    private static java.util.List<Operation> operations(JsonNode api) {
        java.util.List<Operation> out = new java.util.ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = api.get("paths").fields();
                paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields();
                    ops.hasNext(); ) {
                Map.Entry<String, JsonNode> op = ops.next();
                if (!op.getKey().equals("parameters")) {
                    out.add(
                            new Operation(
                                    op.getKey(), path.getKey(), path.getValue(), op.getValue()));
                }
            }
        }
        return out;
    }
}
