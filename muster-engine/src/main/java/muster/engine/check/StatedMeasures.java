package muster.engine.check;

import static muster.engine.check.Violations.n;

import muster.model.Measures;

/**
 * The plan's stated measures against the recomputed ones (see {@link Recomputed}): {@code
 * closureDay}, {@code lateUlns} and {@code onTimeUlns} exactly, {@code lateStonDays} within a
 * relative 1e-6 (at least 1e-6 absolute). The unmet list is rule 10's. A stated lower bound above
 * the recomputed measures (its closure day only where nothing is unmet, as it is stated for such
 * plans) is reported too: no plan that keeps the rules beats its bound.
 */
final class StatedMeasures implements MovementRule {
    @Override
    public int number() {
        return Violation.MEASURES;
    }

    @Override
    public void check(CheckContext ctx, Violations out) {
        Measures got = ctx.plan.measures();
        Measures want = ctx.recomputed().measures;
        int rule = number();
        if (got == null) {
            out.add(rule, null, null, null, "the plan states no measures");
            return;
        }
        if (got.closureDay() != want.closureDay()) {
            out.add(
                    rule,
                    null,
                    null,
                    null,
                    "closureDay " + got.closureDay() + ", recomputed " + want.closureDay());
        }
        double tol =
                CheckContext.LATE_STON_DAYS_REL_TOL * Math.max(1.0, Math.abs(want.lateStonDays()));
        if (!(Math.abs(got.lateStonDays() - want.lateStonDays()) <= tol)) {
            out.add(
                    rule,
                    null,
                    null,
                    null,
                    "lateStonDays "
                            + n(got.lateStonDays())
                            + ", recomputed "
                            + n(want.lateStonDays()));
        }
        muster.model.LowerBound lb = ctx.plan.lowerBound();
        if (lb != null && lb.lateStonDays() > want.lateStonDays() + tol) {
            out.add(
                    rule,
                    null,
                    null,
                    null,
                    "lowerBound.lateStonDays "
                            + n(lb.lateStonDays())
                            + " is above the plan's recomputed lateStonDays "
                            + n(want.lateStonDays())
                            + ": no plan that keeps the rules is below a lower bound");
        }
        if (lb != null && want.unmet().isEmpty() && lb.closureDay() > want.closureDay()) {
            out.add(
                    rule,
                    null,
                    null,
                    null,
                    "lowerBound.closureDay "
                            + lb.closureDay()
                            + " is after the plan's recomputed closureDay "
                            + want.closureDay()
                            + ", with nothing unmet: no plan that keeps the rules closes before"
                            + " its lower bound");
        }
        if (got.lateUlns() != want.lateUlns()) {
            out.add(
                    rule,
                    null,
                    null,
                    null,
                    "lateUlns " + got.lateUlns() + ", recomputed " + want.lateUlns());
        }
        if (got.onTimeUlns() != want.onTimeUlns()) {
            out.add(
                    rule,
                    null,
                    null,
                    null,
                    "onTimeUlns " + got.onTimeUlns() + ", recomputed " + want.onTimeUlns());
        }
    }
}
