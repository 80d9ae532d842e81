package pe.cmep.gateway.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import pe.cmep.gateway.support.StandInProperties;
import pe.cmep.localstack.StandIns;
import pe.cmep.localstack.StandInsSettings;

/** Its own database server, so stopping it disturbs no other test. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient(timeout = "30s")
@ActiveProfiles("test")
class HealthWithDatabaseStoppedTest {

    private static final StandIns STAND_INS = StandIns.start(new StandInsSettings(
            Path.of("target/stand-ins-health"), 0, 0, 0, List.of("cmep_health")));

    @Autowired
    WebTestClient client;

    @DynamicPropertySource
    static void standIns(DynamicPropertyRegistry registry) {
        StandInProperties.register(registry, STAND_INS, "cmep_health");
    }

    @AfterAll
    static void stop() {
        STAND_INS.close();
    }

    @Test
    void health_is_503_while_the_database_is_stopped_and_recovers_when_it_is_back() {
        client.get().uri("/health").exchange().expectStatus().isOk();

        STAND_INS.stopDatabase();
        try {
            client.mutate().responseTimeout(Duration.ofSeconds(15)).build()
                    .get().uri("/health")
                    .exchange()
                    .expectStatus().isEqualTo(503)
                    .expectBody()
                    .jsonPath("$.ok").isEqualTo(false)
                    .jsonPath("$.status").isEqualTo("unhealthy")
                    .jsonPath("$.error.code").isEqualTo("SERVICE_UNAVAILABLE");
            client.mutate().responseTimeout(Duration.ofSeconds(15)).build()
                    .post().uri("/auth/login")
                    .contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(Map.of("email", "admin@cmep.local", "password", "admin123"))
                    .exchange()
                    .expectStatus().isEqualTo(503)
                    .expectBody()
                    .jsonPath("$.ok").isEqualTo(false)
                    .jsonPath("$.error.code").isEqualTo("SERVICE_UNAVAILABLE");
        } finally {
            STAND_INS.startDatabase();
        }

        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        int status = 0;
        while (status != 200 && System.nanoTime() < deadline) {
            status = client.get().uri("/health").exchange().returnResult(String.class).getStatus().value();
        }
        assertThat(status).as("health after the database restarted").isEqualTo(200);
    }
}
