package pe.cmep.reporting;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import org.springframework.transaction.reactive.TransactionalOperator;
import pe.cmep.events.PaymentRegistered;
import pe.cmep.events.SolicitudCreated;
import pe.cmep.events.SolicitudDeleted;
import pe.cmep.events.SolicitudEvent;
import reactor.core.publisher.Mono;

/**
 * Applies one solicitud event to the report aggregates (docs/reports.md), at most once per
 * consumer and event id: the {@code processed_event} row and the aggregate changes commit in
 * one transaction, so a redelivered event finds its id and changes nothing.
 *
 * <p>The aggregates hold the solicitud's state as the event carries it, never a running total,
 * so applying a state is the same however often it happens; a state older than the one stored
 * (by {@code updated_at}) is skipped, which keeps a rebuild from being undone by events
 * that were still on their way when it ran.
 */
public final class ReportProjector {

    /** Rows of {@code reporte_estado}; see V5__report_aggregates.sql. */
    static final int PARTICIONES = 32;

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

    public Mono<Outcome> apply(SolicitudEvent event) {
        return aggregates.remember(consumer, event.eventId().toString(),
                        LocalDateTime.now(clock).truncatedTo(ChronoUnit.SECONDS))
                .flatMap(first -> first
                        ? change(event).then(stamp(event)).thenReturn(Outcome.APPLIED)
                        : Mono.just(Outcome.DUPLICATE))
                .as(tx::transactional);
    }

    private Mono<Void> change(SolicitudEvent event) {
        int id = event.solicitudId();
        if (event.payload() instanceof SolicitudDeleted) {
            return aggregates.delete(id);
        }
        if (event.payload() instanceof SolicitudCreated created) {
            // the row carries the event's state; a row that was there already (a rebuild's) has a state at least
            // as new, which an update would keep anyway: one statement fewer per created solicitud
            return aggregates.insert(id, created);
        }
        Mono<Void> specific = event.payload() instanceof PaymentRegistered pago ? aggregates.insert(id, pago)
                : Mono.empty();
        // only an existing row changes: the solicitud's creation data comes with solicitud.created alone
        return specific.then(aggregates.updateState(id, event.payload().state()));
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
