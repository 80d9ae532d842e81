package pe.cmep.events;

import java.time.DateTimeException;
import java.time.Instant;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads and writes {@link MaintenanceMessage}s:
 * {@code {"task":"session_cleanup","version":1,"requested_at":"2026-01-29T18:00:00Z","message_id":"…"}}.
 * Unknown fields are ignored; an unknown task or major version is refused. Thread-safe.
 */
public final class MaintenanceMessageCodec {

    private final JsonMapper mapper = JsonMapper.builder().build();

    public String toJson(MaintenanceMessage message) {
        ObjectNode node = mapper.createObjectNode();
        node.put("task", message.task().task());
        node.put("version", message.version());
        node.put("requested_at", message.requestedAt().toString());
        node.put("message_id", message.messageId());
        return mapper.writeValueAsString(node);
    }

    /** @throws InvalidMaintenanceMessageException for anything that is not a message this code can run */
    public MaintenanceMessage fromJson(String json) {
        JsonNode root;
        try {
            root = mapper.readTree(json);
        } catch (JacksonException e) {
            throw new InvalidMaintenanceMessageException("Maintenance message is not JSON: " + e.getOriginalMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new InvalidMaintenanceMessageException("Maintenance message is not a JSON object");
        }
        String messageId = root.path("message_id").asString("?");
        String name = text(root, "task");
        MaintenanceTask task = MaintenanceTask.ofTask(name).orElseThrow(() -> new InvalidMaintenanceMessageException(
                "Unknown maintenance task '" + name + "' (message_id " + messageId + ")"));
        JsonNode version = root.get("version");
        if (version == null || !version.canConvertToExactIntegral() || !version.canConvertToInt()) {
            throw new InvalidMaintenanceMessageException("Maintenance message field 'version' is missing or not an "
                    + "integer (message_id " + messageId + ")");
        }
        if (version.asInt() != task.version()) {
            throw new InvalidMaintenanceMessageException("Unsupported major version " + version.asInt() + " of "
                    + name + " (this code reads v" + task.version() + "; message_id " + messageId + ")");
        }
        try {
            return new MaintenanceMessage(task, Instant.parse(text(root, "requested_at")), text(root, "message_id"));
        } catch (IllegalArgumentException | DateTimeException e) {
            throw new InvalidMaintenanceMessageException("Invalid " + name + " message (message_id " + messageId
                    + "): " + e.getMessage(), e);
        }
    }

    private static String text(JsonNode root, String field) {
        JsonNode node = root.get(field);
        if (node == null || !node.isString()) {
            throw new InvalidMaintenanceMessageException("Maintenance message field '" + field
                    + "' is missing or not a string (message_id " + root.path("message_id").asString("?") + ")");
        }
        return node.asString();
    }
}
