package muster.engine.plan.lns;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.SplittableRandom;
import muster.engine.plan.CapacityTimeline;
import muster.engine.plan.Progress;
import muster.engine.plan.lns.Model.RouteTpl;
import muster.engine.plan.lns.Work.Mis;
import muster.model.LiftMode;
import muster.model.LiftType;

/**
 * Chooses every hull's voyages together: which channel each voyage of each hull serves, in which
 * order the hulls take the berths, and how long a voyage waits for its cargo. The voyage-by-voyage
 * pass commits the best voyage for now and never looks back, and at sea that choice decides most of
 * the lateness; here a whole sea plan is scored at once and changed one decision at a time
 * (simulated annealing).
 *
 * <p>A plan is scored on a quick model of the sea side that times voyages the way {@link Work#fit}
 * does (the same rigid stop templates, the same berth timelines) and loads each voyage, in the
 * order they sail, with the ready lines of its channel, most urgent first, as {@link Inserter}
 * does. It leaves out what a voyage cannot carry in whole classes (a line with a class or people
 * the type cannot take is left to the line-by-line pass), so the score is a guide, not the plan:
 * the chosen voyages are booked through {@link Inserter#bookVoyages} and the plan is built and
 * checked as any other.
 */
final class VoyageSearch {
    /** Weight of a ston-equivalent the voyages leave behind, over its late days: unmet first. */
    private static final double UNMET = 1000.0;

    /**
     * Work of one search, in line visits summed over its scorings as if each loaded every channel
     * (it loads only the channels a step moved, so it does less): {@link #MAX_STEPS} at generated
     * L, about 119,500 at XL. A quarter of it (about 50,600 steps at L) left L's plans 11 to 16 %
     * later (docs/planner.md, "Four times the annealing work at L").
     */
    private static final double WORK = 1.2e10;

    /**
     * Steps per hull at most: a few hulls need fewer steps (61,600 for generated S's eight, 200,200
     * for M's 26).
     */
    private static final int STEPS_PER_HULL = 7_700;

    /**
     * The starting temperature, in late ston-days per ston-equivalent of sea cargo: a change that
     * makes 0.2 % of it a day later is taken at first with odds 1 in e, and ever less often.
     */
    private static final double HEAT = 0.002;

    private static final int MIN_STEPS = 2_000;

    /**
     * Annealing runs from the same start after the first, while the best plan still leaves cargo
     * behind and the work limit ({@link #WORK}) holds another run: what is left weighs {@link
     * #UNMET} a ston-day, far above the temperature, so a run can settle where taking that cargo
     * needs several voyages changed at once (generated S seed 4, both searches: about 1,000 stons
     * left by the first run, none by most other seeds' runs).
     */
    private static final int RESTARTS = 1;

    private static final int MAX_STEPS = 200_000;

    /** One voyage to book: a hull, its channel and route, and the hour its onload may start. */
    record Voyage(int type, int tail, int key, RouteTpl route, double notBefore) {}

    private final Model md;
    private final int[][] keyOrder;
    private final int[] hType;
    private final int[] hTail;
    private final int[][] keysOf;

    /** Per sea type, per line: whether the type carries all of it, and its shares per unit. */
    private final boolean[][] whole;

    private final double[][] paxShare;
    private final double[][] stonShare;
    private final double[][] sqftShare;
    private final int[] seaLines;

    /** The nodes where some sea route stops, each with a berth timeline while scoring. */
    private final int[] seaNodes;

    private final Work.FitInfo info = new Work.FitInfo();

    /** Per channel, the costs of its last loadings. */
    private final Memo[] memo;

    private final boolean remember;

    /** Per channel, its lines in rank order: hour ready, EAD hour, onward hours, RDD, weight. */
    private final double[][] kAvail;

    private final double[][] kEad;
    private final double[][] kOnward;
    private final int[][] kRdd;
    private final double[][] kWeight;

    VoyageSearch(Model md, int[][] keyOrder) {
        this(md, keyOrder, true);
    }

    /** With {@code remember} false every scoring loads every channel (tests compare the two). */
    VoyageSearch(Model md, int[][] keyOrder, boolean remember) {
        this.md = md;
        this.remember = remember;
        this.keyOrder = keyOrder;
        List<int[]> hulls = new ArrayList<>();
        for (int t = 0; t < md.types.length; t++) {
            if (md.types[t].mode() == LiftMode.SEA) {
                for (int k = 0; k < md.types[t].count(); k++) {
                    hulls.add(new int[] {t, k});
                }
            }
        }
        hType = hulls.stream().mapToInt(h -> h[0]).toArray();
        hTail = hulls.stream().mapToInt(h -> h[1]).toArray();
        BitSet stops = new BitSet();
        for (int t = 0; t < md.types.length; t++) {
            if (md.types[t].mode() == LiftMode.SEA) {
                for (RouteTpl[] rs : md.routes[t]) {
                    for (RouteTpl r : rs) {
                        for (int i : r.capStops) {
                            stops.set(r.node[i]);
                        }
                    }
                }
            }
        }
        seaNodes = stops.stream().toArray();
        keysOf = new int[md.types.length][];
        for (int t = 0; t < md.types.length; t++) {
            List<Integer> ks = new ArrayList<>();
            for (int k = 0; k < keyOrder.length; k++) {
                if (md.routes[t][k].length > 0 && keyOrder[k].length > 0) {
                    ks.add(k);
                }
            }
            keysOf[t] = ks.stream().mapToInt(Integer::intValue).toArray();
        }
        int n = md.lines.length;
        whole = new boolean[md.types.length][];
        paxShare = new double[md.types.length][];
        stonShare = new double[md.types.length][];
        sqftShare = new double[md.types.length][];
        List<Integer> sea = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (md.key[i] >= 0 && md.lines[i].mode().liftMode() == LiftMode.SEA) {
                sea.add(i);
            }
        }
        seaLines = sea.stream().mapToInt(Integer::intValue).toArray();
        kAvail = new double[keyOrder.length][];
        kEad = new double[keyOrder.length][];
        kOnward = new double[keyOrder.length][];
        kRdd = new int[keyOrder.length][];
        kWeight = new double[keyOrder.length][];
        flatten();
        memo = new Memo[keyOrder.length];
        for (int k = 0; k < keyOrder.length; k++) {
            memo[k] = new Memo();
        }
        for (int t = 0; t < md.types.length; t++) {
            LiftType lt = md.types[t];
            if (lt.mode() != LiftMode.SEA) {
                continue;
            }
            whole[t] = new boolean[n];
            paxShare[t] = new double[n];
            stonShare[t] = new double[n];
            sqftShare[t] = new double[n];
            for (int i : seaLines) {
                boolean ok = md.lines[i].pax() == 0 || Model.canPax(lt);
                double st = 0;
                double sq = 0;
                for (int c = 0; c < Model.CLASSES; c++) {
                    if (md.stons[i][c] > 0) {
                        ok &= Model.canCargo(lt, c, md.sqftPerSton[i][c]);
                        st += md.stons[i][c];
                        sq += md.stons[i][c] * md.sqftPerSton[i][c];
                    }
                }
                whole[t][i] = ok;
                if (ok) {
                    paxShare[t][i] =
                            md.lines[i].pax() > 0
                                    ? md.lines[i].pax() / (double) lt.paxCapacity()
                                    : 0;
                    stonShare[t][i] = st / lt.stonsCapacity();
                    sqftShare[t][i] = lt.sqftCapacity() > 0 ? sq / lt.sqftCapacity() : 0;
                }
            }
        }
    }

    private void flatten() {
        for (int k = 0; k < keyOrder.length; k++) {
            int[] ks = keyOrder[k];
            if (ks.length == 0 || md.lines[ks[0]].mode().liftMode() != LiftMode.SEA) {
                continue;
            }
            kAvail[k] = new double[ks.length];
            kEad[k] = new double[ks.length];
            kOnward[k] = new double[ks.length];
            kRdd[k] = new int[ks.length];
            kWeight[k] = new double[ks.length];
            for (int q = 0; q < ks.length; q++) {
                int li = ks[q];
                kAvail[k][q] = md.avail[li];
                kEad[k][q] = md.eadHour[li];
                kOnward[k][q] = md.onward[li];
                kRdd[k][q] = md.lines[li].rdd();
                kWeight[k][q] = md.weight[li];
            }
        }
    }

    boolean worthSearching() {
        return hType.length > 0 && seaLines.length > 0;
    }

    /**
     * A sea plan: per hull, the channel of each of its voyages in turn (-1: none) and the hour
     * before which each may not start loading; and each hull's priority for the berths.
     */
    private static final class Genes {
        final int[][] key;
        final double[][] notBefore;
        final double[] prio;

        Genes(int hulls, int rounds) {
            key = new int[hulls][rounds];
            notBefore = new double[hulls][rounds];
            prio = new double[hulls];
            for (int[] k : key) {
                Arrays.fill(k, -1);
            }
        }

        Genes(Genes g) {
            key = new int[g.key.length][];
            notBefore = new double[g.key.length][];
            for (int h = 0; h < g.key.length; h++) {
                key[h] = g.key[h].clone();
                notBefore[h] = g.notBefore[h].clone();
            }
            prio = g.prio.clone();
        }
    }

    /**
     * Voyages that score better than those the working plan has now, in the order to book them, or
     * null when the search found none.
     */
    List<Voyage> improve(Work w, long seed) {
        return improve(w, seed, Progress.NONE);
    }

    /**
     * As {@link #improve(Work, long)}, reporting to {@code p} (phase {@value #PHASE}, from 0 to 1
     * over its runs) and ending the search early, with the best voyages found by then, once {@code
     * p} is cancelled: both every {@value #STOP_EVERY} steps.
     */
    List<Voyage> improve(Work w, long seed, Progress p) {
        int rounds = 1;
        for (int h = 0; h < hType.length; h++) {
            rounds = Math.max(rounds, w.chains.get(hType[h]).get(hTail[h]).size() + 1);
        }
        Genes start = new Genes(hType.length, rounds);
        for (int h = 0; h < hType.length; h++) {
            List<Mis> chain = w.chains.get(hType[h]).get(hTail[h]);
            start.prio[h] = chain.isEmpty() ? md.horizonHour : chain.get(0).t;
            for (int j = 0; j < chain.size(); j++) {
                start.key[h][j] = chain.get(j).key;
                start.notBefore[h][j] = chain.get(j).t;
            }
        }
        double startCost = score(start, null, null);
        double visits = 0;
        for (int h = 0; h < hType.length; h++) {
            for (int k : keysOf[hType[h]]) {
                visits += keyOrder[k].length / (double) Math.max(1, keysOf[hType[h]].length);
            }
        }
        visits = Math.max(1.0, visits * rounds);
        double most = Math.min(MAX_STEPS, (double) STEPS_PER_HULL * hType.length);
        int steps = (int) Math.max(MIN_STEPS, Math.min(most, WORK / visits));
        SplittableRandom rnd = new SplittableRandom(seed);
        double seaWeight = 0;
        for (int i : seaLines) {
            seaWeight += md.weight[i];
        }
        double t0 = HEAT * seaWeight + 1.0;
        // runs: the first, and the restarts the work limit holds (the loop below)
        int runs = 1 + (int) Math.max(0, Math.min(RESTARTS, Math.floor(WORK / visits / steps) - 1));
        Found best = anneal(start, startCost, steps, rounds, t0, rnd, p.part(0, 1.0 / runs));
        // another run only where the work limit holds it: small scenarios, whose runs are cut
        // short by the steps per hull; at generated L and XL the first run takes the whole limit
        for (int r = 0;
                r < RESTARTS
                        && (r + 2.0) * steps <= WORK / visits
                        && !p.cancelled()
                        && leftBehind(best.genes()) > Work.EPS;
                r++) {
            Found again =
                    anneal(
                            start,
                            startCost,
                            steps,
                            rounds,
                            t0,
                            rnd,
                            p.part((r + 1.0) / runs, 1.0 / runs));
            if (again.cost() < best.cost() - 1e-6) {
                best = again;
            }
        }
        if (best.cost() >= startCost - 1e-6) {
            return null;
        }
        List<Voyage> out = new ArrayList<>();
        score(best.genes(), out, null);
        return out;
    }

    /** A sea plan the annealing found, with its score. */
    private record Found(Genes genes, double cost) {}

    /** The phase the search reports. */
    static final String PHASE = "voyage search";

    /** How many annealing steps run between two reports and asks whether to stop. */
    static final int STOP_EVERY = 256;

    /**
     * One annealing run of {@code steps} changes from {@code start}; the best plan it met, by the
     * time {@code p} was cancelled if it was.
     */
    private Found anneal(
            Genes start,
            double startCost,
            int steps,
            int rounds,
            double t0,
            SplittableRandom rnd,
            Progress p) {
        Genes cur = start;
        double curCost = startCost;
        Genes best = cur;
        double bestCost = curCost;
        for (int s = 0; s < steps; s++) {
            if (s % STOP_EVERY == 0) {
                if (p.cancelled()) {
                    break;
                }
                p.update((double) s / steps, PHASE);
            }
            Genes g = new Genes(cur);
            mutate(g, rnd, rounds);
            double c = score(g, null, null);
            double temp = t0 * (1.0 - (double) s / steps);
            if (c <= curCost || rnd.nextDouble() < Math.exp((curCost - c) / temp)) {
                cur = g;
                curCost = c;
                if (c < bestCost - 1e-6) {
                    best = g;
                    bestCost = c;
                }
            }
        }
        return new Found(best, bestCost);
    }

    /** The ston-equivalents a sea plan leaves behind on the quick model. */
    private double leftBehind(Genes g) {
        double[] left = new double[1];
        score(g, null, left);
        return left[0];
    }

    private void mutate(Genes g, SplittableRandom rnd, int rounds) {
        int n = hType.length;
        int h = rnd.nextInt(n);
        int j = rnd.nextInt(rounds);
        int[] ks = keysOf[hType[h]];
        double m = rnd.nextDouble();
        if (m < 0.3 && ks.length > 0) {
            g.key[h][j] = rnd.nextInt(10) == 0 ? -1 : ks[rnd.nextInt(ks.length)];
        } else if (m < 0.55) {
            int o = rnd.nextInt(n);
            int a = g.key[h][j];
            int b = g.key[o][j];
            if (fits(hType[o], a) && fits(hType[h], b)) {
                g.key[h][j] = b;
                g.key[o][j] = a;
                double x = g.notBefore[h][j];
                g.notBefore[h][j] = g.notBefore[o][j];
                g.notBefore[o][j] = x;
            }
        } else if (m < 0.75) {
            int o = rnd.nextInt(n);
            double x = g.prio[h];
            g.prio[h] = g.prio[o];
            g.prio[o] = x;
        } else if (rnd.nextInt(4) == 0) {
            g.notBefore[h][j] = 0;
        } else if (rnd.nextBoolean() && g.key[h][j] >= 0 && kAvail[g.key[h][j]] != null) {
            // wait for a line of the channel: a voyage loads what is ready when its onload starts,
            // so the waits worth trying are the hours lines become ready
            double[] ready = kAvail[g.key[h][j]];
            g.notBefore[h][j] = ready[rnd.nextInt(ready.length)];
        } else {
            g.notBefore[h][j] = Math.max(0, g.notBefore[h][j] + 48.0 * (2 * rnd.nextDouble() - 1));
        }
    }

    private boolean fits(int type, int key) {
        return key < 0 || md.routes[type][key].length > 0;
    }

    /**
     * Scores a sea plan: books its voyages round by round (every hull's first voyage in the order
     * of the hulls' priority, then every second one, and so on) at the first hour the hull can be
     * there, not before its wait, with room at every stop; then loads them in sailing order. The
     * score is the late ston-days of what they carry plus what they leave, which counts as unmet.
     * When {@code out} is given, the voyages that load something are added to it in the order they
     * were timed here (round by round, by priority), which is the order {@link
     * Inserter#bookVoyages} must time them in to find the same hours: the first hour with room at a
     * stop depends on the order of the bookings before it (a stay may begin where another ends, but
     * must end a little before the next begins, see {@link Work#PAD}).
     */
    private double score(Genes g, List<Voyage> out, double[] left) {
        int n = hType.length;
        CapacityTimeline[] tl = timelines();
        double[] free = new double[n];
        int[] loc = new int[n];
        for (int h = 0; h < n; h++) {
            LiftType lt = md.types[hType[h]];
            free[h] = 24.0 * lt.availableFromDay();
            loc[h] = md.node(lt.baseNode());
        }
        Integer[] order = new Integer[n];
        for (int h = 0; h < n; h++) {
            order[h] = h;
        }
        Arrays.sort(order, (a, b) -> Double.compare(g.prio[a], g.prio[b]));
        int rounds = g.key[0].length;
        int[] vh = new int[n * rounds];
        int[] vk = new int[n * rounds];
        RouteTpl[] vr = new RouteTpl[n * rounds];
        double[] vt = new double[n * rounds];
        int nv = 0;
        for (int j = 0; j < rounds; j++) {
            for (int h : order) {
                int k = g.key[h][j];
                if (k < 0 || free[h] >= md.horizonHour) {
                    continue;
                }
                int type = hType[h];
                RouteTpl r = md.routes[type][k][0];
                double c = Math.max(g.notBefore[h][j], free[h] + md.flyHours(type, loc[h], r.poe));
                double t = Work.fit(tl, r, c, md.horizonHour, info);
                if (t == Double.POSITIVE_INFINITY || t + r.offDep >= md.horizonHour) {
                    free[h] = md.horizonHour;
                    continue;
                }
                for (int i : r.capStops) {
                    tl[r.node[i]].reserve(t + r.arrOff[i], t + r.depOff[i]);
                }
                free[h] = t + r.offDep;
                loc[h] = r.pod;
                vh[nv] = h;
                vk[nv] = k;
                vr[nv] = r;
                vt[nv] = t;
                nv++;
            }
        }
        Integer[] sail = new Integer[nv];
        for (int v = 0; v < nv; v++) {
            sail[v] = v;
        }
        Arrays.sort(sail, (a, b) -> Double.compare(vt[a], vt[b]));
        int[] count = new int[keyOrder.length];
        for (int v = 0; v < nv; v++) {
            count[vk[v]]++;
        }
        int[][] byKey = new int[keyOrder.length][];
        for (int k = 0; k < keyOrder.length; k++) {
            byKey[k] = new int[count[k]];
            count[k] = 0;
        }
        for (int v : sail) {
            byKey[vk[v]][count[vk[v]]++] = v;
        }
        boolean[] loaded = out == null ? null : new boolean[nv];
        double cost = 0;
        for (int k = 0; k < keyOrder.length; k++) {
            if (kAvail[k] == null) {
                continue;
            }
            int[] vs = byKey[k];
            int[] types = new int[vs.length];
            RouteTpl[] routes = new RouteTpl[vs.length];
            double[] times = new double[vs.length];
            for (int i = 0; i < vs.length; i++) {
                types[i] = hType[vh[vs[i]]];
                routes[i] = vr[vs[i]];
                times[i] = vt[vs[i]];
            }
            boolean[] got = loaded == null ? null : new boolean[vs.length];
            cost +=
                    remember
                            ? memo[k].cost(k, types, routes, times, got, left)
                            : loadChannel(k, types, routes, times, got, left);
            for (int i = 0; got != null && i < vs.length; i++) {
                loaded[vs[i]] = got[i];
            }
        }
        for (int v = 0; out != null && v < nv; v++) {
            if (loaded[v]) {
                out.add(new Voyage(hType[vh[v]], hTail[vh[v]], vk[v], vr[v], vt[v]));
            }
        }
        return cost;
    }

    /**
     * Loads one channel's voyages, given in sailing order by type, route and onload hour, with the
     * channel's ready lines, most urgent first, and returns the late ston-days of what they carry
     * plus what they leave (as unmet). Channels share nothing here, so a sea plan's score is the
     * sum over its channels. When {@code got} is given, marks the voyages that load something.
     */
    private double loadChannel(
            int k, int[] types, RouteTpl[] routes, double[] times, boolean[] got, double[] left) {
        int[] ks = keyOrder[k];
        double[] rk = new double[ks.length];
        Arrays.fill(rk, 1.0);
        double[] av = kAvail[k];
        double[] ea = kEad[k];
        double[] on = kOnward[k];
        double cost = 0;
        int first = 0;
        for (int v = 0; v < types.length; v++) {
            int type = types[v];
            RouteTpl r = routes[v];
            double t = times[v] + Work.EPS;
            double arrival = times[v] + r.offArr + Work.EPS;
            double end = times[v] + r.offDep;
            double last = md.horizonHour - 1e-6 - end;
            double sp = 0;
            double sw = 0;
            double sa = 0;
            boolean loaded = false;
            boolean[] ok = whole[type];
            double[] pst = paxShare[type];
            double[] wst = stonShare[type];
            double[] ast = sqftShare[type];
            while (first < ks.length && rk[first] <= Work.EPS) {
                first++;
            }
            for (int q = first; q < ks.length; q++) {
                if (rk[q] <= Work.EPS
                        || av[q] > t
                        || ea[q] > arrival
                        || on[q] >= last
                        || !ok[ks[q]]) {
                    continue;
                }
                int li = ks[q];
                double ps = pst[li];
                double ws = wst[li];
                double as = ast[li];
                double x = rk[q];
                if (ps + ws > 0) {
                    x = Math.min(x, (1 - sp - sw) / (ps + ws));
                }
                if (ps + as > 0) {
                    x = Math.min(x, (1 - sp - sa) / (ps + as));
                }
                if (x <= 1e-9) {
                    continue;
                }
                rk[q] -= x;
                sp += x * ps;
                sw += x * ws;
                sa += x * as;
                loaded = true;
                int day = (int) Math.floor((end + on[q]) / 24.0);
                cost += x * kWeight[k][q] * Math.max(0, day - kRdd[k][q]);
                if (sp + Math.max(sw, sa) >= 1 - 1e-4) {
                    break;
                }
            }
            if (got != null) {
                got[v] = loaded;
            }
        }
        for (int q = 0; q < ks.length; q++) {
            if (rk[q] > Work.EPS) {
                cost += rk[q] * kWeight[k][q] * (UNMET + md.horizonDays - kRdd[k][q]);
                if (left != null) {
                    left[0] += rk[q] * kWeight[k][q];
                }
            }
        }
        return cost;
    }

    /**
     * The costs of a channel's last two distinct voyage lists. A step changes one hull's decision,
     * which moves the voyages of a few channels only; the others score as before without loading
     * them again. Lists are compared whole, so a remembered cost is exactly the one loading gives.
     */
    private final class Memo {
        private final int[][] types = new int[2][];
        private final RouteTpl[][] routes = new RouteTpl[2][];
        private final double[][] times = new double[2][];
        private final double[] costs = new double[2];
        private int next;

        double cost(int k, int[] ty, RouteTpl[] ro, double[] ti, boolean[] got, double[] left) {
            if (got == null && left == null) {
                for (int s = 0; s < 2; s++) {
                    if (same(s, ty, ro, ti)) {
                        next = 1 - s;
                        return costs[s];
                    }
                }
            }
            double c = loadChannel(k, ty, ro, ti, got, left);
            types[next] = ty;
            routes[next] = ro;
            times[next] = ti;
            costs[next] = c;
            next = 1 - next;
            return c;
        }

        private boolean same(int s, int[] ty, RouteTpl[] ro, double[] ti) {
            if (types[s] == null || types[s].length != ty.length) {
                return false;
            }
            for (int i = 0; i < ty.length; i++) {
                if (types[s][i] != ty[i] || routes[s][i] != ro[i] || times[s][i] != ti[i]) {
                    return false;
                }
            }
            return true;
        }
    }

    /** Fresh berth timelines for the nodes the sea routes stop at. */
    private CapacityTimeline[] timelines() {
        CapacityTimeline[] tl = new CapacityTimeline[md.nodes.length];
        for (int node : seaNodes) {
            tl[node] = new CapacityTimeline(md.nodeCapacity[node], md.minStay[node]);
        }
        return tl;
    }
}
