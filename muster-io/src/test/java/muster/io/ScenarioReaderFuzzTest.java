package muster.io;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import muster.model.Fault;

/**
 * Feeds mutated files to the scenario reader. Whatever the bytes, reading returns faults or a
 * scenario and never throws; an accepted scenario writes and reads back equal.
 *
 * <p>The build runs it in muster-io's surefire execution {@code fuzz}, which sets {@code
 * JAZZER_FUZZ=1}: every {@code ./mvnw verify} (and so {@code .ci/run}) first replays the seed files
 * under {@code ScenarioReaderFuzzTestInputs/readNeverThrows/}, then mutates them for the fixed
 * budget {@code maxDuration} (20 s). Run alone without that variable (for example from an IDE) it
 * only replays the seeds (regression mode). A crashing input is saved beside the seeds, so every
 * later run replays it.
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
