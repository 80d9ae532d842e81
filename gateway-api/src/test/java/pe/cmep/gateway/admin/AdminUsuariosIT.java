package pe.cmep.gateway.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import pe.cmep.gateway.auth.SessionCookies;
import pe.cmep.gateway.support.ApiIntegrationTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class AdminUsuariosIT extends ApiIntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private String admin() {
        return login("admin@cmep.local", "admin123");
    }

    private WebTestClient.ResponseSpec post(String session, String uri, Object body) {
        WebTestClient.RequestBodySpec spec = client.post().uri(uri).contentType(MediaType.APPLICATION_JSON);
        if (session != null) {
            spec = spec.cookie(SessionCookies.NAME, session);
        }
        return spec.bodyValue(body).exchange();
    }

    private WebTestClient.ResponseSpec patch(String session, String uri, Object body) {
        return client.patch().uri(uri).contentType(MediaType.APPLICATION_JSON).cookie(SessionCookies.NAME, session)
                .bodyValue(body).exchange();
    }

    private WebTestClient.ResponseSpec get(String session, String uri) {
        WebTestClient.RequestHeadersSpec<?> spec = client.get().uri(uri);
        if (session != null) {
            spec = spec.cookie(SessionCookies.NAME, session);
        }
        return spec.exchange();
    }

    private static Map<String, Object> newUser(String email, String documento, List<String> roles) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("user_email", email);
        body.put("password", "secreto123");
        body.put("nombres", "Nuevo");
        body.put("apellidos", "Usuario " + documento);
        body.put("tipo_documento", "DNI");
        body.put("numero_documento", documento);
        body.put("telefono", "999111222");
        body.put("roles", roles);
        return body;
    }

    private JsonNode create(String session, Map<String, Object> body) {
        byte[] raw = post(session, "/admin/usuarios", body).expectStatus().isCreated()
                .expectBody().returnResult().getResponseBody();
        return JSON.readTree(raw).get("data");
    }

    @Test
    void creates_a_user_of_each_role_who_can_log_in_and_is_listed_as_employee() {
        String admin = admin();
        int i = 0;
        for (String role : List.of("ADMIN", "OPERADOR", "GESTOR", "MEDICO")) {
            i++;
            String email = "  Nuevo." + role + "@CMEP.local ";
            JsonNode dto = create(admin, newUser(email, "7100000" + i, List.of(role, role)));
            String normalised = "nuevo." + role.toLowerCase() + "@cmep.local";
            assertThat(dto.get("user_email").asString()).isEqualTo(normalised);
            assertThat(dto.get("email").asString()).isEqualTo(normalised);
            assertThat(dto.get("telefono").asString()).isEqualTo("999111222");
            assertThat(dto.get("is_active").asBoolean()).isTrue();
            assertThat(dto.get("roles").size()).isEqualTo(1);
            assertThat(dto.get("roles").get(0).asString()).isEqualTo(role);
            int userId = dto.get("user_id").asInt();
            int personaId = dto.get("persona_id").asInt();
            assertThat(count("SELECT COUNT(*) FROM users WHERE created_by = 1 AND user_id = " + userId)).isEqualTo(1);

            String session = login(normalised, "secreto123");
            get(session, "/auth/me").expectStatus().isOk();
            if (!role.equals("ADMIN")) {
                get(session, "/empleados?rol=" + role).expectStatus().isOk()
                        .expectBody().jsonPath("$.data[*].persona_id").value(hasItem(personaId));
                assertThat(count("SELECT COUNT(*) FROM empleado WHERE estado_empleado = 'ACTIVO' AND persona_id = "
                        + personaId + " AND rol_empleado = '" + role + "'")).isEqualTo(1);
            } else {
                assertThat(count("SELECT COUNT(*) FROM empleado WHERE persona_id = " + personaId)).isZero();
            }
            assertThat(count("SELECT COUNT(*) FROM medico_extra WHERE persona_id = " + personaId))
                    .isEqualTo(role.equals("MEDICO") ? 1 : 0);
        }
    }

    @Test
    void duplicate_email_is_a_conflict_also_when_only_case_or_spaces_differ() {
        String admin = admin();
        create(admin, newUser("dup@cmep.local", "72000001", List.of("OPERADOR")));
        for (String email : List.of("dup@cmep.local", "  DUP@cmep.LOCAL  ")) {
            post(admin, "/admin/usuarios", newUser(email, "72000002", List.of("OPERADOR")))
                    .expectStatus().isEqualTo(409)
                    .expectBody().jsonPath("$.error.code").isEqualTo("CONFLICT")
                    .jsonPath("$.error.message").isEqualTo("Ya existe un usuario con ese email");
        }
        assertThat(count("SELECT COUNT(*) FROM personas WHERE numero_documento = '72000002'")).isZero();
    }

    @Test
    void concurrent_creations_with_the_same_email_or_document_give_one_201_and_conflicts() throws Exception {
        String admin = admin();
        for (int round = 0; round < 2; round++) {
            List<java.util.concurrent.CompletableFuture<Integer>> calls = new java.util.ArrayList<>();
            for (int i = 0; i < 4; i++) {
                // round 0: same e-mail, new documents; round 1: same new document, different e-mails
                Map<String, Object> body = round == 0
                        ? newUser("carrera@cmep.local", "7800000" + i, List.of("OPERADOR"))
                        : newUser("carrera" + i + "@cmep.local", "78100000", List.of("GESTOR"));
                calls.add(java.util.concurrent.CompletableFuture.supplyAsync(() -> post(admin, "/admin/usuarios", body)
                        .returnResult(String.class).getStatus().value()));
            }
            List<Integer> statuses = new java.util.ArrayList<>();
            for (var call : calls) {
                statuses.add(call.get(60, java.util.concurrent.TimeUnit.SECONDS));
            }
            assertThat(statuses).containsOnly(201, 409);
            assertThat(statuses.stream().filter(s -> s == 201).count()).isEqualTo(1);
        }
    }

    @Test
    void persona_with_a_user_is_a_conflict_and_a_persona_without_one_is_reused() {
        String admin = admin();
        post(admin, "/admin/usuarios", newUser("otro.admin@cmep.local", "00000001", List.of("ADMIN")))
                .expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.error.message").isEqualTo("Esta persona ya tiene un usuario asociado");
        assertThat(count("SELECT COUNT(*) FROM users WHERE user_email = 'otro.admin@cmep.local'")).isZero();

        execute("INSERT INTO personas (tipo_documento, numero_documento, nombres, apellidos, email) "
                + "VALUES ('CE', 'CE007300', 'Viejo', 'Nombre', 'contacto@x.pe')");
        Map<String, Object> body = newUser("reusa@cmep.local", "CE007300", List.of("GESTOR"));
        body.put("tipo_documento", "CE");
        JsonNode dto = create(admin, body);
        assertThat(dto.get("nombres").asString()).isEqualTo("Nuevo");
        assertThat(dto.get("email").asString()).isEqualTo("contacto@x.pe");
        assertThat(count("SELECT COUNT(*) FROM personas WHERE numero_documento = 'CE007300'")).isEqualTo(1);
    }

    @Test
    void invalid_payloads_are_422_with_fields() {
        String admin = admin();
        Map<String, Object> bad = new LinkedHashMap<>();
        bad.put("user_email", "");
        bad.put("password", "corta");
        bad.put("tipo_documento", "RUC");
        bad.put("roles", List.of());
        post(admin, "/admin/usuarios", bad).expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.error.code").isEqualTo("VALIDATION_ERROR")
                .jsonPath("$.error.details[*].field").value(hasItem("user_email"))
                .jsonPath("$.error.details[*].field").value(hasItem("password"))
                .jsonPath("$.error.details[*].field").value(hasItem("nombres"))
                .jsonPath("$.error.details[*].field").value(hasItem("tipo_documento"))
                .jsonPath("$.error.details[*].field").value(hasItem("numero_documento"))
                .jsonPath("$.error.details[*].field").value(hasItem("roles"));
        post(admin, "/admin/usuarios", newUser("roles@cmep.local", "74000001", List.of("ADMIN", "JEFE", "root")))
                .expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.error.message")
                .isEqualTo("Roles invalidos: JEFE, root. Validos: ADMIN, GESTOR, MEDICO, OPERADOR");
        post(admin, "/admin/usuarios", newUser("dni@cmep.local", "1234", List.of("OPERADOR")))
                .expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.error.details[0].field").isEqualTo("numero_documento")
                .jsonPath("$.error.details[0].message").isEqualTo("Un DNI tiene 8 digitos");
        patch(admin, "/admin/usuarios/2", Map.of("tipo_documento", "DNI", "numero_documento", "ABC"))
                .expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.error.details[0].field").isEqualTo("numero_documento");
        patch(admin, "/admin/usuarios/2", Map.of("roles", List.of())).expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.error.details[0].field").isEqualTo("roles");
        patch(admin, "/admin/usuarios/2", Map.of("is_active", "no")).expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.error.details[0].field").isEqualTo("is_active");
        patch(admin, "/admin/usuarios/abc", Map.of("nombres", "X")).expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.error.details[0].field").isEqualTo("user_id");
        post(admin, "/admin/usuarios/2/reset-password", Map.of("new_password", "1234567")).expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.error.details[0].field").isEqualTo("new_password");
        patch(admin, "/admin/usuarios/9999", Map.of("nombres", "X")).expectStatus().isNotFound()
                .expectBody().jsonPath("$.error.message").isEqualTo("Usuario no encontrado");
        post(admin, "/admin/usuarios/9999/reset-password", Map.of("new_password", "12345678"))
                .expectStatus().isNotFound();
    }

    @Test
    void non_admin_is_403_and_anonymous_is_401() {
        String operador = login("operador@cmep.local", "operador123");
        get(operador, "/admin/usuarios").expectStatus().isForbidden()
                .expectBody().jsonPath("$.error.message").isEqualTo("Solo ADMIN puede acceder a esta funcion");
        post(operador, "/admin/usuarios", Map.of()).expectStatus().isForbidden();
        patch(operador, "/admin/usuarios/2", Map.of()).expectStatus().isForbidden();
        post(operador, "/admin/usuarios/2/reset-password", Map.of()).expectStatus().isForbidden();
        get(null, "/admin/usuarios").expectStatus().isUnauthorized();
        post(null, "/admin/usuarios", Map.of()).expectStatus().isUnauthorized();
        post(null, "/admin/usuarios/2/reset-password", Map.of()).expectStatus().isUnauthorized();
    }

    @Test
    void suspending_ends_the_sessions_and_reactivating_restores_login() {
        String admin = admin();
        JsonNode dto = create(admin, newUser("suspender@cmep.local", "75000001", List.of("OPERADOR")));
        int userId = dto.get("user_id").asInt();
        String session = login("suspender@cmep.local", "secreto123");
        get(session, "/auth/me").expectStatus().isOk();

        patch(admin, "/admin/usuarios/" + userId, Map.of("is_active", false)).expectStatus().isOk()
                .expectBody().jsonPath("$.data.is_active").isEqualTo(false);
        assertThat(count("SELECT COUNT(*) FROM sessions WHERE user_id = " + userId)).isZero();
        get(session, "/auth/me").expectStatus().isUnauthorized();
        post(null, "/auth/login", Map.of("email", "suspender@cmep.local", "password", "secreto123"))
                .expectStatus().isForbidden();

        patch(admin, "/admin/usuarios/" + userId, Map.of("is_active", true)).expectStatus().isOk()
                .expectBody().jsonPath("$.data.is_active").isEqualTo(true);
        get(login("suspender@cmep.local", "secreto123"), "/auth/me").expectStatus().isOk();
    }

    @Test
    void reset_password_changes_it_and_ends_the_sessions() {
        String admin = admin();
        JsonNode dto = create(admin, newUser("reset@cmep.local", "76000001", List.of("GESTOR")));
        int userId = dto.get("user_id").asInt();
        String session = login("reset@cmep.local", "secreto123");

        post(admin, "/admin/usuarios/" + userId + "/reset-password", Map.of("new_password", "nuevaClave99"))
                .expectStatus().isOk()
                .expectBody().json("{\"ok\": true, \"message\": \"Password reseteado exitosamente\"}", true);
        get(session, "/auth/me").expectStatus().isUnauthorized();
        post(null, "/auth/login", Map.of("email", "reset@cmep.local", "password", "secreto123"))
                .expectStatus().isUnauthorized();
        get(login("reset@cmep.local", "nuevaClave99"), "/auth/me").expectStatus().isOk();
        assertThat(count("SELECT COUNT(*) FROM users WHERE updated_by = 1 AND user_id = " + userId)).isEqualTo(1);
    }

    @Test
    void removing_a_role_suspends_the_employee_row_and_giving_it_back_reactivates_it() {
        String admin = admin();
        JsonNode dto = create(admin, newUser("multi@cmep.local", "77000001", List.of("GESTOR", "MEDICO")));
        int userId = dto.get("user_id").asInt();
        int personaId = dto.get("persona_id").asInt();
        String multi = login("multi@cmep.local", "secreto123");

        patch(admin, "/admin/usuarios/" + userId, Map.of("roles", List.of("MEDICO", "MEDICO"), "celular_2", "911",
                "comentario", "nota"))
                .expectStatus().isOk()
                .expectBody().jsonPath("$.data.roles").isEqualTo(List.of("MEDICO"))
                .jsonPath("$.data.celular_2").isEqualTo("911")
                .jsonPath("$.data.comentario").isEqualTo("nota")
                .jsonPath("$.data.nombres").isEqualTo("Nuevo");
        assertThat(count("SELECT COUNT(*) FROM empleado WHERE persona_id = " + personaId
                + " AND rol_empleado = 'GESTOR' AND estado_empleado = 'SUSPENDIDO'")).isEqualTo(1);
        get(admin, "/empleados?rol=GESTOR").expectStatus().isOk()
                .expectBody().jsonPath("$.data[*].persona_id").value(not(hasItem(personaId)));
        get(multi, "/auth/me").expectStatus().isUnauthorized();
        assertThat(count("SELECT COUNT(*) FROM personas WHERE updated_by = 1 AND persona_id = " + personaId))
                .isEqualTo(1);

        patch(admin, "/admin/usuarios/" + userId, Map.of("roles", List.of("GESTOR", "MEDICO"))).expectStatus().isOk();
        get(admin, "/empleados?rol=GESTOR").expectStatus().isOk()
                .expectBody().jsonPath("$.data[*].persona_id").value(hasItem(personaId));
    }

    @Test
    void list_shape_is_exact() {
        byte[] raw = get(admin(), "/admin/usuarios").expectStatus().isOk().expectBody().returnResult().getResponseBody();
        JsonNode body = JSON.readTree(raw);
        assertThat(body.get("ok").asBoolean()).isTrue();
        JsonNode first = body.get("data").get(0);
        assertThat(first.get("user_id").asInt()).isEqualTo(1);
        List<String> names = new java.util.ArrayList<>();
        first.propertyNames().forEach(names::add);
        assertThat(names).containsExactlyInAnyOrder("user_id", "user_email", "is_active", "persona_id", "nombres",
                "apellidos", "tipo_documento", "numero_documento", "telefono", "email", "celular_2", "telefono_fijo",
                "fecha_nacimiento", "direccion", "comentario", "roles", "created_at");
        assertThat(first.get("roles").get(0).asString()).isEqualTo("ADMIN");
        assertThat(first.get("created_at").asString()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
        assertThat(first.get("celular_2").isNull()).isTrue();
        int previous = 0;
        for (JsonNode user : body.get("data")) {
            assertThat(user.get("user_id").asInt()).isGreaterThan(previous);
            previous = user.get("user_id").asInt();
        }
    }
}
