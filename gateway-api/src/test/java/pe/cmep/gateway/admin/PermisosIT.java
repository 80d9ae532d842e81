package pe.cmep.gateway.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import pe.cmep.gateway.auth.SessionCookies;
import pe.cmep.gateway.support.ApiIntegrationTest;

class PermisosIT extends ApiIntegrationTest {

    @Test
    void admin_reads_the_whole_matrix_of_domain_section_4_1_in_matrix_order() {
        String session = login("admin@cmep.local", "admin123");
        client.get().uri("/admin/permisos").cookie(SessionCookies.NAME, session)
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.ok").isEqualTo(true)
                .jsonPath("$.data.length()").isEqualTo(4)
                .jsonPath("$.data.ADMIN.length()").isEqualTo(6)
                .jsonPath("$.data.ADMIN.REGISTRADO").isEqualTo(List.of("EDITAR_DATOS", "ASIGNAR_GESTOR",
                        "CAMBIAR_GESTOR", "CAMBIAR_MEDICO", "CANCELAR"))
                .jsonPath("$.data.ADMIN.ASIGNADO_GESTOR").isEqualTo(List.of("EDITAR_DATOS", "CAMBIAR_GESTOR",
                        "REGISTRAR_PAGO", "CAMBIAR_MEDICO", "CANCELAR"))
                .jsonPath("$.data.ADMIN.CERRADO").isEqualTo(List.of("OVERRIDE"))
                .jsonPath("$.data.ADMIN.CANCELADO").isEqualTo(List.of("OVERRIDE"))
                .jsonPath("$.data.OPERADOR.CERRADO").isEqualTo(List.of())
                .jsonPath("$.data.GESTOR.PAGADO").isEqualTo(List.of("EDITAR_DATOS", "CAMBIAR_GESTOR",
                        "ASIGNAR_MEDICO", "CAMBIAR_MEDICO", "CANCELAR"))
                .jsonPath("$.data.MEDICO.ASIGNADO_MEDICO").isEqualTo(List.of("EDITAR_DATOS", "CAMBIAR_GESTOR",
                        "CAMBIAR_MEDICO", "CERRAR", "CANCELAR"))
                .jsonPath("$.data.MEDICO.CANCELADO").isEqualTo(List.of());
    }

    @Test
    void roles_and_estados_come_in_the_order_of_the_spec() {
        String session = login("admin@cmep.local", "admin123");
        String body = client.get().uri("/admin/permisos").cookie(SessionCookies.NAME, session)
                .exchange()
                .expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(body).containsSubsequence("\"ADMIN\":", "\"OPERADOR\":", "\"GESTOR\":", "\"MEDICO\":");
        String admin = body.substring(body.indexOf("\"ADMIN\":"), body.indexOf("\"OPERADOR\":"));
        assertThat(admin).containsSubsequence("\"REGISTRADO\":", "\"ASIGNADO_GESTOR\":", "\"PAGADO\":",
                "\"ASIGNADO_MEDICO\":", "\"CERRADO\":", "\"CANCELADO\":");
    }

    @ParameterizedTest
    @CsvSource({"operador@cmep.local, operador123", "gestor@cmep.local, gestor123", "medico@cmep.local, medico123"})
    void anyone_but_an_admin_is_403(String email, String password) {
        client.get().uri("/admin/permisos").cookie(SessionCookies.NAME, login(email, password))
                .exchange()
                .expectStatus().isForbidden()
                .expectBody()
                .jsonPath("$.ok").isEqualTo(false)
                .jsonPath("$.error.code").isEqualTo("FORBIDDEN")
                .jsonPath("$.error.message").isEqualTo("Solo ADMIN puede acceder a esta funcion");
    }

    @Test
    void without_a_session_it_is_401() {
        client.get().uri("/admin/permisos")
                .exchange()
                .expectStatus().isUnauthorized()
                .expectBody()
                .jsonPath("$.error.code").isEqualTo("UNAUTHENTICATED")
                .jsonPath("$.error.message").isEqualTo("No autenticado");
    }
}
