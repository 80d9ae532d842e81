package pe.cmep.gateway.web;

import java.time.Duration;
import java.util.List;

/** A failure the client is told about in the error envelope (api.md §2.2). */
public class ApiException extends RuntimeException {

    private final ErrorCode code;
    private final List<FieldError> details;
    private final Duration retryAfter;

    public ApiException(ErrorCode code, String message) {
        this(code, message, null, null);
    }

    private ApiException(ErrorCode code, String message, List<FieldError> details, Duration retryAfter) {
        super(message, null, false, false);
        this.code = code;
        this.details = details == null ? null : List.copyOf(details);
        this.retryAfter = retryAfter;
    }

    public static ApiException unauthenticated(String message) {
        return new ApiException(ErrorCode.UNAUTHENTICATED, message);
    }

    public static ApiException forbidden(String message) {
        return new ApiException(ErrorCode.FORBIDDEN, message);
    }

    public static ApiException badRequest(String message) {
        return new ApiException(ErrorCode.BAD_REQUEST, message);
    }

    public static ApiException notFound(String message) {
        return new ApiException(ErrorCode.NOT_FOUND, message);
    }

    public static ApiException storageUnavailable(String message) {
        return new ApiException(ErrorCode.STORAGE_UNAVAILABLE, message);
    }

    public static ApiException payloadTooLarge(String message) {
        return new ApiException(ErrorCode.PAYLOAD_TOO_LARGE, message);
    }

    public static ApiException conflict(String message) {
        return new ApiException(ErrorCode.CONFLICT, message);
    }

    public static ApiException validation(List<FieldError> details) {
        return new ApiException(ErrorCode.VALIDATION_ERROR, "Datos invalidos", details, null);
    }

    public static ApiException validation(String field, String message) {
        return validation(List.of(new FieldError(field, message)));
    }

    /**
     * A business validation failure: {@code message} is the text users see (the SPA shows {@code error.message}),
     * the detail names the field it is about.
     */
    public static ApiException validation(String message, String field, String detail) {
        return new ApiException(ErrorCode.VALIDATION_ERROR, message, List.of(new FieldError(field, detail)), null);
    }

    public static ApiException rateLimited(Duration retryAfter) {
        long seconds = Math.max(1, (retryAfter.toMillis() + 999) / 1000);
        return new ApiException(ErrorCode.RATE_LIMITED,
                "Demasiados intentos fallidos. Intente de nuevo en " + seconds + " segundos.", null,
                Duration.ofSeconds(seconds));
    }

    public ErrorCode code() {
        return code;
    }

    public List<FieldError> details() {
        return details;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
