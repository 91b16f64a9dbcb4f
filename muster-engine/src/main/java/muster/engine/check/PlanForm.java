package muster.engine.check;

import static muster.engine.check.Violations.n;

import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import muster.model.CargoClass;
import muster.model.LineResult;
import muster.model.Load;
import muster.model.LoadCargo;
import muster.model.Mission;
import muster.model.Stop;

/**
 * The plan's form (not a movement rule): it names the scenario, mission ids are unique, missions
 * are listed by their first stop's arrival, every reference is to a known lift type, node or line,
 * stop times are finite numbers, and each load's {@code on} and {@code off} are stop indexes with
 * {@code on < off}.
 */
final class PlanForm implements MovementRule {
    @Override
    public int number() {
        return Violation.FORM;
    }

    @Override
    public void check(CheckContext ctx, Violations out) {
        int rule = number();
        if (ctx.plan.scenario() != null && !ctx.plan.scenario().equals(ctx.scenario.name())) {
            out.add(
                    rule,
                    null,
                    null,
                    null,
                    "plan is of scenario '"
                            + ctx.plan.scenario()
                            + "', not '"
                            + ctx.scenario.name()
                            + "'");
        }
        Set<String> ids = new HashSet<>();
        double lastBegin = Double.NEGATIVE_INFINITY;
        String lastId = null;
        for (int i = 0; i < ctx.missions.size(); i++) {
            Mission m = ctx.missions.get(i);
            String id = m.id();
            if (id == null || id.isEmpty()) {
                out.add(rule, null, null, null, "mission " + i + " in the list has no id");
            } else if (!ids.add(id)) {
                out.add(rule, id, null, null, "mission id is used more than once");
            }
            if (ctx.lift[i] == null) {
                out.add(rule, id, null, null, "unknown lift type '" + m.lift() + "'");
            }
            if (m.stops().isEmpty()) {
                out.add(rule, id, null, null, "mission has no stops");
                continue;
            }
            for (int s = 0; s < m.stops().size(); s++) {
                Stop st = m.stops().get(s);
                if (st == null) {
                    out.add(rule, id, s, null, "stop is empty");
                    continue;
                }
                if (st.node() == null || ctx.net.node(st.node()) == null) {
                    out.add(rule, id, s, null, "unknown node '" + st.node() + "'");
                }
                if (st.activity() == null) {
                    out.add(rule, id, s, null, "stop has no activity");
                }
                if (!Double.isFinite(st.arrive()) || !Double.isFinite(st.depart())) {
                    out.add(
                            rule,
                            id,
                            s,
                            null,
                            "times must be finite numbers: arrive "
                                    + st.arrive()
                                    + ", depart "
                                    + st.depart());
                }
            }
            Stop first = m.stops().get(0);
            if (first != null && Double.isFinite(first.arrive())) {
                if (first.arrive() < lastBegin - CheckContext.TIME_TOL) {
                    out.add(
                            rule,
                            id,
                            0,
                            null,
                            "missions are not in order of first arrival: this one begins at hour "
                                    + n(first.arrive())
                                    + ", after "
                                    + lastId
                                    + " which begins at hour "
                                    + n(lastBegin));
                }
                if (first.arrive() >= lastBegin) {
                    lastBegin = first.arrive();
                    lastId = id;
                }
            }
            for (Load l : m.loads()) {
                checkLoad(ctx, out, m, l);
            }
        }
        Set<String> ulns = new HashSet<>();
        for (LineResult r : ctx.plan.lines()) {
            if (r.uln() == null || ctx.net.line(r.uln()) == null) {
                out.add(rule, null, null, r.uln(), "line result for an unknown line");
            } else if (!ulns.add(r.uln())) {
                out.add(rule, null, null, r.uln(), "line result given more than once");
            }
        }
    }

    private static void checkLoad(CheckContext ctx, Violations out, Mission m, Load l) {
        int rule = Violation.FORM;
        String id = m.id();
        if (l.uln() == null || ctx.net.line(l.uln()) == null) {
            out.add(rule, id, null, l.uln(), "load of an unknown line");
        }
        int size = m.stops().size();
        if (l.on() < 0 || l.on() >= size || l.off() < 0 || l.off() >= size) {
            out.add(
                    rule,
                    id,
                    null,
                    l.uln(),
                    "load stop index out of range: on "
                            + l.on()
                            + ", off "
                            + l.off()
                            + " (mission has "
                            + size
                            + " stops)");
        } else if (l.on() >= l.off()) {
            out.add(
                    rule,
                    id,
                    l.on(),
                    l.uln(),
                    "load goes on at stop " + l.on() + " but off at stop " + l.off());
        }
        Set<CargoClass> seen = EnumSet.noneOf(CargoClass.class);
        List<LoadCargo> cargo = l.cargo();
        double total = l.pax();
        for (LoadCargo c : cargo) {
            if (c == null || c.cargoClass() == null) {
                out.add(rule, id, null, l.uln(), "load cargo entry without a class");
                continue;
            }
            if (c.cargoClass() == CargoClass.PAX) {
                out.add(rule, id, null, l.uln(), "people go in the load's pax, not in its cargo");
            }
            if (!seen.add(c.cargoClass())) {
                out.add(rule, id, null, l.uln(), "load lists class " + c.cargoClass() + " twice");
            }
            total += Math.abs(c.stons());
        }
        if (total == 0) {
            out.add(rule, id, null, l.uln(), "load carries nothing");
        }
    }
}
