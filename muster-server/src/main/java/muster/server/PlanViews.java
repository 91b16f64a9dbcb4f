package muster.server;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import muster.model.Activity;
import muster.model.LineResult;
import muster.model.Load;
import muster.model.Mission;
import muster.model.Node;
import muster.model.NodeKind;
import muster.model.Plan;
import muster.model.RequirementLine;
import muster.model.Scenario;
import muster.model.Stop;

/**
 * What one user may see of a plan: the lines released to the user's nation, the missions whose
 * every load belongs to such lines, and measures and aggregates computed over those alone (a
 * whole-plan figure could reveal what was withheld).
 */
final class PlanViews {
    private PlanViews() {}

    record Filtered(
            List<LineResult> lines, List<Mission> missions, int hiddenLines, int hiddenMissions) {}

    static Filtered filter(Plan p, Set<String> visibleUlns) {
        List<Mission> missions = new ArrayList<>();
        Set<String> hiddenMissions = new HashSet<>();
        for (Mission m : p.missions()) {
            boolean ok = true;
            for (Load l : m.loads()) {
                ok &= visibleUlns.contains(l.uln());
            }
            if (ok) {
                missions.add(m);
            } else {
                hiddenMissions.add(m.id());
            }
        }
        Set<String> hiddenUlns = new HashSet<>();
        for (LineResult l : p.lines()) {
            if (!visibleUlns.contains(l.uln())) {
                hiddenUlns.add(l.uln());
            }
        }
        List<LineResult> lines = new ArrayList<>();
        for (LineResult l : p.lines()) {
            if (visibleUlns.contains(l.uln())) {
                String reason = reasonSeen(l.reason(), hiddenUlns, hiddenMissions);
                lines.add(
                        reason == null || reason.equals(l.reason())
                                ? l
                                : new LineResult(
                                        l.uln(),
                                        l.podArrival(),
                                        l.closure(),
                                        l.closureDay(),
                                        l.lateDays(),
                                        reason));
            }
        }
        return new Filtered(
                lines,
                missions,
                p.lines().size() - lines.size(),
                p.missions().size() - missions.size());
    }

    /**
     * The clause of a late line's reason that names the line whose cargo its mission waited for.
     */
    private static final Pattern WAITED_FOR =
            Pattern.compile(", when the cargo of (\\S+) it waited for was ready \\(hour [^)]*\\)");

    /** A record named in parentheses in a reason: the mission that carried the line. */
    private static final Pattern IN_PARENTHESES = Pattern.compile("\\(([^()\\s]+)\\)");

    /** The words of a reason, as ULNs and mission ids stand in it. */
    private static final Pattern WORDS = Pattern.compile("[\\s(),;:]+");

    static final String MISSION_WITHHELD = "a mission not released to you";

    /**
     * A late line's reason without what it says of lines and missions withheld from the reader. The
     * engine works reasons out over the whole plan: a line held for another's cargo is told that
     * line, when its cargo was ready, and the mission that carried both, which a reader who sees
     * the one line and not the other does not see. That clause is left out and the mission is named
     * as withheld; a reason that still names a withheld line or mission keeps its cause alone.
     */
    static String reasonSeen(String reason, Set<String> hiddenUlns, Set<String> hiddenMissions) {
        if (reason == null || (hiddenUlns.isEmpty() && hiddenMissions.isEmpty())) {
            return reason;
        }
        StringBuilder out = new StringBuilder();
        Matcher w = WAITED_FOR.matcher(reason);
        while (w.find()) {
            w.appendReplacement(
                    out,
                    hiddenUlns.contains(w.group(1)) ? "" : Matcher.quoteReplacement(w.group()));
        }
        w.appendTail(out);
        Matcher m = IN_PARENTHESES.matcher(out.toString());
        out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(
                    out,
                    Matcher.quoteReplacement(
                            hiddenMissions.contains(m.group(1))
                                    ? "(" + MISSION_WITHHELD + ")"
                                    : m.group()));
        }
        m.appendTail(out);
        String seen = out.toString();
        for (String word : WORDS.split(seen)) {
            String bare = word.replaceAll("\\.+$", "");
            if (hiddenUlns.contains(word)
                    || hiddenMissions.contains(word)
                    || hiddenUlns.contains(bare)
                    || hiddenMissions.contains(bare)) {
                int cause = seen.indexOf(": ");
                return (cause < 0 ? "late" : seen.substring(0, cause))
                        + ": the rest of the reason names lines or missions not released to you";
            }
        }
        return seen;
    }

    /**
     * Measures over the visible lines, as the movement model defines them: the engine's rule
     * checker recomputes them from the plan's loads of those lines (on whatever mission they
     * travel) against the scenario cut down to those lines, so late ston-days count each load's own
     * weight and late days, unmet load counts as arriving on the horizon day, and the closure day
     * is over delivered loads. When lines are withheld the figures are marked partial.
     */
    static Map<String, Object> measures(
            Plan plan, Filtered f, Scenario scenario, Set<String> visible) {
        muster.model.Measures whole = plan.measures();
        muster.model.Measures shown =
                f.hiddenLines() == 0 && whole != null
                        ? whole
                        : partialMeasures(plan, scenario, visible);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("closureDay", shown.closureDay());
        m.put("lateUlns", shown.lateUlns());
        m.put("onTimeUlns", shown.onTimeUlns());
        m.put("lateStonDays", shown.lateStonDays());
        m.put("lines", f.lines().size());
        m.put("missions", f.missions().size());
        m.put("hiddenLines", f.hiddenLines());
        m.put("hiddenMissions", f.hiddenMissions());
        m.put("partial", f.hiddenLines() > 0);
        m.put("note", f.hiddenLines() > 0 ? partialNote(f) : null);
        return m;
    }

    /** The notice that goes with figures computed over part of a plan. */
    static String partialNote(Filtered f) {
        return "Figures over the "
                + f.lines().size()
                + " lines released to you; "
                + f.hiddenLines()
                + " lines of this plan are withheld.";
    }

    /** The plan measures recomputed over the visible lines only. */
    static muster.model.Measures partialMeasures(Plan plan, Scenario s, Set<String> visible) {
        List<RequirementLine> lines =
                s.requirements().stream().filter(l -> visible.contains(l.uln())).toList();
        Scenario part =
                new Scenario(s.name(), s.nodes(), s.lift(), s.routes(), lines, s.planning());
        List<Mission> missions = new ArrayList<>();
        for (Mission m : plan.missions()) {
            List<Load> loads = m.loads().stream().filter(l -> visible.contains(l.uln())).toList();
            if (!loads.isEmpty()) {
                missions.add(new Mission(m.id(), m.lift(), m.tail(), m.stops(), loads));
            }
        }
        List<LineResult> results =
                plan.lines().stream().filter(l -> visible.contains(l.uln())).toList();
        Plan cut =
                new Plan(plan.scenario(), plan.planner(), null, null, missions, results, List.of());
        return muster.engine.check.PlanChecker.check(part, cut).measures();
    }

    /**
     * Aggregates for charts: the closure curve (percent of visible weight closed by day against
     * percent required by day), missions begun per day per lift type, and for every airfield and
     * seaport the peak number of aircraft or ships on the ground each day against its MOG or
     * berths.
     */
    static Map<String, Object> summary(Filtered f, Scenario s, Map<String, RequirementLine> req) {
        int days = s.planning().horizonDays();
        double pw = s.planning().paxWeightStons();
        double[] closed = new double[days + 1];
        double[] required = new double[days + 1];
        double total = 0;
        for (LineResult l : f.lines()) {
            RequirementLine r = req.get(l.uln());
            double w = r == null ? 0 : r.weight(pw);
            total += w;
            if (r != null) {
                required[Math.max(0, Math.min(days, r.rdd()))] += w;
            }
            if (l.closureDay() >= 0) {
                closed[Math.min(days, l.closureDay())] += w;
            }
        }
        List<double[]> curve = new ArrayList<>();
        double c = 0;
        double q = 0;
        for (int d = 0; d <= days; d++) {
            c += closed[d];
            q += required[d];
            curve.add(
                    new double[] {
                        d, total == 0 ? 0 : 100 * c / total, total == 0 ? 0 : 100 * q / total
                    });
        }
        Map<String, int[]> perLift = new TreeMap<>();
        for (Mission m : f.missions()) {
            int d = (int) Math.floor(m.begin() / 24);
            if (d >= 0 && d <= days) {
                perLift.computeIfAbsent(m.lift(), k -> new int[days + 1])[d]++;
            }
        }
        Map<String, List<double[]>> groundByNode = new HashMap<>();
        for (Mission m : f.missions()) {
            for (Stop st : m.stops()) {
                if (st.activity() == Activity.START || st.depart() <= st.arrive()) {
                    continue;
                }
                groundByNode
                        .computeIfAbsent(st.node(), k -> new ArrayList<>())
                        .add(new double[] {st.arrive(), st.depart()});
            }
        }
        List<Map<String, Object>> nodeLoad = new ArrayList<>();
        for (Node n : s.nodes()) {
            if (n.kind() != NodeKind.AIRFIELD && n.kind() != NodeKind.SEAPORT) {
                continue;
            }
            List<double[]> iv = groundByNode.get(n.id());
            if (iv == null) {
                continue;
            }
            int[] peak = new int[days + 1];
            List<double[]> ev = new ArrayList<>();
            for (double[] i : iv) {
                ev.add(new double[] {i[0], +1});
                ev.add(new double[] {i[1], -1});
            }
            ev.sort(
                    (a, b) ->
                            a[0] != b[0] ? Double.compare(a[0], b[0]) : Double.compare(a[1], b[1]));
            int cur = 0;
            int day = 0;
            for (double[] e : ev) {
                int d = Math.min(days, (int) Math.floor(e[0] / 24));
                for (; day < d; day++) {
                    peak[day + 1] = Math.max(peak[day + 1], cur); // level carried into the next day
                }
                cur += (int) e[1];
                if (d >= 0) {
                    peak[d] = Math.max(peak[d], cur);
                }
            }
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("node", n.id());
            m.put("kind", n.kind());
            m.put("capacity", n.kind() == NodeKind.AIRFIELD ? n.mog() : n.berths());
            m.put("peakPerDay", peak);
            nodeLoad.add(m);
        }
        Map<String, Integer> legs = new TreeMap<>();
        for (Mission m : f.missions()) {
            for (int i = 1; i < m.stops().size(); i++) {
                String a = m.stops().get(i - 1).node();
                String b = m.stops().get(i).node();
                if (!a.equals(b)) {
                    legs.merge(a + "\u0000" + b, 1, Integer::sum);
                }
            }
        }
        List<Map<String, Object>> flows = new ArrayList<>();
        legs.forEach(
                (k, v) -> {
                    String[] ab = k.split("\u0000");
                    Map<String, Object> fl = new LinkedHashMap<>();
                    fl.put("from", ab[0]);
                    fl.put("to", ab[1]);
                    fl.put("missions", v);
                    flows.add(fl);
                });
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("closureCurve", curve);
        out.put("flows", flows);
        out.put("missionsPerDay", perLift);
        out.put("nodeLoad", nodeLoad);
        return out;
    }
}
