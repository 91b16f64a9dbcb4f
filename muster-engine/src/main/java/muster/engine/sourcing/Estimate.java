package muster.engine.sourcing;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import muster.model.CargoEntry;
import muster.model.LiftMode;
import muster.model.LiftType;
import muster.model.LineMode;
import muster.model.Network;
import muster.model.Node;
import muster.model.RequirementLine;
import muster.model.Route;
import muster.model.force.CapabilityRequirement;
import muster.model.force.DeployMode;
import muster.model.force.Unit;

/**
 * The earliest a unit could close on a requirement's destination, ignoring lift capacity: ready
 * after its notice to move, road to the POE, POE handling, the fastest channel route and lift type
 * that can carry its classes, POD handling, road to the destination. The planner later schedules
 * against real capacity; this estimate only ranks units and applies the LAD rule.
 */
final class Estimate {
    /** One TPFDD line of the estimate, with its dates. */
    record Leg(
            String suffix,
            LineMode mode,
            int pax,
            List<CargoEntry> cargo,
            String poe,
            String pod,
            int rld,
            int ald,
            int ead,
            double closureHour) {}

    /** Either legs and a closure, or a reason why the unit cannot make it. */
    record Outcome(List<Leg> legs, double closureHour, Reason reason, String detail) {
        boolean feasible() {
            return reason == null;
        }

        int closureDay() {
            return (int) Math.floor(closureHour / 24.0);
        }
    }

    private final Network net;

    Estimate(Network net) {
        this.net = net;
    }

    /**
     * @param readyDay day from C-day the unit can leave home (notice to move and availability
     *     applied)
     */
    Outcome of(Unit u, CapabilityRequirement r, int readyDay) {
        List<Leg> legs = new ArrayList<>();
        switch (u.deployMode()) {
            case SELF -> {
                double closure = 24.0 * readyDay + u.selfDeployHours();
                if (Math.floor(closure / 24.0) > r.lad()) {
                    return late(closure, r, "self-deploys");
                }
                return new Outcome(List.of(), closure, null, null);
            }
            case LAND -> {
                Object o =
                        landLeg(
                                "L",
                                u,
                                u.personnel(),
                                u.equipment(),
                                r,
                                readyDay,
                                "no road or rail route from "
                                        + u.homeStation()
                                        + " to "
                                        + r.destination(),
                                "by land");
                if (o instanceof Outcome bad) {
                    return bad;
                }
                Leg leg = (Leg) o;
                return new Outcome(List.of(leg), leg.closureHour(), null, null);
            }
            case AIR, AIR_SEA -> {
                LineMode cargoMode = u.deployMode() == DeployMode.AIR ? LineMode.AIR : LineMode.SEA;
                List<Object> ways = new ArrayList<>();
                if (u.personnel() > 0) {
                    ways.add(leg("P", LineMode.AIR, u, u.personnel(), List.of(), r, readyDay));
                }
                if (u.equipmentStons() > 0) {
                    String suffix = cargoMode == LineMode.AIR ? "A" : "S";
                    ways.add(leg(suffix, cargoMode, u, 0, u.equipment(), r, readyDay));
                }
                // A line that cannot go at all rules the unit out whatever the LAD, so it is the
                // reason given, not another line's late arrival: a planner who moved the LAD would
                // find the unit still unable to fill the requirement.
                Outcome late = null;
                for (Object o : ways) {
                    if (o instanceof Outcome bad) {
                        if (bad.reason() == Reason.NO_ROUTE) {
                            return bad;
                        }
                        late = late == null ? bad : late;
                    } else {
                        legs.add((Leg) o);
                    }
                }
                if (late != null) {
                    return late;
                }
            }
        }
        double closure = 24.0 * readyDay;
        for (Leg l : legs) {
            closure = Math.max(closure, l.closureHour());
        }
        return new Outcome(legs, closure, null, null);
    }

    private static Outcome late(double closureHour, CapabilityRequirement r, String how) {
        return new Outcome(
                List.of(),
                closureHour,
                Reason.PAST_LAD,
                "earliest arrival day "
                        + (int) Math.floor(closureHour / 24.0)
                        + " ("
                        + how
                        + ") is past the LAD day "
                        + r.lad());
    }

    /**
     * A LAND leg from the unit's home to the requirement's destination, or an Outcome saying why it
     * cannot go. A land move is timed by its RLD only, so a unit ready before the destination can
     * receive it waits at home: it leaves no earlier than needed to arrive on the requirement's
     * EAD.
     */
    private Object landLeg(
            String suffix,
            Unit u,
            int pax,
            List<CargoEntry> cargo,
            CapabilityRequirement r,
            int readyDay,
            String noRoad,
            String how) {
        OptionalDouble h = net.landHours(u.homeStation(), r.destination());
        if (h.isEmpty()) {
            return noRoute(noRoad);
        }
        int rld = Math.max(readyDay, r.ead() - (int) Math.floor(h.getAsDouble() / 24.0));
        double closure = 24.0 * rld + h.getAsDouble();
        if (Math.floor(closure / 24.0) > r.lad()) {
            return late(closure, r, how);
        }
        return new Leg(suffix, LineMode.LAND, pax, cargo, null, null, rld, rld, rld, closure);
    }

    /** A Leg, or an Outcome saying why the unit cannot move this way. */
    private Object leg(
            String suffix,
            LineMode mode,
            Unit u,
            int pax,
            List<CargoEntry> cargo,
            CapabilityRequirement r,
            int readyDay) {
        String poe = mode == LineMode.AIR ? u.airPoe() : u.seaPoe();
        String pod = mode == LineMode.AIR ? r.airPod() : r.seaPod();
        String what = mode == LineMode.AIR ? "air" : "sea";
        if (poe == null) {
            return noRoute("the unit has no " + what + " POE");
        }
        if (pod == null) {
            return noRoute("the requirement names no " + what + " POD");
        }
        if (poe.equals(pod)) {
            // The unit's port is the requirement's: it is already there. An AIR or SEA line moves
            // from one port to another (a line whose POD is its POE does not validate), so its
            // people or equipment go from home to the destination as a LAND line, as a planner
            // would move a unit that needs no lift.
            String port = what + " POE " + poe + " is the requirement's " + what + " POD";
            return landLeg(
                    suffix,
                    u,
                    pax,
                    cargo,
                    r,
                    readyDay,
                    "its "
                            + port
                            + ", so it needs no "
                            + what
                            + " lift (a line of mode "
                            + mode
                            + " moves from one port to another), and no road or rail route"
                            + " from "
                            + u.homeStation()
                            + " to "
                            + r.destination()
                            + " takes it by land instead",
                    "by land: its " + port);
        }
        OptionalDouble toPoe = net.landHours(u.homeStation(), poe);
        if (toPoe.isEmpty()) {
            return noRoute("no road or rail route from " + u.homeStation() + " to POE " + poe);
        }
        OptionalDouble onward = net.landHours(pod, r.destination());
        if (onward.isEmpty()) {
            return noRoute("no road or rail route from POD " + pod + " to " + r.destination());
        }
        Node poeNode = net.node(poe);
        Node podNode = net.node(pod);
        double road = toPoe.getAsDouble();
        int ald = (int) Math.floor((24.0 * readyDay + road) / 24.0);
        double atPoe = 24.0 * readyDay + road + poeNode.handlingHours();
        // Reception at the POD opens on the requirement's EAD: arriving earlier gains nothing.
        double[] t = earliest(mode.liftMode(), poe, pod, pax, cargo, atPoe, r);
        if (t == null) {
            return noRoute(
                    "no "
                            + mode
                            + " route from "
                            + poe
                            + " to "
                            + pod
                            + " that a lift type carrying its classes can fly or sail");
        }
        double arrive = t[0];
        int ead = (int) Math.floor(arrive / 24.0);
        double closure = arrive + t[1] + podNode.handlingHours() + onward.getAsDouble();
        if (ead > r.lad()) {
            return new Outcome(
                    List.of(),
                    closure,
                    Reason.PAST_LAD,
                    "earliest "
                            + what
                            + " arrival at "
                            + pod
                            + " is day "
                            + ead
                            + ", past the LAD day "
                            + r.lad());
        }
        return new Leg(suffix, mode, pax, cargo, poe, pod, readyDay, ald, ead, closure);
    }

    private static Outcome noRoute(String detail) {
        return new Outcome(List.of(), 0, Reason.NO_ROUTE, detail);
    }

    /**
     * The arrival hour at the POD and the offload hours of the pair of a channel route and a lift
     * type (one that carries the line's classes, on a route whose every leg is within its range)
     * that closes the line earliest among the pairs that land it by the LAD; with no pair landing
     * it by then, the earliest arrival of any pair. Null when no pair fits at all.
     *
     * <p>Arrival is no earlier than the EAD, so the pair that arrives first is not always the one
     * that closes first: at a POD that opens after both would arrive, the type that offloads faster
     * closes first, and a type that offloads faster but arrives later may land after the LAD where
     * another lands in time.
     */
    private double[] earliest(
            LiftMode mode,
            String poe,
            String pod,
            int pax,
            List<CargoEntry> cargo,
            double atPoe,
            CapabilityRequirement r) {
        RequirementLine probe =
                new RequirementLine(
                        "probe",
                        "",
                        "",
                        pax,
                        cargo,
                        poe,
                        poe,
                        pod,
                        pod,
                        0,
                        0,
                        0,
                        0,
                        0,
                        1,
                        mode == LiftMode.AIR ? LineMode.AIR : LineMode.SEA);
        double[] best = null;
        double[] first = null;
        for (LiftType t : net.scenario().lift()) {
            if (t.mode() != mode || t.speedKnots() <= 0 || !Network.canCarryAll(t, probe)) {
                continue;
            }
            for (Route route : net.channels(mode, poe, pod)) {
                if (net.longestLegNm(route) > t.rangeNm()) {
                    continue;
                }
                double nm = 0;
                for (int i = 0; i + 1 < route.points().size(); i++) {
                    nm += net.legNm(route, i);
                }
                double arrive =
                        Math.max(
                                atPoe
                                        + t.groundHours().onload()
                                        + nm / t.speedKnots()
                                        + route.via().size() * t.groundHours().enroute(),
                                24.0 * r.ead());
                double[] pair = {arrive, t.groundHours().offload()};
                if (first == null || arrive < first[0]) {
                    first = pair;
                }
                if (Math.floor(arrive / 24.0) > r.lad()) {
                    continue;
                }
                double close = arrive + pair[1];
                if (best == null
                        || close < best[0] + best[1]
                        || close == best[0] + best[1] && arrive < best[0]) {
                    best = pair;
                }
            }
        }
        return best != null ? best : first;
    }
}
