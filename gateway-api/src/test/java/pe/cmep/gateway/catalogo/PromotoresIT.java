package pe.cmep.gateway.catalogo;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.test.json.JsonCompareMode;
import pe.cmep.gateway.auth.SessionCookies;
import pe.cmep.gateway.support.ApiIntegrationTest;

class PromotoresIT extends ApiIntegrationTest {

    private static final String PROMOTOR_1 = """
            {"promotor_id": 1, "tipo_promotor": "PERSONA", "nombre": "Luis Promotor Reyes",
             "razon_social": null, "nombre_promotor_otros": null, "ruc": null, "email": null, "celular_1": null,
             "fuente_promotor": "Cliente referente", "comentario": null, "persona_id": 6,
             "persona_nombres": "Luis", "persona_apellidos": "Promotor Reyes",
             "persona_tipo_documento": "DNI", "persona_numero_documento": "11111111"}""";

    private static final String PROMOTOR_2 = """
            {"promotor_id": 2, "tipo_promotor": "EMPRESA", "nombre": "Notaria Gonzales & Asociados",
             "razon_social": "Notaria Gonzales & Asociados", "nombre_promotor_otros": null, "ruc": "20123456789",
             "email": "contacto@notariagonzales.com", "celular_1": null, "fuente_promotor": "Notaria",
             "comentario": null, "persona_id": null, "persona_nombres": null, "persona_apellidos": null,
             "persona_tipo_documento": null, "persona_numero_documento": null}""";

    @Test
    void any_logged_in_user_lists_every_promotor_ordered_by_id() {
        client.get().uri("/promotores").cookie(SessionCookies.NAME, login("gestor@cmep.local", "gestor123"))
                .exchange()
                .expectStatus().isOk()
                .expectBody().json("{\"ok\": true, \"data\": [" + PROMOTOR_1 + ", " + PROMOTOR_2 + "]}",
                        JsonCompareMode.STRICT);
    }

    @Test
    void reads_one_promotor_by_id() {
        String session = login("medico@cmep.local", "medico123");
        client.get().uri("/promotores/1").cookie(SessionCookies.NAME, session)
                .exchange()
                .expectStatus().isOk()
                .expectBody().json("{\"ok\": true, \"data\": " + PROMOTOR_1 + "}", JsonCompareMode.STRICT);
        client.get().uri("/promotores/2").cookie(SessionCookies.NAME, session)
                .exchange()
                .expectStatus().isOk()
                .expectBody().json("{\"ok\": true, \"data\": " + PROMOTOR_2 + "}", JsonCompareMode.STRICT);
    }

    @Test
    void an_otros_promotor_is_named_by_nombre_promotor_otros_and_has_no_persona_fields() {
        // persona_id on a non-PERSONA row is not the promotor's persona (api.md §7.7), so it is not shown.
        execute("INSERT INTO promotores (promotor_id, tipo_promotor, nombre_promotor_otros, fuente_promotor, "
                + "persona_id, celular_1, comentario) VALUES (50, 'OTROS', 'Feria de salud', 'FERIA', 7, '999111222', 'x')");
        try {
            client.get().uri("/promotores/50").cookie(SessionCookies.NAME, login("operador@cmep.local", "operador123"))
                    .exchange()
                    .expectStatus().isOk()
                    .expectBody()
                    .jsonPath("$.data.nombre").isEqualTo("Feria de salud")
                    .jsonPath("$.data.celular_1").isEqualTo("999111222")
                    .jsonPath("$.data.comentario").isEqualTo("x")
                    .jsonPath("$.data.persona_id").isEmpty()
                    .jsonPath("$.data.persona_nombres").isEmpty();
        } finally {
            execute("DELETE FROM promotores WHERE promotor_id = 50");
        }
    }

    @Test
    void an_unknown_promotor_is_404() {
        client.get().uri("/promotores/999").cookie(SessionCookies.NAME, login("admin@cmep.local", "admin123"))
                .exchange()
                .expectStatus().isNotFound()
                .expectBody()
                .jsonPath("$.ok").isEqualTo(false)
                .jsonPath("$.error.code").isEqualTo("NOT_FOUND")
                .jsonPath("$.error.message").isEqualTo("Promotor no encontrado");
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "1.5", "1e2", "99999999999"})
    void a_non_integer_id_is_422_on_promotor_id(String id) {
        client.get().uri("/promotores/" + id).cookie(SessionCookies.NAME, login("admin@cmep.local", "admin123"))
                .exchange()
                .expectStatus().isEqualTo(422)
                .expectBody()
                .jsonPath("$.error.code").isEqualTo("VALIDATION_ERROR")
                .jsonPath("$.error.details[0].field").isEqualTo("promotor_id");
    }

    @Test
    void without_a_session_both_are_401_before_the_id_is_checked() {
        client.get().uri("/promotores").exchange().expectStatus().isUnauthorized()
                .expectBody().jsonPath("$.error.code").isEqualTo("UNAUTHENTICATED");
        client.get().uri("/promotores/abc").exchange().expectStatus().isUnauthorized();
        client.get().uri("/promotores/1").exchange().expectStatus().isUnauthorized();
    }
}
