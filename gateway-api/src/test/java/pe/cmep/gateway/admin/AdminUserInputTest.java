package pe.cmep.gateway.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import pe.cmep.gateway.auth.SessionCookies;
import pe.cmep.gateway.support.ApiIntegrationTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * POST and PATCH /admin/usuarios refuse what the columns cannot hold: dates outside 1000-01-01..9999-12-31. Each is
 * a 422 on its field and the request writes nothing.
 */
class AdminUserInputTest extends ApiIntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String RANGO = "Debe ser una fecha entre 1000-01-01 y 9999-12-31";
    /** The gestor of the seed: user 3, persona 3. */
    private static final int GESTOR = 3;

    private String admin;

    @BeforeEach
    void session() {
        admin = login("admin@cmep.local", "admin123");
    }

    @ParameterizedTest
    @ValueSource(strings = {"+10000-01-01", "-0001-01-01", "0999-12-31", "0001-01-01"})
    void fecha_nacimiento_outside_1000_to_9999_is_422_on_create_and_nothing_is_written(String fecha) {
        Map<String, Long> before = counts();

        JsonNode body = refused(post(newUser("\"fecha@cmep.local\"", "\"Nuevo\"", "\"" + fecha + "\"")));

        assertThat(details(body)).containsExactly("fecha_nacimiento: " + RANGO);
        assertThat(counts()).isEqualTo(before);
    }

    @ParameterizedTest
    @ValueSource(strings = {"+10000-01-01", "-0001-01-01", "0999-12-31"})
    void fecha_nacimiento_outside_1000_to_9999_is_422_on_patch_and_the_persona_is_unchanged(String fecha) {
        List<String> before = gestor();

        JsonNode body = refused(patch(GESTOR, "{\"nombres\": \"Otro\", \"fecha_nacimiento\": \"" + fecha + "\"}"));

        assertThat(details(body)).containsExactly("fecha_nacimiento: " + RANGO);
        assertThat(gestor()).isEqualTo(before);
    }

    private static String newUser(String email, String nombres, String fechaNacimiento) {
        return "{\"user_email\": " + email + ", \"password\": \"secreto123\", \"nombres\": " + nombres
                + ", \"apellidos\": \"Usuario\", \"tipo_documento\": \"DNI\", \"numero_documento\": \"49999002\", "
                + "\"fecha_nacimiento\": " + fechaNacimiento + ", \"roles\": [\"GESTOR\"]}";
    }

    private WebTestClient.ResponseSpec post(String body) {
        return client.post().uri("/admin/usuarios").contentType(MediaType.APPLICATION_JSON)
                .cookie(SessionCookies.NAME, admin).bodyValue(body).exchange();
    }

    private WebTestClient.ResponseSpec patch(int userId, String body) {
        return client.patch().uri("/admin/usuarios/" + userId).contentType(MediaType.APPLICATION_JSON)
                .cookie(SessionCookies.NAME, admin).bodyValue(body).exchange();
    }

    private static JsonNode refused(WebTestClient.ResponseSpec response) {
        JsonNode body = JSON.readTree(response.expectStatus().isEqualTo(422).expectBody().returnResult()
                .getResponseBody());
        assertThat(body.get("ok").booleanValue()).isFalse();
        assertThat(body.at("/error/code").asString()).isEqualTo("VALIDATION_ERROR");
        return body;
    }

    private static List<String> details(JsonNode body) {
        List<String> out = new ArrayList<>();
        body.at("/error/details").forEach(d -> out.add(d.get("field").asString() + ": " + d.get("message").asString()));
        return out;
    }

    /** The gestor's persona and user rows as text. */
    private List<String> gestor() {
        List<String> rows = new ArrayList<>();
        for (String sql : List.of("SELECT * FROM personas WHERE persona_id = " + GESTOR,
                "SELECT * FROM users WHERE user_id = " + GESTOR)) {
            rows.addAll(db.sql(sql).map((row, meta) -> {
                StringBuilder text = new StringBuilder();
                meta.getColumnMetadatas().forEach(c -> text.append(c.getName()).append('=')
                        .append(row.get(c.getName())).append(';'));
                return text.toString();
            }).all().collectList().block());
        }
        return rows;
    }

    private Map<String, Long> counts() {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String table : List.of("personas", "users", "user_role", "empleado", "medico_extra")) {
            counts.put(table, count("SELECT COUNT(*) FROM " + table));
        }
        return counts;
    }
}
