package muster.engine.plan.lns;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import muster.engine.plan.lns.Model.RouteTpl;
import muster.engine.plan.lns.Work.Ld;
import muster.engine.plan.lns.Work.Mis;
import muster.model.Activity;
import muster.model.CargoClass;
import muster.model.Constraint;
import muster.model.LiftType;
import muster.model.LineMode;
import muster.model.LineResult;
import muster.model.Load;
import muster.model.LoadCargo;
import muster.model.Measures;
import muster.model.Mission;
import muster.model.NodeKind;
import muster.model.Plan;
import muster.model.PlannerInfo;
import muster.model.RequirementLine;
import muster.model.Stop;
import muster.model.Unmet;

/**
 * Turns the working plan into a {@link Plan}: missions with their stops and loads, the result of
 * each line, the measures of the movement model, and the explanations. A late load's late ston-days
 * are charged first to the line's EAD or ready date (the days it would be late even with unlimited
 * lift of the types that can take it, and room), then to the range (RANGE), then to the fleet of a
 * faster type where the type it went on could not make up the days (FLEET), the rest to the longest
 * wait recorded when the load was placed: for a free tail of its lift type or for its mission to
 * take on more cargo (FLEET), for ground room at a named node (MOG or BERTHS), or for the longer
 * route its type's range forced (RANGE). Unmet load is charged to the horizon.
 */
final class PlanAssembler {
    private PlanAssembler() {}

    static Plan assemble(Model md, Work w, String name, String version, long seed) {
        List<Mis> all = new ArrayList<>();
        for (List<List<Mis>> byTail : w.chains) {
            for (List<Mis> chain : byTail) {
                all.addAll(chain);
            }
        }
        all.sort(
                Comparator.<Mis>comparingDouble(m -> m.startTime)
                        .thenComparingInt(m -> m.type)
                        .thenComparingInt(m -> m.tail));
        List<Mission> missions = new ArrayList<>(all.size());
        int id = 1;
        for (Mis m : all) {
            missions.add(mission(md, m, "M" + id++));
        }

        Blame blame = new Blame(md);
        List<LineResult> results = new ArrayList<>(md.lines.length);
        List<Unmet> unmet = new ArrayList<>();
        double lateSD = 0;
        int closureDay = -1;
        int lateUlns = 0;
        int onTime = 0;
        for (int li = 0; li < md.lines.length; li++) {
            RequirementLine l = md.lines[li];
            int rdd = l.rdd();
            Double podArrival = null;
            Double closure = null;
            List<Unmet> lineUnmet = new ArrayList<>();
            LineBlame lb = new LineBlame();
            int deliveredDay = -1;
            int paxIn = 0;
            double[] rem = new double[Model.CLASSES];
            if (l.mode() == LineMode.LAND) {
                double c = md.landClosure[li];
                closure = c;
                if (c < md.horizonHour) {
                    int day = (int) Math.floor(c / 24.0);
                    deliveredDay = day;
                    lateSD += md.weight[li] * Math.max(0, day - rdd);
                    if (day > rdd) {
                        lb.charge(
                                "READY_DATE",
                                l.uln(),
                                day,
                                day,
                                md.weight[li] * (day - rdd),
                                String.format(
                                        Locale.ROOT,
                                        "ready date: leaves %s on day %d and the road or rail move"
                                                + " takes %.1f h, so it closes day %d after RDD %d",
                                        l.origin(),
                                        l.rld(),
                                        c - 24.0 * l.rld(),
                                        day,
                                        rdd));
                    }
                } else {
                    rem = md.stons[li].clone();
                    addUnmet(lineUnmet, l.uln(), l.pax(), rem);
                }
            } else {
                double[] stIn = new double[Model.CLASSES];
                for (Ld ld : w.lineLoads.get(li)) {
                    double end = ld.m.end();
                    podArrival = podArrival == null ? end : Math.max(podArrival, end);
                    closure = closure == null ? ld.closure : Math.max(closure, ld.closure);
                    if (ld.closure >= md.horizonHour) {
                        continue; // after the horizon: unmet, charged below
                    }
                    paxIn += ld.pax;
                    for (int c = 0; c < Model.CLASSES; c++) {
                        stIn[c] += ld.st[c];
                    }
                    int day = (int) Math.floor(ld.closure / 24.0);
                    deliveredDay = Math.max(deliveredDay, day);
                    double wt = ld.stons() + ld.pax * md.paxWeight;
                    int late = Math.max(0, day - rdd);
                    lateSD += wt * late;
                    if (late > 0) {
                        blame.charge(lb, li, ld, wt, late, day);
                    }
                }
                for (int c = 0; c < Model.CLASSES; c++) {
                    rem[c] = md.stons[li][c] - stIn[c];
                }
                addUnmet(lineUnmet, l.uln(), l.pax() - paxIn, rem);
            }
            double unmetW = 0;
            for (Unmet u : lineUnmet) {
                unmetW += u.cargoClass() == CargoClass.PAX ? u.amount() * md.paxWeight : u.amount();
            }
            if (!lineUnmet.isEmpty()) {
                int late = md.horizonDays - rdd;
                lateSD += unmetW * late;
                lb.charge(
                        "HORIZON",
                        "day " + (md.horizonDays - 1),
                        md.horizonDays - 1,
                        md.horizonDays - 1,
                        unmetW * late,
                        "horizon: "
                                + describe(lineUnmet)
                                + " could not reach "
                                + l.destination()
                                + " by the end of day "
                                + (md.horizonDays - 1)
                                + unmetWhy(md, li, l.pax() - paxIn, rem));
                unmet.addAll(lineUnmet);
            }
            int cDay = closure == null ? -1 : (int) Math.floor(closure / 24.0);
            closureDay = Math.max(closureDay, deliveredDay);
            // the closure counts every load, also the ones that arrive after the horizon (unmet)
            int lateDays = Math.max(0, cDay - rdd);
            String reason = null;
            if (lateDays > 0) {
                lateUlns++;
                reason = lb.reason();
                if (reason == null) {
                    reason = "late by " + lateDays + " days";
                }
                blame.fold(lb);
            } else {
                onTime++;
            }
            results.add(new LineResult(l.uln(), podArrival, closure, cDay, lateDays, reason));
        }
        Measures measures = new Measures(closureDay, lateSD, lateUlns, onTime, unmet);
        return new Plan(
                md.scenario.name(),
                new PlannerInfo(name, version, 0.0, seed),
                measures,
                null,
                missions,
                results,
                blame.ranking());
    }

    /** Why {@code pax} people and {@code rem} stons of line {@code li} are past the horizon. */
    private static String unmetWhy(Model md, int li, int pax, double[] rem) {
        if (md.key[li] < 0) {
            return " even with unlimited lift (ready too late)"; // a LAND line closes when it can
        }
        Model.Ideal ideal = md.ideal(li, pax, rem, false, false);
        if (ideal.closure >= md.horizonHour) {
            return ideal.byEad
                    ? " even with unlimited lift (its EAD is too late)"
                    : " even with unlimited lift (ready too late)";
        }
        Model.Ideal fleet = md.ideal(li, pax, rem, false, true);
        if (fleet.closure >= md.horizonHour) {
            int t = fleet.type;
            if (t < 0) {
                return " (no lift type that can carry it has a route within range)";
            }
            LiftType lt = md.types[t];
            return String.format(
                    Locale.ROOT,
                    " (no tail that can carry it is available in time: the first, of %s, is"
                            + " available from day %d at %s)",
                    lt.id(),
                    lt.availableFromDay(),
                    lt.baseNode());
        }
        return " (lift and ground room were taken until then)";
    }

    private static void addUnmet(List<Unmet> out, String uln, int pax, double[] stons) {
        if (pax > 0) {
            out.add(new Unmet(uln, CargoClass.PAX, pax));
        }
        for (int c = 0; c < Model.CLASSES; c++) {
            if (stons[c] > 1e-6) {
                out.add(new Unmet(uln, CargoClass.values()[c], stons[c]));
            }
        }
    }

    private static String describe(List<Unmet> u) {
        List<String> parts = new ArrayList<>();
        for (Unmet x : u) {
            parts.add(
                    x.cargoClass() == CargoClass.PAX
                            ? String.format(Locale.ROOT, "%.0f pax", x.amount())
                            : stons(x.amount()) + " stons " + x.cargoClass());
        }
        return String.join(", ", parts);
    }

    /** Short tons to a thousandth, without trailing zeros: 40, 12.5, 0.125. */
    static String stons(double v) {
        return new java.math.BigDecimal(String.format(Locale.ROOT, "%.3f", v))
                .stripTrailingZeros()
                .toPlainString();
    }

    private static Mission mission(Model md, Mis m, String id) {
        List<Stop> stops = new ArrayList<>(m.r.node.length + 1);
        stops.add(new Stop(md.nodes[m.startNode].id(), Activity.START, m.startTime, m.startTime));
        for (int i = 0; i < m.r.node.length; i++) {
            stops.add(
                    new Stop(
                            md.nodes[m.r.node[i]].id(),
                            m.r.act[i],
                            m.t + m.r.arrOff[i],
                            m.t + m.r.depOff[i]));
        }
        List<Load> loads = new ArrayList<>(m.loads.size());
        for (Ld ld : m.loads) {
            List<LoadCargo> cargo = new ArrayList<>();
            for (int c = 0; c < Model.CLASSES; c++) {
                if (ld.st[c] > 0) {
                    cargo.add(new LoadCargo(CargoClass.values()[c], ld.st[c]));
                }
            }
            loads.add(new Load(md.lines[ld.line].uln(), ld.pax, cargo, 1, stops.size() - 1));
        }
        return new Mission(id, md.types[m.type].id(), m.tail, stops, loads);
    }

    /** What made one line late, cause by cause. */
    private static final class LineBlame {
        final Map<String, double[]> cost = new LinkedHashMap<>();
        final Map<String, TreeSet<Integer>> days = new LinkedHashMap<>();
        final Map<String, String> text = new LinkedHashMap<>();
        final Map<String, Double> hours = new LinkedHashMap<>();
        final Map<String, String[]> kindSubject = new LinkedHashMap<>();

        void charge(String kind, String subject, int dayFrom, int dayTo, double sd, String why) {
            charge(kind, subject, dayFrom, dayTo, sd, why, 0);
        }

        /**
         * Charges {@code sd} late ston-days to a cause; of the loads charged to one cause the text
         * kept is that of the load that waited longest ({@code waited} hours), so that a line whose
         * later loads waited days is not told of its first load's few hours.
         */
        void charge(
                String kind,
                String subject,
                int dayFrom,
                int dayTo,
                double sd,
                String why,
                double waited) {
            String k = kind + "\u0000" + subject;
            cost.computeIfAbsent(k, x -> new double[1])[0] += sd;
            TreeSet<Integer> d = days.computeIfAbsent(k, x -> new TreeSet<>());
            for (int i = Math.max(0, dayFrom); i <= dayTo && i - dayFrom < 400; i++) {
                d.add(i);
            }
            if (!text.containsKey(k) || waited > hours.get(k)) {
                text.put(k, why);
                hours.put(k, waited);
            }
            kindSubject.putIfAbsent(k, new String[] {kind, subject});
        }

        String reason() {
            String top = null;
            for (Map.Entry<String, double[]> e : cost.entrySet()) {
                if (top == null || e.getValue()[0] > cost.get(top)[0] + 1e-9) {
                    top = e.getKey();
                }
            }
            if (top == null) {
                return null;
            }
            String base = text.get(top);
            if (kindSubject.get(top)[0].equals("MOG")
                    || kindSubject.get(top)[0].equals("BERTHS")
                    || kindSubject.get(top)[0].equals("FLEET")) {
                base = base.replace("{days}", ranges(days.get(top)));
            }
            return base;
        }
    }

    /** Charges late ston-days to causes and ranks them over the whole plan. */
    private static final class Blame {
        final Model md;
        final Map<String, double[]> cost = new LinkedHashMap<>();
        final Map<String, TreeSet<Integer>> days = new LinkedHashMap<>();
        final Map<String, int[]> lines = new LinkedHashMap<>();
        final Map<String, String[]> kindSubject = new LinkedHashMap<>();

        Blame(Model md) {
            this.md = md;
        }

        void charge(LineBlame lb, int li, Ld ld, double wt, int late, int day) {
            RequirementLine l = md.lines[li];
            // what this load holds, on types that can take it: a line's people may fly on an
            // airliner that takes none of its cargo
            Model.Ideal best = md.ideal(li, ld.pax, ld.st, false, false);
            Model.Ideal any = md.ideal(li, ld.pax, ld.st, true, false);
            int idealDay =
                    best.closure == Double.POSITIVE_INFINITY
                            ? Integer.MAX_VALUE
                            : (int) Math.floor(best.closure / 24.0);
            int anyDay =
                    any.closure == Double.POSITIVE_INFINITY
                            ? idealDay
                            : (int) Math.floor(any.closure / 24.0);
            int ready = Math.min(late, Math.max(0, Math.min(anyDay, idealDay) - l.rdd()));
            int forced = Math.min(late - ready, Math.max(0, idealDay - l.rdd()) - ready);
            if (forced > 0) {
                String rt = md.types[ld.m.type].id();
                lb.charge(
                        "RANGE",
                        rt,
                        day,
                        day,
                        wt * forced,
                        String.format(
                                Locale.ROOT,
                                "range of %s: no route from %s to %s within its range goes without"
                                        + " en-route stops, which cost %d days",
                                rt,
                                l.poe(),
                                l.pod(),
                                forced));
            }
            if (ready > 0) {
                // the line's own dates: its EAD where the earliest arrival holds it, else the
                // hour it is ready at the POE
                boolean ead = best.byEad;
                lb.charge(
                        ead ? "EAD" : "READY_DATE",
                        l.uln(),
                        day,
                        day,
                        wt * ready,
                        ead
                                ? String.format(
                                        Locale.ROOT,
                                        "EAD: it may not reach %s before day %d; even with"
                                                + " unlimited lift it could not close before day"
                                                + " %d, after RDD %d",
                                        l.pod(),
                                        l.ead(),
                                        idealDay,
                                        l.rdd())
                                : String.format(
                                        Locale.ROOT,
                                        "ready date: available at %s from hour %.1f (day %d);"
                                                + " with the fastest movement from there, even"
                                                + " with unlimited lift, it could not close before"
                                                + " day %d, after RDD %d",
                                        l.poe(),
                                        md.avail[li],
                                        (int) Math.floor(md.avail[li] / 24.0),
                                        idealDay,
                                        l.rdd()));
            }
            // the days its own type could not make up, however soon it had loaded: a faster type
            // that can take the load would have closed it sooner
            int used = ld.m.type;
            double usedBest = Double.POSITIVE_INFINITY;
            for (RouteTpl r : md.routes[used][md.key[li]]) {
                double onAt = Math.max(md.avail[li], md.eadHour[li] - r.offArr);
                usedBest = Math.min(usedBest, onAt + r.offDep + md.onward[li]);
            }
            int usedDay =
                    usedBest == Double.POSITIVE_INFINITY
                            ? Integer.MAX_VALUE
                            : (int) Math.floor(usedBest / 24.0);
            int slow =
                    Math.max(
                            0,
                            Math.min(
                                    late - ready - Math.max(0, forced),
                                    Math.max(0, usedDay - l.rdd()) - ready - Math.max(0, forced)));
            if (slow > 0 && best.type >= 0 && best.type != used) {
                String fast = md.types[best.type].id();
                double t0 = Math.max(md.avail[li], md.eadHour[li] - ld.m.r.offArr);
                lb.charge(
                        "FLEET",
                        fast,
                        dayOf(t0),
                        dayOf(ld.m.t),
                        wt * slow,
                        String.format(
                                Locale.ROOT,
                                "fleet of %s on days {days}: it went on a %s, which could not close"
                                        + " it before day %d, where a %s could have by day %d",
                                fast,
                                md.types[used].id(),
                                usedDay,
                                fast,
                                idealDay));
            } else {
                slow = 0;
            }
            int rest = late - ready - Math.max(0, forced) - slow;
            if (rest <= 0) {
                return;
            }
            double sd = wt * rest;
            String type = md.types[ld.fleetType >= 0 ? ld.fleetType : ld.m.type].id();
            if (ld.capWait > 0 && ld.capWait >= ld.fleetWait && ld.capWait >= ld.rangeWait) {
                String node = md.nodes[ld.capNode].id();
                boolean air = md.nodes[ld.capNode].kind() == NodeKind.AIRFIELD;
                String kind = air ? "MOG" : "BERTHS";
                lb.charge(
                        kind,
                        node,
                        dayOf(ld.capFrom),
                        dayOf(ld.capTo),
                        sd,
                        String.format(
                                Locale.ROOT,
                                "%s at %s on days {days}: loads waited %.1f h for %s there (%s %d)",
                                air ? "MOG" : "berths",
                                node,
                                ld.capWait,
                                air ? "a ground slot" : "a berth",
                                air ? "MOG" : "berths",
                                md.nodeCapacity[ld.capNode]),
                        ld.capWait);
            } else if (ld.rangeWait > 0 && ld.rangeWait >= ld.fleetWait) {
                String rt = md.types[ld.rangeType].id();
                lb.charge(
                        "RANGE",
                        rt,
                        day,
                        day,
                        sd,
                        String.format(
                                Locale.ROOT,
                                "range of %s: its range forces a route with en-route stops from"
                                        + " %s to %s that takes %.1f h longer",
                                rt,
                                l.poe(),
                                l.pod(),
                                ld.rangeWait),
                        ld.rangeWait);
            } else {
                lb.charge(
                        "FLEET",
                        type,
                        dayOf(ld.fleetFrom),
                        dayOf(ld.fleetFrom + ld.fleetWait),
                        sd,
                        ld.holdWait >= 0.05
                                ? String.format(
                                        Locale.ROOT,
                                        "fleet of %s on days {days}: loads waited %.1f h for a %s"
                                                + " to sail, %.1f h of it while the one that took"
                                                + " them waited for more cargo",
                                        type,
                                        ld.fleetWait,
                                        type,
                                        ld.holdWait)
                                : String.format(
                                        Locale.ROOT,
                                        "fleet of %s on days {days}: loads waited %.1f h for a free"
                                                + " %s",
                                        type,
                                        ld.fleetWait,
                                        type),
                        ld.fleetWait);
            }
        }

        static int dayOf(double h) {
            return (int) Math.floor(h / 24.0);
        }

        void fold(LineBlame lb) {
            for (Map.Entry<String, double[]> e : lb.cost.entrySet()) {
                String k = e.getKey();
                cost.computeIfAbsent(k, x -> new double[1])[0] += e.getValue()[0];
                days.computeIfAbsent(k, x -> new TreeSet<>()).addAll(lb.days.get(k));
                lines.computeIfAbsent(k, x -> new int[1])[0]++;
                kindSubject.putIfAbsent(k, lb.kindSubject.get(k));
            }
        }

        List<Constraint> ranking() {
            List<Constraint> out = new ArrayList<>();
            for (Map.Entry<String, double[]> e : cost.entrySet()) {
                String[] ks = kindSubject.get(e.getKey());
                out.add(
                        new Constraint(
                                ks[0],
                                ks[1],
                                ranges(days.get(e.getKey())),
                                e.getValue()[0],
                                lines.get(e.getKey())[0]));
            }
            out.sort(
                    Comparator.comparingDouble(Constraint::lateStonDays)
                            .reversed()
                            .thenComparing(Constraint::kind)
                            .thenComparing(Constraint::subject));
            return out;
        }
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
