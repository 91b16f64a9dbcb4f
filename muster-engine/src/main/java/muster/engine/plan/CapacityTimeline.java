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

    /** Step starts, ascending; the first is minus infinity with a count of 0. */
    private double[] at = new double[16];

    /** The count on the ground from {@code at[i]} until {@code at[i + 1]}. */
    private int[] count = new int[16];

    private int steps;

    /**
     * The maximal intervals where the node is full, {@code [fullFrom[i], fullTo[i])}, ascending and
     * apart; kept so that a search for room jumps over a busy stretch in one step instead of
     * walking its every change.
     */
    private double[] fullFrom = new double[8];

    private double[] fullTo = new double[8];
    private int fulls;

    private final double minStay;

    /**
     * @param capacity MOG or berths
     * @param minStay the shortest stay any search will ask for, hours; shorter gaps are useless
     */
    public CapacityTimeline(int capacity, double minStay) {
        this.capacity = capacity;
        this.minStay = minStay;
        at[0] = Double.NEGATIVE_INFINITY;
        steps = 1;
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
            int r = floor(fullFrom, fulls, c);
            if (r >= 0 && fullTo[r] > c) {
                c = fullTo[r];
                continue;
            }
            int next = r + 1; // the first full stretch that starts after c
            if (next == fulls || fullFrom[next] >= c + hours) {
                return c;
            }
            c = fullTo[next];
        }
    }

    /** The count on the ground at hour {@code t}. */
    int countAt(double t) {
        return count[floor(at, steps, t)];
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
            count[k] += delta;
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
        int last = lower(fullFrom, fulls, hi);
        int first = last;
        while (first >= 0 && fullTo[first] > lo) {
            first--;
        }
        first++;
        if (first <= last) {
            double headFrom = fullFrom[first];
            double tailTo = fullTo[last];
            removeFull(first, last + 1);
            int put = first;
            if (headFrom < lo) {
                insertFull(put++, headFrom, lo);
            }
            if (tailTo > hi) {
                insertFull(put, hi, tailTo);
            }
        }
        for (int k = floor(at, steps, lo); k < steps && at[k] < hi; k++) {
            if (count[k] >= capacity) {
                double a = Math.max(lo, at[k]);
                double b = k + 1 < steps ? Math.min(hi, at[k + 1]) : Double.POSITIVE_INFINITY;
                if (b > a) {
                    addFull(a, b);
                }
            }
        }
        // reconnect the pieces kept at both ends
        int h = ceiling(fullFrom, fulls, hi);
        if (h < fulls && fullFrom[h] == hi) {
            double end = fullTo[h];
            removeFull(h, h + 1);
            addFull(hi, end);
        }
    }

    private void addFull(double a, double b) {
        int before = floor(fullFrom, fulls, a);
        if (before >= 0 && closes(a - fullTo[before])) {
            a = fullFrom[before];
            b = Math.max(b, fullTo[before]);
            removeFull(before, before + 1);
        }
        int first = ceiling(fullFrom, fulls, a);
        int end = first;
        while (end < fulls && closes(fullFrom[end] - b)) {
            b = Math.max(b, fullTo[end]);
            end++;
        }
        removeFull(first, end);
        insertFull(first, a, b);
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
        int k = Arrays.binarySearch(at, 0, steps, t);
        if (k >= 0) {
            return k;
        }
        k = -k - 1;
        if (steps == at.length) {
            at = Arrays.copyOf(at, 2 * steps);
            count = Arrays.copyOf(count, 2 * steps);
        }
        System.arraycopy(at, k, at, k + 1, steps - k);
        System.arraycopy(count, k, count, k + 1, steps - k);
        at[k] = t;
        count[k] = count[k - 1];
        steps++;
        return k;
    }

    /** Drops step {@code k} when it repeats the count before it. */
    private void merge(int k) {
        if (k > 0 && count[k - 1] == count[k]) {
            System.arraycopy(at, k + 1, at, k, steps - k - 1);
            System.arraycopy(count, k + 1, count, k, steps - k - 1);
            steps--;
        }
    }

    private void removeFull(int from, int to) {
        System.arraycopy(fullFrom, to, fullFrom, from, fulls - to);
        System.arraycopy(fullTo, to, fullTo, from, fulls - to);
        fulls -= to - from;
    }

    private void insertFull(int k, double a, double b) {
        if (fulls == fullFrom.length) {
            fullFrom = Arrays.copyOf(fullFrom, 2 * fulls);
            fullTo = Arrays.copyOf(fullTo, 2 * fulls);
        }
        System.arraycopy(fullFrom, k, fullFrom, k + 1, fulls - k);
        System.arraycopy(fullTo, k, fullTo, k + 1, fulls - k);
        fullFrom[k] = a;
        fullTo[k] = b;
        fulls++;
    }

    /** The index of the last of the first {@code n} keys at or below {@code t}, or -1. */
    private static int floor(double[] keys, int n, double t) {
        int k = Arrays.binarySearch(keys, 0, n, t);
        return k >= 0 ? k : -k - 2;
    }

    /** The index of the last of the first {@code n} keys below {@code t}, or -1. */
    private static int lower(double[] keys, int n, double t) {
        int k = Arrays.binarySearch(keys, 0, n, t);
        return k >= 0 ? k - 1 : -k - 2;
    }

    /** The index of the first of the first {@code n} keys at or above {@code t}, or {@code n}. */
    private static int ceiling(double[] keys, int n, double t) {
        int k = Arrays.binarySearch(keys, 0, n, t);
        return k >= 0 ? k : -k - 1;
    }
}
