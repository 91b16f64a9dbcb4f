package muster.io.report;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import muster.engine.check.PlanChecker;
import muster.model.Constraint;
import muster.model.LiftType;
import muster.model.LineResult;
import muster.model.Load;
import muster.model.LowerBound;
import muster.model.Measures;
import muster.model.Mission;
import muster.model.Node;
import muster.model.Plan;
import muster.model.PlannerInfo;
import muster.model.RequirementLine;
import muster.model.Scenario;

/**
 * The plan report: one self-contained HTML page a planner opens offline. Charts and the map are
 * inline SVG drawn here; the page loads nothing from anywhere and needs no script to read (a few
 * lines of script only sort tables).
 */
public final class HtmlReport {
    /** Late lines listed in the page; the rest are in lines.csv, or where the caller says. */
    static final int MAX_LATE_ROWS = 1000;

    /** Flows drawn on the map; smaller ones are summed in the caption. */
    static final int MAX_FLOWS = 300;

    /** Nodes in the airfield and berth table, most crowded first. */
    static final int MAX_NODE_ROWS = 40;

    /**
     * What the page may load and run: its own styles, the one script it holds (named by its hash)
     * and no other, nothing from anywhere. The page says so itself; the server sends it as a header
     * too. A text of the scenario that reached the page as markup could run nothing.
     */
    public static final String CONTENT_SECURITY_POLICY =
            "default-src 'none'; script-src 'sha256-"
                    + sha256(HtmlReport.JS)
                    + "'; style-src 'unsafe-inline'; img-src data:; base-uri 'none';"
                    + " form-action 'none'";

    private final Scenario scenario;
    private final Plan plan;
    private final PlanFigures figures;
    private final int days;
    private final String note;

    /** Where the late lines past the first {@link #MAX_LATE_ROWS} are, after "are". */
    private final String moreLateLines;

    /** Where {@code muster plan} writes every late line, beside the report. */
    static final String IN_LINES_CSV = "in lines.csv";

    private HtmlReport(Scenario scenario, Plan plan, String note, String moreLateLines) {
        this.scenario = scenario;
        this.plan = plan;
        this.note = note;
        this.moreLateLines = moreLateLines;
        this.figures = new PlanFigures(scenario, plan);
        this.days = Math.max(1, scenario.planning().horizonDays());
    }

    public static void write(Scenario scenario, Plan plan, Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            write(scenario, plan, w);
        }
    }

    /**
     * Writes the page with {@code note} (when not null) shown above the measures, as {@link
     * #render(Scenario, Plan, String)} does.
     */
    public static void write(Scenario scenario, Plan plan, String note, Path file)
            throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write(render(scenario, plan, note));
            w.flush();
        }
    }

    public static void write(Scenario scenario, Plan plan, Writer out) throws IOException {
        out.write(render(scenario, plan));
        out.flush();
    }

    /** The whole page as a string. */
    public static String render(Scenario scenario, Plan plan) {
        return render(scenario, plan, null);
    }

    /**
     * The whole page with {@code note} (when not null) shown above the measures, e.g. to say the
     * figures cover only part of the plan.
     */
    public static String render(Scenario scenario, Plan plan, String note) {
        return render(scenario, plan, note, IN_LINES_CSV);
    }

    /**
     * The whole page as {@link #render(Scenario, Plan, String)} gives it, saying that the late
     * lines past the first 1,000 are {@code moreLateLines} ("in lines.csv" for the page {@code
     * muster plan} writes beside that file; another place for a page read without it).
     */
    public static String render(Scenario scenario, Plan plan, String note, String moreLateLines) {
        return new HtmlReport(scenario, plan, note, moreLateLines).page();
    }

    private String page() {
        StringBuilder b = new StringBuilder(256 * 1024);
        b.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">");
        b.append("<meta http-equiv=\"Content-Security-Policy\" content=\"")
                .append(CONTENT_SECURITY_POLICY)
                .append("\">");
        b.append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">");
        b.append("<title>").append(Html.esc(plan.scenario())).append(" — muster plan</title>");
        // No favicon request: the page must not reach for any file.
        b.append("<link rel=\"icon\" href=\"data:,\">");
        b.append("<style>").append(CSS).append("</style></head><body>\n");
        header(b);
        headline(b);
        closure(b);
        lateLines(b);
        binding(b);
        map(b);
        lift(b);
        nodes(b);
        footer(b);
        b.append("<script>").append(JS).append("</script>\n</body></html>\n");
        return b.toString();
    }

    private void header(StringBuilder b) {
        PlannerInfo p = plan.planner();
        b.append("<header><div class=\"wrap\"><h1>")
                .append(Html.esc(plan.scenario()))
                .append("</h1><p class=\"sub\">Deployment plan");
        if (p != null) {
            b.append(" by planner <b>").append(Html.esc(p.name())).append("</b>");
            if (p.version() != null && !p.version().isBlank()) {
                b.append(' ').append(Html.esc(p.version()));
            }
            b.append(", seed ").append(p.seed());
            if (p.seconds() > 0) {
                b.append(", ").append(Html.num(p.seconds(), 1)).append(" s");
            }
        }
        b.append(" · ")
                .append(Html.count(scenario.requirements().size(), "requirement line"))
                .append(", ")
                .append(Html.count(plan.missions().size(), "mission"))
                .append(", horizon ")
                .append(Html.count(days, "day"));
        String c = scenario.planning().cDate();
        if (c != null && !c.isBlank()) {
            b.append(" · C-day ").append(Html.esc(c));
        }
        b.append("</p><nav><a href=\"#measures\">Measures</a><a href=\"#closure\">Closure</a>")
                .append("<a href=\"#late\">Late lines</a><a href=\"#binding\">Binding")
                .append(" constraints</a><a href=\"#map\">Flows</a><a href=\"#lift\">Lift</a>")
                .append("<a href=\"#nodes\">Airfields &amp; ports</a></nav></div></header>\n")
                .append("<main class=\"wrap\">");
    }

    /** The calendar date of a day when the scenario gives C-day's date, else empty. */
    private String dateOf(int day) {
        String c = scenario.planning().cDate();
        if (c != null && !c.isBlank() && day >= 0) {
            try {
                return LocalDate.parse(c).plusDays(day).toString();
            } catch (DateTimeParseException e) {
                // A date that does not parse is shown as given in the header, not here.
            }
        }
        return "";
    }

    private void headline(StringBuilder b) {
        Measures m = plan.measures();
        LowerBound lb = plan.lowerBound();
        double pw = scenario.planning().paxWeightStons();
        b.append("<section id=\"measures\"><h2>Measures</h2>");
        if (note != null) {
            b.append("<p class=\"note partial\" role=\"alert\"><b>")
                    .append(Html.esc(note))
                    .append("</b></p>");
        }
        b.append("<div class=\"cards\">");
        // Closure.
        String closureSub;
        if (lb != null && lb.closureDay() < 0) {
            // the bound gives no day when there is nothing to deliver
            closureSub = "no closure day to bound";
        } else if (lb != null && !m.unmet().isEmpty()) {
            closureSub = "bound C+" + lb.closureDay() + " holds only when nothing is unmet";
        } else if (lb != null && m.closureDay() < 0) {
            closureSub = "lower bound C+" + lb.closureDay();
        } else if (lb != null) {
            int gap = m.closureDay() - lb.closureDay();
            closureSub =
                    "lower bound C+"
                            + lb.closureDay()
                            + " · gap "
                            + gap
                            + (Math.abs(gap) == 1 ? " day" : " days");
        } else {
            closureSub = "no lower bound given";
        }
        String date = dateOf(m.closureDay());
        card(
                b,
                "closure",
                "Closure day",
                m.closureDay() >= 0 ? "C+" + m.closureDay() : "nothing delivered",
                date.isEmpty() ? closureSub : date + " · " + closureSub,
                "");
        // Lateness.
        String lateSub;
        if (lb != null) {
            double gap = m.lateStonDays() - lb.lateStonDays();
            lateSub = "lower bound " + Html.num(lb.lateStonDays()) + " · gap " + Html.num(gap);
            if (m.lateStonDays() > 0) {
                lateSub += " (" + gapShare(gap, m.lateStonDays(), lb.lateStonDays()) + ")";
            }
        } else {
            lateSub = "no lower bound given";
        }
        card(
                b,
                "late-ston-days",
                "Late ston-days",
                Html.num(m.lateStonDays()),
                lateSub,
                m.lateStonDays() > 0 ? "warn" : "ok");
        int total = m.lateUlns() + m.onTimeUlns();
        card(
                b,
                "lines",
                "Lines late / on time",
                Html.integer(m.lateUlns()) + " / " + Html.integer(m.onTimeUlns()),
                total > 0
                        ? percentOnTime(m.onTimeUlns(), total)
                                + " of "
                                + Html.count(total, "line")
                                + " on time"
                        : "no lines",
                m.lateUlns() > 0 ? "warn" : "ok");
        Map<String, double[]> unmet = figures.unmetByLine();
        double unmetPax = 0;
        double unmetStons = 0;
        for (double[] u : unmet.values()) {
            unmetPax += u[0];
            unmetStons += u[1];
        }
        card(
                b,
                "unmet",
                "Unmet at horizon",
                unmet.isEmpty()
                        ? "none"
                        : unmetStons <= 0
                                ? Html.num(unmetPax, 0) + " pax"
                                : unmetPax <= 0
                                        ? Html.num(unmetStons) + " stons"
                                        : Html.num(unmetPax, 0)
                                                + " pax · "
                                                + Html.num(unmetStons)
                                                + " stons",
                unmet.isEmpty()
                        ? "everything reaches its destination"
                        : Html.count(unmet.size(), "line")
                                + " · "
                                + Html.num(unmetStons + unmetPax * pw)
                                + " ston-equivalents",
                unmet.isEmpty() ? "ok" : "bad");
        long loaded = plan.missions().stream().filter(x -> !x.loads().isEmpty()).count();
        card(
                b,
                "missions",
                "Missions",
                Html.integer(plan.missions().size()),
                Html.integer(loaded)
                        + " loaded · "
                        + Html.integer(plan.missions().size() - loaded)
                        + " positioning",
                "");
        b.append("</div>");
        if (lb != null) {
            b.append("<p class=\"note\">Lower bound by <i>")
                    .append(Html.esc(lb.method()))
                    .append(
                            "</i>: no correct plan of this scenario is less late, and none that"
                                    + " leaves nothing unmet closes earlier.</p>");
        } else {
            b.append("<p class=\"note\">No lower bound was computed for this plan.</p>");
        }
        b.append("</section>\n");
    }

    /**
     * The share of lines on time as a whole percent, never rounded up to 100 % while a line is late
     * nor down to 0 % while one is on time: 210 of 211 is "over 99%", not "100%".
     */
    private static String percentOnTime(int onTime, int total) {
        double share = 100.0 * onTime / total;
        if (onTime < total && share >= 99.5) {
            return "over 99%";
        }
        if (onTime > 0 && share < 0.5) {
            return "under 1%";
        }
        return String.format(Locale.ROOT, "%.0f%%", share);
    }

    /**
     * The gap as a whole percent of the plan's late ston-days, never rounded down to 0 % while the
     * gap shows as more than 0, nor up to 100 % while the bound does: a gap of 108.3 of 192,345 is
     * "under 1%", not "0%".
     */
    private static String gapShare(double gap, double late, double bound) {
        double share = 100 * gap / late;
        if (share > 0 && share < 0.5 && !Html.num(gap).equals("0")) {
            return "under 1%";
        }
        if (share >= 99.5 && share < 100 && !Html.num(bound).equals("0")) {
            return "over 99%";
        }
        return String.format(Locale.ROOT, "%.0f%%", share);
    }

    private static void card(
            StringBuilder b, String id, String label, String value, String sub, String tone) {
        b.append("<div class=\"card ")
                .append(tone)
                .append("\" data-measure=\"")
                .append(id)
                .append("\"><div class=\"label\">")
                .append(Html.esc(label))
                .append("</div><div class=\"value\">")
                .append(Html.esc(value))
                .append("</div><div class=\"sub\">")
                .append(Html.esc(sub))
                .append("</div></div>");
    }

    private void closure(StringBuilder b) {
        PlanFigures.ClosureCurve c = figures.closureCurve();
        b.append("<section id=\"closure\"><h2>Closure curve</h2><p class=\"note\">")
                .append("Cumulative people and cargo at their destinations by the end of each")
                .append(" day, against the cumulative requirement by required delivery date")
                .append(" (RDD). A solid line under the dashed one is load arriving late.</p>")
                .append("<div class=\"pair\">");
        int cd = plan.measures().closureDay();
        b.append(
                Charts.closureChart(
                        "People (pax)", "pax", c.deliveredPax(), c.requiredPax(), cd, 540, 280));
        b.append(
                Charts.closureChart(
                        "Cargo (short tons)",
                        "stons",
                        c.deliveredStons(),
                        c.requiredStons(),
                        cd,
                        540,
                        280));
        b.append("</div></section>\n");
    }

    private void lateLines(StringBuilder b) {
        Map<String, RequirementLine> byUln = new LinkedHashMap<>();
        for (RequirementLine l : scenario.requirements()) {
            byUln.put(l.uln(), l);
        }
        Map<String, double[]> unmet = figures.unmetByLine();
        List<LineResult> late = new ArrayList<>();
        for (LineResult r : plan.lines()) {
            if (r.lateDays() > 0 || unmet.containsKey(r.uln())) {
                late.add(r);
            }
        }
        // the costliest first: a line's late ston-days, as muster check adds them up for the plan
        Map<String, Double> cost = PlanChecker.lateStonDaysByLine(scenario, plan);
        late.sort(
                Comparator.comparingDouble((LineResult r) -> cost.getOrDefault(r.uln(), 0.0))
                        .reversed()
                        .thenComparing(Comparator.comparingInt(LineResult::lateDays).reversed())
                        .thenComparing(LineResult::uln));
        b.append("<section id=\"late\"><h2>Late lines <span class=\"count\">")
                .append(Html.integer(late.size()))
                .append("</span></h2>");
        if (late.isEmpty()) {
            b.append("<p class=\"good\">Every line closes by its RDD.</p></section>\n");
            return;
        }
        b.append("<p class=\"note\">Lines that close after their RDD or leave load unmet, with")
                .append(" what made them late, the costliest first: late ston-days are the line's")
                .append(" short tons (people at their planning weight) times their days late,")
                .append(" unmet load late to the end of the horizon. Click a heading to sort.</p>");
        b.append("<div class=\"scroll\"><table class=\"sortable\" id=\"late-table\"><thead><tr>")
                .append("<th>ULN</th><th>Unit</th><th>Mode</th><th>POE → POD</th>")
                .append("<th class=\"n\">RDD</th><th class=\"n\">Closure day</th>")
                .append("<th class=\"n\">Days late</th><th class=\"n\">Late ston-days</th>")
                .append("<th>Unmet</th><th>Reason</th>")
                .append("</tr></thead><tbody>");
        int shown = 0;
        for (LineResult r : late) {
            if (shown++ >= MAX_LATE_ROWS) {
                break;
            }
            RequirementLine l = byUln.get(r.uln());
            double[] u = unmet.get(r.uln());
            b.append("<tr data-uln=\"").append(Html.esc(r.uln())).append("\"><td>");
            b.append(Html.esc(r.uln())).append("</td><td>");
            b.append(l == null ? "" : Html.esc(l.unit())).append("</td><td>");
            b.append(l == null || l.mode() == null ? "" : l.mode().name()).append("</td><td>");
            if (l != null && l.poe() != null) {
                b.append(Html.esc(l.poe())).append(" → ").append(Html.esc(l.pod()));
            }
            b.append("</td><td class=\"n\">").append(l == null ? "" : l.rdd());
            b.append("</td><td class=\"n\">")
                    .append(r.closureDay() >= 0 ? Integer.toString(r.closureDay()) : "–");
            b.append("</td><td class=\"n\">").append(r.lateDays());
            b.append("</td><td class=\"n\">").append(Html.num(cost.getOrDefault(r.uln(), 0.0)));
            b.append("</td><td>");
            if (u != null) {
                List<String> parts = new ArrayList<>();
                if (u[0] > 0) {
                    parts.add(Html.num(u[0], 0) + " pax");
                }
                if (u[1] > 0) {
                    parts.add(Html.num(u[1]) + " stons");
                }
                b.append(String.join(", ", parts));
            }
            b.append("</td><td class=\"reason\">")
                    .append(
                            r.reason() == null || r.reason().isBlank()
                                    ? "<span class=\"missing\">no reason given</span>"
                                    : Html.esc(r.reason()))
                    .append("</td></tr>");
        }
        b.append("</tbody></table></div>");
        if (late.size() > MAX_LATE_ROWS) {
            b.append("<p class=\"note\">")
                    .append(Html.integer(late.size() - MAX_LATE_ROWS))
                    .append(" more late lines are ")
                    .append(Html.esc(moreLateLines))
                    .append(".</p>");
        }
        b.append("</section>\n");
    }

    private void binding(StringBuilder b) {
        List<Constraint> cs = new ArrayList<>(plan.bindingConstraints());
        cs.sort(Comparator.comparingDouble(Constraint::lateStonDays).reversed());
        b.append("<section id=\"binding\"><h2>Binding constraints</h2>");
        if (cs.isEmpty()) {
            b.append("<p class=\"note\">The plan names no binding constraint.</p></section>\n");
            return;
        }
        double max = cs.get(0).lateStonDays();
        b.append("<p class=\"note\">What cost the plan its lateness, ranked by the ston-days")
                .append(" of lateness put down to each.</p>");
        b.append("<table id=\"binding-table\"><thead><tr><th class=\"n\">#</th><th>Kind</th>")
                .append("<th>Where / what</th><th>Days</th><th class=\"n\">Late ston-days</th>")
                .append("<th></th><th class=\"n\">Lines</th></tr></thead><tbody>");
        int rank = 1;
        for (Constraint c : cs) {
            double share = max > 0 ? c.lateStonDays() / max : 0;
            b.append("<tr><td class=\"n\">")
                    .append(rank++)
                    .append("</td><td><span class=\"kind\">")
                    .append(Html.esc(c.kind()))
                    .append("</span></td><td>")
                    .append(Html.esc(subject(c.subject())))
                    .append("</td><td>")
                    .append(Html.esc(c.days()))
                    .append("</td><td class=\"n\">")
                    .append(Html.num(c.lateStonDays()))
                    .append("</td><td class=\"barcell\"><span class=\"bar\" style=\"width:")
                    .append(String.format(Locale.ROOT, "%.1f", 100 * share))
                    .append("%\"></span></td><td class=\"n\">")
                    .append(c.lines())
                    .append("</td></tr>");
        }
        b.append("</tbody></table></section>\n");
    }

    private String subject(String id) {
        Node n = id == null ? null : figures.network().node(id);
        return n != null && n.name() != null && !n.name().equals(id)
                ? id + " — " + n.name()
                : id == null ? "" : id;
    }

    private void map(StringBuilder b) {
        List<PlanFigures.Flow> flows = figures.flows();
        double pw = scenario.planning().paxWeightStons();
        Set<String> used = new HashSet<>();
        for (PlanFigures.Flow f : flows) {
            used.addAll(f.path());
        }
        for (RequirementLine l : scenario.requirements()) {
            if (l.poe() != null) {
                used.add(l.poe());
                used.add(l.pod());
            }
        }
        List<Node> nodes = new ArrayList<>();
        for (String id : used) {
            Node n = figures.network().node(id);
            if (n != null) {
                nodes.add(n);
            }
        }
        nodes.sort(Comparator.comparing(Node::id));
        double[] lons = nodes.stream().mapToDouble(Node::lon).toArray();
        double[] lats = nodes.stream().mapToDouble(Node::lat).toArray();
        WorldMap.View v = WorldMap.View.around(lons, lats, 1120);
        b.append("<section id=\"map\"><h2>Flows</h2><p class=\"note\">People and cargo moved")
                .append(" from each port of embarkation to each port of debarkation, through")
                .append(" en-route stops; line width grows with ston-equivalents moved.</p>");
        b.append("<svg class=\"map\" viewBox=\"0 0 ")
                .append(Html.px(v.width()))
                .append(' ')
                .append(Html.px(v.height()))
                .append("\" width=\"100%\" role=\"img\" aria-label=\"map of flows\">");
        b.append("<rect class=\"sea\" width=\"")
                .append(Html.px(v.width()))
                .append("\" height=\"")
                .append(Html.px(v.height()))
                .append("\"/>");
        b.append("<path class=\"land\" d=\"").append(WorldMap.landPath(v)).append("\"/>");
        double max = flows.isEmpty() ? 1 : flows.get(0).weight(pw);
        int drawn = Math.min(MAX_FLOWS, flows.size());
        // Smallest first so that big flows do not hide small ones.
        for (int i = drawn - 1; i >= 0; i--) {
            PlanFigures.Flow f = flows.get(i);
            StringBuilder d = new StringBuilder();
            boolean ok = true;
            for (int k = 0; k < f.path().size(); k++) {
                Node n = figures.network().node(f.path().get(k));
                if (n == null) {
                    ok = false;
                    break;
                }
                double x = v.x(n.lon());
                double y = v.y(n.lat());
                if (k == 0) {
                    d.append('M').append(Html.px(x)).append(',').append(Html.px(y));
                } else {
                    // A gentle arc keeps opposite flows between two ports apart.
                    Node p = figures.network().node(f.path().get(k - 1));
                    double px = v.x(p.lon());
                    double py = v.y(p.lat());
                    double mx = (px + x) / 2 - (y - py) * 0.12;
                    double my = (py + y) / 2 + (x - px) * 0.12;
                    d.append('Q')
                            .append(Html.px(mx))
                            .append(',')
                            .append(Html.px(my))
                            .append(' ')
                            .append(Html.px(x))
                            .append(',')
                            .append(Html.px(y));
                }
            }
            if (!ok) {
                continue;
            }
            double w = 1.2 + 12 * Math.sqrt(f.weight(pw) / max);
            b.append("<path class=\"flow ")
                    .append(f.mode().toLowerCase(Locale.ROOT))
                    .append("\" data-from=\"")
                    .append(Html.esc(f.from()))
                    .append("\" data-to=\"")
                    .append(Html.esc(f.to()))
                    .append("\" stroke-width=\"")
                    .append(Html.px(w))
                    .append("\" d=\"")
                    .append(d)
                    .append("\"><title>")
                    .append(Html.esc(String.join(" → ", f.path())))
                    .append(" (")
                    .append(f.mode())
                    .append("): ")
                    .append(Html.num(f.pax(), 0))
                    .append(" pax, ")
                    .append(Html.num(f.stons()))
                    .append(" stons on ")
                    .append(Html.count(f.missions(), "mission"))
                    .append("</title></path>");
        }
        Set<String> poes = new HashSet<>();
        Set<String> pods = new HashSet<>();
        for (PlanFigures.Flow f : flows) {
            poes.add(f.from());
            pods.add(f.to());
        }
        for (RequirementLine l : scenario.requirements()) {
            if (l.poe() != null) {
                poes.add(l.poe());
                pods.add(l.pod());
            }
        }
        // Labels go on the busiest nodes first and are left off where they would overlap.
        Map<String, Double> through = new LinkedHashMap<>();
        for (PlanFigures.Flow f : flows) {
            for (String id : f.path()) {
                through.merge(id, f.weight(pw), Double::sum);
            }
        }
        List<Node> byWeight = new ArrayList<>(nodes);
        byWeight.sort(
                Comparator.comparingDouble((Node n) -> -through.getOrDefault(n.id(), 0.0))
                        .thenComparing(Node::id));
        List<double[]> placed = new ArrayList<>();
        Set<String> labelled = new HashSet<>();
        for (Node n : byWeight) {
            double x = v.x(n.lon()) + 7;
            double y = v.y(n.lat()) - 5;
            double w = 8.2 * n.id().length();
            double[] box = {x - 1, y - 11, x + w + 1, y + 3};
            boolean free = true;
            for (double[] o : placed) {
                if (box[0] < o[2] && o[0] < box[2] && box[1] < o[3] && o[1] < box[3]) {
                    free = false;
                    break;
                }
            }
            if (free) {
                placed.add(box);
                labelled.add(n.id());
            }
        }
        for (Node n : nodes) {
            String role = pods.contains(n.id()) ? "pod" : poes.contains(n.id()) ? "poe" : "via";
            double x = v.x(n.lon());
            double y = v.y(n.lat());
            b.append("<g class=\"node ")
                    .append(role)
                    .append("\" data-node=\"")
                    .append(Html.esc(n.id()))
                    .append("\"><circle cx=\"")
                    .append(Html.px(x))
                    .append("\" cy=\"")
                    .append(Html.px(y))
                    .append("\" r=\"")
                    .append(role.equals("via") ? "3" : "4.5")
                    .append("\"><title>")
                    .append(Html.esc(n.id() + " — " + n.name() + " (" + n.kind() + ")"))
                    .append("</title></circle>");
            if (labelled.contains(n.id())) {
                b.append("<text x=\"")
                        .append(Html.px(x + 7))
                        .append("\" y=\"")
                        .append(Html.px(y - 5))
                        .append("\">")
                        .append(Html.esc(n.id()))
                        .append("</text>");
            }
            b.append("</g>");
        }
        b.append("<g class=\"map-legend\"><rect x=\"10\" y=\"10\" width=\"210\" height=\"78\"/>")
                .append("<line class=\"flow air\" x1=\"22\" x2=\"52\" y1=\"28\" y2=\"28\"")
                .append(" stroke-width=\"4\"/><text x=\"60\" y=\"32\">air</text>")
                .append("<line class=\"flow sea\" x1=\"22\" x2=\"52\" y1=\"48\" y2=\"48\"")
                .append(" stroke-width=\"4\"/><text x=\"60\" y=\"52\">sea</text>")
                .append("<circle class=\"poe\" cx=\"110\" cy=\"28\" r=\"4.5\"/>")
                .append("<text x=\"120\" y=\"32\">POE</text>")
                .append("<circle class=\"pod\" cx=\"110\" cy=\"48\" r=\"4.5\"/>")
                .append("<text x=\"120\" y=\"52\">POD</text>")
                .append("<text x=\"22\" y=\"76\">width ∝ √ ston-equivalents</text></g>");
        b.append("</svg>");
        b.append("<p class=\"attrib\">Basemap: country outlines © OpenStreetMap contributors")
                .append(" (ODbL), as shipped with graphhopper-core; equirectangular projection.")
                .append("</p>");
        if (flows.size() > drawn) {
            double rest = 0;
            for (int i = drawn; i < flows.size(); i++) {
                rest += flows.get(i).weight(pw);
            }
            b.append("<p class=\"note\">")
                    .append(Html.integer(flows.size() - drawn))
                    .append(" smaller flows (")
                    .append(Html.num(rest))
                    .append(" ston-equivalents) are not drawn.</p>");
        }
        // The biggest flows as a table too: exact figures and printable.
        b.append("<details><summary>The ")
                .append(Math.min(25, flows.size()))
                .append(" largest flows as a table</summary>");
        b.append("<table id=\"flow-table\" class=\"sortable\"><thead><tr><th>Mode</th>")
                .append("<th>Path</th><th class=\"n\">Pax</th><th class=\"n\">Stons</th>")
                .append("<th class=\"n\">Missions</th></tr></thead><tbody>");
        for (int i = 0; i < Math.min(25, flows.size()); i++) {
            PlanFigures.Flow f = flows.get(i);
            b.append("<tr><td>")
                    .append(f.mode())
                    .append("</td><td>")
                    .append(Html.esc(String.join(" → ", f.path())))
                    .append("</td><td class=\"n\">")
                    .append(Html.num(f.pax(), 0))
                    .append("</td><td class=\"n\">")
                    .append(Html.num(f.stons()))
                    .append("</td><td class=\"n\">")
                    .append(Html.integer(f.missions()))
                    .append("</td></tr>");
        }
        b.append("</tbody></table></details></section>\n");
    }

    private void lift(StringBuilder b) {
        Map<String, List<Mission>> byType = new LinkedHashMap<>();
        for (LiftType t : scenario.lift()) {
            byType.put(t.id(), new ArrayList<>());
        }
        for (Mission m : plan.missions()) {
            byType.computeIfAbsent(m.lift(), k -> new ArrayList<>()).add(m);
        }
        b.append("<section id=\"lift\"><h2>Lift</h2>");
        b.append("<table id=\"lift-table\"><thead><tr><th>Lift type</th><th>Mode</th>")
                .append("<th class=\"n\">Tails</th><th class=\"n\">Tails used</th>")
                .append("<th class=\"n\">Missions</th><th class=\"n\">Positioning</th>")
                .append("<th class=\"n\">Pax moved</th><th class=\"n\">Stons moved</th>")
                .append("</tr></thead><tbody>");
        for (LiftType t : scenario.lift()) {
            List<Mission> ms = byType.get(t.id());
            Set<Integer> tails = new HashSet<>();
            long pax = 0;
            double stons = 0;
            int empty = 0;
            for (Mission m : ms) {
                tails.add(m.tail());
                if (m.loads().isEmpty()) {
                    empty++;
                }
                for (Load l : m.loads()) {
                    pax += l.pax();
                    stons += l.stons();
                }
            }
            b.append("<tr><td>")
                    .append(Html.esc(t.id()))
                    .append("</td><td>")
                    .append(t.mode())
                    .append("</td><td class=\"n\">")
                    .append(t.count())
                    .append("</td><td class=\"n\">")
                    .append(tails.size())
                    .append("</td><td class=\"n\">")
                    .append(Html.integer(ms.size()))
                    .append("</td><td class=\"n\">")
                    .append(Html.integer(empty))
                    .append("</td><td class=\"n\">")
                    .append(Html.integer(pax))
                    .append("</td><td class=\"n\">")
                    .append(Html.num(stons))
                    .append("</td></tr>");
        }
        b.append("</tbody></table>");
        b.append("<p class=\"note\">Mission timelines: one row per tail or hull,")
                .append(" <span class=\"key loaded\"></span> loaded missions,")
                .append(" <span class=\"key empty\"></span> positioning. Large fleets are")
                .append(" shown in bands of tails, shaded by the share of hours on missions.")
                .append("</p>");
        for (LiftType t : scenario.lift()) {
            List<Mission> ms = byType.get(t.id());
            if (ms.isEmpty()) {
                continue;
            }
            b.append("<h3>")
                    .append(Html.esc(t.id()))
                    .append(" <span class=\"count\">")
                    .append(Html.count(ms.size(), "mission"))
                    .append("</span></h3>");
            b.append(Timeline.svg(t, ms, days, 1120));
            long after = ms.stream().filter(m -> m.begin() >= 24.0 * days).count();
            if (after > 0) {
                b.append("<p class=\"note\">")
                        .append(after == 1 ? "1 mission" : Html.integer(after) + " missions")
                        .append(" after the horizon ")
                        .append(after == 1 ? "is" : "are")
                        .append(" not shown.</p>");
            }
        }
        b.append("</section>\n");
    }

    private void nodes(StringBuilder b) {
        List<PlanFigures.NodeUse> uses = figures.nodeUse();
        b.append("<section id=\"nodes\"><h2>Airfields and ports by day</h2>");
        if (uses.isEmpty()) {
            b.append("<p class=\"note\">No mission stops at an airfield or port.</p></section>\n");
            return;
        }
        b.append("<p class=\"note\">Most aircraft (or ships) on the ground at once each day,")
                .append(" against the working MOG (or berths); shaded by share of capacity.")
                .append(" Hover a cell for the day's time-weighted average.</p>");
        b.append("<div class=\"scroll\"><table class=\"heat\" id=\"node-table\"><thead><tr>")
                .append("<th>Node</th><th class=\"n\">Cap.</th>");
        for (int d = 0; d < days; d++) {
            b.append("<th class=\"d\">").append(d).append("</th>");
        }
        b.append("</tr></thead><tbody>");
        int shown = 0;
        for (PlanFigures.NodeUse u : uses) {
            if (shown++ >= MAX_NODE_ROWS) {
                break;
            }
            b.append("<tr><th title=\"")
                    .append(Html.esc(u.node().name()))
                    .append("\">")
                    .append(Html.esc(u.node().id()))
                    .append("</th><td class=\"n\">")
                    .append(u.capacity())
                    .append("</td>");
            for (int d = 0; d < days; d++) {
                int p = u.peak()[d];
                if (p == 0) {
                    b.append("<td></td>");
                    continue;
                }
                double share = u.capacity() > 0 ? p / (double) u.capacity() : 1;
                String cls = share > 1 + 1e-9 ? "over" : share >= 1 - 1e-9 ? "full" : "part";
                b.append("<td class=\"")
                        .append(cls)
                        .append("\" style=\"--s:")
                        .append(String.format(Locale.ROOT, "%.2f", Math.min(1, share)))
                        .append("\" title=\"")
                        .append(
                                Html.esc(
                                        String.format(
                                                Locale.ROOT,
                                                "%s C+%d: peak %d of %d, average %.1f",
                                                u.node().id(),
                                                d,
                                                p,
                                                u.capacity(),
                                                u.average()[d])))
                        .append("\">")
                        .append(p)
                        .append("</td>");
            }
            b.append("</tr>");
        }
        b.append("</tbody></table></div>");
        if (uses.size() > MAX_NODE_ROWS) {
            b.append("<p class=\"note\">")
                    .append(uses.size() - MAX_NODE_ROWS)
                    .append(" less crowded nodes are not shown.</p>");
        }
        b.append("</section>\n");
    }

    private void footer(StringBuilder b) {
        b.append("</main><footer class=\"wrap\">muster · plan of scenario ")
                .append(Html.esc(scenario.name()))
                .append(" · figures by the movement model (hours from C-day 00:00; stons are")
                .append(" short tons)</footer>");
    }

    private static final String CSS =
            """
            :root{--ink:#1d2433;--muted:#5b6578;--line:#d9dee7;--bg:#f6f7f9;--air:#2f6fd6;\
            --sea:#0f8c7a;--warn:#b4690e;--bad:#c23a3a;--ok:#2e7d4f}
            *{box-sizing:border-box}
            body{margin:0;font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"DejaVu Sans",\
            sans-serif;color:var(--ink);background:var(--bg)}
            .wrap{max-width:1180px;margin:0 auto;padding:0 20px}
            header{background:#1d2b45;color:#fff;padding:18px 0 0}
            header h1{margin:0;font-size:26px;letter-spacing:.2px}
            header .sub{margin:4px 0 12px;color:#c9d3e6}
            nav{display:flex;gap:4px;flex-wrap:wrap}
            nav a{color:#dfe7f5;text-decoration:none;padding:8px 12px;border-radius:6px 6px 0 0}
            nav a:hover{background:#2c3d5f}
            section{background:#fff;border:1px solid var(--line);border-radius:8px;\
            padding:16px 20px;margin:18px 0}
            h2{margin:0 0 8px;font-size:19px}
            h3{margin:18px 0 6px;font-size:15px}
            .count{color:var(--muted);font-weight:normal;font-size:.85em}
            .note{color:var(--muted);margin:4px 0 10px}
            .note.partial{color:var(--bad);border-left:5px solid var(--bad);background:#fdf3f3;\
            padding:6px 10px}
            .good{color:var(--ok);font-weight:600}
            .cards{display:grid;grid-template-columns:repeat(5,1fr);gap:12px}
            .card{border:1px solid var(--line);border-left:5px solid #8a94a6;border-radius:6px;\
            padding:10px 12px;background:#fbfcfd}
            .card.ok{border-left-color:var(--ok)}
            .card.warn{border-left-color:var(--warn)}
            .card.bad{border-left-color:var(--bad)}
            .card .label{color:var(--muted);font-size:12px;text-transform:uppercase;\
            letter-spacing:.5px}
            .card .value{font-size:22px;font-weight:650;margin:2px 0}
            .card .sub{color:var(--muted);font-size:12.5px}
            .pair{display:flex;gap:16px;flex-wrap:wrap}
            svg text{font-family:inherit}
            .chart .ct{font-weight:600;font-size:13px;fill:var(--ink)}
            .chart .grid{stroke:#e6e9ef;stroke-width:1}
            .chart .grid.minor{stroke:#f1f3f6}
            .chart .tick{stroke:#9aa3b2}
            .chart .yl{font-size:11px;fill:var(--muted);text-anchor:end}
            .chart .xl{font-size:11px;fill:var(--muted);text-anchor:middle}
            .chart .rl{font-size:10px;fill:var(--muted);text-anchor:end}
            .chart .lg{font-size:11.5px;fill:var(--ink)}
            .legend-bg{fill:#fff;fill-opacity:.85;stroke:var(--line)}
            .delivered{fill:none;stroke:var(--air);stroke-width:2.2}
            .delivered-area{fill:var(--air);fill-opacity:.12;stroke:none}
            .required{fill:none;stroke:#6b7280;stroke-width:1.6;stroke-dasharray:5 4}
            .closure-rule{stroke:var(--bad);stroke-width:1.2;stroke-dasharray:2 3}
            .hit{fill:transparent}
            .hit:hover{fill:#2f6fd6;fill-opacity:.06}
            .timeline .m.loaded{fill:var(--air)}
            .timeline .m.empty{fill:#b9c2d0}
            .timeline .band{fill:var(--air)}
            .key{display:inline-block;width:18px;height:9px;border-radius:2px;vertical-align:middle}
            .key.loaded{background:var(--air)}
            .key.empty{background:#b9c2d0}
            table{border-collapse:collapse;width:100%;font-size:13px}
            th,td{padding:5px 8px;border-bottom:1px solid #edf0f4;text-align:left;\
            vertical-align:top}
            thead th{background:#f0f2f6;font-weight:600;position:sticky;top:0}
            table.sortable thead th{cursor:pointer}
            table.sortable thead th:hover{background:#e4e8ef}
            .n{text-align:right;font-variant-numeric:tabular-nums}
            .reason{max-width:440px}
            .missing{color:var(--bad)}
            .kind{font-family:ui-monospace,monospace;font-size:12px;background:#eef1f6;\
            padding:1px 6px;border-radius:4px}
            .barcell{width:22%}
            .bar{display:block;height:10px;background:var(--warn);border-radius:2px;\
            min-width:2px}
            .scroll{max-height:640px;overflow:auto;border:1px solid #edf0f4;border-radius:4px}
            table.heat{width:auto}
            table.heat th,table.heat td{padding:2px 3px;border:1px solid #f0f2f5;font-size:11px;\
            text-align:center;min-width:22px}
            table.heat tbody th{text-align:left;white-space:nowrap}
            table.heat td.part{background:rgba(47,111,214,calc(.08 + .5*var(--s)))}
            table.heat td.full{background:#f2b35b;font-weight:600}
            table.heat td.over{background:var(--bad);color:#fff;font-weight:700}
            .map{display:block;border:1px solid var(--line);border-radius:6px;height:auto}
            .map .sea{fill:#dbe8f3}
            .map .land{fill:#f3efe6;stroke:#c9c2b2;stroke-width:.5}
            .map .flow{fill:none;stroke-linecap:round;stroke-opacity:.72}
            .map .flow.air{stroke:var(--air)}
            .map .flow.sea{stroke:var(--sea)}
            .map .flow:hover{stroke-opacity:1}
            .map .node circle,.map circle.poe,.map circle.pod{stroke:#fff;stroke-width:1.5}
            .map .poe circle,.map circle.poe{fill:#1d2b45}
            .map .pod circle,.map circle.pod{fill:var(--bad)}
            .map .via circle{fill:#8a94a6}
            .map .node text{font-size:11px;font-weight:600;fill:#1d2433;paint-order:stroke;\
            stroke:#fff;stroke-width:3px}
            .map-legend rect{fill:#fff;fill-opacity:.9;stroke:var(--line)}
            .map-legend text{font-size:12px;fill:var(--ink)}
            details summary{cursor:pointer;color:var(--muted);margin:6px 0}
            .attrib{font-size:11px;color:var(--muted);margin:4px 0 12px}
            footer{color:var(--muted);font-size:12px;padding:8px 20px 30px}
            @media print{header{background:#fff;color:#000}nav{display:none}\
            .scroll{max-height:none;overflow:visible}section{break-inside:avoid}}
            @media (max-width:900px){.cards{grid-template-columns:repeat(2,1fr)}}
            """;

    private static String sha256(String text) {
        try {
            return java.util.Base64.getEncoder()
                    .encodeToString(
                            java.security.MessageDigest.getInstance("SHA-256")
                                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    private static final String JS =
            """
            (function(){
              function key(td){
                var t=(td&&td.textContent||'').trim(), n=parseFloat(t.replace(/,/g,''));
                return isNaN(n)||!/^[-\\d.,]+/.test(t)?{s:t.toLowerCase()}:{n:n};
              }
              var tables=document.querySelectorAll('table.sortable');
              Array.prototype.forEach.call(tables,function(table){
                var ths=table.querySelectorAll('thead th');
                Array.prototype.forEach.call(ths,function(th,i){
                  th.addEventListener('click',function(){
                    var body=table.tBodies[0], rows=Array.prototype.slice.call(body.rows);
                    var dir=th.getAttribute('data-dir')==='asc'?-1:1;
                    Array.prototype.forEach.call(ths,function(h){h.removeAttribute('data-dir');});
                    th.setAttribute('data-dir',dir===1?'asc':'desc');
                    rows.sort(function(a,b){
                      var x=key(a.cells[i]), y=key(b.cells[i]);
                      if(x.n!==undefined&&y.n!==undefined){return dir*(x.n-y.n);}
                      var xs=x.s!==undefined?x.s:String(x.n), ys=y.s!==undefined?y.s:String(y.n);
                      return dir*(xs<ys?-1:xs>ys?1:0);
                    });
                    rows.forEach(function(r){body.appendChild(r);});
                  });
                });
              });
            })();
            """;
}
