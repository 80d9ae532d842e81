package pe.cmep.system.hostile;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * One caller of the API over its own HTTP/1.1 keep-alive connections, as one identity: anonymous, or the session
 * it logged in with (its own session, so logging it out or letting it expire harms no other test).
 */
public final class ApiCaller {

    public static final Duration TIMEOUT = Duration.ofSeconds(15);
    private static final String COOKIE = "cmep_session";

    private final HttpClient client;
    private final String baseUrl;
    private final String label;
    private String session;

    private ApiCaller(String baseUrl, String label) {
        this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        this.baseUrl = baseUrl;
        this.label = label;
    }

    public static ApiCaller anonymous(String baseUrl) {
        return new ApiCaller(baseUrl, "anonymous");
    }

    /** A caller with a new session of that account; fails the test when the login does not succeed. */
    public static ApiCaller login(String baseUrl, String label, String email, String password) {
        ApiCaller caller = new ApiCaller(baseUrl, label);
        Reply reply = caller.send("POST", "/auth/login", "application/json",
                ("{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}").getBytes(StandardCharsets.UTF_8));
        String cookie = reply.header("set-cookie");
        if (reply.status() != 200 || cookie == null || !cookie.startsWith(COOKIE + "=")) {
            throw new IllegalStateException("login of " + email + " answered " + reply.status() + ": "
                    + reply.excerpt());
        }
        caller.session = cookie.substring(COOKIE.length() + 1, cookie.indexOf(';'));
        return caller;
    }

    public String label() {
        return label;
    }

    public String baseUrl() {
        return baseUrl;
    }

    /** The session id, for the raw-socket requests that carry it themselves; null when anonymous. */
    public String session() {
        return session;
    }

    public Reply get(String path) {
        return send("GET", path, null, null);
    }

    public Reply json(String method, String path, String json) {
        return send(method, path, "application/json", json.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Sends one request; a request not answered within {@link #TIMEOUT} is an {@link IllegalStateException}
     * (a hang is a failure of the property, never a skipped case).
     */
    public Reply send(String method, String path, String contentType, byte[] body) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(TIMEOUT)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            builder.header("Content-Type", contentType);
        }
        if (session != null) {
            builder.header("Cookie", COOKIE + "=" + session);
        }
        long start = System.nanoTime();
        try {
            HttpResponse<byte[]> response = client.send(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
            Map<String, List<String>> headers = new TreeMap<>();
            response.headers().map().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), v));
            return new Reply(response.statusCode(), headers, response.body(),
                    (System.nanoTime() - start) / 1_000_000);
        } catch (HttpTimeoutException e) {
            throw new IllegalStateException("no answer within " + TIMEOUT + " (" + label + " " + method + " "
                    + path + ")", e);
        } catch (IOException e) {
            throw new IllegalStateException("connection failed (" + label + " " + method + " " + path + "): " + e,
                    e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    @Override
    public String toString() {
        return label;
    }
}
