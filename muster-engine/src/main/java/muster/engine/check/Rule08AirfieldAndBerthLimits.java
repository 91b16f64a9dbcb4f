package muster.engine.check;

import static muster.engine.check.Violations.n;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import muster.model.Activity;
import muster.model.Mission;
import muster.model.Node;
import muster.model.NodeKind;
import muster.model.Stop;

/**
 * Rule 8: at every instant the aircraft on the ground at an AIRFIELD (in {@code [arrive, depart)}
 * of any stop there) are at most its {@code mog}; the ships at a SEAPORT at most its {@code
 * berths}. START stops and parked time between missions take no room; a stop no longer than the
 * 1e-6 h time tolerance takes none either, and one stop's departure within 1e-6 h of another's
 * arrival does not overlap it.
 *
 * <p>A sweep per node over the stops sorted by time: O(S log S) for S stops.
 */
final class Rule08AirfieldAndBerthLimits implements MovementRule {
    @Override
    public int number() {
        return 8;
    }

    @Override
    public void check(CheckContext ctx, Violations out) {
        // Stops that take room, grouped by node: (mission, stop) packed in a long.
        Map<String, long[]> byNode = new HashMap<>();
        Map<String, Integer> sizes = new HashMap<>();
        for (int i = 0; i < ctx.missions.size(); i++) {
            if (!ctx.usable[i]) {
                continue;
            }
            Mission m = ctx.missions.get(i);
            for (int s = 0; s < m.stops().size(); s++) {
                Stop st = m.stops().get(s);
                if (st.activity() == Activity.START
                        || st.depart() - st.arrive() <= CheckContext.TIME_TOL) {
                    continue;
                }
                Node node = ctx.net.node(st.node());
                if (node.kind() != NodeKind.AIRFIELD && node.kind() != NodeKind.SEAPORT) {
                    continue; // rule 2
                }
                int size = sizes.getOrDefault(node.id(), 0);
                long[] a = byNode.get(node.id());
                if (a == null || a.length == size) {
                    a = a == null ? new long[8] : Arrays.copyOf(a, a.length * 2);
                    byNode.put(node.id(), a);
                }
                a[size] = ((long) i << 20) | s;
                sizes.put(node.id(), size + 1);
            }
        }
        for (Node node : ctx.scenario.nodes()) {
            long[] a = byNode.get(node.id());
            if (a != null) {
                sweep(ctx, out, node, Arrays.copyOf(a, sizes.get(node.id())));
            }
        }
    }

    private static void sweep(CheckContext ctx, Violations out, Node node, long[] stops) {
        int n = stops.length;
        int limit = node.kind() == NodeKind.AIRFIELD ? node.mog() : node.berths();
        // Arrivals at arrive; departures at depart - tol, taken before an arrival at the same key.
        double[] arrive = new double[n];
        double[] depart = new double[n];
        for (int k = 0; k < n; k++) {
            Stop st = stop(ctx, stops[k]);
            arrive[k] = st.arrive();
            depart[k] = st.depart() - CheckContext.TIME_TOL;
        }
        int[] byArrival = IndexSort.byKey(arrive);
        Arrays.sort(depart);
        int count = 0;
        int d = 0;
        for (int k : byArrival) {
            while (d < n && depart[d] <= arrive[k]) {
                d++;
                count--;
            }
            count++;
            if (count > limit) {
                long key = stops[k];
                Mission m = ctx.missions.get((int) (key >>> 20));
                out.add(
                        8,
                        m.id(),
                        (int) (key & 0xFFFFF),
                        null,
                        count
                                + (node.kind() == NodeKind.AIRFIELD
                                        ? " aircraft on the ground at "
                                        : " ships alongside at ")
                                + node.id()
                                + " from hour "
                                + n(arrive[k])
                                + ", more than its "
                                + (node.kind() == NodeKind.AIRFIELD ? "MOG " : "berths ")
                                + limit);
            }
        }
    }

    private static Stop stop(CheckContext ctx, long key) {
        return ctx.missions.get((int) (key >>> 20)).stops().get((int) (key & 0xFFFFF));
    }
}
