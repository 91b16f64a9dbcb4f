package muster.io.force;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import muster.engine.check.CheckReport;
import muster.engine.check.PlanChecker;
import muster.engine.plan.PlanOptions;
import muster.engine.plan.Planners;
import muster.engine.plan.Progress;
import muster.engine.sourcing.Choice;
import muster.engine.sourcing.Reason;
import muster.engine.sourcing.Rejection;
import muster.engine.sourcing.Sourcer;
import muster.engine.sourcing.SourcingResult;
import muster.engine.sourcing.Unfilled;
import muster.io.ScenarioReader;
import muster.model.Fault;
import muster.model.Plan;
import muster.model.RequirementLine;
import muster.model.Scenario;
import muster.model.force.Catalogue;
import muster.model.force.RequirementSet;
import muster.model.validate.ScenarioValidator;
import org.junit.jupiter.api.Test;

/**
 * The chain end to end on the bundled data: requirements and catalogue are sourced against the
 * eastern-flank-2022 network, the result validates, the default planner plans it and the checker
 * finds no violation.
 */
class SourceToPlanTest {
    static final Path ROOT = Path.of("..");

    @Test
    void bundledRequirementsSourceValidatePlanAndCheckClean() throws Exception {
        ScenarioReader.Result net =
                ScenarioReader.read(ROOT.resolve("scenarios/eastern-flank-2022.yaml"));
        assertThat(net.accepted()).as(net.faults().toString()).isTrue();
        ForceRead<RequirementSet> reqs =
                RequirementsReader.read(
                        ROOT.resolve("scenarios/eastern-flank-2022-requirements.yaml"));
        assertThat(reqs.faults()).extracting(Fault::describe).isEmpty();
        ForceRead<Catalogue> cat =
                CatalogueReader.read(ROOT.resolve("data/catalogue/eastern-flank-2022-units.yaml"));
        assertThat(cat.faults()).extracting(Fault::describe).isEmpty();

        SourcingResult res = new Sourcer().source(reqs.value(), cat.value(), net.scenario(), false);
        assertThat(res.faults()).extracting(Fault::describe).isEmpty();

        // The 2022 units are the ones chosen where the record names them.
        assertThat(res.choices())
                .extracting(c -> c.requirementId() + "=" + c.uic())
                .contains(
                        "HQ-CORPS=WJ18CP",
                        "ABN-RZE=WAB1AA",
                        "STRYKER-RO=WCR2S1",
                        "ABCT-PL=WAC31C",
                        "EFP-LT-DE=DEEFPR",
                        "VJTF-RO=FRVJBG",
                        "AIR-LT=DKF16D",
                        "SHIP-BALTIC=DKFRIG");
        // Every choice explains itself with up to two alternatives; none is past its LAD.
        for (Choice c : res.choices()) {
            assertThat(c.cost().lateDays()).as(c.slotId()).isGreaterThanOrEqualTo(0);
        }
        // An empty slot says, unit by unit, why.
        for (Unfilled u : res.unfilled()) {
            assertThat(u.reasons()).hasSize(cat.value().units().size());
        }
        Unfilled bg =
                res.unfilled().stream()
                        .filter(u -> u.requirementId().equals("AIR-BG"))
                        .findFirst()
                        .orElse(null);
        if (bg != null) {
            assertThat(bg.reasons())
                    .filteredOn(r -> r.uic().equals("NLF35D"))
                    .extracting(Rejection::reason)
                    .containsExactly(Reason.UNAVAILABLE);
        }

        String text = SourcingText.render(res, cat.value(), true);
        assertThat(text).contains("HQ-CORPS#1", "why: cost", "next: ");
        Scenario sourced = res.scenario();
        List<Fault> faults = ScenarioValidator.validate(sourced);
        assertThat(faults.stream().filter(Fault::isError).map(Fault::describe))
                .as("the sourced scenario validates")
                .isEmpty();
        assertThat(sourced.requirements()).isNotEmpty();

        assertPlansClean(sourced);
    }

    /**
     * The bundled NRF example, as its 2022 activation to Romania: every contribution is sourced
     * (the French-led command element and VJTF, the German and Italian follow-on forces, the US
     * pool), each closes by its RDD, and the sourced scenario plans with no rule broken.
     */
    @Test
    void bundledNrfSourcesEveryContributionAndPlansClean() throws Exception {
        ScenarioReader.Result net =
                ScenarioReader.read(ROOT.resolve("scenarios/eastern-flank-2022.yaml"));
        assertThat(net.accepted()).as(net.faults().toString()).isTrue();
        ForceRead<RequirementSet> nrf =
                RequirementsReader.read(ROOT.resolve("data/catalogue/nrf-2022.yaml"));
        assertThat(nrf.faults()).extracting(Fault::describe).isEmpty();
        ForceRead<Catalogue> cat =
                CatalogueReader.read(ROOT.resolve("data/catalogue/eastern-flank-2022-units.yaml"));
        assertThat(cat.faults()).extracting(Fault::describe).isEmpty();

        SourcingResult res = new Sourcer().source(nrf.value(), cat.value(), net.scenario(), false);
        assertThat(res.faults()).extracting(Fault::describe).isEmpty();
        assertThat(res.unfilled())
                .extracting(Unfilled::slotId)
                .as(() -> SourcingText.render(res, cat.value(), true))
                .isEmpty();
        int slots = nrf.value().requirements().stream().mapToInt(r -> r.quantity()).sum();
        assertThat(res.choices()).hasSize(slots);
        assertThat(res.choices())
                .extracting(c -> c.requirementId() + "=" + c.uic())
                .contains(
                        "COMMAND-ELEMENT-FR-1=FRCRRF",
                        "VJTF-FR-1=FRVJBG",
                        "VJTF-BE-2=BECOGP",
                        "INITIAL-FOLLOW-ON-FORCES-GROUP-DE-1=DEEFPR",
                        "INITIAL-FOLLOW-ON-FORCES-GROUP-IT-2=ITNRFB",
                        "RESPONSE-FORCES-POOL-US-2=WAB1AA");
        for (Choice c : res.choices()) {
            assertThat(c.cost().lateDays()).as(c.slotId() + " closes by its RDD").isZero();
        }

        Scenario sourced = res.scenario();
        List<Fault> faults = ScenarioValidator.validate(sourced);
        assertThat(faults.stream().filter(Fault::isError).map(Fault::describe))
                .as("the sourced scenario validates")
                .isEmpty();
        assertPlansClean(sourced);
    }

    /** The default planner plans the scenario, the checker finds no violation, no line is lost. */
    private static void assertPlansClean(Scenario sourced) {
        Scenario quick =
                new Scenario(
                        sourced.name(),
                        sourced.nodes(),
                        sourced.lift(),
                        sourced.routes(),
                        sourced.requirements(),
                        sourced.planning());
        Plan plan =
                Planners.byName(Planners.DEFAULT)
                        .plan(quick, new PlanOptions(1, 50), Progress.NONE);
        CheckReport report = PlanChecker.check(quick, plan);
        assertThat(report.violations())
                .as(
                        () ->
                                report.violations().stream()
                                        .limit(10)
                                        .map(Object::toString)
                                        .collect(Collectors.joining("\n")))
                .isEmpty();
        // Every sourced line is either planned or reported unmet, never dropped.
        assertThat(plan.lines())
                .extracting(l -> l.uln())
                .containsAll(sourced.requirements().stream().map(RequirementLine::uln).toList());
    }
}
