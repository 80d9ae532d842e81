package pe.cmep.gateway.outbox;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import org.springframework.stereotype.Component;
import org.springframework.transaction.NoTransactionException;
import org.springframework.transaction.reactive.TransactionSynchronization;
import org.springframework.transaction.reactive.TransactionSynchronizationManager;
import pe.cmep.events.ArchivoEvent;
import pe.cmep.events.ArchivoEventCodec;
import pe.cmep.events.SolicitudEvent;
import pe.cmep.events.SolicitudEventCodec;
import reactor.core.publisher.Mono;

/**
 * Records events for publication: solicitud events for the solicitud-events queue, file events for the
 * file-events queue. Call {@link #append} inside the transaction of the state
 * change it describes: the row is written through the transaction's connection, so the event exists
 * exactly when the change does, and {@link OutboxRelay} publishes it after the commit: the commit itself wakes this
 * instance's relay (a transaction synchronization), so the event leaves without waiting for the next poll.
 * <p>
 * A solicitud's events are published in insert order. The transaction must therefore hold the lock of the
 * solicitud's row ({@code SELECT … FOR UPDATE}) before appending, so that two actions on one solicitud
 * cannot insert in one order and commit in the other (docs/decisions.md §9).
 */
@Component
public class Outbox {

    static final String SOLICITUD_EVENTS = "solicitud-events";
    static final String FILE_EVENTS = "file-events";

    private final SolicitudEventCodec codec = new SolicitudEventCodec();
    private final ArchivoEventCodec archivoCodec = new ArchivoEventCodec();
    private final OutboxRepository rows;
    private final OutboxWakeUp wakeUp;
    private final TransactionSynchronization wakeAfterCommit;

    Outbox(OutboxRepository rows, OutboxWakeUp wakeUp) {
        this.rows = rows;
        this.wakeUp = wakeUp;
        this.wakeAfterCommit = new TransactionSynchronization() {
            @Override
            public Mono<Void> afterCommit() {
                return Mono.fromRunnable(wakeUp::committed);
            }
        };
    }

    public Mono<Void> append(SolicitudEvent event) {
        return Mono.fromCallable(() -> codec.toJson(event))
                .flatMap(json -> insert(event.eventId().toString(), event.type(), event.version(), SOLICITUD_EVENTS,
                        event.solicitudId(), json, event.occurredAt()));
    }

    /** Same ordering rule as solicitud events: hold the lock of the file's solicitud row first. */
    public Mono<Void> append(ArchivoEvent event) {
        return Mono.fromCallable(() -> archivoCodec.toJson(event))
                .flatMap(json -> insert(event.eventId().toString(), event.type(), event.version(), FILE_EVENTS,
                        event.solicitudId(), json, event.occurredAt()));
    }

    private Mono<Void> insert(String eventId, String type, int version, String queueRole, int solicitudId,
                              String json, Instant occurredAt) {
        // naive UTC, as every DATETIME of the schema
        return rows.insert(new OutboxRepository.NewEvent(eventId, type, version, queueRole, solicitudId, json,
                        LocalDateTime.ofInstant(occurredAt, ZoneOffset.UTC)))
                .then(wakeRelayAfterCommit());
    }

    /**
     * The relay must not look before the commit (it would not see the row yet), so it is woken by the transaction
     * when it commits; registering the same synchronization twice is harmless (a set keeps one). Without a
     * transaction the insert has committed already.
     */
    private Mono<Void> wakeRelayAfterCommit() {
        return TransactionSynchronizationManager.forCurrentTransaction()
                .doOnNext(transaction -> {
                    if (transaction.isSynchronizationActive()) {
                        transaction.registerSynchronization(wakeAfterCommit);
                    } else {
                        wakeUp.committed();
                    }
                })
                .onErrorResume(NoTransactionException.class, e -> Mono.fromRunnable(wakeUp::committed))
                .then();
    }
}
