package pe.cmep.gateway.health;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import pe.cmep.gateway.auth.SessionCookies;
import pe.cmep.gateway.seed.DevSeed;
import pe.cmep.localstack.EmbeddedBackendOnly;
import pe.cmep.localstack.StandIns;
import pe.cmep.localstack.StandInsSettings;
import reactor.core.publisher.Flux;

/**
 * What the API does while its database is down, restarted or empty. Its own database server, so no other test
 * notices. The outbox relay is off: its polls would otherwise clear dead connections out of the pool before a test
 * request meets them, hiding what a request finds in an instance without the relay ({@code CMEP_OUTBOX_ENABLED=false}).
 */
@EmbeddedBackendOnly("stops and starts a MariaDB stand-in of its own; the containers offer no such control")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "cmep.outbox.enabled=false")
@AutoConfigureWebTestClient(timeout = "30s")
@ActiveProfiles("test")
class DatabaseOutageIT {

    private static final String DATABASE = "cmep_health";
    private static final StandIns STAND_INS = StandIns.start(new StandInsSettings(
            Path.of("target/stand-ins-health"), 0, 0, 0, List.of(DATABASE)));

    @Autowired
    WebTestClient client;

    @Autowired
    DatabaseClient db;

    @Autowired
    DevSeed devSeed;

    @Autowired
    Flyway flyway;

    @DynamicPropertySource
    static void standIns(DynamicPropertyRegistry registry) {
        STAND_INS.springProperties(DATABASE).forEach((key, value) -> registry.add(key, () -> value));
    }

    @AfterAll
    static void stop() {
        STAND_INS.close();
    }

    @BeforeEach
    void seed() {
        devSeed.ensure().block(Duration.ofMinutes(1));
    }

    @Test
    void health_is_503_while_the_database_is_stopped_and_recovers_when_it_is_back() {
        client.get().uri("/health").exchange().expectStatus().isOk();

        STAND_INS.stopDatabase();
        try {
            expectUnhealthy(client.mutate().responseTimeout(Duration.ofSeconds(15)).build());
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

        Awaitility.await("health after the database restarted").atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ZERO)
                .until(() -> client.get().uri("/health").exchange().returnResult(String.class).getStatus().value() == 200);
    }

    @Test
    void requests_are_served_again_as_soon_as_a_restarted_database_is_back() {
        String session = login();
        // several idle connections in the pool, as an API in use holds them
        Flux.range(0, 6).flatMap(i -> db.sql("SELECT SLEEP(0.2)").fetch().rowsUpdated(), 6).blockLast();

        STAND_INS.stopDatabase();
        STAND_INS.startDatabase();

        client.get().uri("/auth/me").cookie(SessionCookies.NAME, session)
                .exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.data.user.user_email").isEqualTo("admin@cmep.local");
        client.get().uri("/health").exchange().expectStatus().isOk();
    }

    @Test
    void health_is_503_while_the_newest_migration_of_this_build_has_not_succeeded() {
        db.sql("UPDATE flyway_schema_history SET success = 0 ORDER BY installed_rank DESC LIMIT 1").then().block();
        try {
            expectUnhealthy(client);
        } finally {
            db.sql("UPDATE flyway_schema_history SET success = 1 WHERE success = 0").then().block();
        }

        client.get().uri("/health").exchange().expectStatus().isOk();
    }

    @Test
    void health_is_503_when_the_database_comes_back_empty() {
        dropEveryTable();
        try {
            expectUnhealthy(client);
        } finally {
            flyway.migrate();
        }

        client.get().uri("/health").exchange().expectStatus().isOk();
    }

    private String login() {
        return client.post().uri("/auth/login")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("email", "admin@cmep.local", "password", "admin123"))
                .exchange()
                .expectStatus().isOk()
                .returnResult(String.class)
                .getResponseCookies().getFirst(SessionCookies.NAME).getValue();
    }

    private static void expectUnhealthy(WebTestClient client) {
        client.get().uri("/health")
                .exchange()
                .expectStatus().isEqualTo(503)
                .expectBody()
                .jsonPath("$.ok").isEqualTo(false)
                .jsonPath("$.status").isEqualTo("unhealthy")
                .jsonPath("$.error.code").isEqualTo("SERVICE_UNAVAILABLE");
    }

    /** The database as a wiped server re-creates it: there, but without a single table. */
    private void dropEveryTable() {
        List<String> tables = db.sql("SELECT table_name FROM information_schema.tables WHERE table_schema = DATABASE()")
                .map((row, meta) -> row.get(0, String.class)).all().collectList().block();
        db.inConnection(connection -> Flux.concat(
                        Flux.from(connection.createStatement("SET FOREIGN_KEY_CHECKS = 0").execute()),
                        Flux.fromIterable(tables).concatMap(t -> connection.createStatement("DROP TABLE `" + t + "`")
                                .execute()),
                        Flux.from(connection.createStatement("SET FOREIGN_KEY_CHECKS = 1").execute()))
                .flatMap(result -> result.getRowsUpdated()).then())
                .block();
    }
}
