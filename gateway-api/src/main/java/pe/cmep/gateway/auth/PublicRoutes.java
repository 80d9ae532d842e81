package pe.cmep.gateway.auth;

import java.util.Set;
import org.springframework.http.HttpMethod;
import org.springframework.web.util.pattern.PathPattern;

/**
 * The routes answered without a session: the {@code anon} rows of api.md §6. Every other route of a controller
 * needs one, so a route added without a thought is protected; {@code EveryRouteRequiresSessionIT} fails when
 * this list and the routes that answer without a session differ.
 */
final class PublicRoutes {

    static final Set<Route> ALL = Set.of(
            new Route(HttpMethod.GET, "/health"),
            new Route(HttpMethod.GET, "/version"),
            new Route(HttpMethod.POST, "/auth/login"));

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
