package muster.engine.bound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.ortools.linearsolver.MPConstraint;
import com.google.ortools.linearsolver.MPObjective;
import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPVariable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import muster.engine.generate.SmallScenarios;
import muster.engine.plan.SolveWatch;
import muster.model.LowerBound;
import muster.model.Scenario;
import org.junit.jupiter.api.Test;

/**
 * A bound asked to stop ends without a value, at any of the points where it asks, and a solver that
 * is running when the stop comes is interrupted; a stop never asked for changes nothing.
 */
class BoundStopTest {

    /**
     * The first of the 12-line small scenarios from seed 101 on whose bound needs a solver (GLOP
     * for the window LP, or SCIP or GLOP for the whole voyages): a bound found at its cheapest
     * point asks no solver, and these tests are about one that does.
     */
    private static long seedNeedingASolver() {
        for (long seed = 101; seed < 131; seed++) {
            String method = LowerBounds.compute(SmallScenarios.random(seed, 12)).method();
            if (method.contains("by GLOP") || method.contains("SCIP")) {
                return seed;
            }
        }
        throw new AssertionError("no 12-line scenario from seed 101 to 130 needs a solver");
    }

    @Test
    void aStopAskedForBeforeTheBoundBeginsEndsItWithoutAValue() {
        Scenario s = SmallScenarios.random(101, 12);
        assertThatThrownBy(() -> LowerBounds.compute(s, Integer.MAX_VALUE, () -> true))
                .isInstanceOf(CancellationException.class)
                .hasMessage("the lower bound was stopped before it was found");
    }

    @Test
    void aStopNeverAskedForGivesTheSameBound() {
        long seed = seedNeedingASolver();
        Scenario s = SmallScenarios.random(seed, 12);
        AtomicInteger asked = new AtomicInteger();
        LowerBound watched =
                LowerBounds.compute(
                        s,
                        Integer.MAX_VALUE,
                        () -> {
                            asked.incrementAndGet();
                            return false;
                        });
        LowerBound plain = LowerBounds.compute(s, Integer.MAX_VALUE);
        assertThat(watched).as("seed %d", seed).isEqualTo(plain);
        assertThat(asked.get()).as("seed %d: the stop was asked", seed).isPositive();
    }

    /**
     * Wherever the stop comes, between the steps or in one, the bound ends without a value: for
     * each k, a stop that turns true at the k-th time the caller's thread asks (the watch beside a
     * solver answers as the caller's thread last did).
     */
    @Test
    void aStopAskedForAtAnyStepEndsTheBoundWithoutAValue() {
        long seed = seedNeedingASolver();
        Scenario s = SmallScenarios.random(seed, 12);
        AtomicInteger asked = new AtomicInteger();
        LowerBounds.compute(s, Integer.MAX_VALUE, askedInTurn(asked, Integer.MAX_VALUE));
        int steps = asked.get();
        assertThat(steps).as("seed %d", seed).isGreaterThan(2);
        for (int k = 1; k <= steps; k++) {
            int at = k;
            assertThatThrownBy(
                            () ->
                                    LowerBounds.compute(
                                            s,
                                            Integer.MAX_VALUE,
                                            askedInTurn(new AtomicInteger(), at)))
                    .as("seed %d, stop at the %d-th of %d asks", seed, at, steps)
                    .isInstanceOf(CancellationException.class);
        }
    }

    /**
     * A stop that comes while a solver runs ends the bound without a value, rather than with the
     * solver's answer taken as "not solved".
     */
    @Test
    void aStopThatComesWhileASolverRunsEndsTheBound() {
        long seed = seedNeedingASolver();
        Scenario s = SmallScenarios.random(seed, 12);
        AtomicInteger watchAsked = new AtomicInteger();
        BooleanSupplier duringSolve =
                () -> {
                    if (Thread.currentThread().getName().equals(SolveWatch.THREAD)) {
                        watchAsked.incrementAndGet();
                        return true;
                    }
                    // the caller's thread: true once the watch has seen the solver running
                    return watchAsked.get() > 0;
                };
        assertThatThrownBy(() -> LowerBounds.compute(s, Integer.MAX_VALUE, duringSolve))
                .as("seed %d", seed)
                .isInstanceOf(CancellationException.class);
        assertThat(watchAsked.get()).as("seed %d: the watch asked", seed).isPositive();
    }

    /**
     * GLOP, given an LP it takes minutes over (60,000 columns, 30,000 random rows), stops when the
     * watch sees the stop: the answer is not OPTIMAL. The stop is true for the watch alone, so that
     * the solver's own answer comes back rather than the bound's end; without the interrupt GLOP
     * solves it to OPTIMAL in about five and a half minutes on this project's machine.
     */
    @Test
    void theWatchInterruptsGlop() {
        LowerBounds.Native.ensure();
        MPSolver solver = MPSolver.createSolver("GLOP");
        try {
            java.util.SplittableRandom rnd = new java.util.SplittableRandom(7);
            int n = 60_000;
            MPVariable[] x = new MPVariable[n];
            for (int i = 0; i < n; i++) {
                x[i] = solver.makeNumVar(0, 10, "x" + i);
            }
            for (int j = 0; j < n / 2; j++) {
                MPConstraint c = solver.makeConstraint(1, 50);
                for (int k = 0; k < 8; k++) {
                    c.setCoefficient(x[rnd.nextInt(n)], 1 + rnd.nextInt(9));
                }
            }
            MPObjective o = solver.objective();
            for (int i = 0; i < n; i++) {
                o.setCoefficient(x[i], rnd.nextDouble() - 0.3);
            }
            o.setMaximization();
            AtomicInteger watchAsked = new AtomicInteger();
            MPSolver.ResultStatus st =
                    BoundStop.solve(
                            solver,
                            () ->
                                    Thread.currentThread().getName().equals(SolveWatch.THREAD)
                                            && watchAsked.incrementAndGet() > 0);
            assertThat(watchAsked.get()).isPositive();
            assertThat(st).isNotEqualTo(MPSolver.ResultStatus.OPTIMAL);
        } finally {
            solver.delete();
        }
    }

    /**
     * A stop that is false until the caller's thread has asked {@code at} times, then true; the
     * watch's thread answers with the caller's last answer and does not count.
     */
    private static BooleanSupplier askedInTurn(AtomicInteger asked, int at) {
        return () -> {
            if (Thread.currentThread().getName().equals(SolveWatch.THREAD)) {
                return asked.get() >= at;
            }
            return asked.incrementAndGet() >= at;
        };
    }
}
