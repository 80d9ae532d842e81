package pe.cmep.gateway.web;

import io.netty.handler.timeout.ReadTimeoutException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.MethodNotAllowedException;
import org.springframework.web.server.MissingRequestValueException;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebInputException;
import org.springframework.web.server.WebExceptionHandler;
import pe.cmep.gateway.config.Causes;
import pe.cmep.gateway.config.DatabaseErrors;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns every failure into the one error body of api.md §2.2 — business errors,
 * unknown routes, wrong methods, oversized or malformed input, unreachable database
 * and unexpected failures alike — and never leaks a stack trace.
 */
@Component
@Order(-2)
public class ErrorEnvelopeHandler implements WebExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ErrorEnvelopeHandler.class);

    // Reactor Netty's exception for its request timeout is package-private, so it is known by name
    private static final String REQUEST_TIMEOUT = "reactor.netty.http.server.RequestTimeoutException";

    static final String CONCURRENT_CHANGE =
            "La solicitud esta siendo modificada por otra operacion; intente de nuevo";

    private final JsonMapper mapper;

    public ErrorEnvelopeHandler(JsonMapper mapper) {
        this.mapper = mapper;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable ex) {
        ServerHttpResponse response = exchange.getResponse();
        if (response.isCommitted()) {
            log.error("request_failed_after_commit method={} path={}", exchange.getRequest().getMethod(),
                    exchange.getRequest().getPath(), ex);
            return Mono.error(ex);
        }
        Mapped mapped = map(ex);
        if (mapped.code().status().is5xxServerError()) {
            log.error("request_failed method={} path={} status={} code={}", exchange.getRequest().getMethod(),
                    exchange.getRequest().getPath(), mapped.code().status().value(), mapped.code(), ex);
        } else {
            log.debug("request_rejected method={} path={} status={} code={} message={}",
                    exchange.getRequest().getMethod(), exchange.getRequest().getPath(),
                    mapped.code().status().value(), mapped.code(), mapped.message());
        }
        response.setStatusCode(mapped.code().status());
        HttpHeaders headers = response.getHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.remove(HttpHeaders.CONTENT_DISPOSITION);
        if (ex instanceof ApiException api && api.retryAfter() != null) {
            headers.set(HttpHeaders.RETRY_AFTER, Long.toString(api.retryAfter().toSeconds()));
        }
        if (ex instanceof MethodNotAllowedException mna && !mna.getSupportedMethods().isEmpty()) {
            headers.setAllow(mna.getSupportedMethods());
        }
        byte[] body = mapper.writeValueAsBytes(Envelope.failure(mapped.code(), mapped.message(), mapped.details()));
        DataBuffer buffer = response.bufferFactory().wrap(body);
        return response.writeWith(Mono.just(buffer));
    }

    static Mapped map(Throwable ex) {
        if (ex instanceof ApiException api) {
            return new Mapped(api.code(), api.getMessage(), api.details());
        }
        if (DatabaseErrors.isLockConflict(ex)) {
            return new Mapped(ErrorCode.CONFLICT, CONCURRENT_CHANGE, null);
        }
        if (DatabaseErrors.isUnavailable(ex)) {
            return new Mapped(ErrorCode.SERVICE_UNAVAILABLE, "Servicio no disponible: base de datos inaccesible", null);
        }
        if (isClientTooSlow(ex)) {
            return new Mapped(ErrorCode.BAD_REQUEST, "La solicitud no llego completa a tiempo", null);
        }
        if (hasCause(ex, DataBufferLimitException.class)) {
            return new Mapped(ErrorCode.PAYLOAD_TOO_LARGE, "Solicitud demasiado grande", null);
        }
        if (ex instanceof MethodNotAllowedException) {
            return new Mapped(ErrorCode.METHOD_NOT_ALLOWED, "Metodo no permitido", null);
        }
        if (ex instanceof MissingRequestValueException missing) {
            return new Mapped(ErrorCode.VALIDATION_ERROR, "Datos invalidos",
                    List.of(new FieldError(missing.getName(), "Campo requerido")));
        }
        if (ex instanceof ServerWebInputException input) {
            String field = input.getMethodParameter() != null && input.getMethodParameter().getParameterName() != null
                    ? input.getMethodParameter().getParameterName() : "body";
            return new Mapped(ErrorCode.VALIDATION_ERROR, "Datos invalidos",
                    List.of(new FieldError(field, "Valor invalido")));
        }
        if (ex instanceof ResponseStatusException rse) {
            HttpStatus status = HttpStatus.resolve(rse.getStatusCode().value());
            if (status == HttpStatus.NOT_FOUND) {
                return new Mapped(ErrorCode.NOT_FOUND, "Ruta no encontrada", null);
            }
            if (status == HttpStatus.PAYLOAD_TOO_LARGE) {
                return new Mapped(ErrorCode.PAYLOAD_TOO_LARGE, "Solicitud demasiado grande", null);
            }
            if (status != null && status.is4xxClientError()) {
                return new Mapped(ErrorCode.VALIDATION_ERROR, "Solicitud invalida",
                        List.of(new FieldError("body", status.getReasonPhrase())));
            }
        }
        return new Mapped(ErrorCode.INTERNAL_ERROR, "Error interno del servidor", null);
    }

    /** The server's read or request timeout ended the request (decision 18): the client was too slow. */
    private static boolean isClientTooSlow(Throwable ex) {
        return hasCause(ex, ReadTimeoutException.class)
                || Causes.any(ex, t -> REQUEST_TIMEOUT.equals(t.getClass().getName()));
    }

    private static boolean hasCause(Throwable ex, Class<? extends Throwable> type) {
        return Causes.any(ex, type::isInstance);
    }

    record Mapped(ErrorCode code, String message, List<FieldError> details) {
    }
}
