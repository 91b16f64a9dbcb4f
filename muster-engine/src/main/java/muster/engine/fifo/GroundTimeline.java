package muster.engine.fifo;

import java.util.ArrayList;
import java.util.List;

/**
 * Ground occupancy of one airfield (aircraft, limit MOG) or seaport (ships, limit berths) as
 * half-open intervals {@code [arrive, depart)} (rule 8).
 */
final class GroundTimeline {
    private final int capacity;
    private final List<double[]> byStart = new ArrayList<>();
    private double longest;

    GroundTimeline(int capacity) {
        this.capacity = capacity;
    }

    void add(double from, double to) {
        if (to <= from) {
            return;
        }
        int i = firstStartAtOrAfter(from);
        byStart.add(i, new double[] {from, to});
        longest = Math.max(longest, to - from);
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
            double blockedUntil = firstBlock(x, hours);
            if (Double.isNaN(blockedUntil)) {
                return x;
            }
            x = blockedUntil;
        }
    }

    /**
     * NaN when {@code [x, x+hours)} has room; otherwise the earliest end of an interval that
     * contributes to a full instant in the window (a later start cannot fit before it).
     */
    private double firstBlock(double x, double hours) {
        double end = x + hours;
        int lo = firstStartAtOrAfter(x - longest);
        List<double[]> over = new ArrayList<>();
        for (int i = lo; i < byStart.size(); i++) {
            double[] iv = byStart.get(i);
            if (iv[0] >= end) {
                break;
            }
            if (iv[1] > x) {
                over.add(iv);
            }
        }
        if (over.size() < capacity) {
            return Double.NaN;
        }
        // sweep the instants of the window where occupancy changes
        List<Double> points = new ArrayList<>();
        points.add(x);
        for (double[] iv : over) {
            if (iv[0] > x) {
                points.add(iv[0]);
            }
        }
        points.sort(Double::compare);
        for (double t : points) {
            int count = 0;
            double minEnd = Double.POSITIVE_INFINITY;
            for (double[] iv : over) {
                if (iv[0] <= t && t < iv[1]) {
                    count++;
                    minEnd = Math.min(minEnd, iv[1]);
                }
            }
            if (count >= capacity) {
                // the window must start no earlier than the first of these to leave
                return minEnd;
            }
        }
        return Double.NaN;
    }

    private int firstStartAtOrAfter(double t) {
        int lo = 0;
        int hi = byStart.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (byStart.get(mid)[0] < t) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
