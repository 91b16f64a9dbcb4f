package muster.io.force;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import muster.engine.sourcing.Alternative;
import muster.engine.sourcing.Choice;
import muster.engine.sourcing.Cost;
import muster.engine.sourcing.Reason;
import muster.engine.sourcing.Rejection;
import muster.engine.sourcing.SourcingResult;
import muster.engine.sourcing.Unfilled;
import muster.model.LineMode;
import muster.model.RequirementLine;
import muster.model.force.Catalogue;
import muster.model.force.Unit;

/** The sourcing result as text for a planner: choices, empty slots and, asked, the reasons. */
public final class SourcingText {
    private SourcingText() {}

    public static String render(SourcingResult r, Catalogue cat, boolean explain) {
        StringBuilder b = new StringBuilder();
        int slots = r.choices().size() + r.unfilled().size();
        b.append(
                String.format(
                        Locale.ROOT,
                        "sourced %d slot(s): %d filled, %d empty; total cost %d%n",
                        slots,
                        r.choices().size(),
                        r.unfilled().size(),
                        r.totalCost()));
        for (Choice c : r.choices()) {
            Unit u = cat.unit(c.uic()).orElseThrow();
            b.append(
                    String.format(
                            Locale.ROOT,
                            "  %-16s %-7s %s (%s), closes day %d%s%n",
                            c.slotId(),
                            c.uic(),
                            u.name(),
                            u.nation(),
                            c.cost().closureDay(),
                            c.cost().lateDays() > 0
                                    ? ", " + c.cost().lateDays() + " day(s) late"
                                    : ""));
            if (explain) {
                b.append("      why: ").append(c.cost().describe()).append(System.lineSeparator());
                if (c.next().isEmpty()) {
                    b.append("      next: no other unit can fill it")
                            .append(System.lineSeparator());
                }
                for (Alternative a : c.next()) {
                    b.append("      next: ")
                            .append(a.uic())
                            .append(' ')
                            .append(cost(a.cost()))
                            .append(a.takenBy() == null ? "" : ", chosen for " + a.takenBy())
                            .append(System.lineSeparator());
                }
            }
        }
        for (Unfilled u : r.unfilled()) {
            // a unit that fits is TAKEN or TOO_COSTLY; every other reason is a unit that does
            // not: one that fits but fills another slot makes the slot short of units, not of fit
            boolean costly = u.reasons().stream().anyMatch(x -> x.reason() == Reason.TOO_COSTLY);
            boolean taken = u.reasons().stream().anyMatch(x -> x.reason() == Reason.TAKEN);
            b.append(
                    String.format(
                            Locale.ROOT,
                            "  %-16s EMPTY   %s (cost %d)%n",
                            u.slotId(),
                            costly
                                    ? "no unit that fits costs less than leaving the slot empty"
                                    : taken
                                            ? "every unit that fits fills another slot"
                                            : "no unit fits",
                            u.cost()));
            if (explain) {
                Map<Reason, Integer> hidden = new EnumMap<>(Reason.class);
                for (Rejection x : u.reasons()) {
                    if (x.reason() == Reason.WRONG_CAPABILITY) {
                        hidden.merge(x.reason(), 1, Integer::sum);
                        continue;
                    }
                    b.append("      ").append(x.describe()).append(System.lineSeparator());
                }
                for (Map.Entry<Reason, Integer> e : hidden.entrySet()) {
                    b.append("      ")
                            .append(e.getValue())
                            .append(" other unit(s): ")
                            .append(e.getKey())
                            .append(System.lineSeparator());
                }
            }
        }
        Map<LineMode, Integer> modes = new EnumMap<>(LineMode.class);
        for (RequirementLine l : r.lines()) {
            modes.merge(l.mode(), 1, Integer::sum);
        }
        b.append("lines: ")
                .append(r.lines().size())
                .append(' ')
                .append(modes)
                .append(System.lineSeparator());
        return b.toString();
    }

    private static String cost(Cost c) {
        return "cost "
                + c.total()
                + " (closure day "
                + c.closureDay()
                + ", late "
                + c.lateDays()
                + " d, readiness "
                + c.readinessCost()
                + ", committed "
                + c.committedCost()
                + ")";
    }
}
