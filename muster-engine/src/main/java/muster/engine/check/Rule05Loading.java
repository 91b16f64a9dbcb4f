package muster.engine.check;

import static muster.engine.check.Violations.n;

import muster.model.Activity;
import muster.model.LineMode;
import muster.model.RequirementLine;
import muster.model.Stop;

/**
 * Rule 5: a load of line L rides one mission of L's mode, goes on at an ONLOAD stop at L.poe and
 * comes off at a later OFFLOAD stop at L.pod; the OFFLOAD stop's {@code arrive} is not earlier than
 * {@code 24·ead}. A LAND line has no loads. (The ONLOAD stop's earliest hour is rule 1's.)
 */
final class Rule05Loading implements MovementRule {
    @Override
    public int number() {
        return 5;
    }

    @Override
    public void check(CheckContext ctx, Violations out) {
        for (CheckContext.LoadRef r : ctx.loads) {
            RequirementLine l = r.line();
            String id = r.m().id();
            if (l.mode() == LineMode.LAND) {
                out.add(
                        5,
                        id,
                        r.load().on(),
                        l.uln(),
                        "a LAND line moves by road or rail, not on missions");
                continue;
            }
            if (l.mode().liftMode() != ctx.lift[r.mission()].mode()) {
                out.add(
                        5,
                        id,
                        r.load().on(),
                        l.uln(),
                        "a "
                                + l.mode()
                                + " line rides a "
                                + ctx.lift[r.mission()].mode()
                                + " mission");
                continue;
            }
            Stop on = r.m().stops().get(r.load().on());
            Stop off = r.m().stops().get(r.load().off());
            if (on.activity() != Activity.ONLOAD || !on.node().equals(l.poe())) {
                out.add(
                        5,
                        id,
                        r.load().on(),
                        l.uln(),
                        "load goes on at "
                                + withArticle(on.activity())
                                + " stop at "
                                + on.node()
                                + ", not at an ONLOAD stop at the line's POE "
                                + l.poe());
            }
            if (off.activity() != Activity.OFFLOAD || !off.node().equals(l.pod())) {
                out.add(
                        5,
                        id,
                        r.load().off(),
                        l.uln(),
                        "load comes off at "
                                + withArticle(off.activity())
                                + " stop at "
                                + off.node()
                                + ", not at an OFFLOAD stop at the line's POD "
                                + l.pod());
            }
            double earliest = 24.0 * l.ead();
            if (off.arrive() < earliest - CheckContext.TIME_TOL) {
                out.add(
                        5,
                        id,
                        r.load().off(),
                        l.uln(),
                        "arrives at the POD at hour "
                                + n(off.arrive())
                                + ", before the earliest arrival day "
                                + l.ead()
                                + " (hour "
                                + n(earliest)
                                + ")");
            }
        }
    }

    /** "an ENROUTE", "a START": the activity with the article its spoken name takes. */
    private static String withArticle(Activity a) {
        return ("AEIOU".indexOf(a.name().charAt(0)) >= 0 ? "an " : "a ") + a.name();
    }
}
