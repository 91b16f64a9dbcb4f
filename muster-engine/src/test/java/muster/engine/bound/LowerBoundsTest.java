package muster.engine.bound;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.List;
import muster.engine.check.CheckReport;
import muster.engine.check.PlanChecker;
import muster.engine.fifo.FifoPlanner;
import muster.engine.plan.PlanOptions;
import muster.engine.plan.Progress;
import muster.model.CargoClass;
import muster.model.CargoEntry;
import muster.model.GroundHours;
import muster.model.LiftMode;
import muster.model.LiftType;
import muster.model.LineMode;
import muster.model.LowerBound;
import muster.model.Node;
import muster.model.NodeKind;
import muster.model.Planning;
import muster.model.RequirementLine;
import muster.model.Route;
import muster.model.RouteMode;
import muster.model.Scenario;
import org.junit.jupiter.api.Test;

class LowerBoundsTest {

    /** One tail, one line of ten sorties' worth due on day 1: capacity, not distance, binds. */
    private static Scenario oneTailTenSorties(int mog, int tails) {
        List<Node> nodes =
                List.of(
                        new Node(
                                "KDOV",
                                "Dover AFB",
                                NodeKind.AIRFIELD,
                                "US",
                                39.13,
                                -75.47,
                                mog,
                                0,
                                0),
                        new Node(
                                "ETAR",
                                "Ramstein AB",
                                NodeKind.AIRFIELD,
                                "DE",
                                49.44,
                                7.60,
                                mog,
                                0,
                                0));
        LiftType c17 =
                new LiftType(
                        "C-17",
                        LiftMode.AIR,
                        tails,
                        0,
                        "KDOV",
                        EnumSet.of(CargoClass.PAX, CargoClass.BULK),
                        102,
                        45,
                        0,
                        410,
                        Double.POSITIVE_INFINITY,
                        new GroundHours(2.25, 2.25, 2.25));
        RequirementLine l =
                new RequirementLine(
                        "A1",
                        "unit",
                        "US",
                        0,
                        List.of(new CargoEntry(CargoClass.BULK, 450, 0)),
                        "KDOV",
                        "KDOV",
                        "ETAR",
                        "ETAR",
                        0,
                        0,
                        0,
                        1,
                        1,
                        1,
                        LineMode.AIR);
        Route r = new Route("r", RouteMode.AIR, "KDOV", "ETAR", List.of(), List.of(), 0);
        return new Scenario(
                "ten-sorties",
                nodes,
                List.of(c17),
                List.of(r),
                List.of(l),
                new Planning(30, 0.2, 1, 0, null));
    }

    @Test
    void fleetCapacityMakesTheBoundPositiveWhereEarliestArrivalGivesZero() {
        Scenario s = oneTailTenSorties(4, 1);
        LowerBound b = LowerBounds.compute(s);
        // earliest arrival alone: day 0, due day 1, no lateness; one tail cannot fly ten sorties
        // (each at least 2.25 + 8.2 + 2.25 hours) by the end of day 1
        assertThat(new LowerBounds.Relaxation(s).trivialLate()).isZero();
        assertThat(b.lateStonDays()).isGreaterThan(0);
        assertThat(b.method()).startsWith(LowerBounds.METHOD_LP);
        assertThat(b.closureDay()).isGreaterThan(1);
        CheckReport fifo =
                PlanChecker.check(
                        s, new FifoPlanner().plan(s, new PlanOptions(1, 0), Progress.NONE));
        assertThat(fifo.violations()).isEmpty();
        assertThat(b.lateStonDays()).isLessThanOrEqualTo(fifo.measures().lateStonDays() + 1e-6);
        assertThat(b.closureDay()).isLessThanOrEqualTo(fifo.measures().closureDay());
    }

    @Test
    void mogOfOneBindsTheBoundWhenTailsAreMany() {
        Scenario wide = oneTailTenSorties(8, 10);
        Scenario narrow = oneTailTenSorties(1, 10);
        double wideLate = LowerBounds.compute(wide).lateStonDays();
        double narrowLate = LowerBounds.compute(narrow).lateStonDays();
        // ten tails and MOG 8: all ten sorties fit on day 0; MOG 1: 2.25 h each, still in a day,
        // so neither is late, but the closure bound may not fall below the earliest arrival
        assertThat(wideLate).isZero();
        assertThat(narrowLate).isGreaterThanOrEqualTo(wideLate);
        CheckReport fifo =
                PlanChecker.check(
                        narrow,
                        new FifoPlanner().plan(narrow, new PlanOptions(1, 0), Progress.NONE));
        assertThat(fifo.violations()).isEmpty();
        assertThat(LowerBounds.compute(narrow).closureDay())
                .isLessThanOrEqualTo(fifo.measures().closureDay());
    }
}
