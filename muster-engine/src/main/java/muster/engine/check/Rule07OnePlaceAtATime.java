package muster.engine.check;

import static muster.engine.check.Violations.n;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import muster.model.LiftType;
import muster.model.Mission;

/**
 * Rule 7: tails are numbered 0 to {@code count-1}; a tail's missions never overlap in time; each
 * begins at the node where the tail's previous one ended, the first at {@code baseNode} and not
 * before {@code 24·availableFromDay}. A mission lasts from its first stop's arrive to its last
 * stop's depart; one ending at the hour the next begins does not overlap it. Each mission is held
 * against the tail's earlier mission that ends last, so one that begins inside a long mission is
 * reported even when a shorter mission lies between them.
 */
final class Rule07OnePlaceAtATime implements MovementRule {
    @Override
    public int number() {
        return 7;
    }

    @Override
    public void check(CheckContext ctx, Violations out) {
        Map<String, Integer> liftIndex = new HashMap<>();
        for (LiftType t : ctx.scenario.lift()) {
            liftIndex.putIfAbsent(t.id(), liftIndex.size());
        }
        Map<Long, List<Integer>> byTail = new HashMap<>();
        for (int i = 0; i < ctx.missions.size(); i++) {
            if (!ctx.usable[i]) {
                continue;
            }
            Mission m = ctx.missions.get(i);
            LiftType t = ctx.lift[i];
            if (m.tail() < 0 || m.tail() >= t.count()) {
                out.add(
                        7,
                        m.id(),
                        null,
                        null,
                        "tail "
                                + m.tail()
                                + " does not exist: "
                                + t.id()
                                + " has tails 0 to "
                                + (t.count() - 1));
                continue;
            }
            long key = ((long) liftIndex.get(t.id()) << 32) | m.tail();
            byTail.computeIfAbsent(key, k -> new ArrayList<>(4)).add(i);
        }
        List<List<Integer>> groups = new ArrayList<>(byTail.values());
        // report in plan order of each tail's first mission
        groups.sort((a, b) -> Integer.compare(a.get(0), b.get(0)));
        for (List<Integer> g : groups) {
            g.sort(
                    (a, b) -> {
                        int c =
                                Double.compare(
                                        ctx.missions.get(a).begin(), ctx.missions.get(b).begin());
                        return c != 0 ? c : Integer.compare(a, b);
                    });
            LiftType t = ctx.lift[g.get(0)];
            Mission first = ctx.missions.get(g.get(0));
            if (!first.stops().get(0).node().equals(t.baseNode())) {
                out.add(
                        7,
                        first.id(),
                        0,
                        null,
                        "first mission of "
                                + t.id()
                                + " tail "
                                + first.tail()
                                + " begins at "
                                + first.stops().get(0).node()
                                + ", not at the base "
                                + t.baseNode());
            }
            double from = 24.0 * t.availableFromDay();
            if (first.begin() < from - CheckContext.TIME_TOL) {
                out.add(
                        7,
                        first.id(),
                        0,
                        null,
                        "begins at hour "
                                + n(first.begin())
                                + " but "
                                + t.id()
                                + " is available only from day "
                                + t.availableFromDay()
                                + " (hour "
                                + n(from)
                                + ")");
            }
            // the earlier mission that ends last: a mission overlaps some earlier one exactly when
            // it begins before that one ends, also when a shorter mission lies between them
            Mission latest = first;
            for (int k = 1; k < g.size(); k++) {
                Mission prev = ctx.missions.get(g.get(k - 1));
                Mission m = ctx.missions.get(g.get(k));
                if (m.begin() < latest.end() - CheckContext.TIME_TOL) {
                    out.add(
                            7,
                            m.id(),
                            0,
                            null,
                            t.id()
                                    + " tail "
                                    + m.tail()
                                    + " begins this mission at hour "
                                    + n(m.begin())
                                    + " while still on mission "
                                    + latest.id()
                                    + " until hour "
                                    + n(latest.end()));
                }
                if (m.end() > latest.end()) {
                    latest = m;
                }
                String endNode = prev.stops().get(prev.stops().size() - 1).node();
                if (!m.stops().get(0).node().equals(endNode)) {
                    out.add(
                            7,
                            m.id(),
                            0,
                            null,
                            t.id()
                                    + " tail "
                                    + m.tail()
                                    + " begins this mission at "
                                    + m.stops().get(0).node()
                                    + " but its previous mission "
                                    + prev.id()
                                    + " ended at "
                                    + endNode);
                }
            }
        }
    }
}
