package pe.cmep.gateway.outbox;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import org.springframework.stereotype.Component;
import pe.cmep.events.ArchivoEvent;
import pe.cmep.events.ArchivoEventCodec;
import pe.cmep.events.SolicitudEvent;
import pe.cmep.events.SolicitudEventCodec;
import reactor.core.publisher.Mono;

/**
 * Records events for publication: solicitud events for the solicitud-events queue, file events for the
 * file-events queue. Call {@link #append} inside the transaction of the state
 * change it describes: the row is written through the transaction's connection, so the event exists
 * exactly when the change does, and {@link OutboxRelay} publishes it after the commit.
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

    Outbox(OutboxRepository rows) {
        this.rows = rows;
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
                LocalDateTime.ofInstant(occurredAt, ZoneOffset.UTC)));
    }
}
