package pe.cmep.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import pe.cmep.events.EstadoOperativo;
import pe.cmep.events.GestorAssigned;
import pe.cmep.events.GestorChanged;
import pe.cmep.events.MedicoAssigned;
import pe.cmep.events.PaymentRegistered;
import pe.cmep.events.SolicitudCancelled;
import pe.cmep.events.SolicitudClosed;
import pe.cmep.events.SolicitudCreated;
import pe.cmep.events.SolicitudDeleted;
import pe.cmep.events.SolicitudEvent;
import pe.cmep.events.SolicitudEventPayload;
import pe.cmep.events.SolicitudState;
import pe.cmep.localstack.UsesTestBackend;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Property: the daily tables the projector keeps by deltas equal the ones the rebuild computes from the row tables,
 * whatever the events were and however they arrived. Random histories of solicitudes sharing few clientes,
 * promotores, days and payment dates (so the distinct counts' gaps move: a payment date between two others, a second
 * solicitud of a cliente with the same promotor, deletions), delivered as a FIFO queue does (each solicitud's events
 * in order, redelivered at once or later, plus stale states under new ids that must be ignored), the solicitudes
 * applied concurrently, so events that share a day, a group or a member commit side by side. Prints its seed;
 * {@code -Dcmep.reportes.seed=<n>} replays it.
 */
@UsesTestBackend
class ReportDailyTablesIT {

    private static final Instant T0 = Instant.parse("2026-03-01T22:00:00Z");
    private static final String[] MONEDAS = {"PEN", "USD"};

    private static ReportDatabase database;

    @BeforeAll
    static void migrate() {
        database = new ReportDatabase("cmep_reporting_daily");
    }

    @Test
    void the_daily_tables_kept_by_the_projector_equal_the_rebuild_from_the_row_tables() {
        long seed = Long.getLong("cmep.reportes.seed", System.nanoTime());
        System.out.println("report_daily_tables seed=" + seed);
        Random random = new Random(seed);
        ReportProjector projector = new ReportProjector(new ReportAggregateRepository(database.db),
                ReportProjector.transacciones(database.transactions), Clock.systemUTC(), "daily-it-" + UUID.randomUUID());

        for (int ronda = 0; ronda < 3; ronda++) {
            List<List<SolicitudEvent>> grupos = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                grupos.add(entrega(historia(ronda * 100 + i + 1, random), random));
            }
            Set<UUID> vistos = ConcurrentHashMap.newKeySet();
            Flux.fromIterable(grupos)
                    .flatMap(grupo -> Flux.fromIterable(grupo).concatMap(e -> projector.apply(e)
                            .doOnNext(outcome -> assertThat(outcome).as("event %s", e.eventId())
                                    .isEqualTo(vistos.add(e.eventId()) ? ReportProjector.Outcome.APPLIED
                                            : ReportProjector.Outcome.DUPLICATE))), 8)
                    .blockLast(Duration.ofMinutes(2));

            Map<TablaDiaria, List<String>> proyectadas = diarias().block();
            assertThat(proyectadas).as("seed %s round %s", seed, ronda).isEqualTo(reconstruidas());
            proyectadas.forEach((tabla, filas) -> assertThat(filas).as("%s, seed %s", tabla, seed).isNotEmpty());
        }
        // some solicitudes were deleted along the way
        assertThat(Integer.parseInt(database.rows("SELECT COUNT(*) FROM reporte_solicitud").get(0))).isLessThan(120);
    }

    /**
     * One solicitud's events in order: created, then assignments, payments on a few shared dates, closing or
     * cancelling, sometimes a deletion; each state one second newer than the previous.
     */
    private static List<SolicitudEvent> historia(int id, Random random) {
        List<SolicitudEvent> eventos = new ArrayList<>();
        Instant creada = T0.plus(Duration.ofHours(random.nextInt(96)));
        Integer promotor = random.nextInt(3) == 0 ? null : 1 + random.nextInt(2);
        int cliente = 11 + random.nextInt(3);
        Estado s = new Estado(creada);
        eventos.add(SolicitudEvent.of(id, 3, creada, new SolicitudCreated("CMEP-" + id, cliente, null, promotor, null,
                null, null, 3 + 2 * random.nextInt(2), creada, s.state())));
        int pagoId = id * 10;
        int pasos = random.nextInt(7);
        for (int k = 0; k < pasos && !s.terminal(); k++) {
            s.siguiente();
            SolicitudEventPayload payload = switch (random.nextInt(5)) {
                case 0 -> {
                    Integer anterior = s.gestor;
                    s.gestor = 21 + random.nextInt(2);
                    yield anterior == null ? new GestorAssigned(s.gestor, "G", null, null, false, s.state())
                            : new GestorChanged(s.gestor, "G", anterior, "G", false, s.state());
                }
                case 1, 2 -> {
                    s.pago = "PAGADO";
                    yield new PaymentRegistered(++pagoId, "YAPE", LocalDate.parse("2026-03-01")
                            .plusDays(random.nextInt(6) * 3L), new BigDecimal(10 + random.nextInt(90) + ".50"),
                            MONEDAS[random.nextInt(2)], "PENDIENTE", s.state());
                }
                case 3 -> {
                    s.medico = 31 + random.nextInt(2);
                    yield new MedicoAssigned(s.medico, "M", null, null, false, s.state());
                }
                default -> {
                    if (random.nextBoolean()) {
                        s.atencion = "ATENDIDO";
                        yield new SolicitudClosed(s.state());
                    }
                    s.atencion = "CANCELADO";
                    yield new SolicitudCancelled("motivo", s.state());
                }
            };
            eventos.add(SolicitudEvent.of(id, 3, s.updatedAt, payload));
        }
        if (eventos.size() > 1 && random.nextInt(3) == 0) {
            // an older state under a new id, after the newer one: the projector must leave the row alone
            SolicitudEvent viejo = eventos.get(random.nextInt(eventos.size() - 1));
            eventos.add(SolicitudEvent.of(id, 3, viejo.occurredAt(), viejo.payload()));
        }
        if (random.nextInt(5) == 0) {
            s.siguiente();
            eventos.add(SolicitudEvent.of(id, 3, s.updatedAt, new SolicitudDeleted(List.of())));
        }
        return eventos;
    }

    /** In order, some delivered again at once and some again at the end (behind newer ones). */
    private static List<SolicitudEvent> entrega(List<SolicitudEvent> enOrden, Random random) {
        List<SolicitudEvent> entregados = new ArrayList<>();
        List<SolicitudEvent> tardios = new ArrayList<>();
        for (SolicitudEvent e : enOrden) {
            entregados.add(e);
            if (random.nextInt(6) == 0) {
                entregados.add(e);
            }
            if (random.nextInt(6) == 0) {
                tardios.add(e);
            }
        }
        entregados.addAll(tardios);
        return entregados;
    }

    /** The daily tables with the rebuild's statements over the current row tables, in a transaction rolled back. */
    private Map<TablaDiaria, List<String>> reconstruidas() {
        ReportRebuildRepository rebuild = new ReportRebuildRepository(database.db);
        return database.tx.execute(status -> {
                    status.setRollbackOnly();
                    return Flux.fromArray(TablaDiaria.values())
                            .concatMap(t -> database.db.sql("DELETE FROM " + t.tabla).then())
                            .then(rebuild.llenarDiarias())
                            .then(diarias());
                })
                .single()
                .block();
    }

    /** Every row with a figure other than 0 (a row at 0 is the same as none), as text, in key order. */
    private static Mono<Map<TablaDiaria, List<String>>> diarias() {
        return Flux.fromArray(TablaDiaria.values())
                .concatMap(t -> {
                    List<String> columnas = new ArrayList<>(t.claves);
                    columnas.addAll(t.cifras);
                    String sql = "SELECT " + String.join(", ", columnas) + " FROM " + t.tabla + " WHERE "
                            + t.cifras.stream().map(c -> c + " <> 0").collect(Collectors.joining(" OR "))
                            + " ORDER BY " + String.join(", ", t.claves);
                    return database.db.sql(sql)
                            .map((row, meta) -> columnas.stream().map(c -> String.valueOf(row.get(c)))
                                    .collect(Collectors.joining(" ")))
                            .all()
                            .collectList()
                            .map(filas -> Map.entry(t, filas));
                })
                .collectMap(Map.Entry::getKey, Map.Entry::getValue, () -> new EnumMap<>(TablaDiaria.class));
    }

    /** The solicitud's state as the gateway would describe it after each step. */
    private static final class Estado {
        String atencion = "REGISTRADO";
        String pago = "PENDIENTE";
        Integer gestor;
        Integer medico;
        Instant updatedAt;

        Estado(Instant creada) {
            updatedAt = creada;
        }

        void siguiente() {
            updatedAt = updatedAt.plusSeconds(1);
        }

        boolean terminal() {
            return !atencion.equals("REGISTRADO");
        }

        SolicitudState state() {
            EstadoOperativo operativo = EstadoOperativo.derive(atencion, pago, gestor != null, medico != null);
            return new SolicitudState(atencion, pago, operativo.name(), gestor, medico, updatedAt);
        }
    }
}
