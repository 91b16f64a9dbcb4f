package muster.engine.explain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import muster.engine.bound.EarliestArrival;
import muster.engine.bound.LineTimes;
import muster.engine.plan.CapacityTimeline;
import muster.model.Activity;
import muster.model.CargoClass;
import muster.model.CargoEntry;
import muster.model.Constraint;
import muster.model.LiftMode;
import muster.model.LiftType;
import muster.model.LineMode;
import muster.model.LineResult;
import muster.model.Load;
import muster.model.LoadCargo;
import muster.model.Mission;
import muster.model.Network;
import muster.model.Node;
import muster.model.NodeKind;
import muster.model.Plan;
import muster.model.RequirementLine;
import muster.model.Route;
import muster.model.Scenario;
import muster.model.Stop;

/**
 * Why each late line of a finished plan is late, worked out from the plan's missions and the
 * scenario alone, so that one plan gets the same causes whichever planner made it (docs/planner.md,
 * "Why a line is late", defines each cause).
 *
 * <p>Each late load's late days are split in two. The days it would be late even moved alone at the
 * earliest the rules allow (the earliest arrival of docs/bounds.md, step 2) are its own timing's,
 * charged to the larger of its dates ({@code READY_DATE}, {@code EAD}, or {@code FLEET} where the
 * first tail of the quickest type cannot be at the POE sooner), its road and rail legs ({@code
 * ROAD_RAIL}) and a range limit ({@code RANGE}). The rest the plan added, charged to what the load
 * waited for with every other mission as planned: ground room at a node ({@code MOG}, {@code
 * BERTHS}), a free tail of a type that can carry it ({@code FLEET}), or nothing the scenario
 * forced, where a free tail and room were there and the plan sent it later ({@code HELD}). Load the
 * plan carries on no mission is charged to the {@code HORIZON}. A late line's cause is the one
 * charged the most of its late ston-days.
 */
public final class LateCauses {
    public static final String READY_DATE = "READY_DATE";
    public static final String EAD = "EAD";
    public static final String ROAD_RAIL = "ROAD_RAIL";
    public static final String RANGE = "RANGE";
    public static final String FLEET = "FLEET";
    public static final String MOG = "MOG";
    public static final String BERTHS = "BERTHS";
    public static final String HELD = "HELD";
    public static final String HORIZON = "HORIZON";

    /** The kinds, in the order that breaks a tie between two causes of one line. */
    static final List<String> KINDS =
            List.of(READY_DATE, EAD, ROAD_RAIL, RANGE, FLEET, MOG, BERTHS, HELD, HORIZON);

    /** Hours within which two times are taken as one (the checker's time tolerance). */
    static final double EPS = 1e-6;

    /** Most alternations between room and tails in a search for both, per route. */
    private static final int MAX_ROUNDS = 10_000;

    private LateCauses() {}

    /**
     * The cause of one late line.
     *
     * @param kind one of the kinds above
     * @param subject the line, lift type, node, or road ("B → CAMP") it concerns
     * @param reason the text a planner reads
     */
    public record Cause(String kind, String subject, String reason) {}

    /**
     * The causes of a plan.
     *
     * @param lines each late line's cause by ULN, in scenario order; on-time lines are absent
     * @param ranking every cause charged over the plan, most late ston-days first
     */
    public record Result(Map<String, Cause> lines, List<Constraint> ranking) {
        public Result {
            lines = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(lines));
            ranking = List.copyOf(ranking);
        }
    }

    /**
     * The plan with each line's reason (null for a line on time) and the binding constraints worked
     * out from its missions; every other field as it was.
     */
    public static Plan explain(Scenario s, Plan plan) {
        Result r = analyse(s, plan.missions());
        List<LineResult> lines = new ArrayList<>(plan.lines().size());
        for (LineResult l : plan.lines()) {
            Cause c = r.lines().get(l.uln());
            lines.add(
                    new LineResult(
                            l.uln(),
                            l.podArrival(),
                            l.closure(),
                            l.closureDay(),
                            l.lateDays(),
                            c == null ? null : c.reason()));
        }
        return plan.withLines(lines, r.ranking());
    }

    /** The causes of the late lines of a plan made of these missions, for a valid scenario. */
    public static Result analyse(Scenario s, List<Mission> missions) {
        return new Analysis(s, missions).run();
    }

    /** One tail's missions in time order, for the hours it was free between them. */
    private static final class Tail {
        final LiftType type;
        final List<Integer> missions = new ArrayList<>();
        double[] begin;
        double[] end;
        String[] startNode;
        String[] endNode;

        Tail(LiftType type) {
            this.type = type;
        }
    }

    /** One way a load could go: a lift type and route, its stops timed from the onload's start. */
    private static final class Way {
        LiftType type;
        Route route;
        String[] nodes;
        double[] arrive;
        double[] ground;

        /** Hours from the onload's start to the offload's end. */
        double core;

        /** The earliest onload start the rules allow for the load alone. */
        double start;
    }

    /** The quickest way of a load's slowest part, for the text of its own timing. */
    private record Chain(
            double closure, LiftType type, Route route, double ready, double tailAt, double reach) {
        static final Chain NONE =
                new Chain(Double.POSITIVE_INFINITY, null, null, 0, 0, Double.POSITIVE_INFINITY);
    }

    /** The cause of a line's or load's own late days, the days it names, and its text. */
    private record OwnCause(String kind, String subject, int dayFrom, int dayTo, String text) {}

    /** What one cause cost one line. */
    private static final class Charge {
        final String kind;
        final String subject;
        double stonDays;
        long loadDays;
        final TreeSet<Integer> days = new TreeSet<>();
        String text;
        double textWeight = Double.NEGATIVE_INFINITY;

        Charge(String kind, String subject) {
            this.kind = kind;
            this.subject = subject;
        }
    }

    private static final class LineAcc {
        final Map<String, Charge> charges = new LinkedHashMap<>();
        int unmetPax;
        final double[] unmetStons = new double[CargoClass.values().length];

        void charge(
                String kind,
                String subject,
                double stonDays,
                int lateDays,
                int dayFrom,
                int dayTo,
                String text,
                double textWeight) {
            Charge c =
                    charges.computeIfAbsent(
                            kind + "\u0000" + subject, k -> new Charge(kind, subject));
            c.stonDays += stonDays;
            c.loadDays += lateDays;
            for (int d = Math.max(0, dayFrom); d <= dayTo && d - dayFrom < 400; d++) {
                c.days.add(d);
            }
            if (textWeight > c.textWeight) {
                c.text = text;
                c.textWeight = textWeight;
            }
        }

        /** Charges all {@code days} of a load of {@code weight} stons to a cause of its own. */
        void chargeOwn(OwnCause c, double weight, int days) {
            charge(
                    c.kind(),
                    c.subject(),
                    weight * days,
                    days,
                    c.dayFrom(),
                    c.dayTo(),
                    c.text(),
                    days);
        }

        Charge top() {
            Charge best = null;
            for (Charge c : charges.values()) {
                if (best == null || before(c, best)) {
                    best = c;
                }
            }
            return best;
        }

        private static boolean before(Charge a, Charge b) {
            double tol = 1e-9 * Math.max(1, Math.max(a.stonDays, b.stonDays));
            if (Math.abs(a.stonDays - b.stonDays) > tol) {
                return a.stonDays > b.stonDays;
            }
            if (a.loadDays != b.loadDays) {
                return a.loadDays > b.loadDays;
            }
            int ka = KINDS.indexOf(a.kind);
            int kb = KINDS.indexOf(b.kind);
            if (ka != kb) {
                return ka < kb;
            }
            return a.subject.compareTo(b.subject) < 0;
        }
    }

    private static final class Analysis {
        final Scenario s;
        final Network net;
        final EarliestArrival ea;
        final int horizon;
        final double endHour;
        final double pw;
        final List<Mission> missions;
        final LiftType[] typeOf;
        final Tail[] tailOf;
        final int[] posOf;
        final Map<String, Tail[]> tails = new HashMap<>();
        final Map<String, CapacityTimeline> ground = new HashMap<>();
        final Map<String, List<int[]>> loadsOf = new HashMap<>();
        final Map<String, double[]> pushed = new LinkedHashMap<>();

        Analysis(Scenario s, List<Mission> missions) {
            this.s = s;
            this.ea = new EarliestArrival(s);
            this.net = ea.network();
            this.horizon = s.planning().horizonDays();
            this.endHour = 24.0 * horizon;
            this.pw = s.planning().paxWeightStons();
            this.missions = missions;
            int n = missions.size();
            typeOf = new LiftType[n];
            tailOf = new Tail[n];
            posOf = new int[n];
            for (LiftType t : s.lift()) {
                Tail[] ts = new Tail[t.count()];
                for (int k = 0; k < ts.length; k++) {
                    ts[k] = new Tail(t);
                }
                tails.putIfAbsent(t.id(), ts);
            }
            for (Node node : s.nodes()) {
                ground.put(node.id(), CapacityTimeline.of(node, s.lift()));
            }
            // the loads of a line in a fixed order, whatever order the plan lists its missions
            // in, so that the same missions add up to the same figures
            List<Integer> order = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                order.add(i);
            }
            order.sort(
                    Comparator.<Integer>comparingDouble(i -> begin(missions.get(i)))
                            .thenComparing(i -> missions.get(i).lift())
                            .thenComparingInt(i -> missions.get(i).tail())
                            .thenComparingDouble(i -> end(missions.get(i)))
                            .thenComparing(i -> missions.get(i).id()));
            for (int i : order) {
                Mission m = missions.get(i);
                typeOf[i] = net.liftType(m.lift());
                Tail[] ts = tails.get(m.lift());
                if (ts != null && m.tail() >= 0 && m.tail() < ts.length && !m.stops().isEmpty()) {
                    tailOf[i] = ts[m.tail()];
                    tailOf[i].missions.add(i);
                }
                room(m, true);
                for (int k = 0; k < m.loads().size(); k++) {
                    loadsOf.computeIfAbsent(m.loads().get(k).uln(), x -> new ArrayList<>())
                            .add(new int[] {i, k});
                }
            }
            for (Tail[] ts : tails.values()) {
                for (Tail t : ts) {
                    t.missions.sort(
                            Comparator.<Integer>comparingDouble(i -> missions.get(i).begin())
                                    .thenComparingDouble(i -> missions.get(i).end())
                                    .thenComparingInt(i -> i));
                    int k = t.missions.size();
                    t.begin = new double[k];
                    t.end = new double[k];
                    t.startNode = new String[k];
                    t.endNode = new String[k];
                    for (int j = 0; j < k; j++) {
                        Mission m = missions.get(t.missions.get(j));
                        posOf[t.missions.get(j)] = j;
                        t.begin[j] = m.begin();
                        t.end[j] = m.end();
                        t.startNode[j] = m.stops().get(0).node();
                        t.endNode[j] = m.stops().get(m.stops().size() - 1).node();
                    }
                }
            }
        }

        private static double begin(Mission m) {
            return m.stops().isEmpty() ? 0 : m.begin();
        }

        private static double end(Mission m) {
            return m.stops().isEmpty() ? 0 : m.end();
        }

        /** Books (or frees) the ground room a mission's stops take under rule 8. */
        private void room(Mission m, boolean take) {
            for (Stop st : m.stops()) {
                if (st.activity() == Activity.START || st.depart() - st.arrive() <= EPS) {
                    continue;
                }
                CapacityTimeline tl = ground.get(st.node());
                if (tl == null) {
                    continue;
                }
                if (take) {
                    tl.reserve(st.arrive(), st.depart());
                } else {
                    tl.release(st.arrive(), st.depart());
                }
            }
        }

        Result run() {
            Map<String, Cause> out = new LinkedHashMap<>();
            Map<String, Charge> all = new LinkedHashMap<>();
            Map<String, int[]> lineCount = new HashMap<>();
            for (RequirementLine l : s.requirements()) {
                LineAcc acc = new LineAcc();
                if (l.mode() == LineMode.LAND) {
                    land(l, acc);
                } else {
                    moved(l, acc);
                }
                Charge top = acc.top();
                if (top == null) {
                    continue;
                }
                String text = top.text.replace("{days}", ranges(top.days));
                text += unmetNote(l, acc);
                out.put(l.uln(), new Cause(top.kind, top.subject, text));
                for (Map.Entry<String, Charge> e : acc.charges.entrySet()) {
                    Charge c = e.getValue();
                    Charge g = all.computeIfAbsent(e.getKey(), k -> new Charge(c.kind, c.subject));
                    g.stonDays += c.stonDays;
                    g.days.addAll(c.days);
                    lineCount.computeIfAbsent(e.getKey(), k -> new int[1])[0]++;
                }
            }
            List<Constraint> ranking = new ArrayList<>();
            for (Map.Entry<String, Charge> e : all.entrySet()) {
                Charge c = e.getValue();
                ranking.add(
                        new Constraint(
                                c.kind,
                                c.subject,
                                ranges(c.days),
                                c.stonDays,
                                lineCount.get(e.getKey())[0]));
            }
            ranking.sort(
                    Comparator.comparingDouble(Constraint::lateStonDays)
                            .reversed()
                            .thenComparing(Constraint::kind)
                            .thenComparing(Constraint::subject));
            return new Result(out, ranking);
        }

        int dayCap(double hour) {
            return hour >= endHour ? horizon : (int) Math.floor(hour / 24.0);
        }

        /** A LAND line leaves its origin on day rld and closes when the road or rail move ends. */
        private void land(RequirementLine l, LineAcc acc) {
            double closure = LineTimes.landClosureHour(net, l);
            int day = dayCap(closure);
            int late = day - l.rdd();
            if (late <= 0) {
                return;
            }
            if (closure >= endHour) {
                acc.unmetPax = l.pax();
                for (CargoEntry e : l.cargo()) {
                    acc.unmetStons[e.cargoClass().ordinal()] += e.stons();
                }
            }
            acc.chargeOwn(landTiming(l, closure, late), l.weight(pw), late);
        }

        /**
         * The cause of a LAND line's late days: its road or rail, or its RLD where that holds more.
         */
        private OwnCause landTiming(RequirementLine l, double closure, int late) {
            double road = net.landHours(l.origin(), l.destination()).orElse(0.0);
            int day = dayCap(closure);
            int byDate = Math.max(0, Math.min(late, dayCap(24.0 * l.rld()) - l.rdd()));
            String closes =
                    closure >= endHour
                            ? String.format(
                                    Locale.ROOT,
                                    "so it is not at %s by the end of day %d",
                                    l.destination(),
                                    horizon - 1)
                            : String.format(
                                    Locale.ROOT, "closing on day %d, after RDD %d", day, l.rdd());
            if (late - byDate > byDate) {
                return new OwnCause(
                        ROAD_RAIL,
                        l.origin() + " → " + l.destination(),
                        day,
                        day,
                        String.format(
                                Locale.ROOT,
                                "road or rail: it leaves %s on day %d and takes %.1f h to %s, %s;"
                                        + " with no time on the way it would close on day %d",
                                l.origin(),
                                l.rld(),
                                road,
                                l.destination(),
                                closes,
                                l.rld()));
            }
            return new OwnCause(
                    READY_DATE,
                    l.uln(),
                    day,
                    day,
                    String.format(
                            Locale.ROOT,
                            "ready date: it leaves %s on day %d (RLD) and takes %.1f h by road"
                                    + " or rail to %s, %s",
                            l.origin(),
                            l.rld(),
                            road,
                            l.destination(),
                            closes));
        }

        /** An AIR or SEA line: each late load, then what no load carries. */
        private void moved(RequirementLine l, LineAcc acc) {
            double onward = LineTimes.onwardHours(net, l);
            int carriedPax = 0;
            double[] carried = new double[CargoClass.values().length];
            for (int[] at : loadsOf.getOrDefault(l.uln(), List.of())) {
                Mission m = missions.get(at[0]);
                Load ld = m.loads().get(at[1]);
                carriedPax += ld.pax();
                for (LoadCargo c : ld.cargo()) {
                    carried[c.cargoClass().ordinal()] += c.stons();
                }
                if (ld.off() < 0 || ld.off() >= m.stops().size()) {
                    continue;
                }
                double closure = m.stops().get(ld.off()).depart() + onward;
                if (closure >= endHour) {
                    acc.unmetPax += ld.pax();
                    for (LoadCargo c : ld.cargo()) {
                        acc.unmetStons[c.cargoClass().ordinal()] += c.stons();
                    }
                }
                int late = dayCap(closure) - l.rdd();
                if (late > 0) {
                    load(l, acc, at[0], ld, closure, late);
                }
            }
            // load the plan carries on no mission: it never arrives
            int leftPax = Math.max(0, l.pax() - carriedPax);
            double leftWeight = leftPax * pw;
            double[] left = new double[carried.length];
            for (CargoEntry e : l.cargo()) {
                double x = e.stons() - carried[e.cargoClass().ordinal()];
                if (x > 1e-6) {
                    left[e.cargoClass().ordinal()] = x;
                    leftWeight += x;
                }
            }
            if (leftPax > 0 || leftWeight > 1e-6) {
                acc.unmetPax += leftPax;
                for (int c = 0; c < left.length; c++) {
                    acc.unmetStons[c] += left[c];
                }
                int late = horizon - l.rdd();
                acc.charge(
                        HORIZON,
                        "day " + (horizon - 1),
                        leftWeight * late,
                        late,
                        horizon - 1,
                        horizon - 1,
                        "horizon: the plan carries part of it on no mission",
                        late);
            }
        }

        /** Charges one late load's days: its own timing's first, then what the plan added. */
        private void load(
                RequirementLine l, LineAcc acc, int mi, Load ld, double closure, int late) {
            Set<CargoClass> parts = EnumSet.noneOf(CargoClass.class);
            if (ld.pax() > 0) {
                parts.add(CargoClass.PAX);
            }
            for (LoadCargo c : ld.cargo()) {
                if (c.stons() > 0) {
                    parts.add(c.cargoClass());
                }
            }
            if (parts.isEmpty()) {
                return;
            }
            double w = ld.stons() + ld.pax() * pw;
            int day = dayCap(closure);
            Chain own = chain(l, parts, true, true);
            double limit = Math.min(closure, endHour);
            double earliest = Math.min(own.closure, endHour);
            int ownDays =
                    limit - earliest <= EPS
                            ? late
                            : Math.max(0, Math.min(late, dayCap(own.closure) - l.rdd()));
            if (ownDays > 0) {
                acc.chargeOwn(ownTiming(l, parts, own, ownDays, day), w, ownDays);
            }
            int planDays = late - ownDays;
            if (planDays > 0) {
                planned(l, acc, mi, ld, parts, earliest, limit, w, planDays, day);
            }
        }

        /**
         * The earliest closure of a load of these parts (docs/bounds.md, step 2: each part on the
         * type that closes it first; the load when its last part could), with or without its road
         * and rail hours and its types' range; and that part's quickest way.
         */
        private Chain chain(
                RequirementLine l, Set<CargoClass> parts, boolean roads, boolean range) {
            double ready =
                    roads
                            ? LineTimes.readyHour(net, l)
                            : Math.max(24.0 * l.ald(), 24.0 * l.rld())
                                    + net.node(l.poe()).handlingHours();
            double onward =
                    roads ? LineTimes.onwardHours(net, l) : net.node(l.pod()).handlingHours();
            LiftMode mode = l.mode().liftMode();
            Chain worst = null;
            for (CargoClass p : parts) {
                Chain best = Chain.NONE;
                for (LiftType t : s.lift()) {
                    if (t.mode() != mode || !t.canTake(p)) {
                        continue;
                    }
                    double tailAt = ea.firstTailAt(t, l.poe());
                    for (Route r : net.channels(mode, l.poe(), l.pod())) {
                        if (range && !EarliestArrival.inRange(net, t, r)) {
                            continue;
                        }
                        double reach =
                                Math.max(ready, tailAt)
                                        + t.groundHours().onload()
                                        + EarliestArrival.transitHours(net, t, r);
                        double c =
                                Math.max(reach, 24.0 * l.ead())
                                        + t.groundHours().offload()
                                        + onward;
                        // among equally quick ways, one the load's own dates hold comes first
                        if (c < best.closure - 1e-9
                                || (c <= best.closure + 1e-9
                                        && tailAt <= ready
                                        && best.tailAt > best.ready)) {
                            best = new Chain(c, t, r, ready, tailAt, reach);
                        }
                    }
                }
                if (worst == null || best.closure > worst.closure + 1e-9) {
                    worst = best;
                }
            }
            return worst == null ? Chain.NONE : worst;
        }

        private String closes(RequirementLine l, double hour) {
            int d = dayCap(hour);
            return d >= horizon
                    ? String.format(
                            Locale.ROOT,
                            "could not reach %s by the end of day %d",
                            l.destination(),
                            horizon - 1)
                    : String.format(
                            Locale.ROOT, "could not close before day %d, after RDD %d", d, l.rdd());
        }

        /**
         * The cause of the days a load would be late moved alone at its earliest: of its road, its
         * types' range and its own dates, the one that holds it longest.
         */
        private OwnCause ownTiming(
                RequirementLine l, Set<CargoClass> parts, Chain own, int ownDays, int day) {
            int rdd = l.rdd();
            Chain noRoad = chain(l, parts, false, true);
            Chain noRange = chain(l, parts, true, false);
            Chain neither = chain(l, parts, false, false);
            int roadDays = ownDays - clamp(dayCap(noRoad.closure) - rdd, ownDays);
            int rangeDays = ownDays - clamp(dayCap(noRange.closure) - rdd, ownDays);
            int dateDays = clamp(dayCap(neither.closure) - rdd, ownDays);
            if (roadDays > dateDays && roadDays >= rangeDays) {
                // the road to the POE counts for the hours it holds the line past its ALD
                double in = own.ready - noRoad.ready;
                double out = net.landHours(l.pod(), l.destination()).orElse(0.0);
                boolean outward = out >= in;
                String subject =
                        outward ? l.pod() + " → " + l.destination() : l.origin() + " → " + l.poe();
                StringBuilder legs = new StringBuilder();
                if (out > 0) {
                    legs.append(leg(out, l.pod(), l.destination()));
                }
                if (in > 0) {
                    legs.append(legs.length() > 0 ? " and " : "")
                            .append(
                                    leg(
                                            net.landHours(l.origin(), l.poe()).orElse(0.0),
                                            l.origin(),
                                            l.poe()));
                }
                return new OwnCause(
                        ROAD_RAIL,
                        subject,
                        day,
                        day,
                        String.format(
                                Locale.ROOT,
                                "road or rail: %s; even moved at once it %s, where with no time"
                                        + " on the road it could close by day %d",
                                legs,
                                closes(l, own.closure),
                                dayCap(noRoad.closure)));
            }
            if (rangeDays > dateDays) {
                LiftType t = noRange.type;
                return new OwnCause(
                        RANGE,
                        t.id(),
                        day,
                        day,
                        String.format(
                                Locale.ROOT,
                                "range of %s: no route from %s to %s within its %.0f nm is as"
                                        + " quick as %s; even moved at once it %s, where on that"
                                        + " route it could close by day %d",
                                t.id(),
                                l.poe(),
                                l.pod(),
                                t.rangeNm(),
                                via(noRange.route),
                                closes(l, own.closure),
                                dayCap(noRange.closure)));
            }
            if (own.type != null && 24.0 * l.ead() > own.reach + 1e-9) {
                return new OwnCause(
                        EAD,
                        l.uln(),
                        day,
                        day,
                        String.format(
                                Locale.ROOT,
                                "EAD: it may not reach %s before day %d; even moved at once it %s",
                                l.pod(),
                                l.ead(),
                                closes(l, own.closure)));
            }
            if (own.type != null && own.tailAt > own.ready + 1e-9) {
                LiftType t = own.type;
                return new OwnCause(
                        FLEET,
                        t.id(),
                        dayCap(own.ready),
                        dayCap(own.tailAt),
                        String.format(
                                Locale.ROOT,
                                "fleet of %s: no %s, the type that could close it first, can be"
                                        + " at %s before hour %.1f (available from day %d at %s);"
                                        + " even loaded then it %s",
                                t.id(),
                                t.id(),
                                l.poe(),
                                own.tailAt,
                                t.availableFromDay(),
                                t.baseNode(),
                                closes(l, own.closure)));
            }
            return new OwnCause(
                    READY_DATE,
                    l.uln(),
                    day,
                    day,
                    String.format(
                            Locale.ROOT,
                            "ready date: at %s from hour %.1f (day %d); even moved at once"
                                    + " on the quickest %s it %s",
                            l.poe(),
                            own.ready,
                            dayCap(own.ready),
                            own.type == null ? "lift" : own.type.id(),
                            closes(l, own.closure)));
        }

        private static String leg(double hours, String from, String to) {
            return String.format(Locale.ROOT, "%.1f h from %s to %s", hours, from, to);
        }

        private static int clamp(int days, int max) {
            return Math.max(0, Math.min(max, days));
        }

        private static String via(Route r) {
            List<String> p = r.points();
            return p.size() <= 2
                    ? "the direct one"
                    : "the one via " + String.join(", ", p.subList(1, p.size() - 1));
        }

        /**
         * The ways a load could go: every type that carries each of its parts, every route in
         * range.
         */
        private List<Way> ways(RequirementLine l, Set<CargoClass> parts, double ready) {
            LiftMode mode = l.mode().liftMode();
            List<Way> out = new ArrayList<>();
            for (LiftType t : s.lift()) {
                if (t.mode() != mode) {
                    continue;
                }
                boolean all = true;
                for (CargoClass p : parts) {
                    all &= t.canTake(p);
                }
                if (!all) {
                    continue;
                }
                double tailAt = ea.firstTailAt(t, l.poe());
                for (Route r : net.channels(mode, l.poe(), l.pod())) {
                    if (!EarliestArrival.inRange(net, t, r)) {
                        continue;
                    }
                    List<String> pts = r.points();
                    Way wy = new Way();
                    wy.type = t;
                    wy.route = r;
                    wy.nodes = pts.toArray(new String[0]);
                    wy.arrive = new double[pts.size()];
                    wy.ground = new double[pts.size()];
                    double clock = 0;
                    for (int i = 0; i < pts.size(); i++) {
                        if (i > 0) {
                            clock += net.legNm(r, i - 1) / t.speedKnots();
                        }
                        wy.arrive[i] = clock;
                        wy.ground[i] =
                                i == 0
                                        ? t.groundHours().onload()
                                        : i == pts.size() - 1
                                                ? t.groundHours().offload()
                                                : t.groundHours().enroute();
                        clock += wy.ground[i];
                    }
                    wy.core = clock;
                    wy.start =
                            Math.max(
                                    Math.max(ready, tailAt),
                                    24.0 * l.ead() - wy.arrive[pts.size() - 1]);
                    out.add(wy);
                }
            }
            return out;
        }

        /**
         * The days the plan added to a load: what it waited for with every other mission as
         * planned. With tails to spare it would have closed at {@code room}, with ground room to
         * spare at {@code fleet}, with both as the plan leaves them at {@code both}; what it took
         * beyond {@code both} the plan chose.
         */
        private void planned(
                RequirementLine l,
                LineAcc acc,
                int mi,
                Load ld,
                Set<CargoClass> parts,
                double earliest,
                double limit,
                double w,
                int planDays,
                int day) {
            Mission m = missions.get(mi);
            LiftType used = typeOf[mi];
            double onward = LineTimes.onwardHours(net, l);
            double ready = LineTimes.readyHour(net, l);
            double loaded =
                    ld.on() >= 0 && ld.on() < m.stops().size()
                            ? m.stops().get(ld.on()).depart()
                                    - (used == null ? 0 : used.groundHours().onload())
                            : begin(m);
            List<Way> ways = ways(l, parts, ready);
            double base = limit;
            Way quickest = null;
            for (Way wy : ways) {
                double c = wy.start + wy.core + onward;
                if (c < base - 1e-9
                        || (c <= base + 1e-9
                                && quickest != null
                                && wy.type == used
                                && quickest.type != used)) {
                    base = Math.min(base, c);
                    quickest = wy;
                }
            }
            base = Math.max(base, earliest);
            double room = limit;
            double fleet = limit;
            double both = limit;
            Way roomWay = null;
            Way bothWay = null;
            double bothStart = loaded;
            room(m, false);
            for (Way wy : ways) {
                double sLim = limit - wy.core - onward;
                if (wy.start > sLim + EPS) {
                    continue;
                }
                double r = roomFit(wy, wy.start, sLim, false);
                if (r + wy.core + onward < room) {
                    room = r + wy.core + onward;
                    roomWay = wy;
                }
                double t = tailFit(wy, wy.start, sLim, mi);
                fleet = Math.min(fleet, t + wy.core + onward);
                double b = bothFit(wy, wy.start, sLim, mi);
                if (b + wy.core + onward < both) {
                    both = b + wy.core + onward;
                    bothWay = wy;
                    bothStart = b;
                }
            }
            pushed.clear();
            // the nodes that held the way that was quickest with room, or else the quickest way
            Way held = roomWay != null ? roomWay : quickest;
            if (held != null) {
                roomFit(held, held.start, limit - held.core - onward, true);
            }
            room(m, true);
            room = Math.max(room, base);
            fleet = Math.max(fleet, base);
            both = Math.max(both, Math.max(room, fleet));
            double roomH = room - base;
            double fleetH = fleet - base;
            double joint = both - Math.max(room, fleet);
            double heldH = (limit - both) + (base - earliest);
            double byRoom = roomH + (roomH >= fleetH - EPS ? joint : 0);
            double byFleet = fleetH + (roomH >= fleetH - EPS ? 0 : joint);
            double sd = w * planDays;
            if (byRoom > EPS && byRoom >= byFleet - EPS && byRoom >= heldH - EPS) {
                String node = null;
                double most = -1;
                double[] span = null;
                for (Map.Entry<String, double[]> e : pushed.entrySet()) {
                    if (e.getValue()[0] > most + 1e-9) {
                        most = e.getValue()[0];
                        node = e.getKey();
                        span = e.getValue();
                    }
                }
                if (node == null) {
                    // no stop was pushed on the quickest way with room: the ways that fit sooner
                    // at every node start later, so the room that held it is the POE's
                    node = l.poe();
                    span = new double[] {0, ready, ready, 0};
                }
                Node n = net.node(node);
                boolean air = n.kind() == NodeKind.AIRFIELD;
                acc.charge(
                        air ? MOG : BERTHS,
                        node,
                        sd,
                        planDays,
                        dayCap(span[1]),
                        // until it was there in the plan, or would have been on that way
                        dayCap(Math.max(span[2], Math.min(limit, loaded + span[3]))),
                        String.format(
                                Locale.ROOT,
                                "%s at %s on days {days}: loads waited %.1f h for %s there (%s %d)",
                                air ? "MOG" : "berths",
                                node,
                                byRoom,
                                air ? "a ground slot" : "a berth",
                                air ? "MOG" : "berths",
                                CapacityTimeline.capacityOf(n)),
                        byRoom);
            } else if (byFleet > EPS && byFleet >= heldH - EPS) {
                LiftType t = quickest == null ? used : quickest.type;
                String type = t == null ? m.lift() : t.id();
                double from = quickest == null ? ready : quickest.start;
                acc.charge(
                        FLEET,
                        type,
                        sd,
                        planDays,
                        dayCap(from),
                        dayCap(Math.max(from, loaded)),
                        t == used || used == null
                                ? String.format(
                                        Locale.ROOT,
                                        "fleet of %s on days {days}: loads waited %.1f h for a"
                                                + " free %s",
                                        type,
                                        byFleet,
                                        type)
                                : String.format(
                                        Locale.ROOT,
                                        "fleet of %s on days {days}: no %s was free when it was"
                                                + " ready, so it went on a %s and closed %.1f h"
                                                + " later than a free %s would have",
                                        type,
                                        type,
                                        used.id(),
                                        limit - base,
                                        type),
                        byFleet);
            } else {
                String type = used == null ? m.lift() : used.id();
                String free =
                        bothWay != null
                                ? bothWay.type.id()
                                : quickest != null ? quickest.type.id() : type;
                acc.charge(
                        HELD,
                        type,
                        sd,
                        planDays,
                        dayCap(Math.min(bothStart, loaded)),
                        dayCap(loaded),
                        String.format(
                                Locale.ROOT,
                                "held on days {days}: it closed %.1f h later than a free %s with"
                                        + " room at every stop could have; its %s (%s) loaded at"
                                        + " hour %.1f%s",
                                heldH,
                                free,
                                type,
                                m.id(),
                                loaded,
                                cargoNote(m, l, bothStart, loaded)),
                        heldH);
            }
        }

        /** Names the line whose cargo a mission waited for, where it loaded as that was ready. */
        private String cargoNote(Mission m, RequirementLine l, double free, double loaded) {
            String uln = null;
            double at = Double.NEGATIVE_INFINITY;
            for (Load o : m.loads()) {
                RequirementLine ol = net.line(o.uln());
                if (ol == null || ol.uln().equals(l.uln())) {
                    continue;
                }
                double r = LineTimes.readyHour(net, ol);
                if (r > at) {
                    at = r;
                    uln = ol.uln();
                }
            }
            if (uln == null || at <= free + EPS || at > loaded + EPS) {
                return "";
            }
            return String.format(
                    Locale.ROOT,
                    ", when the cargo of %s it waited for was ready (hour %.1f)",
                    uln,
                    at);
        }

        /**
         * The earliest onload start from {@code from} at which every stop of the way has ground
         * room; infinity past {@code limit}. With {@code track}, the hours each node pushed it.
         */
        private double roomFit(Way wy, double from, double limit, boolean track) {
            double x = from;
            outer:
            while (x <= limit + EPS) {
                for (int i = 0; i < wy.nodes.length; i++) {
                    double at = x + wy.arrive[i];
                    CapacityTimeline tl = ground.get(wy.nodes[i]);
                    double fit = tl == null ? at : tl.earliestFit(at, wy.ground[i]);
                    if (fit > at) {
                        if (track) {
                            double[] p =
                                    pushed.computeIfAbsent(
                                            wy.nodes[i],
                                            k ->
                                                    new double[] {
                                                        0,
                                                        Double.POSITIVE_INFINITY,
                                                        Double.NEGATIVE_INFINITY,
                                                        Double.POSITIVE_INFINITY
                                                    });
                            p[3] = Math.min(p[3], wy.arrive[i]);
                            // a node with no room at all pushes it past the limit at once
                            double until = Math.min(fit, limit + EPS + wy.arrive[i]);
                            p[0] += Math.max(0, until - at);
                            p[1] = Math.min(p[1], at);
                            p[2] = Math.max(p[2], until);
                        }
                        x += fit - at;
                        continue outer;
                    }
                }
                return x;
            }
            return Double.POSITIVE_INFINITY;
        }

        /**
         * The earliest onload start from {@code from} at which a tail of the way's type is free to
         * fly or sail it: free from the end of its mission before (at that mission's last stop)
         * long enough to get to the POE, fly the way and get to where its next mission starts. The
         * load's own mission ({@code own}) counts as not flown. Infinity past {@code limit}.
         */
        private double tailFit(Way wy, double from, double limit, int own) {
            LiftType t = wy.type;
            Tail[] ts = tails.get(t.id());
            if (ts == null) {
                return Double.POSITIVE_INFINITY;
            }
            String poe = wy.nodes[0];
            String pod = wy.nodes[wy.nodes.length - 1];
            double best = Double.POSITIVE_INFINITY;
            for (Tail tl : ts) {
                int n = tl.begin.length;
                int skip = tailOf[own] == tl ? posOf[own] : -1;
                int next = firstAtOrAfter(tl.begin, from + wy.core - EPS);
                if (next == skip) {
                    next++;
                }
                int prev = next - 1;
                if (prev == skip) {
                    prev--;
                }
                while (true) {
                    double prevEnd = prev < 0 ? 24.0 * t.availableFromDay() : tl.end[prev];
                    if (prevEnd > Math.min(best, limit) + EPS) {
                        break;
                    }
                    String at = prev < 0 ? t.baseNode() : tl.endNode[prev];
                    double x =
                            Math.max(
                                    from, prevEnd + ea.emptyNm(t.mode(), at, poe) / t.speedKnots());
                    if (next >= n
                            || x
                                            + wy.core
                                            + ea.emptyNm(t.mode(), pod, tl.startNode[next])
                                                    / t.speedKnots()
                                    <= tl.begin[next] + EPS) {
                        best = Math.min(best, x);
                        break;
                    }
                    prev = next;
                    next++;
                    if (next == skip) {
                        next++;
                    }
                }
                if (best <= from + EPS) {
                    break;
                }
            }
            return best <= limit + EPS ? best : Double.POSITIVE_INFINITY;
        }

        /** The earliest onload start with both ground room at every stop and a free tail. */
        private double bothFit(Way wy, double from, double limit, int own) {
            double x = from;
            for (int round = 0; round < MAX_ROUNDS; round++) {
                x = roomFit(wy, x, limit, false);
                if (x == Double.POSITIVE_INFINITY) {
                    return x;
                }
                double y = tailFit(wy, x, limit, own);
                if (y <= x + 1e-9) {
                    return x;
                }
                x = y;
            }
            return Double.POSITIVE_INFINITY;
        }

        private static int firstAtOrAfter(double[] a, double v) {
            int lo = 0;
            int hi = a.length;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (a[mid] < v) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            return lo;
        }

        /** What of a line is past the horizon, for its reason. */
        private String unmetNote(RequirementLine l, LineAcc acc) {
            List<String> parts = new ArrayList<>();
            if (acc.unmetPax > 0) {
                parts.add(acc.unmetPax + " pax");
            }
            for (CargoClass c : CargoClass.values()) {
                double x = acc.unmetStons[c.ordinal()];
                if (c != CargoClass.PAX && x > 1e-6) {
                    parts.add(stons(x) + " stons " + c);
                }
            }
            if (parts.isEmpty()) {
                return "";
            }
            return String.format(
                    Locale.ROOT,
                    "; %s not at %s by the end of day %d",
                    String.join(", ", parts),
                    l.destination(),
                    horizon - 1);
        }
    }

    /** Short tons to a thousandth, without trailing zeros: 40, 12.5, 0.125. */
    static String stons(double v) {
        return new java.math.BigDecimal(String.format(Locale.ROOT, "%.3f", v))
                .stripTrailingZeros()
                .toPlainString();
    }

    /** Day numbers as compact ranges, e.g. {@code 3-5,8}. */
    static String ranges(TreeSet<Integer> days) {
        StringBuilder b = new StringBuilder();
        Integer start = null;
        Integer prev = null;
        for (int d : days) {
            if (prev != null && d == prev + 1) {
                prev = d;
                continue;
            }
            if (start != null) {
                append(b, start, prev);
            }
            start = d;
            prev = d;
        }
        if (start != null) {
            append(b, start, prev);
        }
        return b.toString();
    }

    private static void append(StringBuilder b, int from, int to) {
        if (b.length() > 0) {
            b.append(',');
        }
        b.append(from);
        if (to > from) {
            b.append('-').append(to);
        }
    }
}
