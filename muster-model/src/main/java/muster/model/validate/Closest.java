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

    /**
     * Edit distance between {@code a} and {@code b}: insertions, deletions, substitutions and swaps
     * of two neighbouring letters (the commonest slip of typing, {@code tial} for {@code tail})
     * count one each, a letter taking part in at most one edit (optimal string alignment). Capped
     * to keep long inputs cheap: two different texts over 64 characters are far apart.
     */
    public static int distance(String a, String b) {
        if (a.length() > 64 || b.length() > 64) {
            return a.equals(b) ? 0 : Integer.MAX_VALUE / 2;
        }
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            d[i][0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                int v =
                        Math.min(
                                Math.min(d[i][j - 1] + 1, d[i - 1][j] + 1), d[i - 1][j - 1] + cost);
                if (i > 1
                        && j > 1
                        && a.charAt(i - 1) == b.charAt(j - 2)
                        && a.charAt(i - 2) == b.charAt(j - 1)) {
                    v = Math.min(v, d[i - 2][j - 2] + 1);
                }
                d[i][j] = v;
            }
        }
        return d[a.length()][b.length()];
    }
}
