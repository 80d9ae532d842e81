package pe.cmep.gateway.solicitud;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Year;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.json.JsonCompareMode;
import pe.cmep.events.SolicitudCreated;
import pe.cmep.events.SolicitudEvent;
import pe.cmep.gateway.auth.SessionCookies;
import tools.jackson.databind.JsonNode;

/** POST /solicitudes (api.md §7.4, domain.md §5.1). */
class RegistroSolicitudIT extends SolicitudApiTest {

    @LocalServerPort
    int port;

    @Test
    void a_solicitud_with_only_the_cliente_is_registered_with_its_codigo_and_initial_state() {
        long mark = outboxMark();
        JsonNode body = json(post("/solicitudes", session(OPERADOR),
                "{\"cliente\": " + cliente("40000001", "Rosa", "Quispe") + "}").expectStatus().isOk());

        assertThat(body.get("ok").booleanValue()).isTrue();
        JsonNode data = body.get("data");
        assertThat(fieldNames(data)).containsExactlyInAnyOrder("solicitud_id", "codigo");
        int id = data.get("solicitud_id").intValue();
        String year = String.valueOf(Year.now(ZoneOffset.UTC).getValue());
        assertThat(data.get("codigo").asString()).isEqualTo("CMEP-" + year + "-" + String.format("%04d", id));
        assertThat(string("SELECT codigo FROM solicitud_cmep WHERE solicitud_id = " + id))
                .isEqualTo(data.get("codigo").asString());

        JsonNode detail = detail(OPERADOR, id);
        assertThat(detail.get("estado_atencion").asString()).isEqualTo("REGISTRADO");
        assertThat(detail.get("estado_pago").asString()).isEqualTo("PENDIENTE");
        assertThat(detail.get("estado_operativo").asString()).isEqualTo("REGISTRADO");
        assertThat(detail.get("tarifa_monto").isNull()).isTrue();
        assertThat(detail.get("tarifa_moneda").isNull()).isTrue();
        assertThat(detail.get("servicio").isNull()).isTrue();
        assertThat(detail.get("apoderado").isNull()).isTrue();
        assertThat(detail.get("promotor").isNull()).isTrue();
        assertThat(detail.get("estado_certificado").isNull()).isTrue();
        assertThat(detail.at("/cliente/nombre").asString()).isEqualTo("Rosa Quispe");
        assertThat(detail.at("/cliente/doc").asString()).isEqualTo("DNI 40000001");
        assertThat(detail.get("historial")).hasSize(1);
        JsonNode creada = detail.at("/historial/0");
        assertThat(creada.get("campo").asString()).isEqualTo("solicitud_creada");
        assertThat(creada.get("valor_anterior").isNull()).isTrue();
        assertThat(creada.get("valor_nuevo").asString()).isEqualTo("REGISTRADO");
        assertThat(creada.get("cambiado_por").intValue()).isEqualTo(2);
        assertThat(creada.get("usuario_nombre").asString()).isEqualTo("Ana Operadora");
        assertThat(creada.get("comentario").isNull()).isTrue();

        // a new cliente persona with its clientes row (ACTIVO), created_by = caller, no tarifa snapshot
        assertThat(string("SELECT CONCAT(c.estado, '/', c.created_by, '/', p.created_by) FROM clientes c "
                + "JOIN personas p ON p.persona_id = c.persona_id WHERE p.numero_documento = '40000001'"))
                .isEqualTo("ACTIVO/2/2");
        assertThat(string("SELECT CONCAT(created_by, '/', COALESCE(tarifa_fuente, 'null')) FROM solicitud_cmep "
                + "WHERE solicitud_id = " + id)).isEqualTo("2/null");

        List<SolicitudEvent> events = eventsSince(mark, id);
        assertThat(events).hasSize(1);
        SolicitudEvent event = events.get(0);
        assertThat(event.type()).isEqualTo("solicitud.created");
        assertThat(event.actor()).isEqualTo(2);
        SolicitudCreated created = (SolicitudCreated) event.payload();
        assertThat(created.codigo()).isEqualTo(data.get("codigo").asString());
        assertThat(created.clienteId()).isEqualTo(detail.at("/cliente/persona_id").intValue());
        assertThat(created.apoderadoId()).isNull();
        assertThat(created.servicioId()).isNull();
        assertThat(created.tarifaMonto()).isNull();
        assertThat(created.createdBy()).isEqualTo(2);
        assertThat(created.state().estadoOperativo()).isEqualTo("REGISTRADO");
    }

    @Test
    void with_a_servicio_the_tarifa_is_copied_from_it() {
        long mark = outboxMark();
        int id = register(GESTOR, "{\"cliente\": " + cliente("40000002", "Luis", "Soto")
                + ", \"servicio_id\": 1, \"comentario\": \"urgente\", "
                + "\"atencion\": {\"tipo_atencion\": \"PRESENCIAL\", \"lugar_atencion\": \"Sede central\"}}");

        JsonNode detail = detail(GESTOR, id);
        assertThat(detail.get("tarifa_monto").asString()).isEqualTo("200.00");
        assertThat(detail.get("tarifa_moneda").asString()).isEqualTo("PEN");
        assertThat(detail.at("/servicio/servicio_id").intValue()).isEqualTo(1);
        assertThat(detail.at("/servicio/tarifa").asString()).isEqualTo("200.00");
        assertThat(detail.get("tipo_atencion").asString()).isEqualTo("PRESENCIAL");
        assertThat(detail.get("lugar_atencion").asString()).isEqualTo("Sede central");
        assertThat(detail.get("comentario").asString()).isEqualTo("urgente");
        assertThat(string("SELECT CONCAT(tarifa_monto, ' ', tarifa_moneda, ' ', tarifa_fuente, ' ', servicio_id) "
                + "FROM solicitud_cmep WHERE solicitud_id = " + id)).isEqualTo("200.00 PEN SERVICIO 1");

        SolicitudCreated created = (SolicitudCreated) eventsSince(mark, id).get(0).payload();
        assertThat(created.servicioId()).isEqualTo(1);
        assertThat(created.tarifaMonto()).isEqualByComparingTo("200.00");
        assertThat(created.tarifaMoneda()).isEqualTo("PEN");
    }

    @Test
    void an_existing_cliente_takes_the_new_non_empty_values_and_the_changes_are_in_the_new_historial() {
        // seed persona 7: Juan / Perez Lopez, DNI 12345678, celular 987654321, no email
        long mark = outboxMark();
        int id = register(OPERADOR, "{\"cliente\": {\"tipo_documento\": \"DNI\", \"numero_documento\": \"12345678\", "
                + "\"nombres\": \"Juan Carlos\", \"apellidos\": \"Perez Lopez\", \"celular\": \"900000001\", "
                + "\"email\": \"\", \"direccion\": \"   \"}}");

        assertThat(string("SELECT CONCAT(nombres, '|', apellidos, '|', celular_1, '|', COALESCE(email, 'null'), '|', "
                + "COALESCE(direccion, 'null'), '|', updated_by) FROM personas WHERE persona_id = 7"))
                .isEqualTo("Juan Carlos|Perez Lopez|900000001|null|null|2");
        assertThat(count("SELECT COUNT(*) FROM personas WHERE numero_documento = '12345678'")).isOne();
        assertThat(count("SELECT COUNT(*) FROM clientes WHERE persona_id = 7")).isOne();
        assertThat(historial(id)).containsExactly(
                "solicitud_creada|null|REGISTRADO",
                "cliente.nombres|Juan|Juan Carlos",
                "cliente.celular_1|987654321|900000001");
        JsonNode detail = detail(OPERADOR, id);
        assertThat(detail.at("/cliente/persona_id").intValue()).isEqualTo(7);
        assertThat(detail.at("/cliente/nombre").asString()).isEqualTo("Juan Carlos Perez Lopez");
        assertThat(detail.at("/cliente/celular").asString()).isEqualTo("900000001");
        assertThat(((SolicitudCreated) eventsSince(mark, id).get(0).payload()).clienteId()).isEqualTo(7);

        // the same values again change nothing and log nothing but the creation
        int again = register(OPERADOR, "{\"cliente\": {\"tipo_documento\": \"DNI\", \"numero_documento\": \"12345678\", "
                + "\"nombres\": \"Juan Carlos\", \"apellidos\": \"Perez Lopez\", \"celular\": \"900000001\"}}");
        assertThat(historial(again)).containsExactly("solicitud_creada|null|REGISTRADO");
    }

    @Test
    void the_apoderado_is_found_or_created_by_document_and_its_changes_are_logged_as_apoderado() {
        // seed persona 8 (Rosa Garcia Torres, DNI 87654321) as apoderado, with a new e-mail and birth date
        int id = register(OPERADOR, "{\"cliente\": " + cliente("40000003", "Marta", "Rios")
                + ", \"apoderado\": {\"tipo_documento\": \"DNI\", \"numero_documento\": \"87654321\", "
                + "\"nombres\": \"Rosa\", \"apellidos\": \"Garcia Torres\", \"email\": \"rosa@example.com\", "
                + "\"fecha_nacimiento\": \"1980-05-14\", \"celular\": \"\"}}");

        assertThat(historial(id)).containsExactly(
                "solicitud_creada|null|REGISTRADO",
                "apoderado.email|null|rosa@example.com",
                "apoderado.fecha_nacimiento|null|1980-05-14");
        JsonNode apoderado = detail(ADMIN, id).get("apoderado");
        assertThat(apoderado.get("persona_id").intValue()).isEqualTo(8);
        assertThat(apoderado.get("celular_1").asString()).isEqualTo("912345678");
        assertThat(apoderado.get("email").asString()).isEqualTo("rosa@example.com");
        assertThat(apoderado.get("fecha_nacimiento").asString()).isEqualTo("1980-05-14");
        // no cliente_apoderado row is written (domain.md §5.1 step 2)
        assertThat(count("SELECT COUNT(*) FROM cliente_apoderado")).isZero();

        // a new apoderado persona is created with what was sent
        long mark = outboxMark();
        int other = register(OPERADOR, "{\"cliente\": " + cliente("40000004", "Elena", "Paz")
                + ", \"apoderado\": {\"tipo_documento\": \"CE\", \"numero_documento\": \"CE777\", "
                + "\"nombres\": \"Hugo\", \"apellidos\": \"Paz\", \"celular\": \"955000111\"}}");
        JsonNode nuevo = detail(ADMIN, other).get("apoderado");
        assertThat(nuevo.get("tipo_documento").asString()).isEqualTo("CE");
        assertThat(nuevo.get("numero_documento").asString()).isEqualTo("CE777");
        assertThat(nuevo.get("nombres").asString()).isEqualTo("Hugo");
        assertThat(nuevo.get("celular_1").asString()).isEqualTo("955000111");
        assertThat(historial(other)).containsExactly("solicitud_creada|null|REGISTRADO");
        SolicitudCreated created = (SolicitudCreated) eventsSince(mark, other).get(0).payload();
        assertThat(created.apoderadoId()).isEqualTo(nuevo.get("persona_id").intValue());
    }

    @Test
    void an_inline_persona_promotor_with_document_finds_or_creates_its_persona() {
        int id = register(OPERADOR, "{\"cliente\": " + cliente("40000005", "Ivan", "Luna")
                + ", \"promotor\": {\"tipo_promotor\": \"PERSONA\", \"tipo_documento\": \"DNI\", "
                + "\"numero_documento\": \"41234567\", \"nombres\": \"Pedro\", \"apellidos\": \"Paz\", "
                + "\"email\": \"pedro@example.com\", \"celular_1\": \"999111222\", \"fuente_promotor\": \"FACEBOOK\", "
                + "\"razon_social\": \"ignored\", \"nombre_promotor_otros\": \"ignored\", \"ruc\": \"10412345671\"}}");

        JsonNode promotor = detail(OPERADOR, id).get("promotor");
        int promotorId = promotor.get("promotor_id").intValue();
        assertThat(promotor).isEqualTo(JSON.readTree("{\"promotor_id\": " + promotorId + ", \"tipo_promotor\": "
                + "\"PERSONA\", \"nombre\": \"Pedro Paz\", \"ruc\": \"10412345671\", \"email\": \"pedro@example.com\", "
                + "\"celular\": \"999111222\", \"fuente_promotor\": \"FACEBOOK\"}"));
        int personaId = Integer.parseInt(string("SELECT persona_id FROM personas WHERE numero_documento = '41234567'"));
        get("/promotores/" + promotorId, session(OPERADOR)).expectStatus().isOk().expectBody().json(
                "{\"ok\": true, \"data\": {\"promotor_id\": " + promotorId + ", \"tipo_promotor\": \"PERSONA\", "
                        + "\"nombre\": \"Pedro Paz\", \"razon_social\": null, \"nombre_promotor_otros\": null, "
                        + "\"ruc\": \"10412345671\", \"email\": \"pedro@example.com\", \"celular_1\": \"999111222\", "
                        + "\"fuente_promotor\": \"FACEBOOK\", \"comentario\": null, \"persona_id\": " + personaId
                        + ", \"persona_nombres\": \"Pedro\", \"persona_apellidos\": \"Paz\", "
                        + "\"persona_tipo_documento\": \"DNI\", \"persona_numero_documento\": \"41234567\"}}",
                JsonCompareMode.STRICT);
        // the persona takes celular_1 and email from the promotor body
        assertThat(string("SELECT CONCAT(celular_1, ' ', email) FROM personas WHERE persona_id = " + personaId))
                .isEqualTo("999111222 pedro@example.com");

        // the same document again reuses that persona, updating what differs
        int again = register(OPERADOR, "{\"cliente\": " + cliente("40000005", "Ivan", "Luna")
                + ", \"promotor\": {\"tipo_promotor\": \"PERSONA\", \"tipo_documento\": \"DNI\", "
                + "\"numero_documento\": \"41234567\", \"nombres\": \"Pedro Jose\", \"apellidos\": \"Paz\"}}");
        JsonNode second = detail(OPERADOR, again).get("promotor");
        assertThat(second.get("promotor_id").intValue()).isNotEqualTo(promotorId);
        assertThat(second.get("nombre").asString()).isEqualTo("Pedro Jose Paz");
        assertThat(second.get("email").isNull()).isTrue();
        assertThat(count("SELECT COUNT(*) FROM personas WHERE numero_documento = '41234567'")).isOne();
        assertThat(count("SELECT COUNT(*) FROM promotores WHERE persona_id = " + personaId)).isEqualTo(2);
    }

    @Test
    void an_inline_persona_promotor_without_document_always_gets_a_new_persona() {
        long personas = count("SELECT COUNT(*) FROM personas");
        String promotor = "{\"tipo_promotor\": \"PERSONA\", \"nombres\": \"Sara\", \"apellidos\": \"Vega\"}";
        int first = register(OPERADOR, "{\"cliente\": " + cliente("40000006", "Nora", "Diaz")
                + ", \"promotor\": " + promotor + "}");
        int second = register(OPERADOR, "{\"cliente\": " + cliente("40000006", "Nora", "Diaz")
                + ", \"promotor\": " + promotor + "}");

        // one cliente persona and two promotor personas without document
        assertThat(count("SELECT COUNT(*) FROM personas")).isEqualTo(personas + 3);
        assertThat(count("SELECT COUNT(*) FROM personas WHERE nombres = 'Sara' AND apellidos = 'Vega' "
                + "AND tipo_documento IS NULL AND numero_documento IS NULL")).isEqualTo(2);
        JsonNode p1 = detail(OPERADOR, first).get("promotor");
        JsonNode p2 = detail(OPERADOR, second).get("promotor");
        assertThat(p1.get("nombre").asString()).isEqualTo("Sara Vega");
        assertThat(p1.get("fuente_promotor").isNull()).isTrue();
        assertThat(p2.get("promotor_id").intValue()).isNotEqualTo(p1.get("promotor_id").intValue());
    }

    @Test
    void an_inline_empresa_promotor_keeps_only_razon_social_and_is_named_by_it() {
        int id = register(ADMIN, "{\"cliente\": " + cliente("40000007", "Olga", "Ruiz")
                + ", \"promotor\": {\"tipo_promotor\": \"EMPRESA\", \"razon_social\": \"Clinica Norte SAC\", "
                + "\"nombre_promotor_otros\": \"ignored\", \"nombres\": \"ignored\", \"apellidos\": \"ignored\", "
                + "\"tipo_documento\": \"DNI\", \"numero_documento\": \"49999999\", \"ruc\": \"20123456789\", "
                + "\"celular_1\": \"999111222\", \"fuente_promotor\": \"REFERIDO\", \"comentario\": \"c\"}}");

        JsonNode promotor = detail(ADMIN, id).get("promotor");
        int promotorId = promotor.get("promotor_id").intValue();
        assertThat(promotor).isEqualTo(JSON.readTree("{\"promotor_id\": " + promotorId + ", \"tipo_promotor\": "
                + "\"EMPRESA\", \"nombre\": \"Clinica Norte SAC\", \"ruc\": \"20123456789\", \"email\": null, "
                + "\"celular\": \"999111222\", \"fuente_promotor\": \"REFERIDO\"}"));
        assertThat(string("SELECT CONCAT(COALESCE(razon_social, 'null'), '|', COALESCE(nombre_promotor_otros, 'null'), "
                + "'|', COALESCE(persona_id, 'null'), '|', comentario, '|', created_by) FROM promotores "
                + "WHERE promotor_id = " + promotorId)).isEqualTo("Clinica Norte SAC|null|null|c|1");
        assertThat(count("SELECT COUNT(*) FROM personas WHERE numero_documento = '49999999'")).isZero();
    }

    @Test
    void an_inline_otros_promotor_keeps_only_nombre_promotor_otros_and_is_named_by_it() {
        int id = register(MEDICO, "{\"cliente\": " + cliente("40000008", "Raul", "Mora")
                + ", \"promotor\": {\"tipo_promotor\": \"OTROS\", \"nombre_promotor_otros\": \"Feria de salud\", "
                + "\"razon_social\": \"ignored\", \"fuente_promotor\": \"FERIA\", \"email\": \"feria@example.com\"}}");

        JsonNode promotor = detail(MEDICO, id).get("promotor");
        int promotorId = promotor.get("promotor_id").intValue();
        assertThat(promotor).isEqualTo(JSON.readTree("{\"promotor_id\": " + promotorId + ", \"tipo_promotor\": "
                + "\"OTROS\", \"nombre\": \"Feria de salud\", \"ruc\": null, \"email\": \"feria@example.com\", "
                + "\"celular\": null, \"fuente_promotor\": \"FERIA\"}"));
        assertThat(string("SELECT CONCAT(COALESCE(razon_social, 'null'), '|', nombre_promotor_otros, '|', "
                + "COALESCE(persona_id, 'null')) FROM promotores WHERE promotor_id = " + promotorId))
                .isEqualTo("null|Feria de salud|null");
    }

    @Test
    void an_existing_promotor_id_is_linked() {
        long promotores = count("SELECT COUNT(*) FROM promotores");
        int id = register(OPERADOR, "{\"cliente\": " + cliente("40000009", "Tito", "Vargas") + ", \"promotor_id\": 1}");
        int empresa = register(OPERADOR, "{\"cliente\": " + cliente("40000009", "Tito", "Vargas")
                + ", \"promotor_id\": 2, \"promotor\": null}");

        assertThat(count("SELECT COUNT(*) FROM promotores")).isEqualTo(promotores);
        assertThat(detail(OPERADOR, id).get("promotor")).isEqualTo(JSON.readTree("{\"promotor_id\": 1, "
                + "\"tipo_promotor\": \"PERSONA\", \"nombre\": \"Luis Promotor Reyes\", \"ruc\": null, \"email\": null, "
                + "\"celular\": null, \"fuente_promotor\": \"Cliente referente\"}"));
        assertThat(detail(OPERADOR, empresa).get("promotor")).isEqualTo(JSON.readTree("{\"promotor_id\": 2, "
                + "\"tipo_promotor\": \"EMPRESA\", \"nombre\": \"Notaria Gonzales & Asociados\", \"ruc\": \"20123456789\", "
                + "\"email\": \"contacto@notariagonzales.com\", \"celular\": null, \"fuente_promotor\": \"Notaria\"}"));
    }

    static List<Arguments> invalidBodies() {
        String ok = cliente("40000010", "Ana", "Test");
        return List.of(
                Arguments.of("{}", "cliente", "Campo requerido"),
                Arguments.of("{\"cliente\": null}", "cliente", "Campo requerido"),
                Arguments.of("{\"cliente\": \"DNI 1\"}", "cliente", null),
                Arguments.of("{\"cliente\": {\"tipo_documento\": \"XX\", \"numero_documento\": \"1\", "
                        + "\"nombres\": \"A\", \"apellidos\": \"B\"}}", "cliente.tipo_documento",
                        "Valor no permitido: XX (DNI, CE, PASAPORTE, RUC)"),
                Arguments.of("{\"cliente\": {\"tipo_documento\": \"dni\", \"numero_documento\": \"1\", "
                        + "\"nombres\": \"A\", \"apellidos\": \"B\"}}", "cliente.tipo_documento", null),
                Arguments.of("{\"cliente\": {\"numero_documento\": \"1\", \"nombres\": \"A\", \"apellidos\": \"B\"}}",
                        "cliente.tipo_documento", "Campo requerido"),
                Arguments.of("{\"cliente\": " + cliente("1234567890123456789012345678901", "A", "B") + "}",
                        "cliente.numero_documento", null),
                Arguments.of("{\"cliente\": " + cliente("", "A", "B") + "}", "cliente.numero_documento", null),
                Arguments.of("{\"cliente\": " + cliente("40000010", "  ", "B") + "}", "cliente.nombres", null),
                Arguments.of("{\"cliente\": " + cliente("40000010", "A", "") + "}", "cliente.apellidos", null),
                Arguments.of("{\"cliente\": " + cliente("40000010", "A".repeat(151), "B") + "}", "cliente.nombres", null),
                Arguments.of("{\"cliente\": {\"tipo_documento\": \"DNI\", \"numero_documento\": \"1\", "
                        + "\"nombres\": null, \"apellidos\": \"B\"}}", "cliente.nombres", "Campo requerido"),
                Arguments.of("{\"cliente\": {\"tipo_documento\": \"DNI\", \"numero_documento\": 12345678, "
                        + "\"nombres\": \"A\", \"apellidos\": \"B\"}}", "cliente.numero_documento", null),
                Arguments.of("{\"cliente\": {\"tipo_documento\": \"DNI\", \"numero_documento\": \"1\", \"nombres\": \"A\", "
                        + "\"apellidos\": \"B\", \"fecha_nacimiento\": \"1980-13-45\"}}", "cliente.fecha_nacimiento", null),
                Arguments.of("{\"cliente\": {\"tipo_documento\": \"DNI\", \"numero_documento\": \"1\", \"nombres\": \"A\", "
                        + "\"apellidos\": \"B\", \"fecha_nacimiento\": \"14/05/1980\"}}", "cliente.fecha_nacimiento", null),
                Arguments.of("{\"cliente\": {\"tipo_documento\": \"DNI\", \"numero_documento\": \"1\", \"nombres\": \"A\", "
                        + "\"apellidos\": \"B\", \"celular\": \"" + "9".repeat(21) + "\"}}", "cliente.celular", null),
                Arguments.of("{\"cliente\": " + ok + ", \"apoderado\": {\"tipo_documento\": \"DNI\", "
                        + "\"nombres\": \"A\", \"apellidos\": \"B\"}}", "apoderado.numero_documento", "Campo requerido"),
                Arguments.of("{\"cliente\": " + ok + ", \"apoderado\": 5}", "apoderado", null),
                Arguments.of("{\"cliente\": " + ok + ", \"servicio_id\": 999}", "servicio_id", null),
                Arguments.of("{\"cliente\": " + ok + ", \"servicio_id\": \"1\"}", "servicio_id", null),
                Arguments.of("{\"cliente\": " + ok + ", \"servicio_id\": 0}", "servicio_id", null),
                Arguments.of("{\"cliente\": " + ok + ", \"servicio_id\": 99999999999}", "servicio_id", null),
                Arguments.of("{\"cliente\": " + ok + ", \"promotor_id\": 999}", "promotor_id", null),
                Arguments.of("{\"cliente\": " + ok + ", \"promotor_id\": 1.5}", "promotor_id", null),
                Arguments.of("{\"cliente\": " + ok + ", \"promotor_id\": 1, \"promotor\": "
                        + "{\"tipo_promotor\": \"OTROS\", \"nombre_promotor_otros\": \"x\"}}", "promotor", null),
                Arguments.of("{\"cliente\": " + ok + ", \"promotor\": {\"tipo_promotor\": \"PERSONA\", "
                        + "\"nombres\": \"Solo\"}}", "promotor.tipo_promotor", "PERSONA requiere nombres y apellidos"),
                Arguments.of("{\"cliente\": " + ok + ", \"promotor\": {\"tipo_promotor\": \"EMPRESA\", "
                        + "\"razon_social\": \" \"}}", "promotor.razon_social", "EMPRESA requiere razon_social"),
                Arguments.of("{\"cliente\": " + ok + ", \"promotor\": {\"tipo_promotor\": \"OTROS\"}}",
                        "promotor.nombre_promotor_otros", "OTROS requiere nombre_promotor_otros"),
                Arguments.of("{\"cliente\": " + ok + ", \"promotor\": {\"tipo_promotor\": \"AMIGO\"}}",
                        "promotor.tipo_promotor", null),
                Arguments.of("{\"cliente\": " + ok + ", \"promotor\": {}}", "promotor.tipo_promotor", "Campo requerido"),
                Arguments.of("{\"cliente\": " + ok + ", \"atencion\": {\"tipo_atencion\": \"REMOTA\"}}",
                        "atencion.tipo_atencion", null),
                Arguments.of("{\"cliente\": " + ok + ", \"comentario\": 5}", "comentario", null),
                Arguments.of("{\"cliente\": " + ok + ", ", "body", "JSON mal formado"),
                Arguments.of("not json", "body", null),
                Arguments.of("[{\"cliente\": " + ok + "}]", "body", "Se esperaba un objeto JSON"),
                Arguments.of("\"text\"", "body", null),
                Arguments.of("null", "body", null));
    }

    @ParameterizedTest
    @MethodSource("invalidBodies")
    void an_invalid_body_is_422_naming_the_field_and_writes_nothing(String body, String field, String message) {
        Map<String, Long> before = tableCounts();

        assertValidation(post("/solicitudes", session(OPERADOR), body), field, message);

        assertThat(tableCounts()).isEqualTo(before);
    }

    @Test
    void an_empty_body_is_422_on_body() {
        assertValidation(client.post().uri("/solicitudes").contentType(MediaType.APPLICATION_JSON)
                .cookie(SessionCookies.NAME, session(OPERADOR)).exchange(), "body", null);
    }

    @Test
    void an_unknown_servicio_with_a_new_cliente_and_an_inline_promotor_writes_nothing() {
        Map<String, Long> before = tableCounts();

        assertValidation(post("/solicitudes", session(ADMIN), "{\"cliente\": " + cliente("40000011", "No", "Existe")
                + ", \"servicio_id\": 777, \"promotor\": {\"tipo_promotor\": \"OTROS\", "
                + "\"nombre_promotor_otros\": \"x\"}}"), "servicio_id", null);

        assertThat(tableCounts()).isEqualTo(before);
        assertThat(count("SELECT COUNT(*) FROM personas WHERE numero_documento = '40000011'")).isZero();
    }

    @Test
    void a_servicio_whose_currency_the_snapshot_cannot_take_is_422_not_500() {
        // servicios.moneda_tarifa is not constrained (domain.md §2.2); solicitud_cmep.tarifa_moneda is PEN/USD
        execute("INSERT INTO servicios (servicio_id, descripcion_servicio, tarifa_servicio, moneda_tarifa) "
                + "VALUES (50, 'Importado', 10.00, 'EUR'), (51, 'Minusculas', 10.00, 'pen')");
        try {
            Map<String, Long> before = tableCounts();
            for (int servicio : List.of(50, 51)) {
                assertValidation(post("/solicitudes", session(OPERADOR), "{\"cliente\": "
                        + cliente("40000013", "Zoe", "Alva") + ", \"servicio_id\": " + servicio + "}"), "servicio_id",
                        null);
            }
            assertThat(tableCounts()).isEqualTo(before);
        } finally {
            execute("DELETE FROM servicios WHERE servicio_id IN (50, 51)");
        }
    }

    @Test
    void every_problem_of_the_body_is_listed_in_one_answer() {
        JsonNode body = json(post("/solicitudes", session(OPERADOR), "{\"cliente\": {\"tipo_documento\": \"XX\", "
                + "\"numero_documento\": \"\", \"nombres\": \"A\"}, \"servicio_id\": -1}").expectStatus().isEqualTo(422));
        List<String> fields = body.at("/error/details").valueStream().map(d -> d.get("field").asString()).toList();
        assertThat(fields).contains("cliente.tipo_documento", "cliente.numero_documento", "cliente.apellidos",
                "servicio_id");
    }

    @Test
    void without_a_session_it_is_401_before_any_validation() {
        assertError(post("/solicitudes", null, "{\"cliente\": " + cliente("40000012", "A", "B") + "}"),
                401, "UNAUTHENTICATED", "No autenticado");
        assertError(post("/solicitudes", null, "not json"), 401, "UNAUTHENTICATED", "No autenticado");
        assertError(post("/solicitudes", "0123456789abcdef0123456789abcdef", "{}"),
                401, "UNAUTHENTICATED", "Sesion invalida o expirada");
        assertThat(count("SELECT COUNT(*) FROM personas WHERE numero_documento = '40000012'")).isZero();
    }

    @Test
    void ten_parallel_registrations_all_succeed_with_distinct_ids_and_codigos() throws Exception {
        String session = session(OPERADOR);
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        // half for one new cliente (same document), half for new clientes of their own, all with a new apoderado
        List<CompletableFuture<HttpResponse<String>>> calls = IntStream.range(0, 10)
                .mapToObj(i -> {
                    String numero = i % 2 == 0 ? "45000000" : "4500000" + i;
                    String body = "{\"cliente\": " + cliente(numero, "Paralelo", "Numero " + i)
                            + ", \"apoderado\": " + cliente("4600000" + i, "Apoderado", "Numero " + i)
                            + ", \"servicio_id\": 1}";
                    HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/solicitudes"))
                            .timeout(Duration.ofSeconds(30))
                            .header("Content-Type", "application/json")
                            .header("Cookie", SessionCookies.NAME + "=" + session)
                            .POST(HttpRequest.BodyPublishers.ofString(body))
                            .build();
                    return http.sendAsync(request, HttpResponse.BodyHandlers.ofString());
                })
                .toList();
        CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new)).get();

        Set<Integer> ids = new HashSet<>();
        Set<String> codigos = new HashSet<>();
        for (CompletableFuture<HttpResponse<String>> call : calls) {
            HttpResponse<String> response = call.get();
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            JsonNode data = JSON.readTree(response.body()).get("data");
            ids.add(data.get("solicitud_id").intValue());
            codigos.add(data.get("codigo").asString());
        }
        assertThat(ids).hasSize(10);
        assertThat(codigos).hasSize(10);
        assertThat(count("SELECT COUNT(*) FROM personas WHERE numero_documento = '45000000'")).isOne();
        assertThat(count("SELECT COUNT(*) FROM solicitud_cmep s JOIN personas p ON p.persona_id = s.cliente_id "
                + "WHERE p.numero_documento LIKE '4500000%'")).isEqualTo(10);
    }
}
