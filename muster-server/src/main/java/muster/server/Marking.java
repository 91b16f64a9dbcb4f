package muster.server;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A releasability marking: who, besides the owner nation, may see a record.
 *
 * <ul>
 *   <li>{@code REL NATO}: every NATO member
 *   <li>{@code USA ONLY} (or {@code US ONLY}): the owner alone; the named nation must be the owner
 *   <li>{@code REL POL, ROU}: the owner and the listed nations; {@code NATO} may be one of them
 * </ul>
 *
 * @param nato released to all NATO members
 * @param nations the nations named (alpha-3), besides the owner
 * @param only true for an "ONLY" marking
 */
public record Marking(boolean nato, Set<String> nations, boolean only) {
    public static final Marking REL_NATO = new Marking(true, Set.of(), false);

    private static final java.util.Map<String, Marking> PARSED =
            new java.util.concurrent.ConcurrentHashMap<>();

    /** {@link #parse} with the result kept: stored markings are few and read on every request. */
    public static Marking cached(String text) {
        Marking m = PARSED.get(text);
        if (m == null) {
            m = parse(text);
            if (PARSED.size() < 10_000) {
                PARSED.put(text, m);
            }
        }
        return m;
    }

    public Marking {
        nations = Set.copyOf(nations);
    }

    /**
     * Parses a marking.
     *
     * @throws IllegalArgumentException naming the text and what is wrong
     */
    public static Marking parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException(
                    "releasability marking is empty; write e.g. 'REL NATO', 'USA ONLY' or 'REL"
                            + " POL, ROU'");
        }
        String t = text.trim().toUpperCase(Locale.ROOT).replaceAll("\\s+", " ");
        if (t.endsWith(" ONLY")) {
            String n = t.substring(0, t.length() - 5).trim();
            try {
                return new Marking(false, Set.of(Nations.normalize(n)), true);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(
                        "releasability marking '" + text + "': " + e.getMessage());
            }
        }
        if (!t.startsWith("REL ")) {
            throw new IllegalArgumentException(
                    "releasability marking '"
                            + text
                            + "' must start with 'REL ' or end with ' ONLY'; e.g. 'REL NATO', 'USA"
                            + " ONLY', 'REL POL, ROU'");
        }
        String rest = t.substring(4).replaceFirst("^TO ", "");
        boolean nato = false;
        Set<String> nations = new LinkedHashSet<>();
        for (String part : rest.split("[,/ ]+")) {
            if (part.isEmpty()) {
                continue;
            }
            if (part.equals("NATO")) {
                nato = true;
                continue;
            }
            try {
                nations.add(Nations.normalize(part));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(
                        "releasability marking '" + text + "': " + e.getMessage());
            }
        }
        if (!nato && nations.isEmpty()) {
            throw new IllegalArgumentException(
                    "releasability marking '" + text + "' names no nation after 'REL'");
        }
        return new Marking(nato, nations, false);
    }

    /** Whether a user of {@code nation} may see a record of {@code owner} with this marking. */
    public boolean visibleTo(String nation, String owner) {
        if (nation.equals(owner)) {
            return true;
        }
        if (only) {
            return false;
        }
        return nations.contains(nation) || (nato && Nations.isNato(nation));
    }

    /** Canonical text: {@code REL NATO}, {@code USA ONLY}, {@code REL POL, ROU}. */
    @Override
    public String toString() {
        if (only) {
            return nations.iterator().next() + " ONLY";
        }
        List<String> parts = new ArrayList<>();
        if (nato) {
            parts.add("NATO");
        }
        nations.stream().sorted().forEach(parts::add);
        return "REL " + String.join(", ", parts);
    }

    /** Checks an ONLY marking names the owner. */
    public Marking checkOwner(String owner) {
        if (only && !nations.contains(owner)) {
            throw new IllegalArgumentException(
                    "releasability marking '"
                            + this
                            + "' names a nation other than the owner "
                            + owner
                            + "; an ONLY marking keeps a record to its owner");
        }
        return this;
    }

    /**
     * Whether every nation that sees a record of {@code owner} with this marking also sees a record
     * of {@code otherOwner} marked {@code other}: a record derived from another (a plan from its
     * scenario) must be released no wider than its source.
     */
    public boolean within(String owner, Marking other, String otherOwner) {
        if (!other.visibleTo(owner, otherOwner)) {
            return false;
        }
        if (only) {
            return true;
        }
        for (String n : nations) {
            if (!other.visibleTo(n, otherOwner)) {
                return false;
            }
        }
        if (nato) {
            for (String n : Nations.NATO) {
                if (!other.visibleTo(n, otherOwner)) {
                    return false;
                }
            }
        }
        return true;
    }

    /** This marking widened so that {@code nation} sees the record too. */
    public Marking including(String nation) {
        if (only) {
            return new Marking(false, Set.of(nation), false);
        }
        if ((nato && Nations.isNato(nation)) || nations.contains(nation)) {
            return this;
        }
        Set<String> n = new LinkedHashSet<>(nations);
        n.add(nation);
        return new Marking(nato, n, false);
    }
}
