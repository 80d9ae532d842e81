package pe.cmep.gateway.catalogo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.json.JsonCompareMode;
import org.springframework.test.web.reactive.server.WebTestClient;
import pe.cmep.gateway.auth.SessionCookies;
import pe.cmep.gateway.support.ApiIntegrationTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** POST, PATCH and DELETE /promotores (api.md §7.7, domain.md §5.13). */
class PromotoresCrudIT extends ApiIntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private String session;

    @BeforeEach
    void logIn() {
        session = login("operador@cmep.local", "operador123");
    }

    private WebTestClient.ResponseSpec send(HttpMethod method, String uri, String body) {
        WebTestClient.RequestBodySpec spec = client.method(method).uri(uri).cookie(SessionCookies.NAME, session);
        if (body == null) {
            return spec.exchange();
        }
        return spec.contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    private JsonNode okData(HttpMethod method, String uri, String body) {
        String text = send(method, uri, body).expectStatus().isOk().expectBody(String.class).returnResult()
                .getResponseBody();
        JsonNode node = JSON.readTree(text);
        assertThat(node.get("ok").asBoolean()).isTrue();
        return node.get("data");
    }

    private JsonNode create(String body) {
        return okData(HttpMethod.POST, "/promotores", body);
    }

    private JsonNode get(int id) {
        return okData(HttpMethod.GET, "/promotores/" + id, null);
    }

    private int userId(String email) {
        return count("SELECT user_id FROM users WHERE user_email = '" + email + "'").intValue();
    }

    private String string(String sql) {
        return db.sql(sql).map((row, meta) -> String.valueOf(row.get(0))).one().block();
    }

    private static String item(int id, String tipo, String nombre, String razon, String otros, String ruc,
                               String email, String celular, String fuente, String comentario, Integer personaId,
                               String nombres, String apellidos, String tipoDoc, String numeroDoc) {
        return "{\"promotor_id\": " + id + ", \"tipo_promotor\": " + q(tipo) + ", \"nombre\": " + q(nombre)
                + ", \"razon_social\": " + q(razon) + ", \"nombre_promotor_otros\": " + q(otros) + ", \"ruc\": " + q(ruc)
                + ", \"email\": " + q(email) + ", \"celular_1\": " + q(celular) + ", \"fuente_promotor\": " + q(fuente)
                + ", \"comentario\": " + q(comentario) + ", \"persona_id\": " + personaId
                + ", \"persona_nombres\": " + q(nombres) + ", \"persona_apellidos\": " + q(apellidos)
                + ", \"persona_tipo_documento\": " + q(tipoDoc) + ", \"persona_numero_documento\": " + q(numeroDoc)
                + "}";
    }

    private static String q(String s) {
        return s == null ? "null" : "\"" + s + "\"";
    }

    private static void assertJson(JsonNode actual, String expected) {
        assertThat(actual).isEqualTo(JSON.readTree(expected));
    }

    // ---- POST

    @Test
    void a_persona_promotor_with_a_document_reuses_and_updates_the_existing_persona() {
        execute("INSERT INTO personas (tipo_documento, numero_documento, nombres, apellidos) "
                + "VALUES ('DNI', '70000001', 'Ana', 'Vieja')");
        int personaId = count("SELECT persona_id FROM personas WHERE numero_documento = '70000001'").intValue();
        long personas = count("SELECT COUNT(*) FROM personas");
        JsonNode data = create("{\"tipo_promotor\": \"PERSONA\", \"tipo_documento\": \"DNI\", "
                + "\"numero_documento\": \"70000001\", \"nombres\": \"Ana\", \"apellidos\": \"Nueva\", "
                + "\"celular_1\": \"988777666\", \"email\": \"ana@x.pe\", \"fuente_promotor\": \"Referido\", "
                + "\"comentario\": \"c1\", \"ruc\": \"10700000011\", \"razon_social\": \"no se guarda\", "
                + "\"nombre_promotor_otros\": \"tampoco\"}");
        int id = data.get("promotor_id").intValue();
        String expected = item(id, "PERSONA", "Ana Nueva", null, null, "10700000011", "ana@x.pe", "988777666",
                "Referido", "c1", personaId, "Ana", "Nueva", "DNI", "70000001");
        assertJson(data, expected);
        assertJson(get(id), expected);
        assertThat(count("SELECT COUNT(*) FROM personas")).isEqualTo(personas);
        assertThat(string("SELECT CONCAT(apellidos, '|', celular_1, '|', email) FROM personas WHERE persona_id = "
                + personaId)).isEqualTo("Nueva|988777666|ana@x.pe");
        assertThat(count("SELECT created_by FROM promotores WHERE promotor_id = " + id))
                .isEqualTo((long) userId("operador@cmep.local"));
    }

    @Test
    void a_persona_promotor_without_a_document_always_gets_a_new_persona() {
        long personas = count("SELECT COUNT(*) FROM personas");
        String body = "{\"tipo_promotor\": \"PERSONA\", \"nombres\": \"Luis\", \"apellidos\": \"Promotor Reyes\"}";
        JsonNode data = create(body);
        int id = data.get("promotor_id").intValue();
        int personaId = data.get("persona_id").intValue();
        assertThat(personaId).isNotEqualTo(6);
        String expected = item(id, "PERSONA", "Luis Promotor Reyes", null, null, null, null, null, null, null,
                personaId, "Luis", "Promotor Reyes", null, null);
        assertJson(data, expected);
        assertJson(get(id), expected);
        assertThat(count("SELECT COUNT(*) FROM personas")).isEqualTo(personas + 1);
        JsonNode second = create(body);
        assertThat(second.get("persona_id").intValue()).isNotEqualTo(personaId);
        assertThat(count("SELECT COUNT(*) FROM personas")).isEqualTo(personas + 2);
    }

    @Test
    void an_empresa_promotor_keeps_razon_social_only() {
        long personas = count("SELECT COUNT(*) FROM personas");
        JsonNode data = create("{\"tipo_promotor\": \"EMPRESA\", \"razon_social\": \"Clinica Sur SAC\", "
                + "\"nombre_promotor_otros\": \"x\", \"nombres\": \"N\", \"apellidos\": \"A\", \"ruc\": \"20999\", "
                + "\"email\": \"sur@x.pe\", \"celular_1\": \"111\", \"fuente_promotor\": \"Web\", \"comentario\": \"k\"}");
        int id = data.get("promotor_id").intValue();
        String expected = item(id, "EMPRESA", "Clinica Sur SAC", "Clinica Sur SAC", null, "20999", "sur@x.pe", "111",
                "Web", "k", null, null, null, null, null);
        assertJson(data, expected);
        assertJson(get(id), expected);
        assertThat(count("SELECT COUNT(*) FROM personas")).isEqualTo(personas);
    }

    @Test
    void an_otros_promotor_keeps_nombre_promotor_otros_only() {
        JsonNode data = create("{\"tipo_promotor\": \"OTROS\", \"nombre_promotor_otros\": \"Feria\", "
                + "\"razon_social\": \"x\", \"fuente_promotor\": \"FERIA\"}");
        int id = data.get("promotor_id").intValue();
        String expected = item(id, "OTROS", "Feria", null, "Feria", null, null, null, "FERIA", null, null, null, null,
                null, null);
        assertJson(data, expected);
        assertJson(get(id), expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"tipo_promotor\": \"PERSONA\", \"nombres\": \"A\"}|tipo_promotor|PERSONA requiere nombres y apellidos",
            "{\"tipo_promotor\": \"PERSONA\", \"nombres\": \" \", \"apellidos\": \"B\"}|tipo_promotor|PERSONA requiere nombres y apellidos",
            "{\"tipo_promotor\": \"EMPRESA\", \"razon_social\": \"\"}|razon_social|EMPRESA requiere razon_social",
            "{\"tipo_promotor\": \"OTROS\"}|nombre_promotor_otros|OTROS requiere nombre_promotor_otros",
            "{\"tipo_promotor\": \"AGENCIA\", \"razon_social\": \"x\"}|tipo_promotor|Valor no permitido: AGENCIA (PERSONA, EMPRESA, OTROS)",
            "{\"razon_social\": \"x\"}|tipo_promotor|Campo requerido",
            "{\"tipo_promotor\": \"EMPRESA\", \"razon_social\": \"x\", \"ruc\": \"123456789012345678901\"}|ruc|Debe tener como maximo 20 caracteres",
            "{\"tipo_promotor\": \"EMPRESA\", \"razon_social\": \"x\", \"celular_1\": 5}|celular_1|Debe ser texto",
            "{\"tipo_promotor\": \"EMPRESA\"|body|JSON mal formado",
            "[1]|body|Se esperaba un objeto JSON",
    })
    void invalid_bodies_are_422_and_create_nothing(String body, String field, String message) {
        long promotores = count("SELECT COUNT(*) FROM promotores");
        send(HttpMethod.POST, "/promotores", body)
                .expectStatus().isEqualTo(422)
                .expectBody()
                .jsonPath("$.ok").isEqualTo(false)
                .jsonPath("$.error.code").isEqualTo("VALIDATION_ERROR")
                .jsonPath("$.error.details[0].field").isEqualTo(field)
                .jsonPath("$.error.details[0].message").isEqualTo(message);
        assertThat(count("SELECT COUNT(*) FROM promotores")).isEqualTo(promotores);
    }

    @Test
    void an_over_long_razon_social_or_empty_body_is_422() {
        send(HttpMethod.POST, "/promotores", "{\"tipo_promotor\": \"EMPRESA\", \"razon_social\": \"" + "r".repeat(256)
                + "\"}").expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.error.details[0].field").isEqualTo("razon_social");
        send(HttpMethod.POST, "/promotores", "").expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.error.details[0].field").isEqualTo("body");
    }

    // ---- PATCH

    @Test
    void patch_writes_each_present_key_and_null_clears_it() {
        int id = create("{\"tipo_promotor\": \"EMPRESA\", \"razon_social\": \"Old SAC\", \"ruc\": \"20111\", "
                + "\"email\": \"o@x.pe\", \"celular_1\": \"222\", \"fuente_promotor\": \"Web\", \"comentario\": \"c\"}")
                .get("promotor_id").intValue();
        String admin = login("admin@cmep.local", "admin123");
        String text = client.patch().uri("/promotores/" + id).cookie(SessionCookies.NAME, admin)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"razon_social\": \"New SAC\", \"ruc\": null, \"email\": \"n@x.pe\", \"comentario\": null, "
                        + "\"tipo_promotor\": \"OTROS\", \"tipo_documento\": \"DNI\", \"numero_documento\": \"1\"}")
                .exchange().expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        String expected = item(id, "EMPRESA", "New SAC", "New SAC", null, null, "n@x.pe", "222", "Web", null, null,
                null, null, null, null);
        assertJson(JSON.readTree(text).get("data"), expected);
        assertJson(get(id), expected);
        assertThat(count("SELECT updated_by FROM promotores WHERE promotor_id = " + id))
                .isEqualTo((long) userId("admin@cmep.local"));

        // the remaining keys, nombre_promotor_otros included (written as given whatever the type)
        assertJson(okData(HttpMethod.PATCH, "/promotores/" + id, "{\"celular_1\": null, \"fuente_promotor\": null, "
                        + "\"nombre_promotor_otros\": \"Otro\", \"razon_social\": null}"),
                item(id, "EMPRESA", "?", null, "Otro", null, "n@x.pe", null, null, null, null, null, null, null, null));
        // an empty body changes nothing but is accepted
        assertJson(okData(HttpMethod.PATCH, "/promotores/" + id, "{}"),
                item(id, "EMPRESA", "?", null, "Otro", null, "n@x.pe", null, null, null, null, null, null, null, null));
    }

    @Test
    void patch_updates_the_persona_names_of_a_persona_promotor_when_non_empty() {
        JsonNode created = create("{\"tipo_promotor\": \"PERSONA\", \"tipo_documento\": \"DNI\", "
                + "\"numero_documento\": \"70000002\", \"nombres\": \"Pia\", \"apellidos\": \"Paz\"}");
        int id = created.get("promotor_id").intValue();
        int personaId = created.get("persona_id").intValue();
        JsonNode data = okData(HttpMethod.PATCH, "/promotores/" + id,
                "{\"nombres\": \"Pilar\", \"apellidos\": \"\", \"tipo_promotor\": \"EMPRESA\", "
                        + "\"tipo_documento\": \"CE\", \"numero_documento\": \"99\", \"email\": \"p@x.pe\"}");
        String expected = item(id, "PERSONA", "Pilar Paz", null, null, null, "p@x.pe", null, null, null, personaId,
                "Pilar", "Paz", "DNI", "70000002");
        assertJson(data, expected);
        assertJson(get(id), expected);
        assertThat(count("SELECT updated_by FROM personas WHERE persona_id = " + personaId))
                .isEqualTo((long) userId("operador@cmep.local"));
        assertJson(okData(HttpMethod.PATCH, "/promotores/" + id, "{\"apellidos\": \"Prado\"}"),
                item(id, "PERSONA", "Pilar Prado", null, null, null, "p@x.pe", null, null, null, personaId,
                        "Pilar", "Prado", "DNI", "70000002"));
    }

    @Test
    void patch_names_of_a_non_persona_promotor_are_ignored() {
        int id = create("{\"tipo_promotor\": \"OTROS\", \"nombre_promotor_otros\": \"Radio\"}")
                .get("promotor_id").intValue();
        long personas = count("SELECT COUNT(*) FROM personas");
        assertJson(okData(HttpMethod.PATCH, "/promotores/" + id, "{\"nombres\": \"X\", \"apellidos\": \"Y\"}"),
                item(id, "OTROS", "Radio", null, "Radio", null, null, null, null, null, null, null, null, null, null));
        assertThat(count("SELECT COUNT(*) FROM personas")).isEqualTo(personas);
    }

    @Test
    void patch_validation_and_missing_promotor() {
        int id = create("{\"tipo_promotor\": \"OTROS\", \"nombre_promotor_otros\": \"Radio\"}")
                .get("promotor_id").intValue();
        send(HttpMethod.PATCH, "/promotores/" + id, "{\"celular_1\": \"" + "9".repeat(21) + "\", \"email\": 3, "
                + "\"nombres\": \"" + "n".repeat(151) + "\"}")
                .expectStatus().isEqualTo(422)
                .expectBody()
                .jsonPath("$.error.code").isEqualTo("VALIDATION_ERROR")
                .jsonPath("$.error.details[0].field").isEqualTo("email")
                .jsonPath("$.error.details[1].field").isEqualTo("celular_1")
                .jsonPath("$.error.details[1].message").isEqualTo("Debe tener como maximo 20 caracteres")
                .jsonPath("$.error.details[2].field").isEqualTo("nombres");
        send(HttpMethod.PATCH, "/promotores/" + id, "{\"ruc\": ").expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.error.details[0].field").isEqualTo("body");
        assertThat(get(id).get("celular_1").isNull()).isTrue();
        send(HttpMethod.PATCH, "/promotores/999", "{\"ruc\": \"1\"}").expectStatus().isNotFound()
                .expectBody()
                .jsonPath("$.error.code").isEqualTo("NOT_FOUND")
                .jsonPath("$.error.message").isEqualTo("Promotor no encontrado");
        send(HttpMethod.PATCH, "/promotores/abc", "{}").expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.error.details[0].field").isEqualTo("promotor_id");
    }

    // ---- DELETE

    @Test
    void deleting_an_unused_promotor_removes_only_its_row() {
        JsonNode created = create("{\"tipo_promotor\": \"PERSONA\", \"nombres\": \"Tito\", \"apellidos\": \"Borrado\"}");
        int id = created.get("promotor_id").intValue();
        int personaId = created.get("persona_id").intValue();
        send(HttpMethod.DELETE, "/promotores/" + id, null).expectStatus().isOk()
                .expectBody().json("{\"ok\": true}", JsonCompareMode.STRICT);
        send(HttpMethod.GET, "/promotores/" + id, null).expectStatus().isNotFound();
        assertThat(count("SELECT COUNT(*) FROM promotores WHERE promotor_id = " + id)).isZero();
        assertThat(count("SELECT COUNT(*) FROM personas WHERE persona_id = " + personaId)).isOne();
        send(HttpMethod.DELETE, "/promotores/" + id, null).expectStatus().isNotFound()
                .expectBody().jsonPath("$.error.message").isEqualTo("Promotor no encontrado");
    }

    @Test
    void a_promotor_in_use_by_solicitudes_is_409_with_the_count() {
        int id = create("{\"tipo_promotor\": \"EMPRESA\", \"razon_social\": \"Usada SAC\"}").get("promotor_id").intValue();
        for (String doc : new String[] {"70000011", "70000012"}) {
            send(HttpMethod.POST, "/solicitudes", "{\"cliente\": {\"tipo_documento\": \"DNI\", \"numero_documento\": \""
                    + doc + "\", \"nombres\": \"C\", \"apellidos\": \"D\"}, \"promotor_id\": " + id + "}")
                    .expectStatus().isOk();
        }
        long promotores = count("SELECT COUNT(*) FROM promotores");
        send(HttpMethod.DELETE, "/promotores/" + id, null).expectStatus().isEqualTo(409)
                .expectBody()
                .jsonPath("$.ok").isEqualTo(false)
                .jsonPath("$.error.code").isEqualTo("CONFLICT")
                .jsonPath("$.error.message")
                .isEqualTo("No se puede eliminar: el promotor tiene 2 solicitud(es) vinculada(s)");
        assertThat(count("SELECT COUNT(*) FROM promotores")).isEqualTo(promotores);
        assertThat(get(id).get("razon_social").asString()).isEqualTo("Usada SAC");
    }

    @Test
    void delete_of_an_unknown_or_malformed_id() {
        send(HttpMethod.DELETE, "/promotores/999", null).expectStatus().isNotFound()
                .expectBody().jsonPath("$.error.code").isEqualTo("NOT_FOUND");
        send(HttpMethod.DELETE, "/promotores/x", null).expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.error.details[0].field").isEqualTo("promotor_id");
    }

    @Test
    void a_delete_racing_a_registration_is_never_a_500_and_stays_consistent() throws Exception {
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            for (int i = 0; i < 8; i++) {
                int id = create("{\"tipo_promotor\": \"OTROS\", \"nombre_promotor_otros\": \"Race " + i + "\"}")
                        .get("promotor_id").intValue();
                String doc = "7100000" + i;
                java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
                java.util.concurrent.Future<Integer> registration = pool.submit(() -> {
                    start.await();
                    return send(HttpMethod.POST, "/solicitudes", "{\"cliente\": {\"tipo_documento\": \"DNI\", "
                            + "\"numero_documento\": \"" + doc + "\", \"nombres\": \"R\", \"apellidos\": \"S\"}, "
                            + "\"promotor_id\": " + id + "}").returnResult(String.class).getStatus().value();
                });
                java.util.concurrent.Future<Integer> delete = pool.submit(() -> {
                    start.await();
                    return send(HttpMethod.DELETE, "/promotores/" + id, null).returnResult(String.class)
                            .getStatus().value();
                });
                start.countDown();
                int registered = registration.get();
                int deleted = delete.get();
                long linked = count("SELECT COUNT(*) FROM solicitud_cmep WHERE promotor_id = " + id);
                long exists = count("SELECT COUNT(*) FROM promotores WHERE promotor_id = " + id);
                if (deleted == 200) {
                    assertThat(registered).isEqualTo(422);
                    assertThat(exists).isZero();
                } else {
                    assertThat(deleted).isEqualTo(409);
                    assertThat(registered).isEqualTo(200);
                    assertThat(linked).isOne();
                    assertThat(exists).isOne();
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    // ---- session

    @Test
    void without_a_session_every_write_is_401_before_validation() {
        long promotores = count("SELECT COUNT(*) FROM promotores");
        client.post().uri("/promotores").contentType(MediaType.APPLICATION_JSON).bodyValue("{bad")
                .exchange().expectStatus().isUnauthorized()
                .expectBody().jsonPath("$.error.code").isEqualTo("UNAUTHENTICATED");
        client.post().uri("/promotores").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"tipo_promotor\": \"OTROS\", \"nombre_promotor_otros\": \"x\"}")
                .exchange().expectStatus().isUnauthorized();
        client.patch().uri("/promotores/abc").contentType(MediaType.APPLICATION_JSON).bodyValue("{}")
                .exchange().expectStatus().isUnauthorized();
        client.patch().uri("/promotores/2").contentType(MediaType.APPLICATION_JSON).bodyValue("{\"ruc\": null}")
                .exchange().expectStatus().isUnauthorized();
        client.delete().uri("/promotores/2").exchange().expectStatus().isUnauthorized();
        assertThat(count("SELECT COUNT(*) FROM promotores")).isEqualTo(promotores);
        assertThat(get(2).get("ruc").asString()).isEqualTo("20123456789");
    }
}
