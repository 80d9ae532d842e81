package pe.cmep.gateway.solicitud;

import static org.assertj.core.api.Assertions.assertThat;
import static pe.cmep.gateway.solicitud.WorkflowClient.ADMIN;
import static pe.cmep.gateway.solicitud.WorkflowClient.GESTOR;
import static pe.cmep.gateway.solicitud.WorkflowClient.OPERADOR;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Input the columns cannot hold is refused before it reaches the database: dates outside the range of a DATE column
 * (1000-01-01..9999-12-31). Each refusal is a 422 naming the field, and the request writes nothing.
 */
class EntradaFueraDeDominioTest extends WorkflowTest {

    private static final String RANGO = "Debe ser una fecha entre 1000-01-01 y 9999-12-31";

    private static int documento = 81_000_000;

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
