package muster.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import muster.model.Scenario;
import org.junit.jupiter.api.Test;

class ScenarioReaderTest {
    static final LiftFactors FACTORS = LiftFactors.fromClasspath("test-lift-types.yaml");

    static Path resource(String name) throws Exception {
        return Path.of(ScenarioReaderTest.class.getClassLoader().getResource(name).toURI());
    }

    @Test
    void readsTheSmallValidScenario() throws Exception {
        ScenarioReader.Result r = new ScenarioReader(FACTORS).readFile(resource("valid.yaml"));
        assertThat(r.faults()).isEmpty();
        Scenario s = r.scenario();
        assertThat(s.requirements()).hasSize(3);
        assertThat(s.nodes()).hasSize(11);
        assertThat(s.lift().get(0).rangeNm()).isEqualTo(4000);
        assertThat(s.lift().get(1).hasRange()).isFalse();
    }
}
