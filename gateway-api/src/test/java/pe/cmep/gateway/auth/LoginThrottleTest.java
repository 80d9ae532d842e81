package pe.cmep.gateway.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import pe.cmep.gateway.support.ApiIntegrationTest;

class LoginThrottleTest extends ApiIntegrationTest {

    @BeforeEach
    void forgetFailedLogins() {
        execute("DELETE FROM login_failure");
    }

    @Test
    void five_failures_block_the_account_with_429_and_retry_after_even_for_the_right_password() {
        for (int i = 0; i < 5; i++) {
            attempt("gestor@cmep.local", "wrong-" + i).expectStatus().isUnauthorized();
        }
        String retryAfter = attempt("gestor@cmep.local", "gestor123")
                .expectStatus().isEqualTo(429)
                .expectBody()
                .jsonPath("$.ok").isEqualTo(false)
                .jsonPath("$.error.code").isEqualTo("RATE_LIMITED")
                .jsonPath("$.error.message").value(m -> assertThat((String) m)
                        .startsWith("Demasiados intentos fallidos. Intente de nuevo en ").endsWith(" segundos."))
                .returnResult().getResponseHeaders().getFirst("Retry-After");
        assertThat(Long.parseLong(retryAfter)).isBetween(1L, 15 * 60L);
        assertThat(count("SELECT COUNT(*) FROM sessions WHERE user_id = 3")).isZero();
    }

    @Test
    void the_account_block_does_not_count_attempts_it_refuses() {
        for (int i = 0; i < 5; i++) {
            attempt("medico@cmep.local", "wrong").expectStatus().isUnauthorized();
        }
        for (int i = 0; i < 3; i++) {
            attempt("medico@cmep.local", "wrong").expectStatus().isEqualTo(429);
        }
        assertThat(count("SELECT COUNT(*) FROM login_failure WHERE scope = 'ACCOUNT' AND scope_key = 'medico@cmep.local'"))
                .isEqualTo(5);
    }

    @Test
    void the_account_unblocks_when_the_window_has_passed() {
        for (int i = 0; i < 5; i++) {
            attempt("operador@cmep.local", "wrong").expectStatus().isUnauthorized();
        }
        attempt("operador@cmep.local", "operador123").expectStatus().isEqualTo(429);
        execute("UPDATE login_failure SET failed_at = failed_at - INTERVAL 16 MINUTE");
        attempt("operador@cmep.local", "operador123").expectStatus().isOk();
    }

    @Test
    void a_successful_login_clears_the_account_counter() {
        for (int i = 0; i < 4; i++) {
            attempt("admin@cmep.local", "wrong").expectStatus().isUnauthorized();
        }
        attempt("admin@cmep.local", "admin123").expectStatus().isOk();
        for (int i = 0; i < 4; i++) {
            attempt("admin@cmep.local", "wrong").expectStatus().isUnauthorized();
        }
        attempt("admin@cmep.local", "admin123").expectStatus().isOk();
    }

    @Test
    void thirty_failures_from_one_address_block_every_account_from_it() {
        for (int i = 0; i < 30; i++) {
            attempt("spray-" + i + "@cmep.local", "guess").expectStatus().isUnauthorized();
        }
        attempt("admin@cmep.local", "admin123")
                .expectStatus().isEqualTo(429)
                .expectHeader().exists("Retry-After");
    }

    private WebTestClient.ResponseSpec attempt(String email, String password) {
        return client.post().uri("/auth/login")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("email", email, "password", password))
                .exchange();
    }
}
