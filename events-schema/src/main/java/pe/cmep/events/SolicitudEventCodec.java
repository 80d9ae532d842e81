package pe.cmep.events;

import com.fasterxml.jackson.annotation.JsonFormat;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.UUID;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads and writes {@link SolicitudEvent}s as JSON: snake_case names, timestamps as ISO-8601 UTC
 * ({@code 2026-01-29T15:10:02Z}), dates as {@code 2026-01-29}, amounts as strings ({@code "150.00"}) so no
 * consumer reads them through a binary float. Unknown fields are ignored (a newer producer may add some);
 * an unknown type or major version is refused. Thread-safe.
 */
public final class SolicitudEventCodec {

    private final JsonMapper mapper = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
            .withConfigOverride(BigDecimal.class,
                    o -> o.setFormat(JsonFormat.Value.forShape(JsonFormat.Shape.STRING)))
            .build();

    public String toJson(SolicitudEvent event) {
        return mapper.writeValueAsString(event);
    }

    /**
     * @throws UnsupportedEventException for a type or major version this code does not know
     * @throws MalformedEventException   for anything else that is not a valid event
     */
    public SolicitudEvent fromJson(String json) {
        JsonNode root;
        try {
            root = mapper.readTree(json);
        } catch (JacksonException e) {
            throw new MalformedEventException("Event is not JSON: " + e.getOriginalMessage(), e);
        }
        String type = text(root, "type");
        SolicitudEventType known = SolicitudEventType.ofType(type).orElseThrow(() ->
                new UnsupportedEventException("Unknown event type '" + type + "' (event_id "
                        + root.path("event_id").asString("?") + ")"));
        int version = integer(root, "version");
        if (version != known.version()) {
            throw new UnsupportedEventException("Unsupported major version " + version + " of " + type
                    + " (this code reads v" + known.version() + "; event_id " + root.path("event_id").asString("?")
                    + ")");
        }
        try {
            JsonNode actor = root.get("actor");
            return new SolicitudEvent(
                    UUID.fromString(text(root, "event_id")),
                    type,
                    version,
                    Instant.parse(text(root, "occurred_at")),
                    integer(root, "solicitud_id"),
                    actor == null || actor.isNull() ? null : actor.asInt(),
                    mapper.treeToValue(required(root, "payload"), known.payloadClass()));
        } catch (JacksonException | IllegalArgumentException | DateTimeException e) {
            throw new MalformedEventException("Invalid " + type + " event (event_id "
                    + root.path("event_id").asString("?") + "): " + e.getMessage(), e);
        }
    }

    private static JsonNode required(JsonNode root, String field) {
        JsonNode node = root.get(field);
        if (node == null || node.isNull()) {
            throw new MalformedEventException("Event lacks '" + field + "'");
        }
        return node;
    }

    private static String text(JsonNode root, String field) {
        JsonNode node = required(root, field);
        if (!node.isString()) {
            throw new MalformedEventException("Event field '" + field + "' is not a string");
        }
        return node.asString();
    }

    private static int integer(JsonNode root, String field) {
        JsonNode node = required(root, field);
        if (!node.canConvertToExactIntegral() || !node.canConvertToInt()) {
            throw new MalformedEventException("Event field '" + field + "' is not an integer");
        }
        return node.asInt();
    }
}
