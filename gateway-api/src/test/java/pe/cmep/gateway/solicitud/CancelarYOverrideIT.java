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

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

/**
 * CANCELAR from the open states, terminal solicitudes refusing cerrar/cancelar to every role (api.md §0 D3),
 * and the admin OVERRIDE on CERRADO and CANCELADO with each sub-action (api.md §7.5, domain.md §5.7, §5.10,
 * §10 #1 #31), under the default matrix.
 */
class CancelarYOverrideIT extends WorkflowTest {

    private static final List<String> OPEN = List.of("REGISTRADO", "ASIGNADO_GESTOR", "PAGADO", "ASIGNADO_MEDICO");
    private static final List<String> ROLES = List.of(ADMIN, OPERADOR, GESTOR, MEDICO);

    // CANCELAR

    @Test
    void cancelar_from_each_open_state_with_a_comentario_sets_the_motivo() {
        for (String estado : OPEN) {
            int id = w.inState(estado);
            String atencionAntes = w.detail(ADMIN, id).get("estado_atencion").asString();
            JsonNode d = ok(w.action(MEDICO, id, "cancelar", "{\"comentario\": \"cliente desistio\"}")).data();
            assertThat(d.get("estado_operativo").asString()).as(estado).isEqualTo("CANCELADO");
            assertThat(d.get("estado_atencion").asString()).isEqualTo("CANCELADO");
            assertThat(d.get("motivo_cancelacion").asString()).isEqualTo("cliente desistio");
            assertThat(d.get("cancelado_por").asInt()).isEqualTo(4);
            assertThat(d.get("fecha_cancelacion").asString()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
            assertThat(d.get("fecha_cierre").isNull()).isTrue();
            assertThat(strings(d.get("acciones_permitidas"))).isEmpty();
            assertThat(historial(d)).last()
                    .isEqualTo(row("estado_atencion", atencionAntes, "CANCELADO", "cliente desistio", 4));
            assertThat(count("SELECT updated_by FROM solicitud_cmep WHERE solicitud_id = " + id)).isEqualTo(4);
            assertThat(lastEvents(id, 1)).containsExactly("solicitud.cancelled");
            assertThat(w.rows("SELECT payload FROM outbox_event WHERE solicitud_id = " + id
                    + " ORDER BY outbox_id DESC LIMIT 1").get(0))
                    .contains("\"motivo\":\"cliente desistio\"")
                    .contains("\"estado_operativo\":\"CANCELADO\"");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"{}", "{\"comentario\": null}", "{\"comentario\": \"\"}"})
    void cancelar_without_a_comentario_keeps_the_motivo(String body) {
        int id = w.inState("ASIGNADO_GESTOR");
        JsonNode d = ok(w.action(GESTOR, id, "cancelar", body)).data();
        assertThat(d.get("estado_operativo").asString()).isEqualTo("CANCELADO");
        assertThat(d.get("motivo_cancelacion").isNull()).isTrue();
        assertThat(historial(d)).last().isEqualTo(row("estado_atencion", "REGISTRADO", "CANCELADO", null, 3));

        // a motivo already there stays
        int other = w.inState("REGISTRADO");
        execute("UPDATE solicitud_cmep SET motivo_cancelacion = 'anterior' WHERE solicitud_id = " + other);
        assertThat(ok(w.action(OPERADOR, other, "cancelar", body)).data().get("motivo_cancelacion").asString())
                .isEqualTo("anterior");
    }

    @Test
    void cerrar_and_cancelar_on_a_terminal_solicitud_are_403_for_every_role_admin_included() {
        for (String estado : List.of("CERRADO", "CANCELADO")) {
            int id = w.inState(estado);
            for (String user : ROLES) {
                for (String action : List.of("cerrar", "cancelar")) {
                    Map<String, List<String>> before = w.snapshot(id);
                    WorkflowClient.Response r = w.action(user, id, action, "{\"comentario\": \"otra vez\"}");
                    assertThat(r.status()).as(user + " " + action + " " + estado).isEqualTo(403);
                    assertThat(r.code()).isEqualTo("FORBIDDEN");
                    assertThat(r.message()).isEqualTo(
                            "Accion '" + action.toUpperCase() + "' no permitida en estado '" + estado + "'");
                    assertThat(w.snapshot(id)).isEqualTo(before);
                }
            }
        }
    }

    // OVERRIDE, by sub-action

    @Test
    void override_editar_datos_applies_only_the_solicitud_fields() {
        for (String estado : List.of("CERRADO", "CANCELADO")) {
            int id = w.inState(estado);
            String clienteAntes = w.rows("SELECT nombres, apellidos FROM personas p JOIN solicitud_cmep s "
                    + "ON s.cliente_id = p.persona_id WHERE s.solicitud_id = " + id).get(0);
            int rowsAntes = historial(w.detail(ADMIN, id)).size();
            JsonNode d = ok(w.action(ADMIN, id, "override", "{\"motivo\": \"corregir datos\", \"accion\": "
                    + "\"EDITAR_DATOS\", \"payload\": {\"tipo_atencion\": \"PRESENCIAL\", \"lugar_atencion\": \"Sede "
                    + "Lima\", \"comentario\": \"corregido\", \"estado_certificado\": \"APROBADO\", "
                    + "\"cliente_nombres\": \"\", \"cliente_apellidos\": \"Otro\", \"apoderado_nombres\": \"X\"}}"))
                    .data();
            assertThat(d.get("estado_operativo").asString()).isEqualTo(estado);
            assertThat(d.get("tipo_atencion").asString()).isEqualTo("PRESENCIAL");
            assertThat(d.get("lugar_atencion").asString()).isEqualTo("Sede Lima");
            assertThat(d.get("comentario").asString()).isEqualTo("corregido");
            assertThat(d.get("estado_certificado").asString()).isEqualTo("APROBADO");
            assertThat(d.get("cliente").get("nombre").asString()).isEqualTo("Rosa Quispe");
            assertThat(w.rows("SELECT nombres, apellidos FROM personas p JOIN solicitud_cmep s "
                    + "ON s.cliente_id = p.persona_id WHERE s.solicitud_id = " + id).get(0)).isEqualTo(clienteAntes);
            assertThat(historial(d).subList(rowsAntes, historial(d).size())).containsExactly(
                    row("override", estado, "true", "corregir datos", 1),
                    row("tipo_atencion", null, "PRESENCIAL", null, 1),
                    row("lugar_atencion", null, "Sede Lima", null, 1),
                    row("comentario", null, "corregido", null, 1),
                    row("estado_certificado", null, "APROBADO", null, 1));
            assertThat(strings(d.get("acciones_permitidas"))).containsExactly("OVERRIDE");
            assertThat(lastEvents(id, 2)).containsExactly("solicitud.overridden", "solicitud.edited");
        }
    }

    @Test
    void override_editar_datos_without_a_change_writes_only_the_override_row() {
        int id = w.inState("CERRADO");
        int rowsAntes = historial(w.detail(ADMIN, id)).size();
        JsonNode d = ok(w.action(ADMIN, id, "override",
                "{\"motivo\": \"revision\", \"accion\": \"EDITAR_DATOS\"}")).data();
        assertThat(historial(d).subList(rowsAntes, historial(d).size()))
                .containsExactly(row("override", "CERRADO", "true", "revision", 1));
        assertThat(lastEvents(id, 1)).containsExactly("solicitud.overridden");
    }

    @Test
    void override_cambiar_gestor_and_medico_run_the_assignment_with_their_own_campo() {
        int cerrado = w.inState("CERRADO");
        int otroGestor = employee("00000071", "Gina", "Gestora", "GESTOR");
        int otroMedico = employee("00000072", "Hugo", "Medico", "MEDICO");

        JsonNode d = ok(w.action(ADMIN, cerrado, "override", "{\"motivo\": \"cambio de gestor\", \"accion\": "
                + "\"CAMBIAR_GESTOR\", \"payload\": {\"persona_id_gestor\": " + otroGestor + "}}")).data();
        assertThat(d.get("estado_operativo").asString()).isEqualTo("CERRADO");
        assertThat(d.get("asignaciones_vigentes").get("GESTOR").get("persona_id").asInt()).isEqualTo(otroGestor);
        assertThat(historial(d)).endsWith(
                row("override", "CERRADO", "true", "cambio de gestor", 1),
                row("override_cambiar_gestor", "Carlos Gestor", "Gina Gestora", null, 1));
        assertThat(lastEvents(cerrado, 2)).containsExactly("solicitud.overridden", "solicitud.gestor_changed");

        d = ok(w.action(ADMIN, cerrado, "override", "{\"motivo\": \"cambio de medico\", \"accion\": "
                + "\"CAMBIAR_MEDICO\", \"payload\": {\"persona_id_medico\": " + otroMedico + "}}")).data();
        assertThat(d.get("asignaciones_vigentes").get("MEDICO").get("persona_id").asInt()).isEqualTo(otroMedico);
        assertThat(historial(d)).endsWith(
                row("override", "CERRADO", "true", "cambio de medico", 1),
                row("override_cambiar_medico", "Maria Medico", "Hugo Medico", null, 1));
        assertThat(count("SELECT COUNT(*) FROM solicitud_asignacion WHERE solicitud_id = " + cerrado
                + " AND es_vigente = 1")).isEqualTo(2);

        // on a solicitud cancelled unpaid: the payment before the doctor does not apply (§10 #31)
        int cancelado = w.inState("CANCELADO");
        d = ok(w.action(ADMIN, cancelado, "override", "{\"motivo\": \"medico\", \"accion\": \"CAMBIAR_MEDICO\", "
                + "\"payload\": {\"persona_id_medico\": 4}}")).data();
        assertThat(d.get("estado_operativo").asString()).isEqualTo("CANCELADO");
        assertThat(d.get("estado_pago").asString()).isEqualTo("PENDIENTE");
        assertThat(historial(d)).endsWith(
                row("override", "CANCELADO", "true", "medico", 1),
                row("override_cambiar_medico", null, "Maria Medico", null, 1));
        assertThat(w.rows("SELECT payload FROM outbox_event WHERE solicitud_id = " + cancelado
                + " ORDER BY outbox_id DESC LIMIT 1").get(0)).contains("\"via_override\":true");
        d = ok(w.action(ADMIN, cancelado, "override", "{\"motivo\": \"gestor\", \"accion\": \"CAMBIAR_GESTOR\", "
                + "\"payload\": {\"persona_id_gestor\": 3}}")).data();
        assertThat(historial(d)).last().isEqualTo(row("override_cambiar_gestor", null, "Carlos Gestor", null, 1));
    }

    @Test
    void override_registrar_pago_on_a_paid_solicitud_adds_only_the_payment_row() {
        int cerrado = w.inState("CERRADO");
        JsonNode d = ok(w.action(ADMIN, cerrado, "override", "{\"motivo\": \"segundo pago\", \"accion\": "
                + "\"REGISTRAR_PAGO\", \"payload\": {\"canal_pago\": \"EFECTIVO\", \"fecha_pago\": \"2026-02-01\", "
                + "\"monto\": 49.5, \"moneda\": \"USD\"}}")).data();
        assertThat(d.get("pagos")).hasSize(2);
        assertThat(d.get("pagos").get(1).get("monto").asString()).isEqualTo("49.50");
        assertThat(d.get("pagos").get(1).get("moneda").asString()).isEqualTo("USD");
        assertThat(historial(d)).endsWith(
                row("override", "CERRADO", "true", "segundo pago", 1),
                row("pago_registrado", null, "49.50", null, 1));
        assertThat(lastEvents(cerrado, 2)).containsExactly("solicitud.overridden", "solicitud.payment_registered");

        int cancelado = w.inState("CANCELADO");
        d = ok(w.action(ADMIN, cancelado, "override", "{\"motivo\": \"pago tardio\", \"accion\": "
                + "\"REGISTRAR_PAGO\", \"payload\": {\"canal_pago\": \"YAPE\", \"fecha_pago\": \"2026-02-01\", "
                + "\"monto\": \"200\"}}")).data();
        assertThat(d.get("estado_pago").asString()).isEqualTo("PAGADO");
        assertThat(d.get("estado_operativo").asString()).isEqualTo("CANCELADO");
        assertThat(historial(d)).endsWith(
                row("override", "CANCELADO", "true", "pago tardio", 1),
                row("pago_registrado", null, "200.00", null, 1),
                row("estado_pago", "PENDIENTE", "PAGADO", null, 1));
    }

    @Test
    void override_cerrar_closes_a_cancelled_solicitud_without_preconditions() {
        int id = w.inState("CANCELADO");
        JsonNode d = ok(w.action(ADMIN, id, "override", "{\"motivo\": \"cancelado por error\", \"accion\": "
                + "\"CERRAR\", \"payload\": {\"comentario\": \"ignorado\"}}")).data();
        assertThat(d.get("estado_operativo").asString()).isEqualTo("CERRADO");
        assertThat(d.get("estado_atencion").asString()).isEqualTo("ATENDIDO");
        assertThat(d.get("cerrado_por").asInt()).isEqualTo(1);
        assertThat(d.get("fecha_cierre").isNull()).isFalse();
        assertThat(d.get("pagos")).isEmpty();
        assertThat(historial(d)).endsWith(
                row("override", "CANCELADO", "true", "cancelado por error", 1),
                row("estado_atencion", "CANCELADO", "ATENDIDO", null, 1));
        assertThat(lastEvents(id, 2)).containsExactly("solicitud.overridden", "solicitud.closed");
        String overridden = w.rows("SELECT payload FROM outbox_event WHERE solicitud_id = " + id
                + " ORDER BY outbox_id DESC LIMIT 1 OFFSET 1").get(0);
        assertThat(overridden).contains("\"accion\":\"CERRAR\"", "\"motivo\":\"cancelado por error\"",
                "\"estado_operativo_anterior\":\"CANCELADO\"", "\"estado_operativo\":\"CERRADO\"");
    }

    @Test
    void override_cancelar_cancels_a_closed_solicitud_with_the_motivo() {
        int id = w.inState("CERRADO");
        JsonNode antes = w.detail(ADMIN, id);
        JsonNode d = ok(w.action(ADMIN, id, "override", "{\"motivo\": \"certificado anulado\", \"accion\": "
                + "\"CANCELAR\"}")).data();
        assertThat(d.get("estado_operativo").asString()).isEqualTo("CANCELADO");
        assertThat(d.get("motivo_cancelacion").asString()).isEqualTo("certificado anulado");
        assertThat(d.get("cancelado_por").asInt()).isEqualTo(1);
        assertThat(d.get("fecha_cancelacion").isNull()).isFalse();
        // the closing data stays
        assertThat(d.get("fecha_cierre").asString()).isEqualTo(antes.get("fecha_cierre").asString());
        assertThat(d.get("cerrado_por").asInt()).isEqualTo(4);
        assertThat(historial(d)).endsWith(
                row("override", "CERRADO", "true", "certificado anulado", 1),
                row("estado_atencion", "ATENDIDO", "CANCELADO", null, 1));
        assertThat(strings(d.get("acciones_permitidas"))).containsExactly("OVERRIDE");
        assertThat(lastEvents(id, 2)).containsExactly("solicitud.overridden", "solicitud.cancelled");
        assertThat(count("SELECT updated_by FROM solicitud_cmep WHERE solicitud_id = " + id)).isEqualTo(1);
    }

    // OVERRIDE: validation, payload errors, authorization

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"accion\": \"CERRAR\"} | motivo",
            "{\"motivo\": null, \"accion\": \"CERRAR\"} | motivo",
            "{\"motivo\": \"\", \"accion\": \"CERRAR\"} | motivo",
            "{\"motivo\": \"   \", \"accion\": \"CERRAR\"} | motivo",
            "{\"motivo\": 5, \"accion\": \"CERRAR\"} | motivo",
            "{\"motivo\": \"m\"} | accion",
            "{\"motivo\": \"m\", \"accion\": \"BORRAR\"} | accion",
            "{\"motivo\": \"m\", \"accion\": \"OVERRIDE\"} | accion",
            "{\"motivo\": \"m\", \"accion\": \"ASIGNAR_GESTOR\"} | accion",
            "{\"motivo\": \"m\", \"accion\": \"cerrar\"} | accion",
            "{\"motivo\": \"m\", \"accion\": \"CERRAR\", \"payload\": [1]} | payload",
            "{\"motivo\": \"m\", \"accion\": \"CERRAR\", \"payload\": \"x\"} | payload"})
    void an_invalid_override_body_is_422_and_changes_nothing(String body, String field) {
        int id = w.inState("CERRADO");
        Map<String, List<String>> before = w.snapshot(id);
        WorkflowClient.Response r = w.action(ADMIN, id, "override", body);
        assertThat(r.status()).as(r.raw()).isEqualTo(422);
        assertThat(r.code()).isEqualTo("VALIDATION_ERROR");
        assertThat(r.fields()).containsExactly(field);
        assertThat(w.snapshot(id)).isEqualTo(before);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "EDITAR_DATOS | {\"tipo_atencion\": \"DOMICILIO\"} | payload.tipo_atencion | Datos invalidos",
            "EDITAR_DATOS | {\"comentario\": \"ok\", \"servicio_id\": 999} | payload.servicio_id | Datos invalidos",
            "EDITAR_DATOS | {\"estado_certificado\": \"RECHAZADO\"} | payload.estado_certificado | Datos invalidos",
            "CAMBIAR_GESTOR | {} | payload.persona_id_gestor | payload debe incluir persona_id_gestor",
            "CAMBIAR_GESTOR | {\"persona_id_gestor\": 0} | payload.persona_id_gestor "
                    + "| payload debe incluir persona_id_gestor",
            "CAMBIAR_GESTOR | {\"persona_id_gestor\": null} | payload.persona_id_gestor "
                    + "| payload debe incluir persona_id_gestor",
            "CAMBIAR_GESTOR | {\"persona_id_gestor\": \"tres\"} | payload.persona_id_gestor | Datos invalidos",
            "CAMBIAR_GESTOR | {\"persona_id_gestor\": 4} | payload.persona_id_gestor | La persona no es un GESTOR activo",
            "CAMBIAR_MEDICO | {\"persona_id_gestor\": 4} | payload.persona_id_medico "
                    + "| payload debe incluir persona_id_medico",
            "CAMBIAR_MEDICO | {\"persona_id_medico\": 1} | payload.persona_id_medico | La persona no es un MEDICO activo",
            "REGISTRAR_PAGO | {} | payload.canal_pago | Datos invalidos",
            "REGISTRAR_PAGO | {\"canal_pago\": \"YAPE\", \"fecha_pago\": \"2026-01-29\", \"monto\": 0} "
                    + "| payload.monto | Datos invalidos",
            "REGISTRAR_PAGO | {\"canal_pago\": \"YAPE\", \"fecha_pago\": \"2026-01-29\", \"monto\": 1, "
                    + "\"moneda\": \"EUR\"} | payload.moneda | Datos invalidos"})
    void a_payload_error_is_422_and_rolls_back_the_whole_override(String accion, String payload, String field,
                                                                  String message) {
        for (String estado : List.of("CERRADO", "CANCELADO")) {
            int id = w.inState(estado);
            Map<String, List<String>> before = w.snapshot(id);
            WorkflowClient.Response r = w.action(ADMIN, id, "override", "{\"motivo\": \"m\", \"accion\": \"" + accion
                    + "\", \"payload\": " + payload + "}");
            assertThat(r.status()).as(r.raw()).isEqualTo(422);
            assertThat(r.code()).isEqualTo("VALIDATION_ERROR");
            assertThat(r.message()).isEqualTo(message);
            assertThat(r.fields()).contains(field);
            assertThat(w.snapshot(id)).as("no override row, nothing else").isEqualTo(before);
            assertThat(count("SELECT COUNT(*) FROM solicitud_estado_historial WHERE campo = 'override' AND "
                    + "solicitud_id = " + id)).isZero();
        }
    }

    @Test
    void override_is_403_for_other_roles_and_on_open_solicitudes() {
        String body = "{\"motivo\": \"m\", \"accion\": \"CERRAR\"}";
        for (String estado : List.of("CERRADO", "CANCELADO")) {
            int id = w.inState(estado);
            for (String user : List.of(OPERADOR, GESTOR, MEDICO)) {
                Map<String, List<String>> before = w.snapshot(id);
                WorkflowClient.Response r = w.action(user, id, "override", body);
                assertThat(r.status()).isEqualTo(403);
                assertThat(r.message()).isEqualTo("Accion 'OVERRIDE' no permitida en estado '" + estado + "'");
                assertThat(w.snapshot(id)).isEqualTo(before);
            }
        }
        for (String estado : OPEN) {
            int id = w.inState(estado);
            Map<String, List<String>> before = w.snapshot(id);
            WorkflowClient.Response r = w.action(ADMIN, id, "override", body);
            assertThat(r.status()).isEqualTo(403);
            assertThat(r.code()).isEqualTo("FORBIDDEN");
            assertThat(r.message()).isEqualTo("Accion 'OVERRIDE' no permitida en estado '" + estado + "'");
            assertThat(w.snapshot(id)).isEqualTo(before);
        }
        // payload errors are not looked at before the policy
        int open = w.inState("PAGADO");
        assertThat(w.action(ADMIN, open, "override", "{\"motivo\": \"m\", \"accion\": \"REGISTRAR_PAGO\", "
                + "\"payload\": {\"monto\": 0}}").status()).isEqualTo(403);
    }

    /** The types of the solicitud's newest {@code n} outbox events, oldest first. */
    private List<String> lastEvents(int id, int n) {
        List<String> types = w.query("SELECT event_type FROM outbox_event WHERE solicitud_id = " + id
                + " AND outbox_id > (SELECT COALESCE(MAX(outbox_id), 0) FROM outbox_event WHERE solicitud_id = " + id
                + " AND event_type = 'solicitud.created') ORDER BY outbox_id DESC LIMIT " + n,
                r -> r.get("event_type", String.class));
        List<String> oldestFirst = new java.util.ArrayList<>(types);
        java.util.Collections.reverse(oldestFirst);
        return oldestFirst;
    }

    private int employee(String documento, String nombres, String apellidos, String rol) {
        execute("INSERT INTO personas (tipo_documento, numero_documento, nombres, apellidos) VALUES ('DNI', '"
                + documento + "', '" + nombres + "', '" + apellidos + "')");
        int personaId = count("SELECT persona_id FROM personas WHERE numero_documento = '" + documento + "'")
                .intValue();
        execute("INSERT INTO empleado (persona_id, rol_empleado, estado_empleado) VALUES (" + personaId + ", '"
                + rol + "', 'ACTIVO')");
        return personaId;
    }
}
