package muster.model.force;

import java.util.List;

/**
 * Kinds of order: an alert (prepare to deploy, sets notice to move), a deployment order (sets C-day
 * and the date units are required) and a stand-down.
 */
public enum OrderKind {
    ALERT(List.of("noticeToMoveHours")),
    DEPLOY(List.of("destination", "cDay", "readyDate")),
    STAND_DOWN(List.of());

    /** The fields of {@link Order} that only some kinds take, in the order's own order. */
    public static final List<String> KIND_FIELDS =
            List.of("noticeToMoveHours", "destination", "cDay", "readyDate");

    private final List<String> fields;

    OrderKind(List<String> fields) {
        this.fields = fields;
    }

    /**
     * The fields of {@link #KIND_FIELDS} that an order of this kind needs; it takes none of the
     * others.
     */
    public List<String> fields() {
        return fields;
    }

    /** "an ALERT", "a DEPLOY": for messages. */
    public String withArticle() {
        return (this == ALERT ? "an " : "a ") + name();
    }
}
