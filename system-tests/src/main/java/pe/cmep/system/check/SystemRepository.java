package pe.cmep.system.check;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Every statement the system tests and the soak read the cluster's database with, over JDBC. */
public final class SystemRepository {

    private static final String UNPUBLISHED = """
            SELECT COUNT(*) FROM outbox_event WHERE published_at IS NULL""";
    private static final String UNPUBLISHED_UP_TO = """
            SELECT COUNT(*) FROM outbox_event WHERE published_at IS NULL AND outbox_id <= ?""";
    private static final String LAST_OUTBOX_ID = """
            SELECT COALESCE(MAX(outbox_id), 0) FROM outbox_event""";
    private static final String UNAPPLIED = """
            SELECT COUNT(*) FROM outbox_event o
            LEFT JOIN processed_event p ON p.event_id = o.event_id AND p.consumer = ?
            WHERE o.queue_role = ? AND p.event_id IS NULL""";
    private static final String UNVERIFIED = """
            SELECT COUNT(*) FROM archivos WHERE estado_verificacion = 'PENDIENTE'""";
    private static final String APPLICATION_ORDER = """
            SELECT o.solicitud_id, o.outbox_id, o.event_type, p.seq
            FROM outbox_event o JOIN processed_event p ON p.event_id = o.event_id AND p.consumer = ?
            WHERE o.queue_role = ?
            ORDER BY o.solicitud_id, o.outbox_id""";
    private static final String EXISTING = """
            SELECT solicitud_id FROM solicitud_cmep WHERE solicitud_id IN (%s)""";
    private static final String HISTORIAL_PER_CAMPO = """
            SELECT solicitud_id, campo, COUNT(*) FROM solicitud_estado_historial
            WHERE solicitud_id IN (%s) GROUP BY solicitud_id, campo""";
    private static final String PAGOS = """
            SELECT solicitud_id, COUNT(*) FROM pago_solicitud WHERE solicitud_id IN (%s) GROUP BY solicitud_id""";
    private static final String FILE_LINKS = """
            SELECT solicitud_id, COUNT(*) FROM solicitud_archivo WHERE solicitud_id IN (%s) GROUP BY solicitud_id""";
    private static final String ESTADOS = """
            SELECT solicitud_id, estado_operativo FROM solicitud_cmep WHERE solicitud_id IN (%s)""";
    private static final String COUNTED = """
            SELECT estado_operativo, COUNT(*) FROM solicitud_cmep GROUP BY estado_operativo""";
    private static final String COUNTERS = """
            SELECT estado_operativo, SUM(n) FROM solicitud_conteo GROUP BY estado_operativo""";
    private static final String STORAGE_PATHS = """
            SELECT storage_path FROM archivos""";

    /** One event as its consumer applied it. */
    public record Applied(int solicitudId, long outboxId, String eventType, long seq) {
    }

    private final String jdbcUrl;

    public SystemRepository(String jdbcUrl) {
        this.jdbcUrl = jdbcUrl;
    }

    public long unpublished() {
        return one(UNPUBLISHED);
    }

    public long unpublishedUpTo(long outboxId) {
        return one(UNPUBLISHED_UP_TO, outboxId);
    }

    public long lastOutboxId() {
        return one(LAST_OUTBOX_ID);
    }

    public long unapplied(String consumer, String queueRole) {
        return one(UNAPPLIED, consumer, queueRole);
    }

    public long unverifiedFiles() {
        return one(UNVERIFIED);
    }

    /** A consumer's applied events of a queue, by solicitud and in commit order. */
    public List<Applied> applicationOrder(String consumer, String queueRole) {
        return list(APPLICATION_ORDER, rs -> new Applied(rs.getInt(1), rs.getLong(2), rs.getString(3),
                rs.getLong(4)), consumer, queueRole);
    }

    public List<Integer> existing(List<Integer> ids) {
        return list(EXISTING.formatted(in(ids)), rs -> rs.getInt(1));
    }

    /** "solicitud_id campo" → rows. */
    public Map<String, Integer> historialPerCampo(List<Integer> ids) {
        return map(HISTORIAL_PER_CAMPO.formatted(in(ids)), rs -> rs.getInt(1) + " " + rs.getString(2));
    }

    public Map<String, Integer> pagos(List<Integer> ids) {
        return map(PAGOS.formatted(in(ids)), rs -> String.valueOf(rs.getInt(1)));
    }

    public Map<String, Integer> fileLinks(List<Integer> ids) {
        return map(FILE_LINKS.formatted(in(ids)), rs -> String.valueOf(rs.getInt(1)));
    }

    public Map<Integer, String> estados(List<Integer> ids) {
        Map<Integer, String> estados = new HashMap<>();
        list(ESTADOS.formatted(in(ids)), rs -> estados.put(rs.getInt(1), rs.getString(2)));
        return estados;
    }

    public Map<String, Integer> countedPerEstado() {
        return map(COUNTED, rs -> rs.getString(1));
    }

    public Map<String, Integer> countersPerEstado() {
        return map(COUNTERS, rs -> rs.getString(1));
    }

    public List<String> storagePaths() {
        return list(STORAGE_PATHS, rs -> rs.getString(1));
    }

    private interface Row<T> {
        T map(ResultSet rs) throws SQLException;
    }

    private long one(String sql, Object... args) {
        List<Long> values = list(sql, rs -> rs.getLong(1), args);
        return values.isEmpty() ? 0 : values.get(0);
    }

    /** Two columns: a key made by {@code key}, and a count in the last column. */
    private Map<String, Integer> map(String sql, Row<String> key) {
        Map<String, Integer> map = new HashMap<>();
        list(sql, rs -> map.put(key.map(rs), rs.getInt(rs.getMetaData().getColumnCount())));
        return map;
    }

    private <T> List<T> list(String sql, Row<T> row, Object... args) {
        try (Connection c = DriverManager.getConnection(jdbcUrl, "root", "");
             PreparedStatement st = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                st.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = st.executeQuery()) {
                List<T> rows = new ArrayList<>();
                while (rs.next()) {
                    rows.add(row.map(rs));
                }
                return rows;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("query failed: " + sql, e);
        }
    }

    private static String in(List<Integer> ids) {
        return ids.stream().map(String::valueOf).collect(Collectors.joining(","));
    }
}
