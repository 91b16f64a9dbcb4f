package muster.io.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashSet;
import java.util.Set;
import javax.imageio.ImageIO;
import muster.io.fixture.SmallPlan;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The report in a real browser: no console errors, and a screenshot with a page in it. */
class ReportInChromiumTest {
    static final int WIDTH = 1400;
    static final int HEIGHT = 2400;

    @TempDir Path tmp;

    @Test
    void reportOpensWithoutConsoleMessagesAndRendersAReadablePage() throws Exception {
        Path page = tmp.resolve("report.html");
        HtmlReport.write(SmallPlan.scenario(), SmallPlan.plan(), page);
        HeadlessChromium.Result r = HeadlessChromium.open(page, tmp, WIDTH, HEIGHT);
        // Kept for people to look at.
        Path keep = Path.of("target", "report-screenshot.png");
        Files.createDirectories(keep.getParent());
        Files.copy(r.screenshot(), keep, StandardCopyOption.REPLACE_EXISTING);
        Files.copy(
                page,
                keep.resolveSibling("report-sample.html"),
                StandardCopyOption.REPLACE_EXISTING);

        assertThat(r.console()).as("console messages of report.html").isEmpty();

        byte[] bytes = Files.readAllBytes(r.screenshot());
        assertThat(bytes).startsWith(0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n');
        BufferedImage img = ImageIO.read(r.screenshot().toFile());
        assertThat(img.getWidth()).isEqualTo(WIDTH);
        assertThat(img.getHeight()).isEqualTo(HEIGHT);
        // A drawn page: many colours, and ink (text, charts, map) over much of it, top to bottom.
        Set<Integer> colours = new HashSet<>();
        int[] inkByBand = new int[6];
        for (int y = 0; y < HEIGHT; y += 3) {
            for (int x = 0; x < WIDTH; x += 3) {
                int rgb = img.getRGB(x, y) & 0xffffff;
                colours.add(rgb);
                int rr = rgb >> 16 & 0xff;
                int gg = rgb >> 8 & 0xff;
                int bb = rgb & 0xff;
                if (rr + gg + bb < 600) {
                    inkByBand[y * inkByBand.length / HEIGHT]++;
                }
            }
        }
        assertThat(colours.size()).as("distinct colours").isGreaterThan(200);
        for (int i = 0; i < inkByBand.length; i++) {
            assertThat(inkByBand[i])
                    .as("pixels with ink in band %d of the page", i)
                    .isGreaterThan(500);
        }
    }

    /**
     * Markup that a scenario's text would make, had it reached the page unescaped, runs nothing:
     * the page allows its own script alone. (Its own sorting script runs: refused, it would be a
     * console message, which the page opened above has none of.)
     */
    @Test
    void markupInTheReportRunsNoScriptButItsOwn() throws Exception {
        String injected =
                "<script>console.error('injected script ran')</script>"
                        + "<img src=\"data:,\" onerror=\"console.error('injected handler ran')\">";
        String page = HtmlReport.render(SmallPlan.scenario(), SmallPlan.plan());
        assertThat(page).contains("<main class=\"wrap\">");
        Path file = tmp.resolve("injected.html");
        Files.writeString(
                file, page.replace("<main class=\"wrap\">", "<main class=\"wrap\">" + injected));
        HeadlessChromium.Result r = HeadlessChromium.open(file, tmp, 800, 600);
        assertThat(r.console())
                .as("console messages of the report with injected markup")
                .noneSatisfy(l -> assertThat(l).contains("injected script ran"))
                .noneSatisfy(l -> assertThat(l).contains("injected handler ran"))
                .anySatisfy(l -> assertThat(l).contains("Executing inline script violates"));
    }

    @Test
    void harnessSeesConsoleErrors() throws Exception {
        // The check above can fail: a page with a script error is caught.
        Path page = tmp.resolve("broken.html");
        Files.writeString(
                page,
                "<!DOCTYPE html><html><body><p>x</p><script>console.error('bad figure');"
                        + " noSuchFunction();</script></body></html>");
        HeadlessChromium.Result r = HeadlessChromium.open(page, tmp, 400, 300);
        assertThat(r.console())
                .anySatisfy(l -> assertThat(l).contains("bad figure"))
                .anySatisfy(l -> assertThat(l).contains("noSuchFunction is not defined"));
    }
}
