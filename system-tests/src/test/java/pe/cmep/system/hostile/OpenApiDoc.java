package pe.cmep.system.hostile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * docs/openapi.json, the published contract: its routes, each operation's request body schema and query
 * parameters (the sweep's idea of a nearly valid request) and the {@code x-cmep-auth} rule.
 */
public final class OpenApiDoc {

    private static final Set<String> METHODS = Set.of("get", "post", "put", "patch", "delete");
    private final JsonNode root;

    private OpenApiDoc(JsonNode root) {
        this.root = root;
    }

    /** The file named by the system property {@code cmep.openapi} (set by failsafe). */
    public static OpenApiDoc load() {
        Path path = Path.of(System.getProperty("cmep.openapi", "../docs/openapi.json"));
        try {
            return new OpenApiDoc(JsonMapper.builder().build().readTree(Files.readString(path)));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + path.toAbsolutePath(), e);
        }
    }

    public Set<Route> routes() {
        Set<Route> routes = new TreeSet<>();
        for (var path : root.path("paths").properties()) {
            for (String method : path.getValue().propertyNames()) {
                if (METHODS.contains(method)) {
                    routes.add(new Route(method.toUpperCase(Locale.ROOT), path.getKey()));
                }
            }
        }
        return routes;
    }

    public Optional<JsonNode> operation(Route route) {
        JsonNode op = root.path("paths").path(route.pattern()).path(route.method().toLowerCase(Locale.ROOT));
        return op.isMissingNode() ? Optional.empty() : Optional.of(op);
    }

    /** The operation's {@code x-cmep-auth} (anon, user, ADMIN, policy:ACTION), or null. */
    public String auth(Route route) {
        return operation(route).map(op -> op.path("x-cmep-auth").asString(null)).orElse(null);
    }

    /** The JSON request body's schema, resolved. */
    public Optional<JsonNode> jsonBody(Route route) {
        return operation(route).map(op -> op.path("requestBody").path("content").path("application/json")
                .path("schema")).filter(s -> !s.isMissingNode()).map(this::resolve);
    }

    /** The multipart request body's schema, resolved. */
    public Optional<JsonNode> multipartBody(Route route) {
        return operation(route).map(op -> op.path("requestBody").path("content").path("multipart/form-data")
                .path("schema")).filter(s -> !s.isMissingNode()).map(this::resolve);
    }

    public List<JsonNode> queryParameters(Route route) {
        List<JsonNode> params = new ArrayList<>();
        operation(route).ifPresent(op -> op.path("parameters").forEach(p -> {
            if ("query".equals(p.path("in").asString(""))) {
                params.add(p);
            }
        }));
        return params;
    }

    /** Every property name of every request body schema: field names for bodies of routes the document lacks. */
    public List<String> bodyFieldNames() {
        Set<String> names = new TreeSet<>();
        for (var schema : root.path("components").path("schemas").properties()) {
            if (schema.getKey().endsWith("Body")) {
                names.addAll(schema.getValue().path("properties").propertyNames());
            }
        }
        return List.copyOf(names);
    }

    /** Follows {@code $ref} and a single-item {@code allOf}, as springdoc writes a nullable reference. */
    public JsonNode resolve(JsonNode schema) {
        JsonNode current = schema;
        for (int i = 0; i < 10; i++) {
            if (current.has("$ref")) {
                String ref = current.get("$ref").asString();
                current = root.path("components").path("schemas").path(ref.substring(ref.lastIndexOf('/') + 1));
            } else if (current.has("allOf") && current.get("allOf").size() == 1) {
                current = current.get("allOf").get(0);
            } else {
                return current;
            }
        }
        return current;
    }
}
