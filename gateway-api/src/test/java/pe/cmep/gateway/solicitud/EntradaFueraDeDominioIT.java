package pe.cmep.gateway.solicitud;

import static org.assertj.core.api.Assertions.assertThat;
import static pe.cmep.gateway.solicitud.WorkflowClient.ADMIN;
import static pe.cmep.gateway.solicitud.WorkflowClient.GESTOR;
import static pe.cmep.gateway.solicitud.WorkflowClient.MEDICO;
import static pe.cmep.gateway.solicitud.WorkflowClient.OPERADOR;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import pe.cmep.gateway.auth.SessionCookies;

/**
 * Input the columns cannot hold is refused before it reaches the database: dates outside the range of a DATE column
 * (1000-01-01..9999-12-31) and text that is not valid Unicode (a lone UTF-16 surrogate, which the driver would store
 * as {@code ?}). Each refusal is a 422 naming the field, and the request writes nothing.
 */
class EntradaFueraDeDominioIT extends WorkflowTest {

    private static final String RANGO = "Debe ser una fecha entre 1000-01-01 y 9999-12-31";
    private static final String UNICODE = "Debe ser texto Unicode valido";
    /** A JSON string holding the escape of a lone high surrogate. */
    private static final String LONE = "\"Ros\\ud800a\"";

    private static int documento = 81_000_000;

    @Value("${local.server.port}")
    int port;

    private static String persona(String extra) {
        return "{\"tipo_documento\": \"DNI\", \"numero_documento\": \"" + (++documento)
                + "\", \"nombres\": \"Rosa\", \"apellidos\": \"Quispe\"" + extra + "}";
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
            "cliente,   +10000-01-01",
            "cliente,   -0001-01-01",
            "cliente,   0999-12-31",
            "apoderado, +10000-01-01",
            "apoderado, -0001-01-01"})
    void fecha_nacimiento_outside_1000_to_9999_is_422_at_registration(String who, String fecha) {
        Map<String, Long> before = counts();
        String fechaField = ", \"fecha_nacimiento\": \"" + fecha + "\"";
        String body = "{\"cliente\": " + persona(who.equals("cliente") ? fechaField : "")
                + (who.equals("apoderado") ? ", \"apoderado\": " + persona(fechaField) : "") + "}";

        WorkflowClient.Response r = w.call("POST", w.session(OPERADOR), "/solicitudes", body);

        assertThat(r.status()).as(r.raw()).isEqualTo(422);
        assertThat(r.code()).isEqualTo("VALIDATION_ERROR");
        assertThat(r.details()).containsExactly(who + ".fecha_nacimiento: " + RANGO);
        assertThat(counts()).isEqualTo(before);
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
            "cliente_fecha_nacimiento,   +10000-01-01",
            "cliente_fecha_nacimiento,   -0001-01-01",
            "apoderado_fecha_nacimiento, +10000-01-01",
            "apoderado_fecha_nacimiento, 0001-01-01"})
    void fecha_nacimiento_outside_1000_to_9999_is_422_on_patch(String field, String fecha) {
        int id = registerWithApoderado();
        Map<String, List<String>> before = w.snapshot(id);
        List<String> apoderado = apoderado(id);

        WorkflowClient.Response r = w.call("PATCH", w.session(OPERADOR), "/solicitudes/" + id,
                "{\"cliente_nombres\": \"Rosa Maria\", \"" + field + "\": \"" + fecha + "\"}");

        assertThat(r.status()).as(r.raw()).isEqualTo(422);
        assertThat(r.details()).containsExactly(field + ": " + RANGO);
        assertThat(w.snapshot(id)).isEqualTo(before);
        assertThat(apoderado(id)).isEqualTo(apoderado);
    }

    @ParameterizedTest
    @ValueSource(strings = {"+10000-01-01", "-0001-01-01", "0999-12-31"})
    void fecha_pago_outside_1000_to_9999_is_422_on_registrar_pago_and_on_override(String fecha) {
        String pago = "{\"canal_pago\": \"YAPE\", \"fecha_pago\": \"" + fecha + "\", \"monto\": \"150.50\"}";
        int abierta = w.inState("ASIGNADO_GESTOR");
        Map<String, List<String>> abiertaAntes = w.snapshot(abierta);
        WorkflowClient.Response r = w.action(GESTOR, abierta, "registrar-pago", pago);
        assertThat(r.status()).as(r.raw()).isEqualTo(422);
        assertThat(r.details()).containsExactly("fecha_pago: " + RANGO);
        assertThat(w.snapshot(abierta)).isEqualTo(abiertaAntes);

        int cerrada = w.inState("CERRADO");
        Map<String, List<String>> cerradaAntes = w.snapshot(cerrada);
        r = w.action(ADMIN, cerrada, "override",
                "{\"motivo\": \"pago tardio\", \"accion\": \"REGISTRAR_PAGO\", \"payload\": " + pago + "}");
        assertThat(r.status()).as(r.raw()).isEqualTo(422);
        assertThat(r.details()).containsExactly("payload.fecha_pago: " + RANGO);
        assertThat(w.snapshot(cerrada)).isEqualTo(cerradaAntes);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            cliente.nombres         | {"cliente": {"tipo_documento": "DNI", "numero_documento": "82000001", "nombres": %s, "apellidos": "Quispe"}}
            cliente.direccion       | {"cliente": {"tipo_documento": "DNI", "numero_documento": "82000002", "nombres": "Rosa", "apellidos": "Quispe", "direccion": %s}}
            apoderado.email         | {"cliente": {"tipo_documento": "DNI", "numero_documento": "82000003", "nombres": "Rosa", "apellidos": "Quispe"}, "apoderado": {"tipo_documento": "DNI", "numero_documento": "82000004", "nombres": "Luis", "apellidos": "Paz", "email": %s}}
            promotor.razon_social   | {"cliente": {"tipo_documento": "DNI", "numero_documento": "82000005", "nombres": "Rosa", "apellidos": "Quispe"}, "promotor": {"tipo_promotor": "EMPRESA", "razon_social": %s}}
            atencion.lugar_atencion | {"cliente": {"tipo_documento": "DNI", "numero_documento": "82000006", "nombres": "Rosa", "apellidos": "Quispe"}, "atencion": {"lugar_atencion": %s}}
            comentario              | {"cliente": {"tipo_documento": "DNI", "numero_documento": "82000007", "nombres": "Rosa", "apellidos": "Quispe"}, "comentario": %s}
            cliente.tipo_documento  | {"cliente": {"tipo_documento": %s, "numero_documento": "82000008", "nombres": "Rosa", "apellidos": "Quispe"}}
            """)
    void a_lone_surrogate_in_any_text_of_a_registration_is_422_and_nothing_is_written(String field, String template) {
        Map<String, Long> before = counts();

        WorkflowClient.Response r = w.call("POST", w.session(OPERADOR), "/solicitudes", template.formatted(LONE));

        assertThat(r.status()).as(r.raw()).isEqualTo(422);
        assertThat(r.details()).contains(field + ": " + UNICODE);
        assertThat(r.fields()).containsOnly(field);
        assertThat(counts()).isEqualTo(before);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"cliente_nombres", "cliente_direccion", "apoderado_email", "lugar_atencion", "comentario"})
    void a_lone_surrogate_in_any_text_of_an_edit_is_422_and_nothing_changes(String field) {
        int id = registerWithApoderado();
        Map<String, List<String>> before = w.snapshot(id);
        List<String> apoderado = apoderado(id);

        WorkflowClient.Response r = w.call("PATCH", w.session(OPERADOR), "/solicitudes/" + id,
                "{\"" + field + "\": " + LONE + "}");

        assertThat(r.status()).as(r.raw()).isEqualTo(422);
        assertThat(r.details()).containsExactly(field + ": " + UNICODE);
        assertThat(w.snapshot(id)).isEqualTo(before);
        assertThat(apoderado(id)).isEqualTo(apoderado);
    }

    @Test
    void a_lone_surrogate_in_the_text_of_an_action_is_422_and_nothing_changes() {
        int abierta = w.inState("ASIGNADO_GESTOR");
        Map<String, List<String>> abiertaAntes = w.snapshot(abierta);
        assertRefused(w.action(GESTOR, abierta, "registrar-pago",
                "{\"canal_pago\": " + LONE + ", \"fecha_pago\": \"2026-01-29\", \"monto\": \"10.00\"}"), "canal_pago");
        assertRefused(w.action(GESTOR, abierta, "registrar-pago", "{\"canal_pago\": \"YAPE\", "
                + "\"fecha_pago\": \"2026-01-29\", \"monto\": \"10.00\", \"referencia_transaccion\": " + LONE + "}"),
                "referencia_transaccion");
        assertRefused(w.action(OPERADOR, abierta, "cancelar", "{\"comentario\": " + LONE + "}"), "comentario");
        assertThat(w.snapshot(abierta)).isEqualTo(abiertaAntes);

        int atendida = w.inState("ASIGNADO_MEDICO");
        Map<String, List<String>> atendidaAntes = w.snapshot(atendida);
        assertRefused(w.action(MEDICO, atendida, "cerrar", "{\"comentario\": " + LONE + "}"), "comentario");
        assertThat(w.snapshot(atendida)).isEqualTo(atendidaAntes);

        int cerrada = w.inState("CERRADO");
        Map<String, List<String>> cerradaAntes = w.snapshot(cerrada);
        assertRefused(w.action(ADMIN, cerrada, "override", "{\"motivo\": " + LONE + ", \"accion\": \"CANCELAR\"}"),
                "motivo");
        assertRefused(w.action(ADMIN, cerrada, "override", "{\"motivo\": \"correccion\", \"accion\": \"EDITAR_DATOS\", "
                + "\"payload\": {\"comentario\": " + LONE + "}}"), "payload.comentario");
        assertThat(w.snapshot(cerrada)).isEqualTo(cerradaAntes);
    }

    /** The same surrogate sent as raw bytes (ED A0 80, its CESU-8 form) is not UTF-8: the body is malformed JSON. */
    @Test
    void a_lone_surrogate_sent_as_raw_bytes_is_422_on_the_body_and_nothing_is_written() {
        Map<String, Long> before = counts();
        byte[] head = "{\"cliente\": {\"tipo_documento\": \"DNI\", \"numero_documento\": \"82000009\", \"nombres\": \"Ros"
                .getBytes(StandardCharsets.UTF_8);
        byte[] tail = "a\", \"apellidos\": \"Quispe\"}}".getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[head.length + 3 + tail.length];
        System.arraycopy(head, 0, body, 0, head.length);
        body[head.length] = (byte) 0xED;
        body[head.length + 1] = (byte) 0xA0;
        body[head.length + 2] = (byte) 0x80;
        System.arraycopy(tail, 0, body, head.length + 3, tail.length);

        client.post().uri("/solicitudes").contentType(MediaType.APPLICATION_JSON)
                .cookie(SessionCookies.NAME, w.session(OPERADOR)).bodyValue(body)
                .exchange()
                .expectStatus().isEqualTo(422)
                .expectBody()
                .jsonPath("$.error.code").isEqualTo("VALIDATION_ERROR")
                .jsonPath("$.error.details[0].field").isEqualTo("body");
        assertThat(counts()).isEqualTo(before);
    }

    /**
     * A query string cannot carry a lone surrogate: the server decodes percent-escapes as UTF-8 and replaces a
     * malformed sequence with U+FFFD, so the search runs on valid text and finds nothing.
     */
    @Test
    void a_malformed_percent_escape_in_q_is_searched_as_replacement_characters() {
        client.get().uri(URI.create("http://localhost:" + port + "/solicitudes?q=%ED%A0%80"))
                .cookie(SessionCookies.NAME, w.session(OPERADOR))
                .exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.meta.total").isEqualTo(0);
    }

    private void assertRefused(WorkflowClient.Response r, String field) {
        assertThat(r.status()).as(r.raw()).isEqualTo(422);
        assertThat(r.details()).containsExactly(field + ": " + UNICODE);
    }

    private int registerWithApoderado() {
        WorkflowClient.Response r = WorkflowClient.ok(w.call("POST", w.session(OPERADOR), "/solicitudes",
                "{\"cliente\": " + persona("") + ", \"apoderado\": " + persona(", \"fecha_nacimiento\": \"1970-01-02\"")
                        + ", \"atencion\": {\"lugar_atencion\": \"Sede\"}, \"comentario\": \"primera\"}"));
        return r.data().get("solicitud_id").asInt();
    }

    private List<String> apoderado(int id) {
        return w.rows("SELECT p.* FROM personas p JOIN solicitud_cmep s ON s.apoderado_id = p.persona_id "
                + "WHERE s.solicitud_id = " + id);
    }

    /** Row counts of every table a solicitud request may write. */
    private Map<String, Long> counts() {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String table : List.of("personas", "clientes", "cliente_apoderado", "promotores", "solicitud_cmep",
                "solicitud_estado_historial", "pago_solicitud", "outbox_event")) {
            counts.put(table, count("SELECT COUNT(*) FROM " + table));
        }
        return counts;
    }
}
