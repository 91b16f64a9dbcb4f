package muster.engine.plan;

import static muster.engine.check.testkit.ScenarioBuilder.cargo;
import static muster.engine.check.testkit.ScenarioBuilder.dates;
import static muster.engine.explain.LateScenarios.crossing;
import static muster.engine.explain.LateScenarios.hop;
import static muster.engine.explain.LateScenarios.jets;
import static muster.engine.explain.LateScenarios.lines;
import static muster.engine.explain.LateScenarios.ships;
import static muster.model.CargoClass.BULK;
import static muster.model.CargoClass.NAT;
import static muster.model.CargoClass.OUTSIZE;
import static muster.model.CargoClass.PAX;
import static muster.model.LineMode.AIR;
import static muster.model.LineMode.SEA;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import muster.engine.check.PlanChecker;
import muster.engine.check.testkit.ScenarioBuilder;
import muster.model.CargoClass;
import muster.model.Constraint;
import muster.model.GroundHours;
import muster.model.LineMode;
import muster.model.LineResult;
import muster.model.Plan;
import muster.model.RouteMode;
import muster.model.Scenario;
import org.junit.jupiter.api.Test;

/**
 * Each late line's reason, and the plan's binding constraints, against scenarios built so that one
 * cause is known for certain.
 */
class LateReasonTest {

    private static Plan plan(Scenario s) {
        Plan p = Planners.byName("lns").plan(s, PlanOptions.of(s), Progress.NONE);
        assertThat(PlanChecker.check(s, p).violations()).isEmpty();
        return p;
    }

    private static LineResult line(Plan p, String uln) {
        return p.lines().stream().filter(l -> l.uln().equals(uln)).findFirst().orElseThrow();
    }

    @Test
    void cargoOnlyASlowTypeCanTakeIsLateByItsOwnDatesNotForWantOfThatType() {
        // the people fly on a 500-knot airliner in 12 h; the outsize cargo only a 200-knot
        // freighter takes, 24 h to the camp: it closes on day 1 whatever the number of freighters,
        // five of which stand idle
        ScenarioBuilder b =
                hop("outsize", 0)
                        .air(
                                "LINER",
                                5,
                                "A",
                                300,
                                0,
                                500,
                                Double.POSITIVE_INFINITY,
                                new GroundHours(2, 2, 2),
                                PAX);
        jets(b, "HAULER", 5, 200, PAX, OUTSIZE);
        b.line("PO", AIR, "HOME", "A", "B", "CAMP", 100, dates(0, 0, 0, 0, 0), cargo(OUTSIZE, 40));
        Plan p = plan(b.build());
        LineResult r = line(p, "PO");
        assertThat(r.lateDays()).isEqualTo(1);
        assertThat(r.reason())
                .isEqualTo(
                        "ready date: at A from hour 0.0 (day 0); even moved at once on the"
                                + " quickest HAULER it could not close before day 1, after RDD 0");
        assertThat(p.bindingConstraints())
                .containsExactly(new Constraint("READY_DATE", "PO", "1", 40.0, 1));
    }

    @Test
    void aLoadOnASlowerTypeForWantOfAFastOneNamesTheFastFleet() {
        // one 500-knot jet closes a load in 12 h and is back at A after 20 h; five 200-knot
        // freighters take 24 h: of three loads due on day 0 the jet takes one and the freighters
        // the others, a day late. A free jet would have closed them on day 0; more freighters, of
        // which three stand idle, would change nothing
        ScenarioBuilder b = jets(hop("slow", 0), "FAST", 1, 500, BULK);
        jets(b, "SLOW", 5, 200, BULK);
        lines(b, AIR, dates(0, 0, 0, 0, 0), cargo(BULK, 40), "F1", "F2", "F3");
        Plan p = plan(b.build());
        assertThat(p.measures().lateUlns()).isEqualTo(2);
        for (LineResult r : p.lines()) {
            if (r.lateDays() > 0) {
                assertThat(r.lateDays()).isEqualTo(1);
                assertThat(r.reason())
                        .isEqualTo(
                                "fleet of FAST on days 0: no FAST was free when it was ready, so"
                                        + " it went on a SLOW and closed 12.0 h later than a free"
                                        + " FAST would have");
            }
        }
        assertThat(p.bindingConstraints())
                .containsExactly(new Constraint("FLEET", "FAST", "0", 80.0, 2));
    }

    /** Jets cycling through B, where one aircraft at a time offloads for 6 h; two lines. */
    private static Scenario throughOneSlot(int jets) {
        return ScenarioBuilder.named("one slot")
                .installation("HOME", 35.0, -79.0)
                .airfield("A", 35.1, -79.0, 4, 0)
                .airfield("B", 49.4, 7.6, 1, 2)
                .assemblyArea("CAMP", 49.5, 8.0)
                .road("HOME", "A", 1)
                .road("B", "CAMP", 1)
                .channel(RouteMode.AIR, "A", "B", List.of())
                .air(
                        "JET",
                        jets,
                        "A",
                        100,
                        40,
                        450,
                        5000,
                        new GroundHours(6, 6, 6),
                        CargoClass.BULK)
                .line(
                        "BIG",
                        LineMode.AIR,
                        "HOME",
                        "A",
                        "B",
                        "CAMP",
                        0,
                        dates(0, 0, 0, 1, 1),
                        cargo(CargoClass.BULK, 300))
                .line(
                        "SMALL",
                        LineMode.AIR,
                        "HOME",
                        "A",
                        "B",
                        "CAMP",
                        0,
                        dates(0, 0, 0, 1, 1),
                        cargo(CargoClass.BULK, 20))
                .build();
    }

    @Test
    void aLineTakenOnBySortiesAnAirfieldHeldIsChargedToTheAirfield() {
        // eight sorties of 40 ST queue for B's one slot; the small line rides the last, beside
        // the big line's last load: both wait for B, and twice the jets change nothing
        Plan p = plan(throughOneSlot(4));
        LineResult small = line(p, "SMALL");
        assertThat(small.lateDays()).isPositive();
        assertThat(small.reason()).startsWith("MOG at B on days");
        assertThat(line(p, "BIG").reason()).startsWith("MOG at B on days");
        assertThat(p.bindingConstraints().get(0).kind()).isEqualTo("MOG");
        Plan moreJets = plan(throughOneSlot(8));
        assertThat(moreJets.measures().lateStonDays()).isEqualTo(p.measures().lateStonDays());
    }

    @Test
    void aLineOfManySortiesIsToldTheLongestWaitNotTheFirst() {
        // one jet flies 200 ST in five sorties a day apart: the last waits 96 h for it and
        // closes on day 4; the second, the first late one, waited 24 h
        ScenarioBuilder b = jets(hop("sorties", 0), "JET", 1, 400, BULK);
        lines(b, AIR, dates(0, 0, 0, 0, 0), cargo(BULK, 200), "BIG");
        Plan p = plan(b.build());
        LineResult r = line(p, "BIG");
        assertThat(r.closureDay()).isEqualTo(4);
        assertThat(r.reason())
                .isEqualTo("fleet of JET on days 0-4: loads waited 96.0 h for a free JET");
    }

    /** One channel of 2,400 nm; a small urgent line ready now and a large one ready on day 3. */
    private static Scenario heldForCargo(int shipCount) {
        ScenarioBuilder b = ships(crossing("held", 30, 3, 5, 2400), shipCount, 24, 24);
        lines(b, SEA, dates(0, 0, 0, 7, 7), cargo(NAT, 100, 1000), "SMALL");
        lines(b, SEA, dates(3, 3, 0, 20, 20), cargo(NAT, 900, 9000), "LARGE");
        return b.build();
    }

    @Test
    void aVoyageHeldForMoreCargoSaysSoNotThatNoShipWasFree() {
        // the ship, free at P from hour 0, waits three days for the large line and sails with
        // both: the small one closes on day 10 after RDD 7. A second ship changes nothing (the
        // construction alone, no search): the wait was for cargo, not for a free ship
        Plan p = plan(heldForCargo(1));
        LineResult small = line(p, "SMALL");
        assertThat(small.lateDays()).isEqualTo(3);
        // the ship and a berth were free from hour 0: the wait is the plan's, for cargo, and was
        // reported as the fleet's ("loads waited 72.0 h for a SHIP to sail")
        assertThat(small.reason())
                .isEqualTo(
                        "held on days 0-3: it closed 72.0 h later than a free SHIP with room at"
                                + " every stop could have; its SHIP (M1) loaded at hour 72.0, when"
                                + " the cargo of LARGE it waited for was ready (hour 72.0)");
        assertThat(p.bindingConstraints())
                .containsExactly(new Constraint("HELD", "SHIP", "0-3", 300.0, 1));
        Plan two = plan(heldForCargo(2));
        assertThat(line(two, "SMALL").lateDays()).isEqualTo(3);
        assertThat(line(two, "SMALL").reason()).isEqualTo(small.reason());
    }

    @Test
    void aSortieHeldForMoreCargoSaysSo() {
        // the small line is ready at A at hour 0, the larger one, 10 h by road away, at hour 10:
        // the jet waits for it and both close at hour 24, the small one a day after its RDD
        ScenarioBuilder b = hop("held sortie", 0).installation("FAR", 40, -76).road("FAR", "A", 10);
        jets(b, "JET", 1, 400, BULK);
        lines(b, AIR, dates(0, 0, 0, 0, 0), cargo(BULK, 10), "SMALL");
        b.line("LARGE", AIR, "FAR", "A", "B", "CAMP", 0, dates(0, 0, 0, 5, 5), cargo(BULK, 30));
        Plan p = plan(b.build());
        assertThat(p.missions()).hasSize(1);
        LineResult small = line(p, "SMALL");
        assertThat(small.lateDays()).isEqualTo(1);
        assertThat(small.reason())
                .isEqualTo(
                        "held on days 0: it closed 10.0 h later than a free JET with room at every"
                                + " stop could have; its JET (M1) loaded at hour 10.0, when the"
                                + " cargo of LARGE it waited for was ready (hour 10.0)");
        assertThat(p.bindingConstraints())
                .containsExactly(new Constraint("HELD", "JET", "0", 10.0, 1));
    }
}
