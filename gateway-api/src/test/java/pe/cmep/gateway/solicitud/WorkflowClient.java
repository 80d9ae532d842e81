package pe.cmep.gateway.solicitud;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import pe.cmep.gateway.auth.SessionCookies;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Drives the solicitud endpoints for the workflow tests: creates solicitudes, brings them into each
 * estado_operativo through the actions of the default matrix, and snapshots what a refused request must
 * leave untouched.
 */
final class WorkflowClient {

    static final String ADMIN = "admin@cmep.local";
    static final String OPERADOR = "operador@cmep.local";
    static final String GESTOR = "gestor@cmep.local";
    static final String MEDICO = "medico@cmep.local";

    /** Seed personas: 3 is the gestor, 4 the medico (domain.md §9.1). */
    static final int GESTOR_PERSONA = 3;
    static final int MEDICO_PERSONA = 4;

    static final List<String> ESTADOS = List.of("REGISTRADO", "ASIGNADO_GESTOR", "PAGADO", "ASIGNADO_MEDICO",
            "CERRADO", "CANCELADO");

    static final String PAGO = "{\"canal_pago\": \"YAPE\", \"fecha_pago\": \"2026-01-29\", \"monto\": \"150.50\"}";

    private static final AtomicInteger DOCUMENTOS = new AtomicInteger(70_000_000);

    private final WebTestClient client;
    private final DatabaseClient db;
    private final JsonMapper json = JsonMapper.builder().build();
    private final Map<String, String> sessions;

    /** @param sessions e-mail → session id of the callers the test uses */
    WorkflowClient(WebTestClient client, DatabaseClient db, Map<String, String> sessions) {
        this.client = client;
        this.db = db;
        this.sessions = sessions;
    }

    String session(String email) {
        return sessions.get(email);
    }

    /** Registers a solicitud for a new cliente with servicio 1; returns its id. */
    int create() {
        String body = "{\"cliente\": {\"tipo_documento\": \"DNI\", \"numero_documento\": \""
                + DOCUMENTOS.incrementAndGet() + "\", \"nombres\": \"Rosa\", \"apellidos\": \"Quispe\"}, "
                + "\"servicio_id\": 1}";
        Response r = call("POST", session(OPERADOR), "/solicitudes", body);
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
        return r.data().get("solicitud_id").asInt();
    }

    /** A new solicitud brought to {@code estado} with the default matrix (operador, gestor, medico). */
    int inState(String estado) {
        int id = create();
        switch (estado) {
            case "REGISTRADO" -> {
            }
            case "CANCELADO" -> ok(action(OPERADOR, id, "cancelar", "{\"comentario\": \"desistio\"}"));
            default -> {
                ok(action(OPERADOR, id, "asignar-gestor", "{\"persona_id_gestor\": " + GESTOR_PERSONA + "}"));
                if (!estado.equals("ASIGNADO_GESTOR")) {
                    ok(action(GESTOR, id, "registrar-pago", PAGO));
                    if (!estado.equals("PAGADO")) {
                        ok(action(GESTOR, id, "asignar-medico", "{\"persona_id_medico\": " + MEDICO_PERSONA + "}"));
                        if (estado.equals("CERRADO")) {
                            ok(action(MEDICO, id, "cerrar", "{}"));
                        }
                    }
                }
            }
        }
        assertThat(detail(ADMIN, id).get("estado_operativo").asString()).isEqualTo(estado);
        return id;
    }

    Response action(String email, int id, String action, String body) {
        return call("POST", session(email), "/solicitudes/" + id + "/" + action, body);
    }

    Response call(String method, String session, String path, String body) {
        WebTestClient.RequestBodySpec spec = client.method(org.springframework.http.HttpMethod.valueOf(method))
                .uri(path)
                .contentType(MediaType.APPLICATION_JSON);
        if (session != null) {
            spec = spec.cookie(SessionCookies.NAME, session);
        }
        WebTestClient.RequestHeadersSpec<?> ready = body == null ? spec : spec.bodyValue(body);
        EntityExchangeResult<String> result = ready.exchange().expectBody(String.class).returnResult();
        String raw = result.getResponseBody();
        return new Response(result.getStatus().value(), raw == null ? null : json.readTree(raw), raw);
    }

    JsonNode detail(String email, int id) {
        Response r = call("GET", session(email), "/solicitudes/" + id, null);
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
        return r.data();
    }

    static Response ok(Response r) {
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
        return r;
    }

    JsonNode parse(String raw) {
        return json.readTree(raw);
    }

    /** Historial rows of the detail, oldest first, as [campo, valor_anterior, valor_nuevo, comentario, cambiado_por]. */
    static List<List<Object>> historial(JsonNode detail) {
        List<List<Object>> rows = new ArrayList<>();
        for (JsonNode h : detail.get("historial")) {
            List<Object> row = new ArrayList<>();
            row.add(h.get("campo").asString());
            row.add(text(h.get("valor_anterior")));
            row.add(text(h.get("valor_nuevo")));
            row.add(text(h.get("comentario")));
            row.add(h.get("cambiado_por").isNull() ? null : h.get("cambiado_por").asInt());
            rows.add(0, row);
        }
        return rows;
    }

    static List<Object> row(String campo, String anterior, String nuevo, String comentario, Integer userId) {
        List<Object> row = new ArrayList<>();
        row.add(campo);
        row.add(anterior);
        row.add(nuevo);
        row.add(comentario);
        row.add(userId);
        return row;
    }

    static String text(JsonNode node) {
        return node == null || node.isNull() ? null : node.asString();
    }

    static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asString()));
        return out;
    }

    /**
     * Everything a request may change about a solicitud, as text: its row, its assignments, payments and
     * historial, its outbox events, its cliente persona; equal snapshots mean the request changed nothing.
     */
    Map<String, List<String>> snapshot(int id) {
        Map<String, List<String>> snapshot = new LinkedHashMap<>();
        snapshot.put("solicitud", rows("SELECT * FROM solicitud_cmep WHERE solicitud_id = " + id));
        snapshot.put("asignaciones", rows("SELECT * FROM solicitud_asignacion WHERE solicitud_id = " + id
                + " ORDER BY asignacion_id"));
        snapshot.put("pagos", rows("SELECT * FROM pago_solicitud WHERE solicitud_id = " + id + " ORDER BY pago_id"));
        snapshot.put("historial", rows("SELECT * FROM solicitud_estado_historial WHERE solicitud_id = " + id
                + " ORDER BY historial_id"));
        snapshot.put("outbox", rows("SELECT outbox_id, event_type FROM outbox_event WHERE solicitud_id = " + id
                + " ORDER BY outbox_id"));
        snapshot.put("cliente", rows("SELECT p.* FROM personas p JOIN solicitud_cmep s ON s.cliente_id = p.persona_id "
                + "WHERE s.solicitud_id = " + id));
        return snapshot;
    }

    List<String> rows(String sql) {
        return db.sql(sql)
                .map((row, meta) -> {
                    StringBuilder text = new StringBuilder();
                    meta.getColumnMetadatas().forEach(c -> text.append(c.getName()).append('=')
                            .append(row.get(c.getName())).append(';'));
                    return text.toString();
                })
                .all().collectList().block();
    }

    <T> List<T> query(String sql, Function<io.r2dbc.spi.Readable, T> mapper) {
        return db.sql(sql).map(mapper::apply).all().collectList().block();
    }

    /** A response: status, parsed body and the raw text for assertion messages. */
    record Response(int status, JsonNode body, String raw) {

        JsonNode data() {
            return body.get("data");
        }

        String code() {
            return body.get("error").get("code").asString();
        }

        String message() {
            return body.get("error").get("message").asString();
        }

        /** The validation details as "field: message". */
        List<String> details() {
            List<String> out = new ArrayList<>();
            JsonNode details = body.get("error").get("details");
            if (details != null) {
                details.forEach(d -> out.add(d.get("field").asString() + ": " + d.get("message").asString()));
            }
            return out;
        }

        List<String> fields() {
            List<String> out = new ArrayList<>();
            JsonNode details = body.get("error").get("details");
            if (details != null) {
                details.forEach(d -> out.add(d.get("field").asString()));
            }
            return out;
        }
    }
}
