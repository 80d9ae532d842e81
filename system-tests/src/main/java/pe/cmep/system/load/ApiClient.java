package pe.cmep.system.load;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One client of the load, as a browser tab behind a load balancer: one keep-alive HTTP/1.1 connection, its own
 * session cookie, and the API instances to try in turn. A connection that cannot be opened moves the client to the
 * next instance (what the load balancer does when a task dies); a request whose answer was lost is not retried,
 * since a retry could apply the action twice.
 */
public final class ApiClient {

    public static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final List<String> apis;
    private int current;
    private HttpClient http;
    private String cookie;

    public ApiClient(List<String> apis, int first) {
        this.apis = List.copyOf(apis);
        this.current = Math.floorMod(first, apis.size());
        this.http = newHttp();
    }

    /** The answer: status and body (null body when the answer was lost, with the reason). */
    public record Answer(int status, JsonNode body, String error) {
        public boolean ok() {
            return status / 100 == 2;
        }

        public boolean lost() {
            return status == 0;
        }
    }

    public void login(String email, String password) {
        for (int attempt = 0; attempt < apis.size() * 3; attempt++) {
            try {
                HttpResponse<String> r = http.send(request("/auth/login").header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(
                                java.util.Map.of("email", email, "password", password)))).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() != 200) {
                    throw new IllegalStateException("login of " + email + " answered " + r.statusCode() + ": "
                            + r.body());
                }
                cookie = r.headers().allValues("set-cookie").stream().filter(c -> c.startsWith("cmep_session="))
                        .findFirst().orElseThrow().split(";")[0];
                return;
            } catch (IOException e) {
                failOver();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new IllegalStateException("no API instance answered the login of " + email);
    }

    public Answer get(String path) {
        return send(request(path).GET());
    }

    public Answer post(String path, Object body) {
        return send(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
    }

    public Answer patch(String path, Object body) {
        return send(request(path).header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
    }

    public Answer delete(String path) {
        return send(request(path).DELETE());
    }

    /** A multipart upload of one file part plus text fields. */
    public Answer upload(String path, String fileName, String contentType, byte[] content, String tipo) {
        String boundary = "cmep" + UUID.randomUUID().toString().replace("-", "");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        write(out, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"tipo_archivo\"\r\n\r\n" + tipo
                + "\r\n");
        write(out, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: " + contentType + "\r\n\r\n");
        out.writeBytes(content);
        write(out, "\r\n--" + boundary + "--\r\n");
        return send(request(path).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(out.toByteArray())));
    }

    /**
     * Sends once. A refused connection (the instance is down) is retried on the next instance, since nothing was
     * sent; any other I/O failure means the request may have reached the server, so its answer is lost.
     */
    private Answer send(HttpRequest.Builder builder) {
        HttpRequest request = builder.build();
        for (int attempt = 0; attempt < apis.size() * 3; attempt++) {
            try {
                HttpResponse<String> r = http.send(rebase(request), HttpResponse.BodyHandlers.ofString());
                JsonNode body = r.body() == null || r.body().isBlank() ? null : parse(r.body());
                return new Answer(r.statusCode(), body, body == null ? r.body() : null);
            } catch (java.net.ConnectException e) {
                failOver();
                sleep(100);
            } catch (IOException e) {
                failOver();
                return new Answer(0, null, e.getClass().getSimpleName() + ": " + e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new Answer(0, null, "interrupted");
            }
        }
        return new Answer(0, null, "no API instance accepted a connection");
    }

    private HttpRequest rebase(HttpRequest request) {
        URI uri = request.uri();
        URI target = URI.create(apis.get(current) + uri.getRawPath() + (uri.getRawQuery() == null ? ""
                : "?" + uri.getRawQuery()));
        return HttpRequest.newBuilder(request, (name, value) -> true).uri(target).build();
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(apis.get(current) + path)).timeout(TIMEOUT);
        return cookie == null ? b : b.header("Cookie", cookie);
    }

    private void failOver() {
        current = (current + 1) % apis.size();
        http = newHttp();
    }

    private static HttpClient newHttp() {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(3))
                .build();
    }

    private static JsonNode parse(String text) {
        try {
            return JSON.readTree(text);
        } catch (RuntimeException e) {
            return JSON.getNodeFactory().textNode(text);
        }
    }

    private static void write(ByteArrayOutputStream out, String text) {
        out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
