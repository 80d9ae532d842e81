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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

/**
 * Input validation, the check order and the action-specific checks of the workflow actions
 * (api.md §1, §7.5; domain.md §5.3, §5.4, §10 #15 #16 #19 #27 #29).
 */
class AccionesValidationIT extends WorkflowTest {

    private static final List<String> ACTIONS = List.of("asignar-gestor", "cambiar-gestor", "asignar-medico",
            "cambiar-medico", "registrar-pago", "cerrar", "cancelar", "override");

    @Test
    void without_a_session_every_action_is_401_even_with_a_bad_body_or_an_unknown_solicitud() {
        int id = w.create();
        for (String action : ACTIONS) {
            for (String path : List.of("/solicitudes/" + id + "/" + action, "/solicitudes/999999/" + action,
                    "/solicitudes/abc/" + action)) {
                for (String body : new String[] {"{}", "{not json", null}) {
                    WorkflowClient.Response r = w.call("POST", null, path, body);
                    assertThat(r.status()).as(path + " " + body).isEqualTo(401);
                    assertThat(r.code()).isEqualTo("UNAUTHENTICATED");
                    assertThat(r.message()).isEqualTo("No autenticado");
                }
            }
            WorkflowClient.Response r = w.call("POST", "0123456789abcdef0123456789abcdef",
                    "/solicitudes/" + id + "/" + action, "{}");
            assertThat(r.status()).isEqualTo(401);
            assertThat(r.message()).isEqualTo("Sesion invalida o expirada");
        }
    }

    @Test
    void a_missing_or_malformed_body_is_422_on_body_for_every_action() {
        int id = w.create();
        for (String action : ACTIONS) {
            for (String body : new String[] {null, "", "{\"persona_id_gestor\": ", "[1, 2]", "\"texto\"", "null"}) {
                Map<String, List<String>> before = w.snapshot(id);
                WorkflowClient.Response r = w.action(ADMIN, id, action, body);
                assertThat(r.status()).as(action + " " + body + ": " + r.raw()).isEqualTo(422);
                assertThat(r.code()).isEqualTo("VALIDATION_ERROR");
                assertThat(r.fields()).containsExactly("body");
                assertThat(w.snapshot(id)).isEqualTo(before);
            }
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "asignar-gestor | {}",
            "asignar-gestor | {\"persona_id_gestor\": null}",
            "asignar-gestor | {\"persona_id_gestor\": \"3\"}",
            "asignar-gestor | {\"persona_id_gestor\": 3.5}",
            "asignar-gestor | {\"persona_id_gestor\": 0}",
            "asignar-gestor | {\"persona_id_gestor\": -3}",
            "asignar-gestor | {\"persona_id_gestor\": true}",
            "asignar-gestor | {\"persona_id_gestor\": 99999999999}",
            "asignar-gestor | {\"persona_id_medico\": 3}",
            "cambiar-gestor | {}",
            "cambiar-gestor | {\"persona_id_gestor\": [3]}",
            "asignar-medico | {}",
            "asignar-medico | {\"persona_id_medico\": \"4\"}",
            "cambiar-medico | {\"persona_id_gestor\": 4}",
            "cambiar-medico | {\"persona_id_medico\": {}}"})
    void a_missing_or_ill_typed_persona_id_is_422_on_that_field(String action, String body) {
        int id = w.create();
        String field = action.endsWith("gestor") ? "persona_id_gestor" : "persona_id_medico";
        Map<String, List<String>> before = w.snapshot(id);
        WorkflowClient.Response r = w.action(ADMIN, id, action, body);
        assertThat(r.status()).as(r.raw()).isEqualTo(422);
        assertThat(r.code()).isEqualTo("VALIDATION_ERROR");
        assertThat(r.fields()).containsExactly(field);
        assertThat(w.snapshot(id)).isEqualTo(before);
        // the same body on a solicitud that does not exist: 422 before 404
        assertThat(w.action(ADMIN, 999999, action, body).status()).isEqualTo(422);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"canal_pago\": \"YAPE\", \"fecha_pago\": \"2026-01-29\", \"monto\": 0} | monto",
            "{\"canal_pago\": \"YAPE\", \"fecha_pago\": \"2026-01-29\", \"monto\": \"0.00\"} | monto",
            "{\"canal_pago\": \"YAPE\", \"fecha_pago\": \"2026-01-29\", \"monto\": -10} | monto",
            "{\"canal_pago\": \"YAPE\", \"fecha_pago\": \"2026-01-29\", \"monto\": \"-10.00\"} | monto",
            "{\"canal_pago\": \"YAPE\", \"fecha_pago\": \"2026-01-29\", \"monto\": \"10.123\"} | monto",
            "{\"canal_pago\": \"YAPE\", \"fecha_pago\": \"2026-01-29\", \"monto\": 10.123} | monto",
            "{\"canal_pago\": \"YAPE\", \"fecha_pago\": \"2026-01-29\", \"monto\": \"diez\"} | monto",
            "{\"canal_pago\": \"YAPE\", \"fecha_pago\": \"2026-01-29\", \"monto\": \"\"} | monto",
            "{\"canal_pago\": \"YAPE\", \"fecha_pago\": \"2026-01-29\", \"monto\": true} | monto",
            "{\"canal_pago\": \"YAPE\", \"fecha_pago\": \"2026-01-29\"} | monto",
            "{\"canal_pago\": \"YAPE\", \"fecha_pago\": \"2026-01-29\", \"monto\": null} | monto",
            "{\"canal_pago\": \"YAPE\", \"fecha_pago\": \"2026-01-29\", \"monto\": 99999999999} | monto",
            "{\"canal_pago\": \"YAPE\", \"fecha_pago\": \"2026-01-29\", \"monto\": 10, \"moneda\": \"EUR\"} | moneda",
            "{\"canal_pago\": \"YAPE\", \"fecha_pago\": \"2026-01-29\", \"monto\": 10, \"moneda\": \"pen\"} | moneda",
            "{\"canal_pago\": \"YAPE\", \"fecha_pago\": \"2026-01-29\", \"monto\": 10, \"moneda\": 1} | moneda",
            "{\"fecha_pago\": \"2026-01-29\", \"monto\": 10} | canal_pago",
            "{\"canal_pago\": \"\", \"fecha_pago\": \"2026-01-29\", \"monto\": 10} | canal_pago",
            "{\"canal_pago\": \"   \", \"fecha_pago\": \"2026-01-29\", \"monto\": 10} | canal_pago",
            "{\"canal_pago\": 5, \"fecha_pago\": \"2026-01-29\", \"monto\": 10} | canal_pago",
            "{\"canal_pago\": \"YAPE\", \"monto\": 10} | fecha_pago",
            "{\"canal_pago\": \"YAPE\", \"fecha_pago\": \"29/01/2026\", \"monto\": 10} | fecha_pago",
            "{\"canal_pago\": \"YAPE\", \"fecha_pago\": \"2026-02-30\", \"monto\": 10} | fecha_pago",
            "{\"canal_pago\": \"YAPE\", \"fecha_pago\": \"2026-01-29T10:00:00Z\", \"monto\": 10} | fecha_pago",
            "{\"canal_pago\": \"YAPE\", \"fecha_pago\": 20260129, \"monto\": 10} | fecha_pago",
            "{\"canal_pago\": \"YAPE\", \"fecha_pago\": \"2026-01-29\", \"monto\": 10, \"referencia_transaccion\": 7} "
                    + "| referencia_transaccion",
            "{\"canal_pago\": \"YAPE\", \"fecha_pago\": \"2026-01-29\", \"monto\": 10, \"comentario\": []} | comentario"})
    void an_invalid_payment_is_422_on_its_field_and_registers_nothing(String body, String field) {
        int id = w.inState("ASIGNADO_GESTOR");
        Map<String, List<String>> before = w.snapshot(id);
        WorkflowClient.Response r = w.action(GESTOR, id, "registrar-pago", body);
        assertThat(r.status()).as(r.raw()).isEqualTo(422);
        assertThat(r.code()).isEqualTo("VALIDATION_ERROR");
        assertThat(r.fields()).containsExactly(field);
        assertThat(w.snapshot(id)).isEqualTo(before);
    }

    @Test
    void every_payment_error_is_listed_at_once() {
        int id = w.inState("ASIGNADO_GESTOR");
        WorkflowClient.Response r = w.action(GESTOR, id, "registrar-pago",
                "{\"canal_pago\": \"\", \"fecha_pago\": \"ayer\", \"monto\": \"1.001\", \"moneda\": \"EUR\"}");
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.fields()).containsExactlyInAnyOrder("canal_pago", "fecha_pago", "monto", "moneda");
    }

    @Test
    void cerrar_and_cancelar_refuse_a_comentario_that_is_not_text() {
        int id = w.inState("ASIGNADO_MEDICO");
        for (String action : List.of("cerrar", "cancelar")) {
            WorkflowClient.Response r = w.action(ADMIN, id, action, "{\"comentario\": 12}");
            assertThat(r.status()).as(r.raw()).isEqualTo(422);
            assertThat(r.fields()).containsExactly("comentario");
        }
        assertThat(w.detail(ADMIN, id).get("estado_operativo").asString()).isEqualTo("ASIGNADO_MEDICO");
    }

    @ParameterizedTest
    @ValueSource(strings = {"asignar-gestor", "cambiar-gestor", "asignar-medico", "cambiar-medico",
            "registrar-pago", "cerrar", "cancelar", "override"})
    void the_checks_come_in_the_order_401_422_404_403(String action) {
        int cerrado = w.inState("CERRADO");
        String valid = switch (action) {
            case "asignar-gestor", "cambiar-gestor" -> "{\"persona_id_gestor\": 3}";
            case "asignar-medico", "cambiar-medico" -> "{\"persona_id_medico\": 4}";
            case "registrar-pago" -> PAGO;
            case "override" -> "{\"motivo\": \"correccion\", \"accion\": \"CERRAR\"}";
            default -> "{}";
        };
        String invalid = switch (action) {
            case "asignar-gestor", "cambiar-gestor" -> "{\"persona_id_gestor\": \"x\"}";
            case "asignar-medico", "cambiar-medico" -> "{\"persona_id_medico\": \"x\"}";
            case "registrar-pago" -> "{\"monto\": 0}";
            case "override" -> "{\"accion\": \"CERRAR\"}";
            default -> "{\"comentario\": false}";
        };
        // 401 beats everything
        assertThat(w.call("POST", null, "/solicitudes/999999/" + action, invalid).status()).isEqualTo(401);
        // 422 beats 404 and 403
        assertThat(w.action(OPERADOR, 999999, action, invalid).status()).isEqualTo(422);
        assertThat(w.action(OPERADOR, cerrado, action, invalid).status()).isEqualTo(422);
        WorkflowClient.Response badPath = w.call("POST", w.session(OPERADOR), "/solicitudes/abc/" + action, valid);
        assertThat(badPath.status()).isEqualTo(422);
        assertThat(badPath.fields()).containsExactly("solicitud_id");
        assertThat(w.call("POST", w.session(OPERADOR), "/solicitudes/0/" + action, valid).status()).isEqualTo(422);
        // 404 beats 403
        WorkflowClient.Response missing = w.action(OPERADOR, 999999, action, valid);
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.code()).isEqualTo("NOT_FOUND");
        assertThat(missing.message()).isEqualTo("Solicitud no encontrada");
        // then the policy: an operador holds nothing in CERRADO
        WorkflowClient.Response refused = w.action(OPERADOR, cerrado, action, valid);
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.code()).isEqualTo("FORBIDDEN");
    }

    // R10 (api.md §7.5, domain.md §5.3, §10 #19 #27 #29)

    @Test
    void a_persona_that_is_no_employee_is_not_assignable() {
        int id = w.create();
        assertR10Refused(id, "asignar-gestor", "persona_id_gestor", 1, "GESTOR",
                "La persona 1 no es empleado con rol GESTOR");
        assertR10Refused(id, "cambiar-gestor", "persona_id_gestor", 999999, "GESTOR",
                "La persona 999999 no es empleado con rol GESTOR");
    }

    @Test
    void an_employee_of_the_other_role_is_not_assignable() {
        int id = w.create();
        assertR10Refused(id, "asignar-gestor", "persona_id_gestor", 4, "GESTOR",
                "La persona 4 no es empleado con rol GESTOR");
        int pagado = w.inState("PAGADO");
        assertR10Refused(pagado, "asignar-medico", "persona_id_medico", 3, "MEDICO",
                "La persona 3 no es empleado con rol MEDICO");
        assertR10Refused(pagado, "cambiar-medico", "persona_id_medico", 2, "MEDICO",
                "La persona 2 no es empleado con rol MEDICO");
    }

    @Test
    void a_suspended_employee_is_not_assignable_and_an_active_one_without_account_is() {
        int sinCuenta = persona("00000081", "Gabriel", "Sin Cuenta");
        execute("INSERT INTO empleado (persona_id, rol_empleado, estado_empleado) VALUES (" + sinCuenta
                + ", 'GESTOR', 'ACTIVO')");
        int suspendido = persona("00000082", "Sergio", "Suspendido");
        execute("INSERT INTO empleado (persona_id, rol_empleado, estado_empleado) VALUES (" + suspendido
                + ", 'GESTOR', 'SUSPENDIDO')");
        int id = w.create();

        assertR10Refused(id, "asignar-gestor", "persona_id_gestor", suspendido, "GESTOR",
                "El empleado no esta ACTIVO (estado: SUSPENDIDO)");

        JsonNode d = ok(w.action(OPERADOR, id, "asignar-gestor", "{\"persona_id_gestor\": " + sinCuenta + "}")).data();
        assertThat(d.get("asignaciones_vigentes").get("GESTOR").get("nombre").asString())
                .isEqualTo("Gabriel Sin Cuenta");
    }

    @Test
    void an_employee_whose_user_account_is_suspended_is_not_assignable() {
        // persona 5 is the suspended user of the seed; give it an ACTIVO employee row
        execute("INSERT INTO empleado (persona_id, rol_empleado, estado_empleado) VALUES (5, 'GESTOR', 'ACTIVO')");
        int id = w.create();
        assertR10Refused(id, "asignar-gestor", "persona_id_gestor", 5, "GESTOR",
                "La cuenta de usuario de la persona 5 no esta ACTIVA (estado: SUSPENDIDO)");
        assertR10Refused(id, "cambiar-gestor", "persona_id_gestor", 5, "GESTOR",
                "La cuenta de usuario de la persona 5 no esta ACTIVA (estado: SUSPENDIDO)");
    }

    @Test
    void an_employee_whose_role_was_removed_from_the_user_is_not_assignable() {
        // a role removed from a user leaves its employee row SUSPENDIDO (§10 #29)
        execute("UPDATE empleado SET estado_empleado = 'SUSPENDIDO' WHERE persona_id = 3 AND rol_empleado = 'GESTOR'");
        try {
            int id = w.create();
            assertR10Refused(id, "asignar-gestor", "persona_id_gestor", 3, "GESTOR",
                    "El empleado no esta ACTIVO (estado: SUSPENDIDO)");
        } finally {
            execute("UPDATE empleado SET estado_empleado = 'ACTIVO' WHERE persona_id = 3 AND rol_empleado = 'GESTOR'");
        }
    }

    // the payment before the doctor (§10 #16)

    @Test
    void cambiar_medico_on_an_unpaid_solicitud_is_422_before_r10() {
        for (String estado : List.of("REGISTRADO", "ASIGNADO_GESTOR")) {
            int id = w.inState(estado);
            for (int persona : new int[] {4, 1}) {
                Map<String, List<String>> before = w.snapshot(id);
                WorkflowClient.Response r = w.action(OPERADOR, id, "cambiar-medico",
                        "{\"persona_id_medico\": " + persona + "}");
                assertThat(r.status()).as(r.raw()).isEqualTo(422);
                assertThat(r.code()).isEqualTo("VALIDATION_ERROR");
                assertThat(r.message()).isEqualTo("La solicitud debe estar pagada para asignar medico");
                assertThat(r.fields()).containsExactly("persona_id_medico");
                assertThat(w.snapshot(id)).isEqualTo(before);
            }
        }
        // estado_pago OBSERVADO is not paid either
        int observado = w.inState("ASIGNADO_GESTOR");
        execute("UPDATE solicitud_cmep SET estado_pago = 'OBSERVADO' WHERE solicitud_id = " + observado);
        assertThat(w.action(GESTOR, observado, "cambiar-medico", "{\"persona_id_medico\": 4}").message())
                .isEqualTo("La solicitud debe estar pagada para asignar medico");
    }

    @Test
    void asignar_medico_on_an_unpaid_solicitud_is_the_policys_403_first() {
        int id = w.inState("ASIGNADO_GESTOR");
        Map<String, List<String>> before = w.snapshot(id);
        WorkflowClient.Response r = w.action(GESTOR, id, "asignar-medico", "{\"persona_id_medico\": 4}");
        assertThat(r.status()).isEqualTo(403);
        assertThat(r.message()).isEqualTo("Accion 'ASIGNAR_MEDICO' no permitida en estado 'ASIGNADO_GESTOR'");
        assertThat(w.snapshot(id)).isEqualTo(before);
    }

    @Test
    void cambiar_medico_once_paid_assigns_the_medico() {
        int id = w.inState("PAGADO");
        JsonNode d = ok(w.action(MEDICO, id, "cambiar-medico", "{\"persona_id_medico\": 4}")).data();
        assertThat(d.get("estado_operativo").asString()).isEqualTo("ASIGNADO_MEDICO");
        assertThat(historial(d).get(historial(d).size() - 1)).isEqualTo(row("cambio_medico", null, "Maria Medico",
                null, 4));
    }

    // the assignment procedure

    @Test
    void reassigning_the_same_person_closes_the_vigente_row_and_inserts_a_new_one() {
        int id = w.inState("ASIGNADO_GESTOR");
        JsonNode d = ok(w.action(OPERADOR, id, "cambiar-gestor", "{\"persona_id_gestor\": 3}")).data();
        assertThat(d.get("estado_operativo").asString()).isEqualTo("ASIGNADO_GESTOR");
        assertThat(count("SELECT COUNT(*) FROM solicitud_asignacion WHERE solicitud_id = " + id
                + " AND rol = 'GESTOR'")).isEqualTo(2);
        assertThat(count("SELECT COUNT(*) FROM solicitud_asignacion WHERE solicitud_id = " + id
                + " AND rol = 'GESTOR' AND es_vigente = 1")).isEqualTo(1);
        assertThat(count("SELECT MAX(asignacion_id) = (SELECT asignacion_id FROM solicitud_asignacion WHERE "
                + "solicitud_id = " + id + " AND es_vigente = 1) FROM solicitud_asignacion WHERE solicitud_id = " + id))
                .as("the new row is the vigente one").isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM solicitud_asignacion WHERE solicitud_id = " + id
                + " AND es_vigente = 0 AND updated_by = 2")).isEqualTo(1);
        assertThat(historial(d)).endsWith(
                row("asignacion_gestor", null, "Carlos Gestor", null, 2),
                row("cambio_gestor", "Carlos Gestor", "Carlos Gestor", null, 2));
    }

    @Test
    void asignar_gestor_when_nobody_is_assigned_and_cambiar_to_another_gestor() {
        int otro = persona("00000083", "Gina", "Gestora");
        execute("INSERT INTO empleado (persona_id, rol_empleado, estado_empleado) VALUES (" + otro + ", 'GESTOR', "
                + "'ACTIVO')");
        int id = w.create();
        // cambiar works with nobody assigned yet
        JsonNode d = ok(w.action(GESTOR, id, "cambiar-gestor", "{\"persona_id_gestor\": 3}")).data();
        assertThat(d.get("estado_operativo").asString()).isEqualTo("ASIGNADO_GESTOR");
        d = ok(w.action(MEDICO, id, "cambiar-gestor", "{\"persona_id_gestor\": " + otro + "}")).data();
        assertThat(d.get("asignaciones_vigentes").get("GESTOR").get("persona_id").asInt()).isEqualTo(otro);
        assertThat(historial(d)).endsWith(
                row("cambio_gestor", null, "Carlos Gestor", null, 3),
                row("cambio_gestor", "Carlos Gestor", "Gina Gestora", null, 4));
    }

    // payments

    @Test
    void monto_is_accepted_as_a_json_number_and_as_a_numeric_string() {
        for (String monto : List.of("150.5", "\"150.50\"", "150", "\"150\"")) {
            int id = w.inState("ASIGNADO_GESTOR");
            JsonNode d = ok(w.action(GESTOR, id, "registrar-pago",
                    "{\"canal_pago\": \"YAPE\", \"fecha_pago\": \"2026-01-29\", \"monto\": " + monto + "}")).data();
            String expected = monto.contains(".") ? "150.50" : "150.00";
            assertThat(d.get("pagos").get(0).get("monto").asString()).isEqualTo(expected);
            assertThat(d.get("pagos").get(0).get("moneda").asString()).as("default moneda").isEqualTo("PEN");
            assertThat(historial(d)).contains(row("pago_registrado", null, expected, null, 3));
        }
    }

    @Test
    void a_payment_in_usd_need_not_match_the_tarifa() {
        int id = w.inState("ASIGNADO_GESTOR");
        JsonNode d = ok(w.action(ADMIN, id, "registrar-pago",
                "{\"canal_pago\": \"TRANSFERENCIA\", \"fecha_pago\": \"2026-01-29\", \"monto\": 9.99, "
                        + "\"moneda\": \"USD\"}")).data();
        assertThat(d.get("pagos").get(0).get("moneda").asString()).isEqualTo("USD");
        assertThat(d.get("pagos").get(0).get("monto").asString()).isEqualTo("9.99");
        assertThat(d.get("tarifa_moneda").asString()).isEqualTo("PEN");
        assertThat(d.get("pagos").get(0).get("referencia_transaccion").isNull()).isTrue();
    }

    @Test
    void a_payment_on_an_observado_payment_state_records_the_change_to_pagado() {
        int id = w.inState("ASIGNADO_GESTOR");
        execute("UPDATE solicitud_cmep SET estado_pago = 'OBSERVADO' WHERE solicitud_id = " + id);
        JsonNode d = ok(w.action(GESTOR, id, "registrar-pago", PAGO)).data();
        assertThat(historial(d)).endsWith(
                row("pago_registrado", null, "150.50", null, 3),
                row("estado_pago", "OBSERVADO", "PAGADO", null, 3));
    }

    private void assertR10Refused(int id, String action, String field, int personaId, String rol, String detail) {
        Map<String, List<String>> before = w.snapshot(id);
        WorkflowClient.Response r = w.action(ADMIN, id, action, "{\"" + field + "\": " + personaId + "}");
        assertThat(r.status()).as(r.raw()).isEqualTo(422);
        assertThat(r.code()).isEqualTo("VALIDATION_ERROR");
        assertThat(r.message()).isEqualTo("La persona no es un " + rol + " activo");
        assertThat(r.details()).containsExactly(field + ": " + detail);
        assertThat(w.snapshot(id)).isEqualTo(before);
    }

    private int persona(String documento, String nombres, String apellidos) {
        execute("INSERT INTO personas (tipo_documento, numero_documento, nombres, apellidos) VALUES ('DNI', '"
                + documento + "', '" + nombres + "', '" + apellidos + "')");
        return count("SELECT persona_id FROM personas WHERE numero_documento = '" + documento + "'").intValue();
    }
}
