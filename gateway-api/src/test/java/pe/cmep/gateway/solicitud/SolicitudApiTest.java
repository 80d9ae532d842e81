package pe.cmep.gateway.solicitud;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import pe.cmep.events.SolicitudEvent;
import pe.cmep.events.SolicitudEventCodec;
import pe.cmep.gateway.auth.SessionCookies;
import pe.cmep.gateway.support.ApiIntegrationTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Helpers shared by the solicitud endpoint tests: one session per seed account and test class,
 * registration of solicitudes over HTTP, reading JSON answers and the outbox rows a request wrote.
 * Adds no configuration, so every class reuses the one Spring context of {@link ApiIntegrationTest}.
 */
abstract class SolicitudApiTest extends ApiIntegrationTest {

    static final String ADMIN = "admin@cmep.local";
    static final String OPERADOR = "operador@cmep.local";
    static final String GESTOR = "gestor@cmep.local";
    static final String MEDICO = "medico@cmep.local";

    static final JsonMapper JSON = JsonMapper.builder().build();
    private static final SolicitudEventCodec CODEC = new SolicitudEventCodec();

    /** Sessions by test class and e-mail: the seed reset at the start of each class drops the older ones. */
    private static final Map<String, String> SESSIONS = new ConcurrentHashMap<>();

    /** A session of one of the seed accounts (password = local part + "123"). */
    String session(String email) {
        return SESSIONS.computeIfAbsent(getClass().getName() + "|" + email,
                k -> login(email, email.substring(0, email.indexOf('@')) + "123"));
    }

    static String cliente(String numero, String nombres, String apellidos) {
        return "{\"tipo_documento\": \"DNI\", \"numero_documento\": \"" + numero + "\", \"nombres\": \"" + nombres
                + "\", \"apellidos\": \"" + apellidos + "\"}";
    }

    WebTestClient.ResponseSpec post(String uri, String session, String body) {
        WebTestClient.RequestBodySpec spec = client.post().uri(uri).contentType(MediaType.APPLICATION_JSON);
        if (session != null) {
            spec.cookie(SessionCookies.NAME, session);
        }
        return spec.bodyValue(body).exchange();
    }

    WebTestClient.ResponseSpec patch(String uri, String session, String body) {
        WebTestClient.RequestBodySpec spec = client.patch().uri(uri).contentType(MediaType.APPLICATION_JSON);
        if (session != null) {
            spec.cookie(SessionCookies.NAME, session);
        }
        return spec.bodyValue(body).exchange();
    }

    WebTestClient.ResponseSpec get(String uri, String session) {
        WebTestClient.RequestHeadersSpec<?> spec = client.get().uri(uri);
        if (session != null) {
            spec = spec.cookie(SessionCookies.NAME, session);
        }
        return spec.exchange();
    }

    /** POST /solicitudes as {@code email}; expects 200 and returns the new id. */
    int register(String email, String body) {
        JsonNode data = json(post("/solicitudes", session(email), body).expectStatus().isOk()).get("data");
        return data.get("solicitud_id").intValue();
    }

    int registerCliente(String email, String numero, String nombres, String apellidos) {
        return register(email, "{\"cliente\": " + cliente(numero, nombres, apellidos) + "}");
    }

    /** The {@code data} of GET /solicitudes/{id} as {@code email} sees it. */
    JsonNode detail(String email, int solicitudId) {
        return json(get("/solicitudes/" + solicitudId, session(email)).expectStatus().isOk()).get("data");
    }

    static JsonNode json(WebTestClient.ResponseSpec response) {
        byte[] body = response.expectBody().returnResult().getResponseBody();
        return JSON.readTree(body);
    }

    static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>(node.propertyNames());
        return names;
    }

    /** Asserts a 422 VALIDATION_ERROR whose details name {@code field} (with {@code message} when not null). */
    static void assertValidation(WebTestClient.ResponseSpec response, String field, String message) {
        JsonNode body = json(response.expectStatus().isEqualTo(422));
        assertThat(body.get("ok").booleanValue()).isFalse();
        assertThat(body.at("/error/code").asString()).isEqualTo("VALIDATION_ERROR");
        List<String> fields = new ArrayList<>();
        List<String> messages = new ArrayList<>();
        body.at("/error/details").forEach(d -> {
            fields.add(d.get("field").asString());
            if (d.get("field").asString().equals(field)) {
                messages.add(d.get("message").asString());
            }
        });
        assertThat(fields).as("fields of %s", body).contains(field);
        if (message != null) {
            assertThat(messages).as("messages of %s in %s", field, body).contains(message);
        }
    }

    static void assertError(WebTestClient.ResponseSpec response, int status, String code, String message) {
        JsonNode body = json(response.expectStatus().isEqualTo(status));
        assertThat(body.get("ok").booleanValue()).isFalse();
        assertThat(body.at("/error/code").asString()).isEqualTo(code);
        assertThat(body.at("/error/message").asString()).isEqualTo(message);
    }

    /** The newest outbox id: events written after it belong to the request under test (ids restart per class). */
    long outboxMark() {
        return count("SELECT COALESCE(MAX(outbox_id), 0) FROM outbox_event");
    }

    /**
     * The solicitud events of {@code solicitudId} written after {@code mark}, in insertion order, decoded by the
     * codec (file events, on their own queue, are left out).
     */
    List<SolicitudEvent> eventsSince(long mark, int solicitudId) {
        return db.sql("SELECT payload FROM outbox_event WHERE solicitud_id = :id AND outbox_id > :mark "
                        + "AND queue_role = 'solicitud-events' ORDER BY outbox_id")
                .bind("id", solicitudId)
                .bind("mark", mark)
                .map((row, meta) -> row.get("payload", String.class))
                .all()
                .map(CODEC::fromJson)
                .collectList()
                .block();
    }

    /** The historial rows of a solicitud as "campo|anterior|nuevo", in insertion order. */
    List<String> historial(int solicitudId) {
        return db.sql("SELECT campo, valor_anterior, valor_nuevo FROM solicitud_estado_historial "
                        + "WHERE solicitud_id = :id ORDER BY historial_id")
                .bind("id", solicitudId)
                .map((row, meta) -> row.get("campo", String.class) + "|" + row.get("valor_anterior", String.class)
                        + "|" + row.get("valor_nuevo", String.class))
                .all()
                .collectList()
                .block();
    }

    /** The first column of the first row as text; null when the value is NULL or there is no row. */
    String string(String sql) {
        return db.sql(sql).map((row, meta) -> java.util.Optional.ofNullable(row.get(0)).map(Object::toString))
                .one()
                .blockOptional()
                .flatMap(value -> value)
                .orElse(null);
    }

    /** Row counts of every table a solicitud request may write, to prove a refused request wrote nothing. */
    Map<String, Long> tableCounts() {
        Map<String, Long> counts = new java.util.LinkedHashMap<>();
        for (String table : List.of("personas", "clientes", "promotores", "solicitud_cmep",
                "solicitud_estado_historial", "solicitud_asignacion", "pago_solicitud", "archivos",
                "solicitud_archivo", "outbox_event")) {
            counts.put(table, count("SELECT COUNT(*) FROM " + table));
        }
        return counts;
    }
}
