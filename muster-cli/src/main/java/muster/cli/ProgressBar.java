package muster.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.function.LongSupplier;
import muster.engine.plan.Progress;

/**
 * A one-line progress bar with an ETA on the terminal, fed by the engine's {@link Progress}. It
 * stays silent for runs shorter than a second, redraws at most ten times a second, and leaves the
 * line clean when done.
 */
final class ProgressBar implements Progress {
    static final long QUIET_NANOS = 1_000_000_000L;
    static final long REDRAW_NANOS = 100_000_000L;
    static final int WIDTH = 30;

    private final PrintWriter err;
    private final LongSupplier clock;
    private final boolean enabled;
    private final long start;
    private long lastDraw;
    private int lastLength;
    private boolean drawn;

    ProgressBar(PrintWriter err, LongSupplier nanoClock, boolean enabled) {
        this.err = err;
        this.clock = nanoClock;
        this.enabled = enabled;
        this.start = nanoClock.getAsLong();
    }

    @Override
    public synchronized void update(double fraction, String phase) {
        if (!enabled) {
            return;
        }
        long now = clock.getAsLong();
        if (now - start < QUIET_NANOS || (drawn && now - lastDraw < REDRAW_NANOS)) {
            return;
        }
        lastDraw = now;
        draw(fraction, phase, now);
    }

    /** Draws the bar full and ends its line, when it was shown at all. */
    synchronized void finish() {
        if (!enabled || !drawn) {
            return;
        }
        draw(1.0, "done", clock.getAsLong());
        err.println();
        err.flush();
    }

    private void draw(double fraction, String phase, long now) {
        double f = Double.isNaN(fraction) ? 0 : Math.max(0, Math.min(1, fraction));
        int full = (int) Math.round(f * WIDTH);
        double elapsed = (now - start) / 1e9;
        String eta;
        if (f >= 1) {
            eta = "in " + clock(elapsed);
        } else if (f < 0.01) {
            eta = "ETA --:--";
        } else {
            eta = "ETA " + clock(elapsed * (1 - f) / f);
        }
        String line =
                String.format(
                        Locale.ROOT,
                        "planning [%s%s] %3d%%  %-12s %s",
                        "#".repeat(full),
                        ".".repeat(WIDTH - full),
                        (int) Math.floor(f * 100),
                        phase == null ? "" : phase.length() > 12 ? phase.substring(0, 12) : phase,
                        eta);
        // Pad over what a longer previous line left behind.
        String pad = " ".repeat(Math.max(0, lastLength - line.length()));
        err.print("\r" + line + pad);
        err.flush();
        lastLength = line.length();
        drawn = true;
    }

    static String clock(double seconds) {
        long s = Math.max(0, Math.round(seconds));
        return s >= 3600
                ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }
}
