package pe.cmep.gateway.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import pe.cmep.gateway.auth.SessionCookies;
import pe.cmep.gateway.support.ApiIntegrationTest;

/** A path segment with {@code ;} is not an id (api.md §0: ids are integers), however WebFlux splits it. */
class MatrixParametersIT extends ApiIntegrationTest {

    private String admin;
    private int solicitudId;

    @BeforeEach
    void solicitud() {
        admin = SessionCookies.NAME + "=" + login("admin@cmep.local", "admin123");
        solicitudId = client.post().uri("/solicitudes").header(HttpHeaders.COOKIE, admin)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"cliente\": {\"tipo_documento\": \"DNI\", \"numero_documento\": \"47000001\", "
                        + "\"nombres\": \"Rosa\", \"apellidos\": \"Quispe\"}}")
                .exchange().expectStatus().isOk()
                .expectBody(tools.jackson.databind.JsonNode.class).returnResult().getResponseBody()
                .get("data").get("solicitud_id").intValue();
    }

    @Test
    void get_of_an_id_with_a_semicolon_is_422_not_the_plain_id() {
        client.get().uri("/solicitudes/" + solicitudId + ";").header(HttpHeaders.COOKIE, admin)
                .exchange()
                .expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.error.details[0].field").isEqualTo("solicitud_id");
    }

    @Test
    void delete_of_an_id_with_a_semicolon_is_422_and_deletes_nothing() {
        client.delete().uri("/solicitudes/" + solicitudId + ";").header(HttpHeaders.COOKIE, admin)
                .exchange()
                .expectStatus().isEqualTo(422);
        client.delete().uri("/solicitudes/" + solicitudId + ";x=1").header(HttpHeaders.COOKIE, admin)
                .exchange()
                .expectStatus().isEqualTo(422);

        assertThat(count("SELECT COUNT(*) FROM solicitud_cmep WHERE solicitud_id = " + solicitudId)).isEqualTo(1);
    }

    @Test
    void an_unknown_id_with_matrix_parameters_is_422_like_any_other_non_integer() {
        client.get().uri("/solicitudes/99999;x").header(HttpHeaders.COOKIE, admin)
                .exchange()
                .expectStatus().isEqualTo(422);
        client.get().uri("/archivos/1;x").header(HttpHeaders.COOKIE, admin)
                .exchange()
                .expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.error.details[0].field").isEqualTo("archivo_id");
        client.get().uri("/promotores/1;").header(HttpHeaders.COOKIE, admin)
                .exchange()
                .expectStatus().isEqualTo(422);
    }

    @Test
    void a_fixed_segment_with_a_semicolon_is_no_route() {
        client.get().uri("/solicitudes;x").header(HttpHeaders.COOKIE, admin)
                .exchange()
                .expectStatus().isNotFound()
                .expectBody().jsonPath("$.error.code").isEqualTo("NOT_FOUND");
    }

    @Test
    void without_a_session_it_is_still_401_first() {
        client.get().uri("/solicitudes/" + solicitudId + ";")
                .exchange()
                .expectStatus().isUnauthorized();
    }
}
