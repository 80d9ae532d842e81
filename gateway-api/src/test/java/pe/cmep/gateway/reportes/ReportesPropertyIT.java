package pe.cmep.gateway.reportes;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.http.MediaType;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.ReactiveTransactionManager;
import org.springframework.transaction.reactive.TransactionalOperator;
import pe.cmep.events.SolicitudEvent;
import pe.cmep.events.SolicitudEventCodec;
import pe.cmep.gateway.auth.SessionCookies;
import pe.cmep.gateway.support.ApiIntegrationTest;
import pe.cmep.gateway.support.MutableClock;
import pe.cmep.gateway.text.Timestamps;
import pe.cmep.reporting.ReportAggregateRepository;
import pe.cmep.reporting.ReportProjector;
import pe.cmep.reporting.ReportRebuild;
import pe.cmep.reporting.ReportRebuildRepository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Property: whatever happened to the solicitudes, and however the queue delivered the events, the report
 * served from the aggregates equals the report computed by SQL over the source tables ({@link ReporteSql}).
 *
 * <p>Random histories run over HTTP against the real API (with a clock moved by hand across a year end, so
 * creation and payment dates spread over months and ISO weeks); the events the API wrote to its outbox are
 * fed to the workflow-worker's projector in random interleavings with redeliveries and late duplicates. At
 * several points of the history the two reports are compared for many windows, both groupings and estado
 * filters, and the daily tables the projector keeps by deltas must equal those of a rebuild from the source tables
 * (run in a transaction that is rolled back). Finally the rebuild must give the same report again. Each seed is
 * printed, so a failure can be replayed.
 */
// Its own context (the hand-moved clock): without a relay, which would race the other context's relay for the
// outbox rows, and closed afterwards.
@Import(ReportesPropertyIT.Reloj.class)
@TestPropertySource(properties = {"cmep.api.session.expire-hours=100000", "cmep.outbox.enabled=false"})
@DirtiesContext
class ReportesPropertyIT extends ApiIntegrationTest {

    static final Instant INICIO = Instant.parse("2025-11-20T08:00:00Z");
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final SolicitudEventCodec CODEC = new SolicitudEventCodec();

    @Autowired
    MutableClock clock;

    @Autowired
    TransactionalOperator tx;

    @Autowired
    ReactiveTransactionManager transactions;

    private long inicioOutbox;

    @TestConfiguration
    static class Reloj {
        @Bean
        @Primary
        MutableClock relojDePrueba() {
            return new MutableClock(INICIO);
        }
    }

    @Test
    void the_report_from_the_aggregates_equals_the_sql_over_the_source_tables_for_random_histories() {
        long seed = Long.getLong("cmep.reportes.seed", System.nanoTime());
        System.out.println("reportes_property seed=" + seed);
        Random random = new Random(seed);
        String admin = login("admin@cmep.local", "admin123");
        List<Integer> gestores = new ArrayList<>(List.of(3));
        List<Integer> medicos = new ArrayList<>(List.of(4));
        List<String> registradores = new ArrayList<>(List.of(admin, login("operador@cmep.local", "operador123")));
        gestores.add(empleado(admin, "gestor2@cmep.local", "Gaby", "Gestora Dos", "GESTOR"));
        gestores.add(empleado(admin, "gestor3@cmep.local", "Gino", "Gestor Tres", "GESTOR"));
        medicos.add(empleado(admin, "medico2@cmep.local", "Mara", "Medica Dos", "MEDICO"));
        empleado(admin, "operador2@cmep.local", "Olga", "Operadora Dos", "OPERADOR");
        registradores.add(login("operador2@cmep.local", "password-123"));
        List<Integer> promotores = new ArrayList<>(List.of(1, 2));
        promotores.add(promotor(admin, "{\"tipo_promotor\": \"OTROS\", \"nombre_promotor_otros\": \"Feria de salud\"}"));
        // the API never writes these, but a catalogue may hold them: the names fall back to "Otro" and "—"
        promotores.add(promotorSinNombre("OTROS"));
        promotores.add(promotorSinNombre("EMPRESA"));

        HistoriaAleatoria historia = new HistoriaAleatoria(client, random, clock, admin, registradores, gestores,
                medicos, promotores);
        ReportProjector projector = new ReportProjector(new ReportAggregateRepository(db),
                ReportProjector.transacciones(transactions), Clock.systemUTC(), "reportes-test-" + UUID.randomUUID());
        // the outbox keeps earlier classes' events, whose solicitud ids the seed reset hands out again
        inicioOutbox = count("SELECT COALESCE(MAX(outbox_id), 0) FROM outbox_event");
        long aplicadosHasta = inicioOutbox;
        for (int tramo = 0; tramo < 3; tramo++) {
            historia.pasos(70);
            aplicadosHasta = aplicar(projector, aplicadosHasta, random);
            comparar(admin, random, "tramo " + tramo + " seed " + seed);
            assertThat(diarias().block()).as("daily tables, tramo %s seed %s", tramo, seed)
                    .isEqualTo(diariasDelRebuild());
        }
        assertThat(historia.aceptados()).as("accepted requests of %s steps", historia.pasos())
                .isGreaterThan(historia.pasos() / 2);
        assertThat(count("SELECT COUNT(*) FROM solicitud_cmep WHERE estado_atencion = 'ATENDIDO'")).isPositive();
        assertThat(count("SELECT COUNT(*) FROM pago_solicitud WHERE moneda = 'USD'")).isPositive();

        new ReportRebuild(new ReportRebuildRepository(db), tx, clock).run().block(Duration.ofMinutes(1));
        comparar(admin, random, "after rebuild, seed " + seed);
        assertThat(reporte(admin, "").get("actualizado_en").asString())
                .isEqualTo(Timestamps.format(LocalDateTime.ofInstant(clock.instant(), java.time.ZoneOffset.UTC)));
    }

    /** Applies the outbox events after {@code desde} as a FIFO queue may deliver them; returns the newest id. */
    private long aplicar(ReportProjector projector, long desde, Random random) {
        List<Object[]> filas = db.sql("SELECT outbox_id, payload FROM outbox_event WHERE outbox_id > :desde "
                        + "ORDER BY outbox_id")
                .bind("desde", desde)
                .map((row, meta) -> new Object[] {row.get("outbox_id", Long.class), row.get("payload", String.class)})
                .all().collectList().block();
        List<SolicitudEvent> eventos = filas.stream().map(f -> CODEC.fromJson((String) f[1])).toList();
        List<SolicitudEvent> entregados = EventosRepetidos.entrega(eventos, random);
        Set<UUID> distintos = new HashSet<>();
        int aplicados = 0;
        for (SolicitudEvent e : entregados) {
            ReportProjector.Outcome outcome = projector.apply(e).block(Duration.ofSeconds(30));
            assertThat(outcome).as("event %s delivered again", e.eventId())
                    .isEqualTo(distintos.add(e.eventId()) ? ReportProjector.Outcome.APPLIED
                            : ReportProjector.Outcome.DUPLICATE);
            aplicados += outcome == ReportProjector.Outcome.APPLIED ? 1 : 0;
        }
        assertThat(entregados.size()).isGreaterThan(eventos.size());
        assertThat(aplicados).isEqualTo(eventos.size());
        return filas.isEmpty() ? desde : (Long) filas.get(filas.size() - 1)[0];
    }

    private void comparar(String admin, Random random, String contexto) {
        LocalDate inicio = LocalDate.ofInstant(INICIO, java.time.ZoneOffset.UTC);
        LocalDate hoy = LocalDate.now(clock);
        List<LocalDate[]> ventanas = new ArrayList<>();
        ventanas.add(new LocalDate[] {inicio.minusDays(60), hoy});
        ventanas.add(new LocalDate[] {inicio.minusDays(200), inicio.minusDays(100)});
        ventanas.add(new LocalDate[] {hoy, hoy});
        for (int i = 0; i < 4; i++) {
            LocalDate a = inicio.plusDays(random.nextInt((int) (hoy.toEpochDay() - inicio.toEpochDay()) + 1));
            LocalDate b = a.plusDays(random.nextInt(40));
            ventanas.add(new LocalDate[] {a, b});
        }
        for (LocalDate[] v : ventanas) {
            for (String agrupacion : List.of("mensual", "semanal")) {
                String estado = random.nextInt(3) == 0 ? null
                        : ReporteSql.ESTADOS.get(random.nextInt(ReporteSql.ESTADOS.size()));
                String query = "?desde=" + v[0] + "&hasta=" + v[1] + "&agrupacion=" + agrupacion
                        + (estado == null ? "" : "&estado=" + estado);
                JsonNode esperado = new ReporteSql(db).reporte(v[0], v[1], estado, agrupacion);
                assertThat(sinFecha(reporte(admin, query))).as("%s %s", contexto, query).isEqualTo(esperado);
            }
        }
        JsonNode porDefecto = sinFecha(reporte(admin, ""));
        assertThat(porDefecto).as("%s default window", contexto)
                .isEqualTo(new ReporteSql(db).reporte(hoy.minusDays(30), hoy, null, "mensual"));
        String newest = db.sql("SELECT MAX(occurred_at) AS t FROM outbox_event WHERE outbox_id > :inicio")
                .bind("inicio", inicioOutbox)
                .map((row, meta) -> Timestamps.format(row.get("t", LocalDateTime.class))).one().block();
        if (!contexto.startsWith("after rebuild")) {
            assertThat(reporte(admin, "").get("actualizado_en").asString()).as(contexto).isEqualTo(newest);
        }
    }

    /** What a rebuild from the source tables would leave in the daily tables, without keeping it. */
    private Map<String, List<String>> diariasDelRebuild() {
        return tx.execute(status -> {
                    status.setRollbackOnly();
                    return new ReportRebuild(new ReportRebuildRepository(db), tx, clock).run().then(diarias());
                })
                .single()
                .block(Duration.ofMinutes(1));
    }

    /** The rows of the daily tables (V9) with a figure other than 0 (the same as no row), as text in key order. */
    private Mono<Map<String, List<String>>> diarias() {
        Map<String, String> consultas = new LinkedHashMap<>();
        consultas.put("reporte_dia", "SELECT dia, estado_operativo, solicitudes FROM reporte_dia "
                + "WHERE solicitudes <> 0 ORDER BY dia, estado_operativo");
        consultas.put("reporte_equipo_dia", "SELECT rol, dia, miembro_id, solicitudes, cerradas FROM reporte_equipo_dia "
                + "WHERE solicitudes <> 0 OR cerradas <> 0 ORDER BY rol, dia, miembro_id");
        consultas.put("reporte_promotor_dia", "SELECT dia, promotor_id, dias_desde_anterior, clientes, solicitudes "
                + "FROM reporte_promotor_dia WHERE clientes <> 0 OR solicitudes <> 0 "
                + "ORDER BY dia, promotor_id, dias_desde_anterior");
        consultas.put("reporte_pago_dia", "SELECT fecha_pago, moneda, pagos, monto FROM reporte_pago_dia "
                + "WHERE pagos <> 0 OR monto <> 0 ORDER BY fecha_pago, moneda");
        consultas.put("reporte_pago_dia_solicitud", "SELECT fecha_pago, dias_desde_anterior, solicitudes "
                + "FROM reporte_pago_dia_solicitud WHERE solicitudes <> 0 ORDER BY fecha_pago, dias_desde_anterior");
        return Flux.fromIterable(consultas.entrySet())
                .concatMap(c -> db.sql(c.getValue())
                        .map((row, meta) -> meta.getColumnMetadatas().stream()
                                .map(col -> String.valueOf(row.get(col.getName())))
                                .collect(Collectors.joining(" ")))
                        .all()
                        .collectList()
                        .map(filas -> Map.entry(c.getKey(), filas)))
                .collectMap(Map.Entry::getKey, Map.Entry::getValue, LinkedHashMap::new);
    }

    private JsonNode reporte(String session, String query) {
        byte[] body = client.get().uri("/admin/reportes" + query).cookie(SessionCookies.NAME, session)
                .exchange().expectStatus().isOk().expectBody().returnResult().getResponseBody();
        return JSON.readTree(body).get("data");
    }

    private static JsonNode sinFecha(JsonNode data) {
        ObjectNode copy = (ObjectNode) data.deepCopy();
        copy.remove("actualizado_en");
        return copy;
    }

    /** Creates a user with an employee role over the admin API; returns its persona id. */
    private int empleado(String admin, String email, String nombres, String apellidos, String rol) {
        String body = "{\"user_email\": \"" + email + "\", \"password\": \"password-123\", \"nombres\": \"" + nombres
                + "\", \"apellidos\": \"" + apellidos + "\", \"tipo_documento\": \"DNI\", \"numero_documento\": \""
                + (50_000_000 + Math.abs(email.hashCode() % 1_000_000)) + "\", \"roles\": [\"" + rol + "\"]}";
        byte[] raw = client.post().uri("/admin/usuarios").cookie(SessionCookies.NAME, admin)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body)
                .exchange().expectStatus().isCreated().expectBody().returnResult().getResponseBody();
        return JSON.readTree(raw).get("data").get("persona_id").intValue();
    }

    private int promotorSinNombre(String tipo) {
        execute("INSERT INTO promotores (tipo_promotor, razon_social, nombre_promotor_otros, created_at) VALUES ('"
                + tipo + "', " + ("EMPRESA".equals(tipo) ? "''" : "NULL") + ", NULL, UTC_TIMESTAMP())");
        return count("SELECT MAX(promotor_id) FROM promotores").intValue();
    }

    private int promotor(String admin, String body) {
        client.post().uri("/promotores").cookie(SessionCookies.NAME, admin).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body).exchange().expectStatus().is2xxSuccessful();
        return count("SELECT MAX(promotor_id) FROM promotores").intValue();
    }
}
