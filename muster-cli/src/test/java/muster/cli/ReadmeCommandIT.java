package muster.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's main command, run as written from the repository root through the {@code ./muster}
 * launcher (with {@code --out} added so that the run leaves nothing in the working tree).
 */
class ReadmeCommandIT {
    @TempDir Path tmp;

    static Path repoRoot() {
        Path p = Path.of("").toAbsolutePath();
        while (p != null && !Files.isRegularFile(p.resolve("muster"))) {
            p = p.getParent();
        }
        if (p == null) {
            fail("no ./muster launcher above " + Path.of("").toAbsolutePath());
        }
        return p;
    }

    /** The first {@code ./muster plan} command of the README's first code block. */
    static List<String> readmeCommand(Path root) throws Exception {
        String readme = Files.readString(root.resolve("README.md"), StandardCharsets.UTF_8);
        int block = readme.indexOf("```bash");
        assertThat(block).as("README has a bash block").isNotNegative();
        int end = readme.indexOf("```", block + 7);
        for (String line : readme.substring(block + 7, end).split("\n")) {
            String cmd = line.replaceAll("#.*$", "").trim();
            if (cmd.startsWith("./muster plan")) {
                return new ArrayList<>(List.of(cmd.split("\\s+")));
            }
        }
        return fail("README's first code block has no ./muster plan line");
    }

    @Test
    void readmeMainCommandPlansTheBundledScenario() throws Exception {
        Path root = repoRoot();
        List<String> cmd = readmeCommand(root);
        assertThat(cmd).startsWith("./muster", "plan");
        Path out = tmp.resolve("out");
        cmd.add("--out");
        cmd.add(out.toString());
        Path log = tmp.resolve("stdout.txt");
        Path errLog = tmp.resolve("stderr.txt");
        Process p =
                new ProcessBuilder(cmd)
                        .directory(root.toFile())
                        .redirectOutput(log.toFile())
                        .redirectError(errLog.toFile())
                        .start();
        if (!p.waitFor(15, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            fail("./muster plan did not finish in 15 minutes");
        }
        String stdout = Files.readString(log);
        String stderr = Files.readString(errLog);
        assertThat(p.exitValue())
                .as("exit code; stdout:%n%s%nstderr:%n%s", stdout, stderr)
                .isZero();
        for (String f : PlanCommand.FILES) {
            assertThat(out.resolve(f)).as(f).isNotEmptyFile();
        }
        assertThat(stdout)
                .contains("planned eastern-flank-2022")
                .contains("rule check:      no violations");
        String html = Files.readString(out.resolve("report.html"));
        assertThat(html).contains("eastern-flank-2022").contains("<svg class=\"map\"");
    }
}
