package muster.io.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import muster.io.fixture.SmallPlan;
import muster.model.Activity;
import muster.model.Mission;
import muster.model.Plan;
import muster.model.Scenario;
import muster.model.Stop;
import org.junit.jupiter.api.Test;

class PlanFiguresTest {
    private final Scenario s = SmallPlan.scenario();

    private PlanFigures.NodeUse use(String node, List<Mission> missions) {
        Plan base = SmallPlan.plan(s);
        Plan p =
                new Plan(
                        base.scenario(),
                        base.planner(),
                        base.measures(),
                        base.lowerBound(),
                        missions,
                        base.lines(),
                        base.bindingConstraints());
        return new PlanFigures(s, p)
                .nodeUse().stream()
                        .filter(u -> u.node().id().equals(node))
                        .findFirst()
                        .orElseThrow();
    }

    private static Mission at(String id, int tail, String node, double arrive, double depart) {
        return new Mission(
                id,
                "C-17",
                tail,
                List.of(
                        new Stop("KCHS", Activity.START, arrive - 1, arrive - 1),
                        new Stop(node, Activity.OFFLOAD, arrive, depart)),
                List.of());
    }

    @Test
    void peakCountsOverlapsAndAverageIsTimeWeighted() {
        // Two aircraft at ETAR from 06 to 12 and 09 to 15 on day 0.
        PlanFigures.NodeUse u =
                use("ETAR", List.of(at("a", 0, "ETAR", 6, 12), at("b", 1, "ETAR", 9, 15)));
        assertThat(u.capacity()).isEqualTo(2);
        assertThat(u.peak()[0]).isEqualTo(2);
        assertThat(u.average()[0]).isCloseTo(12.0 / 24, within(1e-9));
        assertThat(u.peak()[1]).isZero();
    }

    @Test
    void startStopsTakeNoRoom() {
        // Every mission of the fixture's C-17s starts at KCHS; only M6 ends there, with a PASS.
        assertThat(new PlanFigures(s, SmallPlan.plan(s)).nodeUse())
                .noneMatch(x -> x.node().id().equals("KCHS"));
    }

    @Test
    void oneLeavingAsAnotherArrivesIsOneOnTheGround() {
        PlanFigures.NodeUse u =
                use("EPRZ", List.of(at("a", 0, "EPRZ", 6, 12), at("b", 1, "EPRZ", 12, 15)));
        assertThat(u.peak()[0]).isEqualTo(1);
        assertThat(u.utilisation()).isEqualTo(1.0);
    }

    @Test
    void aLongStaySpreadsOverTheDaysItCovers() {
        PlanFigures.NodeUse u = use("ETAR", List.of(at("a", 0, "ETAR", 12, 60)));
        assertThat(u.peak()).startsWith(1, 1, 1, 0);
        assertThat(u.average()[0]).isCloseTo(0.5, within(1e-9));
        assertThat(u.average()[1]).isCloseTo(1.0, within(1e-9));
        assertThat(u.average()[2]).isCloseTo(0.5, within(1e-9));
    }

    @Test
    void flowsFollowTheStopsFromOnloadToOffload() {
        List<PlanFigures.Flow> flows = new PlanFigures(s, SmallPlan.plan(s)).flows();
        assertThat(flows).hasSize(2);
        PlanFigures.Flow air =
                flows.stream().filter(f -> f.mode().equals("AIR")).findFirst().orElseThrow();
        assertThat(air.path()).containsExactly("KPOB", "ETAR", "EPRZ");
        assertThat(air.pax()).isEqualTo(300);
        assertThat(air.stons()).isEqualTo(100);
        assertThat(air.missions()).isEqualTo(6);
        // Largest first, by ston-equivalents: sea 500 against air 100 + 300 x 0.2.
        assertThat(flows.get(0).mode()).isEqualTo("SEA");
    }
}
