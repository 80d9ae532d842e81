package pe.cmep.gateway.solicitud;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.reactive.TransactionalOperator;
import pe.cmep.events.SolicitudEdited;
import pe.cmep.events.SolicitudEvent;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/** PATCH /solicitudes/{id} (api.md §7.4, domain.md §5.2, §10 #13 #14). */
class EditarSolicitudIT extends SolicitudApiTest {

    @Autowired
    TransactionalOperator transaction;

    private static String fixtureOf;

    @BeforeEach
    void secondServicioOnce() {
        if (!getClass().getName().equals(fixtureOf)) {
            execute("INSERT INTO servicios (servicio_id, descripcion_servicio, tarifa_servicio, moneda_tarifa) "
                    + "VALUES (2, 'Evaluacion psicologica', 300.00, 'USD')");
            fixtureOf = getClass().getName();
        }
    }

    /** A solicitud with servicio 1, atencion, comentario and an apoderado, every persona new. */
    private int fullSolicitud(String clienteDoc, String apoderadoDoc) {
        return register(OPERADOR, "{\"cliente\": {\"tipo_documento\": \"DNI\", \"numero_documento\": \"" + clienteDoc
                + "\", \"nombres\": \"Rosa\", \"apellidos\": \"Quispe\", \"celular\": \"987654321\", "
                + "\"direccion\": \"Av. Sol 123\"}, \"apoderado\": {\"tipo_documento\": \"CE\", \"numero_documento\": \""
                + apoderadoDoc + "\", \"nombres\": \"Luis\", \"apellidos\": \"Quispe\", \"email\": \"luis@example.com\", "
                + "\"fecha_nacimiento\": \"1970-01-02\"}, \"servicio_id\": 1, \"comentario\": \"primera\", "
                + "\"atencion\": {\"tipo_atencion\": \"VIRTUAL\", \"lugar_atencion\": \"Zoom\"}}");
    }

    /** Historial rows after solicitud_creada, as "campo|anterior|nuevo". */
    private List<String> edits(int id) {
        return historial(id).stream().filter(h -> !h.startsWith("solicitud_creada|")).toList();
    }

    @Test
    void every_changed_field_writes_one_historial_row_with_its_old_and_new_text() {
        int id = fullSolicitud("80000001", "CE80001");
        long mark = outboxMark();

        JsonNode body = json(patch("/solicitudes/" + id, session(OPERADOR), """
                {"tipo_atencion": "PRESENCIAL", "lugar_atencion": "Sede central", "comentario": "segunda",
                 "servicio_id": 2, "estado_certificado": "APROBADO",
                 "cliente_nombres": "Rosa Maria", "cliente_apellidos": "Quispe Mamani", "cliente_celular": "900000001",
                 "cliente_email": "rosa@example.com", "cliente_fecha_nacimiento": "1980-05-14",
                 "cliente_direccion": "Jr. Luna 45",
                 "apoderado_nombres": "Luis Alberto", "apoderado_apellidos": "Quispe Soto",
                 "apoderado_celular": "911222333", "apoderado_email": "luis.q@example.com",
                 "apoderado_fecha_nacimiento": "1971-12-31", "apoderado_direccion": "Av. Norte 1"}""")
                .expectStatus().isOk());

        List<String> expected = List.of(
                "tipo_atencion|VIRTUAL|PRESENCIAL",
                "lugar_atencion|Zoom|Sede central",
                "comentario|primera|segunda",
                "servicio_id|1|2",
                "estado_certificado|null|APROBADO",
                "cliente.nombres|Rosa|Rosa Maria",
                "cliente.apellidos|Quispe|Quispe Mamani",
                "cliente.celular_1|987654321|900000001",
                "cliente.email|null|rosa@example.com",
                "cliente.fecha_nacimiento|null|1980-05-14",
                "cliente.direccion|Av. Sol 123|Jr. Luna 45",
                "apoderado.nombres|Luis|Luis Alberto",
                "apoderado.apellidos|Quispe|Quispe Soto",
                "apoderado.celular_1|null|911222333",
                "apoderado.email|luis@example.com|luis.q@example.com",
                "apoderado.fecha_nacimiento|1970-01-02|1971-12-31",
                "apoderado.direccion|null|Av. Norte 1");
        assertThat(edits(id)).containsExactlyInAnyOrderElementsOf(expected);
        // every row of the request: the caller, one timestamp, no comentario
        assertThat(count("SELECT COUNT(DISTINCT cambiado_en) FROM solicitud_estado_historial WHERE solicitud_id = "
                + id + " AND campo <> 'solicitud_creada'")).isOne();
        assertThat(count("SELECT COUNT(*) FROM solicitud_estado_historial WHERE solicitud_id = " + id
                + " AND campo <> 'solicitud_creada' AND cambiado_por = 2 AND comentario IS NULL")).isEqualTo(17);

        // the answer is the refreshed detail; the tarifa snapshot stays that of servicio 1 (§10 #14)
        assertThat(body.get("ok").booleanValue()).isTrue();
        JsonNode data = body.get("data");
        assertThat(data.get("solicitud_id").intValue()).isEqualTo(id);
        assertThat(data.get("tipo_atencion").asString()).isEqualTo("PRESENCIAL");
        assertThat(data.get("lugar_atencion").asString()).isEqualTo("Sede central");
        assertThat(data.get("comentario").asString()).isEqualTo("segunda");
        assertThat(data.get("estado_certificado").asString()).isEqualTo("APROBADO");
        assertThat(data.at("/servicio/servicio_id").intValue()).isEqualTo(2);
        assertThat(data.at("/servicio/tarifa").asString()).isEqualTo("300.00");
        assertThat(data.get("tarifa_monto").asString()).isEqualTo("200.00");
        assertThat(data.get("tarifa_moneda").asString()).isEqualTo("PEN");
        assertThat(string("SELECT tarifa_fuente FROM solicitud_cmep WHERE solicitud_id = " + id)).isEqualTo("SERVICIO");
        assertThat(data.get("cliente")).isEqualTo(JSON.readTree("{\"persona_id\": " + data.at("/cliente/persona_id")
                + ", \"tipo_documento\": \"DNI\", \"numero_documento\": \"80000001\", \"doc\": \"DNI 80000001\", "
                + "\"nombre\": \"Rosa Maria Quispe Mamani\", \"celular\": \"900000001\", \"email\": \"rosa@example.com\", "
                + "\"fecha_nacimiento\": \"1980-05-14\", \"direccion\": \"Jr. Luna 45\"}"));
        assertThat(data.get("apoderado")).isEqualTo(JSON.readTree("{\"persona_id\": " + data.at("/apoderado/persona_id")
                + ", \"tipo_documento\": \"CE\", \"numero_documento\": \"CE80001\", \"nombres\": \"Luis Alberto\", "
                + "\"apellidos\": \"Quispe Soto\", \"celular_1\": \"911222333\", \"email\": \"luis.q@example.com\", "
                + "\"fecha_nacimiento\": \"1971-12-31\", \"direccion\": \"Av. Norte 1\"}"));
        assertThat(data.get("historial")).hasSize(18);
        assertThat(data.at("/historial/17/campo").asString()).isEqualTo("solicitud_creada");
        assertThat(data.get("acciones_permitidas")).isNotEmpty();
        // persona rows carry the editor
        assertThat(count("SELECT COUNT(*) FROM personas WHERE updated_by = 2 AND numero_documento IN "
                + "('80000001', 'CE80001')")).isEqualTo(2);

        List<SolicitudEvent> events = eventsSince(mark, id);
        assertThat(events).hasSize(1);
        assertThat(events.get(0).type()).isEqualTo("solicitud.edited");
        assertThat(events.get(0).actor()).isEqualTo(2);
        SolicitudEdited edited = (SolicitudEdited) events.get(0).payload();
        assertThat(edited.changes().stream().map(c -> c.campo() + "|" + c.valorAnterior() + "|" + c.valorNuevo()))
                .containsExactlyInAnyOrderElementsOf(expected);
        assertThat(edited.state().estadoOperativo()).isEqualTo("REGISTRADO");
    }

    @Test
    void unchanged_values_write_nothing_and_an_empty_body_changes_nothing() {
        int id = fullSolicitud("80000002", "CE80002");
        execute("UPDATE solicitud_cmep SET updated_at = '2020-01-01 00:00:00' WHERE solicitud_id = " + id);
        long mark = outboxMark();

        patch("/solicitudes/" + id, session(GESTOR), """
                {"tipo_atencion": "VIRTUAL", "lugar_atencion": "Zoom", "comentario": "primera", "servicio_id": 1,
                 "estado_certificado": null, "cliente_nombres": "Rosa", "cliente_celular": "987654321",
                 "cliente_email": null, "apoderado_email": "luis@example.com",
                 "apoderado_fecha_nacimiento": "1970-01-02", "apoderado_direccion": null}""")
                .expectStatus().isOk();
        patch("/solicitudes/" + id, session(GESTOR), "{}").expectStatus().isOk();
        patch("/solicitudes/" + id, session(GESTOR), "{\"unknown_field\": 1, \"cliente_id\": 99}").expectStatus().isOk();

        assertThat(edits(id)).isEmpty();
        assertThat(eventsSince(mark, id)).isEmpty();
        assertThat(string("SELECT updated_at FROM solicitud_cmep WHERE solicitud_id = " + id))
                .isEqualTo("2020-01-01T00:00");
    }

    @Test
    void an_explicit_null_clears_the_field_and_logs_old_to_null() {
        int id = fullSolicitud("80000003", "CE80003");
        patch("/solicitudes/" + id, session(OPERADOR), "{\"estado_certificado\": \"OBSERVADO\"}").expectStatus().isOk();

        JsonNode data = json(patch("/solicitudes/" + id, session(ADMIN), """
                {"tipo_atencion": null, "lugar_atencion": null, "comentario": null, "servicio_id": null,
                 "estado_certificado": null, "cliente_celular": null, "cliente_direccion": null,
                 "cliente_email": null, "apoderado_email": null, "apoderado_fecha_nacimiento": null}""")
                .expectStatus().isOk()).get("data");

        assertThat(edits(id)).containsExactlyInAnyOrder(
                "estado_certificado|null|OBSERVADO",
                "tipo_atencion|VIRTUAL|null",
                "lugar_atencion|Zoom|null",
                "comentario|primera|null",
                "servicio_id|1|null",
                "estado_certificado|OBSERVADO|null",
                "cliente.celular_1|987654321|null",
                "cliente.direccion|Av. Sol 123|null",
                "apoderado.email|luis@example.com|null",
                "apoderado.fecha_nacimiento|1970-01-02|null");
        assertThat(data.get("servicio").isNull()).isTrue();
        assertThat(data.get("tipo_atencion").isNull()).isTrue();
        assertThat(data.get("estado_certificado").isNull()).isTrue();
        assertThat(data.get("tarifa_monto").asString()).isEqualTo("200.00");
        assertThat(data.at("/cliente/celular").isNull()).isTrue();
        assertThat(data.at("/apoderado/fecha_nacimiento").isNull()).isTrue();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"cliente_nombres\": null}|cliente_nombres",
            "{\"cliente_nombres\": \"   \"}|cliente_nombres",
            "{\"cliente_apellidos\": \"\"}|cliente_apellidos",
            "{\"cliente_apellidos\": null}|cliente_apellidos",
            "{\"apoderado_nombres\": null}|apoderado_nombres",
            "{\"apoderado_apellidos\": \" \"}|apoderado_apellidos",
            "{\"tipo_atencion\": \"REMOTA\"}|tipo_atencion",
            "{\"tipo_atencion\": \"virtual\"}|tipo_atencion",
            "{\"estado_certificado\": \"PENDIENTE\"}|estado_certificado",
            "{\"servicio_id\": 999}|servicio_id",
            "{\"servicio_id\": \"2\"}|servicio_id",
            "{\"servicio_id\": 0}|servicio_id",
            "{\"cliente_fecha_nacimiento\": \"1990-02-30\"}|cliente_fecha_nacimiento",
            "{\"apoderado_fecha_nacimiento\": 19900101}|apoderado_fecha_nacimiento",
            "{\"cliente_celular\": \"123456789012345678901\"}|cliente_celular",
            "{\"comentario\": 5}|comentario",
            "{\"comentario\": \"ok\", \"cliente_nombres\": null}|cliente_nombres",
            "[]|body",
            "{\"comentario\": |body"})
    void an_invalid_edit_is_422_and_changes_nothing(String body, String field) {
        int id = fullSolicitud("80000004", "CE80004");
        Map<String, Long> before = tableCounts();
        String persona = string("SELECT CONCAT(nombres, apellidos, celular_1) FROM personas "
                + "WHERE numero_documento = '80000004'");

        assertValidation(patch("/solicitudes/" + id, session(ADMIN), body), field, null);

        assertThat(tableCounts()).isEqualTo(before);
        assertThat(string("SELECT CONCAT(nombres, apellidos, celular_1) FROM personas "
                + "WHERE numero_documento = '80000004'")).isEqualTo(persona);
        assertThat(string("SELECT comentario FROM solicitud_cmep WHERE solicitud_id = " + id)).isEqualTo("primera");
    }

    @Test
    void apoderado_fields_are_ignored_when_the_solicitud_has_no_apoderado() {
        int id = registerCliente(OPERADOR, "80000005", "Pia", "Leon");
        long personas = count("SELECT COUNT(*) FROM personas WHERE updated_by IS NOT NULL");

        JsonNode data = json(patch("/solicitudes/" + id, session(OPERADOR), "{\"apoderado_nombres\": \"Nadie\", "
                + "\"apoderado_email\": \"x@example.com\", \"comentario\": \"hola\"}").expectStatus().isOk()).get("data");

        assertThat(edits(id)).containsExactly("comentario|null|hola");
        assertThat(data.get("apoderado").isNull()).isTrue();
        assertThat(count("SELECT COUNT(*) FROM personas WHERE updated_by IS NOT NULL")).isEqualTo(personas);
        assertThat(count("SELECT COUNT(*) FROM personas WHERE nombres = 'Nadie'")).isZero();
    }

    @Test
    void cliente_edits_change_the_shared_persona_but_are_logged_only_on_the_edited_solicitud() {
        int first = registerCliente(OPERADOR, "80000006", "Tomas", "Rojas");
        int second = registerCliente(GESTOR, "80000006", "Tomas", "Rojas");

        patch("/solicitudes/" + first, session(MEDICO), "{\"cliente_nombres\": \"Tomas Andres\"}").expectStatus().isOk();

        assertThat(detail(ADMIN, second).at("/cliente/nombre").asString()).isEqualTo("Tomas Andres Rojas");
        assertThat(edits(first)).containsExactly("cliente.nombres|Tomas|Tomas Andres");
        assertThat(edits(second)).isEmpty();
        JsonNode listed = json(get("/solicitudes?q=80000006", session(ADMIN)).expectStatus().isOk());
        assertThat(listed.at("/data/items").valueStream().map(i -> i.at("/cliente/nombre").asString()))
                .containsExactly("Tomas Andres Rojas", "Tomas Andres Rojas");
    }

    @Test
    void the_old_value_logged_is_the_one_replaced_even_when_another_edit_of_the_persona_commits_meanwhile()
            throws Exception {
        int id = registerCliente(OPERADOR, "80000010", "Nilo", "Rojas");
        String personaId = string("SELECT persona_id FROM personas WHERE numero_documento = '80000010'");
        // an edit of the same persona through another solicitud holds the row and commits a second later
        CountDownLatch holding = new CountDownLatch(1);
        CompletableFuture<Void> other = db.sql("UPDATE personas SET nombres = 'Nilo Jose' WHERE persona_id = "
                        + personaId)
                .then()
                .then(Mono.fromRunnable(holding::countDown))
                .then(Mono.delay(Duration.ofMillis(1000)))
                .then()
                .as(transaction::transactional)
                .toFuture();
        // the row is locked before the edit starts
        assertThat(holding.await(10, TimeUnit.SECONDS)).isTrue();

        patch("/solicitudes/" + id, session(OPERADOR), "{\"cliente_nombres\": \"Nilo Andres\"}").expectStatus().isOk();
        other.get(10, TimeUnit.SECONDS);

        assertThat(edits(id)).containsExactly("cliente.nombres|Nilo Jose|Nilo Andres");
        assertThat(string("SELECT nombres FROM personas WHERE persona_id = " + personaId)).isEqualTo("Nilo Andres");
    }

    @Test
    void the_caller_becomes_updated_by() {
        int id = registerCliente(OPERADOR, "80000007", "Raul", "Vera");
        execute("UPDATE solicitud_cmep SET updated_at = '2020-01-01 00:00:00' WHERE solicitud_id = " + id);

        JsonNode data = json(patch("/solicitudes/" + id, session(MEDICO), "{\"lugar_atencion\": \"Clinica\"}")
                .expectStatus().isOk()).get("data");

        assertThat(string("SELECT updated_by FROM solicitud_cmep WHERE solicitud_id = " + id)).isEqualTo("4");
        assertThat(data.get("updated_at").asString()).isNotEqualTo("2020-01-01T00:00:00Z")
                .matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
        assertThat(string("SELECT cambiado_por FROM solicitud_estado_historial WHERE solicitud_id = " + id
                + " AND campo = 'lugar_atencion'")).isEqualTo("4");
    }

    @Test
    void checks_run_in_the_order_401_422_404_403() {
        int cerrado = registerCliente(OPERADOR, "80000008", "Iris", "Campos");
        execute("UPDATE solicitud_cmep SET estado_atencion = 'ATENDIDO', fecha_cierre = UTC_TIMESTAMP(), "
                + "cerrado_por = 4 WHERE solicitud_id = " + cerrado);

        // 401 first, whatever the body or the id
        assertError(patch("/solicitudes/999999", null, "{\"tipo_atencion\": \"X\"}"),
                401, "UNAUTHENTICATED", "No autenticado");
        assertError(patch("/solicitudes/abc", null, "not json"), 401, "UNAUTHENTICATED", "No autenticado");
        // then validation, before the lookup and the policy
        assertValidation(patch("/solicitudes/999999", session(ADMIN), "{\"tipo_atencion\": \"X\"}"),
                "tipo_atencion", null);
        assertValidation(patch("/solicitudes/999999", session(ADMIN), "{\"servicio_id\": 999}"), "servicio_id", null);
        assertValidation(patch("/solicitudes/abc", session(ADMIN), "{}"), "solicitud_id", null);
        assertValidation(patch("/solicitudes/" + cerrado, session(ADMIN), "{\"cliente_nombres\": null}"),
                "cliente_nombres", null);
        // then the lookup
        assertError(patch("/solicitudes/999999", session(ADMIN), "{\"comentario\": \"x\"}"),
                404, "NOT_FOUND", "Solicitud no encontrada");
        // then the policy: nobody holds EDITAR_DATOS in CERRADO, and nothing changes
        Map<String, Long> before = tableCounts();
        for (String email : List.of(ADMIN, OPERADOR, GESTOR, MEDICO)) {
            assertError(patch("/solicitudes/" + cerrado, session(email), "{\"comentario\": \"x\", "
                            + "\"cliente_nombres\": \"Otra\"}"),
                    403, "FORBIDDEN", "Accion 'EDITAR_DATOS' no permitida en estado 'CERRADO'");
        }
        assertThat(tableCounts()).isEqualTo(before);
        assertThat(string("SELECT nombres FROM personas WHERE numero_documento = '80000008'")).isEqualTo("Iris");
        assertThat(string("SELECT COALESCE(comentario, 'null') FROM solicitud_cmep WHERE solicitud_id = " + cerrado))
                .isEqualTo("null");
        assertThat(string("SELECT updated_by FROM solicitud_cmep WHERE solicitud_id = " + cerrado)).isNull();
    }

    @Test
    void a_cancelled_solicitud_cannot_be_edited_either() {
        int id = registerCliente(OPERADOR, "80000009", "Olga", "Paz");
        post("/solicitudes/" + id + "/cancelar", session(OPERADOR), "{}").expectStatus().isOk();

        assertError(patch("/solicitudes/" + id, session(ADMIN), "{\"comentario\": \"x\"}"),
                403, "FORBIDDEN", "Accion 'EDITAR_DATOS' no permitida en estado 'CANCELADO'");
    }
}
