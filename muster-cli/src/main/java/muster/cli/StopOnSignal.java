package muster.cli;

import java.io.PrintWriter;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Ctrl-C (or SIGTERM) during a long command: rather than losing the work, the command is asked to
 * stop as soon as it has a complete, correct result and to write it. The JVM runs this hook when
 * the signal comes and halts when the hook returns, so the hook waits for the command to say it is
 * done, up to {@link #GRACE_SECONDS}; the exit status is then the signal's (130 for Ctrl-C, 143 for
 * SIGTERM), whatever the command returns. Closed when the command ends, the hook is removed.
 */
final class StopOnSignal implements AutoCloseable {
    /** How long the JVM waits, after the signal, for the command to write what it has. */
    static final long GRACE_SECONDS = 60;

    private final PrintWriter err;
    private final CountDownLatch done = new CountDownLatch(1);
    private final Thread hook;
    private volatile boolean requested;

    private StopOnSignal(PrintWriter err, String what) {
        this.err = err;
        this.hook =
                new Thread(
                        () -> {
                            requested = true;
                            err.println();
                            err.println(
                                    "muster: stopping: "
                                            + what
                                            + " (up to "
                                            + GRACE_SECONDS
                                            + " s; kill -9 stops at once and writes nothing)");
                            err.flush();
                            try {
                                done.await(GRACE_SECONDS, TimeUnit.SECONDS);
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                            }
                        },
                        "muster-stop-on-signal");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /**
     * Until closed, a signal asks the command to stop; {@code what} says what it does then, for the
     * line printed when the signal comes ("the plan found so far is checked and written").
     */
    static StopOnSignal install(PrintWriter err, String what) {
        return new StopOnSignal(err, what);
    }

    /** Whether a signal has asked the command to stop. */
    boolean requested() {
        return requested;
    }

    /** The command is done: a signal no longer asks anything, and a hook waiting may return. */
    @Override
    public void close() {
        done.countDown();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // the JVM is stopping already: the hook is running and returns now
        }
        err.flush();
    }
}
