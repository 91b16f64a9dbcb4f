package muster.engine.check;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import muster.model.LiftType;
import muster.model.Load;
import muster.model.Mission;
import muster.model.Network;
import muster.model.Plan;
import muster.model.RequirementLine;
import muster.model.Scenario;
import muster.model.Stop;

/**
 * What every rule reads: the scenario, its network, the plan, and indexes over the plan built once.
 * Missions that cannot be read (no stops, unknown lift type or node, times not finite) are marked
 * unusable and left to the form check; loads with unknown lines or bad stop indexes likewise.
 */
final class CheckContext {
    /** Times agree within this many hours. */
    static final double TIME_TOL = 1e-6;

    /** Loads add up to line amounts within this many short tons (or people). */
    static final double AMOUNT_TOL = 1e-6;

    /** Capacity fractions may exceed 1 by this relative amount (rounding of sums). */
    static final double CAPACITY_REL_TOL = 1e-9;

    /** Stated lateStonDays may differ from the recomputed figure by this relative amount. */
    static final double LATE_STON_DAYS_REL_TOL = 1e-6;

    /** A load of a mission, with its line, when the line is known and both indexes are valid. */
    record LoadRef(int mission, int index, Mission m, Load load, RequirementLine line) {}

    final Scenario scenario;
    final Network net;
    final Plan plan;
    final List<Mission> missions;

    /** Lift type of each mission, null when unknown. */
    final LiftType[] lift;

    /** Whether each mission can be read by the rules: stops, lift type, nodes and times known. */
    final boolean[] usable;

    /** Loads of usable missions with known lines and valid indexes, by line, in plan order. */
    final Map<String, List<LoadRef>> loadsByLine = new HashMap<>();

    /** The same loads, in plan order. */
    final List<LoadRef> loads = new ArrayList<>();

    CheckContext(Scenario scenario, Plan plan) {
        this.scenario = scenario;
        this.net = new Network(scenario);
        this.plan = plan;
        this.missions = plan.missions();
        int n = missions.size();
        lift = new LiftType[n];
        usable = new boolean[n];
        for (int i = 0; i < n; i++) {
            Mission m = missions.get(i);
            lift[i] = m.lift() == null ? null : net.liftType(m.lift());
            boolean ok = lift[i] != null && m.stops() != null && !m.stops().isEmpty();
            if (ok) {
                for (Stop s : m.stops()) {
                    if (s == null
                            || s.node() == null
                            || net.node(s.node()) == null
                            || s.activity() == null
                            || !Double.isFinite(s.arrive())
                            || !Double.isFinite(s.depart())) {
                        ok = false;
                        break;
                    }
                }
            }
            usable[i] = ok;
            if (!ok) {
                continue;
            }
            for (int j = 0; j < m.loads().size(); j++) {
                Load l = m.loads().get(j);
                RequirementLine line = l.uln() == null ? null : net.line(l.uln());
                if (line != null && validIndexes(m, l)) {
                    LoadRef r = new LoadRef(i, j, m, l, line);
                    loads.add(r);
                    loadsByLine.computeIfAbsent(line.uln(), k -> new ArrayList<>()).add(r);
                }
            }
        }
    }

    static boolean validIndexes(Mission m, Load l) {
        return l.on() >= 0 && l.off() < m.stops().size() && l.on() < l.off();
    }

    List<LoadRef> loadsOf(String uln) {
        return loadsByLine.getOrDefault(uln, List.of());
    }

    private Recomputed recomputed;

    /** The measures and line results recomputed from the scenario and the missions. */
    Recomputed recomputed() {
        if (recomputed == null) {
            recomputed = new Recomputed(this);
        }
        return recomputed;
    }

    int horizonDays() {
        return scenario.planning().horizonDays();
    }

    double paxWeight() {
        return scenario.planning().paxWeightStons();
    }
}
