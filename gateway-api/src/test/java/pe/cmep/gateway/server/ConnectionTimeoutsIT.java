package pe.cmep.gateway.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;
import pe.cmep.gateway.support.ApiIntegrationTest;
import pe.cmep.gateway.support.RawHttpConnection;

/**
 * No connection lives for ever: a silent one, or one that drips its request head a byte at a time (slowloris), is
 * closed after the idle timeout; a request whose body stalls ends after the read timeout, one whose body trickles
 * in after the request timeout. The timeouts are shortened here so the test waits seconds, not minutes.
 */
@TestPropertySource(properties = {
        "cmep.http.idle-timeout=1s",
        "cmep.http.read-timeout=2s",
        "cmep.http.request-timeout=4s"})
class ConnectionTimeoutsIT extends ApiIntegrationTest {

    @LocalServerPort
    int port;

    @Test
    void a_silent_connection_is_closed_after_the_idle_timeout() throws IOException {
        try (Socket socket = open()) {
            long start = System.nanoTime();

            assertThat(readUntilClosed(socket, Duration.ofSeconds(10))).isTrue();
            assertThat(elapsed(start)).isBetween(Duration.ofMillis(800), Duration.ofSeconds(5));
        }
    }

    @Test
    void a_kept_alive_connection_is_closed_after_the_idle_timeout_once_its_response_is_sent() throws IOException {
        try (RawHttpConnection connection = new RawHttpConnection(port, Duration.ofSeconds(10))) {
            assertThat(connection.send("GET", "/health", Map.of(), null).status()).isEqualTo(200);

            assertThat(connection.closedByServer()).isTrue();
        }
    }

    @Test
    void a_request_head_dripped_slowly_is_cut_off_at_the_idle_timeout() throws Exception {
        try (Socket socket = open()) {
            OutputStream out = socket.getOutputStream();
            InputStream in = new BufferedInputStream(socket.getInputStream());
            long start = System.nanoTime();
            byte[] head = ("GET /health HTTP/1.1\r\nHost: x\r\nX-Drip: " + "a".repeat(200)).getBytes(StandardCharsets.US_ASCII);
            boolean closed = false;
            for (int i = 0; i < head.length && !closed; i++) {
                try {
                    out.write(head[i]);
                    out.flush();
                    Thread.sleep(300);
                } catch (IOException e) {
                    closed = true;
                }
                closed = closed || serverSpoke(socket, in);
            }

            assertThat(closed).as("the server closed the dripping connection").isTrue();
            assertThat(elapsed(start)).isBetween(Duration.ofMillis(800), Duration.ofSeconds(5));
        }
    }

    @Test
    void a_body_that_stalls_is_answered_400_after_the_read_timeout() throws IOException {
        try (RawHttpConnection connection = new RawHttpConnection(port, Duration.ofSeconds(10))) {
            long start = System.nanoTime();
            RawHttpConnection.Response response = connection.sendRaw(("POST /auth/login HTTP/1.1\r\nHost: x\r\n"
                    + "Content-Type: application/json\r\nContent-Length: 100\r\n\r\n{\"email\":")
                    .getBytes(StandardCharsets.US_ASCII));

            assertThat(elapsed(start)).isBetween(Duration.ofMillis(1500), Duration.ofSeconds(8));
            assertThat(response.status()).as(response.body()).isEqualTo(400);
            assertThat(response.body()).contains("\"code\":\"BAD_REQUEST\"")
                    .contains("La solicitud no llego completa a tiempo");
        }
    }

    @Test
    void a_body_that_trickles_in_is_answered_400_at_the_request_timeout() throws Exception {
        try (Socket socket = open()) {
            OutputStream out = socket.getOutputStream();
            InputStream in = new BufferedInputStream(socket.getInputStream());
            out.write(("POST /auth/login HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                    + "Content-Length: 1000\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            long start = System.nanoTime();
            boolean ended = false;
            for (int i = 0; i < 1000 && !ended; i++) {
                try {
                    out.write(' ');
                    out.flush();
                    Thread.sleep(500);
                } catch (IOException e) {
                    ended = true;
                }
                ended = ended || serverSpoke(socket, in);
            }

            assertThat(ended).isTrue();
            assertThat(elapsed(start)).isBetween(Duration.ofMillis(3500), Duration.ofSeconds(10));
            socket.setSoTimeout(5000);
            String answer = new String(in.readNBytes(13), StandardCharsets.US_ASCII);
            assertThat(answer).isEqualTo("HTTP/1.1 400 ");
        }
    }

    private Socket open() throws IOException {
        return new Socket("127.0.0.1", port);
    }

    /** Reads and drops whatever arrives; true when the server closed the connection within {@code wait}. */
    private static boolean readUntilClosed(Socket socket, Duration wait) throws IOException {
        long end = System.nanoTime() + wait.toNanos();
        InputStream in = socket.getInputStream();
        try {
            while (System.nanoTime() < end) {
                socket.setSoTimeout((int) Math.max(1, Duration.ofNanos(end - System.nanoTime()).toMillis()));
                if (in.read() == -1) {
                    return true;
                }
            }
            return false;
        } catch (SocketTimeoutException e) {
            return false;
        } catch (IOException e) {
            return true;
        }
    }

    /**
     * True when the server has sent something or closed the connection: it is done waiting for this client. What
     * it sent stays in {@code in} to be read.
     */
    private static boolean serverSpoke(Socket socket, InputStream in) throws IOException {
        socket.setSoTimeout(1);
        try {
            in.mark(1);
            in.read();
            in.reset();
            return true;
        } catch (SocketTimeoutException e) {
            return false;
        } catch (IOException e) {
            return true;
        }
    }

    private static Duration elapsed(long start) {
        return Duration.ofNanos(System.nanoTime() - start);
    }
}
