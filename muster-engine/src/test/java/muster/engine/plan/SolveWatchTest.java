package muster.engine.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The watch beside a solver that does not ask whether to stop: it interrupts a solve that runs when
 * the stop comes, leaves one alone when it never comes, and hands a failure of its own to the
 * caller, leaving no thread behind.
 */
class SolveWatchTest {

    /** A solve that waits until interrupted, or gives up after a minute. */
    private static String waitForInterrupt(CountDownLatch interrupted) {
        try {
            return interrupted.await(60, TimeUnit.SECONDS) ? "interrupted" : "ran out";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "thread interrupted";
        }
    }

    @Test
    void aSolveRunningWhenTheStopComesIsInterrupted() {
        CountDownLatch interrupted = new CountDownLatch(1);
        String r =
                SolveWatch.run(
                        () -> true, interrupted::countDown, () -> waitForInterrupt(interrupted));
        assertThat(r).isEqualTo("interrupted");
        assertNoWatchLeft();
    }

    @Test
    void aStopThatNeverComesLeavesTheSolveAlone() {
        AtomicInteger interrupts = new AtomicInteger();
        AtomicInteger asked = new AtomicInteger();
        String r =
                SolveWatch.run(
                        () -> asked.incrementAndGet() < 0,
                        interrupts::incrementAndGet,
                        () -> {
                            // long enough for the watch to ask a few times
                            for (int i = 0; i < 4 && asked.get() < 3; i++) {
                                try {
                                    Thread.sleep(SolveWatch.WATCH_MILLIS);
                                } catch (InterruptedException e) {
                                    Thread.currentThread().interrupt();
                                }
                            }
                            return "solved";
                        });
        assertThat(r).isEqualTo("solved");
        assertThat(asked.get()).isPositive();
        assertThat(interrupts.get()).isZero();
        assertNoWatchLeft();
    }

    /**
     * A stop that throws ends the watch; its failure comes out of run once the solve has returned
     * (it was printed by the watch's thread and lost, and the solve could not be stopped).
     */
    @Test
    void aFailingStopIsThrownToTheCallerAfterTheSolve() {
        CountDownLatch asked = new CountDownLatch(1);
        AtomicInteger solves = new AtomicInteger();
        assertThatThrownBy(
                        () ->
                                SolveWatch.run(
                                        () -> {
                                            asked.countDown();
                                            throw new IllegalStateException("progress sink gone");
                                        },
                                        () -> {},
                                        () -> {
                                            // a solve that lasts until the watch has asked
                                            waitForInterrupt(asked);
                                            return solves.incrementAndGet();
                                        }))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("progress sink gone");
        assertThat(solves.get()).isEqualTo(1);
        assertNoWatchLeft();
    }

    private static void assertNoWatchLeft() {
        assertThat(Thread.getAllStackTraces().keySet())
                .noneMatch(t -> t.getName().equals(SolveWatch.THREAD) && t.isAlive());
    }
}
