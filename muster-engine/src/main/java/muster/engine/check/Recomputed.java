package muster.engine.check;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import muster.model.CargoClass;
import muster.model.CargoEntry;
import muster.model.LineMode;
import muster.model.LineResult;
import muster.model.LoadCargo;
import muster.model.Measures;
import muster.model.Node;
import muster.model.RequirementLine;
import muster.model.Unmet;

/**
 * The measures of the movement model, recomputed from the scenario and the plan's missions alone.
 *
 * <p>Definitions (H = {@code horizonDays}, W = {@code paxWeightStons}):
 *
 * <ul>
 *   <li>A load of line L reaches its destination at hour {@code a = offload.depart +
 *       handlingHours(L.pod) + hours(L.pod → L.destination)} (rule 9), on day {@code floor(a /
 *       24)}. It is delivered when that day is at most H-1, otherwise it is unmet.
 *   <li>A LAND line reaches its destination at hour {@code 24·rld + hours(origin → destination)},
 *       all of it at once.
 *   <li>Line result: {@code podArrival} the latest OFFLOAD depart of its loads (null for LAND or no
 *       loads); {@code closure} the latest arrival hour over all its loads, delivered or not (null
 *       when it has no loads); {@code closureDay = floor(closure / 24)} or -1; {@code lateDays =
 *       max(0, closureDay - rdd)}, as the movement model writes it, also when part of the line is
 *       unmet (its closure is then the hour its last load arrives, after the horizon).
 *   <li>Unmet, per line and class: the line's amount (pax for PAX, else stons) less what was
 *       delivered, when more than 1e-6. Amounts never loaded at all count as unmet too.
 *   <li>{@code lateStonDays}: over each load, {@code (stons + pax·W) · max(0, min(day, H) - rdd)};
 *       plus, for amounts never loaded, {@code weight · max(0, H - rdd)}. A line's late ston-days
 *       are the same sum over its own loads and amounts, so the lines' figures add up to the
 *       plan's.
 *   <li>{@code closureDay}: the latest day over delivered loads and delivered LAND lines; -1 when
 *       nothing is delivered. {@code lateUlns}: lines with {@code lateDays > 0} or any unmet;
 *       {@code onTimeUlns}: the rest.
 * </ul>
 */
final class Recomputed {
    final Measures measures;
    final List<LineResult> lines;

    /** Each line's late ston-days, by ULN in scenario order; they add up to the plan's. */
    final Map<String, Double> lateStonDaysByLine;

    /** Per line, whether the road from POD to destination (or origin to destination) is missing. */
    final List<String> noOnwardRoad = new ArrayList<>();

    Recomputed(CheckContext ctx) {
        int h = ctx.horizonDays();
        double w = ctx.paxWeight();
        List<LineResult> results = new ArrayList<>();
        List<Unmet> unmet = new ArrayList<>();
        Map<String, Double> byLine = new LinkedHashMap<>();
        double lateStonDays = 0;
        int closureDay = -1;
        int lateUlns = 0;
        for (RequirementLine l : ctx.scenario.requirements()) {
            Map<CargoClass, Double> amount = amounts(l);
            Map<CargoClass, Double> delivered = new EnumMap<>(CargoClass.class);
            Map<CargoClass, Double> loaded = new EnumMap<>(CargoClass.class);
            Double podArrival = null;
            Double closure = null;
            double lineLate = 0;
            if (l.mode() == LineMode.LAND) {
                OptionalDouble road = ctx.net.landHours(l.origin(), l.destination());
                if (road.isEmpty()) {
                    noOnwardRoad.add(l.uln());
                } else {
                    double a = 24.0 * l.rld() + road.getAsDouble();
                    closure = a;
                    int day = (int) Math.floor(a / 24.0);
                    loaded.putAll(amount);
                    if (day <= h - 1) {
                        delivered.putAll(amount);
                        closureDay = Math.max(closureDay, day);
                    }
                    double late = l.weight(w) * Math.max(0, Math.min(day, h) - l.rdd());
                    lateStonDays += late;
                    lineLate += late;
                }
            } else {
                Node pod = ctx.net.node(l.pod());
                double handling = pod == null ? 0 : pod.handlingHours();
                OptionalDouble road =
                        l.pod() == null
                                ? OptionalDouble.empty()
                                : ctx.net.landHours(l.pod(), l.destination());
                if (road.isEmpty()) {
                    noOnwardRoad.add(l.uln());
                }
                for (CheckContext.LoadRef r : ctx.loadsOf(l.uln())) {
                    double dep = r.m().stops().get(r.load().off()).depart();
                    double a = dep + handling + road.orElse(0);
                    podArrival = podArrival == null ? dep : Math.max(podArrival, dep);
                    closure = closure == null ? a : Math.max(closure, a);
                    int day = (int) Math.floor(a / 24.0);
                    boolean in = day <= h - 1;
                    double lw = r.load().pax() * w;
                    add(loaded, CargoClass.PAX, r.load().pax());
                    if (in) {
                        add(delivered, CargoClass.PAX, r.load().pax());
                    }
                    for (LoadCargo c : r.load().cargo()) {
                        if (c == null || c.cargoClass() == null) {
                            continue;
                        }
                        lw += c.stons();
                        add(loaded, c.cargoClass(), c.stons());
                        if (in) {
                            add(delivered, c.cargoClass(), c.stons());
                        }
                    }
                    if (in) {
                        closureDay = Math.max(closureDay, day);
                    }
                    double late = lw * Math.max(0, Math.min(day, h) - l.rdd());
                    lateStonDays += late;
                    lineLate += late;
                }
            }
            boolean anyUnmet = false;
            for (Map.Entry<CargoClass, Double> e : amount.entrySet()) {
                double left = e.getValue() - delivered.getOrDefault(e.getKey(), 0.0);
                if (left > CheckContext.AMOUNT_TOL) {
                    anyUnmet = true;
                    unmet.add(new Unmet(l.uln(), e.getKey(), left));
                }
                double never = e.getValue() - loaded.getOrDefault(e.getKey(), 0.0);
                if (never > CheckContext.AMOUNT_TOL) {
                    double perUnit = e.getKey() == CargoClass.PAX ? w : 1.0;
                    double late = never * perUnit * Math.max(0, h - l.rdd());
                    lateStonDays += late;
                    lineLate += late;
                }
            }
            byLine.put(l.uln(), lineLate);
            int lineDay = closure == null ? -1 : (int) Math.floor(closure / 24.0);
            int lateDays = Math.max(0, lineDay - l.rdd());
            if (lateDays > 0 || anyUnmet) {
                lateUlns++;
            }
            results.add(new LineResult(l.uln(), podArrival, closure, lineDay, lateDays, null));
        }
        int onTime = ctx.scenario.requirements().size() - lateUlns;
        this.measures = new Measures(closureDay, lateStonDays, lateUlns, onTime, unmet);
        this.lines = results;
        this.lateStonDaysByLine = Collections.unmodifiableMap(byLine);
    }

    /** A line's amounts by class: pax under PAX, stons under each cargo class; zero left out. */
    static Map<CargoClass, Double> amounts(RequirementLine l) {
        Map<CargoClass, Double> m = new EnumMap<>(CargoClass.class);
        if (l.pax() > 0) {
            m.put(CargoClass.PAX, (double) l.pax());
        }
        for (CargoEntry e : l.cargo()) {
            if (e.stons() > 0) {
                m.merge(e.cargoClass(), e.stons(), Double::sum);
            }
        }
        return m;
    }

    private static void add(Map<CargoClass, Double> m, CargoClass c, double x) {
        if (x != 0) {
            m.merge(c, x, Double::sum);
        }
    }
}
