package pe.cmep.gateway.solicitud;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.test.json.JsonCompareMode;
import tools.jackson.databind.JsonNode;

/** GET /solicitudes/{id} (api.md §7.3 SolicitudDetail, §7.4). */
class DetalleSolicitudIT extends SolicitudApiTest {

    /** A solicitud written by SQL with fixed timestamps, so its whole detail can be compared exactly. */
    private static final int FULL = 9001;
    private static String fixtureOf;

    @BeforeEach
    void writeTheFixtureOnce() {
        if (getClass().getName().equals(fixtureOf)) {
            return;
        }
        execute("INSERT INTO personas (persona_id, tipo_documento, numero_documento, nombres, apellidos, celular_1, "
                + "email, fecha_nacimiento, direccion) VALUES (9101, 'DNI', '45678912', 'Rosa', 'Quispe', "
                + "'987654321', 'rosa@example.com', '1980-05-14', 'Av. Sol 123'), "
                + "(9102, 'DNI', '40000001', 'Luis', 'Quispe', '911222333', NULL, NULL, NULL)");
        execute("INSERT INTO clientes (persona_id, estado) VALUES (9101, 'ACTIVO')");
        execute("INSERT INTO promotores (promotor_id, tipo_promotor, razon_social) VALUES (9103, 'EMPRESA', "
                + "'Clinica Norte SAC')");
        execute("INSERT INTO solicitud_cmep (solicitud_id, codigo, cliente_id, apoderado_id, servicio_id, promotor_id, "
                + "estado_atencion, estado_pago, tarifa_monto, tarifa_moneda, tarifa_fuente, tipo_atencion, "
                + "lugar_atencion, comentario, created_by, updated_by, created_at, updated_at) VALUES (9001, "
                + "'CMEP-2026-9001', 9101, 9102, 1, 9103, 'REGISTRADO', 'PAGADO', 150, 'PEN', 'SERVICIO', "
                + "'PRESENCIAL', 'Sede central', NULL, 2, 1, '2026-01-29 14:00:03', '2026-01-29 15:10:00')");
        execute("INSERT INTO solicitud_asignacion (asignacion_id, solicitud_id, persona_id, rol, es_vigente, "
                + "asignado_por, fecha_asignacion) VALUES (9601, 9001, 2, 'MEDICO', 0, 1, '2026-01-29 15:05:00'), "
                + "(9602, 9001, 3, 'GESTOR', 1, 1, '2026-01-29 14:30:00'), "
                + "(9603, 9001, 4, 'MEDICO', 1, 1, '2026-01-29 15:10:00')");
        execute("INSERT INTO pago_solicitud (pago_id, solicitud_id, canal_pago, fecha_pago, monto, moneda, "
                + "referencia_transaccion, comentario, validated_by, validated_at) VALUES "
                + "(9201, 9001, 'YAPE', '2026-01-29', 150, 'PEN', 'OP-1234', NULL, 3, '2026-01-29 15:02:11'), "
                + "(9202, 9001, 'TRANSFERENCIA', '2026-01-30', 50.5, 'USD', NULL, 'saldo', 3, NULL)");
        execute("INSERT INTO archivos (archivo_id, nombre_original, nombre_storage, tipo, mime_type, tamano_bytes, "
                + "storage_path, estado_verificacion, sha256, motivo_rechazo) VALUES "
                + "(9301, 'voucher.jpg', 'a1.jpg', 'EVIDENCIA_PAGO', 'image/jpeg', 184233, 'uploads/a1.jpg', "
                + "'VERIFICADO', '" + "3b".repeat(32) + "', NULL), "
                + "(9302, 'informe.pdf', 'a2.pdf', 'DOCUMENTO', 'application/pdf', 1000, 'uploads/a2.pdf', "
                + "'RECHAZADO', NULL, 'El contenido no es un PDF')");
        execute("INSERT INTO solicitud_archivo (id, solicitud_id, archivo_id, pago_id) VALUES (9401, 9001, 9301, 9201), "
                + "(9402, 9001, 9302, NULL)");
        execute("INSERT INTO solicitud_estado_historial (historial_id, solicitud_id, campo, valor_anterior, valor_nuevo, "
                + "cambiado_por, cambiado_en, comentario) VALUES "
                + "(9701, 9001, 'solicitud_creada', NULL, 'REGISTRADO', 2, '2026-01-29 14:00:03', NULL), "
                + "(9702, 9001, 'pago_registrado', NULL, '150.00', 3, '2026-01-29 15:02:11', NULL), "
                + "(9703, 9001, 'estado_pago', 'PENDIENTE', 'PAGADO', 3, '2026-01-29 15:02:11', NULL), "
                + "(9704, 9001, 'asignacion_medico', NULL, 'Maria Medico', 1, '2026-01-29 15:10:00', NULL), "
                + "(9700, 9001, 'comentario', NULL, 'x', NULL, '2026-01-29 14:30:00', 'sistema')");
        execute("INSERT INTO resultado_medico (resultado_id, solicitud_id, medico_id, fecha_evaluacion, diagnostico, "
                + "resultado, observaciones, recomendaciones, estado_certificado) VALUES (9501, 9001, 4, '2026-01-30', "
                + "'Sin hallazgos', 'APTO', NULL, 'Control anual', 'APROBADO')");
        fixtureOf = getClass().getName();
    }

    private static final String FULL_DETAIL = """
            {"ok": true, "data": {
             "solicitud_id": 9001, "codigo": "CMEP-2026-9001",
             "cliente": {"persona_id": 9101, "tipo_documento": "DNI", "numero_documento": "45678912",
               "doc": "DNI 45678912", "nombre": "Rosa Quispe", "celular": "987654321",
               "email": "rosa@example.com", "fecha_nacimiento": "1980-05-14", "direccion": "Av. Sol 123"},
             "apoderado": {"persona_id": 9102, "tipo_documento": "DNI", "numero_documento": "40000001",
               "nombres": "Luis", "apellidos": "Quispe", "celular_1": "911222333", "email": null,
               "fecha_nacimiento": null, "direccion": null},
             "servicio": {"servicio_id": 1, "descripcion": "Certificado Medico de Evaluacion Profesional",
               "tarifa": "200.00", "moneda": "PEN"},
             "estado_atencion": "REGISTRADO", "estado_pago": "PAGADO", "estado_certificado": null,
             "tarifa_monto": "150.00", "tarifa_moneda": "PEN",
             "tipo_atencion": "PRESENCIAL", "lugar_atencion": "Sede central", "comentario": null,
             "estado_operativo": "ASIGNADO_MEDICO",
             "acciones_permitidas": %s,
             "asignaciones_vigentes": {
               "GESTOR": {"persona_id": 3, "nombre": "Carlos Gestor", "rol": "GESTOR"},
               "MEDICO": {"persona_id": 4, "nombre": "Maria Medico", "rol": "MEDICO"}},
             "promotor": {"promotor_id": 9103, "tipo_promotor": "EMPRESA", "nombre": "Clinica Norte SAC",
               "ruc": null, "email": null, "celular": null, "fuente_promotor": null},
             "pagos": [
               {"pago_id": 9201, "canal_pago": "YAPE", "fecha_pago": "2026-01-29", "monto": "150.00",
                "moneda": "PEN", "referencia_transaccion": "OP-1234", "comentario": null,
                "validated_at": "2026-01-29T15:02:11Z"},
               {"pago_id": 9202, "canal_pago": "TRANSFERENCIA", "fecha_pago": "2026-01-30", "monto": "50.50",
                "moneda": "USD", "referencia_transaccion": null, "comentario": "saldo", "validated_at": null}],
             "archivos": [
               {"id": 9401, "archivo_id": 9301, "pago_id": 9201, "nombre": "voucher.jpg",
                "tipo": "EVIDENCIA_PAGO", "mime_type": "image/jpeg", "tamano_bytes": 184233,
                "estado_verificacion": "VERIFICADO", "sha256": "%s"},
               {"id": 9402, "archivo_id": 9302, "pago_id": null, "nombre": "informe.pdf",
                "tipo": "DOCUMENTO", "mime_type": "application/pdf", "tamano_bytes": 1000,
                "estado_verificacion": "RECHAZADO", "sha256": null}],
             "historial": [
               {"historial_id": 9704, "campo": "asignacion_medico", "valor_anterior": null,
                "valor_nuevo": "Maria Medico", "cambiado_por": 1, "usuario_nombre": "Admin Sistema",
                "cambiado_en": "2026-01-29T15:10:00Z", "comentario": null},
               {"historial_id": 9703, "campo": "estado_pago", "valor_anterior": "PENDIENTE", "valor_nuevo": "PAGADO",
                "cambiado_por": 3, "usuario_nombre": "Carlos Gestor", "cambiado_en": "2026-01-29T15:02:11Z",
                "comentario": null},
               {"historial_id": 9702, "campo": "pago_registrado", "valor_anterior": null, "valor_nuevo": "150.00",
                "cambiado_por": 3, "usuario_nombre": "Carlos Gestor", "cambiado_en": "2026-01-29T15:02:11Z",
                "comentario": null},
               {"historial_id": 9700, "campo": "comentario", "valor_anterior": null, "valor_nuevo": "x",
                "cambiado_por": null, "usuario_nombre": null, "cambiado_en": "2026-01-29T14:30:00Z",
                "comentario": "sistema"},
               {"historial_id": 9701, "campo": "solicitud_creada", "valor_anterior": null, "valor_nuevo": "REGISTRADO",
                "cambiado_por": 2, "usuario_nombre": "Ana Operadora", "cambiado_en": "2026-01-29T14:00:03Z",
                "comentario": null}],
             "motivo_cancelacion": null, "fecha_cierre": null, "cerrado_por": null,
             "fecha_cancelacion": null, "cancelado_por": null, "comentario_admin": null,
             "resultados_medicos": [
               {"resultado_id": 9501, "medico_id": 4, "fecha_evaluacion": "2026-01-30", "diagnostico": "Sin hallazgos",
                "resultado": "APTO", "observaciones": null, "recomendaciones": "Control anual",
                "estado_certificado": "APROBADO"}],
             "created_at": "2026-01-29T14:00:03Z", "updated_at": "2026-01-29T15:10:00Z"}}""";

    private static String fullDetail(String acciones) {
        return FULL_DETAIL.formatted(acciones, "3b".repeat(32));
    }

    @Test
    void the_detail_has_exactly_the_shape_and_values_of_the_contract() {
        get("/solicitudes/" + FULL, session(ADMIN)).expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith("application/json")
                .expectBody().json(fullDetail("[\"CAMBIAR_GESTOR\", \"CAMBIAR_MEDICO\", \"CANCELAR\", \"CERRAR\", "
                        + "\"EDITAR_DATOS\"]"), JsonCompareMode.STRICT);
    }

    @Test
    void acciones_permitidas_are_the_callers_and_the_rest_is_the_same_for_everyone() {
        get("/solicitudes/" + FULL, session(OPERADOR)).expectStatus().isOk()
                .expectBody().json(fullDetail("[\"CAMBIAR_GESTOR\", \"CAMBIAR_MEDICO\", \"CANCELAR\", "
                        + "\"EDITAR_DATOS\"]"), JsonCompareMode.STRICT);
    }

    @Test
    void on_a_registrado_solicitud_admin_and_medico_get_different_sorted_actions() {
        int id = registerCliente(OPERADOR, "70000001", "Eva", "Nina");

        assertThat(strings(detail(ADMIN, id).get("acciones_permitidas"))).containsExactly(
                "ASIGNAR_GESTOR", "CAMBIAR_GESTOR", "CAMBIAR_MEDICO", "CANCELAR", "EDITAR_DATOS");
        assertThat(strings(detail(MEDICO, id).get("acciones_permitidas"))).containsExactly(
                "CAMBIAR_GESTOR", "CAMBIAR_MEDICO", "CANCELAR", "EDITAR_DATOS");
        assertThat(strings(detail(GESTOR, id).get("acciones_permitidas"))).containsExactly(
                "CAMBIAR_GESTOR", "CAMBIAR_MEDICO", "CANCELAR", "EDITAR_DATOS");
    }

    @Test
    void the_actions_of_several_roles_are_their_sorted_union() {
        int id = registerCliente(OPERADOR, "70000002", "Ivo", "Salas");
        post("/solicitudes/" + id + "/asignar-gestor", session(ADMIN), "{\"persona_id_gestor\": 3}")
                .expectStatus().isOk();
        execute("INSERT INTO user_role (user_id, user_role, created_at) VALUES (4, 'GESTOR', UTC_TIMESTAMP())");
        try {
            // MEDICO ∪ GESTOR in ASIGNADO_GESTOR
            assertThat(strings(detail(MEDICO, id).get("acciones_permitidas"))).containsExactly(
                    "CAMBIAR_GESTOR", "CAMBIAR_MEDICO", "CANCELAR", "EDITAR_DATOS", "REGISTRAR_PAGO");
        } finally {
            execute("DELETE FROM user_role WHERE user_id = 4 AND user_role = 'GESTOR'");
        }
        assertThat(strings(detail(MEDICO, id).get("acciones_permitidas"))).containsExactly(
                "CAMBIAR_GESTOR", "CAMBIAR_MEDICO", "CANCELAR", "EDITAR_DATOS");
    }

    @Test
    void a_closed_solicitud_offers_only_override_to_admin_and_nothing_to_others() {
        int id = registerCliente(OPERADOR, "70000003", "Leo", "Mendez");
        execute("UPDATE solicitud_cmep SET estado_atencion = 'ATENDIDO', fecha_cierre = '2026-02-01 10:00:00', "
                + "cerrado_por = 4 WHERE solicitud_id = " + id);

        JsonNode admin = detail(ADMIN, id);
        assertThat(admin.get("estado_operativo").asString()).isEqualTo("CERRADO");
        assertThat(strings(admin.get("acciones_permitidas"))).containsExactly("OVERRIDE");
        assertThat(admin.get("fecha_cierre").asString()).isEqualTo("2026-02-01T10:00:00Z");
        assertThat(admin.get("cerrado_por").intValue()).isEqualTo(4);
        assertThat(detail(MEDICO, id).get("acciones_permitidas")).isEmpty();
    }

    @Test
    void a_freshly_registered_solicitud_has_every_key_with_empty_collections_and_both_assignment_keys() {
        int id = registerCliente(OPERADOR, "70000004", "Mia", "Torres");

        JsonNode body = json(get("/solicitudes/" + id, session(GESTOR)).expectStatus().isOk());
        assertThat(fieldNames(body)).containsExactly("ok", "data");
        JsonNode data = body.get("data");
        assertThat(fieldNames(data)).containsExactlyInAnyOrder("solicitud_id", "codigo", "cliente", "apoderado",
                "servicio", "estado_atencion", "estado_pago", "estado_certificado", "tarifa_monto", "tarifa_moneda",
                "tipo_atencion", "lugar_atencion", "comentario", "estado_operativo", "acciones_permitidas",
                "asignaciones_vigentes", "promotor", "pagos", "archivos", "historial", "motivo_cancelacion",
                "fecha_cierre", "cerrado_por", "fecha_cancelacion", "cancelado_por", "comentario_admin",
                "resultados_medicos", "created_at", "updated_at");
        assertThat(fieldNames(data.get("cliente"))).containsExactlyInAnyOrder("persona_id", "tipo_documento",
                "numero_documento", "doc", "nombre", "celular", "email", "fecha_nacimiento", "direccion");
        assertThat(data.get("asignaciones_vigentes")).isEqualTo(JSON.readTree("{\"GESTOR\": null, \"MEDICO\": null}"));
        assertThat(data.get("pagos")).isEmpty();
        assertThat(data.get("archivos")).isEmpty();
        assertThat(data.get("resultados_medicos")).isEmpty();
        assertThat(data.get("cliente").get("celular").isNull()).isTrue();
        assertThat(data.get("cliente").get("email").isNull()).isTrue();
        String timestamp = "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ";
        assertThat(data.get("created_at").asString()).matches(timestamp);
        assertThat(data.get("updated_at").asString()).matches(timestamp);
        assertThat(data.at("/historial/0/cambiado_en").asString()).matches(timestamp);
        assertThat(data.at("/historial/0/cambiado_en").asString()).isEqualTo(data.get("created_at").asString());
    }

    @Test
    void an_unknown_solicitud_is_404() {
        assertError(get("/solicitudes/999999", session(MEDICO)), 404, "NOT_FOUND", "Solicitud no encontrada");
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "1.5", "0", "-1", "99999999999", "1e3"})
    void a_non_integer_id_is_422_on_solicitud_id(String id) {
        assertValidation(client.get().uri("/solicitudes/" + id)
                .cookie(pe.cmep.gateway.auth.SessionCookies.NAME, session(MEDICO)).exchange(), "solicitud_id", null);
    }

    @Test
    void without_a_session_it_is_401_even_for_a_bad_or_unknown_id() {
        assertError(get("/solicitudes/" + FULL, null), 401, "UNAUTHENTICATED", "No autenticado");
        assertError(get("/solicitudes/abc", null), 401, "UNAUTHENTICATED", "No autenticado");
        assertError(get("/solicitudes/999999", null), 401, "UNAUTHENTICATED", "No autenticado");
    }

    private static List<String> strings(JsonNode array) {
        return array.valueStream().map(JsonNode::asString).toList();
    }
}
