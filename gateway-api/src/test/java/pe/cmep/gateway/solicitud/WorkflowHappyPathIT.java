package pe.cmep.gateway.solicitud;

import static org.assertj.core.api.Assertions.assertThat;
import static pe.cmep.gateway.solicitud.WorkflowClient.ADMIN;
import static pe.cmep.gateway.solicitud.WorkflowClient.GESTOR;
import static pe.cmep.gateway.solicitud.WorkflowClient.MEDICO;
import static pe.cmep.gateway.solicitud.WorkflowClient.OPERADOR;
import static pe.cmep.gateway.solicitud.WorkflowClient.historial;
import static pe.cmep.gateway.solicitud.WorkflowClient.ok;
import static pe.cmep.gateway.solicitud.WorkflowClient.row;
import static pe.cmep.gateway.solicitud.WorkflowClient.strings;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import pe.cmep.gateway.support.EventsQueue;
import software.amazon.awssdk.services.sqs.model.Message;
import tools.jackson.databind.JsonNode;

/**
 * The whole workflow of the default matrix over HTTP (api.md §7.5, domain.md §5.3–§5.6): each step is done by
 * the role the matrix gives it, answers the refreshed detail for the caller, writes its historial rows and
 * its event, and the events reach the solicitud-events queue in order.
 */
class WorkflowHappyPathIT extends WorkflowTest {

    private static final Duration DEADLINE = Duration.ofSeconds(30);

    @RegisterExtension
    static final EventsQueue queue = new EventsQueue();

    @Test
    void registrado_to_cerrado_through_the_roles_of_the_matrix() {
        long outboxBefore = count("SELECT COALESCE(MAX(outbox_id), 0) FROM outbox_event");
        int id = w.create();

        // operador assigns the gestor
        JsonNode d = ok(w.action(OPERADOR, id, "asignar-gestor", "{\"persona_id_gestor\": 3}")).data();
        assertThat(d.get("solicitud_id").asInt()).isEqualTo(id);
        assertThat(d.get("estado_operativo").asString()).isEqualTo("ASIGNADO_GESTOR");
        assertThat(strings(d.get("acciones_permitidas")))
                .containsExactly("CAMBIAR_GESTOR", "CAMBIAR_MEDICO", "CANCELAR", "EDITAR_DATOS");
        assertThat(d.get("asignaciones_vigentes").get("GESTOR").get("persona_id").asInt()).isEqualTo(3);
        assertThat(d.get("asignaciones_vigentes").get("GESTOR").get("nombre").asString()).isEqualTo("Carlos Gestor");
        assertThat(d.get("asignaciones_vigentes").get("GESTOR").get("rol").asString()).isEqualTo("GESTOR");
        assertThat(d.get("asignaciones_vigentes").get("MEDICO").isNull()).isTrue();
        assertThat(updatedBy(id)).isEqualTo(2);

        // gestor registers the payment
        d = ok(w.action(GESTOR, id, "registrar-pago", "{\"canal_pago\": \"YAPE\", \"fecha_pago\": \"2026-01-29\", "
                + "\"monto\": \"150.50\", \"moneda\": \"PEN\", \"referencia_transaccion\": \"OP-123\", "
                + "\"comentario\": \"pago completo\"}")).data();
        assertThat(d.get("estado_operativo").asString()).isEqualTo("PAGADO");
        assertThat(d.get("estado_pago").asString()).isEqualTo("PAGADO");
        assertThat(strings(d.get("acciones_permitidas")))
                .containsExactly("ASIGNAR_MEDICO", "CAMBIAR_GESTOR", "CAMBIAR_MEDICO", "CANCELAR", "EDITAR_DATOS");
        assertThat(d.get("pagos")).hasSize(1);
        JsonNode pago = d.get("pagos").get(0);
        assertThat(pago.get("canal_pago").asString()).isEqualTo("YAPE");
        assertThat(pago.get("fecha_pago").asString()).isEqualTo("2026-01-29");
        assertThat(pago.get("monto").asString()).isEqualTo("150.50");
        assertThat(pago.get("moneda").asString()).isEqualTo("PEN");
        assertThat(pago.get("referencia_transaccion").asString()).isEqualTo("OP-123");
        assertThat(pago.get("comentario").asString()).isEqualTo("pago completo");
        assertThat(pago.get("validated_at").asString()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
        assertThat(count("SELECT COUNT(*) FROM pago_solicitud WHERE solicitud_id = " + id
                + " AND validated_by = 3 AND created_by = 3 AND monto = 150.50")).isEqualTo(1);
        assertThat(updatedBy(id)).isEqualTo(3);

        // gestor assigns the medico once paid
        d = ok(w.action(GESTOR, id, "asignar-medico", "{\"persona_id_medico\": 4}")).data();
        assertThat(d.get("estado_operativo").asString()).isEqualTo("ASIGNADO_MEDICO");
        assertThat(strings(d.get("acciones_permitidas")))
                .containsExactly("CAMBIAR_GESTOR", "CAMBIAR_MEDICO", "CANCELAR", "EDITAR_DATOS");
        assertThat(d.get("asignaciones_vigentes").get("MEDICO").get("persona_id").asInt()).isEqualTo(4);
        assertThat(d.get("asignaciones_vigentes").get("MEDICO").get("nombre").asString()).isEqualTo("Maria Medico");
        assertThat(d.get("asignaciones_vigentes").get("GESTOR").get("persona_id").asInt()).isEqualTo(3);

        // medico closes
        d = ok(w.action(MEDICO, id, "cerrar", "{\"comentario\": \"evaluacion completa\"}")).data();
        assertThat(d.get("estado_operativo").asString()).isEqualTo("CERRADO");
        assertThat(d.get("estado_atencion").asString()).isEqualTo("ATENDIDO");
        assertThat(strings(d.get("acciones_permitidas"))).isEmpty();
        assertThat(d.get("cerrado_por").asInt()).isEqualTo(4);
        assertThat(d.get("fecha_cierre").asString()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
        assertThat(d.get("fecha_cancelacion").isNull()).isTrue();
        assertThat(updatedBy(id)).isEqualTo(4);
        assertThat(strings(w.detail(ADMIN, id).get("acciones_permitidas"))).containsExactly("OVERRIDE");

        assertThat(historial(d)).containsExactly(
                row("solicitud_creada", null, "REGISTRADO", null, 2),
                row("asignacion_gestor", null, "Carlos Gestor", null, 2),
                row("pago_registrado", null, "150.50", null, 3),
                row("estado_pago", "PENDIENTE", "PAGADO", null, 3),
                row("asignacion_medico", null, "Maria Medico", null, 3),
                row("estado_atencion", "REGISTRADO", "ATENDIDO", "evaluacion completa", 4));
        assertThat(d.get("historial").get(0).get("usuario_nombre").asString()).isEqualTo("Maria Medico");
        assertThat(count("SELECT COUNT(*) FROM solicitud_asignacion WHERE solicitud_id = " + id
                + " AND es_vigente = 1 AND ((rol = 'GESTOR' AND persona_id = 3 AND asignado_por = 2) "
                + "OR (rol = 'MEDICO' AND persona_id = 4 AND asignado_por = 3))")).isEqualTo(2);

        // the events, as a consumer of the queue reads them
        List<String> eventIds = w.query("SELECT event_id FROM outbox_event WHERE solicitud_id = " + id
                + " AND outbox_id > " + outboxBefore + " ORDER BY outbox_id", r -> r.get("event_id", String.class));
        assertThat(eventIds).hasSize(5);
        List<Message> received = queue.receive(eventIds, DEADLINE);
        assertThat(received).extracting(EventsQueue::dedupId).containsExactlyElementsOf(eventIds);
        assertThat(received).extracting(EventsQueue::groupId).containsOnly(Integer.toString(id));
        List<JsonNode> events = received.stream().map(m -> w.parse(m.body())).toList();
        assertThat(events).extracting(e -> e.get("type").asString()).containsExactly("solicitud.created",
                "solicitud.gestor_assigned", "solicitud.payment_registered", "solicitud.medico_assigned",
                "solicitud.closed");
        assertThat(events).extracting(e -> e.get("payload").get("state").get("estado_operativo").asString())
                .containsExactly("REGISTRADO", "ASIGNADO_GESTOR", "PAGADO", "ASIGNADO_MEDICO", "CERRADO");
        assertThat(events).extracting(e -> e.get("actor").asInt()).containsExactly(2, 2, 3, 3, 4);
        assertThat(events).extracting(e -> e.get("solicitud_id").asInt()).containsOnly(id);
        assertThat(events).extracting(e -> e.get("event_id").asString()).containsExactlyElementsOf(eventIds);
        JsonNode gestor = events.get(1).get("payload");
        assertThat(gestor.get("persona_id").asInt()).isEqualTo(3);
        assertThat(gestor.get("nombre").asString()).isEqualTo("Carlos Gestor");
        assertThat(gestor.get("persona_id_anterior").isNull()).isTrue();
        assertThat(gestor.get("via_override").asBoolean()).isFalse();
        JsonNode payment = events.get(2).get("payload");
        assertThat(payment.get("monto").asString()).isEqualTo("150.50");
        assertThat(payment.get("estado_pago_anterior").asString()).isEqualTo("PENDIENTE");
        assertThat(payment.get("pago_id").asInt()).isEqualTo(pago.get("pago_id").asInt());
        assertThat(events.get(3).get("payload").get("state").get("medico_persona_id").asInt()).isEqualTo(4);
        assertThat(events.get(4).get("payload").get("state").get("estado_atencion").asString()).isEqualTo("ATENDIDO");
    }

    @Test
    void every_action_answers_the_detail_reloaded_for_the_caller() {
        int id = w.create();
        JsonNode byAdmin = ok(w.action(ADMIN, id, "asignar-gestor", "{\"persona_id_gestor\": 3}")).data();
        JsonNode read = w.detail(ADMIN, id);
        assertThat(byAdmin).isEqualTo(read);
        assertThat(strings(byAdmin.get("acciones_permitidas"))).containsExactly("CAMBIAR_GESTOR", "CAMBIAR_MEDICO",
                "CANCELAR", "EDITAR_DATOS", "REGISTRAR_PAGO");
        assertThat(strings(w.detail(MEDICO, id).get("acciones_permitidas")))
                .containsExactly("CAMBIAR_GESTOR", "CAMBIAR_MEDICO", "CANCELAR", "EDITAR_DATOS");
    }

    private Long updatedBy(int id) {
        return count("SELECT updated_by FROM solicitud_cmep WHERE solicitud_id = " + id);
    }
}
