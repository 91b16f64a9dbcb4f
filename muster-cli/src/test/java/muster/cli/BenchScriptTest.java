package muster.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code bench/run} refuses a bad argument before it builds or measures anything: it names the
 * option and the value, exits with 2, and writes no rows.
 */
class BenchScriptTest {

    @ParameterizedTest(name = "bench/run {0} {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "--scales|Q|--scales: unknown scale 'Q'",
                "--scales|S XXL|--scales: unknown scale 'XXL'",
                "--scales|' '|--scales: ' ' names no scale",
                "--seeds|1 two|--seeds: 'two' is not a whole number",
                "--repeats|0|--repeats: '0' is not a whole number",
                "--repeats|many|--repeats: 'many' is not a whole number",
                "--timeout|-5|--timeout: '-5' is not a whole number of seconds",
                "--bogus||unknown option '--bogus'",
                "--repeats||--repeats: needs a value"
            })
    void aBadArgumentIsRefusedByNameBeforeAnythingRuns(
            String option, String value, String says, @TempDir Path tmp) throws Exception {
        List<String> args = new ArrayList<>(List.of(option));
        if (value != null) {
            args.add(value);
        }
        assertRefused(args, says, tmp);
    }

    /**
     * The tiny comparisons keep their own seeds, so seeds given with no generated scale to take
     * them would be ignored: the script says so rather than run what was not asked for.
     */
    @ParameterizedTest(name = "bench/run {0}")
    @ValueSource(
            strings = {
                "--scales|none|--seeds|7",
                "--seeds|7|--scales|none",
                "--quick|--scales|none|--seeds|1"
            })
    void seedsWithNoGeneratedScaleAreRefusedNotIgnored(String line, @TempDir Path tmp)
            throws Exception {
        List<String> args = List.of(line.split("\\|"));
        String seed = args.get(args.indexOf("--seeds") + 1);
        assertRefused(
                args,
                "--seeds: '"
                        + seed
                        + "' applies to generated scenarios and --scales none generates none;"
                        + " the tiny comparisons always run seeds "
                        + (args.contains("--quick") ? "1 2 3" : "1 2 3 4 5"),
                tmp);
    }

    private static void assertRefused(List<String> args, String says, Path tmp) throws Exception {
        Path root = ReadmeCommandIT.repoRoot();
        Path results = root.resolve("bench/results");
        List<Path> before = rows(results);
        List<String> cmd = new ArrayList<>(List.of("bash", "bench/run"));
        cmd.addAll(args);
        Path errFile = tmp.resolve("stderr.txt");
        Process p =
                new ProcessBuilder(cmd)
                        .directory(root.toFile())
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                        .redirectError(errFile.toFile())
                        .start();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            // it went on to build and measure: stop it and everything it started
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            fail("bench/run %s went on running instead of refusing it", String.join(" ", args));
        }
        String err = Files.readString(errFile, StandardCharsets.UTF_8);
        assertThat(p.exitValue()).as(err).isEqualTo(2);
        assertThat(err).startsWith("bench/run: " + says).contains("usage: bench/run");
        assertThat(rows(results)).as("no rows written").isEqualTo(before);
    }

    @ParameterizedTest(name = "bench/run {0}")
    @ValueSource(strings = {"--help", "-h"})
    void helpPrintsTheOptionsAndExitsZeroBeforeAnythingRuns(String option, @TempDir Path tmp)
            throws Exception {
        Path root = ReadmeCommandIT.repoRoot();
        Path results = root.resolve("bench/results");
        List<Path> before = rows(results);
        Path outFile = tmp.resolve("stdout.txt");
        Path errFile = tmp.resolve("stderr.txt");
        Process p =
                new ProcessBuilder("bash", "bench/run", "--scales", "S", option)
                        .directory(root.toFile())
                        .redirectOutput(outFile.toFile())
                        .redirectError(errFile.toFile())
                        .start();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            fail("bench/run %s went on running instead of printing its help", option);
        }
        String out = Files.readString(outFile, StandardCharsets.UTF_8);
        String err = Files.readString(errFile, StandardCharsets.UTF_8);
        assertThat(p.exitValue()).as(err).isZero();
        assertThat(out)
                .startsWith("Benchmark of muster's planners")
                .contains("--scales \"S M\" | --scales none")
                .contains("--timeout")
                .contains("--full-bound")
                .contains("refused with --scales none")
                .doesNotContain("set -euo");
        assertThat(err).isEmpty();
        assertThat(rows(results)).as("no rows written").isEqualTo(before);
    }

    private static List<Path> rows(Path dir) throws Exception {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.sorted().toList();
        }
    }
}
