package muster.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import muster.engine.bound.LowerBounds;
import muster.io.PlanJson;
import muster.io.ScenarioReader;
import muster.model.LowerBound;
import muster.model.Plan;
import muster.model.Scenario;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * OR-Tools' native library that does not load (here: the Java temporary directory it unpacks into
 * does not exist). {@code muster plan} by lns wrote its plan with no bound at all, and {@code
 * muster bound} printed a stack trace; the plan now carries the earliest-arrival bound, saying that
 * the full one could not be computed, and the bound command fails with a line that says what to
 * check.
 */
class SolverMissingTest {
    @TempDir Path tmp;

    private static final Path BUNDLED = Path.of("..", "scenarios", "eastern-flank-2022.yaml");

    private record Run(int status, String out, String err) {}

    private Run run(String... args) throws Exception {
        Path stdout = tmp.resolve("stdout.txt");
        Path stderr = tmp.resolve("stderr.txt");
        Process p =
                TestCommands.process(
                                List.of("-Djava.io.tmpdir=" + tmp.resolve("no-such-directory")),
                                args)
                        .redirectOutput(stdout.toFile())
                        .redirectError(stderr.toFile())
                        .start();
        try {
            assertThat(p.waitFor(5, TimeUnit.MINUTES)).as("muster ended").isTrue();
        } finally {
            p.destroyForcibly();
        }
        return new Run(
                p.exitValue(),
                Files.readString(stdout, StandardCharsets.UTF_8),
                Files.readString(stderr, StandardCharsets.UTF_8));
    }

    @Test
    void aPlanWhoseBoundCannotBeComputedCarriesTheEarliestArrivalBoundSayingSo() throws Exception {
        Path out = tmp.resolve("plan");
        Run r = run("plan", BUNDLED.toString(), "--out", out.toString());
        assertThat(r.status()).as(r.err()).isZero();
        assertThat(r.err())
                .startsWith(
                        "warning: the lower bound could not be computed: OR-Tools' native library")
                .contains(
                        "the plan carries the bound 'earliest-arrival (the full bound could not be"
                                + " computed)'")
                .doesNotContain("\tat ");
        Plan plan = PlanJson.read(out.resolve("plan.json"));
        Scenario s = ScenarioReader.read(BUNDLED).scenario();
        LowerBound earliest = LowerBounds.earliestArrival(s);
        assertThat(plan.lowerBound()).as("the plan carries a bound").isNotNull();
        assertThat(plan.lowerBound().method())
                .isEqualTo("earliest-arrival (the full bound could not be computed)");
        assertThat(plan.lowerBound().closureDay()).isEqualTo(earliest.closureDay());
        assertThat(plan.lowerBound().lateStonDays()).isEqualTo(earliest.lateStonDays());
        assertThat(r.out()).contains("bound method:    earliest-arrival (the full bound could not");
    }

    @Test
    void theBoundCommandSaysWhatToCheckWithoutAStackTrace() throws Exception {
        Run r = run("bound", BUNDLED.toString());
        assertThat(r.status()).as(r.err()).isEqualTo(1);
        assertThat(r.err())
                .startsWith("error: OR-Tools' native library did not load (")
                .contains("Java temporary directory, " + tmp.resolve("no-such-directory"))
                .contains("run again with --debug")
                .doesNotContain("\tat ");
        assertThat(r.out()).isEmpty();
    }
}
