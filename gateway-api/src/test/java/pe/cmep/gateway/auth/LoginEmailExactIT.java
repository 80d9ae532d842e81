package pe.cmep.gateway.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.http.MediaType;
import pe.cmep.gateway.support.ApiIntegrationTest;

/**
 * The login e-mail is normalised (trim + lower-case, domain.md §6.1) and then compared exactly: text that only the
 * column's utf8mb4_unicode_ci folds onto a user's e-mail is an unknown e-mail.
 */
class LoginEmailExactIT extends ApiIntegrationTest {

    @BeforeEach
    void forgetFailedLogins() {
        execute("DELETE FROM login_failure");
    }

    /** The e-mails are JSON escapes, so the request carries exactly these characters. */
    @ParameterizedTest
    @ValueSource(strings = {"operador@cmep.local\\u00a0", "operador@cmep.local\\u200b", "\\u200boperador@cmep.local",
            "operador\\uff20cmep.local", "opera\\u00addor@cmep.local", "opera\\u0007dor@cmep.local",
            "\\uff4fperador@cmep.local", "OPERADOR\\uff20CMEP.LOCAL"})
    void an_email_that_only_folds_onto_a_user_s_email_is_401(String email) {
        long sessions = count("SELECT COUNT(*) FROM sessions");

        client.post().uri("/auth/login")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"email\": \"" + email + "\", \"password\": \"operador123\"}")
                .exchange()
                .expectStatus().isUnauthorized()
                .expectBody()
                .jsonPath("$.error.code").isEqualTo("UNAUTHENTICATED")
                .jsonPath("$.error.message").isEqualTo("Credenciales invalidas");

        assertThat(count("SELECT COUNT(*) FROM sessions")).isEqualTo(sessions);
    }

    @Test
    void the_normalised_email_still_logs_in() {
        client.post().uri("/auth/login")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"email\": \" \\tOperador@CMEP.Local\\n\", \"password\": \"operador123\"}")
                .exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.data.user.user_email").isEqualTo("operador@cmep.local");
    }

    /** The exact comparison costs no scan: the collation's equality still finds the row through the unique index. */
    @Test
    void the_credentials_lookup_still_reads_the_unique_email_index() {
        List<Map<String, Object>> plan = db.sql("EXPLAIN " + UserAccountRepository.CREDENTIALS)
                .bind("email", "operador@cmep.local")
                .fetch().all().collectList().block();

        assertThat(plan).hasSize(1);
        assertThat(plan.get(0).get("key")).as("%s", plan).isEqualTo("uq_users_email");
        assertThat(plan.get(0).get("type")).as("%s", plan).isIn("const", "eq_ref", "ref");
    }
}
