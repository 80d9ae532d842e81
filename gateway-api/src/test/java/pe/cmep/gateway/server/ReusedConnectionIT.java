package pe.cmep.gateway.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import pe.cmep.gateway.auth.SessionCookies;
import pe.cmep.gateway.support.ApiIntegrationTest;
import pe.cmep.gateway.support.RawHttpConnection;

/**
 * Browsers and load balancers send request after request on one kept-alive connection. Reactor Netty 1.3.6 left
 * about one request in 300 unread on such a connection, most often the one after a request answered without
 * touching the database (reactor/reactor-netty#4361): the client waited for ever. Every request here must be
 * answered, with the status its route gives, on a handful of connections that are never reopened.
 */
class ReusedConnectionIT extends ApiIntegrationTest {

    private static final int CONNECTIONS = 3;
    private static final int REQUESTS_PER_CONNECTION = 700;
    private static final Duration ANSWER_WITHIN = Duration.ofSeconds(5);

    @LocalServerPort
    int port;

    @Test
    void thousands_of_mixed_requests_on_reused_connections_are_all_answered() throws IOException {
        Map<String, String> session = Map.of("Cookie", SessionCookies.NAME + "=" + login("admin@cmep.local", "admin123"));
        Map<String, String> sessionJson = Map.of("Cookie", session.get("Cookie"), "Content-Type", "application/json");
        List<Call> mix = List.of(
                new Call("GET", "/auth/me", Map.of(), null, 401),
                new Call("GET", "/health", Map.of(), null, 200),
                new Call("GET", "/no/such/route", Map.of(), null, 404),
                new Call("POST", "/auth/logout", Map.of(), null, 401),
                new Call("GET", "/auth/me", session, null, 200),
                new Call("POST", "/promotores", sessionJson, "{\"tipo_promotor\": \"NINGUNO\"}", 422),
                new Call("GET", "/servicios", session, null, 200),
                new Call("POST", "/solicitudes", sessionJson, "{}", 422),
                new Call("POST", "/solicitudes", session, null, 422),
                new Call("DELETE", "/auth/login", Map.of(), null, 405),
                new Call("GET", "/solicitudes?page=1&page_size=5", session, null, 200));

        int answered = 0;
        for (int c = 0; c < CONNECTIONS; c++) {
            try (RawHttpConnection connection = new RawHttpConnection(port, ANSWER_WITHIN)) {
                for (int i = 0; i < REQUESTS_PER_CONNECTION; i++) {
                    Call call = mix.get((i + c) % mix.size());
                    try {
                        RawHttpConnection.Response response = connection.send(call.method(), call.path(),
                                call.headers(), call.body());
                        assertThat(response.status()).as(call + " → " + response.body()).isEqualTo(call.expected());
                        answered++;
                    } catch (SocketTimeoutException e) {
                        fail("Request %d on connection %d (%s %s) was never answered; %d answered before it",
                                i, c, call.method(), call.path(), answered);
                    }
                }
            }
        }
        assertThat(answered).isEqualTo(CONNECTIONS * REQUESTS_PER_CONNECTION);
    }

    private record Call(String method, String path, Map<String, String> headers, String body, int expected) {
    }
}
