package pe.cmep.gateway.support;

import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
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
import pe.cmep.localstack.UsesTestBackend;

/**
 * Integration tests over HTTP against real servers: the embedded MariaDB, ElasticMQ and S3Proxy, or LocalStack and
 * MySQL 8 with {@code -Dcmep.test.backend=localstack}. Each test class starts from the dev seed of domain.md §9.1.
 */
@UsesTestBackend
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient(timeout = "30s")
@ActiveProfiles("test")
public abstract class ApiIntegrationTest {

    private static final Set<Class<?>> SEEDED = new HashSet<>();

    @Autowired
    protected WebTestClient client;

    @Autowired
    protected DatabaseClient db;

    @Autowired
    protected DevSeed devSeed;

    @DynamicPropertySource
    static void testBackend(DynamicPropertyRegistry registry) {
        BackendProperties.register(registry, BackendProperties.DATABASE);
    }

    @BeforeEach
    void seedOncePerClass() {
        synchronized (SEEDED) {
            if (SEEDED.add(getClass())) {
                devSeed.reset().block(Duration.ofMinutes(1));
            }
        }
    }

    /** Logs in and returns the session id from the cookie. */
    protected String login(String email, String password) {
        return client.post().uri("/auth/login")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("email", email, "password", password))
                .exchange()
                .expectStatus().isOk()
                .returnResult(String.class)
                .getResponseCookies().getFirst(SessionCookies.NAME).getValue();
    }

    protected Long count(String sql) {
        return db.sql(sql).map((row, meta) -> ((Number) row.get(0)).longValue()).one().block();
    }

    protected void execute(String sql) {
        db.sql(sql).then().block();
    }
}
