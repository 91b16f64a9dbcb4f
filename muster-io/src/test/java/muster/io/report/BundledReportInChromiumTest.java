package muster.io.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import javax.imageio.ImageIO;
import muster.engine.plan.PlanOptions;
import muster.engine.plan.Planners;
import muster.io.ScenarioReader;
import muster.model.Plan;
import muster.model.Scenario;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The report of the bundled scenario, planned by the default planner, in a real browser. */
class BundledReportInChromiumTest {
    @TempDir Path tmp;

    @Test
    void bundledScenarioReportOpensCleanly() throws Exception {
        Path file = Path.of("..", "scenarios", "eastern-flank-2022.yaml");
        ScenarioReader.Result read = ScenarioReader.read(file);
        assertThat(read.faults()).filteredOn(f -> f.isError()).isEmpty();
        Scenario s = read.scenario();
        Plan plan =
                Planners.byName(Planners.DEFAULT)
                        .plan(s, PlanOptions.of(s), muster.engine.plan.Progress.NONE);
        Path page = tmp.resolve("report.html");
        HtmlReport.write(s, plan, page);
        String html = Files.readString(page);
        // Every late line of the plan has its row.
        long late = plan.lines().stream().filter(l -> l.lateDays() > 0).count();
        assertThat(html.split("<tr data-uln=", -1).length - 1L).isGreaterThanOrEqualTo(late);

        HeadlessChromium.Result r = HeadlessChromium.open(page, tmp, 1400, 2400);
        Path keep = Path.of("target", "bundled-report-screenshot.png");
        Files.createDirectories(keep.getParent());
        Files.copy(r.screenshot(), keep, StandardCopyOption.REPLACE_EXISTING);
        assertThat(r.console()).as("console messages of the bundled report").isEmpty();
        BufferedImage img = ImageIO.read(r.screenshot().toFile());
        assertThat(img.getWidth()).isEqualTo(1400);
        assertThat(img.getHeight()).isEqualTo(2400);
        int first = img.getRGB(700, 1200);
        boolean varied = false;
        for (int y = 0; y < 2400 && !varied; y += 7) {
            for (int x = 0; x < 1400 && !varied; x += 7) {
                varied = img.getRGB(x, y) != first;
            }
        }
        assertThat(varied).as("screenshot is not one colour").isTrue();
    }
}
