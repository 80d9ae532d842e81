package pe.cmep.gateway.solicitud;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.provider.Arguments;
import pe.cmep.gateway.support.ApiIntegrationTest;

/** The SQL form of the derivation must agree with {@link EstadoOperativo#derive} on real rows. */
class EstadoOperativoSqlTest extends ApiIntegrationTest {

    private static final int GESTOR_PERSONA = 3;
    private static final int MEDICO_PERSONA = 4;

    /** solicitud_id → the state domain.md §3 gives it. */
    private final Map<Integer, EstadoOperativo> expected = new TreeMap<>();
    private int clienteId;

    @BeforeEach
    void insertOneSolicitudPerCombination() {
        execute("DELETE FROM solicitud_asignacion");
        execute("DELETE FROM solicitud_cmep");
        execute("DELETE FROM clientes WHERE persona_id IN (SELECT persona_id FROM personas WHERE nombres = 'Estado')");
        execute("DELETE FROM personas WHERE nombres = 'Estado'");
        clienteId = insertReturningId("INSERT INTO personas (nombres, apellidos) VALUES ('Estado', 'Operativo')");
        execute("INSERT INTO clientes (persona_id, estado) VALUES (" + clienteId + ", 'ACTIVO')");
        // Every combination twice: once with no other assignment, once with closed (no longer vigente)
        // assignments for the roles that have no vigente one, which must not count.
        for (boolean history : new boolean[] {false, true}) {
            EstadoOperativoTest.everyCombination().map(Arguments::get).forEach(args -> {
                String atencion = (String) args[0];
                String pago = (String) args[1];
                boolean gestor = (Boolean) args[2];
                boolean medico = (Boolean) args[3];
                int id = insertReturningId("INSERT INTO solicitud_cmep (cliente_id, estado_atencion, estado_pago) "
                        + "VALUES (" + clienteId + ", '" + atencion + "', '" + pago + "')");
                assign(id, "GESTOR", GESTOR_PERSONA, gestor, history);
                assign(id, "MEDICO", MEDICO_PERSONA, medico, history);
                expected.put(id, EstadoOperativo.derive(atencion, pago, gestor, medico));
            });
        }
    }

    @Test
    void the_sql_expression_yields_the_same_state_as_derive_for_every_combination() {
        Map<Integer, EstadoOperativo> derivedInSql = new TreeMap<>();
        db.sql("SELECT s.solicitud_id, " + EstadoOperativo.sqlExpression("s") + " AS estado "
                        + "FROM solicitud_cmep s WHERE s.cliente_id = :cliente")
                .bind("cliente", clienteId)
                .map((row, meta) -> Map.entry(row.get("solicitud_id", Integer.class),
                        EstadoOperativo.parse(row.get("estado", String.class)).orElseThrow()))
                .all()
                .doOnNext(e -> derivedInSql.put(e.getKey(), e.getValue()))
                .blockLast();
        assertThat(expected).hasSize(120);
        assertThat(derivedInSql).isEqualTo(expected);
    }

    @Test
    void the_sql_expression_filters_in_a_where_clause_to_exactly_the_solicitudes_in_that_state() {
        for (EstadoOperativo estado : EstadoOperativo.values()) {
            Set<Integer> filtered = new TreeSet<>(db.sql("SELECT sol.solicitud_id FROM solicitud_cmep sol "
                            + "WHERE sol.cliente_id = :cliente AND " + EstadoOperativo.sqlExpression("sol") + " = :estado")
                    .bind("cliente", clienteId)
                    .bind("estado", estado.name())
                    .map((row, meta) -> row.get("solicitud_id", Integer.class))
                    .all().collectList().block());
            Set<Integer> inState = new TreeSet<>();
            expected.forEach((id, e) -> {
                if (e == estado) {
                    inState.add(id);
                }
            });
            assertThat(filtered).as(estado.name()).isNotEmpty().isEqualTo(inState);
        }
    }

    private void assign(int solicitudId, String rol, int personaId, boolean vigente, boolean history) {
        if (vigente) {
            insertAssignment(solicitudId, rol, personaId, 1);
        } else if (history) {
            insertAssignment(solicitudId, rol, personaId, 0);
        }
    }

    private void insertAssignment(int solicitudId, String rol, int personaId, int esVigente) {
        execute("INSERT INTO solicitud_asignacion (solicitud_id, persona_id, rol, es_vigente) VALUES ("
                + solicitudId + ", " + personaId + ", '" + rol + "', " + esVigente + ")");
    }

    private int insertReturningId(String sql) {
        return db.sql(sql)
                .filter(statement -> statement.returnGeneratedValues())
                .map((row, meta) -> ((Number) row.get(0)).intValue())
                .one().block();
    }
}
