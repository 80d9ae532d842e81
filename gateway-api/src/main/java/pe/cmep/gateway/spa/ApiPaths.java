package pe.cmep.gateway.spa;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The API's top-level path segments, taken from its own request mappings ({@code /solicitudes/{id}} →
 * {@code solicitudes}): every path under one of them belongs to the API, whatever the client accepts, so a new
 * endpoint is never answered with the web app by mistake.
 */
record ApiPaths(Set<String> firstSegments) {

    static ApiPaths of(Collection<String> patterns) {
        return new ApiPaths(patterns.stream().map(ApiPaths::firstSegment).collect(Collectors.toUnmodifiableSet()));
    }

    /** False for a catch-all such as Boot's static resources ({@code /**}), which names no path of its own. */
    static boolean startsFixed(String pattern) {
        String first = first(pattern);
        return !first.isEmpty() && !first.contains("{") && !first.contains("*") && !first.contains("?");
    }

    boolean contains(List<String> segments) {
        return !segments.isEmpty() && firstSegments.contains(segments.get(0));
    }

    private static String firstSegment(String pattern) {
        if (!startsFixed(pattern)) {
            // the web app's routes (/, /login, /app/...) would be the API's too: nothing could tell them apart
            throw new IllegalStateException("The API mapping " + pattern + " does not start with a fixed path segment,"
                    + " so the web app cannot be served beside it (unset cmep.spa.dir)");
        }
        return first(pattern);
    }

    private static String first(String pattern) {
        String path = pattern.startsWith("/") ? pattern.substring(1) : pattern;
        int slash = path.indexOf('/');
        return slash < 0 ? path : path.substring(0, slash);
    }
}
