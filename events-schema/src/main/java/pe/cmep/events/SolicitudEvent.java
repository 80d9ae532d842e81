package pe.cmep.events;

import java.time.Instant;
import java.util.UUID;

/**
 * The envelope of every solicitud event, as published on the solicitud-events queue and stored in the outbox.
 *
 * @param eventId     unique id; consumers remember it to apply an event once, the FIFO queue deduplicates on it
 * @param type        wire name of the payload's type, e.g. {@code solicitud.created}
 * @param version     major version of the payload's shape; additive changes keep it
 * @param occurredAt  when the change was committed to happen, whole seconds UTC
 * @param solicitudId the solicitud; the FIFO message group, so its events stay in order
 * @param actor       user id of who caused it, null for the system
 * @param payload     what happened
 */
public record SolicitudEvent(
        UUID eventId,
        String type,
        int version,
        Instant occurredAt,
        int solicitudId,
        Integer actor,
        SolicitudEventPayload payload) {

    public SolicitudEvent {
        Checks.present(eventId, "event_id");
        Checks.present(payload, "payload");
        SolicitudEventType expected = SolicitudEventType.of(payload);
        if (!expected.type().equals(type) || expected.version() != version) {
            throw new IllegalArgumentException("A " + payload.getClass().getSimpleName() + " travels as "
                    + expected.type() + " v" + expected.version() + ", not " + type + " v" + version);
        }
        occurredAt = Checks.seconds(Checks.present(occurredAt, "occurred_at"));
        Checks.id(solicitudId, "solicitud_id");
    }

    /** A new event with a fresh id; type and version come from the payload. */
    public static SolicitudEvent of(int solicitudId, Integer actor, Instant occurredAt, SolicitudEventPayload payload) {
        SolicitudEventType type = SolicitudEventType.of(Checks.present(payload, "payload"));
        return new SolicitudEvent(UUID.randomUUID(), type.type(), type.version(), occurredAt, solicitudId, actor,
                payload);
    }
}
