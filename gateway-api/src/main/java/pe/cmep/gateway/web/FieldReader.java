package pe.cmep.gateway.web;

import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads fields of a JSON object and collects every problem with its dotted path,
 * so one 422 lists all of them (api.md §0 D2, D8).
 */
public final class FieldReader {

    private final ObjectNode node;
    private final String prefix;
    private final List<FieldError> errors;

    public FieldReader(ObjectNode node) {
        this(node, "", new ArrayList<>());
    }

    private FieldReader(ObjectNode node, String prefix, List<FieldError> errors) {
        this.node = node;
        this.prefix = prefix;
        this.errors = errors;
    }

    /** A required string: missing, null, non-text or outside {@code [min, max]} characters is an error. */
    public String requiredString(String name, int min, int max) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            error(name, "Campo requerido");
            return null;
        }
        return checkedString(name, value, min, max);
    }

    /** An optional string: absent or null gives null. */
    public String optionalString(String name, int max) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            return null;
        }
        return checkedString(name, value, 0, max);
    }

    private String checkedString(String name, JsonNode value, int min, int max) {
        if (!value.isString()) {
            error(name, "Debe ser texto");
            return null;
        }
        String text = value.asString();
        int length = text.codePointCount(0, text.length());
        if (length < min) {
            error(name, min <= 1 ? "No puede estar vacio" : "Debe tener al menos " + min + " caracteres");
            return null;
        }
        if (length > max) {
            error(name, "Debe tener como maximo " + max + " caracteres");
            return null;
        }
        return text;
    }

    public void error(String name, String message) {
        errors.add(new FieldError(prefix + name, message));
    }

    public List<FieldError> errors() {
        return List.copyOf(errors);
    }

    /** Throws the collected errors as one 422. */
    public void validate() {
        if (!errors.isEmpty()) {
            throw ApiException.validation(errors);
        }
    }
}
