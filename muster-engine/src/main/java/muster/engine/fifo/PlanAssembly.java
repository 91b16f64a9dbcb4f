package muster.engine.fifo;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import muster.engine.bound.LineTimes;
import muster.engine.explain.LateCauses;
import muster.model.CargoClass;
import muster.model.CargoEntry;
import muster.model.LineMode;
import muster.model.LineResult;
import muster.model.Load;
import muster.model.LoadCargo;
import muster.model.LowerBound;
import muster.model.Measures;
import muster.model.Mission;
import muster.model.Network;
import muster.model.Plan;
import muster.model.PlannerInfo;
import muster.model.RequirementLine;
import muster.model.Scenario;
import muster.model.Stop;
import muster.model.Unmet;

/**
 * Turns a list of missions into a plan: orders and numbers the missions and derives the measures of
 * the movement model (closure, lateness, unmet load) from them, and why each late line is late
 * ({@link LateCauses}).
 */
public final class PlanAssembly {
    /** Amounts below this are treated as zero when reporting unmet load. */
    static final double EPS = 1e-6;

    private PlanAssembly() {}

    /** A mission before it has its final id. */
    public record Draft(String lift, int tail, List<Stop> stops, List<Load> loads) {}

    public static Plan assemble(
            Scenario scenario, List<Draft> drafts, PlannerInfo info, LowerBound bound) {
        Network net = new Network(scenario);
        List<Draft> sorted = new ArrayList<>(drafts);
        sorted.sort(
                Comparator.comparingDouble((Draft d) -> d.stops().get(0).arrive())
                        .thenComparing(Draft::lift)
                        .thenComparingInt(Draft::tail));
        List<Mission> missions = new ArrayList<>(sorted.size());
        for (int i = 0; i < sorted.size(); i++) {
            Draft d = sorted.get(i);
            missions.add(new Mission("M" + (i + 1), d.lift(), d.tail(), d.stops(), d.loads()));
        }
        Plan plan =
                new Plan(
                        scenario.name(),
                        info,
                        measure(scenario, net, missions, new ArrayList<>()),
                        bound,
                        missions,
                        lineResults(scenario, net, missions),
                        List.of());
        return LateCauses.explain(scenario, plan);
    }

    private static final class LineAcc {
        double podArrival = Double.NEGATIVE_INFINITY;
        double closure = Double.NEGATIVE_INFINITY;
        double deliveredClosure = Double.NEGATIVE_INFINITY;
        int deliveredPax;
        final Map<CargoClass, Double> deliveredStons = new EnumMap<>(CargoClass.class);
        double lateStonDays;
    }

    private static Map<String, LineAcc> accumulate(
            Scenario s, Network net, List<Mission> missions) {
        int horizon = s.planning().horizonDays();
        double pw = s.planning().paxWeightStons();
        Map<String, LineAcc> acc = new HashMap<>();
        for (RequirementLine l : s.requirements()) {
            LineAcc a = new LineAcc();
            acc.put(l.uln(), a);
            if (l.mode() == LineMode.LAND) {
                double c = LineTimes.landClosureHour(net, l);
                a.closure = c;
                if (c < 24.0 * horizon) {
                    a.deliveredClosure = c;
                    a.deliveredPax = l.pax();
                    for (CargoEntry e : l.cargo()) {
                        a.deliveredStons.merge(e.cargoClass(), e.stons(), Double::sum);
                    }
                    a.lateStonDays +=
                            l.weight(pw) * Math.max(0, (int) Math.floor(c / 24.0) - l.rdd());
                }
            }
        }
        for (Mission m : missions) {
            for (Load ld : m.loads()) {
                RequirementLine l = net.line(ld.uln());
                LineAcc a = acc.get(ld.uln());
                double off = m.stops().get(ld.off()).depart();
                double c = off + LineTimes.onwardHours(net, l);
                a.podArrival = Math.max(a.podArrival, off);
                a.closure = Math.max(a.closure, c);
                if (c >= 24.0 * horizon) {
                    continue; // arrives after the horizon: reported as unmet below
                }
                a.deliveredClosure = Math.max(a.deliveredClosure, c);
                a.deliveredPax += ld.pax();
                for (LoadCargo lc : ld.cargo()) {
                    a.deliveredStons.merge(lc.cargoClass(), lc.stons(), Double::sum);
                }
                double w = ld.stons() + ld.pax() * pw;
                a.lateStonDays += w * Math.max(0, (int) Math.floor(c / 24.0) - l.rdd());
            }
        }
        // unmet load counts as reaching the destination on day horizonDays
        for (RequirementLine l : s.requirements()) {
            LineAcc a = acc.get(l.uln());
            int lateDays = Math.max(0, horizon - l.rdd());
            a.lateStonDays += lateDays * Math.max(0, l.pax() - a.deliveredPax) * pw;
            for (CargoEntry e : l.cargo()) {
                double left = e.stons() - a.deliveredStons.getOrDefault(e.cargoClass(), 0.0);
                if (left > EPS) {
                    a.lateStonDays += lateDays * left;
                }
            }
        }
        return acc;
    }

    static List<Unmet> unmetOf(RequirementLine l, LineAcc a) {
        List<Unmet> out = new ArrayList<>();
        if (l.pax() - a.deliveredPax > 0) {
            out.add(new Unmet(l.uln(), CargoClass.PAX, l.pax() - a.deliveredPax));
        }
        for (CargoEntry e : l.cargo()) {
            double left = e.stons() - a.deliveredStons.getOrDefault(e.cargoClass(), 0.0);
            if (left > EPS) {
                out.add(new Unmet(l.uln(), e.cargoClass(), left));
            }
        }
        return out;
    }

    private static Measures measure(
            Scenario s, Network net, List<Mission> missions, List<Unmet> unmet) {
        Map<String, LineAcc> acc = accumulate(s, net, missions);
        int closureDay = -1;
        double late = 0;
        int lateUlns = 0;
        int onTime = 0;
        for (RequirementLine l : s.requirements()) {
            LineAcc a = acc.get(l.uln());
            List<Unmet> u = unmetOf(l, a);
            unmet.addAll(u);
            late += a.lateStonDays;
            int day =
                    a.deliveredClosure > Double.NEGATIVE_INFINITY
                            ? (int) Math.floor(a.deliveredClosure / 24)
                            : -1;
            closureDay = Math.max(closureDay, day);
            if (!u.isEmpty() || day > l.rdd()) {
                lateUlns++;
            } else {
                onTime++;
            }
        }
        return new Measures(closureDay, late, lateUlns, onTime, unmet);
    }

    private static List<LineResult> lineResults(Scenario s, Network net, List<Mission> missions) {
        Map<String, LineAcc> acc = accumulate(s, net, missions);
        List<LineResult> out = new ArrayList<>();
        for (RequirementLine l : s.requirements()) {
            LineAcc a = acc.get(l.uln());
            Double pod = a.podArrival > Double.NEGATIVE_INFINITY ? a.podArrival : null;
            Double closure = a.closure > Double.NEGATIVE_INFINITY ? a.closure : null;
            int day = closure == null ? -1 : (int) Math.floor(closure / 24);
            int lateDays = Math.max(0, day - l.rdd());
            out.add(new LineResult(l.uln(), pod, closure, day, lateDays, null));
        }
        return out;
    }
}
