package muster.engine.plan;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * A watch beside a solver that does not ask by itself whether to stop (GLOP, SCIP, CP-SAT): while
 * the solve runs it asks {@code stop} every {@value #WATCH_MILLIS} ms and, once it is true, asks
 * the solver to stop, on every turn, since a solver that had not yet begun when first asked may
 * clear the request as it begins. The watch is gone when {@link #run} returns, so the caller may
 * free the solver then.
 */
public final class SolveWatch {
    /** How often the watch asks whether to stop while a solver runs. */
    public static final long WATCH_MILLIS = 50;

    /** The name of the watch's thread. */
    public static final String THREAD = "muster-solve-watch";

    private SolveWatch() {}

    /**
     * Runs {@code solve} with a watch that calls {@code interrupt} once {@code stop} is true. If
     * {@code stop} or {@code interrupt} throws, the watch ends (the solve can then no longer be
     * stopped) and the failure is thrown here once the solve has returned, rather than printed by
     * the watch's thread and lost.
     */
    public static <T> T run(BooleanSupplier stop, Runnable interrupt, Supplier<T> solve) {
        AtomicBoolean done = new AtomicBoolean();
        AtomicReference<Throwable> failed = new AtomicReference<>();
        Thread watch =
                new Thread(
                        () -> {
                            try {
                                while (!done.get()) {
                                    if (stop.getAsBoolean()) {
                                        interrupt.run();
                                    }
                                    LockSupport.parkNanos(
                                            TimeUnit.MILLISECONDS.toNanos(WATCH_MILLIS));
                                }
                            } catch (RuntimeException | Error e) {
                                failed.set(e);
                            }
                        },
                        THREAD);
        watch.setDaemon(true);
        watch.start();
        T result;
        try {
            result = solve.get();
        } finally {
            done.set(true);
            LockSupport.unpark(watch);
            joinQuietly(watch);
        }
        Throwable f = failed.get();
        if (f instanceof RuntimeException re) {
            throw re;
        }
        if (f instanceof Error err) {
            throw err;
        }
        return result;
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
