package pe.cmep.gateway.catalogo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import pe.cmep.gateway.auth.SessionCookies;
import pe.cmep.gateway.support.ApiIntegrationTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Text that is not valid Unicode (a lone UTF-16 surrogate) is refused by POST and PATCH /promotores. */
class PromotorTextoIT extends ApiIntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String UNICODE = "Debe ser texto Unicode valido";
    /** Promotor 1 of the seed (PERSONA, linked to a persona). */
    private static final int PROMOTOR = 1;

    private String session;

    @BeforeEach
    void logIn() {
        session = login("operador@cmep.local", "operador123");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            razon_social | {"tipo_promotor": "EMPRESA", "razon_social": "Clinica \\ud800 Norte"}
            email        | {"tipo_promotor": "EMPRESA", "razon_social": "Clinica Norte", "email": "a\\udfff@b.pe"}
            nombres      | {"tipo_promotor": "PERSONA", "nombres": "\\ud83d", "apellidos": "Paz"}
            comentario   | {"tipo_promotor": "OTROS", "nombre_promotor_otros": "Feria", "comentario": "x\\udc00"}
            """)
    void a_lone_surrogate_in_a_new_promotor_is_422_on_its_field_and_nothing_is_written(String field, String body) {
        long promotores = count("SELECT COUNT(*) FROM promotores");
        long personas = count("SELECT COUNT(*) FROM personas");

        JsonNode refused = refused(send(HttpMethod.POST, "/promotores", body));

        assertThat(details(refused)).contains(field + ": " + UNICODE);
        assertThat(count("SELECT COUNT(*) FROM promotores")).isEqualTo(promotores);
        assertThat(count("SELECT COUNT(*) FROM personas")).isEqualTo(personas);
    }

    @ParameterizedTest
    @ValueSource(strings = {"razon_social", "ruc", "email", "celular_1", "fuente_promotor", "comentario", "nombres",
            "apellidos"})
    void a_lone_surrogate_in_a_promotor_patch_is_422_on_its_field_and_nothing_changes(String field) {
        List<String> before = rows();

        JsonNode refused = refused(send(HttpMethod.PATCH, "/promotores/" + PROMOTOR,
                "{\"" + field + "\": \"Nue\\ud800vo\"}"));

        assertThat(details(refused)).containsExactly(field + ": " + UNICODE);
        assertThat(rows()).isEqualTo(before);
    }

    private WebTestClient.ResponseSpec send(HttpMethod method, String uri, String body) {
        return client.method(method).uri(uri).cookie(SessionCookies.NAME, session)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    private static JsonNode refused(WebTestClient.ResponseSpec response) {
        JsonNode body = JSON.readTree(response.expectStatus().isEqualTo(422).expectBody().returnResult()
                .getResponseBody());
        assertThat(body.at("/error/code").asString()).isEqualTo("VALIDATION_ERROR");
        return body;
    }

    private static List<String> details(JsonNode body) {
        List<String> out = new ArrayList<>();
        body.at("/error/details").forEach(d -> out.add(d.get("field").asString() + ": " + d.get("message").asString()));
        return out;
    }

    /** The promotor and its persona as text. */
    private List<String> rows() {
        return db.sql("SELECT pr.*, pe.* FROM promotores pr LEFT JOIN personas pe ON pe.persona_id = pr.persona_id "
                        + "WHERE pr.promotor_id = " + PROMOTOR)
                .map((row, meta) -> {
                    StringBuilder text = new StringBuilder();
                    meta.getColumnMetadatas().forEach(c -> text.append(c.getName()).append('=')
                            .append(row.get(c.getName())).append(';'));
                    return text.toString();
                }).all().collectList().block();
    }
}
