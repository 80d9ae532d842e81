package pe.cmep.gateway.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import pe.cmep.gateway.support.ApiIntegrationTest;
import pe.cmep.gateway.support.RawHttpConnection;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Requests the HTTP server refuses before any route runs still get the contract's error envelope (api.md §0 D1),
 * never a bare status line.
 */
class ServerErrorEnvelopeIT extends ApiIntegrationTest {

    @LocalServerPort
    int port;

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void a_url_over_the_server_limit_is_414_in_the_envelope() throws IOException {
        RawHttpConnection.Response response = send("GET /" + "a".repeat(5000) + " HTTP/1.1\r\nHost: x\r\n\r\n");

        assertEnvelope(response, 414, "BAD_REQUEST", "La URL de la solicitud es demasiado larga");
    }

    @Test
    void headers_over_the_server_limit_are_431_in_the_envelope() throws IOException {
        RawHttpConnection.Response response = send("GET /health HTTP/1.1\r\nHost: x\r\nX-Big: "
                + "a".repeat(9000) + "\r\n\r\n");

        assertEnvelope(response, 431, "BAD_REQUEST", "Las cabeceras de la solicitud son demasiado grandes");
    }

    @Test
    void a_nul_byte_in_a_header_is_400_in_the_envelope() throws IOException {
        RawHttpConnection.Response response = send("GET /health HTTP/1.1\r\nHost: x\r\nX-Odd: a\u0000b\r\n\r\n");

        assertEnvelope(response, 400, "BAD_REQUEST", "Solicitud HTTP malformada");
    }

    @Test
    void an_unreadable_request_line_is_400_in_the_envelope() throws IOException {
        RawHttpConnection.Response response = send("GET /health HTTP/9.x\r\nHost: x\r\n\r\n");

        assertEnvelope(response, 400, "BAD_REQUEST", "Solicitud HTTP malformada");
    }

    @Test
    void content_length_together_with_chunked_is_400_in_the_envelope() throws IOException {
        RawHttpConnection.Response response = send("POST /auth/login HTTP/1.1\r\nHost: x\r\n"
                + "Content-Type: application/json\r\nContent-Length: 4\r\nTransfer-Encoding: chunked\r\n\r\n"
                + "2\r\n{}\r\n0\r\n\r\n");

        assertEnvelope(response, 400, "BAD_REQUEST", "Solicitud HTTP malformada");
    }

    @Test
    void the_application_errors_keep_their_own_envelope() throws IOException {
        try (RawHttpConnection connection = new RawHttpConnection(port, Duration.ofSeconds(10))) {
            RawHttpConnection.Response response = connection.send("GET", "/auth/me", Map.of(), null);

            assertEnvelope(response, 401, "UNAUTHENTICATED", "No autenticado");
        }
    }

    private RawHttpConnection.Response send(String request) throws IOException {
        try (RawHttpConnection connection = new RawHttpConnection(port, Duration.ofSeconds(10))) {
            return connection.sendRaw(request.getBytes(StandardCharsets.ISO_8859_1));
        }
    }

    private void assertEnvelope(RawHttpConnection.Response response, int status, String code, String message) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().get("content-type")).startsWith("application/json");
        JsonNode body = json.readTree(response.body());
        assertThat(body.get("ok").booleanValue()).isFalse();
        assertThat(body.get("error").get("code").asString()).isEqualTo(code);
        assertThat(body.get("error").get("message").asString()).isEqualTo(message);
    }
}
