package pe.cmep.gateway.contract;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.springframework.http.server.PathContainer;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.reactive.result.method.RequestMappingInfo;
import org.springframework.web.reactive.result.method.RequestMappingInfoHandlerMapping;
import org.springframework.web.util.pattern.PathPattern;

/**
 * Holds the endpoint table to the app's own request mappings: every route of a handler of this application is
 * described, and every row of the table is a route. Without it a new endpoint would be missing from the document
 * without anything noticing, as the table, not the handlers, is what the document is written from.
 */
final class RouteCheck {

    private static final String APPLICATION_PACKAGE = "pe.cmep.gateway.";

    private RouteCheck() {
    }

    /** @throws IllegalStateException naming each route the table misses and each row no route answers */
    static void verify(List<Endpoint> endpoints, Stream<RequestMappingInfoHandlerMapping> mappings) {
        List<Route> routes = new ArrayList<>();
        mappings.forEach(mapping -> mapping.getHandlerMethods().forEach((info, handler) -> {
            if (ours(handler)) {
                routes.addAll(routes(info));
            }
        }));
        List<String> problems = new ArrayList<>();
        for (Route route : routes) {
            if (endpoints.stream().noneMatch(route::answers)) {
                problems.add("route " + route + " is not in the endpoint table");
            }
        }
        for (Endpoint endpoint : endpoints) {
            if (routes.stream().noneMatch(route -> route.answers(endpoint))) {
                problems.add("table row " + endpoint.method + " " + endpoint.path + " is no route of the app");
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("The OpenAPI endpoint table (pe.cmep.gateway.contract.Endpoints) and the"
                    + " app's routes differ: " + String.join("; ", problems));
        }
    }

    private static boolean ours(HandlerMethod handler) {
        return handler.getBeanType().getName().startsWith(APPLICATION_PACKAGE);
    }

    private static List<Route> routes(RequestMappingInfo info) {
        List<Route> routes = new ArrayList<>();
        for (PathPattern pattern : info.getPatternsCondition().getPatterns()) {
            for (RequestMethod method : info.getMethodsCondition().getMethods()) {
                routes.add(new Route(method.name(), pattern));
            }
        }
        return routes;
    }

    private record Route(String method, PathPattern pattern) {

        /** An example of the row's path, each variable a valid id, matched as a request would be. */
        boolean answers(Endpoint endpoint) {
            String example = endpoint.path.replaceAll("\\{[^}]+}", "1");
            return method.equals(endpoint.method.name()) && pattern.matches(PathContainer.parsePath(example));
        }

        @Override
        public String toString() {
            return method + " " + pattern.getPatternString();
        }
    }
}
