package muster.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import muster.engine.check.PlanChecker;
import muster.io.PlanJson;
import muster.io.ScenarioReader;
import muster.model.Plan;
import muster.model.Scenario;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A signal to a running {@code muster plan} (SIGTERM here; Ctrl-C's SIGINT takes the same way)
 * stops the planner as a cancel does and writes the plan found by then, checked, saying so, before
 * the JVM stops with the signal's status. The plan's work was lost: the JVM stopped at once and
 * wrote nothing.
 */
class PlanSignalTest {
    @TempDir Path tmp;

    private static String read(Path f) throws java.io.IOException {
        return Files.readString(f, StandardCharsets.UTF_8);
    }

    @Test
    void aSignalWhileItPlansWritesThePlanFoundByThenAndSaysSo() throws Exception {
        Path scenario = tmp.resolve("s.yaml");
        StringWriter genErr = new StringWriter();
        int gen =
                Muster.run(
                        new String[] {
                            "generate", "--scale", "S", "--seed", "1", "--out", scenario.toString()
                        },
                        new PrintWriter(new StringWriter()),
                        new PrintWriter(genErr));
        assertThat(gen).as(genErr.toString()).isZero();
        Path out = tmp.resolve("plan");
        Path stdout = tmp.resolve("stdout.txt");
        Path stderr = tmp.resolve("stderr.txt");
        // a search budget that would run for many minutes, so the signal comes while it plans
        ProcessBuilder pb =
                TestCommands.process(
                                "plan",
                                scenario.toString(),
                                "--iterations",
                                "50000000",
                                "--out",
                                out.toString())
                        .redirectOutput(stdout.toFile())
                        .redirectError(stderr.toFile());
        pb.environment().put("MUSTER_PROGRESS", "always");
        Process p = pb.start();
        String err;
        try {
            // the progress bar shows once the search improves the plan: the planner is running
            // (a Process's own streams are closed by its destroy, so stderr goes to a file)
            for (int i = 0; i < 1200 && !read(stderr).contains("improve") && p.isAlive(); i++) {
                Thread.sleep(100);
            }
            assertThat(read(stderr)).as("the plan started improving").contains("improve");
            p.destroy(); // SIGTERM
            if (!p.waitFor(2, TimeUnit.MINUTES)) {
                fail("muster plan did not stop within 2 minutes of the signal: %s", read(stderr));
            }
            err = read(stderr);
        } finally {
            p.destroyForcibly();
        }
        assertThat(p.exitValue()).as(err).isEqualTo(143);
        assertThat(err)
                .contains(
                        "muster: stopping: the plan found so far is checked and written (up to 60"
                                + " s; kill -9 stops at once and writes nothing)")
                .contains(
                        "muster: stopped early by a signal; the plan found by then is written in "
                                + out);
        for (String f : PlanCommand.FILES) {
            assertThat(out.resolve(f)).isNotEmptyFile();
        }
        Scenario s = ScenarioReader.read(scenario).scenario();
        Plan plan = PlanJson.read(out.resolve("plan.json"));
        assertThat(PlanChecker.check(s, plan).violations()).isEmpty();
        assertThat(plan.lines()).hasSize(s.requirements().size());
        assertThat(plan.planner().version()).endsWith(PlanCommand.STOPPED_EARLY);
        assertThat(Files.readString(stdout, StandardCharsets.UTF_8))
                .contains("stopped early by a signal")
                .contains("rule check:      no violations");
    }
}
