package muster.io.force;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import muster.engine.sourcing.Reason;
import muster.engine.sourcing.Rejection;
import muster.engine.sourcing.Sourcer;
import muster.engine.sourcing.SourcingResult;
import muster.engine.sourcing.Unfilled;
import muster.io.ScenarioReader;
import muster.model.Fault;
import muster.model.force.Catalogue;
import muster.model.force.RequirementSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResponseForceFileTest {
    static final Path ROOT = Path.of("..");
    @TempDir Path dir;

    @Test
    void theBundledNrfActivatesAndSourcesWithReasonsForWhatCannotBeFilled() throws Exception {
        ForceRead<RequirementSet> reqs =
                RequirementsReader.read(ROOT.resolve("data/catalogue/nrf-2022.yaml"));
        assertThat(reqs.faults()).extracting(Fault::describe).isEmpty();
        RequirementSet set = reqs.value();
        assertThat(set.decisionDay()).isEqualTo(9);
        assertThat(set.requirements()).hasSize(7);
        assertThat(set.requirements()).allMatch(r -> r.onlyNations().size() == 1);

        ForceRead<Catalogue> cat =
                CatalogueReader.read(ROOT.resolve("data/catalogue/eastern-flank-2022-units.yaml"));
        var net = ScenarioReader.read(ROOT.resolve("scenarios/eastern-flank-2022.yaml"));
        SourcingResult res = new Sourcer().source(set, cat.value(), net.scenario(), false);
        assertThat(res.refused()).as(res.faults().toString()).isFalse();
        assertThat(res.choices()).extracting(c -> c.uic()).contains("FRCRRF", "FRVJBG", "BECOGP");
        // Without the French headquarters the command element is empty, and the US ones are named
        // as failing the nation rule.
        Catalogue noFrenchHq =
                new Catalogue(
                        cat.value().name(),
                        cat.value().stations(),
                        cat.value().units().stream()
                                .filter(u -> !u.uic().equals("FRCRRF"))
                                .toList());
        res = new Sourcer().source(set, noFrenchHq, net.scenario(), false);
        assertThat(res.refused()).as(res.faults().toString()).isFalse();
        Unfilled hq =
                res.unfilled().stream()
                        .filter(u -> u.requirementId().startsWith("COMMAND-ELEMENT"))
                        .findFirst()
                        .orElseThrow();
        assertThat(hq.reasons())
                .filteredOn(r -> r.uic().equals("WJ18CP"))
                .extracting(Rejection::reason)
                .containsExactly(Reason.NATION_RULE);
    }

    @Test
    void aResponseForceWithoutActivationIsRefused() throws Exception {
        Path f = dir.resolve("nrf.yaml");
        String text = Files.readString(ROOT.resolve("data/catalogue/nrf-2022.yaml"));
        Files.writeString(f, text.substring(0, text.indexOf("activation:")));
        ForceRead<RequirementSet> reqs = RequirementsReader.read(f);
        assertThat(reqs.refused()).isTrue();
        assertThat(reqs.faults())
                .extracting(x -> x.describe(f.toString()))
                .anySatisfy(s -> assertThat(s).contains("activation"));
    }

    /** A requirement without its id is named by its place, never as "requirement null". */
    @Test
    void aRequirementWithoutItsIdIsNamedByItsPlaceNotAsNull() throws Exception {
        Path f = dir.resolve("req.yaml");
        String text =
                Files.readString(ROOT.resolve("scenarios/eastern-flank-2022-requirements.yaml"));
        Files.writeString(
                f,
                text.replaceFirst("\\{id: HQ-CORPS, ", "{")
                        .replaceFirst("priority: 1,", "priority: 0,"));
        ForceRead<RequirementSet> reqs = RequirementsReader.read(f);
        assertThat(reqs.refused()).isTrue();
        assertThat(reqs.faults())
                .extracting(x -> x.describe(f.toString()))
                .contains(
                        "error: "
                                + f
                                + ":15: requirement (requirements[0]): field 'id': is missing")
                .anySatisfy(
                        s ->
                                assertThat(s)
                                        .startsWith(
                                                "error: "
                                                        + f
                                                        + ":16: requirement (requirements[0])")
                                        .contains("field 'priority' = '0'"))
                .allSatisfy(s -> assertThat(s).doesNotContain("null"));
    }

    @Test
    void aRequirementForANationByItsAlpha3CodeIsRefusedNotLeftEmpty() throws Exception {
        Path f = dir.resolve("req.yaml");
        String text =
                Files.readString(ROOT.resolve("scenarios/eastern-flank-2022-requirements.yaml"));
        Files.writeString(
                f, text.replaceFirst("onlyNations: \\[\"US\"\\]", "onlyNations: [\"USA\"]"));
        ForceRead<RequirementSet> reqs = RequirementsReader.read(f);
        assertThat(reqs.refused()).isTrue();
        assertThat(reqs.faults())
                .extracting(x -> x.describe(f.toString()))
                .anySatisfy(
                        s ->
                                assertThat(s)
                                        .contains("req.yaml:16")
                                        .contains("field 'onlyNations' = 'USA'")
                                        .contains("alpha-2"));
    }

    @Test
    void anEntryThatIsNotAMappingIsNamedOnceWithItsValue() throws Exception {
        Path f = dir.resolve("nrf.yaml");
        String text = Files.readString(ROOT.resolve("data/catalogue/nrf-2022.yaml"));
        Files.writeString(
                f, text.replace("{nation: \"BE\", capability: LIGHT_BATTLEGROUP}", "\"BE\""));
        ForceRead<RequirementSet> reqs = RequirementsReader.read(f);
        assertThat(reqs.refused()).isTrue();
        assertThat(reqs.faults())
                .extracting(x -> x.describe(f.toString()))
                .singleElement()
                .satisfies(
                        s ->
                                assertThat(s)
                                        .contains("nrf.yaml:24: tier VJTF")
                                        .contains("is 'BE', not a mapping of nation, capability"));

        Path r = dir.resolve("req.yaml");
        String req =
                Files.readString(ROOT.resolve("scenarios/eastern-flank-2022-requirements.yaml"));
        Files.writeString(r, req.replaceFirst("requirements:\n", "requirements:\n  - 7\n"));
        ForceRead<RequirementSet> rs = RequirementsReader.read(r);
        assertThat(rs.refused()).isTrue();
        assertThat(rs.faults())
                .extracting(x -> x.describe(r.toString()))
                .singleElement()
                .satisfies(
                        s ->
                                assertThat(s)
                                        .contains("requirement (requirements[0])")
                                        .contains("is '7', not a mapping of id, capability"));
    }

    @Test
    void aContributionOfANationByItsAlpha3CodeIsRefusedNotLeftEmpty() throws Exception {
        Path f = dir.resolve("nrf.yaml");
        String text = Files.readString(ROOT.resolve("data/catalogue/nrf-2022.yaml"));
        Files.writeString(
                f,
                text.replace(
                        "{nation: \"BE\", capability: LIGHT_BATTLEGROUP}",
                        "{nation: \"BEL\", capability: LIGHT_BATTLEGROUP}"));
        ForceRead<RequirementSet> reqs = RequirementsReader.read(f);
        assertThat(reqs.refused()).isTrue();
        assertThat(reqs.faults())
                .extracting(x -> x.describe(f.toString()))
                .singleElement()
                .satisfies(
                        s ->
                                assertThat(s)
                                        .contains("nrf.yaml:24: tier VJTF")
                                        .contains("field 'nation' = 'BEL'")
                                        .contains("alpha-2"));
    }

    @Test
    void aQuantityBeyondAnyForceListIsAFaultNotAnEndlessSourcing() throws Exception {
        Path f = dir.resolve("many.yaml");
        String text =
                Files.readString(ROOT.resolve("scenarios/eastern-flank-2022-requirements.yaml"));
        assertThat(text).contains("quantity: 2");
        Files.writeString(f, text.replaceFirst("quantity: 2", "quantity: 100000000"));
        ForceRead<RequirementSet> reqs = RequirementsReader.read(f);
        assertThat(reqs.refused()).isTrue();
        assertThat(reqs.faults())
                .extracting(x -> x.describe(f.toString()))
                .anySatisfy(
                        s ->
                                assertThat(s)
                                        .contains("field 'quantity' = '100000000'")
                                        .contains("must be at most 1,000"));
    }

    /**
     * A requirement's lad and ead go into the lines sourced for it, and a scenario refuses a day
     * past 730: they are refused at this file's line, where lad 2000000000 was named only at the
     * lines of the sourced scenario, with no line.
     */
    @Test
    void anEadOrLadPastTheLongestHorizonIsRefusedAtItsLine() throws Exception {
        Path f = dir.resolve("late.yaml");
        String text =
                Files.readString(ROOT.resolve("scenarios/eastern-flank-2022-requirements.yaml"));
        String was = "ead: 9, lad: 11, rdd: 12";
        assertThat(text).contains(was);
        for (String[] c :
                new String[][] {
                    {"ead: 9, lad: 2000000000, rdd: 12", "lad", "2000000000"},
                    {"ead: 731, lad: 731, rdd: 12", "ead", "731"}
                }) {
            Files.writeString(f, text.replace(was, c[0]));
            ForceRead<RequirementSet> reqs = RequirementsReader.read(f);
            assertThat(reqs.refused()).as(c[0]).isTrue();
            assertThat(reqs.faults())
                    .extracting(x -> x.describe(f.toString()))
                    .anySatisfy(
                            s ->
                                    assertThat(s)
                                            .contains("late.yaml:16: requirement HQ-CORPS")
                                            .contains("field '" + c[1] + "' = '" + c[2] + "'")
                                            .contains("must be at most 730"));
        }
        Files.writeString(f, text.replace(was, "ead: 730, lad: 730, rdd: 12"));
        assertThat(RequirementsReader.read(f).faults())
                .extracting(x -> x.describe(f.toString()))
                .noneMatch(s -> s.startsWith("error"));
    }

    @Test
    void aDecisionDayPastAnIntIsRefusedByLineNotWrappedToAnotherDay() throws Exception {
        Path f = dir.resolve("day.yaml");
        String text =
                Files.readString(ROOT.resolve("scenarios/eastern-flank-2022-requirements.yaml"));
        for (String v : new String[] {"18446744073709551616", "\"99999999999999999999\""}) {
            Files.writeString(f, text.replace("decisionDay: 0", "decisionDay: " + v));
            ForceRead<RequirementSet> reqs = RequirementsReader.read(f);
            assertThat(reqs.refused()).as(v).isTrue();
            assertThat(reqs.faults())
                    .extracting(x -> x.describe(f.toString()))
                    .singleElement()
                    .satisfies(
                            s ->
                                    assertThat(s)
                                            .contains("day.yaml:13")
                                            .contains("field 'decisionDay'")
                                            .contains("number too large"));
        }
    }

    @Test
    void aDerivedDayPastTheHorizonIsNamedAtTheActivationWithHowItWasReckoned() throws Exception {
        Path f = dir.resolve("late.yaml");
        String text = Files.readString(ROOT.resolve("data/catalogue/nrf-2022.yaml"));
        Files.writeString(
                f,
                text.replace("decision: \"2022-02-02\"", "decision: \"2022-03-30\"")
                        .replace("cDate: \"2022-01-24\"}", "cDate: \"2022-01-23\"}"));
        int activation =
                (int) text.lines().takeWhile(l -> !l.startsWith("activation:")).count() + 1;
        ForceRead<RequirementSet> reqs = RequirementsReader.read(f);
        assertThat(reqs.faults()).isEmpty();
        ForceRead<Catalogue> cat =
                CatalogueReader.read(ROOT.resolve("data/catalogue/eastern-flank-2022-units.yaml"));
        var net = ScenarioReader.read(ROOT.resolve("scenarios/eastern-flank-2022.yaml"));
        SourcingResult res = new Sourcer().source(reqs.value(), cat.value(), net.scenario(), false);
        assertThat(res.refused()).isTrue();
        assertThat(res.faults())
                .extracting(x -> reqs.locate(x).describe(f.toString()))
                .anySatisfy(
                        s ->
                                assertThat(s)
                                        .startsWith("error: " + f + ":" + activation + ": ")
                                        .contains("requirement COMMAND-ELEMENT-FR-1")
                                        .contains("field 'rdd' = '70'")
                                        .contains(
                                                "decision day 66 (activation.decision) + notice to"
                                                        + " move 48 h (2 days) + closeDays 2"))
                .anySatisfy(
                        s ->
                                assertThat(s)
                                        .startsWith("error: " + f + ":" + activation + ": ")
                                        .contains("field 'cDate' = '2022-01-23'"))
                .anySatisfy(
                        s ->
                                assertThat(s)
                                        .startsWith("error: " + f + ":" + activation + ": ")
                                        .contains("field 'decisionDay' = '66'")
                                        .contains("horizon of 45 days"))
                .allSatisfy(s -> assertThat(s).startsWith("error: " + f + ":" + activation + ": "));
    }

    @Test
    void aDecisionDayAtOrPastTheHorizonIsRefusedNotSourcedIntoNoLines() throws Exception {
        Path f = dir.resolve("late.yaml");
        String text =
                Files.readString(ROOT.resolve("scenarios/eastern-flank-2022-requirements.yaml"));
        Files.writeString(f, text.replace("decisionDay: 0", "decisionDay: 50"));
        ForceRead<RequirementSet> reqs = RequirementsReader.read(f);
        ForceRead<Catalogue> cat =
                CatalogueReader.read(ROOT.resolve("data/catalogue/eastern-flank-2022-units.yaml"));
        var net = ScenarioReader.read(ROOT.resolve("scenarios/eastern-flank-2022.yaml"));
        SourcingResult res = new Sourcer().source(reqs.value(), cat.value(), net.scenario(), false);
        assertThat(res.refused()).isTrue();
        assertThat(res.faults())
                .extracting(x -> reqs.locate(x).describe(f.toString()))
                .anySatisfy(
                        s ->
                                assertThat(s)
                                        .contains("late.yaml:13: requirements")
                                        .contains("field 'decisionDay' = '50'")
                                        .contains("horizon of 45 days"));
    }
}
