package muster.server;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import muster.model.force.Catalogue;

/** Force catalogues as stored records: imported, superseded or withdrawn, never edited. */
final class ForceStore {
    private final Database db;
    private final Store.Lru<Long, Catalogue> catalogueCache = new Store.Lru<>(16);

    ForceStore(Database db) {
        this.db = db;
    }

    /**
     * One stored catalogue, without its text.
     *
     * @param supersededBy the catalogue that replaced this one, or null
     * @param withdrawnAt when it was withdrawn, or null
     */
    record CatalogueRow(
            long id,
            String name,
            String owner,
            String marking,
            String sourceName,
            int units,
            Long supersedes,
            Long supersededBy,
            Instant withdrawnAt,
            String createdBy,
            Instant createdAt) {
        String status() {
            return supersededBy != null
                    ? "SUPERSEDED"
                    : withdrawnAt != null ? "WITHDRAWN" : "CURRENT";
        }

        boolean current() {
            return supersededBy == null && withdrawnAt == null;
        }
    }

    private static final String CATALOGUE_COLS =
            "c.id, c.name, c.owner_nation, c.releasable_to, c.source_name, c.units, c.supersedes,"
                    + " c.superseded_by, c.withdrawn_at, u.username, c.created_at"
                    + " from force_catalogue c left join app_user u on u.id = c.created_by";

    private static CatalogueRow catalogueRow(ResultSet rs) throws SQLException {
        return new CatalogueRow(
                rs.getLong(1),
                rs.getString(2),
                rs.getString(3),
                rs.getString(4),
                rs.getString(5),
                rs.getInt(6),
                (Long) rs.getObject(7),
                (Long) rs.getObject(8),
                instant(rs.getTimestamp(9)),
                rs.getString(10),
                instant(rs.getTimestamp(11)));
    }

    static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    long insertCatalogue(
            Connection c,
            User by,
            Catalogue cat,
            String marking,
            String sourceName,
            String text,
            Long supersedes)
            throws SQLException {
        return Jdbc.insert(
                c,
                "insert into force_catalogue(name, owner_nation, releasable_to, source_name,"
                        + " source_text, catalogue_json, units, supersedes, created_by) values"
                        + " (?,?,?,?,?,?,?,?,?)",
                cat.name(),
                by.nation(),
                marking,
                sourceName,
                text,
                Json.write(cat),
                cat.units().size(),
                supersedes,
                by.id() > 0 ? by.id() : null);
    }

    List<CatalogueRow> catalogues() {
        return Jdbc.tx(db, this::catalogues);
    }

    /** Every catalogue, read on {@code c}: within the transaction that holds it. */
    List<CatalogueRow> catalogues(Connection c) throws SQLException {
        return Jdbc.query(
                c, "select " + CATALOGUE_COLS + " order by c.made", ForceStore::catalogueRow);
    }

    Optional<CatalogueRow> catalogue(long id) {
        return Jdbc.tx(db, c -> catalogue(c, id, false));
    }

    /** The row, locked for update when {@code lock} (to record its retirement). */
    Optional<CatalogueRow> catalogue(Connection c, long id, boolean lock) throws SQLException {
        return Jdbc.one(
                c,
                "select " + CATALOGUE_COLS + " where c.id = ?" + (lock ? " for update of c" : ""),
                ForceStore::catalogueRow,
                id);
    }

    long catalogueCount() {
        return Jdbc.tx(
                db,
                c ->
                        Jdbc.one(c, "select count(*) from force_catalogue", rs -> rs.getLong(1))
                                .get());
    }

    Catalogue catalogueModel(long id) {
        return catalogueCache.get(id, k -> Jdbc.tx(db, c -> loadCatalogue(c, k)));
    }

    /**
     * The parsed catalogue, read on {@code c} when it is not kept: a transaction that holds a
     * connection does not take a second one, which the transactions queued behind it could hold.
     */
    Catalogue catalogueModel(Connection c, long id) throws SQLException {
        Catalogue kept = catalogueCache.get(id, k -> null);
        if (kept != null) {
            return kept;
        }
        Catalogue read = loadCatalogue(c, id);
        catalogueCache.put(id, read);
        return read;
    }

    private static Catalogue loadCatalogue(Connection c, long id) throws SQLException {
        return Jdbc.one(
                        c,
                        "select catalogue_json from force_catalogue where id = ?",
                        rs -> Json.read(rs.getString(1), Catalogue.class),
                        id)
                .orElseThrow();
    }

    String catalogueText(long id) {
        return Jdbc.tx(
                db,
                c ->
                        Jdbc.one(
                                        c,
                                        "select source_text from force_catalogue where id = ?",
                                        rs -> rs.getString(1),
                                        id)
                                .orElseThrow());
    }

    // ---- sourcing runs

    /** One stored sourcing run, without its inputs and result. */
    record RunRow(
            long id,
            long scenarioId,
            Long catalogueId,
            String catalogueName,
            String requirementsName,
            String owner,
            String marking,
            boolean refused,
            int choices,
            int unfilled,
            long totalCost,
            Long savedScenarioId,
            String createdBy,
            Instant createdAt) {}

    private static final String RUN_COLS =
            "r.id, r.scenario_id, r.catalogue_id, r.catalogue_name, r.requirements_name,"
                    + " r.owner_nation, r.releasable_to, r.refused, r.choices, r.unfilled,"
                    + " r.total_cost, r.saved_scenario_id, u.username, r.created_at"
                    + " from sourcing_run r left join app_user u on u.id = r.created_by";

    private static RunRow runRow(ResultSet rs) throws SQLException {
        return new RunRow(
                rs.getLong(1),
                rs.getLong(2),
                (Long) rs.getObject(3),
                rs.getString(4),
                rs.getString(5),
                rs.getString(6),
                rs.getString(7),
                rs.getBoolean(8),
                rs.getInt(9),
                rs.getInt(10),
                rs.getLong(11),
                (Long) rs.getObject(12),
                rs.getString(13),
                instant(rs.getTimestamp(14)));
    }

    /** What a run was made of and what it gave. */
    record NewRun(
            long scenarioId,
            Long catalogueId,
            String catalogueName,
            String catalogueText,
            String requirementsName,
            String requirementsText,
            String marking,
            boolean refused,
            int choices,
            int unfilled,
            long totalCost,
            String resultJson,
            Long savedScenarioId) {}

    long insertRun(Connection c, User by, NewRun r) throws SQLException {
        return Jdbc.insert(
                c,
                "insert into sourcing_run(scenario_id, catalogue_id, catalogue_name,"
                        + " catalogue_text, requirements_name, requirements_text, owner_nation,"
                        + " releasable_to, refused, choices, unfilled, total_cost, result_json,"
                        + " saved_scenario_id, created_by) values (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                r.scenarioId(),
                r.catalogueId(),
                r.catalogueName(),
                r.catalogueText(),
                r.requirementsName(),
                r.requirementsText(),
                by.nation(),
                r.marking(),
                r.refused(),
                r.choices(),
                r.unfilled(),
                r.totalCost(),
                r.resultJson(),
                r.savedScenarioId(),
                by.id() > 0 ? by.id() : null);
    }

    /** Runs, newest first, of one scenario or (null) of all. */
    List<RunRow> runs(Long scenarioId) {
        return Jdbc.tx(
                db,
                c ->
                        scenarioId == null
                                ? Jdbc.query(
                                        c,
                                        "select " + RUN_COLS + " order by r.made desc",
                                        ForceStore::runRow)
                                : Jdbc.query(
                                        c,
                                        "select "
                                                + RUN_COLS
                                                + " where r.scenario_id = ? order by r.made desc",
                                        ForceStore::runRow,
                                        scenarioId));
    }

    Optional<RunRow> run(long id) {
        return Jdbc.tx(
                db,
                c -> Jdbc.one(c, "select " + RUN_COLS + " where r.id = ?", ForceStore::runRow, id));
    }

    String runResult(long id) {
        return Jdbc.tx(
                db,
                c ->
                        Jdbc.one(
                                        c,
                                        "select result_json from sourcing_run where id = ?",
                                        rs -> rs.getString(1),
                                        id)
                                .orElseThrow());
    }
}
