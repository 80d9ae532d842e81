package pe.cmep.events;

import java.time.DateTimeException;
import java.time.Instant;
import java.util.UUID;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads and writes {@link SolicitudEvent}s as JSON: snake_case names, timestamps as ISO-8601 UTC
 * ({@code 2026-01-29T15:10:02Z}), dates as {@code 2026-01-29}, amounts as strings ({@code "150.00"}) so no
 * consumer reads them through a binary float. Unknown fields are ignored (a newer producer may add some);
 * an unknown type or major version is refused. Thread-safe.
 */
public final class SolicitudEventCodec {

    private final JsonMapper mapper = EventJson.mapper();

    public String toJson(SolicitudEvent event) {
        return mapper.writeValueAsString(event);
    }

    /**
     * @throws UnsupportedEventException for a type or major version this code does not know
     * @throws MalformedEventException   for anything else that is not a valid event
     */
    public SolicitudEvent fromJson(String json) {
        JsonNode root = EventJson.tree(mapper, json);
        String type = EventJson.text(root, "type");
        SolicitudEventType known = SolicitudEventType.ofType(type).orElseThrow(() ->
                new UnsupportedEventException("Unknown event type '" + type + "' (event_id "
                        + EventJson.eventId(root) + ")"));
        int version = EventJson.integer(root, "version");
        if (version != known.version()) {
            throw new UnsupportedEventException("Unsupported major version " + version + " of " + type
                    + " (this code reads v" + known.version() + "; event_id " + EventJson.eventId(root)
                    + ")");
        }
        try {
            return new SolicitudEvent(
                    UUID.fromString(EventJson.text(root, "event_id")),
                    type,
                    version,
                    Instant.parse(EventJson.text(root, "occurred_at")),
                    EventJson.integer(root, "solicitud_id"),
                    EventJson.optionalInteger(root, "actor"),
                    mapper.treeToValue(EventJson.required(root, "payload"), known.payloadClass()));
        } catch (JacksonException | IllegalArgumentException | DateTimeException e) {
            throw new MalformedEventException("Invalid " + type + " event (event_id "
                    + EventJson.eventId(root) + "): " + e.getMessage(), e);
        }
    }
}
