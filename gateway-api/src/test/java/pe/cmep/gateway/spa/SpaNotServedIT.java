package pe.cmep.gateway.spa;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import pe.cmep.gateway.support.ApiIntegrationTest;

/** Without {@code cmep.spa.dir} (production: CloudFront serves the app) the API answers every path itself. */
class SpaNotServedIT extends ApiIntegrationTest {

    @ParameterizedTest
    @ValueSource(strings = {"/", "/login", "/app/solicitudes/5", "/index.html", "/assets/index.js"})
    void a_browser_navigation_is_the_404_envelope(String path) {
        client.get().uri(path).header(HttpHeaders.ACCEPT, SpaServingIT.NAVIGATION)
                .exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
                .expectBody().jsonPath("$.error.code").isEqualTo("NOT_FOUND");
    }
}
