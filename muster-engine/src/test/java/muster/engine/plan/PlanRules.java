package muster.engine.plan;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import muster.model.Activity;
import muster.model.CargoClass;
import muster.model.CargoEntry;
import muster.model.LiftType;
import muster.model.LineMode;
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
import muster.model.Unmet;

/**
 * The planner's own reading of the movement rules, for its tests: returns one message per broken
 * rule. Written apart from the planner's code so that a shared mistake is less likely.
 */
final class PlanRules {
    private static final double TOL = 1e-6;

    private PlanRules() {}

    static List<String> violations(Scenario s, Plan p) {
        Network net = new Network(s);
        List<String> v = new ArrayList<>();
        Map<String, List<Mission>> byTail = new HashMap<>();
        Map<String, List<double[]>> ground = new HashMap<>();
        Map<String, double[]> moved = new HashMap<>();
        Map<String, Integer> movedPax = new HashMap<>();
        Map<String, double[]> delivered = new HashMap<>();
        double h = 24.0 * s.planning().horizonDays();
        for (Mission m : p.missions()) {
            LiftType t = net.liftType(m.lift());
            byTail.computeIfAbsent(m.lift() + "#" + m.tail(), k -> new ArrayList<>()).add(m);
            List<Stop> st = m.stops();
            // rule 2 allows START only as the first stop; a mission need not have one (a tail
            // already at its POE starts with the ONLOAD)
            for (int i = 0; i < st.size(); i++) {
                Stop x = st.get(i);
                if (i > 0 && x.activity() == Activity.START) {
                    v.add(m.id() + ": rule 2: START not first");
                }
                NodeKind want =
                        t.mode().name().equals("AIR") ? NodeKind.AIRFIELD : NodeKind.SEAPORT;
                if (net.node(x.node()).kind() != want) {
                    v.add(m.id() + ": rule 2: stop " + i + " at " + x.node() + " of wrong kind");
                }
                if (x.depart() - x.arrive() < t.groundHours().of(x.activity()) - TOL) {
                    v.add(m.id() + ": rule 4: stop " + i + " too short");
                }
                if (x.depart() - x.arrive() > 0) {
                    ground.computeIfAbsent(x.node(), k -> new ArrayList<>())
                            .add(new double[] {x.arrive(), x.depart()});
                }
            }
            // rule 3: find the loaded span and its route
            Route route = null;
            int on = -1;
            int off = -1;
            if (!m.loads().isEmpty()) {
                on = m.loads().get(0).on();
                off = m.loads().get(0).off();
                List<String> pts = new ArrayList<>();
                for (int i = on; i <= off; i++) {
                    pts.add(st.get(i).node());
                }
                for (Route r : net.channels(t.mode(), pts.get(0), pts.get(pts.size() - 1))) {
                    if (r.points().equals(pts)) {
                        route = r;
                    }
                }
                if (route == null) {
                    v.add(m.id() + ": rule 3: loaded stops " + pts + " are no route");
                }
            }
            for (int i = 0; i + 1 < st.size(); i++) {
                double nm;
                if (route != null && i >= on && i < off) {
                    nm = net.legNm(route, i - on);
                    if (nm > t.rangeNm() + TOL) {
                        v.add(m.id() + ": rule 3: loaded leg " + i + " beyond range");
                    }
                } else {
                    // Any route leg between the two points is the empty leg's distance.
                    double took = (st.get(i + 1).arrive() - st.get(i).depart()) * t.speedKnots();
                    nm = Double.NaN;
                    for (double d :
                            net.emptyLegChoicesNm(
                                    t.mode(), st.get(i).node(), st.get(i + 1).node())) {
                        if (Double.isNaN(nm) || Math.abs(d - took) < Math.abs(nm - took)) {
                            nm = d;
                        }
                    }
                }
                double want = st.get(i).depart() + nm / t.speedKnots();
                if (Math.abs(st.get(i + 1).arrive() - want) > TOL) {
                    v.add(
                            m.id()
                                    + ": rule 3: leg "
                                    + i
                                    + " arrives "
                                    + st.get(i + 1).arrive()
                                    + " not "
                                    + want);
                }
            }
            double pax = 0;
            double stons = 0;
            double sqft = 0;
            for (Load ld : m.loads()) {
                RequirementLine l = net.line(ld.uln());
                Stop a = st.get(ld.on());
                Stop b = st.get(ld.off());
                double avail =
                        Math.max(
                                        24.0 * l.ald(),
                                        24.0 * l.rld()
                                                + net.landHours(l.origin(), l.poe()).orElse(0))
                                + net.node(l.poe()).handlingHours();
                if (a.activity() != Activity.ONLOAD || !a.node().equals(l.poe())) {
                    v.add(m.id() + ": rule 5: " + l.uln() + " not on at its POE");
                }
                if (b.activity() != Activity.OFFLOAD || !b.node().equals(l.pod())) {
                    v.add(m.id() + ": rule 5: " + l.uln() + " not off at its POD");
                }
                if (a.depart() - t.groundHours().onload() < avail - TOL) {
                    v.add(m.id() + ": rule 5: " + l.uln() + " loaded before available " + avail);
                }
                if (b.arrive() < 24.0 * l.ead() - TOL) {
                    v.add(m.id() + ": rule 5: " + l.uln() + " arrives before EAD");
                }
                double closure =
                        b.depart()
                                + net.node(l.pod()).handlingHours()
                                + net.landHours(l.pod(), l.destination()).orElse(0);
                boolean in = closure < h;
                if (ld.pax() > 0 && !t.carries(CargoClass.PAX)) {
                    v.add(m.id() + ": rule 6: pax on a type without seats");
                }
                pax += ld.pax();
                movedPax.merge(l.uln(), ld.pax(), Integer::sum);
                double[] dl = delivered.computeIfAbsent(l.uln(), k -> new double[5]);
                if (in) {
                    dl[4] += ld.pax();
                }
                double[] mv = moved.computeIfAbsent(l.uln(), k -> new double[5]);
                for (LoadCargo c : ld.cargo()) {
                    if (!t.carries(c.cargoClass())) {
                        v.add(m.id() + ": rule 6: class " + c.cargoClass() + " not carried");
                    }
                    stons += c.stons();
                    sqft +=
                            c.stons()
                                    * l.cargoOf(c.cargoClass())
                                            .map(CargoEntry::sqftPerSton)
                                            .orElse(0.0);
                    mv[c.cargoClass().ordinal()] += c.stons();
                    if (in) {
                        dl[c.cargoClass().ordinal()] += c.stons();
                    }
                }
            }
            double f = (t.paxCapacity() > 0 ? pax / t.paxCapacity() : pax > 0 ? 9 : 0);
            double c = t.stonsCapacity() > 0 ? stons / t.stonsCapacity() : stons > 0 ? 9 : 0;
            if (t.usesDeckArea()) {
                c = Math.max(c, t.sqftCapacity() > 0 ? sqft / t.sqftCapacity() : sqft > 0 ? 9 : 0);
            }
            if (f + c > 1 + 1e-9) {
                v.add(m.id() + ": rule 6: load factor " + (f + c));
            }
        }
        // rule 7
        for (Map.Entry<String, List<Mission>> e : byTail.entrySet()) {
            List<Mission> ms = e.getValue();
            ms.sort(Comparator.comparingDouble(Mission::begin));
            LiftType t = net.liftType(ms.get(0).lift());
            String at = t.baseNode();
            double free = 24.0 * t.availableFromDay();
            for (Mission m : ms) {
                if (!m.stops().get(0).node().equals(at) || m.begin() < free - TOL) {
                    v.add(m.id() + ": rule 7: tail " + e.getKey() + " not where or when free");
                }
                at = m.stops().get(m.stops().size() - 1).node();
                free = m.end();
            }
        }
        // rule 8
        for (Map.Entry<String, List<double[]>> e : ground.entrySet()) {
            Node n = net.node(e.getKey());
            int cap = n.kind() == NodeKind.AIRFIELD ? n.mog() : n.berths();
            List<double[]> ev = new ArrayList<>();
            for (double[] iv : e.getValue()) {
                ev.add(new double[] {iv[0] + TOL, 1});
                ev.add(new double[] {iv[1] - TOL, -1});
            }
            ev.sort(
                    (a, b) ->
                            a[0] != b[0] ? Double.compare(a[0], b[0]) : Double.compare(a[1], b[1]));
            int count = 0;
            for (double[] x : ev) {
                count += (int) x[1];
                if (count > cap) {
                    v.add(
                            "rule 8: "
                                    + e.getKey()
                                    + " holds "
                                    + count
                                    + " > "
                                    + cap
                                    + " at "
                                    + x[0]);
                    break;
                }
            }
        }
        // rule 10
        Map<String, double[]> unmet = new HashMap<>();
        for (Unmet u : p.measures().unmet()) {
            unmet.computeIfAbsent(u.uln(), k -> new double[5])[u.cargoClass().ordinal()] +=
                    u.amount();
        }
        for (RequirementLine l : s.requirements()) {
            double[] mv = moved.getOrDefault(l.uln(), new double[5]);
            double[] um = unmet.getOrDefault(l.uln(), new double[5]);
            if (l.mode() == LineMode.LAND) {
                continue;
            }
            // every pax and ston is on some load; what arrives after the horizon is unmet
            double[] dl = delivered.getOrDefault(l.uln(), new double[5]);
            if (movedPax.getOrDefault(l.uln(), 0) != l.pax()) {
                v.add("rule 10: " + l.uln() + " pax loaded do not add up");
            }
            if (Math.abs(dl[4] + um[4] - l.pax()) > 1e-6) {
                v.add("rule 10: " + l.uln() + " pax delivered and unmet do not add up");
            }
            for (CargoEntry c : l.cargo()) {
                int k = c.cargoClass().ordinal();
                if (Math.abs(mv[k] - c.stons()) > 1e-6) {
                    v.add(
                            "rule 10: "
                                    + l.uln()
                                    + " "
                                    + c.cargoClass()
                                    + " loads add to "
                                    + mv[k]
                                    + " not "
                                    + c.stons());
                }
                if (Math.abs(dl[k] + um[k] - c.stons()) > 1e-6) {
                    v.add(
                            "rule 10: "
                                    + l.uln()
                                    + " "
                                    + c.cargoClass()
                                    + " delivered and unmet"
                                    + " add to "
                                    + (dl[k] + um[k])
                                    + " not "
                                    + c.stons());
                }
            }
        }
        return v;
    }
}
