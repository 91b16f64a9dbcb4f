package muster.engine.plan;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import muster.engine.exact.ExactPlanner;
import muster.engine.fifo.FifoPlanner;
import muster.engine.plan.lns.LnsPlanner;

/** The planners muster offers, by the name used on the command line. */
public final class Planners {
    /** The planner used when none is named. */
    public static final String DEFAULT = LnsPlanner.NAME;

    private static final Map<String, Supplier<Planner>> KNOWN = known();

    private Planners() {}

    /** One entry per planner; a new planner adds one {@code put} line here. */
    private static Map<String, Supplier<Planner>> known() {
        Map<String, Supplier<Planner>> m = new LinkedHashMap<>();
        m.put(LnsPlanner.NAME, LnsPlanner::new);
        m.put(FifoPlanner.NAME, FifoPlanner::new);
        m.put(ExactPlanner.NAME, ExactPlanner::new);
        return Map.copyOf(m);
    }

    /** The names of the known planners, in the order they are listed to users. */
    public static List<String> names() {
        return KNOWN.keySet().stream().sorted().toList();
    }

    /**
     * A new planner of this name.
     *
     * @throws IllegalArgumentException naming the known planners when there is none by that name
     */
    public static Planner byName(String name) {
        Supplier<Planner> s = name == null ? null : KNOWN.get(name);
        if (s == null) {
            throw new IllegalArgumentException(
                    "unknown planner '"
                            + name
                            + "'; known planners: "
                            + String.join(", ", names()));
        }
        return s.get();
    }
}
