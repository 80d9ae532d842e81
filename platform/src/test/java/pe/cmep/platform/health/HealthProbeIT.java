package pe.cmep.platform.health;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class HealthProbeIT {

    private HttpServer server;
    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    @Test
    void healthyWhenTheEndpointAnswers200() throws IOException {
        String url = serve(200, "{\"status\":\"UP\"}");

        assertThat(probe(url)).isZero();
        assertThat(output()).startsWith("healthy:").contains("200");
    }

    @Test
    void unhealthyWhenTheEndpointAnswers503() throws IOException {
        String url = serve(503, "{\"status\":\"DOWN\"}");

        assertThat(probe(url)).isEqualTo(1);
        assertThat(output()).startsWith("unhealthy:").contains("503");
    }

    @Test
    void unhealthyWhenNothingListens() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }

        assertThat(probe("http://127.0.0.1:" + port + "/health")).isEqualTo(1);
        assertThat(output()).startsWith("unhealthy:").contains("ConnectException");
    }

    @Test
    void unhealthyWhenTheAnswerTakesLongerThanTheTimeout() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/health", exchange -> {
            try {
                Thread.sleep(2_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        server.start();

        assertThat(HealthProbe.check(new String[] {url()}, Duration.ofMillis(300), new PrintStream(printed, true)))
                .isEqualTo(1);
        assertThat(output()).startsWith("unhealthy:").contains("SocketTimeoutException");
    }

    @Test
    void unhealthyWithoutAUsableArgument() {
        assertThat(probe()).isEqualTo(1);
        assertThat(probe("not a url")).isEqualTo(1);
    }

    private String serve(int status, String body) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/health", exchange -> {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.start();
        return url();
    }

    private String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/health";
    }

    private int probe(String... args) {
        return HealthProbe.check(args, HealthProbe.TIMEOUT, new PrintStream(printed, true));
    }

    private String output() {
        return printed.toString(StandardCharsets.UTF_8);
    }
}
