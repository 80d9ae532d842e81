package pe.cmep.platform.health;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.HttpURLConnection;
import java.net.Proxy;
import java.net.URI;
import java.net.URL;
import java.time.Duration;

/**
 * The containers' health check: {@code java ... pe.cmep.platform.health.HealthProbe http://127.0.0.1:8080/health}
 * exits 0 when the URL answers 200 and 1 otherwise, printing one line saying why.
 *
 * <p>The images carry a JRE and no curl or shell, so the ECS task definition runs this class from the image's own
 * class path (docs/containers.md). It runs in its own short-lived JVM beside the service, inside the same memory
 * limit, so it touches nothing of Spring and uses {@link HttpURLConnection} (java.base) rather than
 * {@code java.net.http}, whose client starts a selector thread and loads a few hundred more classes.
 */
public final class HealthProbe {

    static final Duration TIMEOUT = Duration.ofSeconds(5);

    private HealthProbe() {
    }

    public static void main(String[] args) {
        System.exit(check(args, TIMEOUT, System.out));
    }

    /** The exit code for {@code args} (one URL), with one line on {@code out}. */
    static int check(String[] args, Duration timeout, PrintStream out) {
        if (args.length != 1) {
            out.println("usage: HealthProbe <http-url>");
            return 1;
        }
        URL url;
        try {
            url = URI.create(args[0]).toURL();
        } catch (IllegalArgumentException | IOException e) {
            out.println("unhealthy: not a URL: " + args[0]);
            return 1;
        }
        HttpURLConnection connection = null;
        try {
            // a proxy configured for the service's outbound calls must not stand between the probe and localhost
            connection = (HttpURLConnection) url.openConnection(Proxy.NO_PROXY);
            // on loopback a connect is answered or refused at once, so the read timeout is the probe's budget
            connection.setConnectTimeout(millis(timeout));
            connection.setReadTimeout(millis(timeout));
            connection.setUseCaches(false);
            connection.setInstanceFollowRedirects(false);
            connection.setRequestProperty("Connection", "close");
            int status = connection.getResponseCode();
            drain(connection);
            if (status == 200) {
                out.println("healthy: " + url + " answered 200");
                return 0;
            }
            out.println("unhealthy: " + url + " answered " + status);
            return 1;
        } catch (IOException | RuntimeException e) {
            out.println("unhealthy: " + url + ": " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()));
            return 1;
        } finally {
            if (connection != null) {
                connection.disconnect();
            }
        }
    }

    private static int millis(Duration duration) {
        return (int) Math.min(Integer.MAX_VALUE, Math.max(0, duration.toMillis()));
    }

    // the body is not read for its content; reading it lets the server finish its answer before the close
    private static void drain(HttpURLConnection connection) {
        try (InputStream body = connection.getResponseCode() < 400 ? connection.getInputStream()
                : connection.getErrorStream()) {
            if (body != null) {
                body.readNBytes(64 * 1024);
            }
        } catch (IOException ignored) {
            // the status line already decided the answer
        }
    }
}
