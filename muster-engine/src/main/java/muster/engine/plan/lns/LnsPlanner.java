package muster.engine.plan.lns;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.atomic.AtomicBoolean;
import muster.engine.plan.PlanOptions;
import muster.engine.plan.Planner;
import muster.engine.plan.Progress;
import muster.engine.plan.lns.Work.Ld;
import muster.engine.plan.lns.Work.Mis;
import muster.model.LiftMode;
import muster.model.Plan;
import muster.model.Scenario;

/**
 * The default movement planner. It builds a plan by earliest-due-date list scheduling over capacity
 * timelines (lines by RDD, then priority, then readiness; each split into loads placed where they
 * arrive least late and earliest, see {@link Inserter}), then improves it by large neighbourhood
 * search: each step picks a late line, tears out every mission of a few tails from a time before
 * that line's loads onward, puts the torn-out loads back in a changed order with the late line
 * first, and keeps the result only if the objective (unmet ston-equivalents, then lateStonDays,
 * then closureDay, then fewer missions) improves. Around a late sea line, some steps instead plan
 * every hull's voyages from a few days before on again, voyage by voyage with the choice of voyage
 * shaken (see {@link #VOYAGE_ODDS}). The number of steps is {@link PlanOptions#searchIterations()};
 * random choices come from one {@link SplittableRandom} per search. By default two searches run
 * side by side, the first seeded with {@link PlanOptions#seed()} and the second with a fixed mix of
 * it, and the better plan is kept, so a scenario and seed give one plan.
 */
public final class LnsPlanner implements Planner {
    public static final String NAME = "lns";
    public static final String VERSION = "1.0";

    /** The most missions one search step tears out, so a step costs about the same at any size. */
    private static final int MAX_TORN_MISSIONS = 48;

    /** The most voyages a step that plans sea voyages again tears out. */
    private static final int MAX_TORN_VOYAGES = 96;

    /**
     * One in {@code max(VOYAGE_ODDS, sea lines / VOYAGE_LINES)} steps around a sea line plans
     * voyages again: such a step costs about one voyage-by-voyage pass over the sea lines, so it is
     * taken less often as they grow and a step costs about the same at any size.
     */
    private static final int VOYAGE_ODDS = 16;

    private static final int VOYAGE_LINES = 128;

    /** How far before the target's first voyage such a step may cut, at most. */
    private static final double VOYAGE_CUT_HOURS = 240.0;

    /**
     * When the step's target has people and the horizon cuts some of it off (load that found no
     * place in time), one in this many such steps puts the torn-out lines' cargo back first and
     * their people after it, so that what the horizon leaves out is the load that weighs least a
     * sortie: people ride a sortie's spare room, a cargo sortie left out weighs its whole payload.
     */
    private static final int PEOPLE_LAST_ODDS = 4;

    /**
     * When the step's target goes by sea and the horizon cuts some of it off, one in this many such
     * steps puts the torn-out sea lines' densest cargo back first (most short tons a square foot,
     * across lines), then the next densest, then the rest: where deck area binds on the voyages
     * that arrive in time, that carries the most weight, and unmet weight is the objective's first
     * term.
     */
    private static final int DENSE_FIRST_ODDS = 4;

    /** The weighted quantiles of the torn-out cargo's density at which the dense passes stop. */
    private static final double[] DENSE_PASSES = {2.0 / 3, 1.0 / 3};

    /**
     * The share of the progress the voyage search reports in, where it runs: it took 35 %, 56 % and
     * 57 % of generated S, M and L's plans (seed 1, this project's 2-core machine).
     */
    static final double SEARCH_SHARE = 0.5;

    /** How many searches {@link #LnsPlanner()} runs side by side. */
    public static final int SEARCHES = 2;

    private final int searches;

    private final boolean peopleLast;

    private final boolean denseFirst;

    /** The default planner: {@value #SEARCHES} searches side by side, the better plan kept. */
    public LnsPlanner() {
        this(SEARCHES);
    }

    /**
     * @param searches how many searches to run, each from its own seed and on its own thread but
     *     the first; the plan is the best of them by the objective (the first on a tie), so it is
     *     never worse than the first alone, and it does not depend on how many cores run them
     */
    public LnsPlanner(int searches) {
        this(searches, true);
    }

    /** With or without the steps that place people after cargo ({@link #PEOPLE_LAST_ODDS}). */
    LnsPlanner(int searches, boolean peopleLast) {
        this(searches, peopleLast, true);
    }

    /**
     * With or without the steps that place people after cargo ({@link #PEOPLE_LAST_ODDS}) and the
     * steps that place dense sea cargo first ({@link #DENSE_FIRST_ODDS}).
     */
    LnsPlanner(int searches, boolean peopleLast, boolean denseFirst) {
        if (searches < 1) {
            throw new IllegalArgumentException("searches must be at least 1, not " + searches);
        }
        this.searches = searches;
        this.peopleLast = peopleLast;
        this.denseFirst = denseFirst;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Plan plan(Scenario scenario, PlanOptions options, Progress progress) {
        Progress p = progress == null ? Progress.NONE : progress;
        Model md = new Model(scenario);
        Orders orders = Orders.of(md); // read-only, shared by the searches
        int n = options.searchIterations() > 0 ? searches : 1;
        // set when this run fails, so that the other searches stop at their next step
        AtomicBoolean abandoned = new AtomicBoolean();
        Progress quiet =
                new Progress() {
                    @Override
                    public void update(double fraction, String phase) {}

                    @Override
                    public boolean cancelled() {
                        return abandoned.get() || p.cancelled();
                    }
                };
        List<FutureTask<Chain>> others = new ArrayList<>();
        for (int i = 1; i < n; i++) {
            long seed = searchSeed(options.seed(), i);
            FutureTask<Chain> task =
                    new FutureTask<>(
                            () -> chain(md, orders, options, seed, quiet, peopleLast, denseFirst));
            Thread helper = new Thread(task, "muster-lns-search-" + i);
            helper.setDaemon(true);
            helper.start();
            others.add(task);
        }
        Chain best;
        try {
            best = chain(md, orders, options, options.seed(), p, peopleLast, denseFirst);
            for (FutureTask<Chain> task : others) {
                Chain c = result(task);
                if (c.score.better(best.score)) {
                    best = c;
                }
            }
        } catch (RuntimeException | Error e) {
            abandoned.set(true);
            throw e;
        }
        best.inserter().overflow(best.order());
        p.update(1.0, "assemble");
        return PlanAssembler.assemble(md, best.work(), NAME, VERSION, options.seed());
    }

    /** The seed of search {@code i}: the plan's own for the first, a fixed mix of it after. */
    static long searchSeed(long seed, int i) {
        return i == 0 ? seed : new SplittableRandom(seed ^ (0x5DEECE66DL * i)).nextLong();
    }

    private static Chain result(FutureTask<Chain> task) {
        try {
            return task.get();
        } catch (InterruptedException e) {
            task.cancel(true);
            Thread.currentThread().interrupt();
            throw new IllegalStateException("planning was interrupted", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(cause);
        }
    }

    /** One construction and search, with the state it ends in. */
    private record Chain(Work work, Inserter inserter, int[] order, Score score) {}

    /**
     * The order lines are first placed in, each line's rank in it, and each key's lines by rank.
     */
    record Orders(int[] order, int[] rank, int[][] keyOrder) {
        static Orders of(Model md) {
            int[] order = baseOrder(md);
            int[] rank = new int[md.lines.length];
            for (int i = 0; i < order.length; i++) {
                rank[order[i]] = i;
            }
            int[][] keyOrder = new int[md.keyLines.size()][];
            for (int k = 0; k < keyOrder.length; k++) {
                keyOrder[k] =
                        Arrays.stream(md.keyLines.get(k))
                                .boxed()
                                .sorted(Comparator.comparingInt(i -> rank[i]))
                                .mapToInt(Integer::intValue)
                                .toArray();
            }
            return new Orders(order, rank, keyOrder);
        }
    }

    private static Chain chain(
            Model md,
            Orders orders,
            PlanOptions options,
            long seed,
            Progress whole,
            boolean peopleLast,
            boolean denseFirst) {
        // the whole run's progress, or the part after the voyage search where that runs
        Progress p = whole;
        int[] order = orders.order();
        int[] rank = orders.rank();
        int[][] keyOrder = orders.keyOrder();
        boolean search = options.searchIterations() > 0;
        double share = search ? 0.4 : 1.0;
        Work w = new Work(md);
        Inserter ins = new Inserter(md, w, keyOrder);
        ins.planVoyages(LiftMode.SEA);
        List<VoyageSearch.Voyage> voyages = null;
        if (search) {
            // which channel each hull serves decides most of the lateness at sea: search the
            // hulls' voyages together, starting from the voyage-by-voyage pass
            VoyageSearch vs = new VoyageSearch(md, keyOrder);
            if (vs.worthSearching()) {
                // a third to over a half of a plan's time (S, M, L); a cancel ends it with its
                // best so far. Its share of the progress makes the server's estimate of the time
                // left fair from the start: at 0 % for half the plan, it had none
                voyages = vs.improve(w, seed, whole.part(0, SEARCH_SHARE));
                p = whole.part(SEARCH_SHARE, 1 - SEARCH_SHARE);
            }
        }
        place(ins, order, p, voyages == null ? share : share / 2, 0);
        // a cancelled search still gives its voyages to the construction below; only the one in
        // RLD order, which merely tries for a better start, is skipped on a cancel
        if (voyages != null) {
            // the search scores voyages on a quick model of the sea side; the plan built from
            // them is kept only when it is better than the plain construction
            Work w2 = new Work(md);
            Inserter ins2 = new Inserter(md, w2, keyOrder);
            ins2.bookVoyages(voyages);
            ins2.planVoyages(LiftMode.SEA);
            place(ins2, order, p, share / 2, share / 2);
            if (new Score(w2).better(new Score(w))) {
                w = w2;
                ins = ins2;
            }
        }
        if (!p.cancelled()) {
            // the same construction with the lines in RLD order, as the baseline takes them: an
            // urgent line that is ready late can hold a tail idle that earlier-ready lines would
            // have used; the better of the two starts the search
            Work w3 = new Work(md);
            Inserter ins3 = new Inserter(md, w3, keyOrder);
            ins3.planVoyages(LiftMode.SEA);
            place(ins3, rldOrder(md), p, 0, share);
            if (new Score(w3).better(new Score(w))) {
                w = w3;
                ins = ins3;
            }
        }
        if (search) {
            improve(
                    md,
                    w,
                    ins,
                    rank,
                    options.searchIterations(),
                    seed,
                    p,
                    share,
                    peopleLast ? PEOPLE_LAST_ODDS : 0,
                    denseFirst ? DENSE_FIRST_ODDS : 0);
        }
        return new Chain(w, ins, order, new Score(w));
    }

    private static void place(Inserter ins, int[] order, Progress p, double share, double from) {
        for (int i = 0; i < order.length; i++) {
            ins.place(order[i]);
            if ((i & 255) == 0) {
                p.update(from + share * i / Math.max(1, order.length), "construct");
            }
        }
    }

    /** Lines that need lift in the order they are first placed: RDD, priority, readiness. */
    static int[] baseOrder(Model md) {
        return lifted(
                md,
                Comparator.<Integer>comparingInt(i -> md.lines[i].rdd())
                        .thenComparingInt(i -> md.lines[i].priority())
                        .thenComparingDouble(i -> md.avail[i])
                        .thenComparingInt(i -> i));
    }

    /** Lines that need lift in RLD order, ties by ready hour at the POE and file order. */
    static int[] rldOrder(Model md) {
        return lifted(
                md,
                Comparator.<Integer>comparingInt(i -> md.lines[i].rld())
                        .thenComparingDouble(i -> md.avail[i])
                        .thenComparingInt(i -> i));
    }

    /** The lines that need lift, in the given order. */
    private static int[] lifted(Model md, Comparator<Integer> order) {
        List<Integer> idx = new ArrayList<>();
        for (int i = 0; i < md.lines.length; i++) {
            if (md.key[i] >= 0) {
                idx.add(i);
            }
        }
        idx.sort(order);
        return idx.stream().mapToInt(Integer::intValue).toArray();
    }

    // ------------------------------------------------------------------ search

    private static final class Score {
        final double unmet;
        final double lateSD;
        final int closureDay;
        final int missions;

        Score(Work w) {
            unmet = w.unmetW;
            lateSD = w.lateSD;
            closureDay = w.closureDay();
            missions = w.liveMissions;
        }

        boolean better(Score o) {
            if (Math.abs(unmet - o.unmet) > 1e-6) {
                return unmet < o.unmet;
            }
            if (Math.abs(lateSD - o.lateSD) > 1e-6) {
                return lateSD < o.lateSD;
            }
            if (closureDay != o.closureDay) {
                return closureDay < o.closureDay;
            }
            return missions < o.missions;
        }
    }

    private static void improve(
            Model md,
            Work w,
            Inserter ins,
            int[] rank,
            int iters,
            long seed,
            Progress p,
            double start,
            int peopleLastOdds,
            int denseOdds) {
        SplittableRandom rnd = new SplittableRandom(seed);
        Score best = new Score(w);
        int n = md.lines.length;
        List<Integer> lifted = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (md.key[i] >= 0) {
                lifted.add(i);
            }
        }
        if (lifted.isEmpty()) {
            return;
        }
        int seaLines = 0;
        for (int li : lifted) {
            seaLines += md.lines[li].mode().liftMode() == LiftMode.SEA ? 1 : 0;
        }
        int voyageOdds = Math.max(VOYAGE_ODDS, seaLines / VOYAGE_LINES);
        for (int it = 0; it < iters; it++) {
            if (p.cancelled()) {
                return;
            }
            if ((it & 15) == 0) {
                p.update(start + (1 - start) * it / iters, "improve");
            }
            int target = pickTarget(md, w, lifted, rnd);
            step(md, w, ins, rank, rnd, target, voyageOdds, peopleLastOdds, denseOdds, best);
            Score s = new Score(w);
            if (s.better(best)) {
                best = s;
            }
        }
    }

    /** A late line if a few random draws find one, else the line that closes last among them. */
    private static int pickTarget(Model md, Work w, List<Integer> lifted, SplittableRandom rnd) {
        int fallback = -1;
        double latest = -1;
        for (int tries = 0; tries < 40; tries++) {
            int li = lifted.get(rnd.nextInt(lifted.size()));
            if (w.hasRemainder(li)) {
                return li;
            }
            double c = 0;
            for (Ld ld : w.lineLoads.get(li)) {
                c = Math.max(c, ld.closure);
            }
            if ((int) Math.floor(c / 24.0) > md.lines[li].rdd()) {
                return li;
            }
            if (c > latest) {
                latest = c;
                fallback = li;
            }
        }
        return fallback;
    }

    /**
     * One destroy-and-repair step around {@code target}; undoes itself unless the result beats
     * {@code best}.
     */
    private static void step(
            Model md,
            Work w,
            Inserter ins,
            int[] rank,
            SplittableRandom rnd,
            int target,
            int voyageOdds,
            int peopleLastOdds,
            int denseOdds,
            Score best) {
        // the horizon cuts some of the target off (PEOPLE_LAST_ODDS)
        boolean hadRemainder = w.hasRemainder(target);
        // the cut: a little before the target's earliest load (or its readiness if none)
        double cut = md.avail[target];
        Set<Long> tails = new LinkedHashSet<>();
        for (Ld ld : w.lineLoads.get(target)) {
            cut = Math.min(cut, ld.m.startTime);
            tails.add(((long) ld.m.type << 32) | ld.m.tail);
        }
        // for a sea line, now and then every hull's voyages from some days before on are
        // planned again voyage by voyage with the voyage choice shaken: which channel a hull
        // serves matters more at sea than which line goes first
        boolean voyages =
                md.lines[target].mode().liftMode() == LiftMode.SEA && rnd.nextInt(voyageOdds) == 0;
        // for a sea line the horizon cuts off, now and then the densest cargo first: from further
        // back, so that the voyages that arrive in time are torn out too (DENSE_FIRST_ODDS)
        boolean dense =
                !voyages
                        && denseOdds > 0
                        && md.lines[target].mode().liftMode() == LiftMode.SEA
                        && hadRemainder
                        && rnd.nextInt(denseOdds) == 0;
        cut -= rnd.nextDouble() * (voyages || dense ? VOYAGE_CUT_HOURS : 48.0);
        int budget = voyages ? MAX_TORN_VOYAGES : MAX_TORN_MISSIONS;
        for (int type = 0; type < md.types.length; type++) {
            if (voyages) {
                int count = md.types[type].count();
                if (md.types[type].mode() == LiftMode.SEA && count > 0) {
                    // from a random hull on, so that the budget does not always spare the same
                    int first = rnd.nextInt(count);
                    for (int i = 0; i < count; i++) {
                        tails.add(((long) type << 32) | ((first + i) % count));
                    }
                }
                continue;
            }
            int count = md.types[type].count();
            if (count == 0 || !md.carriesAny(type, target)) {
                continue;
            }
            int extra = Math.min(count, 1 + rnd.nextInt(Math.min(count, 6)));
            for (int e = 0; e < extra; e++) {
                tails.add(((long) type << 32) | rnd.nextInt(count));
            }
        }

        // destroy: every mission of the chosen tails that starts at or after the cut
        List<Mis> removed = new ArrayList<>();
        List<List<Ld>> removedLoads = new ArrayList<>();
        Set<Integer> affected = new LinkedHashSet<>();
        affected.add(target);
        for (long key : tails) {
            int type = (int) (key >>> 32);
            int tail = (int) key;
            List<Mis> chain = w.chains.get(type).get(tail);
            int from = chain.size();
            while (from > 0 && chain.get(from - 1).startTime >= cut) {
                from--;
            }
            if (chain.size() - from > budget) {
                continue; // keeps one step's work bounded on large scenarios
            }
            budget -= chain.size() - from;
            for (int i = chain.size() - 1; i >= from; i--) {
                Mis m = chain.get(i);
                List<Ld> loads = new ArrayList<>(m.loads);
                for (int j = loads.size() - 1; j >= 0; j--) {
                    w.removeLoad(loads.get(j));
                    affected.add(loads.get(j).line);
                }
                w.removeLastMission(m);
                removed.add(m);
                removedLoads.add(loads);
            }
        }

        // repair: the target first, the rest by a shaken base order
        List<Integer> again = new ArrayList<>(affected);
        again.remove(Integer.valueOf(target));
        int shake = 1 + rnd.nextInt(4);
        double[] noise = new double[md.lines.length];
        for (int li : again) {
            noise[li] = md.lines[li].rdd() + rnd.nextInt(2 * shake + 1) - shake;
        }
        again.sort(
                Comparator.<Integer>comparingDouble(li -> noise[li])
                        .thenComparingInt(li -> rank[li]));
        if (rnd.nextInt(4) != 0) {
            again.add(0, target);
        } else {
            again.add(target);
        }
        ins.journal = new Inserter.Journal(w.seq);
        if (voyages) {
            ins.shake = rnd;
            ins.planVoyages(LiftMode.SEA);
            ins.shake = null;
        }
        if (peopleLastOdds > 0
                && md.lines[target].pax() > 0
                && hadRemainder
                && rnd.nextInt(peopleLastOdds) == 0) {
            // every line's cargo first, then the people (PEOPLE_LAST_ODDS)
            w.paxHeld = true;
            try {
                for (int li : again) {
                    ins.place(li);
                }
            } finally {
                w.paxHeld = false;
            }
        }
        if (dense) {
            // the sea lines' densest cargo first, across lines (DENSE_FIRST_ODDS)
            for (double from : densePasses(md, w, again)) {
                w.denseFrom = from;
                try {
                    for (int li : again) {
                        if (md.lines[li].mode().liftMode() == LiftMode.SEA) {
                            ins.place(li);
                        }
                    }
                } finally {
                    w.denseFrom = 0;
                }
            }
        }
        for (int li : again) {
            ins.place(li);
        }
        Inserter.Journal j = ins.journal;
        ins.journal = null;
        if (new Score(w).better(best)) {
            return;
        }

        // undo
        for (int i = j.addedToOld.size() - 1; i >= 0; i--) {
            w.removeLoad(j.addedToOld.get(i));
        }
        for (int i = j.created.size() - 1; i >= 0; i--) {
            Mis m = j.created.get(i);
            for (Ld ld : new ArrayList<>(m.loads)) {
                w.removeLoad(ld);
            }
            w.removeLastMission(m);
        }
        for (int i = removed.size() - 1; i >= 0; i--) {
            w.restoreMission(removed.get(i), removedLoads.get(i));
        }
    }

    /**
     * The densities (short tons a square foot) down to which the dense passes of a step place the
     * torn-out sea lines' cargo: the weighted quantiles {@link #DENSE_PASSES} of what is left of
     * it, densest first; none when it has no deck area.
     */
    static double[] densePasses(Model md, Work w, List<Integer> lines) {
        List<double[]> pieces = new ArrayList<>();
        double total = 0;
        for (int li : lines) {
            if (md.lines[li].mode().liftMode() != LiftMode.SEA) {
                continue;
            }
            for (int c = 0; c < Model.CLASSES; c++) {
                double rem = w.remSt[li][c];
                double d = w.density(li, c);
                if (rem > Work.EPS && Double.isFinite(d)) {
                    pieces.add(new double[] {d, rem});
                    total += rem;
                }
            }
        }
        if (pieces.isEmpty()) {
            return new double[0];
        }
        pieces.sort((a, b) -> Double.compare(b[0], a[0]));
        double[] out = new double[DENSE_PASSES.length];
        int n = 0;
        for (double q : DENSE_PASSES) {
            double upTo = (1 - q) * total;
            double sum = 0;
            for (double[] pc : pieces) {
                sum += pc[1];
                if (sum >= upTo) {
                    if (n == 0 || pc[0] < out[n - 1]) {
                        out[n++] = pc[0];
                    }
                    break;
                }
            }
        }
        return java.util.Arrays.copyOf(out, n);
    }
}
