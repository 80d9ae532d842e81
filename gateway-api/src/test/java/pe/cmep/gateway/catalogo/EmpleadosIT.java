package pe.cmep.gateway.catalogo;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.test.json.JsonCompareMode;
import pe.cmep.gateway.auth.SessionCookies;
import pe.cmep.gateway.support.ApiIntegrationTest;

class EmpleadosIT extends ApiIntegrationTest {

    @ParameterizedTest
    @CsvSource({"OPERADOR, 2, Ana Operadora", "GESTOR, 3, Carlos Gestor", "MEDICO, 4, Maria Medico"})
    void lists_the_seed_employee_of_each_role(String rol, int personaId, String nombre) {
        client.get().uri("/empleados?rol={rol}", rol).cookie(SessionCookies.NAME, login("admin@cmep.local", "admin123"))
                .exchange()
                .expectStatus().isOk()
                .expectBody().json("{\"ok\": true, \"data\": [{\"persona_id\": " + personaId + ", \"nombre\": \""
                        + nombre + "\", \"rol\": \"" + rol + "\"}]}", JsonCompareMode.STRICT);
    }

    @Test
    void leaves_out_every_employee_that_rule_R10_would_refuse_and_orders_the_rest_by_empleado_id() {
        // Personas 7 and 6 have no user account and an ACTIVO GESTOR row: listed, in empleado_id order.
        // Persona 5's account is suspended; the rows of personas 8 and 9 are not ACTIVO.
        execute("INSERT INTO empleado (persona_id, rol_empleado, estado_empleado) VALUES "
                + "(7, 'GESTOR', 'ACTIVO'), (5, 'GESTOR', 'ACTIVO'), (8, 'GESTOR', 'SUSPENDIDO'), "
                + "(9, 'GESTOR', 'VACACIONES'), (6, 'GESTOR', 'ACTIVO'), (9, 'MEDICO', 'PERMISO')");
        // persona 2's OPERADOR role was removed from the user (domain.md §10 #29)
        execute("UPDATE empleado SET estado_empleado = 'SUSPENDIDO' WHERE persona_id = 2 AND rol_empleado = 'OPERADOR'");
        try {
            String session = login("gestor@cmep.local", "gestor123");
            client.get().uri("/empleados?rol=GESTOR").cookie(SessionCookies.NAME, session)
                    .exchange()
                    .expectStatus().isOk()
                    .expectBody().json("""
                            {"ok": true, "data": [
                              {"persona_id": 3, "nombre": "Carlos Gestor", "rol": "GESTOR"},
                              {"persona_id": 7, "nombre": "Juan Perez Lopez", "rol": "GESTOR"},
                              {"persona_id": 6, "nombre": "Luis Promotor Reyes", "rol": "GESTOR"}]}""",
                            JsonCompareMode.STRICT);
            client.get().uri("/empleados?rol=MEDICO").cookie(SessionCookies.NAME, session)
                    .exchange()
                    .expectStatus().isOk()
                    .expectBody().jsonPath("$.data[*].persona_id").isEqualTo(List.of(4));
            client.get().uri("/empleados?rol=OPERADOR").cookie(SessionCookies.NAME, session)
                    .exchange()
                    .expectStatus().isOk()
                    .expectBody().jsonPath("$.data.length()").isEqualTo(0);
        } finally {
            execute("DELETE FROM empleado WHERE empleado_id > 3");
            execute("UPDATE empleado SET estado_empleado = 'ACTIVO' WHERE persona_id = 2 AND rol_empleado = 'OPERADOR'");
        }
    }

    @ParameterizedTest
    @CsvSource({
            "/empleados,           Campo requerido",
            "/empleados?rol=,      Campo requerido",
            "/empleados?rol=ADMIN, 'Valor no permitido: ADMIN (GESTOR, MEDICO, OPERADOR)'",
            "/empleados?rol=gestor, 'Valor no permitido: gestor (GESTOR, MEDICO, OPERADOR)'"})
    void a_missing_or_unknown_rol_is_422_on_the_rol_field(String uri, String message) {
        client.get().uri(uri).cookie(SessionCookies.NAME, login("operador@cmep.local", "operador123"))
                .exchange()
                .expectStatus().isEqualTo(422)
                .expectBody()
                .jsonPath("$.ok").isEqualTo(false)
                .jsonPath("$.error.code").isEqualTo("VALIDATION_ERROR")
                .jsonPath("$.error.details.length()").isEqualTo(1)
                .jsonPath("$.error.details[0].field").isEqualTo("rol")
                .jsonPath("$.error.details[0].message").isEqualTo(message);
    }

    @Test
    void without_a_session_it_is_401_even_with_a_bad_rol() {
        client.get().uri("/empleados?rol=ADMIN")
                .exchange()
                .expectStatus().isUnauthorized()
                .expectBody().jsonPath("$.error.code").isEqualTo("UNAUTHENTICATED");
    }
}
