package muster.engine.fifo;

import java.util.Map;
import java.util.TreeMap;

/**
 * Ground occupancy of one airfield (aircraft, limit MOG) or seaport (ships, limit berths) as a step
 * function over half-open intervals {@code [arrive, depart)} (rule 8), with the stretches where it
 * is full kept apart and merged, so that finding room jumps over a busy stretch in one step: a
 * query costs a few map lookups per full stretch it passes, however many stays are booked.
 */
final class GroundTimeline {
    private final int capacity;

    /** Occupancy from each key up to the next key; 0 before the first and after the last. */
    private final TreeMap<Double, Integer> level = new TreeMap<>();

    /** Maximal stretches [start, end) where occupancy is at capacity, by start. */
    private final TreeMap<Double, Double> full = new TreeMap<>();

    GroundTimeline(int capacity) {
        this.capacity = capacity;
    }

    /** Books one occupant over {@code [from, to)}; an empty interval books nothing. */
    void add(double from, double to) {
        if (to <= from) {
            return;
        }
        split(from);
        split(to);
        Map.Entry<Double, Integer> e = level.ceilingEntry(from);
        while (e != null && e.getKey() < to) {
            int count = e.getValue() + 1;
            level.put(e.getKey(), count);
            Double next = level.higherKey(e.getKey());
            if (count >= capacity) {
                markFull(e.getKey(), next);
            }
            e = level.ceilingEntry(next);
        }
    }

    /**
     * The earliest time {@code x >= from} such that one more occupant fits over {@code [x,
     * x+hours)}, or +infinity when it never fits.
     */
    double earliestFit(double from, double hours) {
        if (hours <= 0) {
            return from;
        }
        if (capacity <= 0) {
            return Double.POSITIVE_INFINITY;
        }
        double x = from;
        while (true) {
            // the full stretch that holds x, else the first one starting inside the window
            Map.Entry<Double, Double> f = full.floorEntry(x);
            if (f == null || f.getValue() <= x) {
                f = full.higherEntry(x);
                if (f == null || f.getKey() >= x + hours) {
                    return x;
                }
            }
            // every start before the stretch's end overlaps it
            x = f.getValue();
        }
    }

    /** Makes {@code t} a key of the step function, keeping the occupancy on both sides. */
    private void split(double t) {
        if (level.containsKey(t)) {
            return;
        }
        Map.Entry<Double, Integer> before = level.lowerEntry(t);
        level.put(t, before == null ? 0 : before.getValue());
    }

    /** Adds [a, b) to the full stretches, merging it with those it touches. */
    private void markFull(double a, double b) {
        double start = a;
        double end = b;
        Map.Entry<Double, Double> prev = full.floorEntry(a);
        if (prev != null && prev.getValue() >= a) {
            start = prev.getKey();
            end = Math.max(end, prev.getValue());
            full.remove(prev.getKey());
        }
        Map.Entry<Double, Double> next = full.ceilingEntry(start);
        while (next != null && next.getKey() <= end) {
            end = Math.max(end, next.getValue());
            full.remove(next.getKey());
            next = full.ceilingEntry(start);
        }
        full.put(start, end);
    }
}
