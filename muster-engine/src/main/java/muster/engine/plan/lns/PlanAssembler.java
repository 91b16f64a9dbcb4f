package muster.engine.plan.lns;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import muster.engine.explain.LateCauses;
import muster.engine.plan.lns.Work.Ld;
import muster.engine.plan.lns.Work.Mis;
import muster.model.Activity;
import muster.model.CargoClass;
import muster.model.LineMode;
import muster.model.LineResult;
import muster.model.Load;
import muster.model.LoadCargo;
import muster.model.Measures;
import muster.model.Mission;
import muster.model.Plan;
import muster.model.PlannerInfo;
import muster.model.RequirementLine;
import muster.model.Stop;
import muster.model.Unmet;

/**
 * Turns the working plan into a {@link Plan}: missions with their stops and loads, the result of
 * each line and the measures of the movement model. Why each late line is late is worked out from
 * the finished plan by {@link LateCauses}, as for every planner's plans.
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
                unmet.addAll(lineUnmet);
            }
            int cDay = closure == null ? -1 : (int) Math.floor(closure / 24.0);
            closureDay = Math.max(closureDay, deliveredDay);
            // the closure counts every load, also the ones that arrive after the horizon (unmet)
            int lateDays = Math.max(0, cDay - rdd);
            if (lateDays > 0) {
                lateUlns++;
            } else {
                onTime++;
            }
            results.add(new LineResult(l.uln(), podArrival, closure, cDay, lateDays, null));
        }
        Measures measures = new Measures(closureDay, lateSD, lateUlns, onTime, unmet);
        Plan plan =
                new Plan(
                        md.scenario.name(),
                        new PlannerInfo(name, version, 0.0, seed),
                        measures,
                        null,
                        missions,
                        results,
                        List.of());
        return LateCauses.explain(md.scenario, plan);
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
}
