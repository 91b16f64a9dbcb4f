package muster.io.force;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import muster.io.JacksonText;
import muster.model.force.Order;
import muster.model.force.OrderEvent;
import muster.model.force.OrderKind;

/**
 * One order event as one line of JSON. The same field names serve a database's JSON column, so a
 * log moves between stores unchanged.
 */
public final class OrderEventJson {
    private static final ObjectMapper M = new ObjectMapper();

    private OrderEventJson() {}

    public static String write(OrderEvent e) {
        ObjectNode o = M.createObjectNode();
        o.put("seq", e.seq());
        o.put("type", e.type().name());
        o.put("orderId", e.orderId());
        o.put("user", e.user());
        o.put("at", e.at().toString());
        if (e.reason() != null) {
            o.put("reason", e.reason());
        }
        if (e.order() != null) {
            Order d = e.order();
            ObjectNode n = o.putObject("order");
            n.put("id", d.id());
            n.put("kind", d.kind().name());
            ArrayNode us = n.putArray("units");
            d.units().forEach(us::add);
            n.put("authority", d.authority());
            n.put("effective", d.effective().toString());
            if (d.noticeToMoveHours() != null) {
                n.put("noticeToMoveHours", d.noticeToMoveHours());
            }
            if (d.destination() != null) {
                n.put("destination", d.destination());
            }
            if (d.cDay() != null) {
                n.put("cDay", d.cDay().toString());
            }
            if (d.readyDate() != null) {
                n.put("readyDate", d.readyDate().toString());
            }
            if (d.note() != null) {
                n.put("note", d.note());
            }
        }
        try {
            return M.writeValueAsString(o);
        } catch (JsonProcessingException x) {
            throw new IllegalStateException(x);
        }
    }

    /** Parses one line; throws {@link IllegalArgumentException} saying what is wrong. */
    public static OrderEvent read(String line) {
        JsonNode o;
        try {
            o = M.readTree(line);
        } catch (JsonProcessingException x) {
            throw new IllegalArgumentException("not valid JSON: " + JacksonText.problem(x));
        }
        if (o == null || !o.isObject()) {
            throw new IllegalArgumentException("not a JSON object");
        }
        try {
            Order order = null;
            JsonNode n = o.get("order");
            if (n != null && !n.isNull()) {
                List<String> units = new ArrayList<>();
                JsonNode us = n.path("units");
                if (!us.isMissingNode() && !us.isNull() && !us.isArray()) {
                    throw new IllegalArgumentException(
                            "field 'units' = " + us + ": not a list of UICs");
                }
                for (int i = 0; i < us.size(); i++) {
                    if (!us.get(i).isTextual()) {
                        // 5 would be read as the UIC "5" and {} as a blank one
                        throw new IllegalArgumentException(
                                "field 'order.units' item "
                                        + (i + 1)
                                        + " = "
                                        + us.get(i)
                                        + ": not a UIC in quotes");
                    }
                    units.add(us.get(i).asText());
                }
                order =
                        new Order(
                                req(n, "id"),
                                choice(n, "kind", OrderKind.class),
                                units,
                                text(n, "authority"),
                                effective(n),
                                n.hasNonNull("noticeToMoveHours")
                                        ? whole(n, "order.noticeToMoveHours")
                                        : null,
                                text(n, "destination"),
                                orderDate(n, "order.cDay", "cDay"),
                                orderDate(n, "order.readyDate", "readyDate"),
                                text(n, "note"));
            }
            if (!o.hasNonNull("seq")) {
                throw new IllegalArgumentException("field 'seq' is missing");
            }
            if (!o.get("seq").isIntegralNumber() || !o.get("seq").canConvertToLong()) {
                // 2.5 would be read as 2 and "2" as a number
                throw new IllegalArgumentException(
                        "field 'seq' = " + o.get("seq") + ": not a whole number");
            }
            return new OrderEvent(
                    o.get("seq").asLong(),
                    choice(o, "type", OrderEvent.Type.class),
                    req(o, "orderId"),
                    req(o, "user"),
                    instant(o, "at", "at"),
                    order,
                    text(o, "reason"));
        } catch (RuntimeException x) {
            throw new IllegalArgumentException(x.getMessage(), x);
        }
    }

    /** A field naming one of {@code type}'s constants, refused in the log's own terms. */
    private static <E extends Enum<E>> E choice(JsonNode n, String f, Class<E> type) {
        String v = req(n, f);
        for (E e : type.getEnumConstants()) {
            if (e.name().equals(v)) {
                return e;
            }
        }
        throw new IllegalArgumentException(
                "field '"
                        + f
                        + "' = '"
                        + v
                        + "': not one of "
                        + java.util.Arrays.stream(type.getEnumConstants())
                                .map(Enum::name)
                                .collect(java.util.stream.Collectors.joining(", ")));
    }

    /** An ISO-8601 instant, refused by field and value when it is not one. */
    private static Instant instant(JsonNode n, String name, String f) {
        String v = req(n, f);
        try {
            return Instant.parse(v);
        } catch (java.time.format.DateTimeParseException e) {
            throw new IllegalArgumentException(
                    "field '"
                            + name
                            + "' = '"
                            + v
                            + "': not an ISO-8601 instant such as 2022-02-02T18:00:00Z");
        }
    }

    /** When an order takes effect: an instant in the years its commands take. */
    private static Instant effective(JsonNode n) {
        Instant at = instant(n, "order.effective", "effective");
        if (at.isBefore(FIRST) || !at.isBefore(PAST_LAST)) {
            outside("order.effective", n.get("effective").asText());
        }
        return at;
    }

    /** An order's date: a date in the years its commands take, or null. */
    private static LocalDate orderDate(JsonNode n, String name, String f) {
        LocalDate d = date(n, name, f);
        if (d != null && (d.getYear() < 1900 || d.getYear() > 9999)) {
            outside(name, n.get(f).asText());
        }
        return d;
    }

    private static final Instant FIRST = Instant.parse("1900-01-01T00:00:00Z");

    private static final Instant PAST_LAST = Instant.parse("+10000-01-01T00:00:00Z");

    /**
     * Refuses an order's time or date outside the years 1900 to 9999, which no command of muster
     * records: the board counts such an order's days, and one beyond the years a day can be counted
     * in (an effective time in the year 1,000,000,000, a ready date of +999999999-12-31) stopped
     * 'orders list', 'orders issue' and 'readiness' with an error naming neither line nor field.
     */
    private static void outside(String name, String v) {
        throw new IllegalArgumentException(
                "field '"
                        + name
                        + "' = '"
                        + v
                        + "': outside the years 1900 to 9999, in which orders are dated");
    }

    /** A date (yyyy-mm-dd) or null, refused by field and value when it is not one. */
    private static LocalDate date(JsonNode n, String name, String f) {
        if (!n.hasNonNull(f)) {
            return null;
        }
        String v = n.get(f).asText();
        try {
            return LocalDate.parse(v);
        } catch (java.time.format.DateTimeParseException e) {
            throw new IllegalArgumentException(
                    "field '" + name + "' = '" + v + "': not a date (yyyy-mm-dd)");
        }
    }

    /** A whole number of the order, refused by field and value when it is not one. */
    private static int whole(JsonNode n, String name) {
        JsonNode v = n.get(name.substring(name.indexOf('.') + 1));
        if (!v.isIntegralNumber() || !v.canConvertToInt()) {
            throw new IllegalArgumentException(
                    "field '" + name + "' = " + v + ": not a whole number");
        }
        return v.asInt();
    }

    private static String req(JsonNode n, String f) {
        if (!n.hasNonNull(f)) {
            throw new IllegalArgumentException("field '" + f + "' is missing");
        }
        return text(n, f);
    }

    /**
     * A text field or null; a number, true or an object is refused, not read as its text ("true",
     * "5", or blank for an object).
     */
    private static String text(JsonNode n, String f) {
        if (!n.hasNonNull(f)) {
            return null;
        }
        JsonNode v = n.get(f);
        if (!v.isTextual()) {
            throw new IllegalArgumentException("field '" + f + "' = " + v + ": not text in quotes");
        }
        return v.asText();
    }
}
