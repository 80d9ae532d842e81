package pe.cmep.workflow.reportes;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.awaitility.Awaitility;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import pe.cmep.events.GestorAssigned;
import pe.cmep.events.PaymentRegistered;
import pe.cmep.events.SolicitudClosed;
import pe.cmep.events.SolicitudCreated;
import pe.cmep.events.SolicitudDeleted;
import pe.cmep.events.SolicitudEvent;
import pe.cmep.events.SolicitudEventCodec;
import pe.cmep.events.SolicitudState;
import pe.cmep.localstack.TestBackends;
import pe.cmep.localstack.UsesTestBackend;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * The report consumer against the test backend: events written to the FIFO queue the way the gateway's
 * relay writes them end up in the aggregates once, in order per solicitud; what cannot be read goes to the
 * dead-letter queue with a log line naming it; the lag stays bounded under a sustained stream of events.
 */
@UsesTestBackend
@SpringBootTest
@ActiveProfiles("test")
@ExtendWith(OutputCaptureExtension.class)
class SolicitudEventsListenerIT {

    private static final Logger log = LoggerFactory.getLogger(SolicitudEventsListenerIT.class);

    private static ColaDeEventos cola;

    @Autowired
    DatabaseClient db;

    @Autowired
    MeterRegistry registry;

    @Autowired
    ReportesProperties properties;

    @DynamicPropertySource
    static void testBackend(DynamicPropertyRegistry registry) {
        TestBackends.shared().springProperties("cmep_test").forEach((key, value) -> registry.add(key, () -> value));
    }

    @BeforeAll
    static void queue() {
        cola = new ColaDeEventos(TestBackends.shared());
    }

    @AfterAll
    static void close() {
        cola.close();
    }

    @Test
    void the_events_of_a_solicitud_reach_the_aggregates_in_order_and_a_redelivered_one_changes_nothing() {
        int id = nuevoId();
        Instant t0 = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        SolicitudEvent creada = SolicitudEvent.of(id, 2, t0, new SolicitudCreated("CMEP-2026-" + id, 40, null, 7, 1,
                new BigDecimal("200.00"), "PEN", 2, t0, estado("REGISTRADO", "PENDIENTE", "REGISTRADO", null, null, t0)));
        Instant t1 = t0.plusSeconds(1);
        SolicitudEvent gestor = SolicitudEvent.of(id, 1, t1, new GestorAssigned(3, "Carlos Gestor", null, null, false,
                estado("REGISTRADO", "PENDIENTE", "ASIGNADO_GESTOR", 3, null, t1)));
        Instant t2 = t0.plusSeconds(2);
        SolicitudEvent pago = SolicitudEvent.of(id, 1, t2, new PaymentRegistered(id, "YAPE", LocalDate.of(2026, 1, 31),
                new BigDecimal("150.50"), "USD", "PENDIENTE", estado("REGISTRADO", "PAGADO", "PAGADO", 3, null, t2)));
        Instant t3 = t0.plusSeconds(3);
        SolicitudEvent cerrada = SolicitudEvent.of(id, 4, t3, new SolicitudClosed(
                estado("ATENDIDO", "PAGADO", "CERRADO", 3, 4, t3)));
        double duplicadosAntes = contador("solicitud.payment_registered", "duplicate");

        cola.send(creada);
        cola.send(gestor);
        cola.send(pago);
        cola.sendAgain(pago, UUID.randomUUID().toString());
        cola.send(cerrada);

        esperar(() -> "CERRADO".equals(texto("SELECT estado_operativo FROM reporte_solicitud WHERE solicitud_id = " + id))
                && contador("solicitud.payment_registered", "duplicate") > duplicadosAntes, Duration.ofSeconds(30));
        assertThat(texto("SELECT CONCAT_WS('|', creado_en, creado_por, cliente_id, promotor_id, estado_atencion, "
                + "gestor_persona_id, medico_persona_id, actualizado_en) FROM reporte_solicitud WHERE solicitud_id = " + id))
                .isEqualTo(String.join("|", sql(t0), "2", "40", "7", "ATENDIDO", "3", "4", sql(t3)));
        assertThat(texto("SELECT CONCAT_WS('|', fecha_pago, moneda, monto, COUNT(*) OVER ()) FROM reporte_pago "
                + "WHERE solicitud_id = " + id)).isEqualTo("2026-01-31|USD|150.50|1");
        assertThat(numero("SELECT COUNT(*) FROM processed_event WHERE consumer = '" + properties.consumerName()
                + "' AND event_id IN ('" + creada.eventId() + "', '" + gestor.eventId() + "', '" + pago.eventId()
                + "', '" + cerrada.eventId() + "')")).isEqualTo(4);
        assertThat(registry.get(ReportesMetrics.LAG).timer().count()).isPositive();

        SolicitudEvent borrada = new SolicitudEvent(UUID.randomUUID(), SolicitudDeleted.TYPE, SolicitudDeleted.VERSION,
                t3.plusSeconds(5), id, 1, new SolicitudDeleted(List.of()));
        cola.send(borrada);
        esperar(() -> numero("SELECT COUNT(*) FROM reporte_solicitud WHERE solicitud_id = " + id) == 0
                && numero("SELECT COUNT(*) FROM reporte_pago WHERE solicitud_id = " + id) == 0, Duration.ofSeconds(30));
    }

    @Test
    void an_unknown_major_version_goes_to_the_dead_letter_queue_with_a_log_line(CapturedOutput output) {
        int id = nuevoId();
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        SolicitudEvent event = SolicitudEvent.of(id, 1, now, new SolicitudClosed(
                estado("ATENDIDO", "PAGADO", "CERRADO", 3, 4, now)));
        String v2 = new SolicitudEventCodec().toJson(event).replace("\"version\":1", "\"version\":2");
        assertThat(v2).contains("\"version\":2");
        cola.drainDeadLetters();

        cola.send(v2, id, event.eventId().toString(), event.type(), 2);

        List<Message> dead = new ArrayList<>();
        esperar(() -> dead.addAll(cola.drainDeadLetters()) && !dead.isEmpty(), Duration.ofSeconds(60));
        assertThat(dead).extracting(Message::body).containsExactly(v2);
        assertThat(output.getAll()).contains("report_event_rejected event_id=" + event.eventId()
                + " type=solicitud.closed solicitud_id=" + id);
        assertThat(output.getAll()).contains("Unsupported major version 2");
        assertThat(contador("solicitud.closed", "rejected")).isGreaterThanOrEqualTo(5);
        assertThat(numero("SELECT COUNT(*) FROM processed_event WHERE event_id = '" + event.eventId() + "'")).isZero();
    }

    @Test
    void a_message_that_is_not_json_goes_to_the_dead_letter_queue_with_a_log_line(CapturedOutput output) {
        int id = nuevoId();
        String dedup = UUID.randomUUID().toString();
        cola.drainDeadLetters();

        cola.send("not json " + dedup, id, dedup, "solicitud.closed", 1);

        List<Message> dead = new ArrayList<>();
        esperar(() -> dead.addAll(cola.drainDeadLetters()) && !dead.isEmpty(), Duration.ofSeconds(60));
        assertThat(dead).extracting(Message::body).containsExactly("not json " + dedup);
        assertThat(output.getAll()).contains("report_event_rejected event_id=unknown type=unknown solicitud_id=unknown");
        assertThat(output.getAll()).contains("Event is not JSON");
    }

    @Test
    void lag_stays_bounded_while_1000_events_are_processed() throws InterruptedException {
        Timer lag = registry.get(ReportesMetrics.LAG).timer();
        long antes = lag.count();
        double[] inicio = {antes, lag.totalTime(TimeUnit.MILLISECONDS)};
        int base = nuevoId();
        int pagos = nuevoId();
        List<SolicitudEvent> lote = new ArrayList<>();
        List<double[]> cortes = new ArrayList<>();
        // 100 solicitudes with 10 events each at a steady 12.5 events per second: far above a busy office (the
        // soak's synthetic load made 11 per second), and below what the consumer kept up with on the slowest 2-core
        // CI machine seen (20.6 per second for half a minute)
        long start = System.nanoTime();
        for (int ronda = 0; ronda < 10; ronda++) {
            for (int s = 0; s < 100; s++) {
                int id = base + s;
                Instant now = Instant.now();
                lote.add(ronda == 0
                        ? SolicitudEvent.of(id, 2, now, new SolicitudCreated("CMEP-" + id, 40 + s % 7, null, null, null,
                                null, null, 2, now, estado("REGISTRADO", "PENDIENTE", "REGISTRADO", null, null, now)))
                        : SolicitudEvent.of(id, 1, now, new PaymentRegistered(pagos + s * 10 + ronda, "YAPE",
                                LocalDate.of(2026, 1, 1).plusDays(ronda), new BigDecimal("10.00"), "PEN", "PAGADO",
                                estado("REGISTRADO", "PAGADO", "PAGADO", null, null, now))));
                if (lote.size() == 10) {
                    cola.sendBatch(lote);
                    lote.clear();
                    corte(lag, antes, cortes);
                    long due = start + TimeUnit.MILLISECONDS.toNanos(800L * (ronda * 10 + s / 10 + 1));
                    long wait = due - System.nanoTime();
                    if (wait > 0) {
                        TimeUnit.NANOSECONDS.sleep(wait);
                    }
                }
            }
        }

        esperar(() -> {
            corte(lag, antes, cortes);
            return lag.count() - antes >= 1000;
        }, Duration.ofSeconds(120));
        assertThat(numero("SELECT COUNT(*) FROM reporte_pago WHERE solicitud_id BETWEEN " + base + " AND "
                + (base + 99))).isEqualTo(900);
        List<Double> medias = new ArrayList<>();
        double[] desde = inicio;
        for (double[] hasta : cortes) {
            medias.add(media(desde, hasta));
            desde = hasta;
        }
        double pendiente = pendienteRobusta(medias);
        log.info("report_lag_windows mean_ms_per_100_events={} slope_ms_per_100_events={} max_ms={}",
                medias.stream().map(Math::round).toList(), Math.round(pendiente), lag.max(TimeUnit.MILLISECONDS));
        // A consumer that keeps up has the same lag at the 1000th event as at the 100th. One slower than the 12.5
        // events per second queues them up, and the lag then grows with every event sent: by 100 × (1/r − 1/12.5) s
        // per 100 events at r events per second, 0.6 s at 11.6/s. The median of the slopes between every two windows
        // (Theil-Sen) ignores a few windows hit by a stall of the machine: with five builds sharing the two cores
        // (load average 20 to 27) the slopes were +209 and -363 ms per 100 events at 25/s, single events took up to
        // 22.5 s. At 25/s the check then failed in a CI run whose machine held the consumer to 20.6/s for 800 events
        // (windows 0.7 to 6.6 s, slope 699 ms) before it caught up; hence half that rate. 600 ms fails a
        // consumer 7 % slower than the events arrive.
        assertThat(pendiente).as("growth of the mean lag per 100 events, ms (windows %s)", medias).isLessThan(600);
        // an absolute bound for a consumer stuck rather than slow, on whole windows: single events stall with the
        // machine (22.5 s above); occurred_at has whole seconds, so up to a second of each figure is rounding
        assertThat(medias).as("mean lag of each 100 events, ms").allSatisfy(m -> assertThat(m).isLessThan(15_000));
    }

    /** Snapshots {count, total ms} of the timer each time another 100 of the events have been applied. */
    private static void corte(Timer lag, long antes, List<double[]> cortes) {
        long hechos = lag.count() - antes;
        if (cortes.size() < 10 && hechos >= 100L * (cortes.size() + 1)) {
            cortes.add(new double[] {lag.count(), lag.totalTime(TimeUnit.MILLISECONDS)});
        }
    }

    /** Mean lag in ms of the events applied between two snapshots. */
    private static double media(double[] desde, double[] hasta) {
        return (hasta[1] - desde[1]) / (hasta[0] - desde[0]);
    }

    /**
     * Theil-Sen: the median of the slopes between every two points (per one step of the index), which a few
     * outlying points do not move.
     */
    private static double pendienteRobusta(List<Double> puntos) {
        List<Double> pendientes = new ArrayList<>();
        for (int i = 0; i < puntos.size(); i++) {
            for (int j = i + 1; j < puntos.size(); j++) {
                pendientes.add((puntos.get(j) - puntos.get(i)) / (j - i));
            }
        }
        pendientes.sort(null);
        int n = pendientes.size();
        return n % 2 == 1 ? pendientes.get(n / 2) : (pendientes.get(n / 2 - 1) + pendientes.get(n / 2)) / 2;
    }

    private static SolicitudState estado(String atencion, String pago, String operativo, Integer gestor, Integer medico,
                                         Instant at) {
        return new SolicitudState(atencion, pago, operativo, gestor, medico, at);
    }

    private double contador(String type, String outcome) {
        var counter = registry.find(ReportesMetrics.EVENTS).tags("type", type, "outcome", outcome).counter();
        return counter == null ? 0 : counter.count();
    }

    /** Solicitud ids far above anything a seed writes, different in each test. */
    private static int nuevoId() {
        return 1_000_000 + ThreadLocalRandom.current().nextInt(100_000_000);
    }

    private static String sql(Instant t) {
        return t.toString().replace('T', ' ').replace("Z", "");
    }

    private String texto(String sql) {
        return db.sql(sql).map((row, meta) -> java.util.Optional.ofNullable(row.get(0)).map(Object::toString))
                .one().blockOptional().flatMap(v -> v).orElse(null);
    }

    private long numero(String sql) {
        return db.sql(sql).map((row, meta) -> ((Number) row.get(0)).longValue()).one().block();
    }

    private static void esperar(BooleanSupplier condicion, Duration plazo) {
        Awaitility.await().atMost(plazo).pollInterval(Duration.ofMillis(50)).until(condicion::getAsBoolean);
    }
}
