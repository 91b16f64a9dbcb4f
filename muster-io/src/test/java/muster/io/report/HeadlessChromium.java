package muster.io.report;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Opens a local page in Debian's headless Chromium, takes a screenshot and collects what the page
 * wrote to its console (Chromium logs each console message, errors and uncaught exceptions
 * included, as a {@code CONSOLE} line on stderr).
 */
final class HeadlessChromium {
    record Result(Path screenshot, List<String> console, String stderr) {}

    private HeadlessChromium() {}

    static Path executable() {
        String env = System.getenv("MUSTER_CHROMIUM");
        Path p = Path.of(env != null && !env.isBlank() ? env : "/usr/bin/chromium");
        if (!Files.isExecutable(p)) {
            fail(
                    "Chromium is needed to test the report but "
                            + p
                            + " is not there: install it with `apt-get install -y chromium`"
                            + " (or set MUSTER_CHROMIUM to its path)");
        }
        return p;
    }

    static Result open(Path page, Path work, int width, int height)
            throws IOException, InterruptedException {
        Path shot = work.resolve("screenshot.png");
        Path profile = Files.createDirectories(work.resolve("profile"));
        Path err = work.resolve("chromium.stderr");
        List<String> cmd =
                List.of(
                        executable().toString(),
                        "--headless",
                        "--no-sandbox",
                        "--disable-gpu",
                        "--disable-background-networking",
                        "--disable-component-update",
                        "--disable-sync",
                        "--no-first-run",
                        "--hide-scrollbars",
                        "--user-data-dir=" + profile,
                        "--enable-logging=stderr",
                        "--v=0",
                        "--virtual-time-budget=3000",
                        "--window-size=" + width + "," + height,
                        "--screenshot=" + shot,
                        page.toUri().toString());
        Process p =
                new ProcessBuilder(cmd)
                        .redirectErrorStream(false)
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                        .redirectError(err.toFile())
                        .start();
        if (!p.waitFor(180, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail("Chromium did not finish within 180 s: " + cmd);
        }
        String stderr = Files.readString(err, StandardCharsets.UTF_8);
        if (p.exitValue() != 0 || !Files.exists(shot)) {
            fail("Chromium failed (exit " + p.exitValue() + "):\n" + stderr);
        }
        List<String> console = new ArrayList<>();
        for (String line : stderr.split("\n")) {
            if (line.contains(":CONSOLE")) {
                console.add(line);
            }
        }
        return new Result(shot, console, stderr);
    }
}
