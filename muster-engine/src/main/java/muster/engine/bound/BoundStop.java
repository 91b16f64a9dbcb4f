package muster.engine.bound;

import com.google.ortools.linearsolver.MPSolver;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import muster.engine.plan.SolveWatch;

/**
 * A request to stop working out the bound, asked between its steps and, while GLOP or SCIP runs, by
 * a {@link SolveWatch} that interrupts the solver. A bound stopped part way has no value: what it
 * had found by then holds for the rows it had solved, not for the scenario, so it ends with a
 * {@link CancellationException} and the caller keeps the bound it had before (a plan's
 * earliest-arrival one).
 */
final class BoundStop {
    /** A stop that is never asked for: no watch runs beside the solver. */
    static final BooleanSupplier NEVER = () -> false;

    private BoundStop() {}

    /** Ends the bound when a stop has been asked for. */
    static void check(BooleanSupplier stop) {
        if (stop.getAsBoolean()) {
            throw new CancellationException("the lower bound was stopped before it was found");
        }
    }

    /**
     * Runs {@code solver.solve()}, interrupting it when {@code stop} turns true; ends the bound
     * when a stop was asked for before, during or just as it finished, whatever the solver
     * reported.
     */
    static MPSolver.ResultStatus solve(MPSolver solver, BooleanSupplier stop) {
        check(stop);
        if (stop == NEVER) {
            return solver.solve();
        }
        MPSolver.ResultStatus status = SolveWatch.run(stop, solver::interruptSolve, solver::solve);
        check(stop);
        return status;
    }
}
