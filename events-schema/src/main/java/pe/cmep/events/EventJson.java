package pe.cmep.events;

import com.fasterxml.jackson.annotation.JsonFormat;
import java.math.BigDecimal;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

/**
 * The wire conventions every event family shares (docs/events.md): snake_case names, ISO-8601 UTC timestamps,
 * ISO dates, amounts as strings so no consumer reads them through a binary float, unknown fields ignored.
 */
final class EventJson {

    private EventJson() {
    }

    static JsonMapper mapper() {
        return JsonMapper.builder()
                .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
                .withConfigOverride(BigDecimal.class,
                        o -> o.setFormat(JsonFormat.Value.forShape(JsonFormat.Shape.STRING)))
                .build();
    }

    static JsonNode tree(JsonMapper mapper, String json) {
        try {
            return mapper.readTree(json);
        } catch (JacksonException e) {
            throw new MalformedEventException("Event is not JSON: " + e.getOriginalMessage(), e);
        }
    }

    static JsonNode required(JsonNode root, String field) {
        JsonNode node = root.get(field);
        if (node == null || node.isNull()) {
            throw new MalformedEventException("Event lacks '" + field + "'");
        }
        return node;
    }

    static String text(JsonNode root, String field) {
        JsonNode node = required(root, field);
        if (!node.isString()) {
            throw new MalformedEventException("Event field '" + field + "' is not a string");
        }
        return node.asString();
    }

    static int integer(JsonNode root, String field) {
        JsonNode node = required(root, field);
        if (!node.canConvertToExactIntegral() || !node.canConvertToInt()) {
            throw new MalformedEventException("Event field '" + field + "' is not an integer");
        }
        return node.asInt();
    }

    static Integer optionalInteger(JsonNode root, String field) {
        JsonNode node = root.get(field);
        return node == null || node.isNull() ? null : integer(root, field);
    }

    static String eventId(JsonNode root) {
        return root.path("event_id").asString("?");
    }
}
