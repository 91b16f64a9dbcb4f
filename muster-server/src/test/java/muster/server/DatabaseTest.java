package muster.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
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
