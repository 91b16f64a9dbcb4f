package muster.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import muster.model.Fault;
import muster.model.Scenario;
import muster.model.validate.ScenarioValidator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Random valid scenarios go through YAML, JSON and (their lines) CSV and come back equal. */
class RoundTripTest {
    static final LiftFactors NO_FACTORS = LiftFactors.fromClasspath("no-such-factors.yaml");

    static java.util.stream.LongStream seeds() {
        long base = Long.getLong("muster.seed", 20260201L);
        return java.util.stream.LongStream.range(base, base + 60);
    }

    private static Scenario scenario(long seed) {
        Random r = new Random(seed);
        return RandomScenarios.generate(r, 1 + r.nextInt(40));
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void generatedScenariosAreValid(long seed) {
        var faults = ScenarioValidator.validate(scenario(seed));
        assertThat(faults.stream().filter(Fault::isError))
                .as("seed %d (rerun with -Dmuster.seed=%d)", seed, seed)
                .isEmpty();
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void yamlRoundTrip(long seed) {
        Scenario s = scenario(seed);
        String text = ScenarioWriter.yaml(s);
        ScenarioReader.Result r =
                new ScenarioReader(NO_FACTORS)
                        .readBytes(
                                text.getBytes(java.nio.charset.StandardCharsets.UTF_8), "x.yaml");
        assertThat(r.errors()).as("seed %d:%n%s", seed, text).isEmpty();
        assertThat(r.scenario()).as("seed %d", seed).isEqualTo(s);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void jsonRoundTrip(long seed) {
        Scenario s = scenario(seed);
        String text = ScenarioWriter.json(s);
        ScenarioReader.Result r =
                new ScenarioReader(NO_FACTORS)
                        .readBytes(
                                text.getBytes(java.nio.charset.StandardCharsets.UTF_8), "x.json");
        assertThat(r.errors()).as("seed %d:%n%s", seed, text).isEmpty();
        assertThat(r.scenario()).as("seed %d", seed).isEqualTo(s);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void csvRoundTripOfRequirementLines(long seed) throws Exception {
        Scenario s = scenario(seed);
        String csv = RequirementCsv.write(s.requirements());
        RequirementCsv.Result r =
                RequirementCsv.read(csv.getBytes(java.nio.charset.StandardCharsets.UTF_8), "x.csv");
        assertThat(r.faults()).as("seed %d:%n%s", seed, csv).isEmpty();
        assertThat(r.lines()).as("seed %d", seed).isEqualTo(s.requirements());
    }
}
