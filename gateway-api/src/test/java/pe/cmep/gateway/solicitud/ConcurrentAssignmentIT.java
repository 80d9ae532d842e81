package pe.cmep.gateway.solicitud;

import static org.assertj.core.api.Assertions.assertThat;
import static pe.cmep.gateway.solicitud.WorkflowClient.ADMIN;
import static pe.cmep.gateway.solicitud.WorkflowClient.GESTOR;
import static pe.cmep.gateway.solicitud.WorkflowClient.MEDICO;
import static pe.cmep.gateway.solicitud.WorkflowClient.OPERADOR;
import static pe.cmep.gateway.solicitud.WorkflowClient.PAGO;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.function.IntFunction;
import java.util.stream.Collectors;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import pe.cmep.gateway.auth.SessionCookies;
import pe.cmep.gateway.support.ApiIntegrationTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Parallel requests over real connections. On different solicitudes every one succeeds. On one solicitud
 * (decision 11): each write locks the solicitud
 * with NOWAIT, so of the requests that overlap one proceeds and the others are refused with 409 CONFLICT at
 * once; a request that starts after the winner committed sees the new state (the policy's 403 where the
 * action is no longer granted). Never a 500, and the data stay consistent: one vigente assignment per role,
 * one payment and one historial row per successful request.
 */
class ConcurrentAssignmentIT extends ApiIntegrationTest {

    private static final int PARALLEL = 16;
    private static final int IN_FLIGHT = 8;
    private static final String CONCURRENT = "La solicitud esta siendo modificada por otra operacion; intente de nuevo";

    @LocalServerPort
    int port;

    private WorkflowClient w;
    private HttpClient http;
    private final JsonMapper json = JsonMapper.builder().build();

    @BeforeEach
    void logIn() {
        w = new WorkflowClient(client, db, Map.of(
                ADMIN, login(ADMIN, "admin123"),
                OPERADOR, login(OPERADOR, "operador123"),
                GESTOR, login(GESTOR, "gestor123"),
                MEDICO, login(MEDICO, "medico123")));
        http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
    }

    @Test
    void parallel_asignar_gestor_assigns_exactly_once() {
        int conflicts = 0;
        for (int round = 0; round < 4; round++) {
            int id = w.create();
            List<Result> results = parallel(i -> new Call(i % 2 == 0 ? OPERADOR : ADMIN, id, "asignar-gestor",
                    "{\"persona_id_gestor\": 3}"));

            assertThat(results).filteredOn(r -> r.status() == 200).hasSize(1);
            assertRefusalsAre409Or403(results, "ASIGNAR_GESTOR", "ASIGNADO_GESTOR");
            conflicts += (int) results.stream().filter(r -> r.status() == 409).count();
            assertThat(count("SELECT COUNT(*) FROM solicitud_asignacion WHERE solicitud_id = " + id
                    + " AND rol = 'GESTOR'")).isEqualTo(1);
            assertThat(count("SELECT COUNT(*) FROM solicitud_asignacion WHERE solicitud_id = " + id
                    + " AND rol = 'GESTOR' AND es_vigente = 1")).isEqualTo(1);
            assertThat(count("SELECT COUNT(*) FROM solicitud_estado_historial WHERE solicitud_id = " + id
                    + " AND campo = 'asignacion_gestor'")).isEqualTo(1);
            assertThat(count("SELECT COUNT(*) FROM outbox_event WHERE solicitud_id = " + id
                    + " AND event_type = 'solicitud.gestor_assigned' AND outbox_id > (SELECT MAX(outbox_id) FROM "
                    + "outbox_event WHERE solicitud_id = " + id + " AND event_type = 'solicitud.created')"))
                    .isEqualTo(1);
        }
        assertThat(conflicts).as("overlapping requests were refused by the lock").isPositive();
    }

    /**
     * Work on different solicitudes never conflicts: each request locks only its own solicitud's row, and no write
     * locks a range of a shared index (InnoDB's next-key lock on an empty range made the inserts of two
     * assignments deadlock, and half of them were answered 409).
     */
    @Test
    void parallel_actions_on_different_solicitudes_all_succeed() {
        List<Integer> ids = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            ids.add(w.create());
        }

        List<Result> assigned = inParallel(ids, id -> new Call(OPERADOR, id, "asignar-gestor", "{\"persona_id_gestor\": 3}"));
        List<Result> paid = inParallel(ids, id -> new Call(GESTOR, id, "registrar-pago", PAGO));

        assertThat(assigned).allSatisfy(r -> assertThat(r.status()).as(r.body()).isEqualTo(200));
        assertThat(paid).allSatisfy(r -> assertThat(r.status()).as(r.body()).isEqualTo(200));
        String list = ids.stream().map(String::valueOf).collect(Collectors.joining(","));
        assertThat(count("SELECT COUNT(*) FROM solicitud_asignacion WHERE es_vigente = 1 AND rol = 'GESTOR' "
                + "AND solicitud_id IN (" + list + ")")).isEqualTo(100);
        assertThat(count("SELECT COUNT(*) FROM pago_solicitud WHERE solicitud_id IN (" + list + ")")).isEqualTo(100);
    }

    @Test
    void parallel_cambiar_gestor_keeps_one_vigente_row_and_a_consistent_historial() {
        execute("INSERT INTO personas (tipo_documento, numero_documento, nombres, apellidos) "
                + "VALUES ('DNI', '00000061', 'Gina', 'Gestora')");
        int otra = count("SELECT persona_id FROM personas WHERE numero_documento = '00000061'").intValue();
        execute("INSERT INTO empleado (persona_id, rol_empleado, estado_empleado) VALUES (" + otra
                + ", 'GESTOR', 'ACTIVO')");
        for (int round = 0; round < 3; round++) {
            int id = w.inState("ASIGNADO_GESTOR");
            List<Result> results = parallel(i -> new Call(List.of(OPERADOR, ADMIN, GESTOR, MEDICO).get(i % 4), id,
                    "cambiar-gestor", "{\"persona_id_gestor\": " + (i % 2 == 0 ? 3 : otra) + "}"));

            long ok = results.stream().filter(r -> r.status() == 200).count();
            assertThat(ok).isPositive();
            // CAMBIAR_GESTOR stays granted in ASIGNADO_GESTOR: every refusal is the lock's
            assertThat(results).filteredOn(r -> r.status() != 200).allSatisfy(r -> {
                assertThat(r.status()).as(r.body()).isEqualTo(409);
                assertThat(r.code()).isEqualTo("CONFLICT");
                assertThat(r.message()).isEqualTo(CONCURRENT);
            });
            assertThat(count("SELECT COUNT(*) FROM solicitud_asignacion WHERE solicitud_id = " + id
                    + " AND rol = 'GESTOR' AND es_vigente = 1")).isEqualTo(1);
            assertThat(count("SELECT COUNT(*) FROM solicitud_asignacion WHERE solicitud_id = " + id
                    + " AND rol = 'GESTOR'")).isEqualTo(1 + ok);
            // each change starts from the name the previous one left
            List<String[]> rows = w.query("SELECT valor_anterior, valor_nuevo FROM solicitud_estado_historial "
                            + "WHERE solicitud_id = " + id + " AND campo IN ('asignacion_gestor', 'cambio_gestor') "
                            + "ORDER BY historial_id",
                    r -> new String[] {r.get("valor_anterior", String.class), r.get("valor_nuevo", String.class)});
            assertThat(rows).hasSize((int) (1 + ok));
            for (int i = 1; i < rows.size(); i++) {
                assertThat(rows.get(i)[0]).isEqualTo(rows.get(i - 1)[1]);
            }
            String vigente = w.query("SELECT CONCAT(p.nombres, ' ', p.apellidos) AS nombre FROM solicitud_asignacion "
                    + "sa JOIN personas p ON p.persona_id = sa.persona_id WHERE sa.solicitud_id = " + id
                    + " AND sa.rol = 'GESTOR' AND sa.es_vigente = 1", r -> r.get("nombre", String.class)).get(0);
            assertThat(vigente).isEqualTo(rows.get(rows.size() - 1)[1]);
            assertThat(count("SELECT COUNT(*) FROM outbox_event WHERE solicitud_id = " + id
                    + " AND event_type = 'solicitud.gestor_changed' AND outbox_id > (SELECT MAX(outbox_id) FROM "
                    + "outbox_event WHERE solicitud_id = " + id + " AND event_type = 'solicitud.created')"))
                    .isEqualTo(ok);
        }
    }

    @Test
    void parallel_registrar_pago_inserts_one_payment_per_success() {
        for (int round = 0; round < 3; round++) {
            int id = w.inState("ASIGNADO_GESTOR");
            List<Result> results = parallel(i -> new Call(i % 2 == 0 ? GESTOR : ADMIN, id, "registrar-pago", PAGO));

            long ok = results.stream().filter(r -> r.status() == 200).count();
            // REGISTRAR_PAGO is not granted in PAGADO: after the first payment only refusals remain
            assertThat(ok).isEqualTo(1);
            assertRefusalsAre409Or403(results, "REGISTRAR_PAGO", "PAGADO");
            assertThat(count("SELECT COUNT(*) FROM pago_solicitud WHERE solicitud_id = " + id)).isEqualTo(ok);
            assertThat(count("SELECT COUNT(*) FROM solicitud_estado_historial WHERE solicitud_id = " + id
                    + " AND campo = 'pago_registrado'")).isEqualTo(ok);
            assertThat(count("SELECT COUNT(*) FROM solicitud_estado_historial WHERE solicitud_id = " + id
                    + " AND campo = 'estado_pago'")).isEqualTo(1);
            assertThat(w.detail(ADMIN, id).get("estado_operativo").asString()).isEqualTo("PAGADO");
        }
    }

    @Test
    void parallel_cerrar_and_cancelar_end_in_exactly_one_of_them() {
        for (int round = 0; round < 3; round++) {
            int id = w.inState("ASIGNADO_MEDICO");
            List<Result> results = parallel(i -> i % 2 == 0
                    ? new Call(MEDICO, id, "cerrar", "{\"comentario\": \"cierre\"}")
                    : new Call(ADMIN, id, "cancelar", "{\"comentario\": \"cancelacion\"}"));

            assertThat(results).filteredOn(r -> r.status() == 200).hasSize(1);
            assertThat(results).filteredOn(r -> r.status() != 200)
                    .allSatisfy(r -> assertThat(r.status()).as(r.body()).isIn(403, 409));
            assertThat(count("SELECT COUNT(*) FROM solicitud_estado_historial WHERE solicitud_id = " + id
                    + " AND campo = 'estado_atencion'")).isEqualTo(1);
            String estado = w.detail(ADMIN, id).get("estado_operativo").asString();
            assertThat(estado).isIn("CERRADO", "CANCELADO");
            assertThat(count("SELECT COUNT(*) FROM outbox_event WHERE solicitud_id = " + id + " AND event_type IN "
                    + "('solicitud.closed', 'solicitud.cancelled') AND outbox_id > (SELECT MAX(outbox_id) FROM "
                    + "outbox_event WHERE solicitud_id = " + id + " AND event_type = 'solicitud.created')"))
                    .isEqualTo(1);
        }
    }

    private void assertRefusalsAre409Or403(List<Result> results, String accion, String estado) {
        assertThat(results).filteredOn(r -> r.status() != 200).allSatisfy(r -> {
            assertThat(r.status()).as(r.body()).isIn(403, 409);
            if (r.status() == 409) {
                assertThat(r.code()).isEqualTo("CONFLICT");
                assertThat(r.message()).isEqualTo(CONCURRENT);
            } else {
                assertThat(r.code()).isEqualTo("FORBIDDEN");
                assertThat(r.message()).isEqualTo("Accion '" + accion + "' no permitida en estado '" + estado + "'");
            }
        });
    }

    /** Sends {@link #PARALLEL} requests at once and waits for every answer. */
    private List<Result> parallel(IntFunction<Call> calls) {
        List<CompletableFuture<HttpResponse<String>>> futures = new ArrayList<>();
        for (int i = 0; i < PARALLEL; i++) {
            futures.add(http.sendAsync(request(calls.apply(i)), HttpResponse.BodyHandlers.ofString()));
        }
        return results(futures);
    }

    /** One request per solicitud, {@value #IN_FLIGHT} in flight at a time, as a busy front desk would send them. */
    private List<Result> inParallel(List<Integer> ids, IntFunction<Call> calls) {
        Semaphore inFlight = new Semaphore(IN_FLIGHT);
        List<CompletableFuture<HttpResponse<String>>> futures = new ArrayList<>();
        for (int id : ids) {
            inFlight.acquireUninterruptibly();
            futures.add(http.sendAsync(request(calls.apply(id)), HttpResponse.BodyHandlers.ofString())
                    .whenComplete((response, error) -> inFlight.release()));
        }
        return results(futures);
    }

    private HttpRequest request(Call call) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/solicitudes/"
                        + call.solicitudId() + "/" + call.action()))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .header("Cookie", SessionCookies.NAME + "=" + w.session(call.user()))
                .POST(HttpRequest.BodyPublishers.ofString(call.body()))
                .build();
    }

    private List<Result> results(List<CompletableFuture<HttpResponse<String>>> futures) {
        List<Result> results = new ArrayList<>();
        for (CompletableFuture<HttpResponse<String>> f : futures) {
            HttpResponse<String> response = f.join();
            results.add(new Result(response.statusCode(), response.body(), json.readTree(response.body())));
        }
        assertThat(results).allSatisfy(r -> assertThat(r.status()).as(r.body()).isLessThan(500));
        return results;
    }

    private record Call(String user, int solicitudId, String action, String body) {
    }

    private record Result(int status, String body, JsonNode json) {

        String code() {
            return json.get("error").get("code").asString();
        }

        String message() {
            return json.get("error").get("message").asString();
        }
    }
}
