package pe.cmep.system.hostile;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The API's routes as the running gateway-api reports them (actuator {@code mappings}), so a new endpoint is
 * swept and checked without editing a test. Only handler methods count: the actuator, springdoc's
 * {@code /v3/api-docs} and swagger UI, and the static resources of the SPA are not part of the API contract.
 */
public final class RouteTable {

    private static final List<String> NOT_API_PREFIXES = List.of("/actuator", "/v3/api-docs", "/swagger-ui",
            "/swagger-resources", "/webjars");
    private static final List<String> NOT_API_HANDLERS = List.of("org.springdoc.", "org.springframework.");

    private static final Pattern ALTERNATIVES = Pattern.compile("\\{[a-zA-Z_]+:([a-zA-Z0-9_-]+(?:\\|[a-zA-Z0-9_-]+)+)}");

    private RouteTable() {
    }

    public static List<Route> read(int managementPort) {
        JsonNode root = fetch("http://127.0.0.1:" + managementPort + "/actuator/mappings");
        Set<Route> routes = new TreeSet<>();
        for (JsonNode context : root.get("contexts")) {
            JsonNode handlers = context.path("mappings").path("dispatcherHandlers");
            for (JsonNode handler : handlers) {
                for (JsonNode mapping : handler) {
                    collect(mapping, routes);
                }
            }
        }
        if (routes.isEmpty()) {
            throw new IllegalStateException("no API route in the actuator mappings: " + root);
        }
        return List.copyOf(routes);
    }

    private static void collect(JsonNode mapping, Set<Route> routes) {
        JsonNode details = mapping.path("details");
        JsonNode conditions = details.path("requestMappingConditions");
        if (conditions.isMissingNode() || conditions.isNull()) {
            return;
        }
        String className = details.path("handlerMethod").path("className").asString("");
        if (NOT_API_HANDLERS.stream().anyMatch(className::startsWith)) {
            return;
        }
        for (JsonNode pattern : conditions.path("patterns")) {
            if (NOT_API_PREFIXES.stream().anyMatch(pattern.asString()::startsWith)) {
                continue;
            }
            JsonNode methods = conditions.path("methods");
            if (methods.isEmpty()) {
                throw new IllegalStateException("a handler that takes every method, not covered by the route "
                        + "table: " + pattern.asString() + " (" + className + ")");
            }
            for (String path : expandAlternatives(pattern.asString())) {
                for (JsonNode method : methods) {
                    routes.add(new Route(method.asString(), path));
                }
            }
        }
    }

    /**
     * One handler may serve several literal paths through a variable restricted to alternatives
     * ({@code {accion:asignar-gestor|cambiar-gestor}}); each alternative is an endpoint of its own in the contract.
     */
    static List<String> expandAlternatives(String pattern) {
        Matcher m = ALTERNATIVES.matcher(pattern);
        if (!m.find()) {
            return List.of(pattern);
        }
        List<String> paths = new ArrayList<>();
        for (String literal : m.group(1).split("\\|")) {
            paths.addAll(expandAlternatives(pattern.substring(0, m.start()) + literal + pattern.substring(m.end())));
        }
        return paths;
    }

    private static JsonNode fetch(String url) {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        try {
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(url))
                    .timeout(Duration.ofSeconds(15)).GET().build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(url + " answered " + response.statusCode() + ": "
                        + response.body());
            }
            return JsonMapper.builder().build().readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException(url + " not readable", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
