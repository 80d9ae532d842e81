package pe.cmep.gateway.outbox;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import pe.cmep.events.SolicitudEvent;
import pe.cmep.events.SolicitudEventCodec;
import reactor.core.publisher.Mono;

/**
 * Records solicitud events for publication. Call {@link #append} inside the transaction of the state
 * change it describes: the row is written through the transaction's connection, so the event exists
 * exactly when the change does, and {@link OutboxRelay} publishes it after the commit.
 * <p>
 * A solicitud's events are published in insert order. The transaction must therefore hold the lock of the
 * solicitud's row ({@code SELECT … FOR UPDATE}) before appending, so that two actions on one solicitud
 * cannot insert in one order and commit in the other (docs/decisions.md §9).
 */
@Component
public class Outbox {

    private final DatabaseClient db;
    private final SolicitudEventCodec codec = new SolicitudEventCodec();

    public Outbox(DatabaseClient db) {
        this.db = db;
    }

    public Mono<Void> append(SolicitudEvent event) {
        return Mono.fromCallable(() -> codec.toJson(event))
                .flatMap(json -> db.sql("INSERT INTO outbox_event "
                                + "(event_id, event_type, event_version, solicitud_id, payload, occurred_at) "
                                + "VALUES (:eventId, :eventType, :eventVersion, :solicitudId, :payload, :occurredAt)")
                        .bind("eventId", event.eventId().toString())
                        .bind("eventType", event.type())
                        .bind("eventVersion", event.version())
                        .bind("solicitudId", event.solicitudId())
                        .bind("payload", json)
                        // naive UTC, as every DATETIME of the schema
                        .bind("occurredAt", LocalDateTime.ofInstant(event.occurredAt(), ZoneOffset.UTC))
                        .then());
    }
}
