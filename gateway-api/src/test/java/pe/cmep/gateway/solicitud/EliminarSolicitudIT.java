package pe.cmep.gateway.solicitud;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.json.JsonCompareMode;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.transaction.reactive.TransactionalOperator;
import pe.cmep.events.SolicitudDeleted;
import pe.cmep.events.SolicitudEvent;
import pe.cmep.gateway.auth.SessionCookies;
import reactor.core.publisher.Mono;

/** DELETE /solicitudes/{id} (api.md §7.5, domain.md §5.8, §10 #17). */
class EliminarSolicitudIT extends SolicitudApiTest {

    @Autowired
    TransactionalOperator transaction;

    private WebTestClient.ResponseSpec delete(String uri, String session) {
        WebTestClient.RequestHeadersSpec<?> spec = client.delete().uri(uri);
        if (session != null) {
            spec = spec.cookie(SessionCookies.NAME, session);
        }
        return spec.exchange();
    }

    private void deleted(int id) {
        delete("/solicitudes/" + id, session(ADMIN)).expectStatus().isOk()
                .expectBody().json("{\"ok\": true}", JsonCompareMode.STRICT);
    }

    private long personas(String numeroDocumento) {
        return count("SELECT COUNT(*) FROM personas WHERE numero_documento = '" + numeroDocumento + "'");
    }

    private long clientes(String numeroDocumento) {
        return count("SELECT COUNT(*) FROM clientes c JOIN personas p ON p.persona_id = c.persona_id "
                + "WHERE p.numero_documento = '" + numeroDocumento + "'");
    }

    /** Links a file to the solicitud by SQL (optionally to a payment) and returns its archivo_id. */
    private int archivo(int solicitudId, String key, Integer pagoId) {
        execute("INSERT INTO archivos (nombre_original, nombre_storage, tipo, mime_type, tamano_bytes, storage_path) "
                + "VALUES ('f.pdf', '" + key.substring("uploads/".length()) + "', 'DOCUMENTO', 'application/pdf', 10, '"
                + key + "')");
        int archivoId = Integer.parseInt(string("SELECT archivo_id FROM archivos WHERE storage_path = '" + key + "'"));
        execute("INSERT INTO solicitud_archivo (solicitud_id, archivo_id, pago_id) VALUES (" + solicitudId + ", "
                + archivoId + ", " + (pagoId == null ? "NULL" : pagoId) + ")");
        return archivoId;
    }

    @Test
    void only_an_admin_may_delete_and_the_role_is_checked_before_anything_else() {
        int id = registerCliente(OPERADOR, "90000001", "Ada", "Lima");
        Map<String, Long> before = tableCounts();

        for (String email : List.of(OPERADOR, GESTOR, MEDICO)) {
            for (String target : List.of(String.valueOf(id), "999999", "abc")) {
                assertError(delete("/solicitudes/" + target, session(email)),
                        403, "FORBIDDEN", "Solo ADMIN puede acceder a esta funcion");
            }
        }

        assertThat(tableCounts()).isEqualTo(before);
        detail(OPERADOR, id);
    }

    @Test
    void without_a_session_it_is_401() {
        int id = registerCliente(OPERADOR, "90000002", "Bea", "Lima");

        assertError(delete("/solicitudes/" + id, null), 401, "UNAUTHENTICATED", "No autenticado");
        assertError(delete("/solicitudes/abc", null), 401, "UNAUTHENTICATED", "No autenticado");
        detail(OPERADOR, id);
    }

    @Test
    void an_admin_gets_404_for_an_unknown_solicitud_and_422_for_a_non_integer_id() {
        assertError(delete("/solicitudes/999999", session(ADMIN)), 404, "NOT_FOUND", "Solicitud no encontrada");
        assertValidation(delete("/solicitudes/abc", session(ADMIN)), "solicitud_id", null);
        assertValidation(delete("/solicitudes/0", session(ADMIN)), "solicitud_id", null);
    }

    @Test
    void the_delete_removes_everything_of_the_solicitud_and_its_orphan_personas_and_writes_the_event() {
        int id = register(OPERADOR, "{\"cliente\": " + cliente("90000003", "Cira", "Mena")
                + ", \"apoderado\": " + cliente("90000004", "Dino", "Mena")
                + ", \"promotor\": {\"tipo_promotor\": \"PERSONA\", \"tipo_documento\": \"DNI\", "
                + "\"numero_documento\": \"90000005\", \"nombres\": \"Eloy\", \"apellidos\": \"Prado\"}"
                + ", \"servicio_id\": 1}");
        post("/solicitudes/" + id + "/asignar-gestor", session(ADMIN), "{\"persona_id_gestor\": 3}")
                .expectStatus().isOk();
        post("/solicitudes/" + id + "/registrar-pago", session(GESTOR),
                "{\"canal_pago\": \"YAPE\", \"fecha_pago\": \"2026-01-29\", \"monto\": \"200.00\"}").expectStatus().isOk();
        post("/solicitudes/" + id + "/asignar-medico", session(GESTOR), "{\"persona_id_medico\": 4}")
                .expectStatus().isOk();
        int pagoId = Integer.parseInt(string("SELECT pago_id FROM pago_solicitud WHERE solicitud_id = " + id));
        int voucher = archivo(id, "uploads/" + "a".repeat(32) + ".pdf", pagoId);
        int documento = archivo(id, "uploads/" + "b".repeat(32) + ".pdf", null);
        execute("INSERT INTO resultado_medico (solicitud_id, medico_id, diagnostico) VALUES (" + id + ", 4, 'ok')");
        int promotorId = Integer.parseInt(string("SELECT promotor_id FROM solicitud_cmep WHERE solicitud_id = " + id));
        long mark = outboxMark();

        deleted(id);

        for (String table : List.of("resultado_medico", "solicitud_archivo", "pago_solicitud",
                "solicitud_estado_historial", "solicitud_asignacion", "solicitud_cmep")) {
            assertThat(count("SELECT COUNT(*) FROM " + table + " WHERE solicitud_id = " + id)).as(table).isZero();
        }
        assertThat(count("SELECT COUNT(*) FROM archivos WHERE archivo_id IN (" + voucher + ", " + documento + ")"))
                .isZero();
        // the cliente and the apoderado were only that: gone; the promotor and its persona stay
        assertThat(personas("90000003")).isZero();
        assertThat(clientes("90000003")).isZero();
        assertThat(personas("90000004")).isZero();
        assertThat(personas("90000005")).isOne();
        assertThat(count("SELECT COUNT(*) FROM promotores WHERE promotor_id = " + promotorId)).isOne();
        // the employees assigned to it are untouched
        assertThat(count("SELECT COUNT(*) FROM personas WHERE persona_id IN (3, 4)")).isEqualTo(2);
        assertError(get("/solicitudes/" + id, session(ADMIN)), 404, "NOT_FOUND", "Solicitud no encontrada");

        List<SolicitudEvent> events = eventsSince(mark, id);
        assertThat(events).hasSize(1);
        assertThat(events.get(0).type()).isEqualTo("solicitud.deleted");
        assertThat(events.get(0).actor()).isEqualTo(1);
        SolicitudDeleted payload = (SolicitudDeleted) events.get(0).payload();
        assertThat(payload.storageKeys()).containsExactly("uploads/" + "a".repeat(32) + ".pdf",
                "uploads/" + "b".repeat(32) + ".pdf");
        assertThat(payload.state()).isNull();
        assertThat(string("SELECT payload FROM outbox_event WHERE solicitud_id = " + id + " AND outbox_id > " + mark
                + " AND queue_role = 'solicitud-events'")).contains("\"state\":null");
    }

    @Test
    void a_solicitud_without_files_writes_an_event_without_keys() {
        int id = registerCliente(GESTOR, "90000006", "Fito", "Luna");
        long mark = outboxMark();

        deleted(id);

        List<SolicitudEvent> events = eventsSince(mark, id);
        assertThat(events).extracting(SolicitudEvent::type).containsExactly("solicitud.deleted");
        assertThat(((SolicitudDeleted) events.get(0).payload()).storageKeys()).isEmpty();
    }

    @Test
    void a_cliente_of_another_solicitud_is_kept_until_its_last_solicitud_goes() {
        int first = registerCliente(OPERADOR, "90000007", "Gala", "Rey");
        int second = registerCliente(OPERADOR, "90000007", "Gala", "Rey");

        deleted(first);
        assertThat(personas("90000007")).isOne();
        assertThat(clientes("90000007")).isOne();
        assertThat(detail(ADMIN, second).at("/cliente/nombre").asString()).isEqualTo("Gala Rey");

        deleted(second);
        assertThat(personas("90000007")).isZero();
        assertThat(clientes("90000007")).isZero();
    }

    @Test
    void a_cliente_who_is_a_user_or_an_employee_keeps_the_persona_but_loses_the_clientes_row() {
        // seed persona 3 (Carlos Gestor, DNI 00000003) is a user and an employee
        int user = registerCliente(OPERADOR, "00000003", "Carlos", "Gestor");
        // a persona with only an employee row
        int employee = registerCliente(OPERADOR, "90000008", "Hugo", "Diaz");
        execute("INSERT INTO empleado (persona_id, rol_empleado, estado_empleado) SELECT persona_id, 'MEDICO', "
                + "'ACTIVO' FROM personas WHERE numero_documento = '90000008'");

        deleted(user);
        deleted(employee);

        assertThat(personas("00000003")).isOne();
        assertThat(clientes("00000003")).isZero();
        assertThat(personas("90000008")).isOne();
        assertThat(clientes("90000008")).isZero();
        // the gestor still logs in and works
        assertThat(login(GESTOR, "gestor123")).isNotBlank();
    }

    @Test
    void a_cliente_who_is_also_a_promotor_persona_or_an_apoderado_elsewhere_is_kept() {
        int promotorPersona = register(OPERADOR, "{\"cliente\": " + cliente("90000009", "Ines", "Toro")
                + ", \"promotor\": {\"tipo_promotor\": \"PERSONA\", \"tipo_documento\": \"DNI\", "
                + "\"numero_documento\": \"90000009\", \"nombres\": \"Ines\", \"apellidos\": \"Toro\"}}");
        int apoderadoElsewhere = registerCliente(OPERADOR, "90000010", "Juan", "Vidal");
        int other = register(OPERADOR, "{\"cliente\": " + cliente("90000011", "Kiko", "Vidal")
                + ", \"apoderado\": " + cliente("90000010", "Juan", "Vidal") + "}");

        deleted(promotorPersona);
        deleted(apoderadoElsewhere);

        assertThat(personas("90000009")).isOne();
        assertThat(clientes("90000009")).isZero();
        assertThat(personas("90000010")).isOne();
        assertThat(clientes("90000010")).isZero();
        assertThat(detail(ADMIN, other).at("/apoderado/numero_documento").asString()).isEqualTo("90000010");
    }

    @Test
    void an_apoderado_is_deleted_only_when_nothing_else_needs_it() {
        // apoderado of two solicitudes
        int a1 = register(OPERADOR, "{\"cliente\": " + cliente("90000012", "Lia", "Sosa")
                + ", \"apoderado\": " + cliente("90000013", "Mao", "Sosa") + "}");
        int a2 = register(OPERADOR, "{\"cliente\": " + cliente("90000014", "Noe", "Sosa")
                + ", \"apoderado\": " + cliente("90000013", "Mao", "Sosa") + "}");
        // apoderado who is a cliente elsewhere
        int clienteElsewhere = registerCliente(OPERADOR, "90000015", "Oto", "Ruiz");
        int a3 = register(OPERADOR, "{\"cliente\": " + cliente("90000016", "Pau", "Ruiz")
                + ", \"apoderado\": " + cliente("90000015", "Oto", "Ruiz") + "}");
        // apoderado who is a user (seed persona 4, Maria Medico)
        int a4 = register(OPERADOR, "{\"cliente\": " + cliente("90000017", "Quique", "Mora")
                + ", \"apoderado\": " + cliente("00000004", "Maria", "Medico") + "}");

        deleted(a1);
        assertThat(personas("90000013")).isOne();
        deleted(a2);
        assertThat(personas("90000013")).isZero();

        deleted(a3);
        assertThat(personas("90000015")).isOne();
        assertThat(clientes("90000015")).isOne();
        assertThat(detail(ADMIN, clienteElsewhere).at("/cliente/numero_documento").asString()).isEqualTo("90000015");

        deleted(a4);
        assertThat(personas("00000004")).isOne();
        assertThat(login(MEDICO, "medico123")).isNotBlank();
    }

    @Test
    void a_file_still_linked_to_another_solicitud_keeps_its_row_and_its_object() {
        int first = registerCliente(OPERADOR, "90000020", "Tina", "Lazo");
        int second = registerCliente(OPERADOR, "90000021", "Ugo", "Lazo");
        String shared = "uploads/" + "c".repeat(32) + ".pdf";
        String own = "uploads/" + "d".repeat(32) + ".pdf";
        int sharedId = archivo(first, shared, null);
        execute("INSERT INTO solicitud_archivo (solicitud_id, archivo_id) VALUES (" + second + ", " + sharedId + ")");
        int ownId = archivo(first, own, null);
        long mark = outboxMark();

        deleted(first);

        assertThat(count("SELECT COUNT(*) FROM archivos WHERE archivo_id = " + sharedId)).isOne();
        assertThat(count("SELECT COUNT(*) FROM archivos WHERE archivo_id = " + ownId)).isZero();
        assertThat(detail(ADMIN, second).at("/archivos/0/archivo_id").intValue()).isEqualTo(sharedId);
        SolicitudDeleted payload = (SolicitudDeleted) eventsSince(mark, first).get(0).payload();
        assertThat(payload.storageKeys()).containsExactly(own);
        assertThat(string("SELECT GROUP_CONCAT(payload) FROM outbox_event WHERE queue_role = 'file-events' "
                + "AND event_type = 'archivo.deleted' AND outbox_id > " + mark)).contains(own).doesNotContain(shared);
    }

    @Test
    void a_registration_for_the_same_cliente_committing_during_the_delete_keeps_the_cliente() throws Exception {
        int first = registerCliente(OPERADOR, "90000022", "Vera", "Quiroz");
        String personaId = string("SELECT persona_id FROM personas WHERE numero_documento = '90000022'");
        // another request registers a solicitud for this cliente and commits while the delete runs: the
        // delete's count does not see it, its delete of the clientes row waits for it, then meets its FK
        CountDownLatch inserted = new CountDownLatch(1);
        CompletableFuture<Void> registration = db.sql("INSERT INTO solicitud_cmep (cliente_id, estado_atencion, "
                        + "estado_pago, created_at) VALUES (" + personaId + ", 'REGISTRADO', 'PENDIENTE', UTC_TIMESTAMP())")
                .then()
                .then(Mono.fromRunnable(inserted::countDown))
                .then(Mono.delay(Duration.ofMillis(1500)))
                .then()
                .as(transaction::transactional)
                .toFuture();
        // its row (and the lock its foreign key check holds on the cliente) exists before the delete starts
        assertThat(inserted.await(10, TimeUnit.SECONDS)).isTrue();

        deleted(first);
        registration.get(10, TimeUnit.SECONDS);

        assertThat(personas("90000022")).isOne();
        assertThat(clientes("90000022")).isOne();
        assertThat(count("SELECT COUNT(*) FROM solicitud_cmep WHERE cliente_id = " + personaId)).isOne();
    }

    @Test
    void a_closed_or_cancelled_solicitud_can_be_deleted_too() {
        int cancelado = registerCliente(OPERADOR, "90000018", "Rita", "Paz");
        post("/solicitudes/" + cancelado + "/cancelar", session(OPERADOR), "{\"comentario\": \"no vino\"}")
                .expectStatus().isOk();
        int cerrado = registerCliente(OPERADOR, "90000019", "Saul", "Paz");
        execute("UPDATE solicitud_cmep SET estado_atencion = 'ATENDIDO', cerrado_por = 4, fecha_cierre = UTC_TIMESTAMP() "
                + "WHERE solicitud_id = " + cerrado);

        deleted(cancelado);
        deleted(cerrado);

        assertThat(count("SELECT COUNT(*) FROM solicitud_cmep WHERE solicitud_id IN (" + cancelado + ", " + cerrado
                + ")")).isZero();
    }
}
