package muster.server;

import java.sql.Connection;
import java.sql.SQLException;

/** Writes the append-only audit log: every write and every denied access. */
final class Audit {
    private final Database db;

    Audit(Database db) {
        this.db = db;
    }

    /** Records within the caller's transaction, so the entry commits with the write. */
    static void record(
            Connection c, User u, String action, String target, String outcome, String detail)
            throws SQLException {
        Jdbc.update(
                c,
                "insert into audit_log(user_id, username, nation, action, target, outcome, detail)"
                        + " values (?,?,?,?,?,?,?)",
                u == null ? null : u.id(),
                u == null ? null : u.username(),
                u == null ? null : u.nation(),
                action,
                target,
                outcome,
                detail);
    }

    /**
     * Records an event without a signed-in user under {@code nation} (the nation it concerns, or
     * null: then no administrator sees it through the API, only the database).
     */
    static void record(
            Connection c,
            String nation,
            String action,
            String target,
            String outcome,
            String detail)
            throws SQLException {
        Jdbc.update(
                c,
                "insert into audit_log(user_id, username, nation, action, target, outcome, detail)"
                        + " values (?,?,?,?,?,?,?)",
                null,
                null,
                nation,
                action,
                target,
                outcome,
                detail);
    }

    /** Records a denial without a signed-in user (failed sign-in) under {@code nation}. */
    void denied(String nation, String action, String target, String detail) {
        Jdbc.tx(
                db,
                c -> {
                    record(c, nation, action, target, "DENIED", detail);
                    return null;
                });
    }

    /** Records in its own transaction (denials, failed logins). */
    void denied(User u, String action, String target, String detail) {
        Jdbc.tx(
                db,
                c -> {
                    record(c, u, action, target, "DENIED", detail);
                    return null;
                });
    }
}
