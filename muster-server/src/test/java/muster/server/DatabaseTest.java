package muster.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which databases muster keeps its data in, on an embedded PostgreSQL of the test's own. */
class DatabaseTest {
    @Test
    void aDatabaseOfAnotherApplicationOrOfANewerMusterIsRefusedAndLeftAsItWas(@TempDir Path dir)
            throws Exception {
        try (Database muster = Database.embedded(dir);
                Connection c = muster.connection()) {
            // the embedded server's URL names its user; each database here is named by its own
            String url = c.getMetaData().getURL().replaceFirst("\\?.*$", "");
            c.createStatement().execute("create database payroll");
            c.createStatement().execute("create database newer");
            String payroll = url.replaceFirst("/postgres(\\?|$)", "/payroll$1");
            String newer = url.replaceFirst("/postgres(\\?|$)", "/newer$1");
            try (Connection p = DriverManager.getConnection(payroll, "postgres", null)) {
                p.createStatement().execute("create table staff (id int)");
                p.createStatement().execute("create table salary (id int)");
            }
            assertThatThrownBy(() -> Database.connect(payroll, "postgres", null).close())
                    .hasMessage(
                            "the database holds 2 tables of another application (salary, staff)"
                                    + " and none of muster's; give muster a database of its own");
            try (Connection p = DriverManager.getConnection(payroll, "postgres", null)) {
                assertThat(tables(p)).as("nothing made in it").isEqualTo(2);
            }

            Database.connect(newer, "postgres", null).close();
            try (Connection n = DriverManager.getConnection(newer, "postgres", null)) {
                n.createStatement()
                        .execute(
                                "insert into flyway_schema_history (installed_rank, version,"
                                        + " description, type, script, checksum, installed_by,"
                                        + " execution_time, success) select max(installed_rank)"
                                        + " + 1, '999', 'plan notes', 'SQL',"
                                        + " 'V999__plan_notes.sql', 1, 'muster', 1, true from"
                                        + " flyway_schema_history");
                int before = tables(n);
                assertThatThrownBy(() -> Database.connect(newer, "postgres", null).close())
                        .hasMessageStartingWith(
                                "the database holds muster's tables at version 999 (plan notes),"
                                        + " newer than this muster knows (up to version ")
                        .hasMessageEndingWith("): a newer muster has upgraded them; run that one");
                assertThat(tables(n)).isEqualTo(before);
            }

            c.createStatement().execute("create database locked");
            c.createStatement().execute("create role reader login");
            String locked = url.replaceFirst("/postgres(\\?|$)", "/locked$1");
            try (Connection l = DriverManager.getConnection(locked, "postgres", null)) {
                l.createStatement().execute("revoke create on schema public from public");
            }
            assertThatThrownBy(() -> Database.connect(locked, "reader", null).close())
                    .hasMessage(
                            "muster's tables could not be made or upgraded: ERROR: permission"
                                    + " denied for schema public");
        }
    }

    /**
     * A database made before ids were drawn at random (version 4) keeps the ids of its records,
     * which links and audit rows name, and the order they were made in; records made after it is
     * upgraded take random ids and come after them in that order, and its first user stays the
     * server's first administrator.
     */
    @Test
    void recordsMadeBeforeRandomIdsKeepTheirIdsAndTheirOrder(@TempDir Path dir) throws Exception {
        try (Database muster = Database.embedded(dir);
                Connection c = muster.connection()) {
            String url = c.getMetaData().getURL().replaceFirst("\\?.*$", "");
            c.createStatement().execute("create database before_random_ids");
            String old = url.replaceFirst("/postgres(\\?|$)", "/before_random_ids$1");
            org.flywaydb.core.Flyway.configure()
                    .dataSource(old, "postgres", null)
                    .locations("classpath:db/migration")
                    .target("4")
                    .load()
                    .migrate();
            List<String> tables =
                    List.of("app_user", "scenario", "plan_run", "force_catalogue", "sourcing_run");
            try (Connection o = DriverManager.getConnection(old, "postgres", null)) {
                for (int i = 0; i < 2; i++) {
                    make(o);
                }
                // ids a sequence gave, with a gap: records of another nation, say
                o.createStatement()
                        .execute(
                                "select setval('scenario_id_seq', 5), setval('app_user_id_seq', 5)");
                make(o);
                for (String t : tables) {
                    assertThat(ids(o, t, "id")).as(t).hasSize(3);
                }
            }
            Map<String, List<Long>> before = new LinkedHashMap<>();
            try (Connection o = DriverManager.getConnection(old, "postgres", null)) {
                for (String t : tables) {
                    before.put(t, ids(o, t, "id"));
                }
            }
            Database.connect(old, "postgres", null).close();
            try (Connection o = DriverManager.getConnection(old, "postgres", null)) {
                for (int i = 0; i < 3; i++) {
                    make(o);
                }
                for (String t : tables) {
                    List<Long> inOrder = ids(o, t, "made");
                    assertThat(inOrder.subList(0, 3))
                            .as("%s: the ids made before, in the order made", t)
                            .isEqualTo(before.get(t));
                    List<Long> fresh = inOrder.subList(3, 6);
                    assertThat(fresh)
                            .as("%s: ids made after %s", t, inOrder)
                            .allSatisfy(id -> assertThat(id).isBetween(1L, (1L << 53) - 1))
                            .doesNotHaveDuplicates()
                            .doesNotContainAnyElementsOf(before.get(t));
                    // three random ids all within 2^40 of the last one made before: about 2^-39
                    long last = before.get(t).get(2);
                    assertThat(fresh)
                            .as("%s: %s", t, inOrder)
                            .anySatisfy(
                                    id -> assertThat(Math.abs(id - last)).isGreaterThan(1L << 40));
                }
                assertThat(Auth.firstUserId(o)).isEqualTo(before.get("app_user").get(0));
            }
        }
    }

    /** One record of each kind a nation makes, by plain SQL as version 4 took it. */
    private static void make(Connection c) throws Exception {
        var st = c.createStatement();
        st.execute(
                "insert into app_user(username, password_hash, nation, roles) select 'u' ||"
                        + " count(*), 'x', 'USA', 'PLANNER' from app_user");
        st.execute(
                "insert into scenario(name, owner_nation, releasable_to, source_name, source_text,"
                        + " scenario_json) values ('s', 'USA', 'REL NATO', 's.yaml', '', '{}')");
        st.execute(
                "insert into plan_run(scenario_id, planner, owner_nation, releasable_to, status)"
                        + " select max(id), 'fifo', 'USA', 'REL NATO', 'DONE' from scenario");
        st.execute(
                "insert into force_catalogue(name, owner_nation, releasable_to, source_name,"
                        + " source_text, catalogue_json, units) values ('c', 'USA', 'REL NATO',"
                        + " 'c.yaml', '', '{}', 0)");
        st.execute(
                "insert into sourcing_run(scenario_id, catalogue_name, requirements_name,"
                        + " requirements_text, owner_nation, releasable_to, refused, choices,"
                        + " unfilled, total_cost, result_json) select max(id), 'c.yaml', 'r.yaml',"
                        + " '', 'USA', 'REL NATO', false, 0, 0, 0, '{}' from scenario");
    }

    /** The ids of a table's rows, ordered by {@code order}. */
    private static List<Long> ids(Connection c, String table, String order) throws Exception {
        List<Long> out = new ArrayList<>();
        try (var rs =
                c.createStatement()
                        .executeQuery("select id from " + table + " order by " + order)) {
            while (rs.next()) {
                out.add(rs.getLong(1));
            }
        }
        return out;
    }

    private static int tables(Connection c) throws Exception {
        try (var rs =
                c.createStatement()
                        .executeQuery(
                                "select count(*) from information_schema.tables where"
                                        + " table_schema = 'public'")) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
