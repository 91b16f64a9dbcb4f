package muster.server;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/** The one JSON mapper of the server. */
final class Json {
    static final ObjectMapper MAPPER =
            new ObjectMapper(
                            com.fasterxml.jackson.core.JsonFactory.builder()
                                    .enable(
                                            com.fasterxml.jackson.core.json.JsonReadFeature
                                                    .ALLOW_NON_NUMERIC_NUMBERS)
                                    .build())
                    .registerModule(new com.fasterxml.jackson.datatype.jsr310.JavaTimeModule())
                    .configure(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS, false)
                    .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
                    .configure(SerializationFeature.FAIL_ON_EMPTY_BEANS, false);

    /**
     * The mapper of request bodies: the same, but a field the request does not have is refused (a
     * misspelt or unsupported field would otherwise be dropped without a word, and the request run
     * with defaults the client did not ask for). Stored JSON keeps the lenient {@link #MAPPER}.
     */
    static final ObjectMapper REQUESTS =
            strict(
                    MAPPER.copy()
                            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true)
                            // 4.7 hours of notice is refused, not cut to 4
                            .configure(DeserializationFeature.ACCEPT_FLOAT_AS_INT, false)
                            // a field given twice is refused, not read as its last value
                            .configure(
                                    com.fasterxml.jackson.core.JsonParser.Feature
                                            .STRICT_DUPLICATE_DETECTION,
                                    true));

    /**
     * A value of the wrong kind is refused, not converted: {@code "authority": true} is not stored
     * as the text "true", nor {@code "noticeToMoveHours": "48"} read as 48.
     */
    private static ObjectMapper strict(ObjectMapper m) {
        var fail = com.fasterxml.jackson.databind.cfg.CoercionAction.Fail;
        m.coercionConfigFor(com.fasterxml.jackson.databind.type.LogicalType.Textual)
                .setCoercion(com.fasterxml.jackson.databind.cfg.CoercionInputShape.Integer, fail)
                .setCoercion(com.fasterxml.jackson.databind.cfg.CoercionInputShape.Float, fail)
                .setCoercion(com.fasterxml.jackson.databind.cfg.CoercionInputShape.Boolean, fail);
        for (var t :
                new com.fasterxml.jackson.databind.type.LogicalType[] {
                    com.fasterxml.jackson.databind.type.LogicalType.Integer,
                    com.fasterxml.jackson.databind.type.LogicalType.Float,
                    com.fasterxml.jackson.databind.type.LogicalType.Boolean
                }) {
            m.coercionConfigFor(t)
                    .setCoercion(
                            com.fasterxml.jackson.databind.cfg.CoercionInputShape.String, fail);
        }
        m.coercionConfigFor(com.fasterxml.jackson.databind.type.LogicalType.Boolean)
                .setCoercion(com.fasterxml.jackson.databind.cfg.CoercionInputShape.Integer, fail);
        return m;
    }

    private Json() {}

    static String write(Object o) {
        try {
            return MAPPER.writeValueAsString(o);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static <T> T read(String s, Class<T> type) {
        try {
            return MAPPER.readValue(s, type);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("stored JSON unreadable as " + type.getSimpleName(), e);
        }
    }
}
