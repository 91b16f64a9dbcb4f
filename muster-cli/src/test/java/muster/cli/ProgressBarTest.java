package muster.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class ProgressBarTest {
    private long now;
    private final StringWriter text = new StringWriter();

    private ProgressBar bar(boolean enabled) {
        now = 0;
        return new ProgressBar(new PrintWriter(text), () -> now, enabled);
    }

    @Test
    void silentForTheFirstSecond() {
        ProgressBar b = bar(true);
        now = 900_000_000L;
        b.update(0.5, "construct");
        b.finish();
        assertThat(text.toString()).isEmpty();
    }

    @Test
    void drawsFractionPhaseAndEtaAfterASecond() {
        ProgressBar b = bar(true);
        now = 2_000_000_000L;
        b.update(0.25, "improve");
        // 2 s for a quarter: 6 s to go.
        assertThat(text.toString())
                .startsWith("\rplanning [########......................]  25%  improve")
                .endsWith("ETA 0:06");
        now += 50_000_000L;
        b.update(0.3, "improve");
        assertThat(text.toString()).doesNotContain(" 30%");
        now += 100_000_000L;
        b.update(0.5, "improve");
        assertThat(text.toString()).contains(" 50%");
        b.finish();
        assertThat(text.toString()).contains("100%").contains("in 0:02").endsWith("\n");
    }

    @Test
    void disabledDrawsNothing() {
        ProgressBar b = bar(false);
        now = 5_000_000_000L;
        b.update(0.5, "x");
        b.finish();
        assertThat(text.toString()).isEmpty();
    }

    @Test
    void clockFormat() {
        assertThat(ProgressBar.clock(0)).isEqualTo("0:00");
        assertThat(ProgressBar.clock(75)).isEqualTo("1:15");
        assertThat(ProgressBar.clock(3725)).isEqualTo("1:02:05");
    }
}
