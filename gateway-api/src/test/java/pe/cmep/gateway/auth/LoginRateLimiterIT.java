package pe.cmep.gateway.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import pe.cmep.gateway.support.ApiIntegrationTest;

/** With a refresh period of an hour, the 20 permits of the login limiter are all this test gets. */
@TestPropertySource(properties = "resilience4j.ratelimiter.instances.login.limit-refresh-period=1h")
class LoginRateLimiterIT extends ApiIntegrationTest {

    @Test
    void the_instance_wide_limiter_answers_429_once_its_permits_are_used() {
        execute("DELETE FROM login_failure");
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            client.post().uri("/auth/login")
                    .contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(Map.of("email", "x" + i + "@cmep.local", "password", "whatever"))
                    .exchange()
                    .expectStatus().value(statuses::add);
        }
        assertThat(statuses.subList(0, 20)).containsOnly(401);
        assertThat(statuses.subList(20, 24)).containsOnly(429);
        // refused by the limiter, so neither checked nor counted
        assertThat(count("SELECT COUNT(*) FROM login_failure WHERE scope = 'ADDRESS'")).isEqualTo(20);
    }
}
