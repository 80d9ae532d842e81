package pe.cmep.reporting;

import io.r2dbc.spi.R2dbcException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.transaction.ReactiveTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.reactive.TransactionalOperator;
import org.springframework.transaction.support.DefaultTransactionDefinition;
import pe.cmep.events.PaymentRegistered;
import pe.cmep.events.SolicitudCreated;
import pe.cmep.events.SolicitudDeleted;
import pe.cmep.events.SolicitudEvent;
import pe.cmep.events.SolicitudState;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * Applies one solicitud event to the report aggregates (docs/reports.md), at most once per
 * consumer and event id: the {@code processed_event} row and the aggregate changes commit in
 * one transaction, so a redelivered event finds its id and changes nothing.
 *
 * <p>The aggregates hold the solicitud's state as the event carries it, never a running total,
 * so applying a state is the same however often it happens; a state older than the one stored
 * (by {@code updated_at}) is skipped, which keeps a rebuild from being undone by events
 * that were still on their way when it ran.
 *
 * <p>The daily tables (V9) change by the solicitud's contribution after the event minus its contribution before
 * ({@link Deltas}), both computed from its rows read under lock in the same transaction; an event that changes no
 * row changes no figure. Two events that lock the same rows in opposite order (two new solicitudes of one cliente
 * and promotor, or an event during a rebuild) can deadlock: the database rolls one back and it is applied again.
 * Its transactions should be READ COMMITTED ({@link #transacciones}): every read that a delta depends on is a locking
 * read, which sees the latest committed rows at any level, and without REPEATABLE READ's gap locks the events of
 * solicitudes that are neighbours in an index (new ids, new clientes of one promotor) do not lock each other out.
 */
public final class ReportProjector {

    /** Rows of {@code reporte_estado}; see V5__report_aggregates.sql. */
    static final int PARTICIONES = 32;
    private static final int REINTENTOS = 10;
    private static final int DEADLOCK = 1213;
    private static final int LOCK_WAIT = 1205;
    private static final Logger log = LoggerFactory.getLogger(ReportProjector.class);

    private final ReportAggregateRepository aggregates;
    private final TransactionalOperator tx;
    private final Clock clock;
    private final String consumer;

    /** @param consumer the name under which {@code processed_event} remembers the applied events */
    public ReportProjector(ReportAggregateRepository aggregates, TransactionalOperator tx, Clock clock,
                           String consumer) {
        this.aggregates = aggregates;
        this.tx = tx;
        this.clock = clock;
        this.consumer = consumer;
    }

    /** The transactions the projector is meant to run in; see the class comment. */
    public static TransactionalOperator transacciones(ReactiveTransactionManager transactions) {
        DefaultTransactionDefinition definition = new DefaultTransactionDefinition();
        definition.setIsolationLevel(TransactionDefinition.ISOLATION_READ_COMMITTED);
        return TransactionalOperator.create(transactions, definition);
    }

    public Mono<Outcome> apply(SolicitudEvent event) {
        return Mono.defer(() -> aggregates.remember(consumer, event.eventId().toString(),
                                LocalDateTime.now(clock).truncatedTo(ChronoUnit.SECONDS))
                        .flatMap(first -> {
                            if (!first) {
                                return Mono.just(Outcome.DUPLICATE);
                            }
                            Deltas deltas = new Deltas();
                            return change(event, deltas).then(stamp(event))
                                    .then(Mono.defer(() -> aggregates.aplicar(deltas)))
                                    .thenReturn(Outcome.APPLIED);
                        })
                        .as(tx::transactional))
                .retryWhen(Retry.backoff(REINTENTOS, Duration.ofMillis(5)).maxBackoff(Duration.ofMillis(200))
                        .filter(ReportProjector::bloqueo)
                        .doBeforeRetry(r -> log.info("report_event_retry event_id={} type={} solicitud_id={} "
                                        + "attempt={} reason=\"{}\"", event.eventId(), event.type(),
                                event.solicitudId(), r.totalRetries() + 1, r.failure().getMessage())));
    }

    /** A deadlock (1213) or lock wait timeout (1205): the database rolled the transaction, or the statement, back. */
    static boolean bloqueo(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof ConcurrencyFailureException
                    || t instanceof R2dbcException r && (r.getErrorCode() == DEADLOCK || r.getErrorCode() == LOCK_WAIT)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Changes the row tables and collects, in {@code deltas}, what that changes in the daily tables; these are
     * written last, after the stamp, because today's rows are shared by every event of the day and stay locked
     * from that write to the commit.
     */
    private Mono<Void> change(SolicitudEvent event, Deltas deltas) {
        int id = event.solicitudId();
        if (event.payload() instanceof SolicitudDeleted) {
            return eliminar(id, deltas);
        }
        if (event.payload() instanceof SolicitudCreated created) {
            // inserting first takes no lock on a missing row's gap, which every new solicitud would share
            return aggregates.insert(id, created).flatMap(nueva -> nueva ? crear(id, created, deltas)
                    : aggregates.fila(id).flatMap(fila -> fila.map(f -> estado(id, f, created.state(), deltas))
                            .orElse(Mono.empty())));
        }
        Mono<Void> pago = event.payload() instanceof PaymentRegistered p ? pagar(id, p, deltas) : Mono.empty();
        // only an existing row changes: the solicitud's creation data comes with solicitud.created alone
        return pago.then(aggregates.fila(id))
                .flatMap(fila -> fila.map(f -> estado(id, f, event.payload().state(), deltas)).orElse(Mono.empty()));
    }

    /** The row was just inserted: it adds its contribution, and moves its cliente's days with its promotor. */
    private Mono<Void> crear(int id, SolicitudCreated c, Deltas deltas) {
        SolicitudState s = c.state();
        FilaReporte fila = new FilaReporte(utc(c.createdAt()), c.createdBy(), c.clienteId(), c.promotorId(),
                s.estadoAtencion(), s.estadoOperativo(), s.gestorPersonaId(), s.medicoPersonaId(), utc(s.updatedAt()));
        deltas.fila(fila, 1);
        if (c.promotorId() == null) {
            return Mono.empty();
        }
        return aggregates.grupo(c.promotorId(), c.clienteId()).doOnNext(despues -> {
            List<LocalDate> antes = new ArrayList<>(despues);
            antes.remove(fila.dia());
            deltas.grupo(c.promotorId(), antes, -1).grupo(c.promotorId(), despues, 1);
        }).then();
    }

    /** A state older than the stored one is skipped (see the class comment). */
    private Mono<Void> estado(int id, FilaReporte antes, SolicitudState s, Deltas deltas) {
        FilaReporte despues = antes.con(s);
        if (despues.actualizadoEn().isBefore(antes.actualizadoEn())) {
            return Mono.empty();
        }
        deltas.fila(antes, -1).fila(despues, 1);
        return aggregates.updateState(id, s);
    }

    private Mono<Void> pagar(int id, PaymentRegistered p, Deltas deltas) {
        return aggregates.pagos(id).flatMap(antes -> aggregates.insert(id, p).doOnNext(nuevo -> {
            if (nuevo) {
                List<PagoReporte> despues = new ArrayList<>(antes);
                despues.add(new PagoReporte(p.fechaPago(), p.moneda(), p.monto()));
                deltas.pagos(antes, -1).pagos(despues, 1);
            }
        })).then();
    }

    private Mono<Void> eliminar(int id, Deltas deltas) {
        return aggregates.fila(id).flatMap(fila -> aggregates.pagos(id).flatMap(pagos -> grupo(fila).flatMap(antes -> {
            deltas.fila(fila.orElse(null), -1).pagos(pagos, -1);
            fila.filter(f -> f.promotorId() != null).ifPresent(f -> {
                List<LocalDate> despues = new ArrayList<>(antes);
                despues.remove(f.dia());
                deltas.grupo(f.promotorId(), antes, -1).grupo(f.promotorId(), despues, 1);
            });
            return aggregates.delete(id);
        })));
    }

    private Mono<List<LocalDate>> grupo(Optional<FilaReporte> fila) {
        return fila.filter(f -> f.promotorId() != null)
                .map(f -> aggregates.grupo(f.promotorId(), f.clienteId()))
                .orElse(Mono.just(List.of()));
    }

    /**
     * Events of different solicitudes are applied in parallel, so the newest one is kept, not the last; each
     * stamps the row of its partition, so their transactions never queue on one row lock.
     */
    private Mono<Void> stamp(SolicitudEvent event) {
        return aggregates.stamp(event.solicitudId() % PARTICIONES, utc(event.occurredAt()));
    }

    static LocalDateTime utc(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    /** What became of an event. */
    public enum Outcome {
        /** its changes are in the aggregates now */
        APPLIED,
        /** it had been applied before (a redelivery or a duplicate): nothing changed */
        DUPLICATE
    }
}
