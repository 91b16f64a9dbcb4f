package muster.engine.check;

import static muster.engine.check.Violations.n;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import muster.model.CargoClass;
import muster.model.Load;
import muster.model.LoadCargo;
import muster.model.Mission;
import muster.model.RequirementLine;
import muster.model.Unmet;

/**
 * Rule 10: the loads of each line add up exactly (within 1e-6) to its {@code pax} and to each
 * class's {@code stons}, no load carries a negative amount or a class its line does not have, and
 * the plan's {@code measures.unmet} lists exactly what is not at its destination by the end of day
 * {@code horizonDays-1}, line by line and class by class (amounts within 1e-6).
 */
final class Rule10NothingLostNothingMadeUp implements MovementRule {
    @Override
    public int number() {
        return 10;
    }

    @Override
    public void check(CheckContext ctx, Violations out) {
        for (int i = 0; i < ctx.missions.size(); i++) {
            Mission m = ctx.missions.get(i);
            for (Load l : m.loads()) {
                if (l.pax() < 0) {
                    out.add(10, m.id(), null, l.uln(), "load has " + l.pax() + " pax");
                }
                for (LoadCargo c : l.cargo()) {
                    if (c != null && (c.stons() < 0 || !Double.isFinite(c.stons()))) {
                        out.add(
                                10,
                                m.id(),
                                null,
                                l.uln(),
                                "load has " + n(c.stons()) + " stons of " + c.cargoClass());
                    }
                }
            }
        }
        for (RequirementLine line : ctx.scenario.requirements()) {
            Map<CargoClass, Double> want = Recomputed.amounts(line);
            Map<CargoClass, Double> got = new EnumMap<>(CargoClass.class);
            for (CheckContext.LoadRef r : ctx.loadsOf(line.uln())) {
                if (r.load().pax() != 0) {
                    got.merge(CargoClass.PAX, (double) r.load().pax(), Double::sum);
                }
                for (LoadCargo c : r.load().cargo()) {
                    if (c != null && c.cargoClass() != null && c.stons() != 0) {
                        got.merge(c.cargoClass(), c.stons(), Double::sum);
                    }
                }
            }
            if (line.mode() == muster.model.LineMode.LAND) {
                continue; // moves whole by land; loads of it are rule 5's
            }
            for (CargoClass c : CargoClass.values()) {
                double g = got.getOrDefault(c, 0.0);
                double w = want.getOrDefault(c, 0.0);
                if (Math.abs(g - w) > CheckContext.AMOUNT_TOL) {
                    String unit = c == CargoClass.PAX ? " pax" : " stons of " + c;
                    out.add(
                            10,
                            null,
                            null,
                            line.uln(),
                            "loads carry "
                                    + n(g)
                                    + unit
                                    + " but the line has "
                                    + n(w)
                                    + (g < w
                                            ? ": "
                                                    + n(w - g)
                                                    + " lost (all of a line goes on loads, even what arrives after the horizon)"
                                            : ": " + n(g - w) + " made up"));
                }
            }
        }
        checkUnmet(ctx, out);
    }

    private static void checkUnmet(CheckContext ctx, Violations out) {
        if (ctx.plan.measures() == null) {
            out.add(10, null, null, null, "the plan states no measures, so no unmet list");
            return;
        }
        Map<String, Double> stated = new LinkedHashMap<>();
        for (Unmet u : ctx.plan.measures().unmet()) {
            String key = u.uln() + "\u0000" + u.cargoClass();
            if (stated.containsKey(key)) {
                out.add(10, null, null, u.uln(), "unmet lists " + u.cargoClass() + " twice");
            }
            stated.merge(key, u.amount(), Double::sum);
        }
        Map<String, Unmet> want = new LinkedHashMap<>();
        for (Unmet u : ctx.recomputed().measures.unmet()) {
            want.put(u.uln() + "\u0000" + u.cargoClass(), u);
        }
        for (Map.Entry<String, Unmet> e : want.entrySet()) {
            Unmet u = e.getValue();
            Double s = stated.get(e.getKey());
            String what = amount(u.cargoClass(), u.amount());
            if (s == null) {
                out.add(
                        10,
                        null,
                        null,
                        u.uln(),
                        what
                                + " not at the destination by the end of day "
                                + (ctx.horizonDays() - 1)
                                + " is missing from the unmet list");
            } else if (Math.abs(s - u.amount())
                    > CheckContext.AMOUNT_TOL * Math.max(1, u.amount())) {
                out.add(
                        10,
                        null,
                        null,
                        u.uln(),
                        "unmet lists " + amount(u.cargoClass(), s) + ", recomputed " + what);
            }
        }
        for (Unmet u : ctx.plan.measures().unmet()) {
            String key = u.uln() + "\u0000" + u.cargoClass();
            if (!want.containsKey(key) && Math.abs(u.amount()) > CheckContext.AMOUNT_TOL) {
                RequirementLine line = u.uln() == null ? null : ctx.net.line(u.uln());
                String listed = "unmet lists " + amount(u.cargoClass(), u.amount());
                String why;
                if (line == null) {
                    why = " of a line the scenario does not have";
                } else if (!Recomputed.amounts(line).containsKey(u.cargoClass())) {
                    why =
                            u.cargoClass() == CargoClass.PAX
                                    ? " but the line has no people"
                                    : " but the line has no " + u.cargoClass();
                } else {
                    why = " but all of it is at the destination in time";
                }
                out.add(10, null, null, u.uln(), listed + why);
            }
        }
    }

    private static String amount(CargoClass c, double x) {
        return c == CargoClass.PAX ? n(x) + " pax" : n(x) + " stons of " + c;
    }
}
