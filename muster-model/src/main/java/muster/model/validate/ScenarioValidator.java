package muster.model.validate;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import muster.model.CargoClass;
import muster.model.CargoEntry;
import muster.model.Fault;
import muster.model.LiftMode;
import muster.model.LiftType;
import muster.model.LineMode;
import muster.model.Network;
import muster.model.Node;
import muster.model.NodeKind;
import muster.model.Planning;
import muster.model.RequirementLine;
import muster.model.Route;
import muster.model.RouteMode;
import muster.model.Scenario;

/**
 * Checks a scenario against the rules of the movement model's "Scenario" section. A scenario with
 * any ERROR fault is refused as a whole; WARNING faults (such as {@code lad > rdd}) are reported
 * and do not refuse it. Each fault names the place, the field and the value.
 */
public final class ScenarioValidator {
    private final Scenario scenario;
    private final List<Fault> faults = new ArrayList<>();
    private final Map<String, Node> nodes = new HashMap<>();

    /** Each node id's first place in the list, for a duplicate's message. */
    private final Map<String, Integer> nodeIndex = new HashMap<>();

    private final Set<Route> unusableRoutes = new HashSet<>();
    private Network network;

    private ScenarioValidator(Scenario scenario) {
        this.scenario = scenario;
    }

    /** Every fault of the scenario, in document order within each section. */
    public static List<Fault> validate(Scenario scenario) {
        ScenarioValidator v = new ScenarioValidator(scenario);
        v.run();
        return List.copyOf(v.faults);
    }

    /** Whether the faults hold no ERROR. */
    public static boolean accepts(List<Fault> faults) {
        return faults.stream().noneMatch(Fault::isError);
    }

    private void run() {
        if (scenario.name() == null || scenario.name().isBlank()) {
            error("name", "scenario", "name", scenario.name(), "the scenario needs a name", null);
        } else {
            plain("name", "scenario", "name", scenario.name());
        }
        checkPlanning(scenario.planning());
        for (int i = 0; i < scenario.nodes().size(); i++) {
            checkNode(i, scenario.nodes().get(i));
        }
        Map<String, Integer> liftIds = new HashMap<>();
        for (int i = 0; i < scenario.lift().size(); i++) {
            checkLift(i, scenario.lift().get(i), liftIds);
        }
        Map<String, Integer> routeIds = new HashMap<>();
        for (int i = 0; i < scenario.routes().size(); i++) {
            checkRoute(i, scenario.routes().get(i), routeIds);
        }
        // The network's distance look-ups need known nodes and whole leg lists: leave out the
        // routes already refused.
        List<Route> usable = new ArrayList<>();
        for (Route r : scenario.routes()) {
            if (!unusableRoutes.contains(r)) {
                usable.add(r);
            }
        }
        network =
                new Network(
                        new Scenario(
                                scenario.name() == null ? "" : scenario.name(),
                                scenario.nodes(),
                                scenario.lift(),
                                usable,
                                scenario.requirements(),
                                scenario.planning()));
        Map<String, Integer> ulns = new HashMap<>();
        for (int i = 0; i < scenario.requirements().size(); i++) {
            checkLine(i, scenario.requirements().get(i), ulns);
        }
    }

    // ---- planning ------------------------------------------------------------------------

    /**
     * The longest horizon a scenario may have: two years. The planners keep each node's and tail's
     * timeline over the horizon, so an absurd one (a hundred million days) would exhaust memory
     * instead of being refused; no deployment plan runs anywhere near two years.
     */
    public static final int MAX_HORIZON_DAYS = 730;

    /**
     * The most tails of one lift type. The planners keep a timeline per tail; the largest real
     * fleets (every C-17 and every CRAF aircraft) are a few hundred, so a count of millions, which
     * exhausted memory, is a typing error.
     */
    public static final int MAX_TAILS_PER_TYPE = 10_000;

    /**
     * The most people on one line, and short tons in one cargo entry. A line moves one unit (a
     * corps headquarters to a brigade); a line of ten billion short tons validated before and ran
     * the planner out of memory making its sorties.
     */
    public static final int MAX_LINE_AMOUNT = 1_000_000;

    private static final String MAX_LINE_AMOUNT_TEXT = "1,000,000";

    /**
     * The latest day a line's {@code rld}, {@code ald}, {@code ead} or {@code lad}, or a lift
     * type's {@code availableFromDay}, may name: the end of the longest horizon. Plan times are
     * hours checked within an absolute 1e-6 h, as the movement model says; at day two billion (hour
     * 4.8e10) a double no longer keeps that, and a plan of such a scenario failed its own check.
     */
    public static final int MAX_DAY = MAX_HORIZON_DAYS;

    /**
     * The longest time in hours a node's handling, a lift type's ground time or a ROAD or RAIL
     * route may take: the longest horizon, 17,520 h. Longer, and plan times leave the range where
     * 1e-6 h can be checked.
     */
    public static final double MAX_HOURS = 24.0 * MAX_HORIZON_DAYS;

    private static final String HOURS_LIMIT_TEXT =
            "may be at most 17,520 hours (730 days, the longest horizon)";

    private static final String HOURS_HINT = "the time in hours, not minutes or seconds";

    /**
     * The slowest a lift type may go, in knots. A leg's time is its distance over the speed, so a
     * speed of 1e-8 knots put arrivals at hour 1e12, where times can no longer be checked within
     * 1e-6 h; the slowest real lift sails at more than ten knots.
     */
    public static final double MIN_SPEED_KNOTS = 1;

    /**
     * The longest leg a route may give, in nautical miles: once round the earth (21,600 nm, 360
     * degrees of 60 nm). A great circle between two nodes is at most half that.
     */
    public static final double MAX_LEG_NM = 21_600;

    private void checkPlanning(Planning p) {
        String where = "planning";
        if (p.horizonDays() < 1) {
            error(
                    "planning.horizonDays",
                    where,
                    "horizonDays",
                    p.horizonDays(),
                    "the horizon must be at least 1 day",
                    null);
        } else if (p.horizonDays() > MAX_HORIZON_DAYS) {
            error(
                    "planning.horizonDays",
                    where,
                    "horizonDays",
                    p.horizonDays(),
                    "the horizon may be at most " + MAX_HORIZON_DAYS + " days",
                    "plan a deployment in phases of at most two years");
        }
        if (!(p.paxWeightStons() >= 0) || Double.isInfinite(p.paxWeightStons())) {
            error(
                    "planning.paxWeightStons",
                    where,
                    "paxWeightStons",
                    p.paxWeightStons(),
                    "must be a finite number of short tons, 0 or more",
                    "0.2");
        }
        if (p.searchIterations() < 0) {
            error(
                    "planning.searchIterations",
                    where,
                    "searchIterations",
                    p.searchIterations(),
                    "must be 0 or more",
                    null);
        }
        if (p.cDate() != null && plain("planning.cDate", where, "cDate", p.cDate())) {
            try {
                LocalDate.parse(p.cDate());
            } catch (DateTimeParseException e) {
                error(
                        "planning.cDate",
                        where,
                        "cDate",
                        p.cDate(),
                        "not a calendar date (yyyy-mm-dd)",
                        null);
            }
        }
    }

    // ---- nodes ---------------------------------------------------------------------------

    private void checkNode(int i, Node n) {
        String path = "nodes[" + i + "]";
        String where = "node " + n.id();
        if (blank(n.id())) {
            error(path + ".id", "node #" + (i + 1), "id", n.id(), "a node needs an id", null);
            return;
        }
        plainId(path + ".id", where, "id", n.id());
        Integer first = nodeIndex.putIfAbsent(n.id(), i);
        if (nodes.putIfAbsent(n.id(), n) != null) {
            error(path + ".id", where, "id", n.id(), duplicate("node id", "nodes", first), null);
        }
        if (blank(n.name())) {
            error(path + ".name", where, "name", n.name(), "a node needs a name", null);
        } else {
            plain(path + ".name", where, "name", n.name());
        }
        if (!plain(path + ".country", where, "country", n.country())) {
            // named above
        } else if (n.country() == null || !n.country().matches("[A-Z]{2}")) {
            error(
                    path + ".country",
                    where,
                    "country",
                    n.country(),
                    "not an ISO 3166 alpha-2 country code (two capital letters)",
                    n.country() != null && n.country().matches("[a-zA-Z]{2}")
                            ? n.country().toUpperCase(Locale.ROOT)
                            : null);
        }
        if (!(n.lat() >= -90 && n.lat() <= 90)) {
            error(path + ".lat", where, "lat", n.lat(), "latitude must be within -90..90", null);
        }
        if (!(n.lon() >= -180 && n.lon() <= 180)) {
            error(path + ".lon", where, "lon", n.lon(), "longitude must be within -180..180", null);
        }
        if (n.kind() == NodeKind.AIRFIELD && n.mog() < 1) {
            error(
                    path + ".mog",
                    where,
                    "mog",
                    n.mog(),
                    "an AIRFIELD needs a mog (aircraft on the ground at once) of 1 or more",
                    null);
        } else if (n.mog() < 0) {
            error(path + ".mog", where, "mog", n.mog(), "must be 0 or more", null);
        }
        if (n.kind() == NodeKind.SEAPORT && n.berths() < 1) {
            error(
                    path + ".berths",
                    where,
                    "berths",
                    n.berths(),
                    "a SEAPORT needs berths (ships alongside at once) of 1 or more",
                    null);
        } else if (n.berths() < 0) {
            error(path + ".berths", where, "berths", n.berths(), "must be 0 or more", null);
        }
        hours(path, where, "handlingHours", n.handlingHours());
    }

    // ---- lift ----------------------------------------------------------------------------

    private void checkLift(int i, LiftType t, Map<String, Integer> ids) {
        String path = "lift[" + i + "]";
        String where = "lift type " + t.id();
        if (blank(t.id())) {
            error(path + ".id", "lift type #" + (i + 1), "id", t.id(), "needs an id", null);
            return;
        }
        plainId(path + ".id", where, "id", t.id());
        Integer first = ids.putIfAbsent(t.id(), i);
        if (first != null) {
            error(
                    path + ".id",
                    where,
                    "id",
                    t.id(),
                    duplicate("lift type id", "lift", first),
                    null);
        }
        if (t.mode() == null) {
            error(path + ".mode", where, "mode", null, "missing mode", "AIR or SEA");
        }
        if (t.count() < 1) {
            error(path + ".count", where, "count", t.count(), "count must be 1 or more", null);
        } else if (t.count() > MAX_TAILS_PER_TYPE) {
            error(
                    path + ".count",
                    where,
                    "count",
                    t.count(),
                    "at most " + MAX_TAILS_PER_TYPE + " tails of one type",
                    null);
        }
        if (t.availableFromDay() < 0) {
            error(
                    path + ".availableFromDay",
                    where,
                    "availableFromDay",
                    t.availableFromDay(),
                    "a day number cannot be below 0",
                    null);
        } else if (t.availableFromDay() > MAX_DAY) {
            error(
                    path + ".availableFromDay",
                    where,
                    "availableFromDay",
                    t.availableFromDay(),
                    "a day number may be at most " + MAX_DAY + ", the end of the longest horizon",
                    dayHint());
        }
        Node base = knownNode(path + ".baseNode", where, "baseNode", t.baseNode());
        if (base != null && t.mode() != null) {
            NodeKind want = t.mode() == LiftMode.AIR ? NodeKind.AIRFIELD : NodeKind.SEAPORT;
            if (base.kind() != want) {
                error(
                        path + ".baseNode",
                        where,
                        "baseNode",
                        t.baseNode(),
                        "a lift type of mode "
                                + t.mode()
                                + " must be based at a node of kind "
                                + want
                                + ", not "
                                + base.kind(),
                        null);
            }
        }
        if (t.carries().isEmpty()) {
            error(path + ".carries", where, "carries", "[]", "carries nothing", null);
        }
        if (t.mode() == LiftMode.AIR && t.carries(CargoClass.NAT)) {
            error(
                    path + ".carries",
                    where,
                    "carries",
                    "NAT",
                    "an AIR lift type cannot carry NAT (not air-transportable) cargo",
                    "remove NAT from carries");
        }
        if (t.paxCapacity() < 0) {
            error(
                    path + ".paxCapacity",
                    where,
                    "paxCapacity",
                    t.paxCapacity(),
                    "a negative amount",
                    null);
        }
        nonNegative(path, where, "stonsCapacity", t.stonsCapacity());
        nonNegative(path, where, "sqftCapacity", t.sqftCapacity());
        if (!(t.speedKnots() > 0) || Double.isInfinite(t.speedKnots())) {
            error(
                    path + ".speedKnots",
                    where,
                    "speedKnots",
                    t.speedKnots(),
                    "speed must be above 0 knots",
                    null);
        } else if (t.speedKnots() < MIN_SPEED_KNOTS) {
            error(
                    path + ".speedKnots",
                    where,
                    "speedKnots",
                    t.speedKnots(),
                    "speed must be at least 1 knot",
                    "a speed in knots: a C-17 flies at about 410, a ship sails at 15 to 25");
        }
        if (!(t.rangeNm() > 0)) {
            error(
                    path + ".rangeNm",
                    where,
                    "rangeNm",
                    t.rangeNm(),
                    "range must be above 0 nm (leave it out for no limit)",
                    null);
        }
        hours(path + ".groundHours", where, "onload", t.groundHours().onload());
        hours(path + ".groundHours", where, "offload", t.groundHours().offload());
        hours(path + ".groundHours", where, "enroute", t.groundHours().enroute());
    }

    // ---- routes --------------------------------------------------------------------------

    private void checkRoute(int i, Route r, Map<String, Integer> ids) {
        String path = "routes[" + i + "]";
        String where =
                r.id() != null
                        ? "route " + r.id()
                        : "route " + r.mode() + " " + r.from() + "->" + r.to();
        boolean usable = true;
        plainId(path + ".id", where, "id", r.id());
        Integer first = r.id() == null ? null : ids.putIfAbsent(r.id(), i);
        if (first != null) {
            error(path + ".id", where, "id", r.id(), duplicate("route id", "routes", first), null);
        }
        List<String> points = r.points();
        for (int k = 0; k < points.size(); k++) {
            String f = k == 0 ? "from" : k == points.size() - 1 ? "to" : "via";
            String fp =
                    k == 0 || k == points.size() - 1
                            ? path + "." + f
                            : path + ".via[" + (k - 1) + "]";
            Node n = knownNode(fp, where, f, points.get(k));
            if (n == null) {
                usable = false;
                continue;
            }
            if (r.isChannel()) {
                NodeKind want = r.mode() == RouteMode.AIR ? NodeKind.AIRFIELD : NodeKind.SEAPORT;
                if (n.kind() != want) {
                    error(
                            fp,
                            where,
                            f,
                            n.id(),
                            "every point of a route of mode "
                                    + r.mode()
                                    + " must be of kind "
                                    + want
                                    + ", not "
                                    + n.kind(),
                            null);
                    usable = false;
                }
            }
        }
        if (r.isChannel()) {
            if (r.from() != null && r.from().equals(r.to())) {
                error(path + ".to", where, "to", r.to(), "a route must go somewhere else", null);
                usable = false;
            }
            // a via at an end of the route, or twice in a row, is a leg of no distance with a
            // stop's ground time on it: a typo, not a route
            for (int k = 0; k < r.via().size(); k++) {
                String v = r.via().get(k);
                String why = null;
                if (v != null && (v.equals(r.from()) || v.equals(r.to()))) {
                    why = "is an end of the route itself; a via is a stop between its ends";
                } else if (v != null && k > 0 && v.equals(r.via().get(k - 1))) {
                    why = "repeats the via before it";
                }
                if (why != null) {
                    error(path + ".via[" + k + "]", where, "via", v, why, null);
                    usable = false;
                }
            }
            if (!r.legsNm().isEmpty()) {
                if (r.legsNm().size() != points.size() - 1) {
                    error(
                            path + ".legsNm",
                            where,
                            "legsNm",
                            r.legsNm().toString(),
                            "gives "
                                    + r.legsNm().size()
                                    + " distances for "
                                    + (points.size() - 1)
                                    + " legs",
                            "one number per leg: from -> each via -> to");
                    usable = false;
                }
                for (int k = 0; k < r.legsNm().size(); k++) {
                    Double d = r.legsNm().get(k);
                    if (d == null || !(d > 0) || d.isInfinite()) {
                        error(
                                path + ".legsNm[" + k + "]",
                                where,
                                "legsNm",
                                String.valueOf(d),
                                "a leg distance must be above 0 nm",
                                null);
                        usable = false;
                    } else if (d > MAX_LEG_NM) {
                        error(
                                path + ".legsNm[" + k + "]",
                                where,
                                "legsNm",
                                text(d),
                                "a leg may be at most 21,600 nm, once round the earth",
                                "the distance in nautical miles");
                        usable = false;
                    }
                }
            }
        } else {
            if (!r.via().isEmpty()) {
                error(
                        path + ".via",
                        where,
                        "via",
                        r.via().toString(),
                        "only AIR and SEA routes have en-route stops",
                        null);
            }
            if (!r.legsNm().isEmpty()) {
                error(
                        path + ".legsNm",
                        where,
                        "legsNm",
                        r.legsNm().toString(),
                        "only AIR and SEA routes give leg distances",
                        null);
            }
            if (!(r.hours() >= 0) || Double.isInfinite(r.hours())) {
                error(
                        path + ".hours",
                        where,
                        "hours",
                        r.hours(),
                        "travel time must be a finite number of hours, 0 or more",
                        null);
            } else if (r.hours() > MAX_HOURS) {
                error(
                        path + ".hours",
                        where,
                        "hours",
                        r.hours(),
                        "travel time " + HOURS_LIMIT_TEXT,
                        HOURS_HINT);
            }
        }
        if (!usable) {
            unusableRoutes.add(r);
        }
    }

    // ---- requirement lines ---------------------------------------------------------------

    private void checkLine(int i, RequirementLine l, Map<String, Integer> ulns) {
        String path = "requirements[" + i + "]";
        String where = "requirement " + l.uln();
        if (blank(l.uln())) {
            error(path + ".uln", "requirement #" + (i + 1), "uln", l.uln(), "needs a uln", null);
            return;
        }
        plainId(path + ".uln", where, "uln", l.uln());
        plain(path + ".unit", where, "unit", l.unit());
        Integer first = ulns.putIfAbsent(l.uln(), i);
        if (first != null) {
            error(
                    path + ".uln",
                    where,
                    "uln",
                    l.uln(),
                    duplicate("uln", "requirements", first),
                    null);
        }
        if (blank(l.nation())) {
            error(path + ".nation", where, "nation", l.nation(), "needs a nation", null);
        } else {
            plain(path + ".nation", where, "nation", l.nation());
        }
        if (l.pax() < 0) {
            error(path + ".pax", where, "pax", l.pax(), "a negative amount", null);
        } else if (l.pax() > MAX_LINE_AMOUNT) {
            error(
                    path + ".pax",
                    where,
                    "pax",
                    l.pax(),
                    "at most " + MAX_LINE_AMOUNT_TEXT + " people on one line",
                    "split the unit into lines");
        }
        Set<CargoClass> classes = EnumSet.noneOf(CargoClass.class);
        if (l.pax() > 0) {
            classes.add(CargoClass.PAX);
        }
        for (int k = 0; k < l.cargo().size(); k++) {
            CargoEntry e = l.cargo().get(k);
            String cp = path + ".cargo[" + k + "]";
            if (e.cargoClass() == CargoClass.PAX) {
                error(
                        cp + ".class",
                        where,
                        "class",
                        "PAX",
                        "people are given by 'pax', not as a cargo entry",
                        "pax: <number>");
                continue;
            }
            boolean dup = false;
            for (int j = 0; j < k; j++) {
                if (l.cargo().get(j).cargoClass() == e.cargoClass()) {
                    dup = true;
                }
            }
            if (dup) {
                error(
                        cp + ".class",
                        where,
                        "class",
                        e.cargoClass(),
                        "a line has at most one cargo entry per class",
                        "add the stons to the first " + e.cargoClass() + " entry");
            }
            boolean okStons = nonNegative(cp, where, "stons", e.stons());
            boolean okSqft = nonNegative(cp, where, "sqft", e.sqft());
            if (okStons && e.stons() > MAX_LINE_AMOUNT) {
                okStons = false;
                error(
                        cp + ".stons",
                        where,
                        "stons",
                        e.stons(),
                        "at most " + MAX_LINE_AMOUNT_TEXT + " short tons in one cargo entry",
                        "split the unit into lines");
            }
            if (okStons && okSqft && e.stons() == 0 && e.sqft() > 0) {
                // the planner loads by weight: an area with no weight would not go aboard at all
                error(
                        cp + ".stons",
                        where,
                        "stons",
                        e.stons(),
                        "the "
                                + e.cargoClass()
                                + " cargo has a deck area ("
                                + text(e.sqft())
                                + " sq ft) but no weight",
                        "stons: <short tons>");
            }
            if (okStons && e.stons() > 0) {
                classes.add(e.cargoClass());
                if (l.mode() == LineMode.SEA && okSqft && e.sqft() <= 0) {
                    error(
                            cp + ".sqft",
                            where,
                            "sqft",
                            e.sqft(),
                            "a SEA line gives the deck area of its " + e.cargoClass() + " cargo",
                            "sqft: <square feet>");
                }
            }
        }
        if (l.pax() == 0
                && l.cargoStons() <= 0
                && l.cargo().stream().allMatch(c -> c.stons() >= 0)) {
            error(
                    path + ".pax",
                    where,
                    "pax",
                    l.pax(),
                    "the line moves nothing: no pax and no cargo",
                    null);
        }
        Node origin = knownNode(path + ".origin", where, "origin", l.origin());
        Node destination = knownNode(path + ".destination", where, "destination", l.destination());

        boolean datesOk = true;
        int[] days = {l.rld(), l.ald(), l.ead(), l.lad(), l.rdd()};
        String[] names = {"rld", "ald", "ead", "lad", "rdd"};
        for (int k = 0; k < days.length; k++) {
            if (days[k] < 0) {
                error(
                        path + "." + names[k],
                        where,
                        names[k],
                        days[k],
                        "a day number cannot be below 0",
                        null);
                datesOk = false;
            } else if (days[k] > MAX_DAY && !names[k].equals("rdd")) {
                // the rdd is held below the horizon, itself at most MAX_DAY, further down
                error(
                        path + "." + names[k],
                        where,
                        names[k],
                        days[k],
                        "a day number may be at most "
                                + MAX_DAY
                                + ", the end of the longest horizon",
                        dayHint());
            }
        }
        if (datesOk) {
            if (l.rld() > l.ald()) {
                error(
                        path + ".rld",
                        where,
                        "rld",
                        l.rld(),
                        "rld is later than ald " + l.ald(),
                        null);
            }
            if (l.ead() > l.lad()) {
                error(
                        path + ".ead",
                        where,
                        "ead",
                        l.ead(),
                        "ead is later than lad " + l.lad(),
                        null);
            }
            if (l.lad() > l.rdd()) {
                faults.add(
                        Fault.warning(
                                path + ".lad",
                                where,
                                "lad",
                                String.valueOf(l.lad()),
                                "lad is later than rdd " + l.rdd(),
                                null));
            }
        }
        int horizon = scenario.planning().horizonDays();
        if (l.rdd() >= horizon && horizon >= 1) {
            error(
                    path + ".rdd",
                    where,
                    "rdd",
                    l.rdd(),
                    "rdd must be below horizonDays " + horizon,
                    // no horizon reaches past the longest one, nor past the largest whole number
                    l.rdd() < MAX_HORIZON_DAYS
                            ? "raise planning.horizonDays to " + (l.rdd() + 1)
                            : "an rdd below "
                                    + MAX_HORIZON_DAYS
                                    + ": a horizon is at most "
                                    + MAX_HORIZON_DAYS
                                    + " days");
        }
        if (l.priority() < 1) {
            error(
                    path + ".priority",
                    where,
                    "priority",
                    l.priority(),
                    "priority must be 1 or more (1 is most urgent)",
                    null);
        }
        if (l.mode() == null) {
            error(path + ".mode", where, "mode", null, "missing mode", "AIR, SEA or LAND");
            return;
        }
        if (l.mode() == LineMode.LAND) {
            checkLandLine(path, where, l, origin, destination);
        } else {
            checkLiftLine(path, where, l, classes, origin, destination);
        }
    }

    private void checkLandLine(
            String path, String where, RequirementLine l, Node origin, Node destination) {
        boolean ok = true;
        if (l.poe() != null) {
            error(path + ".poe", where, "poe", l.poe(), "a LAND line has no poe", "leave poe out");
            ok = false;
        }
        if (l.pod() != null) {
            error(path + ".pod", where, "pod", l.pod(), "a LAND line has no pod", "leave pod out");
            ok = false;
        }
        if (ok
                && origin != null
                && destination != null
                && network.landHours(l.origin(), l.destination()).isEmpty()) {
            error(
                    path + ".destination",
                    where,
                    "destination",
                    l.destination(),
                    "no ROAD or RAIL route from origin " + l.origin() + " to the destination",
                    "add a route {mode: ROAD, from: "
                            + l.origin()
                            + ", to: "
                            + l.destination()
                            + ", hours: ...}");
        }
    }

    private void checkLiftLine(
            String path,
            String where,
            RequirementLine l,
            Set<CargoClass> classes,
            Node origin,
            Node destination) {
        LiftMode mode = l.mode().liftMode();
        NodeKind want = mode == LiftMode.AIR ? NodeKind.AIRFIELD : NodeKind.SEAPORT;
        Node poe = portOf(path, where, "poe", l.poe(), l.mode(), want);
        Node pod = portOf(path, where, "pod", l.pod(), l.mode(), want);

        boolean classesOk = true;
        for (CargoClass c : classes) {
            boolean any = false;
            String listedWithoutRoom = null;
            for (LiftType t : scenario.lift()) {
                if (t.mode() == mode && t.carries(c) && capacityFor(t, c)) {
                    any = true;
                } else if (t.mode() == mode && t.carries(c) && listedWithoutRoom == null) {
                    listedWithoutRoom = t.id();
                }
            }
            if (!any) {
                classesOk = false;
                String field = c == CargoClass.PAX ? "pax" : "cargo";
                String fp = c == CargoClass.PAX ? path + ".pax" : cargoPath(path, l, c);
                error(
                        fp,
                        where,
                        c == CargoClass.PAX ? field : "class",
                        c.name(),
                        "no "
                                + mode
                                + " lift type carries "
                                + c
                                + (listedWithoutRoom == null
                                                || (c == CargoClass.NAT && mode == LiftMode.AIR)
                                        ? ""
                                        : " ("
                                                + listedWithoutRoom
                                                + " lists it in 'carries' but has"
                                                + " no capacity for it)"),
                        c == CargoClass.NAT && mode == LiftMode.AIR
                                ? "move NAT cargo on a SEA or LAND line"
                                : null);
            }
        }
        if (origin != null && poe != null && network.landHours(l.origin(), l.poe()).isEmpty()) {
            error(
                    path + ".poe",
                    where,
                    "poe",
                    l.poe(),
                    "no ROAD or RAIL route from origin " + l.origin() + " to the POE",
                    "add a route {mode: ROAD, from: "
                            + l.origin()
                            + ", to: "
                            + l.poe()
                            + ", hours: ...}");
        }
        if (pod != null
                && destination != null
                && network.landHours(l.pod(), l.destination()).isEmpty()) {
            error(
                    path + ".destination",
                    where,
                    "destination",
                    l.destination(),
                    "no ROAD or RAIL route from the POD " + l.pod() + " to the destination",
                    "add a route {mode: ROAD, from: "
                            + l.pod()
                            + ", to: "
                            + l.destination()
                            + ", hours: ...}");
        }
        if (poe == null || pod == null || !classesOk) {
            return;
        }
        List<Route> channels = network.channels(mode, l.poe(), l.pod());
        if (channels.isEmpty()) {
            for (Route r : unusableRoutes) {
                if (r.mode().liftMode() == mode
                        && l.poe().equals(r.from())
                        && l.pod().equals(r.to())) {
                    return; // the route's own faults say why it cannot be used
                }
            }
            error(
                    path + ".pod",
                    where,
                    "pod",
                    l.pod(),
                    l.poe().equals(l.pod())
                            ? "the POD is the POE: a line of mode "
                                    + mode
                                    + " moves from one port to another"
                            : "no " + mode + " route from the POE " + l.poe() + " to the POD",
                    l.poe().equals(l.pod())
                            ? "give the line a POD it flies or sails to, or make it a LAND line"
                            : "add a route {mode: "
                                    + mode
                                    + ", from: "
                                    + l.poe()
                                    + ", to: "
                                    + l.pod()
                                    + "}");
            return;
        }
        List<LiftType> capable = new ArrayList<>();
        for (LiftType t : scenario.lift()) {
            if (t.mode() == mode && Network.canCarryAll(t, l)) {
                capable.add(t);
            }
        }
        if (capable.isEmpty()) {
            error(
                    path + ".cargo",
                    where,
                    "cargo",
                    classes.toString(),
                    "no single "
                            + mode
                            + " lift type carries all of the line's classes "
                            + new TreeSet<>(classes),
                    "split the line into one line per lift type");
            return;
        }
        double bestRange = 0;
        double shortestLongest = Double.POSITIVE_INFINITY;
        boolean anyUsable = false;
        for (Route r : channels) {
            if (unusableRoutes.contains(r)) {
                continue;
            }
            anyUsable = true;
            double longest = network.longestLegNm(r);
            shortestLongest = Math.min(shortestLongest, longest);
            for (LiftType t : capable) {
                bestRange = Math.max(bestRange, t.rangeNm());
                if (longest <= t.rangeNm()) {
                    return;
                }
            }
        }
        if (!anyUsable) {
            return; // the route faults already say why
        }
        error(
                path + ".pod",
                where,
                "pod",
                l.pod(),
                String.format(
                        Locale.ROOT,
                        "every %s route from %s to %s has a leg longer than the range of each lift"
                                + " type that can carry the line (shortest longest leg %.0f nm,"
                                + " best range %.0f nm)",
                        mode,
                        l.poe(),
                        l.pod(),
                        shortestLongest,
                        bestRange),
                "add a route with an en-route stop (via) between " + l.poe() + " and " + l.pod());
    }

    private static String cargoPath(String path, RequirementLine l, CargoClass c) {
        for (int k = 0; k < l.cargo().size(); k++) {
            if (l.cargo().get(k).cargoClass() == c) {
                return path + ".cargo[" + k + "].class";
            }
        }
        return path + ".cargo";
    }

    private static boolean capacityFor(LiftType t, CargoClass c) {
        if (c == CargoClass.PAX) {
            return t.paxCapacity() > 0;
        }
        if (t.mode() == LiftMode.AIR && c == CargoClass.NAT) {
            return false;
        }
        return t.stonsCapacity() > 0 && (!t.usesDeckArea() || t.sqftCapacity() > 0);
    }

    private Node portOf(
            String path, String where, String field, String id, LineMode mode, NodeKind want) {
        if (id == null) {
            error(
                    path + "." + field,
                    where,
                    field,
                    null,
                    "a line of mode " + mode + " needs a " + field,
                    null);
            return null;
        }
        Node n = knownNode(path + "." + field, where, field, id);
        if (n != null && n.kind() != want) {
            error(
                    path + "." + field,
                    where,
                    field,
                    id,
                    "the "
                            + field.toUpperCase(Locale.ROOT)
                            + " of a line of mode "
                            + mode
                            + " must be of kind "
                            + want
                            + ", not "
                            + n.kind(),
                    null);
            return null;
        }
        return n;
    }

    // ---- helpers -------------------------------------------------------------------------

    private Node knownNode(String path, String where, String field, String id) {
        if (id == null) {
            error(path, where, field, null, "missing node id", null);
            return null;
        }
        if (!plainId(path, where, field, id)) {
            return null;
        }
        Node n = nodes.get(id);
        if (n == null) {
            error(path, where, field, id, "unknown node id", Closest.to(id, nodes.keySet()));
        }
        return n;
    }

    /**
     * Refuses a control character in a text of the scenario, naming its code and place, by the rule
     * of {@link TextRule#controlCharacter}, and a bidirectional control it leaves open, by the rule
     * of {@link TextRule#openBidi}; catalogues and requirement files keep both too.
     *
     * @return whether {@code value} holds neither (null holds none)
     */
    private boolean plain(String path, String where, String field, String value) {
        if (!noControl(path, where, field, value)) {
            return false;
        }
        TextRule.Problem p = TextRule.openBidi(value, "a name of a scenario");
        if (p != null) {
            error(path, where, field, value, p.message(), p.hint());
        }
        return p == null;
    }

    private boolean noControl(String path, String where, String field, String value) {
        TextRule.Problem p = TextRule.controlCharacter(value, "an id or a name of a scenario");
        if (p != null) {
            error(path, where, field, value, p.message(), p.hint());
        }
        return p == null;
    }

    /**
     * Refuses a control character in an id, and an invisible format character by the rule of {@link
     * TextRule#idCharacter} (every bidirectional control among them), which catalogues and
     * requirement files keep too.
     */
    private boolean plainId(String path, String where, String field, String value) {
        if (!noControl(path, where, field, value)) {
            return false;
        }
        TextRule.Problem p = TextRule.idCharacter(value, "an id of a scenario");
        if (p != null) {
            error(path, where, field, value, p.message(), p.hint());
        }
        return p == null;
    }

    private boolean nonNegative(String objectPath, String where, String field, double v) {
        if (!(v >= 0) || Double.isInfinite(v)) {
            error(
                    objectPath + "." + field,
                    where,
                    field,
                    v,
                    Double.isNaN(v) || Double.isInfinite(v)
                            ? "not a finite number"
                            : "a negative amount",
                    null);
            return false;
        }
        return true;
    }

    /** A time in hours: 0 or more, and at most {@link #MAX_HOURS}. */
    private void hours(String objectPath, String where, String field, double v) {
        if (nonNegative(objectPath, where, field, v) && v > MAX_HOURS) {
            error(objectPath + "." + field, where, field, v, HOURS_LIMIT_TEXT, HOURS_HINT);
        }
    }

    private String dayHint() {
        int horizon = scenario.planning().horizonDays();
        return horizon >= 1 && horizon <= MAX_HORIZON_DAYS
                ? "a day counted from C-day, within the horizon of " + horizon + " days"
                : "a day counted from C-day";
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    /** A duplicate's message, naming where the first of that id is, so both can be found. */
    private static String duplicate(String what, String list, int first) {
        return "duplicate " + what + " (" + list + "[" + first + "] has it first)";
    }

    private void error(
            String path, String where, String field, Object value, String message, String hint) {
        faults.add(
                Fault.error(path, where, field, value == null ? null : text(value), message, hint));
    }

    private static String text(Object v) {
        if (v instanceof Double d) {
            double x = d;
            if (x == Math.rint(x) && !Double.isInfinite(x) && Math.abs(x) < 1e15) {
                return Long.toString((long) x);
            }
            return Double.toString(x);
        }
        return v.toString();
    }
}
