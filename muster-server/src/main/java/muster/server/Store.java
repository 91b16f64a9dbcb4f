package muster.server;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import muster.model.Plan;
import muster.model.RequirementLine;
import muster.model.Scenario;

/** Records of the server and the releasability filter applied to every read. */
final class Store {
    private final Database db;
    // Scenarios, their line contents and finished plans never change once stored (markings do,
    // and are always read from the database), so their parsed forms are kept.
    private final Lru<Long, Scenario> scenarioCache = new Lru<>(16);
    private final Lru<Long, Map<String, RequirementLine>> lineCache = new Lru<>(16);
    private final Lru<Long, KeptPlan> planCache = new Lru<>(PLANS_KEPT);

    /** Finished plans kept read back (an L plan is about 20 MB of records). */
    static final int PLANS_KEPT = 16;

    /** Views of one kept plan, by the set of lines withheld from their readers. */
    static final int VIEWS_KEPT = 8;

    /**
     * A finished plan as read back, with the views of it that readers asked for (the lines and
     * missions a set of readers may see, its late lines): they refer to the plan's records, so they
     * are kept with it and go with it, and a plan left out is held by nothing of the server's.
     */
    static final class KeptPlan {
        private final Plan plan;
        private final Lru<String, PlanViews.Filtered> filtered = new Lru<>(VIEWS_KEPT);
        private final Lru<String, List<muster.model.LineResult>> late = new Lru<>(VIEWS_KEPT);

        KeptPlan(Plan plan) {
            this.plan = plan;
        }

        Plan plan() {
            return plan;
        }

        /** The plan as the readers from whom the lines {@code digest} names are withheld see it. */
        PlanViews.Filtered filtered(
                String digest, java.util.function.Function<String, PlanViews.Filtered> make) {
            return filtered.get(digest, make);
        }

        /** The late lines of {@link #filtered}, the latest first. */
        List<muster.model.LineResult> late(
                String digest,
                java.util.function.Function<String, List<muster.model.LineResult>> make) {
            return late.get(digest, make);
        }
    }

    Store(Database db) {
        this.db = db;
    }

    /** A small least-recently-used map. */
    static final class Lru<K, V> {
        private final Map<K, V> map;

        Lru(int size) {
            this.map =
                    java.util.Collections.synchronizedMap(
                            new LinkedHashMap<K, V>(16, 0.75f, true) {
                                private static final long serialVersionUID = 1L;

                                @Override
                                protected boolean removeEldestEntry(Map.Entry<K, V> e) {
                                    return size() > size;
                                }
                            });
        }

        void put(K k, V v) {
            map.put(k, v);
        }

        V get(K k, java.util.function.Function<K, V> load) {
            V v = map.get(k);
            if (v == null) {
                v = load.apply(k);
                if (v != null) {
                    map.put(k, v);
                }
            }
            return v;
        }
    }

    Database db() {
        return db;
    }

    record ScenarioRow(
            long id,
            String name,
            String owner,
            String marking,
            String sourceName,
            Instant createdAt) {}

    record LineRow(int idx, String uln, String owner, String marking, RequirementLine line) {}

    record PlanRow(
            long id,
            long scenarioId,
            String planner,
            String owner,
            String marking,
            String status,
            double progress,
            String phase,
            String error,
            long createdBy,
            Instant createdAt,
            Instant startedAt,
            Instant finishedAt,
            boolean hasResult) {}

    // ---- scenarios

    long insertScenario(
            Connection c, User by, Scenario s, String marking, String sourceName, String text)
            throws SQLException {
        long id =
                Jdbc.insert(
                        c,
                        "insert into scenario(name, owner_nation, releasable_to, source_name,"
                                + " source_text, scenario_json, created_by) values"
                                + " (?,?,?,?,?,?,?)",
                        s.name(),
                        by.nation(),
                        marking,
                        sourceName,
                        text,
                        Json.write(s),
                        by.id() > 0 ? by.id() : null);
        // the lines go in batches: one statement each took a round trip to the database per line,
        // most of the import of a theatre's 20,000
        String widened = null;
        try (java.sql.PreparedStatement ps =
                c.prepareStatement(
                        "insert into requirement_line(scenario_id, idx, uln, owner_nation,"
                                + " releasable_to, line_json) values (?,?,?,?,?,?)")) {
            int i = 0;
            for (RequirementLine l : s.requirements()) {
                String owner = lineOwner(l, by.nation());
                ps.setLong(1, id);
                ps.setInt(2, i++);
                ps.setString(3, l.uln());
                ps.setString(4, owner);
                if (!owner.equals(by.nation()) && widened == null) {
                    widened = Marking.parse(marking).including(by.nation()).toString();
                }
                ps.setString(5, owner.equals(by.nation()) ? marking : widened);
                ps.setString(6, Json.write(l));
                ps.addBatch();
                if (i % LINE_BATCH == 0) {
                    ps.executeBatch();
                }
            }
            if (i % LINE_BATCH != 0) {
                ps.executeBatch();
            }
        }
        return id;
    }

    /** Requirement lines sent to the database in one batch when a scenario is stored. */
    static final int LINE_BATCH = 1000;

    /** The owner of a line is its nation; a line with no usable nation belongs to the importer. */
    static String lineOwner(RequirementLine l, String fallback) {
        try {
            return Nations.normalize(l.nation());
        } catch (IllegalArgumentException e) {
            return fallback;
        }
    }

    List<ScenarioRow> scenarios() {
        return Jdbc.tx(
                db,
                c ->
                        Jdbc.query(
                                c,
                                "select id, name, owner_nation, releasable_to, source_name,"
                                        + " created_at from scenario order by made",
                                rs ->
                                        new ScenarioRow(
                                                rs.getLong(1),
                                                rs.getString(2),
                                                rs.getString(3),
                                                rs.getString(4),
                                                rs.getString(5),
                                                rs.getTimestamp(6).toInstant())));
    }

    Optional<ScenarioRow> scenario(long id) {
        return scenarios().stream().filter(s -> s.id() == id).findFirst();
    }

    Scenario scenarioModel(long id) {
        return scenarioCache.get(id, this::loadScenario);
    }

    private Scenario loadScenario(long id) {
        return Jdbc.tx(
                db,
                c ->
                        Jdbc.one(
                                        c,
                                        "select scenario_json from scenario where id = ?",
                                        rs -> Json.read(rs.getString(1), Scenario.class),
                                        id)
                                .orElseThrow());
    }

    String scenarioSource(long id) {
        return Jdbc.tx(
                db,
                c ->
                        Jdbc.one(
                                        c,
                                        "select source_text from scenario where id = ?",
                                        rs -> rs.getString(1),
                                        id)
                                .orElseThrow());
    }

    /**
     * The lines of a scenario in order, with their owners and current markings read from the
     * database; the line contents, which never change, are parsed once and kept.
     */
    List<LineRow> lines(long scenarioId) {
        Map<String, RequirementLine> contents = lineCache.get(scenarioId, this::loadLineContents);
        return Jdbc.tx(
                db,
                c ->
                        Jdbc.query(
                                c,
                                "select idx, uln, owner_nation, releasable_to from"
                                        + " requirement_line where scenario_id = ? order by idx",
                                rs ->
                                        new LineRow(
                                                rs.getInt(1),
                                                rs.getString(2),
                                                rs.getString(3),
                                                rs.getString(4),
                                                contents.get(rs.getString(2))),
                                scenarioId));
    }

    private Map<String, RequirementLine> loadLineContents(long scenarioId) {
        return Jdbc.tx(
                db,
                c -> {
                    Map<String, RequirementLine> m = new java.util.HashMap<>();
                    for (Object[] r :
                            Jdbc.query(
                                    c,
                                    "select uln, line_json from requirement_line where"
                                            + " scenario_id = ?",
                                    rs -> new Object[] {rs.getString(1), rs.getString(2)},
                                    scenarioId)) {
                        m.put((String) r[0], Json.read((String) r[1], RequirementLine.class));
                    }
                    return java.util.Collections.unmodifiableMap(m);
                });
    }

    /** The contents of a scenario's lines by ULN (they never change; markings do). */
    Map<String, RequirementLine> lineContents(long scenarioId) {
        return lineCache.get(scenarioId, this::loadLineContents);
    }

    /** Lines of one owner and marking: the unit of the releasability filter. */
    record LineGroup(String owner, String marking, int lines) {}

    private static final String GROUPS =
            "select owner_nation, releasable_to, count(*) from requirement_line where scenario_id"
                    + " = ? group by owner_nation, releasable_to";

    /**
     * The ULNs of a scenario's lines withheld from {@code u}. The lines are read by groups of owner
     * and marking, one snapshot for both queries, so a reader who sees every group costs one small
     * query however many lines there are.
     */
    java.util.Set<String> hiddenUlns(User u, long scenarioId) {
        return hiddenUlns(u.nation(), scenarioId);
    }

    /** The ULNs of a scenario's lines withheld from {@code nation}. */
    java.util.Set<String> hiddenUlns(String nation, long scenarioId) {
        return Jdbc.tx(
                db,
                c -> {
                    Jdbc.update(c, "set transaction isolation level repeatable read");
                    java.util.Set<String> hidden = new java.util.HashSet<>();
                    for (LineGroup g : lineGroups(c, scenarioId)) {
                        if (!Marking.cached(g.marking()).visibleTo(nation, g.owner())) {
                            hidden.addAll(
                                    Jdbc.query(
                                            c,
                                            "select uln from requirement_line where scenario_id = ?"
                                                    + " and owner_nation = ? and releasable_to = ?",
                                            rs -> rs.getString(1),
                                            scenarioId,
                                            g.owner(),
                                            g.marking()));
                        }
                    }
                    return hidden;
                });
    }

    private static List<LineGroup> lineGroups(Connection c, long scenarioId) throws SQLException {
        return Jdbc.query(
                c,
                GROUPS,
                rs -> new LineGroup(rs.getString(1), rs.getString(2), rs.getInt(3)),
                scenarioId);
    }

    /** How many lines of a scenario {@code u} may see. */
    int visibleLineCount(User u, long scenarioId) {
        return Jdbc.tx(
                db,
                c ->
                        lineGroups(c, scenarioId).stream()
                                .filter(g -> u.sees(g.owner(), g.marking()))
                                .mapToInt(LineGroup::lines)
                                .sum());
    }

    /** The lines {@code u} may see, by ULN. */
    Map<String, LineRow> visibleLines(User u, long scenarioId) {
        Map<String, LineRow> m = new LinkedHashMap<>();
        for (LineRow r : lines(scenarioId)) {
            if (u.sees(r.owner(), r.marking())) {
                m.put(r.uln(), r);
            }
        }
        return m;
    }

    long scenarioCount() {
        return Jdbc.tx(
                db, c -> Jdbc.one(c, "select count(*) from scenario", rs -> rs.getLong(1)).get());
    }

    // ---- plans

    static final String PLAN_COLS =
            "id, scenario_id, planner, owner_nation, releasable_to, status, progress, phase,"
                    + " error, created_by, created_at, started_at, finished_at,"
                    + " plan_json is not null";

    private static PlanRow planRow(java.sql.ResultSet rs) throws SQLException {
        return new PlanRow(
                rs.getLong(1),
                rs.getLong(2),
                rs.getString(3),
                rs.getString(4),
                rs.getString(5),
                rs.getString(6),
                rs.getDouble(7),
                rs.getString(8),
                rs.getString(9),
                rs.getLong(10),
                instant(rs.getTimestamp(11)),
                instant(rs.getTimestamp(12)),
                instant(rs.getTimestamp(13)),
                rs.getBoolean(14));
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    List<PlanRow> plans() {
        return Jdbc.tx(
                db,
                c ->
                        Jdbc.query(
                                c,
                                "select " + PLAN_COLS + " from plan_run order by made",
                                Store::planRow));
    }

    Optional<PlanRow> plan(long id) {
        return Jdbc.tx(
                db,
                c ->
                        Jdbc.one(
                                c,
                                "select " + PLAN_COLS + " from plan_run where id = ?",
                                Store::planRow,
                                id));
    }

    Optional<Plan> planResult(long id) {
        return keptPlan(id).map(KeptPlan::plan);
    }

    /** The stored plan of plan run {@code id} with the views of it kept, read back if need be. */
    Optional<KeptPlan> keptPlan(long id) {
        return Optional.ofNullable(
                planCache.get(id, k -> loadPlan(k).map(KeptPlan::new).orElse(null)));
    }

    /** Keeps a finished plan just stored, as it would be read back. */
    void remember(long id, Plan plan) {
        planCache.put(id, new KeptPlan(plan));
    }

    /** Runs with the id of each plan read back from the database. Tests count them. */
    volatile java.util.function.LongConsumer planRead = id -> {};

    private Optional<Plan> loadPlan(long id) {
        planRead.accept(id);
        return Jdbc.tx(
                db,
                c ->
                        Jdbc.one(
                                c,
                                "select plan_json from plan_run where id = ? and plan_json is"
                                        + " not null",
                                rs -> Json.read(rs.getString(1), Plan.class),
                                id));
    }
}
