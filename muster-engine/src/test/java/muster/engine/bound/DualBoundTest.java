package muster.engine.bound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.google.ortools.linearsolver.MPConstraint;
import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPVariable;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The window LP's value is worked out from GLOP's row prices by weak duality ({@link
 * LowerBounds.Recorded#dualBound}), so that it is a bound whatever the solver's round-off. On
 * random equality-constrained LPs with bounded columns: with GLOP's prices it equals GLOP's
 * optimum, and with any other prices it is never above it.
 */
class DualBoundTest {
    @Test
    void theDualBoundMeetsTheOptimumAndAnyOtherPricesGiveLess() {
        long base = 20261126L;
        int checked = 0;
        for (int n = 0; n < 40; n++) {
            long seed = base + n;
            SplittableRandom rnd = new SplittableRandom(seed);
            LowerBounds.Native.ensure();
            MPSolver solver = MPSolver.createSolver("GLOP");
            try {
                LowerBounds.Recorded lp = new LowerBounds.Recorded(solver, solver.objective());
                solver.objective().setMinimization();
                int cols = 3 + rnd.nextInt(10);
                int rows = 1 + rnd.nextInt(Math.max(1, cols - 2));
                MPVariable[] x = new MPVariable[cols];
                double[] point = new double[cols];
                for (int j = 0; j < cols; j++) {
                    double ub = 1 + rnd.nextInt(20);
                    x[j] = lp.column(0, ub, rnd.nextInt(11) - 3);
                    point[j] = rnd.nextDouble() * ub; // a point inside the box keeps the rows
                }
                for (int i = 0; i < rows; i++) {
                    double[] a = new double[cols];
                    double b = 0;
                    for (int j = 0; j < cols; j++) {
                        if (rnd.nextInt(3) > 0) {
                            a[j] = rnd.nextInt(9) - 4;
                            b += a[j] * point[j];
                        }
                    }
                    MPConstraint row = lp.row(b);
                    for (int j = 0; j < cols; j++) {
                        if (a[j] != 0) {
                            lp.set(row, x[j], a[j]);
                        }
                    }
                }
                lp.setSolverParameters();
                MPSolver.ResultStatus st = solver.solve();
                String at = "seed " + seed + " (" + cols + " columns, " + rows + " rows)";
                assertThat(st).as(at).isEqualTo(MPSolver.ResultStatus.OPTIMAL);
                double opt = solver.objective().value();
                assertThat(lp.dualBound())
                        .as(at)
                        .isCloseTo(opt, within(1e-6 * (1 + Math.abs(opt))));
                assertThat(LowerBounds.dualBoundOf(solver))
                        .as(at + ", read back from the solver")
                        .isCloseTo(lp.dualBound(), within(1e-9 * (1 + Math.abs(opt))));
                for (int t = 0; t < 20; t++) {
                    double[] y = new double[rows];
                    for (int i = 0; i < rows; i++) {
                        y[i] = rnd.nextGaussian() * 5;
                    }
                    assertThat(lp.dualBound(y))
                            .as(at + ", random prices " + t)
                            .isLessThanOrEqualTo(opt + 1e-6 * (1 + Math.abs(opt)));
                }
                checked++;
            } finally {
                solver.delete();
            }
        }
        System.out.printf("dual bound checked on %d random LPs (seeds %d on)%n", checked, base);
        assertThat(checked).isEqualTo(40);
    }

    /**
     * Rows with one side open or both sides apart, as the whole-voyage model's are: the bound read
     * back from the solver meets GLOP's optimum (one-sided rows take prices of the right sign).
     */
    @Test
    void rowsWithOneOpenSideGiveTheOptimumToo() {
        long base = 7_000L;
        int checked = 0;
        for (int n = 0; n < 40; n++) {
            long seed = base + n;
            SplittableRandom rnd = new SplittableRandom(seed);
            LowerBounds.Native.ensure();
            MPSolver solver = MPSolver.createSolver("GLOP");
            try {
                solver.objective().setMinimization();
                int cols = 3 + rnd.nextInt(10);
                MPVariable[] x = new MPVariable[cols];
                double[] point = new double[cols];
                for (int j = 0; j < cols; j++) {
                    double ub = 1 + rnd.nextInt(20);
                    x[j] = solver.makeNumVar(0, ub, "");
                    solver.objective().setCoefficient(x[j], rnd.nextInt(11) - 5);
                    point[j] = rnd.nextDouble() * ub;
                }
                int rows = 1 + rnd.nextInt(cols);
                for (int i = 0; i < rows; i++) {
                    double[] a = new double[cols];
                    double r = 0;
                    for (int j = 0; j < cols; j++) {
                        if (rnd.nextInt(3) > 0) {
                            a[j] = rnd.nextInt(9) - 4;
                            r += a[j] * point[j];
                        }
                    }
                    // the point keeps every row: an open side, or a side a little beyond it
                    int kind = rnd.nextInt(3);
                    double lo = kind == 0 ? Double.NEGATIVE_INFINITY : r - rnd.nextDouble() * 3;
                    double hi = kind == 1 ? Double.POSITIVE_INFINITY : r + rnd.nextDouble() * 3;
                    MPConstraint row = solver.makeConstraint(lo, hi);
                    for (int j = 0; j < cols; j++) {
                        if (a[j] != 0) {
                            row.setCoefficient(x[j], a[j]);
                        }
                    }
                }
                solver.setSolverSpecificParametersAsString(LowerBounds.GLOP_PARAMETERS);
                MPSolver.ResultStatus st = solver.solve();
                String at = "seed " + seed + " (" + cols + " columns, " + rows + " rows)";
                assertThat(st).as(at).isEqualTo(MPSolver.ResultStatus.OPTIMAL);
                double opt = solver.objective().value();
                assertThat(LowerBounds.dualBoundOf(solver))
                        .as(at)
                        .isCloseTo(opt, within(1e-6 * (1 + Math.abs(opt))));
                checked++;
            } finally {
                solver.delete();
            }
        }
        System.out.printf("one-sided rows checked on %d random LPs (seeds %d on)%n", checked, base);
        assertThat(checked).isEqualTo(40);
    }
}
