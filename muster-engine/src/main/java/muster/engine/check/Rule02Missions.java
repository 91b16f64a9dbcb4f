package muster.engine.check;

import muster.model.Activity;
import muster.model.LiftMode;
import muster.model.LiftType;
import muster.model.Mission;
import muster.model.Node;
import muster.model.NodeKind;
import muster.model.Stop;

/**
 * Rule 2: a mission is one tail's ordered stops; {@code START} only as the first stop; every stop
 * at an {@code AIRFIELD} for an AIR mission or a {@code SEAPORT} for a SEA mission.
 */
final class Rule02Missions implements MovementRule {
    @Override
    public int number() {
        return 2;
    }

    @Override
    public void check(CheckContext ctx, Violations out) {
        for (int i = 0; i < ctx.missions.size(); i++) {
            if (!ctx.usable[i]) {
                continue;
            }
            Mission m = ctx.missions.get(i);
            LiftType t = ctx.lift[i];
            NodeKind want = t.mode() == LiftMode.AIR ? NodeKind.AIRFIELD : NodeKind.SEAPORT;
            for (int s = 0; s < m.stops().size(); s++) {
                Stop st = m.stops().get(s);
                if (st.activity() == Activity.START && s > 0) {
                    out.add(2, m.id(), s, null, "START is allowed only as the first stop");
                }
                Node node = ctx.net.node(st.node());
                if (node.kind() != want) {
                    out.add(
                            2,
                            m.id(),
                            s,
                            null,
                            "stop at "
                                    + node.id()
                                    + ", a "
                                    + node.kind()
                                    + ", but a "
                                    + t.mode()
                                    + " mission stops only at a "
                                    + want);
                }
            }
        }
    }
}
