package muster.model.validate;

import java.util.Collection;
import java.util.Locale;

/** Finds the likely intended word among known ones, for "Maybe ..." hints. */
public final class Closest {
    private Closest() {}

    /**
     * The candidate nearest to {@code word} by edit distance (case-insensitive), or null when none
     * is near enough to be a plausible slip.
     */
    public static String to(String word, Collection<String> candidates) {
        if (word == null || word.isEmpty()) {
            return null;
        }
        String w = word.toLowerCase(Locale.ROOT);
        String best = null;
        int bestD = Integer.MAX_VALUE;
        for (String c : candidates) {
            int d = distance(w, c.toLowerCase(Locale.ROOT));
            if (d < bestD) {
                bestD = d;
                best = c;
            }
        }
        int allowed = Math.max(1, Math.min(3, w.length() / 3));
        return bestD <= allowed ? best : null;
    }

    /** Levenshtein distance, capped to keep long inputs cheap. */
    static int distance(String a, String b) {
        if (a.length() > 64 || b.length() > 64) {
            return a.equals(b) ? 0 : Integer.MAX_VALUE / 2;
        }
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
