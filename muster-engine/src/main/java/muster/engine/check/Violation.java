package muster.engine.check;

/**
 * One way a plan breaks the movement model.
 *
 * @param rule the movement rule broken, 1 to 10; {@link #FORM} (0) for the plan's form (order, ids,
 *     references, indexes) and {@link #MEASURES} (11) for stated plan measures that disagree with
 *     the recomputed ones
 * @param missionId the mission at fault, or null
 * @param stop index of the stop at fault in the mission's {@code stops}, or null
 * @param uln the requirement line at fault, or null
 * @param message what is wrong, with the figures
 */
public record Violation(int rule, String missionId, Integer stop, String uln, String message) {
    /** The plan's form: ordering, unique ids, references, load indexes. */
    public static final int FORM = 0;

    /** The plan's stated measures (closureDay, lateStonDays, lateUlns, onTimeUlns). */
    public static final int MEASURES = 11;

    /** One line: {@code rule 6 mission M3 stop 1 line A82AB01: message}. */
    public String describe() {
        StringBuilder b = new StringBuilder();
        b.append(rule == FORM ? "form" : rule == MEASURES ? "measures" : "rule " + rule);
        if (missionId != null) {
            b.append(" mission ").append(missionId);
        }
        if (stop != null) {
            b.append(" stop ").append(stop);
        }
        if (uln != null) {
            b.append(" line ").append(uln);
        }
        return b.append(": ").append(message).toString();
    }
}
