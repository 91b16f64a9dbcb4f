package muster.engine.plan.lns;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import muster.engine.plan.CapacityTimeline;
import muster.model.Activity;
import muster.model.CargoClass;
import muster.model.CargoEntry;
import muster.model.LiftMode;
import muster.model.LiftType;
import muster.model.LineMode;
import muster.model.Network;
import muster.model.Node;
import muster.model.NodeKind;
import muster.model.RequirementLine;
import muster.model.Route;
import muster.model.Scenario;

/**
 * The scenario turned into arrays the planner can search quickly: node and lift indices, each
 * line's hour of availability at its POE (rule 1), its onward hours (rule 9), the channel routes
 * each lift type may fly loaded for each POE-POD pair (rule 3, range included) as rigid stop
 * templates, and empty-leg times between every two nodes.
 */
final class Model {
    /** Cargo classes in the order loads are filled: what few types carry first, people last. */
    static final int[] FILL_ORDER = {
        CargoClass.OUTSIZE.ordinal(),
        CargoClass.OVERSIZE.ordinal(),
        CargoClass.NAT.ordinal(),
        CargoClass.BULK.ordinal()
    };

    static final int CLASSES = 4; // BULK, OVERSIZE, OUTSIZE, NAT by ordinal; PAX kept apart

    final Scenario scenario;
    final Network net;
    final int horizonDays;
    final double horizonHour;
    final double paxWeight;

    final Node[] nodes;
    final Map<String, Integer> nodeIndex = new HashMap<>();
    final int[] nodeCapacity;

    /** The shortest positive ground time any lift type could spend at each node, hours. */
    final double[] minStay;

    final double[] handling;

    final LiftType[] types;

    /** Per type and class: whether the type takes the class at all (the class test of rule 6). */
    private final boolean[][] takesClass;

    /** Per type: whether it measures deck area but has none, so takes only cargo without area. */
    private final boolean[] noDeck;

    /** Per type: whether it takes people. */
    private final boolean[] takesPax;

    /** Per type, per line: whether the type can take some of the line ({@link #carriesAny}). */
    private final boolean[][] carries;

    /** Empty-leg nautical miles between nodes, by lift mode ordinal. */
    final double[][][] emptyNm;

    final RequirementLine[] lines;
    final double[] avail;
    final double[] eadHour;
    final double[] onward;
    final double[] landClosure;
    final int[] key;
    final double[][] stons;
    final double[][] sqftPerSton;

    /**
     * Per line: the order its classes go on a mission. Of a SEA line, the most weight per square
     * foot first (where deck area binds, that carries the most weight, and unmet load and late
     * ston-days are counted by weight); ties, and AIR lines, in {@link #FILL_ORDER}.
     */
    final int[][] fillOrder;

    final double[] weight;

    /** Channel keys (mode, POE, POD) in first-seen order, with the lines of each. */
    final List<int[]> keyLines = new ArrayList<>();

    /** Loaded-route templates by type and key, fastest first; empty when the type cannot fly it. */
    final RouteTpl[][][] routes;

    Model(Scenario s) {
        this.scenario = s;
        this.net = new Network(s);
        this.horizonDays = s.planning().horizonDays();
        this.horizonHour = 24.0 * horizonDays;
        this.paxWeight = s.planning().paxWeightStons();
        nodes = s.nodes().toArray(new Node[0]);
        nodeCapacity = new int[nodes.length];
        handling = new double[nodes.length];
        for (int i = 0; i < nodes.length; i++) {
            nodeIndex.put(nodes[i].id(), i);
            nodeCapacity[i] = CapacityTimeline.capacityOf(nodes[i]);
            handling[i] = nodes[i].handlingHours();
        }
        types = s.lift().toArray(new LiftType[0]);
        takesClass = new boolean[types.length][CLASSES];
        noDeck = new boolean[types.length];
        takesPax = new boolean[types.length];
        for (int t = 0; t < types.length; t++) {
            for (int c = 0; c < CLASSES; c++) {
                takesClass[t][c] = canCargo(types[t], c, 0);
            }
            noDeck[t] = types[t].usesDeckArea() && types[t].sqftCapacity() <= 0;
            takesPax[t] = canPax(types[t]);
        }
        minStay = new double[nodes.length];
        for (int i = 0; i < nodes.length; i++) {
            minStay[i] = CapacityTimeline.shortestStay(nodes[i], s.lift());
        }
        emptyNm = new double[LiftMode.values().length][][];
        for (LiftMode m : LiftMode.values()) {
            double[][] d = new double[nodes.length][nodes.length];
            NodeKind kind = m == LiftMode.AIR ? NodeKind.AIRFIELD : NodeKind.SEAPORT;
            for (int a = 0; a < nodes.length; a++) {
                for (int b = 0; b < nodes.length; b++) {
                    boolean ok =
                            a == b
                                    || (nodes[a].kind() == kind && nodes[b].kind() == kind)
                                    || isBase(m, a)
                                    || isBase(m, b);
                    d[a][b] =
                            ok
                                    ? net.emptyLegNm(m, nodes[a].id(), nodes[b].id())
                                    : Double.POSITIVE_INFINITY;
                }
            }
            emptyNm[m.ordinal()] = d;
        }

        lines = s.requirements().toArray(new RequirementLine[0]);
        int n = lines.length;
        avail = new double[n];
        eadHour = new double[n];
        onward = new double[n];
        landClosure = new double[n];
        key = new int[n];
        stons = new double[n][CLASSES];
        sqftPerSton = new double[n][CLASSES];
        fillOrder = new int[n][];
        weight = new double[n];
        Map<String, Integer> keys = new HashMap<>();
        List<List<Integer>> byKey = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            RequirementLine l = lines[i];
            for (CargoEntry e : l.cargo()) {
                int c = e.cargoClass().ordinal();
                if (c < CLASSES) {
                    stons[i][c] += e.stons();
                    sqftPerSton[i][c] = e.sqftPerSton();
                }
            }
            fillOrder[i] = FILL_ORDER;
            if (l.mode() == LineMode.SEA) {
                final int li = i;
                fillOrder[i] =
                        java.util.stream.IntStream.range(0, FILL_ORDER.length)
                                .boxed()
                                .sorted(
                                        java.util.Comparator.<Integer>comparingDouble(
                                                        k -> sqftPerSton[li][FILL_ORDER[k]])
                                                .thenComparingInt(k -> k))
                                .mapToInt(k -> FILL_ORDER[k])
                                .toArray();
            }
            weight[i] = l.weight(paxWeight);
            eadHour[i] = 24.0 * l.ead();
            if (l.mode() == LineMode.LAND) {
                key[i] = -1;
                landClosure[i] = 24.0 * l.rld() + land(l.origin(), l.destination());
                continue;
            }
            avail[i] =
                    Math.max(24.0 * l.ald(), 24.0 * l.rld() + land(l.origin(), l.poe()))
                            + handling[nodeIndex.get(l.poe())];
            onward[i] = handling[nodeIndex.get(l.pod())] + land(l.pod(), l.destination());
            String k = l.mode() + "\u0000" + l.poe() + "\u0000" + l.pod();
            Integer ki = keys.get(k);
            if (ki == null) {
                ki = byKey.size();
                keys.put(k, ki);
                byKey.add(new ArrayList<>());
            }
            key[i] = ki;
            byKey.get(ki).add(i);
        }
        for (List<Integer> li : byKey) {
            keyLines.add(li.stream().mapToInt(Integer::intValue).toArray());
        }

        int nk = byKey.size();
        routes = new RouteTpl[types.length][nk][];
        for (int t = 0; t < types.length; t++) {
            LiftType lt = types[t];
            for (int k = 0; k < nk; k++) {
                RequirementLine l = lines[keyLines.get(k)[0]];
                if (l.mode().liftMode() != lt.mode()) {
                    routes[t][k] = new RouteTpl[0];
                    continue;
                }
                List<RouteTpl> ok = new ArrayList<>();
                for (Route r : net.channels(lt.mode(), l.poe(), l.pod())) {
                    RouteTpl tpl = template(lt, r);
                    if (tpl == null) {
                        continue;
                    }
                    if (net.longestLegNm(r) <= lt.rangeNm()) {
                        ok.add(tpl);
                    }
                }
                ok.sort((a, b) -> Double.compare(a.offDep, b.offDep));
                routes[t][k] = ok.toArray(new RouteTpl[0]);
            }
        }

        carries = new boolean[types.length][n];
        for (int t = 0; t < types.length; t++) {
            for (int i = 0; i < n; i++) {
                carries[t][i] = canTakeSome(t, i);
            }
        }
    }

    private boolean isBase(LiftMode m, int node) {
        for (LiftType t : types) {
            if (t.mode() == m && t.baseNode().equals(nodes[node].id())) {
                return true;
            }
        }
        return false;
    }

    private double land(String from, String to) {
        return net.landHours(from, to).orElse(0.0);
    }

    /** Hours of an empty leg of a tail of {@code type} between two nodes (rule 3). */
    double flyHours(int type, int from, int to) {
        LiftType lt = types[type];
        return emptyNm[lt.mode().ordinal()][from][to] / lt.speedKnots();
    }

    int node(String id) {
        return nodeIndex.get(id);
    }

    /** Whether the type can take at least one of the line's classes, from a table. */
    boolean carriesAny(int type, int line) {
        return carries[type][line];
    }

    private boolean canTakeSome(int type, int line) {
        if (types[type].mode() != lines[line].mode().liftMode()) {
            return false;
        }
        if (lines[line].pax() > 0 && canPax(type)) {
            return true;
        }
        for (int c = 0; c < CLASSES; c++) {
            if (stons[line][c] > 0 && canCargo(type, c, sqftPerSton[line][c])) {
                return true;
            }
        }
        return false;
    }

    /** {@link #canCargo(LiftType, int, double)} for type {@code type}, from tables. */
    boolean canCargo(int type, int c, double sqftPerSton) {
        return takesClass[type][c] && (!noDeck[type] || sqftPerSton <= 0);
    }

    /** {@link #canPax(LiftType)} for type {@code type}, from a table. */
    boolean canPax(int type) {
        return takesPax[type];
    }

    static boolean canPax(LiftType t) {
        return t.carries(CargoClass.PAX) && t.paxCapacity() > 0;
    }

    static boolean canCargo(LiftType t, int c, double sqftPerSton) {
        CargoClass cc = CargoClass.values()[c];
        if (!t.carries(cc) || t.stonsCapacity() <= 0) {
            return false;
        }
        if (t.mode() == LiftMode.AIR && cc == CargoClass.NAT) {
            return false;
        }
        return !t.usesDeckArea() || t.sqftCapacity() > 0 || sqftPerSton <= 0;
    }

    /**
     * The rigid stop pattern of a loaded mission of this type along the route, timed from the
     * ONLOAD arrival; null when a stop that needs ground time is at a node with no room at all.
     */
    private RouteTpl template(LiftType lt, Route r) {
        List<String> pts = r.points();
        int m = pts.size();
        RouteTpl tpl = new RouteTpl();
        tpl.route = r;
        tpl.node = new int[m];
        tpl.act = new Activity[m];
        tpl.arrOff = new double[m];
        tpl.depOff = new double[m];
        List<Integer> cap = new ArrayList<>();
        double clock = 0;
        for (int i = 0; i < m; i++) {
            Integer ni = nodeIndex.get(pts.get(i));
            if (ni == null) {
                return null;
            }
            tpl.node[i] = ni;
            tpl.act[i] =
                    i == 0 ? Activity.ONLOAD : i == m - 1 ? Activity.OFFLOAD : Activity.ENROUTE;
            if (i > 0) {
                clock += net.legNm(r, i - 1) / lt.speedKnots();
            }
            tpl.arrOff[i] = clock;
            double g = lt.groundHours().of(tpl.act[i]);
            clock += g;
            tpl.depOff[i] = clock;
            if (g > 0) {
                if (nodeCapacity[ni] <= 0) {
                    return null;
                }
                cap.add(i);
            }
        }
        tpl.capStops = cap.stream().mapToInt(Integer::intValue).toArray();
        tpl.offArr = tpl.arrOff[m - 1];
        tpl.offDep = tpl.depOff[m - 1];
        tpl.poe = tpl.node[0];
        tpl.pod = tpl.node[m - 1];
        tpl.vias = m - 2;
        return tpl;
    }

    /** A loaded route's stops as offsets from the ONLOAD arrival, hours. */
    static final class RouteTpl {
        Route route;
        int[] node;
        Activity[] act;
        double[] arrOff;
        double[] depOff;
        int[] capStops;
        double offArr;
        double offDep;
        int poe;
        int pod;
        int vias;

        @Override
        public String toString() {
            return route.from() + "->" + route.to() + " via " + Arrays.toString(node);
        }
    }
}
