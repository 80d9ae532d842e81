package pe.cmep.gateway.catalogo;

import org.junit.jupiter.api.Test;
import org.springframework.test.json.JsonCompareMode;
import pe.cmep.gateway.auth.SessionCookies;
import pe.cmep.gateway.support.ApiIntegrationTest;

class ServiciosIT extends ApiIntegrationTest {

    @Test
    void any_logged_in_user_lists_the_servicios_with_the_tarifa_as_a_money_string() {
        client.get().uri("/servicios").cookie(SessionCookies.NAME, login("medico@cmep.local", "medico123"))
                .exchange()
                .expectStatus().isOk()
                .expectBody().json("""
                        {"ok": true, "data": [{"servicio_id": 1,
                          "descripcion_servicio": "Certificado Medico de Evaluacion Profesional",
                          "tarifa_servicio": "200.00", "moneda_tarifa": "PEN"}]}""", JsonCompareMode.STRICT);
    }

    @Test
    void servicios_come_ordered_by_id() {
        execute("INSERT INTO servicios (descripcion_servicio, tarifa_servicio, moneda_tarifa) "
                + "VALUES ('Evaluacion USD', 150.5, 'USD')");
        try {
            client.get().uri("/servicios").cookie(SessionCookies.NAME, login("operador@cmep.local", "operador123"))
                    .exchange()
                    .expectStatus().isOk()
                    .expectBody()
                    .jsonPath("$.data.length()").isEqualTo(2)
                    .jsonPath("$.data[0].servicio_id").isEqualTo(1)
                    .jsonPath("$.data[1].descripcion_servicio").isEqualTo("Evaluacion USD")
                    .jsonPath("$.data[1].tarifa_servicio").isEqualTo("150.50")
                    .jsonPath("$.data[1].moneda_tarifa").isEqualTo("USD");
        } finally {
            execute("DELETE FROM servicios WHERE servicio_id > 1");
        }
    }

    @Test
    void without_a_session_it_is_401() {
        client.get().uri("/servicios")
                .exchange()
                .expectStatus().isUnauthorized()
                .expectBody().jsonPath("$.error.code").isEqualTo("UNAUTHENTICATED");
    }
}
