package muster.engine.check;

import static muster.engine.check.Violations.n;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import muster.model.LineResult;

/**
 * Rule 9: a load is at its POD from its OFFLOAD stop's depart, is processed for {@code
 * handlingHours(pod)}, then moves by road or rail to the destination. Checked through the plan's
 * line results: each line has one, and its {@code podArrival}, {@code closure}, {@code closureDay}
 * and {@code lateDays} agree with the ones recomputed (see {@link Recomputed}); a line without a
 * road or rail route from its POD (or, for LAND, its origin) to its destination is reported too.
 */
final class Rule09OnwardMovement implements MovementRule {
    @Override
    public int number() {
        return 9;
    }

    @Override
    public void check(CheckContext ctx, Violations out) {
        Recomputed r = ctx.recomputed();
        for (String uln : r.noOnwardRoad) {
            var l = ctx.net.line(uln);
            String from = l.pod() != null ? "POD " + l.pod() : "origin " + l.origin();
            out.add(
                    9,
                    null,
                    null,
                    uln,
                    "no road or rail route from " + from + " to destination " + l.destination());
        }
        Map<String, LineResult> stated = new HashMap<>();
        for (LineResult s : ctx.plan.lines()) {
            if (s.uln() != null) {
                stated.putIfAbsent(s.uln(), s);
            }
        }
        for (LineResult want : r.lines) {
            LineResult got = stated.get(want.uln());
            if (got == null) {
                out.add(9, null, null, want.uln(), "the plan gives no result for this line");
                continue;
            }
            StringBuilder diff = new StringBuilder();
            hours(diff, "podArrival", got.podArrival(), want.podArrival());
            hours(diff, "closure", got.closure(), want.closure());
            if (got.closureDay() != want.closureDay()) {
                diff.append(
                        "; closureDay " + got.closureDay() + ", recomputed " + want.closureDay());
            }
            if (got.lateDays() != want.lateDays()) {
                diff.append("; lateDays " + got.lateDays() + ", recomputed " + want.lateDays());
            }
            if (diff.length() > 0) {
                out.add(9, null, null, want.uln(), "line result disagrees: " + diff.substring(2));
            }
        }
    }

    private static void hours(StringBuilder diff, String field, Double got, Double want) {
        boolean same =
                got == null || want == null
                        ? Objects.equals(got, want)
                        : Math.abs(got - want) <= CheckContext.TIME_TOL;
        if (!same) {
            diff.append("; ")
                    .append(field)
                    .append(' ')
                    .append(got == null ? "none" : n(got))
                    .append(", recomputed ")
                    .append(want == null ? "none" : n(want));
        }
    }
}
