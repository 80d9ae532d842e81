package pe.cmep.system.hostile;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * A checksum of every business table, to prove that a refused request changed no row. The tables are read from
 * information_schema, so a new table is covered without editing the test; left out are the ones that change by
 * design on a refused or read-only request: sessions (last_seen_at, purges), the login throttle, the outbox and the
 * consumers' ledger, the report projections, and Flyway's history.
 */
public final class DomainChecksum implements AutoCloseable {

    private static final Set<String> CHANGE_BY_DESIGN = Set.of("sessions", "login_failure", "login_attempt_lock",
            "outbox_event", "processed_event", "flyway_schema_history");
    private static final String CHANGE_BY_DESIGN_PREFIX = "reporte_";

    private final Connection connection;
    private final List<String> tables;
    private final String statement;

    public DomainChecksum(String jdbcUrl) {
        try {
            this.connection = DriverManager.getConnection(jdbcUrl, "root", "");
            this.tables = businessTables(connection);
        } catch (SQLException e) {
            throw new IllegalStateException("database not reachable at " + jdbcUrl, e);
        }
        if (tables.size() < 10) {
            throw new IllegalStateException("too few business tables found: " + tables);
        }
        this.statement = "CHECKSUM TABLE " + tables.stream().map(t -> "`" + t + "`").collect(Collectors.joining(", "));
    }

    public List<String> tables() {
        return tables;
    }

    /** Table name → checksum, in one statement (CHECKSUM TABLE reads every row of each table). */
    public Map<String, Long> take() {
        Map<String, Long> sums = new TreeMap<>();
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(statement)) {
            while (rs.next()) {
                String name = rs.getString(1);
                sums.put(name.substring(name.indexOf('.') + 1), rs.getLong(2));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("checksum failed", e);
        }
        return sums;
    }

    /** The tables whose checksum differs between two takes. */
    public static List<String> changed(Map<String, Long> before, Map<String, Long> after) {
        List<String> changed = new ArrayList<>();
        after.forEach((table, sum) -> {
            if (!sum.equals(before.get(table))) {
                changed.add(table);
            }
        });
        return changed;
    }

    /** The number a one-number query answers (a COUNT), for waiting until the system is quiet. */
    public long count(String sql) {
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            return rs.next() ? rs.getLong(1) : 0;
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    private static List<String> businessTables(Connection c) throws SQLException {
        List<String> names = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT table_name FROM information_schema.tables WHERE table_schema = DATABASE()"
                        + " AND table_type = 'BASE TABLE' ORDER BY table_name")) {
            while (rs.next()) {
                String name = rs.getString(1);
                if (!CHANGE_BY_DESIGN.contains(name) && !name.startsWith(CHANGE_BY_DESIGN_PREFIX)) {
                    names.add(name);
                }
            }
        }
        return names;
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
