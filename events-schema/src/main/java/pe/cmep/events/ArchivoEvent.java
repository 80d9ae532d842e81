package pe.cmep.events;

import java.time.Instant;
import java.util.UUID;

/**
 * The envelope of every file event, as published on the file-events queue and stored in the outbox.
 *
 * @param eventId     unique id; the file-worker remembers it, the FIFO queue deduplicates on it
 * @param type        wire name of the payload's type, e.g. {@code archivo.uploaded}
 * @param version     major version of the payload's shape; additive changes keep it
 * @param occurredAt  when the change was committed to happen, whole seconds UTC
 * @param archivoId   the file ({@code archivos.archivo_id})
 * @param solicitudId the solicitud the file belonged to; the FIFO message group, so a file's upload is handled
 *                    before its delete
 * @param actor       user id of who caused it, null for the system
 * @param payload     what happened
 */
public record ArchivoEvent(
        UUID eventId,
        String type,
        int version,
        Instant occurredAt,
        int archivoId,
        int solicitudId,
        Integer actor,
        ArchivoEventPayload payload) {

    public ArchivoEvent {
        Checks.present(eventId, "event_id");
        Checks.present(payload, "payload");
        ArchivoEventType expected = ArchivoEventType.of(payload);
        if (!expected.type().equals(type) || expected.version() != version) {
            throw new IllegalArgumentException("A " + payload.getClass().getSimpleName() + " travels as "
                    + expected.type() + " v" + expected.version() + ", not " + type + " v" + version);
        }
        occurredAt = Checks.seconds(Checks.present(occurredAt, "occurred_at"));
        Checks.id(archivoId, "archivo_id");
        Checks.id(solicitudId, "solicitud_id");
    }

    /** A new event with a fresh id; type and version come from the payload. */
    public static ArchivoEvent of(int archivoId, int solicitudId, Integer actor, Instant occurredAt,
                                  ArchivoEventPayload payload) {
        ArchivoEventType type = ArchivoEventType.of(Checks.present(payload, "payload"));
        return new ArchivoEvent(UUID.randomUUID(), type.type(), type.version(), occurredAt, archivoId, solicitudId,
                actor, payload);
    }
}
