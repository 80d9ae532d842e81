package pe.cmep.gateway.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.IntFunction;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import pe.cmep.gateway.support.ApiIntegrationTest;

class LoginThrottleIT extends ApiIntegrationTest {

    @LocalServerPort
    int port;

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

    @Test
    void parallel_wrong_passwords_are_checked_five_times_and_the_rest_refused_unchecked() {
        List<Integer> statuses = inParallel(12, i -> "{\"email\": \"gestor@cmep.local\", \"password\": \"wrong-" + i + "\"}");

        assertThat(statuses).filteredOn(s -> s == 401).hasSize(5);
        assertThat(statuses).filteredOn(s -> s == 429).hasSize(7);
        assertThat(count("SELECT COUNT(*) FROM login_failure WHERE scope = 'ACCOUNT' AND scope_key = 'gestor@cmep.local'"))
                .isEqualTo(5);
    }

    /** As many logins at once as the account limit: each one's attempt is counted while it is checked. */
    @Test
    void parallel_logins_of_one_user_all_succeed_with_a_session_each() {
        execute("DELETE FROM sessions WHERE user_id = 4");

        List<Integer> statuses = inParallel(5, i -> "{\"email\": \"medico@cmep.local\", \"password\": \"medico123\"}");

        assertThat(statuses).containsOnly(200).hasSize(5);
        assertThat(count("SELECT COUNT(*) FROM sessions WHERE user_id = 4")).isEqualTo(5);
        assertThat(count("SELECT COUNT(*) FROM login_failure")).isZero();
    }

    /** Sends {@code n} logins at once, each on its own connection, and waits for every status. */
    private List<Integer> inParallel(int n, IntFunction<String> body) {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        List<CompletableFuture<HttpResponse<String>>> responses = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            responses.add(http.sendAsync(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/auth/login"))
                    .timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body.apply(i)))
                    .build(), HttpResponse.BodyHandlers.ofString()));
        }
        return responses.stream().map(CompletableFuture::join).map(HttpResponse::statusCode).toList();
    }

    private WebTestClient.ResponseSpec attempt(String email, String password) {
        return client.post().uri("/auth/login")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("email", email, "password", password))
                .exchange();
    }
}
