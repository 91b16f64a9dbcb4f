package muster.engine.plan;

import java.util.Arrays;
import muster.model.LiftMode;
import muster.model.LiftType;
import muster.model.Node;
import muster.model.NodeKind;

/**
 * How many aircraft (or ships) are on the ground at one node over time, against its MOG (or
 * berths): a step function kept as sorted arrays of the hours where a step begins and the count
 * that holds until the next step. Reservations are half-open intervals {@code [arrive, depart)}, as
 * rule 8 counts them; an empty interval takes no room. Both the lns and the fifo planner book
 * ground room on it.
 *
 * <p>Plain arrays rather than a tree: the planners reserve and release ground time millions of
 * times (about 23 million changes in a plan of a generated M) on timelines of a few dozen steps on
 * average (61 at generated L, the largest about 4,700), where a binary search and a short array
 * copy cost less than a tree's boxed keys and nodes.
 */
public final class CapacityTimeline {
    private final int capacity;

    /**
     * Step starts, ascending, each with the count on the ground from there until the next step; the
     * first starts at minus infinity with a count of 0.
     */
    private final Sorted steps = new Sorted(16);

    /**
     * The maximal intervals where the node is full, start to end, ascending and apart; kept so that
     * a search for room jumps over a busy stretch in one step instead of walking its every change.
     */
    private final Sorted full = new Sorted(8);

    private final double minStay;

    /**
     * @param capacity MOG or berths
     * @param minStay the shortest stay any search will ask for, hours; shorter gaps are useless
     */
    public CapacityTimeline(int capacity, double minStay) {
        this.capacity = capacity;
        this.minStay = minStay;
        steps.insert(0, Double.NEGATIVE_INFINITY, 0);
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
            int r = full.floor(c);
            if (r >= 0 && full.values[r] > c) {
                c = full.values[r];
                continue;
            }
            int next = r + 1; // the first full stretch that starts after c
            if (next == full.size || full.keys[next] >= c + hours) {
                return c;
            }
            c = full.values[next];
        }
    }

    /** The count on the ground at hour {@code t}. */
    int countAt(double t) {
        return (int) steps.values[steps.floor(t)];
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
        int i = split(from);
        int j = split(to);
        for (int k = i; k < j; k++) {
            steps.values[k] += delta;
        }
        refreshFull(from, to);
        merge(j);
        merge(i);
    }

    /**
     * Recomputes the full stretches near {@code [from, to)}, where the counts just changed. Gaps
     * shorter than the shortest stay are counted as full: no stay can use them.
     */
    private void refreshFull(double from, double to) {
        double lo = from - minStay;
        double hi = to + minStay;
        // the stretches that reach into (lo, hi) lie next to one another; keep only their parts
        // outside it
        int last = full.lower(hi);
        int first = last;
        while (first >= 0 && full.values[first] > lo) {
            first--;
        }
        first++;
        if (first <= last) {
            double headFrom = full.keys[first];
            double tailTo = full.values[last];
            full.remove(first, last + 1);
            int put = first;
            if (headFrom < lo) {
                full.insert(put++, headFrom, lo);
            }
            if (tailTo > hi) {
                full.insert(put, hi, tailTo);
            }
        }
        double[] at = steps.keys;
        for (int k = steps.floor(lo); k < steps.size && at[k] < hi; k++) {
            if (steps.values[k] >= capacity) {
                double a = Math.max(lo, at[k]);
                double b = k + 1 < steps.size ? Math.min(hi, at[k + 1]) : Double.POSITIVE_INFINITY;
                if (b > a) {
                    addFull(a, b);
                }
            }
        }
        // reconnect the pieces kept at both ends
        int h = full.ceiling(hi);
        if (h < full.size && full.keys[h] == hi) {
            double end = full.values[h];
            full.remove(h, h + 1);
            addFull(hi, end);
        }
    }

    private void addFull(double a, double b) {
        int before = full.floor(a);
        if (before >= 0 && closes(a - full.values[before])) {
            a = full.keys[before];
            b = Math.max(b, full.values[before]);
            full.remove(before, before + 1);
        }
        int first = full.ceiling(a);
        int end = first;
        while (end < full.size && closes(full.keys[end] - b)) {
            b = Math.max(b, full.values[end]);
            end++;
        }
        full.remove(first, end);
        full.insert(first, a, b);
    }

    /**
     * Whether a gap of this length between two full stretches joins them: when they touch or
     * overlap, or when it is shorter than the shortest stay (one exactly as long still takes it).
     */
    private boolean closes(double gap) {
        return gap <= 0 || gap < minStay;
    }

    /** The index of the step that begins at {@code t}, made (with the count before it) if none. */
    private int split(double t) {
        int k = steps.search(t);
        if (k >= 0) {
            return k;
        }
        k = -k - 1;
        steps.insert(k, t, steps.values[k - 1]);
        return k;
    }

    /** Drops step {@code k} when it repeats the count before it. */
    private void merge(int k) {
        if (k > 0 && steps.values[k - 1] == steps.values[k]) {
            steps.remove(k, k + 1);
        }
    }

    /**
     * Ascending keys, each with a value, in two arrays side by side: the timeline's steps (hour and
     * count, a whole number held exactly) and its full stretches (start and end).
     */
    private static final class Sorted {
        double[] keys;
        double[] values;
        int size;

        Sorted(int room) {
            keys = new double[room];
            values = new double[room];
        }

        void insert(int k, double key, double value) {
            if (size == keys.length) {
                keys = Arrays.copyOf(keys, 2 * size);
                values = Arrays.copyOf(values, 2 * size);
            }
            System.arraycopy(keys, k, keys, k + 1, size - k);
            System.arraycopy(values, k, values, k + 1, size - k);
            keys[k] = key;
            values[k] = value;
            size++;
        }

        /** Removes entries {@code from} to {@code to - 1}. */
        void remove(int from, int to) {
            System.arraycopy(keys, to, keys, from, size - to);
            System.arraycopy(values, to, values, from, size - to);
            size -= to - from;
        }

        /**
         * The index of key {@code t}, or {@code -(insertion point) - 1} if it is not there (as
         * {@link Arrays#binarySearch(double[], int, int, double)} answers).
         */
        int search(double t) {
            return Arrays.binarySearch(keys, 0, size, t);
        }

        /** The index of the last key at or below {@code t}, or -1. */
        int floor(double t) {
            int k = search(t);
            return k >= 0 ? k : -k - 2;
        }

        /** The index of the last key below {@code t}, or -1. */
        int lower(double t) {
            int k = search(t);
            return k >= 0 ? k - 1 : -k - 2;
        }

        /** The index of the first key at or above {@code t}, or {@code size}. */
        int ceiling(double t) {
            int k = search(t);
            return k >= 0 ? k : -k - 1;
        }
    }
}
