package muster.engine.generate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import muster.model.CargoEntry;
import muster.model.Fault;
import muster.model.Network;
import muster.model.RequirementLine;
import muster.model.Scenario;
import muster.model.validate.ScenarioValidator;
import org.junit.jupiter.api.Test;

class ScenarioGeneratorTest {

    @Test
    void sameScaleAndSeedGiveTheSameScenario() {
        assertThat(ScenarioGenerator.generate(Scale.S, 7))
                .isEqualTo(ScenarioGenerator.generate(Scale.S, 7));
        assertThat(ScenarioGenerator.generate(Scale.S, 7))
                .isNotEqualTo(ScenarioGenerator.generate(Scale.S, 8));
    }

    @Test
    void sizesMeetTheTargetsOfEachScale() {
        for (Scale scale : new Scale[] {Scale.S, Scale.M, Scale.L}) {
            Scenario s = ScenarioGenerator.generate(scale, 1);
            long pax = 0;
            double stons = 0;
            for (RequirementLine l : s.requirements()) {
                pax += l.pax();
                stons += l.cargoStons();
            }
            int tails = s.lift().stream().mapToInt(t -> t.count()).sum();
            String what = scale + " seed 1";
            assertThat(s.requirements()).as(what).hasSize(scale.lines);
            assertThat((double) pax).as(what).isBetween(0.95 * scale.pax, 1.05 * scale.pax);
            assertThat(stons).as(what).isBetween(0.95 * scale.stons, 1.05 * scale.stons);
            assertThat(s.planning().horizonDays()).as(what).isEqualTo(scale.horizonDays);
            if (scale == Scale.L) {
                assertThat(s.nodes().size()).as(what).isGreaterThanOrEqualTo(40);
                assertThat(tails).as(what).isBetween(900, 1100);
            }
        }
    }

    /** Share of a scenario's stons moved by lines of the given mode. */
    private static double stonsShare(Scenario s, muster.model.LineMode mode) {
        double all = 0;
        double of = 0;
        for (RequirementLine l : s.requirements()) {
            all += l.cargoStons();
            if (l.mode() == mode) {
                of += l.cargoStons();
            }
        }
        return of / all;
    }

    private static Set<String> used(
            Scenario s,
            java.util.function.Function<RequirementLine, String> f,
            muster.model.LineMode mode) {
        Set<String> out = new java.util.TreeSet<>();
        for (RequirementLine l : s.requirements()) {
            if (l.mode() == mode) {
                out.add(f.apply(l));
            }
        }
        return out;
    }

    @Test
    void theatreScalesSpreadTheirFlowOverMoreGatewaysThanSmallerOnes() {
        Scenario m = ScenarioGenerator.generate(Scale.M, 1);
        Scenario l = ScenarioGenerator.generate(Scale.L, 1);
        Scenario xl = ScenarioGenerator.generate(Scale.XL, 1);
        assertThat(ScenarioValidator.validate(l).stream().filter(Fault::isError).toList())
                .as("L seed 1")
                .isEmpty();
        // air moves a quarter of the stons below L, a fifth at L and XL; sea stays at 70 %
        assertThat(stonsShare(m, muster.model.LineMode.AIR)).isBetween(0.23, 0.27);
        for (Scenario s : List.of(l, xl)) {
            String what = s.name();
            assertThat(stonsShare(s, muster.model.LineMode.AIR)).as(what).isBetween(0.18, 0.22);
            assertThat(stonsShare(s, muster.model.LineMode.SEA)).as(what).isBetween(0.67, 0.73);
            // a third transatlantic track via Rota, only at theatre scale
            assertThat(s.routes().stream().anyMatch(r -> r.points().contains("LERT")))
                    .as(what)
                    .isTrue();
            // the Baltic gateways take sea cargo
            assertThat(used(s, RequirementLine::pod, muster.model.LineMode.SEA))
                    .as(what)
                    .contains("LTKLJ", "EEMUG", "PLGDY");
        }
        assertThat(m.routes().stream().anyMatch(r -> r.points().contains("LERT"))).isFalse();
        assertThat(used(m, RequirementLine::pod, muster.model.LineMode.SEA))
                .doesNotContain("LTKLJ", "EEMUG");
        // XL is twice L: every strategic seaport, and twice the airfields' working MOG
        assertThat(used(xl, RequirementLine::poe, muster.model.LineMode.SEA).size())
                .isGreaterThan(used(l, RequirementLine::poe, muster.model.LineMode.SEA).size());
        Network ln = new Network(l);
        for (muster.model.Node n : xl.nodes()) {
            assertThat(n.mog()).as(n.id()).isEqualTo(2 * ln.node(n.id()).mog());
            assertThat(n.berths()).as(n.id()).isEqualTo(ln.node(n.id()).berths());
        }
        int lTails = l.lift().stream().mapToInt(t -> t.count()).sum();
        int xlTails = xl.lift().stream().mapToInt(t -> t.count()).sum();
        assertThat(xlTails).isEqualTo(2 * lTails);
    }

    @Test
    void generatedScenariosAreValid() {
        for (Scale scale : new Scale[] {Scale.S, Scale.M}) {
            for (long seed = 1; seed <= 2; seed++) {
                List<Fault> faults =
                        ScenarioValidator.validate(ScenarioGenerator.generate(scale, seed));
                assertThat(faults.stream().filter(Fault::isError).toList())
                        .as(scale + " seed " + seed)
                        .isEmpty();
            }
        }
    }

    @Test
    void idsAreConsistentAndDatesOrdered() {
        for (long seed = 1; seed <= 3; seed++) {
            Scenario s = ScenarioGenerator.generate(Scale.S, seed);
            Network net = new Network(s);
            Set<String> ulns = new HashSet<>();
            for (RequirementLine l : s.requirements()) {
                String what = "seed " + seed + " line " + l.uln();
                assertThat(ulns.add(l.uln())).as(what).isTrue();
                assertThat(net.node(l.origin())).as(what).isNotNull();
                assertThat(net.node(l.destination())).as(what).isNotNull();
                assertThat(l.rld()).as(what).isLessThanOrEqualTo(l.ald());
                assertThat(l.ead()).as(what).isLessThanOrEqualTo(l.lad());
                assertThat(l.lad()).as(what).isLessThanOrEqualTo(l.rdd());
                assertThat(l.rdd()).as(what).isLessThan(s.planning().horizonDays());
                for (CargoEntry e : l.cargo()) {
                    assertThat(e.stons()).as(what).isGreaterThanOrEqualTo(0);
                }
                if (l.poe() != null) {
                    assertThat(net.landHours(l.origin(), l.poe())).as(what).isPresent();
                    assertThat(net.landHours(l.pod(), l.destination())).as(what).isPresent();
                    assertThat(net.channels(l.mode().liftMode(), l.poe(), l.pod()))
                            .as(what)
                            .isNotEmpty();
                } else {
                    assertThat(net.landHours(l.origin(), l.destination())).as(what).isPresent();
                }
            }
        }
    }
}
