package pe.cmep.bench.load;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One benchmark client: its own HTTP/1.1 client, so it keeps one keep-alive connection to gateway-api for as long as
 * the run lasts (a client sends one request at a time, so its pool never needs a second connection).
 */
public final class Api {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final String base;
    private final HttpClient http;

    public Api(String base) {
        this.base = base;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5))
                .build();
    }

    /** Logs in; @return the session cookie ({@code cmep_session=...}) */
    public String login(String email, String password) throws IOException, InterruptedException {
        HttpResponse<String> r = send(post("/auth/login", null, "{\"email\": \"" + email + "\", \"password\": \""
                + password + "\"}"));
        expect(r, 200);
        return r.headers().allValues("set-cookie").stream().filter(c -> c.startsWith("cmep_session="))
                .findFirst().orElseThrow(() -> new IllegalStateException("login set no session cookie"))
                .split(";")[0];
    }

    HttpRequest get(String path, String cookie) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(TIMEOUT).GET();
        return cookie == null ? b.build() : b.header("Cookie", cookie).build();
    }

    HttpRequest post(String path, String cookie, String json) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(TIMEOUT)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
        return cookie == null ? b.build() : b.header("Cookie", cookie).build();
    }

    HttpRequest multipart(String path, String cookie, Multipart body) {
        return HttpRequest.newBuilder(URI.create(base + path)).timeout(TIMEOUT).header("Cookie", cookie)
                .header("Content-Type", body.contentType()).POST(HttpRequest.BodyPublishers.ofByteArray(body.bytes()))
                .build();
    }

    HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<byte[]> sendBytes(HttpRequest request) throws IOException, InterruptedException {
        return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
    }

    static void expect(HttpResponse<?> r, int status) {
        if (r.statusCode() != status) {
            Object body = r.body();
            String text = body instanceof String s ? s : "(" + (body instanceof byte[] b ? b.length : 0) + " bytes)";
            throw new UnexpectedStatus(r.request().method() + " " + r.request().uri().getPath() + " answered "
                    + r.statusCode() + ": " + (text.length() > 300 ? text.substring(0, 300) : text));
        }
    }

    static JsonNode json(HttpResponse<String> r) {
        return JSON.readTree(r.body());
    }

    /** An answer other than the one the point expects: counted as an error, its first message printed. */
    static final class UnexpectedStatus extends RuntimeException {
        UnexpectedStatus(String message) {
            super(message);
        }
    }
}
