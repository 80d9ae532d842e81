package pe.cmep.gateway.solicitud;

import static org.assertj.core.api.Assertions.assertThat;
import static pe.cmep.gateway.solicitud.WorkflowClient.ADMIN;
import static pe.cmep.gateway.solicitud.WorkflowClient.GESTOR;
import static pe.cmep.gateway.solicitud.WorkflowClient.MEDICO;
import static pe.cmep.gateway.solicitud.WorkflowClient.OPERADOR;
import static pe.cmep.gateway.solicitud.WorkflowClient.PAGO;
import static pe.cmep.gateway.solicitud.WorkflowClient.historial;
import static pe.cmep.gateway.solicitud.WorkflowClient.ok;
import static pe.cmep.gateway.solicitud.WorkflowClient.row;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Under the permissive policy file (decision 8) the 409 preconditions of cerrar and cancelar
 * (api.md §7.5, domain.md §5.6, §5.7), which the default matrix never reaches, answer; and the rules the
 * policy does not decide (payment before the doctor, several payments) still hold.
 */
@TestPropertySource(properties = "cmep.policy.file=classpath:policy/permissive-policy.json")
class AccionesPermissivePolicyIT extends WorkflowTest {

    @Test
    void cerrar_on_a_closed_solicitud_is_409_already_attended() {
        int id = w.inState("CERRADO");
        assertConflict(id, "cerrar", "Solicitud ya esta ATENDIDA");
    }

    @Test
    void cancelar_twice_is_409_already_cancelled() {
        int id = w.inState("ASIGNADO_GESTOR");
        ok(w.action(ADMIN, id, "cancelar", "{\"comentario\": \"primera\"}"));
        assertConflict(id, "cancelar", "Solicitud ya esta CANCELADA");
    }

    @Test
    void cerrar_on_a_cancelled_solicitud_is_409_already_cancelled() {
        int id = w.inState("CANCELADO");
        assertConflict(id, "cerrar", "Solicitud ya esta CANCELADA");
    }

    @Test
    void cerrar_without_a_payment_row_is_409() {
        // ASIGNADO_MEDICO (where the permissive matrix grants CERRAR) with estado_pago PAGADO but no pago row
        int id = w.inState("ASIGNADO_GESTOR");
        execute("UPDATE solicitud_cmep SET estado_pago = 'PAGADO' WHERE solicitud_id = " + id);
        ok(w.action(GESTOR, id, "asignar-medico", "{\"persona_id_medico\": 4}"));
        assertThat(w.detail(ADMIN, id).get("estado_operativo").asString()).isEqualTo("ASIGNADO_MEDICO");
        assertConflict(id, "cerrar", "Debe existir al menos un pago registrado para cerrar la solicitud");
    }

    @Test
    void an_admin_cancels_a_closed_solicitud_directly_keeping_the_closing_data() {
        int id = w.inState("CERRADO");
        JsonNode d = ok(w.action(ADMIN, id, "cancelar", "{\"comentario\": \"anulado\"}")).data();
        assertThat(d.get("estado_operativo").asString()).isEqualTo("CANCELADO");
        assertThat(d.get("motivo_cancelacion").asString()).isEqualTo("anulado");
        assertThat(d.get("cerrado_por").asInt()).isEqualTo(4);
        assertThat(historial(d)).last().isEqualTo(row("estado_atencion", "ATENDIDO", "CANCELADO", "anulado", 1));
    }

    @Test
    void several_payments_are_allowed_and_the_later_ones_add_only_pago_registrado() {
        int id = w.inState("PAGADO");
        JsonNode d = ok(w.action(OPERADOR, id, "registrar-pago",
                "{\"canal_pago\": \"EFECTIVO\", \"fecha_pago\": \"2026-01-30\", \"monto\": 20}")).data();
        d = ok(w.action(MEDICO, id, "registrar-pago", PAGO)).data();
        assertThat(d.get("pagos")).hasSize(3);
        assertThat(d.get("pagos")).extracting(p -> p.get("monto").asString())
                .containsExactly("150.50", "20.00", "150.50");
        assertThat(historial(d)).endsWith(
                row("pago_registrado", null, "150.50", null, 3),
                row("estado_pago", "PENDIENTE", "PAGADO", null, 3),
                row("pago_registrado", null, "20.00", null, 2),
                row("pago_registrado", null, "150.50", null, 4));
        assertThat(count("SELECT COUNT(*) FROM solicitud_estado_historial WHERE campo = 'estado_pago' "
                + "AND solicitud_id = " + id)).isEqualTo(1);
        List<String> payloads = w.rows("SELECT payload FROM outbox_event WHERE solicitud_id = " + id
                + " AND event_type = 'solicitud.payment_registered' ORDER BY outbox_id DESC LIMIT 1");
        assertThat(payloads.get(0)).contains("\"estado_pago_anterior\":\"PAGADO\"");
    }

    @Test
    void asignar_medico_before_the_payment_is_the_422_of_the_payment_rule() {
        int id = w.inState("ASIGNADO_GESTOR");
        Map<String, List<String>> before = w.snapshot(id);
        WorkflowClient.Response r = w.action(GESTOR, id, "asignar-medico", "{\"persona_id_medico\": 4}");
        assertThat(r.status()).as(r.raw()).isEqualTo(422);
        assertThat(r.code()).isEqualTo("VALIDATION_ERROR");
        assertThat(r.message()).isEqualTo("La solicitud debe estar pagada para asignar medico");
        assertThat(w.snapshot(id)).isEqualTo(before);
    }

    private void assertConflict(int id, String action, String message) {
        Map<String, List<String>> before = w.snapshot(id);
        WorkflowClient.Response r = w.action(ADMIN, id, action, "{\"comentario\": \"otra vez\"}");
        assertThat(r.status()).as(r.raw()).isEqualTo(409);
        assertThat(r.code()).isEqualTo("CONFLICT");
        assertThat(r.message()).isEqualTo(message);
        assertThat(w.snapshot(id)).isEqualTo(before);
    }
}
