package pe.cmep.gateway.solicitud;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.TreeMap;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.provider.Arguments;
import pe.cmep.events.EstadoOperativo;
import pe.cmep.localstack.TestBackend;
import pe.cmep.localstack.TestBackends;
import pe.cmep.localstack.UsesTestBackend;

/**
 * V7 put estado_operativo and the current gestor and medico on the solicitud row and filled them for the rows
 * already there, with the rules of domain.md §3 written in SQL. Those must agree with {@link EstadoOperativo#derive}
 * on every combination, whether a role has no assignment, a vigente one, or only assignments no longer vigente,
 * and must leave updated_at as it was.
 */
@UsesTestBackend
class EstadoOperativoColumnIT {

    private static final String DATABASE = "cmep_estado_columna";
    private static final int GESTOR = 3;
    private static final int MEDICO = 4;
    private static final int OTRO_GESTOR = 5;

    private record Expected(EstadoOperativo estado, Integer gestor, Integer medico) {
    }

    @Test
    void the_backfill_of_v7_gives_every_combination_the_state_derive_gives_it() throws SQLException {
        TestBackend backend = TestBackends.shared();
        backend.dropDatabase(DATABASE);
        backend.createDatabase(DATABASE);
        String url = backend.jdbcUrl(DATABASE);
        Map<Integer, Expected> expected = new TreeMap<>();
        try (Connection c = DriverManager.getConnection(url, backend.databaseUser(), backend.databasePassword()); Statement st = c.createStatement()) {
            flyway(backend, url, "6").migrate();
            for (int persona = 1; persona <= 5; persona++) {
                st.execute("INSERT INTO personas (persona_id, nombres, apellidos) VALUES (" + persona + ", 'P', 'Q')");
            }
            st.execute("INSERT INTO clientes (persona_id) VALUES (1)");
            for (boolean history : new boolean[] {false, true}) {
                EstadoOperativoTest.everyCombination().map(Arguments::get).forEach(args -> {
                    String atencion = (String) args[0];
                    String pago = (String) args[1];
                    boolean gestor = (Boolean) args[2];
                    boolean medico = (Boolean) args[3];
                    int id = insert(st, "INSERT INTO solicitud_cmep (cliente_id, estado_atencion, estado_pago, "
                            + "updated_at) VALUES (1, '" + atencion + "', '" + pago + "', '2020-02-02 02:02:02')");
                    if (history) {
                        // a replaced gestor, and a doctor no longer vigente, count for nothing
                        assign(st, id, "GESTOR", OTRO_GESTOR, 0);
                        assign(st, id, "MEDICO", MEDICO, 0);
                    }
                    if (gestor) {
                        assign(st, id, "GESTOR", GESTOR, 1);
                    }
                    if (medico) {
                        assign(st, id, "MEDICO", MEDICO, 1);
                    }
                    expected.put(id, new Expected(EstadoOperativo.derive(atencion, pago, gestor, medico),
                            gestor ? GESTOR : null, medico ? MEDICO : null));
                });
            }

            flyway(backend, url, "latest").migrate();

            Map<Integer, Expected> stored = new TreeMap<>();
            try (ResultSet rows = st.executeQuery("SELECT solicitud_id, estado_operativo, gestor_persona_id, "
                    + "medico_persona_id, updated_at FROM solicitud_cmep")) {
                while (rows.next()) {
                    stored.put(rows.getInt(1), new Expected(EstadoOperativo.valueOf(rows.getString(2)),
                            rows.getObject(3, Integer.class), rows.getObject(4, Integer.class)));
                    assertThat(rows.getString(5)).startsWith("2020-02-02 02:02:02");
                }
            }
            assertThat(expected).hasSize(120);
            assertThat(stored).isEqualTo(expected);
        } finally {
            backend.dropDatabase(DATABASE);
        }
    }

    private static Flyway flyway(TestBackend backend, String url, String target) {
        return Flyway.configure().dataSource(url, backend.databaseUser(), backend.databasePassword())
                .locations("classpath:db/migration").target(target).load();
    }

    private static void assign(Statement st, int solicitudId, String rol, int persona, int vigente) {
        insert(st, "INSERT INTO solicitud_asignacion (solicitud_id, persona_id, rol, es_vigente) VALUES ("
                + solicitudId + ", " + persona + ", '" + rol + "', " + vigente + ")");
    }

    private static int insert(Statement st, String sql) {
        try {
            st.executeUpdate(sql, Statement.RETURN_GENERATED_KEYS);
            try (ResultSet keys = st.getGeneratedKeys()) {
                keys.next();
                return keys.getInt(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }
}
