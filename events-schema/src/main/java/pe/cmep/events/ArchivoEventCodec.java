package pe.cmep.events;

import java.time.DateTimeException;
import java.time.Instant;
import java.util.UUID;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads and writes {@link ArchivoEvent}s as JSON with the conventions of {@link SolicitudEventCodec}. Unknown
 * fields are ignored; an unknown type or major version is refused. Thread-safe.
 */
public final class ArchivoEventCodec {

    private final JsonMapper mapper = EventJson.mapper();

    public String toJson(ArchivoEvent event) {
        return mapper.writeValueAsString(event);
    }

    /**
     * @throws UnsupportedEventException for a type or major version this code does not know
     * @throws MalformedEventException   for anything else that is not a valid event
     */
    public ArchivoEvent fromJson(String json) {
        JsonNode root = EventJson.tree(mapper, json);
        String type = EventJson.text(root, "type");
        ArchivoEventType known = ArchivoEventType.ofType(type).orElseThrow(() ->
                new UnsupportedEventException("Unknown event type '" + type + "' (event_id "
                        + EventJson.eventId(root) + ")"));
        int version = EventJson.integer(root, "version");
        if (version != known.version()) {
            throw new UnsupportedEventException("Unsupported major version " + version + " of " + type
                    + " (this code reads v" + known.version() + "; event_id " + EventJson.eventId(root) + ")");
        }
        try {
            return new ArchivoEvent(
                    UUID.fromString(EventJson.text(root, "event_id")),
                    type,
                    version,
                    Instant.parse(EventJson.text(root, "occurred_at")),
                    EventJson.integer(root, "archivo_id"),
                    EventJson.integer(root, "solicitud_id"),
                    EventJson.optionalInteger(root, "actor"),
                    mapper.treeToValue(EventJson.required(root, "payload"), known.payloadClass()));
        } catch (JacksonException | IllegalArgumentException | DateTimeException e) {
            throw new MalformedEventException("Invalid " + type + " event (event_id "
                    + EventJson.eventId(root) + "): " + e.getMessage(), e);
        }
    }
}
