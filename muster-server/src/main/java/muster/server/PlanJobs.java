package muster.server;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import muster.engine.bound.LowerBounds;
import muster.engine.check.CheckReport;
import muster.engine.check.PlanChecker;
import muster.engine.check.Violation;
import muster.engine.plan.PlanOptions;
import muster.engine.plan.Planner;
import muster.engine.plan.Progress;
import muster.model.Plan;
import muster.model.PlannerInfo;
import muster.model.Scenario;

/**
 * Planning runs as background jobs: queued, run on a small pool, their progress kept in memory (and
 * written to the database about once a second), cancellable, their result stored.
 */
final class PlanJobs implements AutoCloseable {
    private final Store store;
    private final Engine engine;
    private final Clock clock;
    private final ExecutorService pool;
    private final Map<Long, Job> jobs = new ConcurrentHashMap<>();

    /** Live state of one job. */
    static final class Job implements Progress {
        final long id;
        volatile double fraction;
        volatile String phase = "queued";
        volatile boolean cancel;

        /** Whether the cancel came from the server stopping rather than from a planner. */
        volatile boolean serverStopped;

        volatile Instant started;
        volatile Instant lastWrite = Instant.EPOCH;
        private final Runnable persist;

        Job(long id, Runnable persist) {
            this.id = id;
            this.persist = persist;
        }

        @Override
        public void update(double f, String p) {
            fraction = Math.max(0, Math.min(1, f));
            phase = p;
            persist.run();
        }

        @Override
        public boolean cancelled() {
            return cancel;
        }

        /**
         * The status the job ends with, once it has settled it; a cancel after that is too late.
         */
        private String end;

        /** Whether the job has started to run. */
        private boolean begun;

        /** Whether the end of the job, cancelled before it started, has been taken. */
        private boolean endTaken;

        /** Starts the job unless a cancel came first: false when it did. */
        synchronized boolean begin() {
            begun = !cancel;
            return begun;
        }

        /**
         * Takes the end of a job cancelled before it started, once: true for the one that takes it
         * (the cancel, or the job when it comes to run), which records it.
         */
        synchronized boolean takeUnstartedEnd() {
            if (begun || endTaken || !cancel) {
                return false;
            }
            endTaken = true;
            return true;
        }

        /** Asks the planner to stop, unless the job has already settled how it ends. */
        synchronized boolean requestCancel() {
            if (end == null) {
                cancel = true;
            }
            return end == null;
        }

        /** Settles how the job ends: a plan found ends CANCELLED when a cancel came first. */
        synchronized String settle(String status) {
            end = "DONE".equals(status) && cancel ? "CANCELLED" : status;
            return end;
        }

        synchronized String end() {
            return end;
        }
    }

    /**
     * What a cancel found: a job it asked to stop, or none; {@code settled} is the status a job
     * that had already settled how it ends is about to write, or the one a job cancelled before it
     * started has written (CANCELLED), else null.
     */
    record Cancel(boolean requested, String settled) {}

    PlanJobs(Store store, Engine engine, Clock clock, int threads) {
        this.store = store;
        this.engine = engine;
        this.clock = clock;
        this.pool =
                Executors.newFixedThreadPool(
                        threads,
                        r -> {
                            Thread t = new Thread(r, "muster-plan");
                            t.setDaemon(true);
                            return t;
                        });
    }

    /** Plans left QUEUED or RUNNING by a stopped server are marked FAILED with the reason. */
    void recoverAfterRestart() {
        Jdbc.tx(
                store.db(),
                c ->
                        Jdbc.update(
                                c,
                                "update plan_run set status = 'FAILED', error = 'the server"
                                        + " stopped before this plan finished; run it again',"
                                        + " finished_at = now() where status in"
                                        + " ('QUEUED','RUNNING')"));
    }

    Job job(long id) {
        return jobs.get(id);
    }

    /**
     * Seconds left, estimated from the time taken so far; null until there is a measure, and while
     * the lower bound is worked out, which reports no progress of its own: at 100 % the estimate
     * said 0 s left through the 10 to 30 s of an L plan's bound.
     */
    Double etaSeconds(Job j) {
        if (j == null || j.started == null || j.fraction <= 0.01 || LOWER_BOUND.equals(j.phase)) {
            return null;
        }
        double spent = Duration.between(j.started, clock.instant()).toMillis() / 1000.0;
        return spent * (1 - j.fraction) / j.fraction;
    }

    void submit(long planId, long scenarioId, String plannerName) {
        Job live = new Job(planId, () -> writeProgress(jobs.get(planId)));
        jobs.put(planId, live);
        pool.submit(() -> run(live, scenarioId, plannerName));
    }

    Cancel cancel(long planId) {
        Job j = jobs.get(planId);
        if (j == null) {
            return new Cancel(false, null);
        }
        // one step with the job's own settling, so a job that has found its plan DONE is not
        // reported as stopping
        if (!j.requestCancel()) {
            return new Cancel(false, j.end());
        }
        // a job still queued ends now, where it stayed QUEUED until the jobs before it ended (an
        // L plan runs two minutes), and its turn is skipped
        if (j.takeUnstartedEnd()) {
            endUnstarted(j);
            jobs.remove(planId);
            return new Cancel(true, j.end());
        }
        return new Cancel(true, null);
    }

    /** Records the end of a job cancelled before it started. */
    private void endUnstarted(Job job) {
        finish(
                job,
                "CANCELLED",
                null,
                job.serverStopped
                        ? SERVER_STOPPED + " before it started; run it again"
                        : "cancelled before it started");
    }

    private void writeProgress(Job j) {
        if (j == null) {
            return;
        }
        Instant now = clock.instant();
        if (Duration.between(j.lastWrite, now).toMillis() < 1000) {
            return;
        }
        j.lastWrite = now;
        Jdbc.tx(
                store.db(),
                c ->
                        Jdbc.update(
                                c,
                                "update plan_run set progress = ?, phase = ? where id = ?",
                                j.fraction,
                                j.phase,
                                j.id));
    }

    private void run(Job job, long scenarioId, String plannerName) {
        job.started = clock.instant();
        try {
            if (!job.begin()) {
                // cancelled while queued: ended by the cancel, or here (the server stopping)
                if (job.takeUnstartedEnd()) {
                    endUnstarted(job);
                }
                return;
            }
            // until the planner reports (L's lns prepares for about a minute first), the plan is
            // starting: it said RUNNING, 'queued'
            job.phase = STARTING;
            Jdbc.tx(
                    store.db(),
                    c ->
                            Jdbc.update(
                                    c,
                                    "update plan_run set status = 'RUNNING', phase = ?,"
                                            + " started_at = ? where id = ?",
                                    STARTING,
                                    Timestamp.from(job.started),
                                    job.id));
            Scenario s = store.scenarioModel(scenarioId);
            Planner planner = engine.planner(plannerName);
            long t0 = System.nanoTime();
            Plan plan = planner.plan(s, PlanOptions.of(s), job);
            double seconds = (System.nanoTime() - t0) / 1e9;
            PlannerInfo pi = plan.planner();
            if (pi != null) {
                plan =
                        new Plan(
                                plan.scenario(),
                                new PlannerInfo(pi.name(), pi.version(), seconds, pi.seed()),
                                plan.measures(),
                                plan.lowerBound(),
                                plan.missions(),
                                plan.lines(),
                                plan.bindingConstraints());
            }
            // the plan carries the lower bound as the CLI's plan does (the LP up to
            // LowerBounds.PLAN_LP_LIMIT commodities a part, each POE's lines above); if the solver
            // fails, the planner's own stays, or the earliest-arrival one where the planner gives
            // none (lns), saying so. A cancel while it is worked out stops it (L's takes 10 to 30
            // s, XL's over a minute), and a plan cancelled before it keeps the same, saying so
            if (job.cancel) {
                plan =
                        plan.withLowerBound(
                                LowerBounds.fallback(s, plan.lowerBound(), BOUND_CANCELLED));
            } else {
                job.update(1.0, LOWER_BOUND);
                try {
                    plan = plan.withLowerBound(engine.bound(s, job::cancelled));
                } catch (CancellationException e) {
                    plan =
                            plan.withLowerBound(
                                    LowerBounds.fallback(s, plan.lowerBound(), BOUND_CANCELLED));
                } catch (RuntimeException | LinkageError e) {
                    plan =
                            plan.withLowerBound(
                                    LowerBounds.fallback(
                                            s, plan.lowerBound(), LowerBounds.FULL_BOUND_FAILED));
                    System.err.println(
                            "muster: plan run "
                                    + job.id
                                    + ": the lower bound could not be computed ("
                                    + e
                                    + "); the plan keeps "
                                    + plan.lowerBound().method());
                }
            }
            // every plan is checked against the movement rules before it is stored; a plan that
            // breaks one is kept out of every view and the job is FAILED, naming the violations
            CheckReport check = PlanChecker.check(s, plan);
            if (!check.ok()) {
                finish(job, "FAILED", null, violations(check));
                return;
            }
            finish(job, "DONE", plan, null);
        } catch (Throwable e) {
            // an Error (out of memory, a broken native library) fails the job too, rather than
            // leaving it RUNNING
            String msg = e.getMessage() == null ? e.toString() : e.getMessage();
            finish(job, "FAILED", null, msg);
        } finally {
            jobs.remove(job.id);
        }
    }

    /** What a plan cancelled while its bound was worked out says of the bound it keeps. */
    static final String BOUND_CANCELLED = " (the full bound was cancelled with the plan)";

    /** The phase of a plan whose lower bound is worked out, after its planner. */
    static final String LOWER_BOUND = "lower bound";

    /** The phase of a plan whose planner has started and not yet reported. */
    static final String STARTING = "starting";

    private static final String BREAKS = "the plan breaks the movement model (";

    private static final String NOT_STORED = "), so it is not stored";

    /** The refusal of a plan that breaks the movement model: the count and the first few. */
    static String violations(CheckReport r) {
        StringBuilder b =
                new StringBuilder(BREAKS)
                        .append(r.violations().size())
                        .append(r.violations().size() == 1 ? " violation" : " violations")
                        .append(NOT_STORED)
                        .append(": ");
        int shown = 0;
        for (Violation v : r.violations()) {
            if (shown == 5) {
                b.append("; ...");
                break;
            }
            b.append(shown++ == 0 ? "" : "; ").append("rule ").append(v.rule());
            if (v.missionId() != null) {
                b.append(" mission ").append(v.missionId());
            }
            if (v.uln() != null) {
                b.append(" line ").append(v.uln());
            }
            b.append(": ").append(v.message());
        }
        return b.toString();
    }

    /**
     * A failed plan's error for a reader from whom the lines {@code hidden} are withheld: the
     * violations of the movement model are counted but not named (they give the missions, lines and
     * figures of withheld loads), and another error that names a withheld line is not given.
     */
    static String errorWithout(String error, java.util.Set<String> hidden) {
        int head = error.indexOf(NOT_STORED);
        if (error.startsWith(BREAKS) && head > 0) {
            return error.substring(0, head + NOT_STORED.length())
                    + "; the violations are named to readers who see every line of the scenario";
        }
        for (String uln : hidden) {
            if (namesWord(error, uln)) {
                return "the plan failed with a message that names lines not released to you;"
                        + " readers who see every line of the scenario read it";
            }
        }
        return error;
    }

    /** Whether {@code text} holds {@code word} with no letter or digit next to it. */
    private static boolean namesWord(String text, String word) {
        for (int i = text.indexOf(word); i >= 0; i = text.indexOf(word, i + 1)) {
            int end = i + word.length();
            boolean before = i > 0 && Character.isLetterOrDigit(text.charAt(i - 1));
            boolean after = end < text.length() && Character.isLetterOrDigit(text.charAt(end));
            if (!before && !after) {
                return true;
            }
        }
        return false;
    }

    /** The nation that owns a plan and the plan's scenario. */
    private record PlanOf(String nation, long scenarioId) {}

    private void finish(Job job, String asked, Plan plan, String reason) {
        // a plan found ends DONE, or CANCELLED when a cancel reached the job before this
        String status = job.settle(asked);
        String error =
                status.equals(asked)
                        ? reason
                        : job.serverStopped
                                ? SERVER_STOPPED + " while it ran; the plan found by then is kept"
                                : "cancelled";
        beforeJobEnds.accept(job.id);
        // the audit row is read by the administrators of the plan's nation, which may not see
        // every line: it gives the error as a reader of that nation is given it
        PlanOf of =
                Jdbc.tx(
                                store.db(),
                                c ->
                                        Jdbc.one(
                                                c,
                                                "select owner_nation, scenario_id from plan_run"
                                                        + " where id = ?",
                                                rs -> new PlanOf(rs.getString(1), rs.getLong(2)),
                                                job.id))
                        .orElse(new PlanOf(null, 0));
        String owner = of.nation();
        java.util.Set<String> hidden =
                error == null || owner == null
                        ? java.util.Set.of()
                        : store.hiddenUlns(owner, of.scenarioId());
        String detail = hidden.isEmpty() ? error : errorWithout(error, hidden);
        Jdbc.tx(
                store.db(),
                c -> {
                    Jdbc.update(
                            c,
                            "update plan_run set status = ?, progress = ?, phase = ?, error = ?,"
                                    + " plan_json = ?, finished_at = ? where id = ?",
                            status,
                            plan == null ? job.fraction : 1.0,
                            status.toLowerCase(java.util.Locale.ROOT),
                            error,
                            plan == null ? null : Json.write(plan),
                            Timestamp.from(clock.instant()),
                            job.id);
                    Audit.record(
                            c,
                            owner,
                            "plan.finish",
                            "plan " + job.id,
                            "DONE".equals(status) || "CANCELLED".equals(status) ? "OK" : "FAILED",
                            status + (detail == null ? "" : ": " + detail));
                    return null;
                });
        if (plan != null) {
            store.remember(job.id, plan); // the first reader need not parse it back
        }
    }

    /**
     * Runs on the job's thread once it has settled how it ends, before it writes that. Tests hold a
     * job there, as a slow write to the database does.
     */
    volatile java.util.function.LongConsumer beforeJobEnds = id -> {};

    /** The reason given to the jobs that a stop of the server cancelled. */
    static final String SERVER_STOPPED = "the server was stopped";

    /**
     * Stops the jobs as a cancel does, each recording that the server stopped it, and waits up to
     * 30 s for them to end.
     */
    @Override
    public void close() {
        jobs.values()
                .forEach(
                        j -> {
                            if (!j.cancel) {
                                j.serverStopped = true;
                            }
                            j.cancel = true;
                        });
        pool.shutdown();
        try {
            pool.awaitTermination(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
