package pe.cmep.gateway.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import pe.cmep.gateway.support.ApiIntegrationTest;

class SessionLifecycleIT extends ApiIntegrationTest {

    @AfterEach
    void reactivateOperador() {
        execute("UPDATE users SET estado = 'ACTIVO' WHERE user_email = 'operador@cmep.local'");
    }

    @Test
    void me_with_a_valid_cookie_returns_the_session_user() {
        String id = login("operador@cmep.local", "operador123");
        client.get().uri("/auth/me").cookie(SessionCookies.NAME, id)
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.ok").isEqualTo(true)
                .jsonPath("$.data.user.user_id").isEqualTo(2)
                .jsonPath("$.data.user.display_name").isEqualTo("Ana Operadora")
                .jsonPath("$.data.user.roles[0]").isEqualTo("OPERADOR");
    }

    @Test
    void me_without_a_cookie_is_401_no_autenticado() {
        client.get().uri("/auth/me")
                .exchange()
                .expectStatus().isUnauthorized()
                .expectBody()
                .jsonPath("$.ok").isEqualTo(false)
                .jsonPath("$.error.code").isEqualTo("UNAUTHENTICATED")
                .jsonPath("$.error.message").isEqualTo("No autenticado");
    }

    @Test
    void me_with_an_unknown_or_malformed_cookie_is_401_sesion_invalida() {
        for (String value : List.of("0123456789abcdef0123456789abcdef", "not-a-session", "../../etc/passwd")) {
            client.get().uri("/auth/me").cookie(SessionCookies.NAME, value)
                    .exchange()
                    .expectStatus().isUnauthorized()
                    .expectBody()
                    .jsonPath("$.error.message").isEqualTo("Sesion invalida o expirada");
        }
    }

    @Test
    void logout_deletes_the_session_and_clears_the_cookie_then_me_is_401() {
        String id = login("gestor@cmep.local", "gestor123");
        long before = count("SELECT COUNT(*) FROM sessions");
        String setCookie = client.post().uri("/auth/logout").cookie(SessionCookies.NAME, id)
                .exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.ok").isEqualTo(true)
                .returnResult().getResponseHeaders().getFirst("Set-Cookie");
        assertThat(setCookie).startsWith("cmep_session=;").contains("Max-Age=0").contains("Path=/")
                .contains("HttpOnly").contains("SameSite=Lax").containsIgnoringCase("Expires=");
        assertThat(count("SELECT COUNT(*) FROM sessions")).isEqualTo(before - 1);
        client.get().uri("/auth/me").cookie(SessionCookies.NAME, id)
                .exchange()
                .expectStatus().isUnauthorized();
    }

    @Test
    void logout_without_a_session_is_401() {
        client.post().uri("/auth/logout").exchange()
                .expectStatus().isUnauthorized()
                .expectBody().jsonPath("$.error.code").isEqualTo("UNAUTHENTICATED");
    }

    @Test
    void an_expired_session_is_401_and_its_row_is_deleted() {
        String id = login("medico@cmep.local", "medico123");
        execute("UPDATE sessions SET expires_at = UTC_TIMESTAMP() - INTERVAL 1 MINUTE WHERE user_id = 4");
        long expired = count("SELECT COUNT(*) FROM sessions WHERE user_id = 4");
        client.get().uri("/auth/me").cookie(SessionCookies.NAME, id)
                .exchange()
                .expectStatus().isUnauthorized()
                .expectBody().jsonPath("$.error.message").isEqualTo("Sesion invalida o expirada");
        assertThat(count("SELECT COUNT(*) FROM sessions WHERE user_id = 4")).isEqualTo(expired - 1);
    }

    @Test
    void a_session_of_a_suspended_user_is_401_and_all_their_sessions_are_purged() {
        String first = login("operador@cmep.local", "operador123");
        login("operador@cmep.local", "operador123");
        execute("UPDATE users SET estado = 'SUSPENDIDO' WHERE user_id = 2");
        client.get().uri("/auth/me").cookie(SessionCookies.NAME, first)
                .exchange()
                .expectStatus().isUnauthorized()
                .expectBody().jsonPath("$.error.message").isEqualTo("Sesion invalida o expirada");
        assertThat(count("SELECT COUNT(*) FROM sessions WHERE user_id = 2")).isZero();
    }

    @Test
    void session_expiry_is_absolute_login_time_plus_the_configured_hours() {
        login("admin@cmep.local", "admin123");
        assertThat(count("SELECT COUNT(*) FROM sessions WHERE user_id = 1 "
                + "AND TIMESTAMPDIFF(SECOND, created_at, expires_at) = 24 * 3600")).isPositive();
    }

    @Test
    void the_cookie_lives_as_long_as_the_session() {
        String setCookie = client.post().uri("/auth/login")
                .contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                .bodyValue(java.util.Map.of("email", "admin@cmep.local", "password", "admin123"))
                .exchange()
                .expectStatus().isOk()
                .returnResult(String.class).getResponseHeaders().getFirst("Set-Cookie");
        assertThat(setCookie).contains("Max-Age=86400").contains("Path=/").contains("HttpOnly")
                .contains("SameSite=Lax").doesNotContain("Secure").doesNotContain("Domain");
    }
}
