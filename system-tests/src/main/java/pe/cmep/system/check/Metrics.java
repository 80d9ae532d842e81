package pe.cmep.system.check;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A counter read from a node's actuator, to see which instance did the work. */
public final class Metrics {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();

    private Metrics() {
    }

    /** The COUNT statistic of a meter, e.g. {@code http.server.requests}; 0 when the meter does not exist yet. */
    public static double count(int managementPort, String meter, String... tags) {
        return statistic(managementPort, meter, "COUNT", tags);
    }

    /** The VALUE statistic of a gauge, e.g. {@code jvm.memory.used}. */
    public static double value(int managementPort, String meter, String... tags) {
        return statistic(managementPort, meter, "VALUE", tags);
    }

    /** TOTAL_TIME of a timer, in seconds. */
    public static double totalTime(int managementPort, String meter, String... tags) {
        return statistic(managementPort, meter, "TOTAL_TIME", tags);
    }

    /** MAX of a timer (the largest in the last few minutes), in seconds. */
    public static double max(int managementPort, String meter, String... tags) {
        return statistic(managementPort, meter, "MAX", tags);
    }

    private static double statistic(int managementPort, String meter, String statistic, String... tags) {
        StringBuilder uri = new StringBuilder("http://127.0.0.1:" + managementPort + "/actuator/metrics/" + meter);
        for (int i = 0; i < tags.length; i++) {
            uri.append(i == 0 ? "?" : "&").append("tag=").append(tags[i]);
        }
        try {
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(uri.toString()))
                    .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() == 404) {
                return 0;
            }
            for (JsonNode m : JSON.readTree(r.body()).path("measurements")) {
                if (statistic.equals(m.path("statistic").asString())) {
                    return m.path("value").asDouble();
                }
            }
            return 0;
        } catch (IOException e) {
            throw new IllegalStateException("reading " + uri + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
