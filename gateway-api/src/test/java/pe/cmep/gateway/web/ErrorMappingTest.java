package pe.cmep.gateway.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.handler.timeout.ReadTimeoutException;
import io.r2dbc.spi.R2dbcNonTransientResourceException;
import java.net.ConnectException;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.MethodNotAllowedException;
import org.springframework.web.server.ResponseStatusException;

class ErrorMappingTest {

    static Stream<Arguments> failures() {
        return Stream.of(
                Arguments.of(ApiException.notFound("Solicitud no encontrada"), ErrorCode.NOT_FOUND, "Solicitud no encontrada"),
                Arguments.of(ApiException.conflict("x"), ErrorCode.CONFLICT, "x"),
                Arguments.of(ApiException.forbidden("Usuario suspendido"), ErrorCode.FORBIDDEN, "Usuario suspendido"),
                Arguments.of(new ResponseStatusException(HttpStatus.NOT_FOUND), ErrorCode.NOT_FOUND, "Ruta no encontrada"),
                Arguments.of(new MethodNotAllowedException(HttpMethod.DELETE, java.util.List.of(HttpMethod.POST)),
                        ErrorCode.METHOD_NOT_ALLOWED, "Metodo no permitido"),
                Arguments.of(new DataBufferLimitException("too big"), ErrorCode.PAYLOAD_TOO_LARGE,
                        "Solicitud demasiado grande"),
                Arguments.of(new RuntimeException(new DataBufferLimitException("nested")), ErrorCode.PAYLOAD_TOO_LARGE,
                        "Solicitud demasiado grande"),
                Arguments.of(new DataAccessResourceFailureException("down", new ConnectException("refused")),
                        ErrorCode.SERVICE_UNAVAILABLE, "Servicio no disponible: base de datos inaccesible"),
                Arguments.of(new R2dbcNonTransientResourceException("cannot connect"), ErrorCode.SERVICE_UNAVAILABLE,
                        "Servicio no disponible: base de datos inaccesible"),
                Arguments.of(ReadTimeoutException.INSTANCE, ErrorCode.BAD_REQUEST,
                        "La solicitud no llego completa a tiempo"),
                Arguments.of(new DataAccessResourceFailureException("insert", new R2dbcNonTransientResourceException(
                                "Incorrect date value: '10000-01-01'", null, 1292)), ErrorCode.INTERNAL_ERROR,
                        "Error interno del servidor"),
                Arguments.of(new IllegalStateException("secret internals"), ErrorCode.INTERNAL_ERROR,
                        "Error interno del servidor"),
                Arguments.of(new NullPointerException(), ErrorCode.INTERNAL_ERROR, "Error interno del servidor"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("failures")
    void each_failure_maps_to_its_code_and_a_user_message(Throwable failure, ErrorCode code, String message) {
        ErrorEnvelopeHandler.Mapped mapped = ErrorEnvelopeHandler.map(failure);
        assertThat(mapped.code()).isEqualTo(code);
        assertThat(mapped.message()).isEqualTo(message);
    }

    @Test
    void validation_errors_carry_their_details() {
        ErrorEnvelopeHandler.Mapped mapped = ErrorEnvelopeHandler.map(ApiException.validation("cliente.tipo_documento",
                "Valor no permitido"));
        assertThat(mapped.code()).isEqualTo(ErrorCode.VALIDATION_ERROR);
        assertThat(mapped.code().status().value()).isEqualTo(422);
        assertThat(mapped.details()).containsExactly(new FieldError("cliente.tipo_documento", "Valor no permitido"));
    }

    @Test
    void rate_limited_rounds_the_wait_up_to_whole_seconds() {
        ApiException e = ApiException.rateLimited(Duration.ofMillis(1500));
        assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(2));
        assertThat(e.getMessage()).isEqualTo("Demasiados intentos fallidos. Intente de nuevo en 2 segundos.");
        assertThat(e.code().status().value()).isEqualTo(429);
    }
}
