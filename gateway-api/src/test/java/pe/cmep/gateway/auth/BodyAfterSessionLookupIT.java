package pe.cmep.gateway.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.web.reactive.function.BodyInserters;
import pe.cmep.gateway.support.ApiIntegrationTest;
import pe.cmep.gateway.support.RawHttpConnection;
import pe.cmep.gateway.support.RawHttpConnection.Response;

/**
 * {@link AuthenticationFilter} looks the session up in the database before the handler reads the request's body.
 * Handlers used to read the body first because reading it after a database round trip was seen to fail (on
 * Reactor Netty 1.3.6, whose keep-alive read stall decision 18 records). These requests prove the body is read
 * whole after the lookup at every size up to the JSON limit, also when it arrives late, one after another on
 * kept-alive connections, and that a refused request's unread body does not disturb the next request.
 */
class BodyAfterSessionLookupIT extends ApiIntegrationTest {

    private static final int[] SIZES = {0, 1024, 16 * 1024, 64 * 1024, 200 * 1024, 250 * 1024};
    private static final AtomicInteger NAMES = new AtomicInteger();
    private static final Duration ANSWER_WITHIN = Duration.ofSeconds(10);

    @LocalServerPort
    int port;

    private Map<String, String> json;

    @BeforeEach
    void session() {
        json = Map.of("Cookie", SessionCookies.NAME + "=" + login("operador@cmep.local", "operador123"),
                "Content-Type", "application/json");
    }

    @Test
    void json_bodies_up_to_the_limit_are_read_after_the_lookup_on_one_kept_alive_connection() throws Exception {
        try (RawHttpConnection connection = new RawHttpConnection(port, ANSWER_WITHIN)) {
            for (int round = 0; round < 3; round++) {
                for (int size : SIZES) {
                    String name = "Relleno " + NAMES.incrementAndGet();
                    Response created = connection.send("POST", "/promotores", json, valid(name, size));
                    assertThat(created.status()).as(size + " bytes: " + created.body()).isEqualTo(200);
                    assertThat(created.body()).contains(name);

                    Response refused = connection.send("POST", "/promotores", json, invalid(size));
                    assertThat(refused.status()).as(size + " bytes: " + refused.body()).isEqualTo(422);
                    assertThat(refused.body()).contains("\"field\":\"tipo_promotor\"");
                }
            }
        }
    }

    @Test
    void a_body_over_the_json_limit_is_413_after_the_lookup() throws Exception {
        try (RawHttpConnection connection = new RawHttpConnection(port, ANSWER_WITHIN)) {
            Response response = connection.send("POST", "/promotores", json, invalid(300 * 1024));
            assertThat(response.status()).as(response.body()).isEqualTo(413);
            assertThat(response.body()).contains("PAYLOAD_TOO_LARGE");
        }
    }

    @Test
    void a_body_that_arrives_after_the_lookup_is_read() throws Exception {
        try (RawHttpConnection connection = new RawHttpConnection(port, ANSWER_WITHIN)) {
            for (int size : new int[] {0, 64 * 1024}) {
                String name = "Tarde " + NAMES.incrementAndGet();
                Response created = connection.sendBodyLate("POST", "/promotores", json, valid(name, size),
                        Duration.ofMillis(300));
                assertThat(created.status()).as(created.body()).isEqualTo(200);
                assertThat(created.body()).contains(name);

                Response refused = connection.sendBodyLate("POST", "/promotores", json, invalid(size),
                        Duration.ofMillis(300));
                assertThat(refused.status()).as(refused.body()).isEqualTo(422);
            }
        }
    }

    @Test
    void the_unread_body_of_a_401_does_not_disturb_the_next_request_on_the_connection() throws Exception {
        Map<String, String> anonymous = Map.of("Content-Type", "application/json");
        Map<String, String> unknown = Map.of("Content-Type", "application/json",
                "Cookie", SessionCookies.NAME + "=0123456789abcdef0123456789abcdef");
        try (RawHttpConnection connection = new RawHttpConnection(port, ANSWER_WITHIN)) {
            for (int size : SIZES) {
                assertThat(connection.send("POST", "/promotores", anonymous, invalid(size)).status()).isEqualTo(401);
                assertThat(connection.send("POST", "/promotores", unknown, invalid(size)).status()).isEqualTo(401);
                Response next = connection.send("POST", "/promotores", json, invalid(size));
                assertThat(next.status()).as(size + " bytes: " + next.body()).isEqualTo(422);
            }
        }
    }

    @Test
    void an_upload_with_an_unknown_session_is_401_without_being_read() {
        MultipartBodyBuilder form = new MultipartBodyBuilder();
        form.part("file", new byte[12 * 1024 * 1024]).filename("grande.pdf").contentType(MediaType.APPLICATION_PDF);
        client.post().uri("/solicitudes/1/archivos")
                .cookie(SessionCookies.NAME, "0123456789abcdef0123456789abcdef")
                .contentType(MediaType.MULTIPART_FORM_DATA)
                .body(BodyInserters.fromMultipartData(form.build()))
                .exchange()
                .expectStatus().isUnauthorized()
                .expectBody().jsonPath("$.error.message").isEqualTo("Sesion invalida o expirada");
    }

    private static String valid(String name, int size) {
        String start = "{\"tipo_promotor\": \"OTROS\", \"nombre_promotor_otros\": \"" + name + "\", \"relleno\": \"";
        return start + "a".repeat(Math.max(0, size - start.length() - 2)) + "\"}";
    }

    /** Without {@code tipo_promotor}: a 422 that only a body read whole can give. */
    private static String invalid(int size) {
        String start = "{\"relleno\": \"";
        return start + "a".repeat(Math.max(0, size - start.length() - 2)) + "\"}";
    }
}
