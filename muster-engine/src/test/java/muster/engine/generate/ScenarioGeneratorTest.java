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
