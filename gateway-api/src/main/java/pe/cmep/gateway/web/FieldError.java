package pe.cmep.gateway.web;

/** One entry of a validation error's {@code details}: a dotted path into the body, or a parameter name. */
public record FieldError(String field, String message) {
}
