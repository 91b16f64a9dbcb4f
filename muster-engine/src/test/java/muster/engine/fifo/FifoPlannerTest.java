package muster.engine.fifo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.stream.LongStream;
import muster.engine.bound.LowerBounds;
import muster.engine.check.CheckReport;
import muster.engine.check.PlanChecker;
import muster.engine.generate.SmallScenarios;
import muster.engine.plan.PlanOptions;
import muster.engine.plan.Planners;
import muster.engine.plan.Progress;
import muster.model.CargoClass;
import muster.model.CargoEntry;
import muster.model.GroundHours;
import muster.model.LiftMode;
import muster.model.LiftType;
import muster.model.LineMode;
import muster.model.Mission;
import muster.model.Node;
import muster.model.NodeKind;
import muster.model.Plan;
import muster.model.Planning;
import muster.model.RequirementLine;
import muster.model.Route;
import muster.model.RouteMode;
import muster.model.Scenario;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class FifoPlannerTest {
    static LongStream seeds() {
        return LongStream.rangeClosed(101, 115);
    }

    /**
     * A line of exactly three sorties' weight flies three sorties, and one of exactly a ship's
     * weight and deck area sails once: no mission carries a crumb that filling to just under full
     * capacity left over.
     */
    @Test
    void aLoadOfExactlyWholeMissionsTakesNoExtraMission() {
        Scenario s =
                new muster.engine.plan.ScenarioBuilder("whole loads")
                        .horizon(20)
                        .airfield("A", 40, -75, 2, 0)
                        .airfield("B", 45, -60, 2, 0)
                        .seaport("P", 36.9, -76.3, 1, 0)
                        .seaport("Q", 53.5, 8.6, 1, 0)
                        .place("HOME", 40, -75.1)
                        .place("CAMP", 45, -60.1)
                        .road("HOME", "A", 0)
                        .road("B", "CAMP", 0)
                        .road("HOME", "P", 0)
                        .road("Q", "CAMP", 0)
                        .airRouteNm("A", "B", List.of(), 400.0)
                        .seaRoute("P", "Q", 3600)
                        .aircraft("JET", 1, "A", 100, 10, 400, Double.POSITIVE_INFINITY, 1)
                        .ship("SHIP", 1, "P", 2000, 20_000, 20, 12)
                        .line(
                                "AIR30",
                                LineMode.AIR,
                                0,
                                "HOME",
                                "A",
                                "B",
                                "CAMP",
                                0,
                                0,
                                0,
                                5,
                                CargoClass.BULK,
                                30)
                        .line(
                                "SEA2000",
                                LineMode.SEA,
                                0,
                                "HOME",
                                "P",
                                "Q",
                                "CAMP",
                                0,
                                0,
                                0,
                                15,
                                CargoClass.BULK,
                                2000)
                        .build();
        Plan p = Planners.byName("fifo").plan(s, PlanOptions.of(s), Progress.NONE);
        assertThat(PlanChecker.check(s, p).violations()).isEmpty();
        assertThat(p.missions())
                .filteredOn(m -> m.lift().equals("JET"))
                .hasSize(3)
                .allSatisfy(m -> assertThat(m.loads().get(0).stons()).isEqualTo(10.0));
        assertThat(p.missions())
                .filteredOn(m -> m.lift().equals("SHIP"))
                .singleElement()
                .satisfies(m -> assertThat(m.loads().get(0).stons()).isEqualTo(2000.0));
        assertThat(p.measures().unmet()).isEmpty();
    }

    /**
     * A full aircraft of people is a whole sortie: a line of three planeloads of people flies
     * three, and people beside cargo take every seat it leaves (half the weight, half the seats).
     * Seats had been counted to just under full, which left a seat empty on every aircraft of more
     * than a hundred (101 of a C-17's 102, 299 of a 300-seat airliner) and flew a fourth sortie for
     * the last few people.
     */
    @Test
    void aFullLoadOfPeopleTakesEverySeat() {
        for (int seats : new int[] {73, 100, 102, 116, 128, 300}) {
            String at = seats + " seats";
            Scenario s =
                    new muster.engine.plan.ScenarioBuilder("full loads of people")
                            .horizon(20)
                            .airfield("A", 40, -75, 2, 0)
                            .airfield("B", 45, -60, 2, 0)
                            .place("HOME", 40, -75.1)
                            .place("CAMP", 45, -60.1)
                            .road("HOME", "A", 0)
                            .road("B", "CAMP", 0)
                            .airRouteNm("A", "B", List.of(), 400.0)
                            .aircraft("JET", 1, "A", seats, 10, 400, Double.POSITIVE_INFINITY, 1)
                            .line(
                                    "PAX",
                                    LineMode.AIR,
                                    3 * seats,
                                    "HOME",
                                    "A",
                                    "B",
                                    "CAMP",
                                    0,
                                    0,
                                    0,
                                    5)
                            .line(
                                    "MIXED",
                                    LineMode.AIR,
                                    seats / 2,
                                    "HOME",
                                    "A",
                                    "B",
                                    "CAMP",
                                    1,
                                    1,
                                    1,
                                    6,
                                    CargoClass.BULK,
                                    seats % 2 == 0 ? 5.0 : 10.0 * (seats - seats / 2) / seats)
                            .build();
            Plan p = Planners.byName("fifo").plan(s, PlanOptions.of(s), Progress.NONE);
            assertThat(PlanChecker.check(s, p).violations()).as(at).isEmpty();
            assertThat(p.missions())
                    .as(at + " people alone")
                    .filteredOn(m -> m.loads().get(0).uln().equals("PAX"))
                    .hasSize(3)
                    .allSatisfy(m -> assertThat(m.loads().get(0).pax()).isEqualTo(seats));
            assertThat(p.missions())
                    .as(at + " people beside cargo")
                    .filteredOn(m -> m.loads().get(0).uln().equals("MIXED"))
                    .singleElement()
                    .satisfies(m -> assertThat(m.loads().get(0).pax()).isEqualTo(seats / 2));
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void keepsEveryRuleOnLargerRandomScenariosAndIsRepeatable(long seed) {
        Scenario s = SmallScenarios.random(seed, 25);
        String at = "seed " + seed + " (SmallScenarios.random(" + seed + ", 25))";
        Plan a = Planners.byName("fifo").plan(s, PlanOptions.of(s), Progress.NONE);
        Plan b = Planners.byName("fifo").plan(s, PlanOptions.of(s), Progress.NONE);
        assertThat(a).as(at + " same plan twice").isEqualTo(b);
        CheckReport r = PlanChecker.check(s, a);
        assertThat(r.violations()).as(at).isEmpty();
        assertThat(a.measures().closureDay()).as(at).isEqualTo(r.measures().closureDay());
        assertThat(a.measures().lateUlns()).as(at).isEqualTo(r.measures().lateUlns());
        assertThat(a.measures().unmet()).as(at).hasSameSizeAs(r.measures().unmet());
        assertThat(a.measures().lateStonDays())
                .as(at)
                .isCloseTo(r.measures().lateStonDays(), org.assertj.core.data.Offset.offset(1e-4));
        // one line per mission: no consolidation across lines
        for (Mission m : a.missions()) {
            List<String> ulns = m.loads().stream().map(l -> l.uln()).distinct().toList();
            assertThat(ulns.size()).as(at + " " + m.id()).isLessThanOrEqualTo(1);
        }
        assertThat(LowerBounds.earliestArrival(s).lateStonDays())
                .as(at + " earliest-arrival bound")
                .isLessThanOrEqualTo(r.measures().lateStonDays() + 1e-6);
    }

    /**
     * One ship and two hundred sea lines: fifo gives each line a voyage of its own, so the last
     * sail more than ten years after the horizon. They are still flown (rule 10) and reported
     * unmet, never dropped.
     */
    @Test
    void loadThatOnlyFitsYearsAfterTheHorizonIsStillCarried() {
        List<Node> nodes =
                List.of(
                        new Node(
                                "USBPT",
                                "Beaumont",
                                NodeKind.SEAPORT,
                                "US",
                                30.08,
                                -94.09,
                                0,
                                1,
                                0),
                        new Node("PLGDY", "Gdynia", NodeKind.SEAPORT, "PL", 54.53, 18.55, 0, 1, 0));
        LiftType ship =
                new LiftType(
                        "SHIP",
                        LiftMode.SEA,
                        1,
                        0,
                        "USBPT",
                        EnumSet.of(CargoClass.BULK),
                        0,
                        10_000,
                        100_000,
                        18,
                        Double.POSITIVE_INFINITY,
                        new GroundHours(24, 24, 0));
        List<RequirementLine> lines = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            lines.add(
                    new RequirementLine(
                            String.format("S%03d", i),
                            "unit",
                            "US",
                            0,
                            List.of(new CargoEntry(CargoClass.BULK, 10, 300)),
                            "USBPT",
                            "USBPT",
                            "PLGDY",
                            "PLGDY",
                            0,
                            0,
                            0,
                            29,
                            29,
                            1,
                            LineMode.SEA));
        }
        Scenario s =
                new Scenario(
                        "one-ship",
                        nodes,
                        List.of(ship),
                        List.of(
                                new Route(
                                        "sea",
                                        RouteMode.SEA,
                                        "USBPT",
                                        "PLGDY",
                                        List.of(),
                                        List.of(4800.0),
                                        0)),
                        lines,
                        new Planning(30, 0.2, 1, 0, null));
        Plan p = new FifoPlanner().plan(s, new PlanOptions(1, 0), Progress.NONE);
        CheckReport r = PlanChecker.check(s, p);
        assertThat(r.violations()).isEmpty();
        assertThat(p.missions()).hasSize(200);
        double lastHour =
                p.missions().stream()
                        .mapToDouble(m -> m.stops().get(m.stops().size() - 1).depart())
                        .max()
                        .orElseThrow();
        assertThat(lastHour).isGreaterThan(24.0 * (30 + 3650));
        assertThat(r.measures().unmet()).isNotEmpty();
    }
}
