package muster.io;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import muster.model.Fault;

/**
 * Feeds mutated files to the scenario reader. Whatever the bytes, reading returns faults or a
 * scenario and never throws; an accepted scenario writes and reads back equal.
 *
 * <p>In a plain test run Jazzer replays the seed files under {@code
 * ScenarioReaderFuzzTestInputs/readNeverThrows/} (regression mode). With the environment variable
 * {@code JAZZER_FUZZ=1} it mutates them for {@code maxDuration}: {@code JAZZER_FUZZ=1 ./mvnw
 * verify} fuzzes for 20 seconds; a crashing input is saved beside the seeds and replayed by every
 * later run.
 */
class ScenarioReaderFuzzTest {
    private static final ScenarioReader READER = new ScenarioReader(ScenarioReaderTest.FACTORS);

    @FuzzTest(maxDuration = "20s")
    void readNeverThrows(byte[] data) {
        // No file extension: the reader sniffs JSON or YAML from the content.
        ScenarioReader.Result r = READER.readBytes(data, "fuzz");
        assertThat(r).isNotNull();
        if (r.accepted()) {
            assertThat(r.faults()).noneMatch(Fault::isError);
            String yaml = ScenarioWriter.yaml(r.scenario());
            ScenarioReader.Result back =
                    READER.readBytes(yaml.getBytes(StandardCharsets.UTF_8), "back.yaml");
            assertThat(back.scenario()).as(yaml).isEqualTo(r.scenario());
        } else {
            assertThat(r.errors()).isNotEmpty();
            for (Fault f : r.faults()) {
                assertThat(f.message()).isNotBlank();
                assertThat(f.where()).isNotNull();
            }
        }
    }
}
