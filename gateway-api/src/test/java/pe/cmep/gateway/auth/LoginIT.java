package pe.cmep.gateway.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseCookie;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import pe.cmep.gateway.support.ApiIntegrationTest;

class LoginIT extends ApiIntegrationTest {

    @BeforeEach
    void forgetFailedLogins() {
        execute("DELETE FROM login_failure");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "admin@cmep.local,    admin123,    1, ADMIN,    Admin Sistema",
            "operador@cmep.local, operador123, 2, OPERADOR, Ana Operadora",
            "gestor@cmep.local,   gestor123,   3, GESTOR,   Carlos Gestor",
            "medico@cmep.local,   medico123,   4, MEDICO,   Maria Medico"})
    void every_active_seed_user_logs_in_and_gets_a_session_cookie(String email, String password, int userId,
                                                                 String role, String displayName) {
        EntityExchangeResult<byte[]> result = client.post().uri("/auth/login")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("email", email, "password", password))
                .exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
                .expectBody()
                .jsonPath("$.ok").isEqualTo(true)
                .jsonPath("$.data.user.user_id").isEqualTo(userId)
                .jsonPath("$.data.user.user_email").isEqualTo(email)
                .jsonPath("$.data.user.estado").isEqualTo("ACTIVO")
                .jsonPath("$.data.user.roles.length()").isEqualTo(1)
                .jsonPath("$.data.user.roles[0]").isEqualTo(role)
                .jsonPath("$.data.user.permissions_extra.length()").isEqualTo(0)
                .jsonPath("$.data.user.display_name").isEqualTo(displayName)
                .returnResult();
        ResponseCookie cookie = result.getResponseCookies().getFirst(SessionCookies.NAME);
        assertThat(cookie).isNotNull();
        assertThat(cookie.getValue()).matches("[0-9a-f]{32}");
        assertThat(cookie.isHttpOnly()).isTrue();
        assertThat(count("SELECT COUNT(*) FROM users WHERE user_id = " + userId + " AND last_login_at IS NOT NULL"))
                .isEqualTo(1);
    }

    @Test
    void suspended_user_with_the_right_password_is_403_and_gets_no_session() {
        long before = count("SELECT COUNT(*) FROM sessions");
        client.post().uri("/auth/login")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("email", "suspendido@cmep.local", "password", "suspendido123"))
                .exchange()
                .expectStatus().isForbidden()
                .expectHeader().doesNotExist("Set-Cookie")
                .expectBody()
                .jsonPath("$.ok").isEqualTo(false)
                .jsonPath("$.error.code").isEqualTo("FORBIDDEN")
                .jsonPath("$.error.message").isEqualTo("Usuario suspendido");
        assertThat(count("SELECT COUNT(*) FROM sessions")).isEqualTo(before);
    }

    @Test
    void wrong_password_is_401_credenciales_invalidas() {
        client.post().uri("/auth/login")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("email", "admin@cmep.local", "password", "admin124"))
                .exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().doesNotExist("Set-Cookie")
                .expectBody()
                .jsonPath("$.error.code").isEqualTo("UNAUTHENTICATED")
                .jsonPath("$.error.message").isEqualTo("Credenciales invalidas");
    }

    @Test
    void unknown_email_is_the_same_401_as_a_wrong_password() {
        client.post().uri("/auth/login")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("email", "nadie@cmep.local", "password", "admin123"))
                .exchange()
                .expectStatus().isUnauthorized()
                .expectBody()
                .jsonPath("$.error.message").isEqualTo("Credenciales invalidas");
    }

    @Test
    void email_is_trimmed_and_lower_cased_before_lookup() {
        client.post().uri("/auth/login")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("email", "  Admin@CMEP.local ", "password", "admin123"))
                .exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.data.user.user_email").isEqualTo("admin@cmep.local");
    }

    @Test
    void every_login_creates_a_new_session_and_keeps_the_others() {
        String first = login("gestor@cmep.local", "gestor123");
        String second = login("gestor@cmep.local", "gestor123");
        assertThat(first).isNotEqualTo(second);
        for (String id : new String[] {first, second}) {
            client.get().uri("/auth/me").cookie(SessionCookies.NAME, id).exchange().expectStatus().isOk();
        }
    }

    @Test
    void the_database_holds_only_the_keyed_hash_of_the_session_id() {
        String id = login("medico@cmep.local", "medico123");
        assertThat(count("SELECT COUNT(*) FROM sessions WHERE session_id = '" + id + "'")).isZero();
        assertThat(count("SELECT COUNT(*) FROM sessions WHERE LENGTH(session_id) = 64 AND user_id = 4")).isPositive();
    }

    @Test
    void missing_fields_are_422_with_one_detail_per_field() {
        client.post().uri("/auth/login")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{}")
                .exchange()
                .expectStatus().isEqualTo(422)
                .expectBody()
                .jsonPath("$.ok").isEqualTo(false)
                .jsonPath("$.error.code").isEqualTo("VALIDATION_ERROR")
                .jsonPath("$.error.details[0].field").isEqualTo("email")
                .jsonPath("$.error.details[1].field").isEqualTo("password");
    }

    @Test
    void wrong_types_and_explicit_nulls_are_422() {
        client.post().uri("/auth/login")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"email\": 42, \"password\": null}")
                .exchange()
                .expectStatus().isEqualTo(422)
                .expectBody()
                .jsonPath("$.error.details.length()").isEqualTo(2);
    }

    @Test
    void malformed_json_is_422_on_the_body_field() {
        client.post().uri("/auth/login")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"email\": \"admin@cmep.local\", ")
                .exchange()
                .expectStatus().isEqualTo(422)
                .expectBody()
                .jsonPath("$.error.code").isEqualTo("VALIDATION_ERROR")
                .jsonPath("$.error.details[0].field").isEqualTo("body");
    }

    @Test
    void a_json_array_or_an_empty_body_is_422() {
        client.post().uri("/auth/login").contentType(MediaType.APPLICATION_JSON).bodyValue("[1,2]")
                .exchange().expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.error.details[0].field").isEqualTo("body");
        client.post().uri("/auth/login").contentType(MediaType.APPLICATION_JSON)
                .exchange().expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.error.details[0].field").isEqualTo("body");
    }
}
