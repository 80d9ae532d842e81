package pe.cmep.gateway.auth;

import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.http.HttpMethod;
import org.springframework.web.util.pattern.PathPattern;

/**
 * The routes answered without a session: the {@code anon} rows of api.md §6, and the published contract
 * (docs/contract.md: the OpenAPI document and Swagger UI's settings, served only where springdoc is switched on,
 * never in {@code prod}). Every other route of a controller needs one, so a route added without a thought is
 * protected; {@code EveryRouteRequiresSessionIT} fails when this list and the routes that answer without a session
 * differ.
 */
final class PublicRoutes {

    static final Set<Route> API = Set.of(
            new Route(HttpMethod.GET, "/health"),
            new Route(HttpMethod.GET, "/version"),
            new Route(HttpMethod.POST, "/auth/login"));

    static final Set<Route> CONTRACT = Set.of(
            new Route(HttpMethod.GET, "/v3/api-docs"),
            new Route(HttpMethod.GET, "/v3/api-docs.yaml"),
            new Route(HttpMethod.GET, "/v3/api-docs/swagger-config"),
            new Route(HttpMethod.GET, "/swagger-ui.html"));

    static final Set<Route> ALL = Stream.concat(API.stream(), CONTRACT.stream()).collect(Collectors.toUnmodifiableSet());

    private PublicRoutes() {
    }

    /** A HEAD request takes the route of its GET, as the request mappings match it. */
    static boolean contains(HttpMethod method, PathPattern pattern) {
        HttpMethod routed = HttpMethod.HEAD.equals(method) ? HttpMethod.GET : method;
        return pattern != null && ALL.contains(new Route(routed, pattern.getPatternString()));
    }

    record Route(HttpMethod method, String pattern) {
    }
}
