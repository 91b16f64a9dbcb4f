package muster.engine.exact;

import static org.assertj.core.api.Assertions.assertThat;

import muster.engine.check.CheckReport;
import muster.engine.check.PlanChecker;
import muster.engine.fifo.FifoPlanner;
import muster.engine.plan.PlanOptions;
import muster.engine.plan.Progress;
import muster.engine.plan.ScenarioBuilder;
import muster.model.CargoClass;
import muster.model.LineMode;
import muster.model.Plan;
import muster.model.Scenario;
import org.junit.jupiter.api.Test;

/**
 * Rule 6 lets an aircraft of 102 seats carry 102 people. The exact model held a seat to {@code
 * ceil(1,000,000 / 102)} millionths of the aircraft, so 102 of them came to 1,000,008 and only 101
 * fitted: a line of a full load of people took a second sortie, a day late, and the plan called
 * itself optimal while the fifo plan flew it in one, on time. Every seat count that does not divide
 * a million lost a seat so (a C-5M's 73, a CRAF airliner's 300 did not; 100 did).
 */
class ExactFullLoadTest {
    /**
     * One aircraft of the given seats and 45 ST, 10 hours' flight from the POE to the POD; the line
     * of people is due on day 0, which one sortie (2 h on, 10 h flying, 2 h off) makes and two
     * (another 24 h, the way back included) do not.
     */
    private static Scenario fullLoad(int seats, int pax, double bulk) {
        ScenarioBuilder b =
                new ScenarioBuilder("full load " + seats)
                        .horizon(5)
                        .place("ORG", 0.0, 0.1)
                        .airfield("A1", 0.0, 0.0, 1, 0)
                        .airfield("B1", 0.0, 75.0, 1, 0)
                        .place("D1", 0.0, 75.1)
                        .aircraft("JET", 1, "A1", seats, 45, 450, 6_000, 2)
                        .road("ORG", "A1", 0)
                        .road("B1", "D1", 0)
                        .airRoute("A1", "B1");
        Object[] cargo = bulk > 0 ? new Object[] {CargoClass.BULK, bulk} : new Object[0];
        return b.line("P1", LineMode.AIR, pax, "ORG", "A1", "B1", "D1", 0, 0, 0, 0, cargo).build();
    }

    @Test
    void aFullLoadOfPeopleFliesInOneSortie() {
        for (int seats : new int[] {102, 73, 300, 100}) {
            // people alone, and people in the seats the cargo leaves (a third of the weight)
            for (double bulk : new double[] {0, 15}) {
                int pax = bulk == 0 ? seats : seats - seats / 3;
                Scenario s = fullLoad(seats, pax, bulk);
                String at = seats + " seats, " + pax + " pax and " + bulk + " ST";
                Plan fifo = new FifoPlanner().plan(s, new PlanOptions(1, 0), Progress.NONE);
                CheckReport fifoCheck = PlanChecker.check(s, fifo);
                assertThat(fifoCheck.violations()).as(at + " fifo").isEmpty();

                ExactPlanner exact = new ExactPlanner();
                Plan p = exact.plan(s, new PlanOptions(1, 0), Progress.NONE);
                CheckReport r = PlanChecker.check(s, p);
                assertThat(r.violations()).as(at).isEmpty();
                assertThat(r.measures().lateStonDays())
                        .as(at + " exact against fifo")
                        .isLessThanOrEqualTo(fifoCheck.measures().lateStonDays());
                assertThat(exact.lastOutcome().optimal()).as(at).isTrue();
            }
        }
    }
}
