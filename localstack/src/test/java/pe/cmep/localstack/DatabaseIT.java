package pe.cmep.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

class DatabaseIT {

    private static final StandIns STAND_INS = StandIns.shared();
    private static final String DATABASE = "cmep_test";

    @Test
    void urls_point_at_the_loopback_port() {
        int port = STAND_INS.databasePort();

        assertThat(STAND_INS.jdbcUrl(DATABASE)).isEqualTo("jdbc:mariadb://127.0.0.1:" + port + "/cmep_test");
        assertThat(STAND_INS.r2dbcUrl(DATABASE)).isEqualTo("r2dbc:mysql://root@127.0.0.1:" + port + "/cmep_test");
    }

    @Test
    void test_database_uses_utf8mb4_unicode_collation() throws SQLException {
        String collation = query(DATABASE, "SELECT DEFAULT_COLLATION_NAME FROM information_schema.SCHEMATA "
                + "WHERE SCHEMA_NAME = 'cmep_test'");

        assertThat(collation).isEqualTo("utf8mb4_unicode_ci");
    }

    @Test
    void server_runs_in_utc_with_mysql8_sql_mode() throws SQLException {
        assertThat(query(DATABASE, "SELECT @@global.time_zone")).isEqualTo("+00:00");
        assertThat(query(DATABASE, "SELECT @@global.sql_mode"))
                .contains("ONLY_FULL_GROUP_BY", "STRICT_TRANS_TABLES", "NO_ZERO_DATE");
    }

    @Test
    void created_database_can_be_used_and_dropped() throws SQLException {
        STAND_INS.createDatabase("cmep_scratch");
        STAND_INS.createDatabase("cmep_scratch");
        execute("cmep_scratch", "CREATE TABLE note (id INT PRIMARY KEY, text VARCHAR(20))");
        execute("cmep_scratch", "INSERT INTO note VALUES (1, 'ñandú ✓')");
        assertThat(query("cmep_scratch", "SELECT text FROM note")).isEqualTo("ñandú ✓");

        STAND_INS.dropDatabase("cmep_scratch");

        assertThatThrownBy(() -> query("cmep_scratch", "SELECT 1")).isInstanceOf(SQLException.class);
    }

    @Test
    void database_names_that_are_not_plain_identifiers_are_refused() {
        assertThatThrownBy(() -> STAND_INS.createDatabase("x`; DROP DATABASE cmep_test; --"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void database_keeps_data_across_restart() throws SQLException {
        execute(DATABASE, "CREATE TABLE IF NOT EXISTS survivor (id INT PRIMARY KEY)");
        execute(DATABASE, "REPLACE INTO survivor VALUES (42)");

        STAND_INS.stopDatabase();
        try {
            assertThatThrownBy(() -> query(DATABASE, "SELECT 1")).isInstanceOf(SQLException.class);
        } finally {
            STAND_INS.startDatabase();
        }

        assertThat(query(DATABASE, "SELECT id FROM survivor")).isEqualTo("42");
    }

    private static void execute(String database, String sql) throws SQLException {
        try (Connection connection = connect(database); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static String query(String database, String sql) throws SQLException {
        try (Connection connection = connect(database);
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            assertThat(rows.next()).as(sql).isTrue();
            return rows.getString(1);
        }
    }

    private static Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(STAND_INS.jdbcUrl(database), "root", "");
    }
}
