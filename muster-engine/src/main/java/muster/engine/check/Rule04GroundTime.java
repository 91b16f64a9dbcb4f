package muster.engine.check;

import static muster.engine.check.Violations.n;

import muster.model.Mission;
import muster.model.Stop;

/**
 * Rule 4: at each stop {@code depart - arrive >=} the lift type's ground hours of the stop's
 * activity ({@code onload}, {@code offload}, {@code enroute}; 0 for START and PASS).
 */
final class Rule04GroundTime implements MovementRule {
    @Override
    public int number() {
        return 4;
    }

    @Override
    public void check(CheckContext ctx, Violations out) {
        for (int i = 0; i < ctx.missions.size(); i++) {
            if (!ctx.usable[i]) {
                continue;
            }
            Mission m = ctx.missions.get(i);
            for (int s = 0; s < m.stops().size(); s++) {
                Stop st = m.stops().get(s);
                double need = ctx.lift[i].groundHours().of(st.activity());
                double have = st.depart() - st.arrive();
                if (have < need - CheckContext.TIME_TOL) {
                    out.add(
                            4,
                            m.id(),
                            s,
                            null,
                            st.activity()
                                    + " stop at "
                                    + st.node()
                                    + " lasts "
                                    + n(have)
                                    + " h (arrive "
                                    + n(st.arrive())
                                    + ", depart "
                                    + n(st.depart())
                                    + ") but needs "
                                    + n(need)
                                    + " h");
                }
            }
        }
    }
}
