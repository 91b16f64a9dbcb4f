package muster.engine.sourcing;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import muster.model.CargoClass;
import muster.model.Fault;
import muster.model.Network;
import muster.model.Node;
import muster.model.NodeKind;
import muster.model.Scenario;
import muster.model.force.CapabilityRequirement;
import muster.model.force.Catalogue;
import muster.model.force.DeployMode;
import muster.model.force.RequirementSet;
import muster.model.force.RoadLink;
import muster.model.force.Station;
import muster.model.force.Unit;
import muster.model.validate.Closest;

/**
 * Checks that a requirement set and a catalogue fit the network they are sourced against: every
 * node they name exists and is of the right kind, and every day is within the horizon.
 */
final class SourcingChecks {
    private SourcingChecks() {}

    static void check(
            RequirementSet reqs, Catalogue cat, Scenario base, Network net, List<Fault> out) {
        int horizon = base.planning().horizonDays();
        Set<String> ids = new HashSet<>();
        Set<String> uics = new HashSet<>();
        for (Unit u : cat.units()) {
            uics.add(u.uic());
        }
        List<CapabilityRequirement> rs = reqs.requirements();
        for (int i = 0; i < rs.size(); i++) {
            CapabilityRequirement r = rs.get(i);
            String path = "requirements[" + i + "]";
            String where = "requirement " + r.id();
            if (!ids.add(r.id())) {
                out.add(err(path + ".id", where, "id", r.id(), "duplicate requirement id", null));
            }
            node(net, r.destination(), null, path, where, "destination", out);
            if (r.airPod() != null) {
                node(net, r.airPod(), NodeKind.AIRFIELD, path, where, "airPod", out);
            }
            if (r.seaPod() != null) {
                node(net, r.seaPod(), NodeKind.SEAPORT, path, where, "seaPod", out);
            }
            if (r.rdd() >= horizon) {
                out.add(
                        err(
                                path + ".rdd",
                                where,
                                "rdd",
                                Integer.toString(r.rdd()),
                                "is not below the network's horizon of " + horizon + " days",
                                null));
            }
            if (r.lad() > r.rdd()) {
                out.add(
                        warn(
                                path + ".lad",
                                where,
                                "lad",
                                Integer.toString(r.lad()),
                                "lad is later than rdd " + r.rdd()));
            }
            for (String x : r.excludeUnits()) {
                if (!uics.contains(x)) {
                    out.add(
                            warn(
                                    path + ".excludeUnits",
                                    where,
                                    "excludeUnits",
                                    x,
                                    "no such unit in the catalogue"));
                }
            }
        }
        String cDate = base.planning().cDate();
        if (cDate != null && !cDate.isBlank() && !cDate.equals(reqs.cDate().toString())) {
            out.add(
                    err(
                            "cDate",
                            "requirements",
                            "cDate",
                            reqs.cDate().toString(),
                            "differs from the network scenario's C-day "
                                    + cDate
                                    + ": day numbers would not line up",
                            cDate));
        }
        if (reqs.decisionDay() < 0) {
            out.add(
                    err(
                            "decisionDay",
                            "requirements",
                            "decisionDay",
                            Integer.toString(reqs.decisionDay()),
                            "is below 0",
                            null));
        } else if (reqs.decisionDay() >= horizon) {
            // no unit notified after the horizon can arrive within it: every slot would be empty
            // and the scenario written with no lines, as if sourcing had succeeded
            out.add(
                    err(
                            "decisionDay",
                            "requirements",
                            "decisionDay",
                            Integer.toString(reqs.decisionDay()),
                            "is not below the network's horizon of "
                                    + horizon
                                    + " days: no unit notified then can arrive within it",
                            null));
        }
        List<Station> sts = cat.stations();
        for (int i = 0; i < sts.size(); i++) {
            Node n = sts.get(i).node();
            String where = "station " + n.id();
            // a station the network lacks becomes a node of the sourced scenario, checked as the
            // scenario's nodes are (one the network has keeps the network's node)
            if (n.equals(net.node(n.id()))) {
                if (n.kind() == NodeKind.AIRFIELD && n.mog() < 1) {
                    out.add(
                            err(
                                    "stations[" + i + "].mog",
                                    where,
                                    "mog",
                                    Integer.toString(n.mog()),
                                    "an AIRFIELD needs a mog (aircraft on the ground at once) of 1"
                                            + " or more",
                                    null));
                }
                if (n.kind() == NodeKind.SEAPORT && n.berths() < 1) {
                    out.add(
                            err(
                                    "stations[" + i + "].berths",
                                    where,
                                    "berths",
                                    Integer.toString(n.berths()),
                                    "a SEAPORT needs berths (ships alongside at once) of 1 or more",
                                    null));
                }
            }
            List<RoadLink> ls = sts.get(i).links();
            for (int j = 0; j < ls.size(); j++) {
                // a link to no node would be a road in the sourced scenario that does not validate
                node(
                        net,
                        ls.get(j).to(),
                        null,
                        "stations[" + i + "].links[" + j + "]",
                        where,
                        "to",
                        out);
            }
        }
        List<Unit> us = cat.units();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < us.size(); i++) {
            Unit u = us.get(i);
            String path = "units[" + i + "]";
            String where = "unit " + u.uic();
            if (!seen.add(u.uic())) {
                out.add(err(path + ".uic", where, "uic", u.uic(), "duplicate unit id", null));
            }
            node(net, u.homeStation(), null, path, where, "homeStation", out);
            if (u.airPoe() != null) {
                node(net, u.airPoe(), NodeKind.AIRFIELD, path, where, "airPoe", out);
            }
            if (u.seaPoe() != null) {
                node(net, u.seaPoe(), NodeKind.SEAPORT, path, where, "seaPoe", out);
            }
            if (u.deployMode() == DeployMode.AIR && u.hasClass(CargoClass.NAT)) {
                out.add(
                        err(
                                path + ".deployMode",
                                where,
                                "deployMode",
                                "AIR",
                                "the unit has NAT equipment, which cannot go by air",
                                "AIR_SEA"));
            }
        }
    }

    private static void node(
            Network net,
            String id,
            NodeKind kind,
            String path,
            String where,
            String field,
            List<Fault> out) {
        if (id == null) {
            out.add(err(path + "." + field, where, field, "", "is missing", null));
            return;
        }
        var n = net.node(id);
        if (n == null) {
            out.add(
                    err(
                            path + "." + field,
                            where,
                            field,
                            id,
                            "unknown node id in the network scenario or the catalogue's"
                                    + " stations",
                            Closest.to(
                                    id, net.scenario().nodes().stream().map(Node::id).toList())));
        } else if (kind != null && n.kind() != kind) {
            out.add(
                    err(
                            path + "." + field,
                            where,
                            field,
                            id,
                            "is a " + n.kind() + ", not an " + kind,
                            null));
        }
    }

    private static Fault err(
            String path, String where, String field, String value, String msg, String hint) {
        return new Fault(Fault.Severity.ERROR, path, where, field, value, msg, hint);
    }

    private static Fault warn(String path, String where, String field, String value, String msg) {
        return new Fault(Fault.Severity.WARNING, path, where, field, value, msg, null);
    }
}
