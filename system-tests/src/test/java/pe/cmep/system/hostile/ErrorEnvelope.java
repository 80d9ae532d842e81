package pe.cmep.system.hostile;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one error body of api.md §2.2 (§0 D1): JSON {@code {"ok": false, "error": {"code", "message", "details"?}}},
 * nothing else at the top level, the code that belongs to the status, {@code details}, when present, a list of
 * {@code {"field", "message"}} (§0 D2).
 */
public final class ErrorEnvelope {

    /**
     * api.md §2.2, "Codes (exact)"; 400 is the one business refusal (suspending oneself) and has no code of its own.
     * A status the contract does not list (414 for a request line over the server's limit) still has the envelope,
     * with an upper-case code; the sweep reports how often it saw one.
     */
    private static final Map<Integer, Set<String>> CODES = Map.of(
            400, Set.of("VALIDATION_ERROR", "BAD_REQUEST"),
            401, Set.of("UNAUTHENTICATED"),
            403, Set.of("FORBIDDEN"),
            404, Set.of("NOT_FOUND"),
            405, Set.of("METHOD_NOT_ALLOWED"),
            409, Set.of("CONFLICT"),
            413, Set.of("PAYLOAD_TOO_LARGE"),
            422, Set.of("VALIDATION_ERROR"),
            429, Set.of("RATE_LIMITED"));
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ErrorEnvelope() {
    }

    /** Empty when the reply is a 4xx of the contract in the envelope; otherwise what is wrong with it. */
    public static Optional<String> problem(Reply reply) {
        Set<String> codes = CODES.get(reply.status());
        String type = reply.header("content-type");
        if (type == null || !type.toLowerCase(java.util.Locale.ROOT).startsWith("application/json")) {
            return Optional.of("content type " + type + ", not application/json");
        }
        JsonNode root;
        try {
            root = JSON.readTree(reply.body());
        } catch (JacksonException e) {
            return Optional.of("body is not JSON");
        }
        if (root == null || !root.isObject() || root.size() != 2 || !root.path("ok").isBoolean()
                || root.path("ok").booleanValue()) {
            return Optional.of("top level is not exactly {ok:false, error}");
        }
        JsonNode error = root.path("error");
        if (!error.isObject()) {
            return Optional.of("error is not an object");
        }
        String code = error.path("code").isString() ? error.path("code").stringValue() : "";
        if (codes == null ? !code.matches("[A-Z][A-Z_]+") : !codes.contains(code)) {
            return Optional.of("error.code " + error.path("code") + " does not belong to status " + reply.status()
                    + " (expected " + (codes == null ? "an upper-case code" : "one of " + codes) + ")");
        }
        if (!error.path("message").isString() || error.path("message").stringValue().isBlank()) {
            return Optional.of("error.message missing or blank");
        }
        for (String name : error.propertyNames()) {
            if (!Set.of("code", "message", "details").contains(name)) {
                return Optional.of("unexpected member error." + name);
            }
        }
        JsonNode details = error.path("details");
        if (!details.isMissingNode()) {
            if (!details.isArray()) {
                return Optional.of("error.details is not a list (api.md §0 D2)");
            }
            for (JsonNode d : details) {
                if (!d.path("field").isString() || !d.path("message").isString()) {
                    return Optional.of("a details item without field/message: " + d);
                }
            }
        }
        return Optional.empty();
    }

    /** Whether api.md §2.1 lists the status. */
    public static boolean listed(int status) {
        return CODES.containsKey(status);
    }

    /** The error code of an envelope reply, or null. */
    public static String code(Reply reply) {
        try {
            return JSON.readTree(reply.body()).path("error").path("code").asString(null);
        } catch (JacksonException e) {
            return null;
        }
    }

    /** The error message of an envelope reply, or null. */
    public static String message(Reply reply) {
        try {
            return JSON.readTree(reply.body()).path("error").path("message").asString(null);
        } catch (JacksonException e) {
            return null;
        }
    }
}
