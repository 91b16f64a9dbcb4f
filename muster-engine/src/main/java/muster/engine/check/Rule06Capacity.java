package muster.engine.check;

import static muster.engine.check.Violations.n;

import java.util.List;
import muster.model.CargoClass;
import muster.model.CargoEntry;
import muster.model.LiftMode;
import muster.model.LiftType;
import muster.model.Load;
import muster.model.LoadCargo;
import muster.model.Mission;
import muster.model.RequirementLine;

/**
 * Rule 6: on every leg the loads aboard (on before the leg, off after it) keep {@code Σpax /
 * paxCapacity + max(Σstons / stonsCapacity, Σsqft / sqftCapacity) <= 1} (within a relative 1e-9),
 * the sqft term only for SEA types; a zero capacity takes nothing of its quantity (a ship without
 * {@code sqftCapacity} takes no cargo); every class aboard is in the type's {@code carries}, and an
 * AIR type never carries NAT. A load's sqft is its stons times its line's {@code sqft / stons} for
 * that class.
 */
final class Rule06Capacity implements MovementRule {
    @Override
    public int number() {
        return 6;
    }

    @Override
    public void check(CheckContext ctx, Violations out) {
        for (int i = 0; i < ctx.missions.size(); i++) {
            if (ctx.usable[i] && !ctx.missions.get(i).loads().isEmpty()) {
                checkMission(ctx, out, i);
            }
        }
    }

    private static void checkMission(CheckContext ctx, Violations out, int i) {
        Mission m = ctx.missions.get(i);
        LiftType t = ctx.lift[i];
        int legs = m.stops().size() - 1;
        if (legs < 1) {
            return;
        }
        double[] pax = new double[legs];
        double[] stons = new double[legs];
        double[] sqft = new double[legs];
        // legs where a load of something the type cannot carry at all is aboard, already reported
        boolean[] uncarried = new boolean[legs];
        for (Load load : m.loads()) {
            if (!CheckContext.validIndexes(m, load)) {
                continue; // form
            }
            RequirementLine line = load.uln() == null ? null : ctx.net.line(load.uln());
            boolean refused = false;
            if (load.pax() > 0 && (!t.carries(CargoClass.PAX))) {
                out.add(6, m.id(), load.on(), load.uln(), t.id() + " does not carry PAX");
                refused = true;
            }
            double ls = 0;
            double lq = 0;
            for (LoadCargo c : load.cargo()) {
                if (c == null || c.cargoClass() == null) {
                    continue;
                }
                if (c.stons() > 0
                        && (!t.carries(c.cargoClass())
                                || (t.mode() == LiftMode.AIR
                                        && c.cargoClass() == CargoClass.NAT))) {
                    out.add(
                            6,
                            m.id(),
                            load.on(),
                            load.uln(),
                            t.id() + " does not carry " + c.cargoClass());
                    refused = true;
                }
                ls += c.stons();
                if (line != null) {
                    lq +=
                            c.stons()
                                    * line.cargoOf(c.cargoClass())
                                            .map(CargoEntry::sqftPerSton)
                                            .orElse(0.0);
                }
            }
            for (int k = load.on(); k < load.off(); k++) {
                pax[k] += load.pax();
                stons[k] += ls;
                sqft[k] += lq;
                uncarried[k] |= refused;
            }
        }
        for (int k = 0; k < legs; k++) {
            double used =
                    share(pax[k], t.paxCapacity())
                            + Math.max(
                                    share(stons[k], t.stonsCapacity()),
                                    t.mode() == LiftMode.SEA
                                            ? shareDeck(stons[k], sqft[k], t.sqftCapacity())
                                            : 0.0);
            // a share without end comes of a class with no capacity at all, which the load's own
            // violation names: the leg is not reported again as over an infinite share
            if (used > 1 + CheckContext.CAPACITY_REL_TOL
                    && !(Double.isInfinite(used) && uncarried[k])) {
                out.add(
                        6,
                        m.id(),
                        k,
                        ulnsAboard(m.loads(), k),
                        "leg from "
                                + m.stops().get(k).node()
                                + " to "
                                + m.stops().get(k + 1).node()
                                + " carries "
                                + n(pax[k])
                                + " pax, "
                                + n(stons[k])
                                + " stons"
                                + (t.mode() == LiftMode.SEA ? ", " + n(sqft[k]) + " sqft" : "")
                                + ": "
                                + n(used)
                                + " of the capacity of "
                                + t.id()
                                + " ("
                                + t.paxCapacity()
                                + " pax, "
                                + n(t.stonsCapacity())
                                + " stons"
                                + (t.mode() == LiftMode.SEA
                                        ? ", " + n(t.sqftCapacity()) + " sqft"
                                        : "")
                                + ")");
            }
        }
    }

    private static double share(double amount, double capacity) {
        if (amount <= 0) {
            return 0;
        }
        return capacity > 0 ? amount / capacity : Double.POSITIVE_INFINITY;
    }

    /** A ship without deck area takes no cargo at all. */
    private static double shareDeck(double stons, double sqft, double capacity) {
        if (stons <= 0 && sqft <= 0) {
            return 0;
        }
        return capacity > 0 ? sqft / capacity : Double.POSITIVE_INFINITY;
    }

    /** The line aboard when there is one, else null (several lines share the leg). */
    private static String ulnsAboard(List<Load> loads, int k) {
        String u = null;
        for (Load l : loads) {
            if (l.on() <= k && k < l.off()) {
                if (u != null && !u.equals(l.uln())) {
                    return null;
                }
                u = l.uln();
            }
        }
        return u;
    }
}
