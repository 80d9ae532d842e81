package pe.cmep.gateway.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** The response bodies of api.md §1: {@code {"ok": true, "data": ...}} and the error body of §2.2. */
public final class Envelope {

    private Envelope() {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Success(boolean ok, Object data) {
    }

    public record Failure(boolean ok, Error error) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Error(String code, String message, List<FieldError> details) {
    }

    public static Success ok(Object data) {
        return new Success(true, data);
    }

    public static Success ok() {
        return new Success(true, null);
    }

    public static Failure failure(ErrorCode code, String message, List<FieldError> details) {
        return new Failure(false, new Error(code.name(), message, details));
    }
}
