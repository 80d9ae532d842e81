package pe.cmep.gateway.health;

import org.junit.jupiter.api.Test;
import pe.cmep.gateway.support.ApiIntegrationTest;

class HealthIT extends ApiIntegrationTest {

    @Test
    void health_is_ok_while_the_database_answers() {
        client.get().uri("/health")
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.ok").isEqualTo(true)
                .jsonPath("$.status").isEqualTo("healthy");
    }

    @Test
    void version_returns_app_version() {
        client.get().uri("/version")
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.ok").isEqualTo(true)
                .jsonPath("$.version").isEqualTo("0.1.0");
    }
}
