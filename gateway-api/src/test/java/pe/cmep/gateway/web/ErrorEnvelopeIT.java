package pe.cmep.gateway.web;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import pe.cmep.gateway.support.ApiIntegrationTest;

class ErrorEnvelopeIT extends ApiIntegrationTest {

    @Test
    void unknown_route_is_404_in_the_envelope() {
        client.get().uri("/no/such/route")
                .exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
                .expectBody()
                .jsonPath("$.ok").isEqualTo(false)
                .jsonPath("$.error.code").isEqualTo("NOT_FOUND")
                .jsonPath("$.error.message").isNotEmpty();
    }

    @Test
    void unknown_route_is_404_even_without_a_session_and_with_a_browser_accept_header() {
        client.get().uri("/solicitudez")
                .accept(MediaType.TEXT_HTML)
                .exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
                .expectBody().jsonPath("$.error.code").isEqualTo("NOT_FOUND");
    }

    @Test
    void wrong_method_on_a_known_path_is_405_with_allow() {
        client.method(HttpMethod.DELETE).uri("/auth/login")
                .exchange()
                .expectStatus().isEqualTo(405)
                .expectHeader().valueMatches("Allow", ".*POST.*")
                .expectBody()
                .jsonPath("$.ok").isEqualTo(false)
                .jsonPath("$.error.code").isEqualTo("METHOD_NOT_ALLOWED");
    }

    @Test
    void oversized_json_body_is_413_solicitud_demasiado_grande() {
        String big = "{\"email\": \"" + "a".repeat(300 * 1024) + "\", \"password\": \"x\"}";
        client.post().uri("/auth/login")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(big)
                .exchange()
                .expectStatus().isEqualTo(413)
                .expectBody()
                .jsonPath("$.error.code").isEqualTo("PAYLOAD_TOO_LARGE")
                .jsonPath("$.error.message").isEqualTo("Solicitud demasiado grande");
    }

    @Test
    void a_body_in_another_content_type_is_still_read_as_json_or_refused_with_422() {
        client.post().uri("/auth/login")
                .contentType(MediaType.TEXT_PLAIN)
                .bodyValue("email=admin&password=admin123")
                .exchange()
                .expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.error.details[0].field").isEqualTo("body");
    }

    @Test
    void over_long_strings_are_422_not_500() {
        client.post().uri("/auth/login")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"email\": \"" + "a".repeat(256) + "\", \"password\": \"x\"}")
                .exchange()
                .expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.error.details[0].field").isEqualTo("email");
    }

    @Test
    void errors_to_a_listed_origin_carry_cors_headers() {
        client.get().uri("/auth/me")
                .header("Origin", "http://localhost:3000")
                .exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().valueEquals("Access-Control-Allow-Origin", "http://localhost:3000")
                .expectHeader().valueEquals("Access-Control-Allow-Credentials", "true");
        client.get().uri("/nowhere")
                .header("Origin", "http://localhost:3000")
                .exchange()
                .expectStatus().isNotFound()
                .expectHeader().valueEquals("Access-Control-Allow-Origin", "http://localhost:3000");
    }

    @Test
    void responses_to_an_unlisted_origin_carry_no_cors_headers() {
        client.get().uri("/version")
                .header("Origin", "https://evil.example")
                .exchange()
                .expectStatus().isOk()
                .expectHeader().doesNotExist("Access-Control-Allow-Origin");
    }

    @Test
    void preflight_from_a_listed_origin_echoes_origin_and_headers() {
        client.options().uri("/auth/login")
                .header("Origin", "http://localhost:3000")
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "content-type, x-requested-with")
                .exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals("Access-Control-Allow-Origin", "http://localhost:3000")
                .expectHeader().valueEquals("Access-Control-Allow-Credentials", "true")
                .expectHeader().valueMatches("Access-Control-Allow-Methods", ".*PATCH.*")
                .expectHeader().valueEquals("Access-Control-Allow-Headers", "content-type, x-requested-with")
                .expectHeader().valueEquals("Access-Control-Max-Age", "600");
    }

    @Test
    void preflight_from_an_unlisted_origin_is_403_without_cors_headers() {
        client.options().uri("/auth/login")
                .header("Origin", "https://evil.example")
                .header("Access-Control-Request-Method", "POST")
                .exchange()
                .expectStatus().isForbidden()
                .expectHeader().doesNotExist("Access-Control-Allow-Origin")
                .expectBody().jsonPath("$.error.code").isEqualTo("FORBIDDEN");
    }
}
