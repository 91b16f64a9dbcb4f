package muster.engine.plan.lns;

import java.util.Map;
import java.util.TreeMap;

/**
 * How many aircraft (or ships) are on the ground at one node over time, against its MOG (or
 * berths): a step function kept as a sorted map from the hour where a step begins to the count that
 * holds until the next step. Reservations are half-open intervals {@code [arrive, depart)}, as rule
 * 8 counts them; an empty interval takes no room.
 */
final class CapacityTimeline {
    private final int capacity;
    private final TreeMap<Double, Integer> steps = new TreeMap<>();

    CapacityTimeline(int capacity) {
        this.capacity = capacity;
        steps.put(Double.NEGATIVE_INFINITY, 0);
    }

    int capacity() {
        return capacity;
    }

    /**
     * The earliest hour {@code c >= from} such that fewer than {@code capacity} stops are on the
     * ground at every instant of {@code [c, c + hours)}; {@link Double#POSITIVE_INFINITY} when the
     * node has no room at all. A zero-length stay always fits.
     */
    double earliestFit(double from, double hours) {
        if (hours <= 0) {
            return from;
        }
        if (capacity <= 0) {
            return Double.POSITIVE_INFINITY;
        }
        double c = from;
        Map.Entry<Double, Integer> e = steps.floorEntry(from);
        while (e != null) {
            Map.Entry<Double, Integer> next = steps.higherEntry(e.getKey());
            double segEnd = next == null ? Double.POSITIVE_INFINITY : next.getKey();
            if (e.getKey() >= c + hours) {
                return c;
            }
            if (e.getValue() >= capacity && segEnd > c) {
                c = segEnd;
            }
            e = next;
        }
        return c;
    }

    /** The count on the ground at hour {@code t}. */
    int countAt(double t) {
        return steps.floorEntry(t).getValue();
    }

    void reserve(double from, double to) {
        add(from, to, 1);
    }

    void release(double from, double to) {
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
        merge(to);
        merge(from);
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

    int steps() {
        return steps.size();
    }
}
