package muster.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A generated scenario of more than 50 MB is read and validated in one go. The build runs this test
 * in its own JVM with a 384 MB heap (see muster-io's pom), so it passes only if reading streams: a
 * syntax tree of the whole file would not fit beside the scenario.
 */
class LargeScenarioTest {
    static final long TARGET_BYTES = 50L * 1024 * 1024;

    @TempDir Path dir;

    @Test
    void fiftyMegabyteScenarioIsReadAndAccepted() throws Exception {
        Path file = dir.resolve("large.json");
        int lines = write(file);
        long size = Files.size(file);
        assertThat(size).isGreaterThanOrEqualTo(TARGET_BYTES);

        Runtime rt = Runtime.getRuntime();
        System.gc();
        long before = rt.totalMemory() - rt.freeMemory();
        var threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long cpu0 = threads.getCurrentThreadCpuTime();
        ScenarioReader.Result r = new ScenarioReader(ScenarioReaderTest.FACTORS).readFile(file);
        long cpuMs = (threads.getCurrentThreadCpuTime() - cpu0) / 1_000_000;
        long after = rt.totalMemory() - rt.freeMemory();

        assertThat(r.errors()).isEmpty();
        assertThat(r.accepted()).isTrue();
        assertThat(r.scenario().requirements()).hasSize(lines);
        // lad > rdd on every 1000th line: warnings, not refusals
        assertThat(r.warnings()).hasSize((lines + 999) / 1000);
        System.out.printf(
                "large scenario: %d bytes, %d lines, read and validated in %d ms of CPU; heap in"
                        + " use %d MB before, %d MB after (max heap %d MB)%n",
                size, lines, cpuMs, before >> 20, after >> 20, rt.maxMemory() >> 20);
    }

    /**
     * Writes the small valid scenario's network as JSON, then requirement lines (one per text line)
     * until 50 MB. JSON, because a generator would write JSON: SnakeYAML reads YAML at a few
     * megabytes a second, which makes a 50 MB YAML file a matter of tens of seconds.
     */
    private static int write(Path file) throws Exception {
        String valid =
                Files.readString(ScenarioReaderTest.resource("valid.json"), StandardCharsets.UTF_8);
        String head =
                valid.substring(0, valid.indexOf("\"requirements\"")) + "\"requirements\": [\n";
        head = head.replace("\"horizonDays\": 30", "\"horizonDays\": 60");
        int n = 0;
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write(head);
            long written = head.length();
            while (written < TARGET_BYTES) {
                String item = (n == 0 ? "" : ",\n") + item(n);
                w.write(item);
                written += item.getBytes(StandardCharsets.UTF_8).length;
                n++;
            }
            w.write("\n]}\n");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return n;
    }

    private static String item(int i) {
        int rld = i % 20;
        int lad = rld + 5;
        int rdd = i % 1000 == 0 ? lad - 1 : lad + 2;
        String dates =
                String.format(
                        "\"rld\": %d, \"ald\": %d, \"ead\": %d, \"lad\": %d, \"rdd\": %d",
                        rld, rld + 1, rld + 2, lad, rdd);
        switch (i % 3) {
            case 0:
                return String.format(
                        "{\"uln\": \"A%d\", \"unit\": \"airborne company %d\", \"nation\": \"US\","
                                + " \"pax\": %d, \"cargo\": [{\"class\": \"BULK\", \"stons\": %d.5},"
                                + " {\"class\": \"OUTSIZE\", \"stons\": 12}], \"origin\": \"FTBRAGG\","
                                + " \"poe\": \"KPOB\", \"pod\": \"EPRZ\", \"destination\": \"EPRZ-AA\","
                                + " %s, \"priority\": 1, \"mode\": \"AIR\"}",
                        i, i, 50 + i % 100, 1 + i % 40, dates);
            case 1:
                return String.format(
                        "{\"uln\": \"S%d\", \"unit\": \"armor battalion %d\", \"nation\": \"US\","
                                + " \"pax\": 0, \"cargo\": [{\"class\": \"NAT\", \"stons\": 800,"
                                + " \"sqft\": 12000}], \"origin\": \"FTBRAGG\", \"poe\": \"USNFK\","
                                + " \"pod\": \"DEBRV\", \"destination\": \"GRAF\", %s,"
                                + " \"priority\": 2, \"mode\": \"SEA\"}",
                        i, i, dates);
            default:
                return String.format(
                        "{\"uln\": \"L%d\", \"unit\": \"Stryker troop %d\", \"nation\": \"US\","
                                + " \"pax\": 120, \"cargo\": [{\"class\": \"NAT\", \"stons\": 300}],"
                                + " \"origin\": \"VILSECK\", \"destination\": \"MK-AA\", %s,"
                                + " \"priority\": 3, \"mode\": \"LAND\"}",
                        i, i, dates);
        }
    }
}
