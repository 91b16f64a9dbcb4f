package muster.engine.bound;

import com.google.ortools.linearsolver.MPSolver;
import java.util.concurrent.CancellationException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/**
 * A request to stop working out the bound, asked between its steps and, while GLOP or SCIP runs, by
 * a watch that interrupts the solver. A bound stopped part way has no value: what it had found by
 * then holds for the rows it had solved, not for the scenario, so it ends with a {@link
 * CancellationException} and the caller keeps the bound it had before (a plan's earliest-arrival
 * one).
 */
final class BoundStop {
    /** A stop that is never asked for: no watch runs beside the solver. */
    static final BooleanSupplier NEVER = () -> false;

    /** How often the watch asks whether to stop while a solver runs. */
    static final long WATCH_MILLIS = 50;

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
        AtomicBoolean done = new AtomicBoolean();
        Thread watch =
                new Thread(
                        () -> {
                            while (!done.get()) {
                                // asked again on every turn: a solver that had not yet begun
                                // when first asked may clear the request as it begins
                                if (stop.getAsBoolean()) {
                                    solver.interruptSolve();
                                }
                                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(WATCH_MILLIS));
                            }
                        },
                        "muster-bound-stop");
        watch.setDaemon(true);
        watch.start();
        MPSolver.ResultStatus status;
        try {
            status = solver.solve();
        } finally {
            // the solver is deleted after this returns: the watch must be gone by then
            done.set(true);
            LockSupport.unpark(watch);
            joinQuietly(watch);
        }
        check(stop);
        return status;
    }

    private static void joinQuietly(Thread t) {
        boolean interrupted = false;
        while (t.isAlive()) {
            try {
                t.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
