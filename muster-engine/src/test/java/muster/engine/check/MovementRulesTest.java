package muster.engine.check;

import static muster.engine.check.testkit.PlanBuilder.stons;
import static muster.engine.check.testkit.PlanEdits.restated;
import static muster.engine.check.testkit.PlanEdits.shifted;
import static muster.engine.check.testkit.PlanEdits.withLines;
import static muster.engine.check.testkit.PlanEdits.withLoad;
import static muster.engine.check.testkit.PlanEdits.withMeasures;
import static muster.engine.check.testkit.PlanEdits.withMission;
import static muster.engine.check.testkit.PlanEdits.withStop;
import static muster.model.Activity.ENROUTE;
import static muster.model.Activity.OFFLOAD;
import static muster.model.Activity.ONLOAD;
import static muster.model.Activity.PASS;
import static muster.model.Activity.START;
import static muster.model.CargoClass.BULK;
import static muster.model.CargoClass.NAT;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import muster.engine.check.testkit.PlanEdits;
import muster.model.Geo;
import muster.model.Load;
import muster.model.Measures;
import muster.model.Mission;
import muster.model.Plan;
import muster.model.RouteMode;
import muster.model.Scenario;
import muster.model.Stop;
import muster.model.Unmet;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * One keep/break pair per movement rule: the fixture's correct plan keeps the rule, and a minimally
 * changed plan breaks it, reported as that rule alone, naming the mission, stop and line.
 */
class MovementRulesTest {
    static final Scenario S = Fixture.scenario();
    static final Plan GOOD = Fixture.plan();

    static CheckReport check(Plan p) {
        return PlanChecker.check(S, p);
    }

    /** Every violation is of {@code rule}, and there is at least one. */
    static List<Violation> only(CheckReport r, int rule) {
        assertThat(r.violations()).as("violations").isNotEmpty();
        assertThat(r.violations())
                .as("only rule %d in %s", rule, r.violations())
                .allMatch(v -> v.rule() == rule);
        return r.violations();
    }

    static Stop times(Stop s, double arrive, double depart) {
        return new Stop(s.node(), s.activity(), arrive, depart);
    }

    @Test
    void theFixtureScenarioIsValid() {
        assertThat(muster.model.validate.ScenarioValidator.validate(S)).isEmpty();
    }

    @Test
    void theFixturePlanKeepsEveryRule() {
        CheckReport r = check(GOOD);
        assertThat(r.violations()).isEmpty();
        assertThat(r.ok()).isTrue();
    }

    @Nested
    class Rule1GettingToPoe {
        @Test
        void keeps() {
            // M1 starts loading at 7 - 2 = 5, exactly when A1 is at P.
            assertThat(check(GOOD).ofRule(1)).isEmpty();
        }

        @Test
        void breaksWhenLoadingStartsBeforeTheLineIsAtThePoe() {
            // One hour earlier: loading starts at 4, the line is at P from 5.
            Plan bad = restated(S, shifted(GOOD, "M1", -1));
            List<Violation> v = only(check(bad), 1);
            assertThat(v).hasSize(1);
            assertThat(v.get(0))
                    .extracting(Violation::missionId, Violation::stop, Violation::uln)
                    .containsExactly("M1", 0, "A1");
            assertThat(v.get(0).message()).contains("hour 4").contains("from hour 5");
        }
    }

    @Nested
    class Rule2Missions {
        @Test
        void keeps() {
            assertThat(check(GOOD).ofRule(2)).isEmpty();
        }

        @Test
        void breaksWithStartAfterTheFirstStop() {
            Plan bad = withStop(GOOD, "M3", 1, s -> new Stop(s.node(), START, 13, 13));
            List<Violation> v = only(check(bad), 2);
            assertThat(v)
                    .singleElement()
                    .extracting(Violation::missionId, Violation::stop)
                    .containsExactly("M3", 1);
        }

        @Test
        void breaksWhenAnAircraftStopsAtASeaport() {
            // M3 flies on from V to the seaport S1 (great circle, an empty leg) instead of P.
            double nm = Geo.distanceNm(0, 10, 1, 0);
            double at = 13 + nm / 400;
            Plan bad = withStop(GOOD, "M3", 2, s -> new Stop("S1", PASS, at, at));
            List<Violation> v = only(check(bad), 2);
            assertThat(v)
                    .singleElement()
                    .satisfies(
                            x -> {
                                assertThat(x.missionId()).isEqualTo("M3");
                                assertThat(x.stop()).isEqualTo(2);
                                assertThat(x.message()).contains("SEAPORT");
                            });
        }
    }

    @Nested
    class Rule3TravelTime {
        @Test
        void keeps() {
            assertThat(check(GOOD).ofRule(3)).isEmpty();
        }

        @Test
        void breaksWhenALegIsFlownFasterOrSlowerThanItsDistanceAllows() {
            // M2 at V from 10.8 to 11.8: P->V takes 1.8 h (needs 2), V->Q 1.2 h (needs 1).
            Plan bad = withStop(GOOD, "M2", 1, s -> times(s, 10.8, 11.8));
            List<Violation> v = only(check(bad), 3);
            assertThat(v)
                    .extracting(Violation::missionId, Violation::stop)
                    .containsExactly(
                            org.assertj.core.groups.Tuple.tuple("M2", 1),
                            org.assertj.core.groups.Tuple.tuple("M2", 2));
            assertThat(v.get(0).message()).contains("800 nm").contains("gives hour 11");
        }

        /**
         * GOOD with M2 flying A1 from P to Q direct, off the route through the via, arriving {@code
         * late} hours after the great circle at 400 kn allows.
         */
        private Plan flownDirect(double late) {
            double nm = Geo.distanceNm(0, 0, 0, 20);
            return flownDirectToQ(9 + late + nm / 400, 10 + late + nm / 400);
        }

        /**
         * GOOD with M2 flying A1 from P, left at hour 9, to Q direct, at Q from hour {@code arrive}
         * to {@code leave}.
         */
        private Plan flownDirectToQ(double arrive, double leave) {
            return withMission(
                    GOOD,
                    "M2",
                    m ->
                            new Mission(
                                    m.id(),
                                    m.lift(),
                                    m.tail(),
                                    List.of(
                                            new Stop("P", ONLOAD, 7, 9),
                                            new Stop("Q", OFFLOAD, arrive, leave)),
                                    List.of(new Load("A1", 100, List.of(), 0, 1))));
        }

        @Test
        void breaksWhenALoadSkipsTheRoutesVia() {
            // Direct P->Q is not a route: the load's stops are not the points of one.
            Scenario s = Fixture.scenarioBuilder().build();
            Plan bad = restated(s, flownDirect(0));
            List<Violation> v = only(PlanChecker.check(s, bad), 3);
            assertThat(v)
                    .singleElement()
                    .satisfies(
                            x -> {
                                assertThat(x.missionId()).isEqualTo("M2");
                                assertThat(x.stop()).isEqualTo(0);
                                assertThat(x.uln()).isEqualTo("A1");
                                assertThat(x.message()).contains("P-Q").contains("not the points");
                            });
        }

        @Test
        void aLegWhoseLoadFollowsNoRouteIsNotCalledEmpty() {
            // M2 flies P->Q direct with A1 aboard, a little slower than the great circle allows:
            // the leg time is wrong, and the leg is loaded, though on no route of A1
            List<Violation> v = only(check(restated(S, flownDirect(0.5))), 3);
            assertThat(v).extracting(Violation::stop).containsExactly(0, 1);
            assertThat(v.get(1).message())
                    .contains("arrives at Q")
                    .contains("loaded, but on no route of its load's line")
                    .doesNotContain("empty leg");
        }

        @Test
        void breaksWhenALoadedLegIsBeyondRange() {
            // A second, direct route of 1200 nm exists, but the jet's range is 1000 nm.
            Scenario s =
                    Fixture.scenarioBuilder()
                            .channel(RouteMode.AIR, "P", "Q", List.of(), 1200)
                            .build();
            Plan direct = restated(s, flownDirectToQ(12, 13));
            List<Violation> v = only(PlanChecker.check(s, direct), 3);
            assertThat(v)
                    .singleElement()
                    .satisfies(
                            x -> {
                                assertThat(x.missionId()).isEqualTo("M2");
                                assertThat(x.stop()).isEqualTo(0);
                                assertThat(x.message())
                                        .contains("1200 nm")
                                        .contains("range 1000 nm");
                            });
        }
    }

    @Nested
    class Rule4GroundTime {
        @Test
        void keeps() {
            assertThat(check(GOOD).ofRule(4)).isEmpty();
        }

        @Test
        void breaksWhenAStopIsShorterThanItsGroundTime() {
            // M1 arrives at P at 5.5 and leaves at 7: 1.5 h, onload needs 2.
            Plan bad = withStop(GOOD, "M1", 0, s -> times(s, 5.5, 7));
            List<Violation> v = only(check(bad), 4);
            assertThat(v)
                    .singleElement()
                    .satisfies(
                            x -> {
                                assertThat(x.missionId()).isEqualTo("M1");
                                assertThat(x.stop()).isEqualTo(0);
                                assertThat(x.message()).contains("1.5 h").contains("needs 2 h");
                            });
        }
    }

    @Nested
    class Rule5Loading {
        @Test
        void keeps() {
            assertThat(check(GOOD).ofRule(5)).isEmpty();
        }

        @Test
        void breaksWhenALoadComesOffAtAStopThatIsNotAnOffload() {
            // Same ground time (1 h) for ENROUTE and OFFLOAD, so only rule 5 notices.
            Plan bad =
                    withStop(
                            GOOD,
                            "M1",
                            2,
                            s -> new Stop(s.node(), ENROUTE, s.arrive(), s.depart()));
            List<Violation> v = only(check(bad), 5);
            assertThat(v)
                    .singleElement()
                    .extracting(Violation::missionId, Violation::stop, Violation::uln)
                    .containsExactly("M1", 2, "A1");
            assertThat(v.get(0).message())
                    .startsWith("load comes off at an ENROUTE stop at ")
                    .contains("not at an OFFLOAD stop at the line's POD");
        }

        @Test
        void breaksWhenItArrivesBeforeTheEarliestArrivalDay() {
            // S1L with ead 8 instead of 5: the ship is at S2 at hour 180 < 192.
            Scenario s = Fixture.scenarioBuilder().build();
            var lines = new ArrayList<>(s.requirements());
            var l = lines.get(1);
            lines.set(
                    1,
                    new muster.model.RequirementLine(
                            l.uln(),
                            l.unit(),
                            l.nation(),
                            l.pax(),
                            l.cargo(),
                            l.origin(),
                            l.poe(),
                            l.pod(),
                            l.destination(),
                            l.rld(),
                            l.ald(),
                            8,
                            8,
                            8,
                            l.priority(),
                            l.mode()));
            Scenario late =
                    new Scenario(s.name(), s.nodes(), s.lift(), s.routes(), lines, s.planning());
            List<Violation> v = only(PlanChecker.check(late, restated(late, GOOD)), 5);
            assertThat(v)
                    .singleElement()
                    .satisfies(
                            x -> {
                                assertThat(x)
                                        .extracting(
                                                Violation::missionId,
                                                Violation::stop,
                                                Violation::uln)
                                        .containsExactly("M4", 1, "S1L");
                                assertThat(x.message()).contains("hour 180").contains("hour 192");
                            });
        }

        @Test
        void breaksWhenALandLineRidesAMission() {
            Plan bad =
                    withMission(
                            GOOD,
                            "M3",
                            m ->
                                    new Mission(
                                            m.id(),
                                            m.lift(),
                                            m.tail(),
                                            m.stops(),
                                            List.of(new Load("L1", 1, List.of(), 0, 2))));
            List<Violation> v = only(check(bad), 5);
            assertThat(v)
                    .singleElement()
                    .extracting(Violation::missionId, Violation::uln)
                    .containsExactly("M3", "L1");
        }
    }

    @Nested
    class Rule6Capacity {
        @Test
        void keeps() {
            // M1 is full to the seat: 50/100 + 20/40 = 1.
            assertThat(check(GOOD).ofRule(6)).isEmpty();
        }

        @Test
        void breaksWhenOnePersonTooManyIsAboard() {
            // 51 pax on M1 and 99 on M2: the line still adds up, M1 is at 1.01.
            Plan bad =
                    withLoad(GOOD, "M1", 0, l -> new Load(l.uln(), 51, l.cargo(), l.on(), l.off()));
            bad = withLoad(bad, "M2", 0, l -> new Load(l.uln(), 99, l.cargo(), l.on(), l.off()));
            List<Violation> v = only(check(restated(S, bad)), 6);
            assertThat(v)
                    .extracting(Violation::missionId, Violation::stop, Violation::uln)
                    .containsExactly(
                            org.assertj.core.groups.Tuple.tuple("M1", 0, "A1"),
                            org.assertj.core.groups.Tuple.tuple("M1", 1, "A1"));
            assertThat(v.get(0).message()).contains("51 pax").contains("1.01");
        }

        /**
         * The fixture's scenario with its first (jet) type carrying BULK only, with {@code seats}
         * seats (its own when negative).
         */
        private Scenario withBulkOnlyJet(int seats) {
            Scenario base = Fixture.scenarioBuilder().build();
            var lift = new ArrayList<>(base.lift());
            var jet = lift.get(0);
            lift.set(
                    0,
                    new muster.model.LiftType(
                            jet.id(),
                            jet.mode(),
                            jet.count(),
                            jet.availableFromDay(),
                            jet.baseNode(),
                            java.util.EnumSet.of(BULK),
                            seats < 0 ? jet.paxCapacity() : seats,
                            jet.stonsCapacity(),
                            jet.sqftCapacity(),
                            jet.speedKnots(),
                            jet.rangeNm(),
                            jet.groundHours()));
            return new Scenario(
                    base.name(),
                    base.nodes(),
                    lift,
                    base.routes(),
                    base.requirements(),
                    base.planning());
        }

        @Test
        void breaksWhenAClassIsNotCarried() {
            // The same plan against a jet that carries BULK only: both jets have people aboard.
            Scenario bulkOnly = withBulkOnlyJet(-1);
            List<Violation> v = only(PlanChecker.check(bulkOnly, GOOD), 6);
            assertThat(v).extracting(Violation::missionId).containsExactly("M1", "M2");
            assertThat(v.get(0).message()).contains("does not carry PAX");
        }

        @Test
        void peopleOnATypeWithNoSeatsAreReportedOnceNotAsAnEndlessShare() {
            // the jet carries BULK only and has no seats: each mission's people are one fault,
            // not that and a leg "carrying Infinity of the capacity"
            Scenario seatless = withBulkOnlyJet(0);
            List<Violation> v = only(PlanChecker.check(seatless, GOOD), 6);
            assertThat(v).extracting(Violation::missionId).containsExactly("M1", "M2");
            assertThat(v)
                    .allSatisfy(
                            x ->
                                    assertThat(x.message())
                                            .contains("does not carry PAX")
                                            .doesNotContain("Infinity"));
        }
    }

    @Nested
    class Rule7OnePlaceAtATime {
        @Test
        void keeps() {
            // M3 begins at Q at 12, the hour and place M1 (same tail) ends.
            assertThat(check(GOOD).ofRule(7)).isEmpty();
        }

        @Test
        void breaksWhenATailBeginsAMissionBeforeItsLastEnds() {
            Plan bad = shifted(GOOD, "M3", -0.5);
            List<Violation> v = only(check(bad), 7);
            assertThat(v)
                    .singleElement()
                    .satisfies(
                            x -> {
                                assertThat(x.missionId()).isEqualTo("M3");
                                assertThat(x.message())
                                        .contains("still on mission M1 until hour 12");
                            });
        }

        @Test
        void breaksWhenAMissionBeginsInsideALongOneWithAShortOneBetween() {
            // Tail 0 flies M1 from 3 to 12; two stays at P of no length, X at 4 and Y at 5, are
            // given to tail 0 as well. Both begin while M1 is still under way: Y is inside M1 even
            // though X, which ends at 4, comes between them.
            List<Mission> ms = new ArrayList<>(GOOD.missions());
            int after = ms.indexOf(ms.stream().filter(m -> m.id().equals("M1")).findFirst().get());
            ms.add(
                    after + 1,
                    new Mission("X", "JET", 0, List.of(new Stop("P", START, 4, 4)), null));
            ms.add(
                    after + 2,
                    new Mission("Y", "JET", 0, List.of(new Stop("P", START, 5, 5)), null));
            List<Violation> v = only(check(PlanEdits.withMissions(GOOD, ms)), 7);
            assertThat(v)
                    .filteredOn(x -> x.message().contains("while still on mission"))
                    .extracting(Violation::missionId)
                    .containsExactly("X", "Y");
            assertThat(v)
                    .filteredOn(x -> "Y".equals(x.missionId()))
                    .anySatisfy(
                            x ->
                                    assertThat(x.message())
                                            .contains("still on mission M1 until hour 12"));
        }

        @Test
        void breaksWhenATailNumberDoesNotExist() {
            Plan bad =
                    withMission(
                            GOOD,
                            "M2",
                            m -> new Mission(m.id(), m.lift(), 2, m.stops(), m.loads()));
            assertThat(only(check(bad), 7))
                    .singleElement()
                    .satisfies(x -> assertThat(x.message()).contains("tails 0 to 1"));
        }

        @Test
        void breaksWhenATailBeginsElsewhereThanItEnded() {
            // M3 tail 1 instead of 0: tail 1 ended M2 at Q at 14 -> overlaps and M3 is its
            // second mission; tail 0's M1 no longer has a follower. Put M3 on tail 1 after M2.
            Plan moved =
                    withMission(
                            shifted(GOOD, "M3", 2),
                            "M3",
                            m -> new Mission(m.id(), m.lift(), 1, m.stops(), m.loads()));
            assertThat(check(moved).violations()).isEmpty();
            // Now make M2 end at V (PASS stop) would break rule 5; instead start M3 at V.
            Plan bad =
                    withMission(
                            moved,
                            "M3",
                            m ->
                                    new Mission(
                                            m.id(),
                                            m.lift(),
                                            m.tail(),
                                            List.of(
                                                    new Stop("V", START, 14, 14),
                                                    new Stop("P", PASS, 16, 16)),
                                            m.loads()));
            List<Violation> v = only(check(bad), 7);
            assertThat(v)
                    .singleElement()
                    .satisfies(
                            x -> {
                                assertThat(x.missionId()).isEqualTo("M3");
                                assertThat(x.stop()).isEqualTo(0);
                                assertThat(x.message())
                                        .contains("begins this mission at V")
                                        .contains("ended at Q");
                            });
        }
    }

    @Nested
    class Rule8AirfieldAndBerthLimits {
        @Test
        void keeps() {
            // M1 leaves P at 7 as M2 arrives: [3, 7) and [7, 9) do not overlap.
            assertThat(check(GOOD).ofRule(8)).isEmpty();
        }

        @Test
        void breaksWhenTwoAircraftAreOnTheGroundAtAMogOneAirfield() {
            Plan bad = withStop(GOOD, "M2", 0, s -> times(s, 6.5, 9));
            List<Violation> v = only(check(bad), 8);
            assertThat(v)
                    .singleElement()
                    .satisfies(
                            x -> {
                                assertThat(x)
                                        .extracting(Violation::missionId, Violation::stop)
                                        .containsExactly("M2", 0);
                                assertThat(x.message())
                                        .contains("2 aircraft on the ground at P")
                                        .contains("MOG 1");
                            });
        }
    }

    @Nested
    class Rule9OnwardMovement {
        @Test
        void keeps() {
            assertThat(check(GOOD).ofRule(9)).isEmpty();
        }

        @Test
        void breaksWhenALineClosesBeforeHandlingAndRoadAllow() {
            // A1 stated to close at 16 (14 + 2, the POD's handling hour left out); it is 17.
            List<muster.model.LineResult> lines = new ArrayList<>(GOOD.lines());
            var a = lines.get(0);
            lines.set(0, new muster.model.LineResult(a.uln(), a.podArrival(), 16.0, 0, 0, null));
            List<Violation> v = only(check(withLines(GOOD, lines)), 9);
            assertThat(v)
                    .singleElement()
                    .satisfies(
                            x -> {
                                assertThat(x.uln()).isEqualTo("A1");
                                assertThat(x.message()).contains("closure 16, recomputed 17");
                            });
        }
    }

    @Nested
    class Rule10NothingLostNothingMadeUp {
        @Test
        void keeps() {
            assertThat(check(GOOD).ofRule(10)).isEmpty();
        }

        @Test
        void breaksWhenAPersonIsLost() {
            Plan bad =
                    withLoad(GOOD, "M2", 0, l -> new Load(l.uln(), 99, l.cargo(), l.on(), l.off()));
            List<Violation> v = only(check(restated(S, bad)), 10);
            assertThat(v)
                    .singleElement()
                    .satisfies(
                            x -> {
                                assertThat(x.uln()).isEqualTo("A1");
                                assertThat(x.message())
                                        .contains("149 pax")
                                        .contains("150")
                                        .contains("1 lost");
                            });
        }

        @Test
        void breaksWhenCargoIsMadeUp() {
            Plan bad =
                    withLoad(
                            GOOD,
                            "M4",
                            0,
                            l -> new Load(l.uln(), 0, List.of(stons(NAT, 600.5)), 0, 1));
            List<Violation> v = only(check(restated(S, bad)), 10);
            assertThat(v)
                    .singleElement()
                    .satisfies(
                            x -> {
                                assertThat(x.uln()).isEqualTo("S1L");
                                assertThat(x.message()).contains("0.5 made up");
                            });
        }

        @Test
        void breaksWhenUnmetListsWhatWasDelivered() {
            Measures m = GOOD.measures();
            Plan bad =
                    withMeasures(
                            GOOD,
                            new Measures(
                                    m.closureDay(),
                                    m.lateStonDays(),
                                    m.lateUlns(),
                                    m.onTimeUlns(),
                                    List.of(new Unmet("A1", BULK, 20))));
            List<Violation> v = only(check(bad), 10);
            assertThat(v)
                    .singleElement()
                    .satisfies(
                            x -> {
                                assertThat(x.uln()).isEqualTo("A1");
                                assertThat(x.message())
                                        .contains("20 stons of BULK")
                                        .contains("at the destination");
                            });
        }

        @Test
        void unmetOfALineOrClassTheScenarioDoesNotHaveIsNamedAsSuch() {
            // A1 has people and BULK, no NAT; there is no line X9: neither is "at the destination"
            Measures m = GOOD.measures();
            Plan bad =
                    withMeasures(
                            GOOD,
                            new Measures(
                                    m.closureDay(),
                                    m.lateStonDays(),
                                    m.lateUlns(),
                                    m.onTimeUlns(),
                                    List.of(new Unmet("X9", BULK, 5), new Unmet("A1", NAT, 3))));
            List<Violation> v = only(check(bad), 10);
            assertThat(v)
                    .extracting(Violation::uln, Violation::message)
                    .containsExactly(
                            org.assertj.core.groups.Tuple.tuple(
                                    "X9",
                                    "unmet lists 5 stons of BULK of a line the scenario does not"
                                            + " have"),
                            org.assertj.core.groups.Tuple.tuple(
                                    "A1", "unmet lists 3 stons of NAT but the line has no NAT"));
        }

        @Test
        void breaksWhenUnmetLeavesOutWhatArrivesTooLate() {
            // The ship two days later reaches D on day 11, after the horizon: 600 NAT unmet.
            Plan later = withStop(GOOD, "M4", 0, x -> times(x, 0, 108));
            later = withStop(later, "M4", 1, x -> times(x, 228, 252));
            Plan late = restated(S, later);
            assertThat(check(late).violations()).isEmpty();
            assertThat(late.measures().unmet()).containsExactly(new Unmet("S1L", NAT, 600));
            Measures m = late.measures();
            Plan bad =
                    withMeasures(
                            late,
                            new Measures(
                                    m.closureDay(),
                                    m.lateStonDays(),
                                    m.lateUlns(),
                                    m.onTimeUlns(),
                                    List.of()));
            List<Violation> v = only(check(bad), 10);
            assertThat(v)
                    .singleElement()
                    .satisfies(
                            x -> {
                                assertThat(x.uln()).isEqualTo("S1L");
                                assertThat(x.message())
                                        .contains("600 stons of NAT")
                                        .contains("end of day 9");
                            });
        }
    }

    @Test
    void reorderedMissionsAreAFormFault() {
        List<Mission> ms = new ArrayList<>(GOOD.missions());
        ms.add(0, ms.remove(1));
        List<Violation> v =
                only(
                        check(muster.engine.check.testkit.PlanEdits.withMissions(GOOD, ms)),
                        Violation.FORM);
        assertThat(v).singleElement().satisfies(x -> assertThat(x.missionId()).isEqualTo("M4"));
    }

    @Test
    void unknownReferencesAreFormFaultsNotExceptions() {
        Plan bad =
                withMission(
                        GOOD,
                        "M3",
                        m ->
                                new Mission(
                                        "M1",
                                        "C-5",
                                        m.tail(),
                                        List.of(new Stop("XX", START, 12, 12)),
                                        List.of(new Load("ZZ", 1, List.of(), 0, 3))));
        CheckReport r = check(bad);
        assertThat(r.ofRule(Violation.FORM))
                .extracting(Violation::message)
                .anyMatch(s -> s.contains("used more than once"))
                .anyMatch(s -> s.contains("unknown lift type 'C-5'"))
                .anyMatch(s -> s.contains("unknown node 'XX'"))
                .anyMatch(s -> s.contains("unknown line"))
                .anyMatch(s -> s.contains("out of range"));
    }

    @Test
    void statedMeasuresThatDisagreeAreReported() {
        Measures m = GOOD.measures();
        Plan bad =
                withMeasures(
                        GOOD,
                        new Measures(
                                m.closureDay() - 1,
                                m.lateStonDays() * 1.001,
                                m.lateUlns(),
                                m.onTimeUlns(),
                                m.unmet()));
        List<Violation> v = only(check(bad), Violation.MEASURES);
        assertThat(v)
                .extracting(Violation::message)
                .containsExactly(
                        "closureDay 8, recomputed 9", "lateStonDays 600.6, recomputed 600");
        // within the relative tolerance: no violation
        Plan close =
                withMeasures(
                        GOOD,
                        new Measures(
                                m.closureDay(),
                                m.lateStonDays() * (1 + 1e-8),
                                m.lateUlns(),
                                m.onTimeUlns(),
                                m.unmet()));
        assertThat(check(close).violations()).isEmpty();
    }

    /**
     * A plan that keeps the rules is never below its lower bound, so a stated bound above it is.
     */
    @Test
    void aStatedLowerBoundAboveThePlanIsReported() {
        Measures m = GOOD.measures();
        Plan above =
                new Plan(
                        GOOD.scenario(),
                        GOOD.planner(),
                        GOOD.measures(),
                        new muster.model.LowerBound(
                                m.closureDay() + 1, m.lateStonDays() + 1, "stated by hand"),
                        GOOD.missions(),
                        GOOD.lines(),
                        GOOD.bindingConstraints());
        assertThat(only(check(above), Violation.MEASURES))
                .extracting(Violation::message)
                .containsExactly(
                        "lowerBound.lateStonDays 601 is above the plan's recomputed lateStonDays"
                                + " 600: no plan that keeps the rules is below a lower bound",
                        "lowerBound.closureDay 10 is after the plan's recomputed closureDay 9, with"
                                + " nothing unmet: no plan that keeps the rules closes before its"
                                + " lower bound");
        Plan at =
                new Plan(
                        GOOD.scenario(),
                        GOOD.planner(),
                        GOOD.measures(),
                        new muster.model.LowerBound(
                                m.closureDay(), m.lateStonDays(), "stated by hand"),
                        GOOD.missions(),
                        GOOD.lines(),
                        GOOD.bindingConstraints());
        assertThat(check(at).violations()).isEmpty();
    }

    @Test
    void anHourFarOutIsWrittenShortInTheMessage() {
        // M2's stop at V arriving at hour 1e300 (a finite number a plan file may hold): the leg
        // time and the ground time are wrong, and each message names the hour as 1.0E300, where
        // it wrote out all 301 digits of it
        Plan bad = withStop(GOOD, "M2", 1, s -> times(s, 1e300, 11.8));
        List<Violation> v = check(bad).violations();
        assertThat(v).extracting(Violation::rule).contains(3, 4);
        for (Violation x : v) {
            assertThat(x.message()).as(x.describe()).hasSizeLessThan(300);
        }
        assertThat(check(bad).ofRule(4).get(0).message()).contains("arrive 1.0E300");
    }

    @Test
    void violationsDescribeThemselvesOnOneLine() {
        assertThat(new Violation(6, "M1", 0, "A1", "too heavy").describe())
                .isEqualTo("rule 6 mission M1 stop 0 line A1: too heavy");
        assertThat(new Violation(Violation.FORM, null, null, null, "x").describe())
                .isEqualTo("form: x");
    }
}
