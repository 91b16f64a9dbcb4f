package muster.server;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.BooleanSupplier;
import muster.engine.bound.LowerBounds;
import muster.engine.plan.Planner;
import muster.engine.plan.Planners;
import muster.io.ScenarioReader;
import muster.model.Fault;
import muster.model.LowerBound;
import muster.model.Scenario;

/**
 * The server's one door to the reader and the planners the CLI uses. The server holds no reading,
 * validation or planning logic of its own.
 */
class Engine {
    record Read(Scenario scenario, List<Fault> faults) {}

    /**
     * Reads and validates a scenario file's text exactly as the CLI reads the file. A text of the
     * scenario that holds a NUL or another control character is a fault of the validator, which the
     * database, unable to store a NUL, never sees.
     */
    Read read(String fileName, String text) {
        ScenarioReader.Result r =
                ScenarioReader.read(text.getBytes(StandardCharsets.UTF_8), fileName);
        return new Read(r.scenario(), r.faults());
    }

    /** A new planner of that name ({@code lns}, {@code fifo}, {@code exact}). */
    Planner planner(String name) {
        return Planners.byName(name);
    }

    /**
     * The lower bound a plan run on the server carries ({@link LowerBounds#PLAN_LP_LIMIT}), stopped
     * with a {@link java.util.concurrent.CancellationException} when {@code stop} turns true.
     */
    LowerBound bound(Scenario s, BooleanSupplier stop) {
        return LowerBounds.compute(s, LowerBounds.PLAN_LP_LIMIT, stop);
    }

    List<String> planners() {
        return Planners.names();
    }
}
