package pe.cmep.gateway.solicitud;

import static org.assertj.core.api.Assertions.assertThat;
import static pe.cmep.gateway.solicitud.WorkflowClient.ADMIN;
import static pe.cmep.gateway.solicitud.WorkflowClient.MEDICO;
import static pe.cmep.gateway.solicitud.WorkflowClient.ok;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * The payment and doctor preconditions of cerrar (api.md §7.5 items 3 and 4) in their order. No state where
 * the permissive matrix grants CERRAR lacks a vigente medico without being CERRADO or CANCELADO first, so
 * this class uses a test policy: the default matrix plus CERRAR for ADMIN in every open state.
 */
@TestPropertySource(properties = "cmep.policy.file=classpath:policy/cerrar-everywhere-policy.json")
class CerrarPreconditionsIT extends WorkflowTest {

    private static final String SIN_PAGO = "Debe existir al menos un pago registrado para cerrar la solicitud";
    private static final String SIN_MEDICO = "Debe haber un medico asignado para cerrar la solicitud";

    @Test
    void without_a_payment_the_payment_precondition_comes_first() {
        assertConflict(w.inState("REGISTRADO"), SIN_PAGO);
        assertConflict(w.inState("ASIGNADO_GESTOR"), SIN_PAGO);
    }

    @Test
    void paid_but_without_a_medico_is_409() {
        assertConflict(w.inState("PAGADO"), SIN_MEDICO);
        // a medico assigned before and then no longer vigente does not count
        int id = w.inState("PAGADO");
        execute("INSERT INTO solicitud_asignacion (solicitud_id, persona_id, rol, es_vigente, fecha_asignacion) "
                + "VALUES (" + id + ", 4, 'MEDICO', 0, UTC_TIMESTAMP())");
        assertConflict(id, SIN_MEDICO);
    }

    @Test
    void with_both_the_admin_closes() {
        int id = w.inState("ASIGNADO_MEDICO");
        assertThat(ok(w.action(ADMIN, id, "cerrar", "{}")).data().get("estado_operativo").asString())
                .isEqualTo("CERRADO");
    }

    private void assertConflict(int id, String message) {
        Map<String, List<String>> before = w.snapshot(id);
        WorkflowClient.Response r = w.action(ADMIN, id, "cerrar", "{\"comentario\": \"cerrar\"}");
        assertThat(r.status()).as(r.raw()).isEqualTo(409);
        assertThat(r.code()).isEqualTo("CONFLICT");
        assertThat(r.message()).isEqualTo(message);
        assertThat(w.snapshot(id)).isEqualTo(before);
    }
}
