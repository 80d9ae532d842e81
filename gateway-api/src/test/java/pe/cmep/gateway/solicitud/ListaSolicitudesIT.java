package pe.cmep.gateway.solicitud;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Year;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.test.web.reactive.server.WebTestClient;
import pe.cmep.gateway.auth.SessionCookies;
import tools.jackson.databind.JsonNode;

/**
 * GET /solicitudes (api.md §7.4, domain.md §5.11). The class registers its solicitudes once, as
 * different users and in different states, and no test adds more, so totals are exact.
 */
class ListaSolicitudesIT extends SolicitudApiTest {

    /** The fixture, by role in the tests; ids of this class's run (the seed restarts the counters). */
    private static int registrado;      // s1: operador, "Ana Maria" "Lopez_Diaz"; an old (not vigente) gestor row
    private static int asignadoGestor;  // s2: operador, "Beto" "100% Garcia"; gestor 3
    private static int pagado;          // s3: gestor, "Carla" "Ramos", apoderado, promotor 2; gestor 3, paid
    private static int asignadoMedico;  // s4: admin, seed cliente 7; gestor 3, paid, medico 4
    private static int cerrado;         // s5: medico, "Dario" "LopezXDiaz"; gestor 3, paid, medico 4, closed
    private static int cancelado;       // s6: operador, "Elsa" "Nunez"; cancelled
    private static int registrado2;     // s7: operador, "Fabio" "1000 Vargas"
    private static int registrado3;     // s8: gestor, "Gina" "Soto"; nobody assigned
    private static String fixtureOf;

    @BeforeEach
    void registerTheFixtureOnce() {
        if (getClass().getName().equals(fixtureOf)) {
            return;
        }
        registrado = registerCliente(OPERADOR, "50000001", "Ana Maria", "Lopez_Diaz");
        asignadoGestor = registerCliente(OPERADOR, "50000002", "Beto", "100% Garcia");
        pagado = register(GESTOR, "{\"cliente\": {\"tipo_documento\": \"DNI\", \"numero_documento\": \"50000003\", "
                + "\"nombres\": \"Carla\", \"apellidos\": \"Ramos\", \"celular\": \"987000003\"}, "
                + "\"apoderado\": " + cliente("60000003", "Mario", "Ramos") + ", \"promotor_id\": 2}");
        asignadoMedico = register(ADMIN, "{\"cliente\": " + cliente("12345678", "Juan", "Perez Lopez")
                + ", \"promotor\": {\"tipo_promotor\": \"OTROS\", \"nombre_promotor_otros\": \"Feria\"}}");
        cerrado = registerCliente(MEDICO, "50000005", "Dario", "LopezXDiaz");
        cancelado = registerCliente(OPERADOR, "50000006", "Elsa", "Nunez");
        registrado2 = registerCliente(OPERADOR, "50000007", "Fabio", "1000 Vargas");
        registrado3 = registerCliente(GESTOR, "50000008", "Gina", "Soto");

        for (int id : List.of(asignadoGestor, pagado, asignadoMedico, cerrado)) {
            action(ADMIN, id, "asignar-gestor", "{\"persona_id_gestor\": 3}");
        }
        for (int id : List.of(pagado, asignadoMedico, cerrado)) {
            action(GESTOR, id, "registrar-pago",
                    "{\"canal_pago\": \"YAPE\", \"fecha_pago\": \"2026-01-29\", \"monto\": 200}");
        }
        for (int id : List.of(asignadoMedico, cerrado)) {
            action(GESTOR, id, "asignar-medico", "{\"persona_id_medico\": 4}");
        }
        action(MEDICO, cerrado, "cerrar", "{}");
        action(OPERADOR, cancelado, "cancelar", "{\"comentario\": \"desistio\"}");
        // a gestor assignment of s1 that is no longer vigente does not count for mine
        execute("INSERT INTO solicitud_asignacion (solicitud_id, persona_id, rol, es_vigente, fecha_asignacion, "
                + "created_at) VALUES (" + registrado + ", 3, 'GESTOR', 0, UTC_TIMESTAMP(), UTC_TIMESTAMP())");
        fixtureOf = getClass().getName();
    }

    private void action(String email, int id, String path, String body) {
        post("/solicitudes/" + id + "/" + path, session(email), body).expectStatus().isOk();
    }

    /** GET /solicitudes with the given query parameters (name, value, name, value …), values encoded strictly. */
    private WebTestClient.ResponseSpec getList(String session, String... params) {
        return client.get().uri(builder -> {
                    builder.path("/solicitudes");
                    for (int i = 0; i < params.length; i += 2) {
                        builder.queryParam(params[i], "{v" + i + "}");
                    }
                    Object[] values = new Object[params.length / 2];
                    for (int i = 1; i < params.length; i += 2) {
                        values[i / 2] = params[i];
                    }
                    return builder.build(values);
                })
                .cookie(SessionCookies.NAME, session)
                .exchange();
    }

    private JsonNode list(String email, String... params) {
        return json(getList(session(email), params).expectStatus().isOk());
    }

    private static List<Integer> ids(JsonNode body) {
        return body.at("/data/items").valueStream().map(i -> i.get("solicitud_id").intValue()).toList();
    }

    private List<Integer> all() {
        return List.of(registrado3, registrado2, cancelado, cerrado, asignadoMedico, pagado, asignadoGestor,
                registrado);
    }

    @Test
    void the_default_page_is_the_first_twenty_newest_first_with_meta() {
        JsonNode body = list(MEDICO);

        assertThat(body.get("ok").booleanValue()).isTrue();
        assertThat(fieldNames(body)).containsExactly("ok", "data", "meta");
        assertThat(fieldNames(body.get("data"))).containsExactly("items");
        assertThat(body.get("meta")).isEqualTo(JSON.readTree("{\"page\": 1, \"page_size\": 20, \"total\": 8}"));
        assertThat(ids(body)).containsExactlyElementsOf(all());
    }

    @Test
    void pages_are_cut_after_ordering_and_meta_echoes_the_request() {
        JsonNode second = list(OPERADOR, "page", "2", "page_size", "3");
        assertThat(second.get("meta")).isEqualTo(JSON.readTree("{\"page\": 2, \"page_size\": 3, \"total\": 8}"));
        assertThat(ids(second)).containsExactlyElementsOf(all().subList(3, 6));

        JsonNode last = list(OPERADOR, "page", "3", "page_size", "3");
        assertThat(ids(last)).containsExactlyElementsOf(all().subList(6, 8));

        JsonNode beyond = list(OPERADOR, "page", "9", "page_size", "100");
        assertThat(ids(beyond)).isEmpty();
        assertThat(beyond.get("meta")).isEqualTo(JSON.readTree("{\"page\": 9, \"page_size\": 100, \"total\": 8}"));

        JsonNode one = list(OPERADOR, "page_size", "1");
        assertThat(ids(one)).containsExactly(registrado3);
    }

    @ParameterizedTest
    @CsvSource({"page_size=0, page_size", "page_size=101, page_size", "page_size=-1, page_size",
            "page_size=abc, page_size", "page_size=2.5, page_size", "page=0, page", "page=-3, page", "page=x, page",
            "page=1.0, page", "page=99999999999, page"})
    void out_of_range_or_non_integer_paging_is_422(String query, String field) {
        assertValidation(get("/solicitudes?" + query, session(ADMIN)), field, null);
    }

    @Test
    void q_matches_documento_nombres_or_apellidos_case_insensitively() {
        assertThat(ids(list(GESTOR, "q", "50000003"))).containsExactly(pagado);
        assertThat(ids(list(GESTOR, "q", "000000"))).containsExactlyElementsOf(
                List.of(registrado3, registrado2, cancelado, cerrado, pagado, asignadoGestor, registrado));
        assertThat(ids(list(GESTOR, "q", "ANA maria"))).containsExactly(registrado);
        assertThat(ids(list(GESTOR, "q", "rAmOs"))).containsExactly(pagado);
        assertThat(ids(list(GESTOR, "q", "perez"))).containsExactly(asignadoMedico);
        JsonNode juan = list(GESTOR, "q", "juan");
        assertThat(ids(juan)).containsExactly(asignadoMedico);
        assertThat(juan.at("/meta/total").intValue()).isEqualTo(1);
        // each column on its own: a "nombres apellidos" string matches none of them
        assertThat(ids(list(GESTOR, "q", "Carla Ramos"))).isEmpty();
        // the apoderado is not searched
        assertThat(ids(list(GESTOR, "q", "Mario"))).isEmpty();
        assertThat(ids(list(GESTOR, "q", "60000003"))).isEmpty();
    }

    @Test
    void percent_and_underscore_in_q_match_literally() {
        assertThat(ids(list(ADMIN, "q", "Lopez_Diaz"))).containsExactly(registrado);
        assertThat(ids(list(ADMIN, "q", "100%"))).containsExactly(asignadoGestor);
        assertThat(ids(list(ADMIN, "q", "%"))).containsExactly(asignadoGestor);
        assertThat(ids(list(ADMIN, "q", "_"))).containsExactly(registrado);
        assertThat(ids(list(ADMIN, "q", "!"))).isEmpty();
    }

    @Test
    void the_estado_operativo_filter_applies_before_paging_and_total_counts_the_filtered_set() {
        JsonNode first = list(ADMIN, "estado_operativo", "REGISTRADO", "page_size", "2");
        assertThat(ids(first)).containsExactly(registrado3, registrado2);
        assertThat(first.get("meta")).isEqualTo(JSON.readTree("{\"page\": 1, \"page_size\": 2, \"total\": 3}"));
        JsonNode second = list(ADMIN, "estado_operativo", "REGISTRADO", "page_size", "2", "page", "2");
        assertThat(ids(second)).containsExactly(registrado);
        assertThat(second.at("/meta/total").intValue()).isEqualTo(3);

        assertThat(ids(list(ADMIN, "estado_operativo", "ASIGNADO_GESTOR"))).containsExactly(asignadoGestor);
        assertThat(ids(list(ADMIN, "estado_operativo", "PAGADO"))).containsExactly(pagado);
        assertThat(ids(list(ADMIN, "estado_operativo", "ASIGNADO_MEDICO"))).containsExactly(asignadoMedico);
        assertThat(ids(list(ADMIN, "estado_operativo", "CERRADO"))).containsExactly(cerrado);
        assertThat(ids(list(ADMIN, "estado_operativo", "CANCELADO"))).containsExactly(cancelado);
        // combined with q and mine
        JsonNode combined = list(OPERADOR, "estado_operativo", "REGISTRADO", "q", "5000000", "mine", "true");
        assertThat(ids(combined)).containsExactly(registrado2, registrado);
        assertThat(combined.at("/meta/total").intValue()).isEqualTo(2);
    }

    @ParameterizedTest
    @ValueSource(strings = {"pagado", "ABIERTO", "REGISTRADO ", " PAGADO"})
    void an_unknown_estado_operativo_is_422(String value) {
        assertValidation(getList(session(ADMIN), "estado_operativo", value), "estado_operativo", null);
    }

    @Test
    void every_row_shows_its_derived_estado_operativo() {
        JsonNode items = list(ADMIN).at("/data/items");
        List<String> estados = items.valueStream().map(i -> i.get("estado_operativo").asString()).toList();
        assertThat(estados).containsExactly("REGISTRADO", "REGISTRADO", "CANCELADO", "CERRADO", "ASIGNADO_MEDICO",
                "PAGADO", "ASIGNADO_GESTOR", "REGISTRADO");
    }

    @Test
    void mine_scopes_each_role_to_its_own_solicitudes() {
        assertThat(ids(list(ADMIN, "mine", "true"))).containsExactlyElementsOf(all());
        JsonNode operador = list(OPERADOR, "mine", "true");
        assertThat(ids(operador)).containsExactly(registrado2, cancelado, asignadoGestor, registrado);
        assertThat(operador.at("/meta/total").intValue()).isEqualTo(4);
        // vigente GESTOR assignment to persona 3; creating a solicitud does not make it a gestor's own
        assertThat(ids(list(GESTOR, "mine", "true"))).containsExactly(cerrado, asignadoMedico, pagado, asignadoGestor);
        assertThat(ids(list(MEDICO, "mine", "true"))).containsExactly(cerrado, asignadoMedico);
        // without mine every role sees everything
        assertThat(ids(list(MEDICO, "mine", "false"))).containsExactlyElementsOf(all());
    }

    @Test
    void mine_combines_the_roles_of_a_user_with_or() {
        execute("INSERT INTO user_role (user_id, user_role, created_at) VALUES (3, 'OPERADOR', UTC_TIMESTAMP())");
        try {
            assertThat(ids(list(GESTOR, "mine", "true")))
                    .containsExactly(registrado3, cerrado, asignadoMedico, pagado, asignadoGestor);
        } finally {
            execute("DELETE FROM user_role WHERE user_id = 3 AND user_role = 'OPERADOR'");
        }
    }

    @Test
    void a_user_without_any_of_the_roles_gets_an_empty_mine_list_but_sees_everything_otherwise() {
        execute("INSERT INTO personas (tipo_documento, numero_documento, nombres, apellidos, created_at, updated_at) "
                + "VALUES ('DNI', '00000099', 'Sin', 'Rol', UTC_TIMESTAMP(), UTC_TIMESTAMP())");
        execute("INSERT INTO users (persona_id, password_hash, user_email, estado, created_at, updated_at) "
                + "SELECT (SELECT persona_id FROM personas WHERE numero_documento = '00000099'), password_hash, "
                + "'sinrol@cmep.local', 'ACTIVO', UTC_TIMESTAMP(), UTC_TIMESTAMP() FROM users WHERE user_id = 2");
        String session = login("sinrol@cmep.local", "operador123");

        JsonNode mine = json(get("/solicitudes?mine=true", session).expectStatus().isOk());
        assertThat(ids(mine)).isEmpty();
        assertThat(mine.get("meta")).isEqualTo(JSON.readTree("{\"page\": 1, \"page_size\": 20, \"total\": 0}"));
        JsonNode everything = json(get("/solicitudes", session).expectStatus().isOk());
        assertThat(ids(everything)).containsExactlyElementsOf(all());
    }

    @ParameterizedTest
    @CsvSource({"true, 4", "TRUE, 4", "1, 4", "yes, 4", "on, 4", "false, 8", "0, 8", "no, 8", "off, 8", "'', 8"})
    void mine_accepts_the_usual_boolean_spellings(String value, int total) {
        assertThat(list(OPERADOR, "mine", value).at("/meta/total").intValue()).isEqualTo(total);
    }

    @ParameterizedTest
    @ValueSource(strings = {"maybe", "2", "si", "truee"})
    void mine_with_anything_else_is_422(String value) {
        assertValidation(getList(session(OPERADOR), "mine", value), "mine", null);
    }

    @Test
    void a_list_item_has_exactly_the_fields_of_the_contract() {
        String year = String.valueOf(Year.now(ZoneOffset.UTC).getValue());
        JsonNode items = list(ADMIN, "q", "Ramos").at("/data/items");
        assertThat(items).hasSize(1);
        int apoderadoId = Integer.parseInt(string("SELECT persona_id FROM personas WHERE numero_documento = '60000003'"));
        int clienteId = Integer.parseInt(string("SELECT persona_id FROM personas WHERE numero_documento = '50000003'"));
        assertThat(items.get(0)).isEqualTo(JSON.readTree("{\"solicitud_id\": " + pagado + ", \"codigo\": \"CMEP-"
                + year + "-" + String.format("%04d", pagado) + "\", \"cliente\": {\"persona_id\": " + clienteId
                + ", \"tipo_documento\": \"DNI\", \"numero_documento\": \"50000003\", \"doc\": \"DNI 50000003\", "
                + "\"nombre\": \"Carla Ramos\", \"celular\": \"987000003\"}, \"apoderado\": {\"persona_id\": "
                + apoderadoId + ", \"tipo_documento\": \"DNI\", \"numero_documento\": \"60000003\", "
                + "\"nombres\": \"Mario\", \"apellidos\": \"Ramos\"}, \"estado_operativo\": \"PAGADO\", "
                + "\"gestor\": \"Carlos Gestor\", \"medico\": null, \"promotor\": {\"promotor_id\": 2, "
                + "\"tipo_promotor\": \"EMPRESA\", \"nombre\": \"Notaria Gonzales & Asociados\", \"ruc\": \"20123456789\", "
                + "\"email\": \"contacto@notariagonzales.com\", \"celular\": null, \"fuente_promotor\": \"Notaria\"}, "
                + "\"operador\": \"Carlos Gestor\", \"created_at\": \"" + createdAt(pagado) + "\"}"));

        JsonNode medico = list(ADMIN, "estado_operativo", "ASIGNADO_MEDICO").at("/data/items/0");
        assertThat(medico.get("gestor").asString()).isEqualTo("Carlos Gestor");
        assertThat(medico.get("medico").asString()).isEqualTo("Maria Medico");
        assertThat(medico.get("operador").asString()).isEqualTo("Admin Sistema");
        assertThat(medico.get("apoderado").isNull()).isTrue();
        assertThat(medico.at("/cliente/persona_id").intValue()).isEqualTo(7);
        assertThat(medico.at("/cliente/celular").asString()).isEqualTo("987654321");
        assertThat(medico.get("promotor").get("nombre").asString()).isEqualTo("Feria");
        assertThat(medico.get("promotor").get("tipo_promotor").asString()).isEqualTo("OTROS");

        JsonNode sinNada = list(ADMIN, "q", "Soto").at("/data/items/0");
        assertThat(sinNada.get("gestor").isNull()).isTrue();
        assertThat(sinNada.get("promotor").isNull()).isTrue();
        assertThat(sinNada.get("apoderado").isNull()).isTrue();
        assertThat(sinNada.get("created_at").asString()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
    }

    @Test
    void operador_is_null_when_the_registering_user_is_unknown() {
        // created_by is a plain integer without FK (audit block): a deleted or seed-less creator gives null
        execute("UPDATE solicitud_cmep SET created_by = NULL WHERE solicitud_id = " + registrado3);
        try {
            assertThat(list(ADMIN, "q", "Soto").at("/data/items/0/operador").isNull()).isTrue();
        } finally {
            execute("UPDATE solicitud_cmep SET created_by = 3 WHERE solicitud_id = " + registrado3);
        }
    }

    @Test
    void without_a_session_the_list_is_401() {
        assertError(get("/solicitudes", null), 401, "UNAUTHENTICATED", "No autenticado");
        assertError(get("/solicitudes?page=0", null), 401, "UNAUTHENTICATED", "No autenticado");
    }

    private String createdAt(int id) {
        return string("SELECT DATE_FORMAT(created_at, '%Y-%m-%dT%H:%i:%sZ') FROM solicitud_cmep WHERE solicitud_id = "
                + id);
    }
}
