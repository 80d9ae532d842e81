package pe.cmep.gateway.web;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads fields of a JSON object and collects every problem with its dotted path,
 * so one 422 lists all of them (api.md §0 D2, D8).
 */
public final class FieldReader {

    private static final BigDecimal MAX_MONEY = new BigDecimal("9999999999.99");

    private final ObjectNode node;
    private final String prefix;
    private final List<FieldError> errors;

    public FieldReader(ObjectNode node) {
        this(node, "", new ArrayList<>());
    }

    /** @param prefix dotted path of this object in the body, e.g. {@code payload.} for an override's payload */
    public FieldReader(ObjectNode node, String prefix) {
        this(node, prefix, new ArrayList<>());
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
        if (!UnicodeText.isValid(text)) {
            error(name, UnicodeText.INVALID);
            return null;
        }
        int length = text.codePointCount(0, text.length());
        if (length < min || (min >= 1 && text.isBlank())) {
            error(name, min <= 1 ? "No puede estar vacio" : "Debe tener al menos " + min + " caracteres");
            return null;
        }
        if (length > max) {
            error(name, "Debe tener como maximo " + max + " caracteres");
            return null;
        }
        return text;
    }

    /** An optional text where an empty or blank value means "not given" (the SPA omits empty values). */
    public String optionalText(String name, int max) {
        String value = optionalString(name, max);
        return value == null || value.isBlank() ? null : value;
    }

    /** Whether the key is present in the body (even as null): PATCH applies only the keys it gets. */
    public boolean has(String name) {
        return node.has(name);
    }

    /** A required string that must be one of {@code allowed}. */
    public String requiredEnum(String name, List<String> allowed) {
        String value = requiredString(name, 1, 100);
        return value == null ? null : checkedEnum(name, value, allowed);
    }

    /** An optional string that, when given, must be one of {@code allowed}. */
    public String optionalEnum(String name, List<String> allowed) {
        String value = optionalString(name, 100);
        return value == null ? null : checkedEnum(name, value, allowed);
    }

    private String checkedEnum(String name, String value, List<String> allowed) {
        if (!allowed.contains(value)) {
            error(name, "Valor no permitido: " + value + " (" + String.join(", ", allowed) + ")");
            return null;
        }
        return value;
    }

    /** A required positive integer id (ids are INT columns). */
    public Integer requiredId(String name) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            error(name, "Campo requerido");
            return null;
        }
        return checkedId(name, value);
    }

    public Integer optionalId(String name) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            return null;
        }
        return checkedId(name, value);
    }

    private Integer checkedId(String name, JsonNode value) {
        if (!value.isIntegralNumber() || !value.canConvertToInt() || value.intValue() < 1) {
            error(name, "Debe ser un id entero positivo");
            return null;
        }
        return value.intValue();
    }

    /** An optional ISO date ({@code YYYY-MM-DD}) that a DATE column holds. */
    public LocalDate optionalDate(String name) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            return null;
        }
        return checkedDate(name, value);
    }

    public LocalDate requiredDate(String name) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            error(name, "Campo requerido");
            return null;
        }
        return checkedDate(name, value);
    }

    private LocalDate checkedDate(String name, JsonNode value) {
        LocalDate date = null;
        if (value.isString()) {
            try {
                date = LocalDate.parse(value.asString());
            } catch (DateTimeParseException e) {
                // reported below
            }
        }
        if (date == null) {
            error(name, "Debe ser una fecha YYYY-MM-DD");
            return null;
        }
        if (!DateColumns.holds(date)) {
            error(name, DateColumns.OUT_OF_RANGE);
            return null;
        }
        return date;
    }

    /** A required amount: JSON number or numeric string, greater than zero, at most 2 decimals, fits DECIMAL(12,2). */
    public BigDecimal requiredMoney(String name) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            error(name, "Campo requerido");
            return null;
        }
        BigDecimal amount;
        try {
            amount = value.isNumber() ? new BigDecimal(value.asString())
                    : value.isString() ? new BigDecimal(value.asString().trim()) : null;
        } catch (NumberFormatException e) {
            amount = null;
        }
        if (amount == null) {
            error(name, "Debe ser un monto numerico");
            return null;
        }
        if (amount.signum() <= 0) {
            error(name, "Debe ser mayor que 0");
            return null;
        }
        if (amount.stripTrailingZeros().scale() > 2) {
            error(name, "Como maximo 2 decimales");
            return null;
        }
        if (amount.compareTo(MAX_MONEY) > 0) {
            error(name, "Monto demasiado grande");
            return null;
        }
        return amount.setScale(2, RoundingMode.UNNECESSARY);
    }

    /**
     * A nested object read with the same error list and a dotted prefix; null when absent or null,
     * and an error when present but not an object.
     */
    public FieldReader optionalObject(String name) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isObject()) {
            error(name, "Debe ser un objeto");
            return null;
        }
        return new FieldReader((ObjectNode) value, prefix + name + ".", errors);
    }

    public FieldReader requiredObject(String name) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            error(name, "Campo requerido");
            return null;
        }
        return optionalObject(name);
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
