package pe.cmep.gateway.solicitud;

import static org.assertj.core.api.Assertions.assertThat;
import static pe.cmep.gateway.solicitud.WorkflowClient.ADMIN;
import static pe.cmep.gateway.solicitud.WorkflowClient.GESTOR;
import static pe.cmep.gateway.solicitud.WorkflowClient.GESTOR_PERSONA;
import static pe.cmep.gateway.solicitud.WorkflowClient.MEDICO;
import static pe.cmep.gateway.solicitud.WorkflowClient.MEDICO_PERSONA;
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
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import pe.cmep.gateway.auth.SessionCookies;
import pe.cmep.gateway.support.ApiIntegrationTest;
import tools.jackson.databind.json.JsonMapper;

/**
 * solicitud_conteo stays equal to the rows (decision 41): after random actions sent at once over real connections —
 * registrations, assignments, payments, closings, cancellations, overrides and deletes, many of them refused by the
 * lock or the policy — every counter equals the number of solicitudes of its state and slot, and the list's totals
 * without a filter and for each state are those of the rows.
 */
class SolicitudConteoIT extends ApiIntegrationTest {

    private static final int ROUNDS = 3;
    private static final int REQUESTS_PER_ROUND = 50;
    private static final int IN_FLIGHT = 12;
    private static final AtomicInteger DOCUMENTOS = new AtomicInteger(60_000_000);

    @LocalServerPort
    int port;

    @Autowired
    SolicitudConteoRepository conteos;

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
    void counters_equal_the_rows_after_random_concurrent_actions() {
        long seed = System.nanoTime();
        Random random = new Random(seed);
        List<Integer> ids = new CopyOnWriteArrayList<>();
        for (int i = 0; i < 8; i++) {
            ids.add(w.create());
        }
        List<Integer> statuses = new ArrayList<>();
        for (int round = 0; round < ROUNDS; round++) {
            List<Call> calls = new ArrayList<>();
            for (int i = 0; i < REQUESTS_PER_ROUND; i++) {
                calls.add(randomCall(random, ids));
            }
            statuses.addAll(send(calls, ids));
            assertCountersAreTheRows("seed " + seed + ", round " + round);
        }

        assertThat(statuses).as("seed %d", seed).allSatisfy(s -> assertThat(s).isLessThan(500));
        assertThat(statuses).as("seed %d: some actions succeeded", seed).filteredOn(s -> s == 200).hasSizeGreaterThan(20);
        assertThat(count("SELECT COUNT(DISTINCT estado_operativo) FROM solicitud_cmep")).as("seed %d", seed)
                .isGreaterThan(2);
        String admin = w.session(ADMIN);
        assertThat(listTotal(admin, "")).isEqualTo(count("SELECT COUNT(*) FROM solicitud_cmep"));
        for (String estado : WorkflowClient.ESTADOS) {
            assertThat(listTotal(admin, "&estado_operativo=" + estado)).as(estado)
                    .isEqualTo(count("SELECT COUNT(*) FROM solicitud_cmep WHERE estado_operativo = '" + estado + "'"));
        }
    }

    @Test
    void the_recount_brings_counters_back_to_the_rows_written_straight_into_the_database() {
        int id = w.create();
        execute("UPDATE solicitud_cmep SET estado_operativo = 'CANCELADO', estado_atencion = 'CANCELADO' "
                + "WHERE solicitud_id = " + id);
        execute("UPDATE solicitud_conteo SET n = n + 7 WHERE estado_operativo = 'PAGADO' AND slot = 3");
        assertThat(counters()).isNotEqualTo(rows());

        conteos.recontar().block(Duration.ofSeconds(30));

        assertThat(counters()).isEqualTo(rows());
    }

    private void assertCountersAreTheRows(String description) {
        assertThat(counters()).as(description).isEqualTo(rows());
    }

    /** Every non-zero counter, "estado/slot=n". */
    private List<String> counters() {
        return w.rows("SELECT CONCAT(estado_operativo, '/', slot, '=', n) AS r FROM solicitud_conteo WHERE n <> 0 "
                + "ORDER BY estado_operativo, slot");
    }

    private List<String> rows() {
        return w.rows("SELECT CONCAT(estado_operativo, '/', slot, '=', n) AS r FROM (SELECT estado_operativo, "
                + "solicitud_id MOD " + SolicitudConteoRepository.SLOTS + " AS slot, COUNT(*) AS n FROM solicitud_cmep "
                + "GROUP BY estado_operativo, slot) t ORDER BY estado_operativo, slot");
    }

    private long listTotal(String session, String filter) {
        String raw = client.get().uri("/solicitudes?page=1&page_size=5" + filter)
                .cookie(SessionCookies.NAME, session).exchange()
                .expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        return json.readTree(raw).at("/meta/total").longValue();
    }

    /** One of the writes that move a solicitud between states, on a random one of {@code ids} (or a new one). */
    private static Call randomCall(Random random, List<Integer> ids) {
        int id = ids.get(random.nextInt(ids.size()));
        return switch (random.nextInt(10)) {
            case 0, 1 -> new Call(OPERADOR, "POST", "/solicitudes", "{\"cliente\": {\"tipo_documento\": \"DNI\", "
                    + "\"numero_documento\": \"" + DOCUMENTOS.incrementAndGet() + "\", \"nombres\": \"Ana\", "
                    + "\"apellidos\": \"Rios\"}, \"servicio_id\": 1}");
            case 2 -> action(OPERADOR, id, "asignar-gestor", "{\"persona_id_gestor\": " + GESTOR_PERSONA + "}");
            case 3 -> action(GESTOR, id, "registrar-pago", PAGO);
            case 4 -> action(GESTOR, id, "asignar-medico", "{\"persona_id_medico\": " + MEDICO_PERSONA + "}");
            case 5 -> action(MEDICO, id, "cerrar", "{}");
            case 6 -> action(OPERADOR, id, "cancelar", "{\"comentario\": \"desistio\"}");
            case 7 -> action(ADMIN, id, "override", "{\"motivo\": \"revision\", \"accion\": \""
                    + (random.nextBoolean() ? "CANCELAR" : "CERRAR") + "\"}");
            case 8 -> new Call(ADMIN, "DELETE", "/solicitudes/" + id, null);
            default -> action(GESTOR, id, "registrar-pago", PAGO);
        };
    }

    private static Call action(String user, int id, String action, String body) {
        return new Call(user, "POST", "/solicitudes/" + id + "/" + action, body);
    }

    /** Sends the calls {@value #IN_FLIGHT} at a time; a registration adds its solicitud to {@code ids}. */
    private List<Integer> send(List<Call> calls, List<Integer> ids) {
        Semaphore inFlight = new Semaphore(IN_FLIGHT);
        List<CompletableFuture<HttpResponse<String>>> futures = new ArrayList<>();
        for (Call call : calls) {
            inFlight.acquireUninterruptibly();
            futures.add(http.sendAsync(request(call), HttpResponse.BodyHandlers.ofString())
                    .whenComplete((response, error) -> inFlight.release()));
        }
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < futures.size(); i++) {
            HttpResponse<String> response = futures.get(i).join();
            assertThat(response.statusCode()).as("%s %s: %s", calls.get(i).method(), calls.get(i).path(),
                    response.body()).isLessThan(500);
            statuses.add(response.statusCode());
            if (calls.get(i).path().equals("/solicitudes") && response.statusCode() == 200) {
                ids.add(json.readTree(response.body()).at("/data/solicitud_id").asInt());
            }
        }
        return statuses;
    }

    private HttpRequest request(Call call) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://localhost:" + port + call.path()))
                .timeout(Duration.ofSeconds(30))
                .header("Cookie", SessionCookies.NAME + "=" + w.session(call.user()));
        if (call.body() == null) {
            return builder.method(call.method(), HttpRequest.BodyPublishers.noBody()).build();
        }
        return builder.header("Content-Type", "application/json")
                .method(call.method(), HttpRequest.BodyPublishers.ofString(call.body())).build();
    }

    private record Call(String user, String method, String path, String body) {
    }
}
