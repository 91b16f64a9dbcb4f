package muster.engine.plan;

import java.util.Map;
import java.util.TreeMap;
import muster.model.LiftMode;
import muster.model.LiftType;
import muster.model.Node;
import muster.model.NodeKind;

/**
 * How many aircraft (or ships) are on the ground at one node over time, against its MOG (or
 * berths): a step function kept as a sorted map from the hour where a step begins to the count that
 * holds until the next step. Reservations are half-open intervals {@code [arrive, depart)}, as rule
 * 8 counts them; an empty interval takes no room. Both the lns and the fifo planner book ground
 * room on it.
 */
public final class CapacityTimeline {
    private final int capacity;
    private final TreeMap<Double, Integer> steps = new TreeMap<>();

    /**
     * The maximal intervals where the node is full, start to end; kept so that a search for room
     * jumps over a busy stretch in one step instead of walking its every change.
     */
    private final TreeMap<Double, Double> full = new TreeMap<>();

    private final double minStay;

    /**
     * @param capacity MOG or berths
     * @param minStay the shortest stay any search will ask for, hours; shorter gaps are useless
     */
    public CapacityTimeline(int capacity, double minStay) {
        this.capacity = capacity;
        this.minStay = minStay;
        steps.put(Double.NEGATIVE_INFINITY, 0);
    }

    /**
     * The timeline of a node: its MOG (airfield) or berths (seaport), none elsewhere, with the
     * shortest ground time of the lift types that stop there as the least stay.
     */
    public static CapacityTimeline of(Node node, Iterable<LiftType> types) {
        return new CapacityTimeline(capacityOf(node), shortestStay(node, types));
    }

    /** A node's room on the ground (rule 8): its MOG, its berths, or none for other kinds. */
    public static int capacityOf(Node node) {
        return node.kind() == NodeKind.AIRFIELD
                ? node.mog()
                : node.kind() == NodeKind.SEAPORT ? node.berths() : 0;
    }

    /**
     * The shortest positive ground time (onload, offload or en route) of the lift types that stop
     * at the node (aircraft at an airfield, ships at a seaport), or 0 when none has one: no stay
     * there is shorter, so no stay can use a shorter gap.
     */
    public static double shortestStay(Node node, Iterable<LiftType> types) {
        double m = Double.POSITIVE_INFINITY;
        for (LiftType t : types) {
            NodeKind k = t.mode() == LiftMode.AIR ? NodeKind.AIRFIELD : NodeKind.SEAPORT;
            if (node.kind() != k) {
                continue;
            }
            for (double g :
                    new double[] {
                        t.groundHours().onload(),
                        t.groundHours().offload(),
                        t.groundHours().enroute()
                    }) {
                if (g > 0) {
                    m = Math.min(m, g);
                }
            }
        }
        return m == Double.POSITIVE_INFINITY ? 0 : m;
    }

    public int capacity() {
        return capacity;
    }

    /**
     * The earliest hour {@code c >= from} such that fewer than {@code capacity} stops are on the
     * ground at every instant of {@code [c, c + hours)}; {@link Double#POSITIVE_INFINITY} when the
     * node has no room at all. A zero-length stay always fits.
     */
    public double earliestFit(double from, double hours) {
        if (hours <= 0) {
            return from;
        }
        if (capacity <= 0) {
            return Double.POSITIVE_INFINITY;
        }
        double c = from;
        while (true) {
            Map.Entry<Double, Double> r = full.floorEntry(c);
            if (r != null && r.getValue() > c) {
                c = r.getValue();
                continue;
            }
            Map.Entry<Double, Double> next = full.higherEntry(c);
            if (next == null || next.getKey() >= c + hours) {
                return c;
            }
            c = next.getValue();
        }
    }

    /** The count on the ground at hour {@code t}. */
    int countAt(double t) {
        return steps.floorEntry(t).getValue();
    }

    public void reserve(double from, double to) {
        add(from, to, 1);
    }

    public void release(double from, double to) {
        add(from, to, -1);
    }

    private void add(double from, double to, int delta) {
        if (!(to > from)) {
            return;
        }
        split(from);
        split(to);
        for (Map.Entry<Double, Integer> e : steps.subMap(from, true, to, false).entrySet()) {
            e.setValue(e.getValue() + delta);
        }
        refreshFull(from, to);
        merge(to);
        merge(from);
    }

    /**
     * Recomputes the full stretches near {@code [from, to)}, where the counts just changed. Gaps
     * shorter than the shortest stay are counted as full: no stay can use them.
     */
    private void refreshFull(double from, double to) {
        double lo = from - minStay;
        double hi = to + minStay;
        Map.Entry<Double, Double> r = full.lowerEntry(hi);
        while (r != null && r.getValue() > lo) {
            full.remove(r.getKey());
            if (r.getValue() > hi) {
                full.put(hi, r.getValue());
            }
            if (r.getKey() < lo) {
                full.put(r.getKey(), lo);
                break;
            }
            r = full.lowerEntry(r.getKey());
        }
        Double k = steps.floorKey(lo);
        for (Map.Entry<Double, Integer> e : steps.tailMap(k, true).entrySet()) {
            if (e.getKey() >= hi) {
                break;
            }
            if (e.getValue() >= capacity) {
                Double next = steps.higherKey(e.getKey());
                double a = Math.max(lo, e.getKey());
                double b = next == null ? Double.POSITIVE_INFINITY : Math.min(hi, next);
                if (b > a) {
                    addFull(a, b);
                }
            }
        }
        // reconnect the pieces kept at both ends
        Map.Entry<Double, Double> atHi = full.ceilingEntry(hi);
        if (atHi != null && atHi.getKey() == hi) {
            full.remove(hi);
            addFull(hi, atHi.getValue());
        }
    }

    private void addFull(double a, double b) {
        Map.Entry<Double, Double> before = full.floorEntry(a);
        if (before != null && closes(a - before.getValue())) {
            a = before.getKey();
            b = Math.max(b, before.getValue());
            full.remove(before.getKey());
        }
        Map.Entry<Double, Double> after = full.ceilingEntry(a);
        while (after != null && closes(after.getKey() - b)) {
            b = Math.max(b, after.getValue());
            full.remove(after.getKey());
            after = full.ceilingEntry(a);
        }
        full.put(a, b);
    }

    /**
     * Whether a gap of this length between two full stretches joins them: when they touch or
     * overlap, or when it is shorter than the shortest stay (one exactly as long still takes it).
     */
    private boolean closes(double gap) {
        return gap <= 0 || gap < minStay;
    }

    private void split(double t) {
        if (!steps.containsKey(t)) {
            steps.put(t, steps.floorEntry(t).getValue());
        }
    }

    /** Drops the step at {@code t} when it repeats the count before it. */
    private void merge(double t) {
        Map.Entry<Double, Integer> e = steps.floorEntry(t);
        if (e == null || e.getKey() != t) {
            return;
        }
        Map.Entry<Double, Integer> before = steps.lowerEntry(t);
        if (before != null && before.getValue().equals(e.getValue())) {
            steps.remove(t);
        }
    }
}
