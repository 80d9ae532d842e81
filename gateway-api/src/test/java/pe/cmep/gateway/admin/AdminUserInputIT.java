package pe.cmep.gateway.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import pe.cmep.gateway.auth.SessionCookies;
import pe.cmep.gateway.support.ApiIntegrationTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * POST and PATCH /admin/usuarios refuse what the columns cannot hold or what would let a look-alike e-mail through:
 * dates outside 1000-01-01..9999-12-31, text that is not valid Unicode, login and contact e-mails with control,
 * format or non-ASCII characters. Each is a 422 on its field and the request writes nothing.
 */
class AdminUserInputIT extends ApiIntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String RANGO = "Debe ser una fecha entre 1000-01-01 y 9999-12-31";
    private static final String UNICODE = "Debe ser texto Unicode valido";
    private static final String ASCII = "Debe contener solo caracteres ASCII imprimibles";
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

    /** Each of these folds to {@code gestor@cmep.local} under the column's utf8mb4_unicode_ci. */
    @ParameterizedTest
    @ValueSource(strings = {"gestor@cmep.local\\u00a0", "gestor@cmep.local\\u200b", "gestor\\uff20cmep.local",
            "ges\\u00adtor@cmep.local", "ges\\u0007tor@cmep.local", "\\uff47estor@cmep.local", "jos\\u00e9@cmep.local"})
    void a_login_email_with_control_format_or_non_ascii_characters_is_422_and_no_user_is_created(String email) {
        Map<String, Long> before = counts();

        JsonNode body = refused(post(newUser("\"" + email + "\"", "\"Nuevo\"", "null")));

        assertThat(details(body)).containsExactly("user_email: " + ASCII);
        assertThat(counts()).isEqualTo(before);
    }

    @ParameterizedTest
    @ValueSource(strings = {"gina@cmep.local\\u200b", "gina\\uff20cmep.local", "gi\\u0001na@cmep.local"})
    void a_contact_email_with_control_format_or_non_ascii_characters_is_422_on_patch(String email) {
        List<String> before = gestor();

        JsonNode body = refused(patch(GESTOR, "{\"email\": \"" + email + "\"}"));

        assertThat(details(body)).containsExactly("email: " + ASCII);
        assertThat(gestor()).isEqualTo(before);
    }

    /**
     * A user created before this rule may hold a look-alike e-mail; a new user whose e-mail folds onto it under the
     * column's collation is the 409 of a taken e-mail (the unique index would refuse it too), never a 500.
     */
    @Test
    void a_new_email_equal_to_an_older_look_alike_under_the_column_collation_is_409() {
        execute("INSERT INTO personas (tipo_documento, numero_documento, nombres, apellidos) "
                + "VALUES ('DNI', '49999001', 'Vieja', 'Cuenta')");
        execute("INSERT INTO users (persona_id, password_hash, user_email, estado) SELECT persona_id, 'x', "
                + "CONCAT('vieja@cmep.local', _utf8mb4 0xE2808B), 'ACTIVO' FROM personas WHERE numero_documento = '49999001'");
        Map<String, Long> before = counts();

        WebTestClient.ResponseSpec response = post(newUser("\"vieja@cmep.local\"", "\"Nueva\"", "null"));

        JsonNode body = JSON.readTree(response.expectStatus().isEqualTo(409).expectBody().returnResult()
                .getResponseBody());
        assertThat(body.at("/error/message").asString()).isEqualTo("Ya existe un usuario con ese email");
        assertThat(counts()).isEqualTo(before);
    }

    @Test
    void a_lone_surrogate_in_any_text_is_422_on_create_and_nothing_is_written() {
        Map<String, Long> before = counts();

        assertThat(details(refused(post(newUser("\"lone@cmep.local\"", "\"Ros\\ud800a\"", "null")))))
                .containsExactly("nombres: " + UNICODE);
        assertThat(details(refused(post(newUser("\"lo\\udc00ne@cmep.local\"", "\"Rosa\"", "null")))))
                .containsExactly("user_email: " + UNICODE);
        assertThat(details(refused(post("{\"user_email\": \"lone@cmep.local\", \"password\": \"secreto\\ud800123\", "
                + "\"nombres\": \"Rosa\", \"apellidos\": \"Paz\", \"tipo_documento\": \"DNI\", "
                + "\"numero_documento\": \"49999002\", \"roles\": [\"GESTOR\"]}"))))
                .containsExactly("password: " + UNICODE);
        assertThat(details(refused(post("{\"user_email\": \"lone@cmep.local\", \"password\": \"secreto123\", "
                + "\"nombres\": \"Rosa\", \"apellidos\": \"Paz\", \"tipo_documento\": \"DNI\", "
                + "\"numero_documento\": \"49999002\", \"roles\": [\"GESTOR\\ud800\"]}"))))
                .containsExactly("roles: " + UNICODE);
        assertThat(counts()).isEqualTo(before);
    }

    @ParameterizedTest
    @ValueSource(strings = {"nombres", "direccion", "comentario", "telefono", "numero_documento"})
    void a_lone_surrogate_in_any_text_is_422_on_patch_and_the_persona_is_unchanged(String field) {
        List<String> before = gestor();

        JsonNode body = refused(patch(GESTOR, "{\"" + field + "\": \"4000\\udbff0003\"}"));

        assertThat(details(body)).containsExactly(field + ": " + UNICODE);
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
