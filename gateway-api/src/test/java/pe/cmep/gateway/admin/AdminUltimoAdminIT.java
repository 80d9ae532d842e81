package pe.cmep.gateway.admin;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import pe.cmep.gateway.auth.SessionCookies;
import pe.cmep.gateway.support.ApiIntegrationTest;

/** Self-suspension and the last active ADMIN (domain.md §6.4, §10 #18 #26 #27). */
class AdminUltimoAdminIT extends ApiIntegrationTest {

    private WebTestClient.ResponseSpec patch(String session, int userId, Object body) {
        return client.patch().uri("/admin/usuarios/" + userId).contentType(MediaType.APPLICATION_JSON)
                .cookie(SessionCookies.NAME, session).bodyValue(body).exchange();
    }

    @Test
    void last_active_admin_rules_and_self_suspension() {
        String admin = login("admin@cmep.local", "admin123");
        patch(admin, 1, Map.of("is_active", false)).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.error.code").isEqualTo("BAD_REQUEST")
                .jsonPath("$.error.message").isEqualTo("No puedes suspenderte a ti mismo");
        patch(admin, 1, Map.of("roles", List.of("OPERADOR"))).expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.error.code").isEqualTo("CONFLICT")
                .jsonPath("$.error.message").isEqualTo("Debe quedar al menos un ADMIN activo");

        // a second admin, then suspended: user 1 is still the only active one
        byte[] created = client.post().uri("/admin/usuarios").contentType(MediaType.APPLICATION_JSON)
                .cookie(SessionCookies.NAME, admin)
                .bodyValue(Map.of("user_email", "admin2@cmep.local", "password", "segundo123", "nombres", "Segundo",
                        "apellidos", "Admin", "tipo_documento", "PASAPORTE", "numero_documento", "P80000001",
                        "roles", List.of("ADMIN")))
                .exchange().expectStatus().isCreated().expectBody().returnResult().getResponseBody();
        int second = tools.jackson.databind.json.JsonMapper.builder().build().readTree(created)
                .get("data").get("user_id").asInt();
        String secondSession = login("admin2@cmep.local", "segundo123");
        patch(admin, second, Map.of("is_active", false)).expectStatus().isOk();
        patch(admin, 1, Map.of("roles", List.of("ADMIN", "GESTOR"))).expectStatus().isOk();
        patch(admin, 1, Map.of("roles", List.of("GESTOR"))).expectStatus().isEqualTo(409);

        // reactivated: now either may lose the role, but not both
        patch(admin, second, Map.of("is_active", true)).expectStatus().isOk();
        secondSession = login("admin2@cmep.local", "segundo123");
        patch(secondSession, 1, Map.of("roles", List.of("GESTOR"))).expectStatus().isOk()
                .expectBody().jsonPath("$.data.roles").isEqualTo(List.of("GESTOR"));
        patch(secondSession, second, Map.of("roles", List.of("MEDICO"))).expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.error.message").isEqualTo("Debe quedar al menos un ADMIN activo");
        patch(secondSession, 1, Map.of("roles", List.of("ADMIN"))).expectStatus().isOk();
        patch(secondSession, 1, Map.of("is_active", false)).expectStatus().isOk();
        // user 1 suspended: their session is gone, and the last active admin (second) cannot be suspended by anyone
        client.get().uri("/auth/me").cookie(SessionCookies.NAME, admin).exchange().expectStatus().isUnauthorized();
        patch(secondSession, 1, Map.of("is_active", true)).expectStatus().isOk();
        admin = login("admin@cmep.local", "admin123");
        patch(admin, second, Map.of("is_active", false)).expectStatus().isOk();
        patch(admin, 1, Map.of("roles", List.of("MEDICO"))).expectStatus().isEqualTo(409);
    }
}
