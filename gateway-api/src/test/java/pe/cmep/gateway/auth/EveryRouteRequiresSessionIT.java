package pe.cmep.gateway.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.reactive.result.method.RequestMappingInfo;
import org.springframework.web.reactive.result.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.pattern.PathPattern;
import pe.cmep.gateway.auth.PublicRoutes.Route;
import pe.cmep.gateway.support.ApiIntegrationTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Walks every route of the app, as its request mappings list them, and proves that authentication is the default:
 * each route outside the {@code anon} rows of api.md §6 is 401 in the error envelope without a session, the
 * {@code ADMIN} rows are 403 for every other role, and a route added without a thought (here one the test adds)
 * is protected as well.
 */
class EveryRouteRequiresSessionIT extends ApiIntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern VARIABLE = Pattern.compile("\\{([^}:]+)(?::([^}]*))?}");
    private static final Pattern ALTERNATIVES = Pattern.compile("[\\w-]+(\\|[\\w-]+)*");
    private static final String UNKNOWN_SESSION = "0123456789abcdef0123456789abcdef";

    /** The {@code anon} rows of api.md §6, written out here so that widening {@link PublicRoutes} fails this test. */
    private static final Set<Route> ANON = Set.of(
            new Route(HttpMethod.GET, "/health"),
            new Route(HttpMethod.GET, "/version"),
            new Route(HttpMethod.POST, "/auth/login"));

    /** The contract's document as the test profile serves it (no Swagger UI, so no UI settings). */
    private static final Set<Route> CONTRACT_IN_TESTS = Set.of(
            new Route(HttpMethod.GET, "/v3/api-docs"),
            new Route(HttpMethod.GET, "/v3/api-docs.yaml"));

    /** The {@code ADMIN} rows of api.md §6. */
    private static final Set<Route> ADMIN = Set.of(
            new Route(HttpMethod.DELETE, "/solicitudes/{solicitud_id}"),
            new Route(HttpMethod.GET, "/admin/usuarios"),
            new Route(HttpMethod.POST, "/admin/usuarios"),
            new Route(HttpMethod.PATCH, "/admin/usuarios/{user_id}"),
            new Route(HttpMethod.POST, "/admin/usuarios/{user_id}/reset-password"),
            new Route(HttpMethod.GET, "/admin/permisos"),
            new Route(HttpMethod.GET, "/admin/reportes"));

    private static final String UNTHOUGHT = "/test/sin-pensar";
    private static final Comparator<Route> ROUTE_ORDER =
            Comparator.comparing(Route::pattern).thenComparing(route -> route.method().name());

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping handlers;

    @TestConfiguration
    static class RouteAddedWithoutAThought {
        @Bean
        Unthought unthought() {
            return new Unthought();
        }
    }

    /** A route as anyone may add one: no annotation, no list touched. */
    @RestController
    static class Unthought {
        @GetMapping(UNTHOUGHT)
        Map<String, Object> whoAmI(CurrentUser user) {
            return Map.of("user_id", user.userId());
        }
    }

    @Test
    void every_route_but_the_anon_ones_is_401_in_the_envelope_without_a_session() {
        List<Call> calls = calls();
        assertThat(calls).extracting(Call::route).contains(new Route(HttpMethod.GET, UNTHOUGHT));

        Set<Route> answeredWithoutSession = new TreeSet<>(ROUTE_ORDER);
        for (Call call : calls) {
            EntityExchangeResult<byte[]> anonymous = send(call, null);
            if (anonymous.getStatus().value() != 401) {
                answeredWithoutSession.add(call.route());
                continue;
            }
            assertUnauthenticated(call, anonymous, "No autenticado");
            assertUnauthenticated(call, send(call, UNKNOWN_SESSION), "Sesion invalida o expirada");
            assertUnauthenticated(call, send(call, "not-a-session"), "Sesion invalida o expirada");
        }

        Set<Route> expected = new java.util.HashSet<>(ANON);
        expected.addAll(CONTRACT_IN_TESTS);
        assertThat(answeredWithoutSession).as("the routes that answer without a session").isEqualTo(sorted(expected));
        assertThat(PublicRoutes.API).as("the public routes are the anon rows of api.md §6").isEqualTo(ANON);
        assertThat(PublicRoutes.CONTRACT).as("and the published contract's document").containsAll(CONTRACT_IN_TESTS);
    }

    @Test
    void the_admin_rows_are_marked_admin_only_and_403_for_every_other_role() {
        Set<Route> adminOnly = new TreeSet<>(ROUTE_ORDER);
        handlers.getHandlerMethods().forEach((info, handler) -> {
            if (AnnotatedElementUtils.hasAnnotation(handler.getMethod(), AdminOnly.class)
                    || AnnotatedElementUtils.hasAnnotation(handler.getBeanType(), AdminOnly.class)) {
                routes(info).forEach(adminOnly::add);
            }
        });
        assertThat(adminOnly).isEqualTo(sorted(ADMIN));

        List<Call> adminCalls = calls().stream().filter(call -> ADMIN.contains(call.route())).toList();
        for (String role : new String[] {"operador", "gestor", "medico"}) {
            String session = login(role + "@cmep.local", role + "123");
            for (Call call : adminCalls) {
                EntityExchangeResult<byte[]> result = send(call, session);
                assertThat(result.getStatus().value()).as(role + " " + call).isEqualTo(403);
                JsonNode error = JSON.readTree(result.getResponseBody()).get("error");
                assertThat(error.get("code").asString()).isEqualTo("FORBIDDEN");
                assertThat(error.get("message").asString()).isEqualTo("Solo ADMIN puede acceder a esta funcion");
            }
        }
    }

    @Test
    void a_route_added_without_a_thought_needs_a_session_and_gets_the_user_from_it() {
        client.get().uri(UNTHOUGHT).exchange().expectStatus().isUnauthorized()
                .expectBody().jsonPath("$.error.code").isEqualTo("UNAUTHENTICATED");

        client.get().uri(UNTHOUGHT).cookie(SessionCookies.NAME, login("gestor@cmep.local", "gestor123"))
                .exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.user_id").isEqualTo(3);
    }

    private static Set<Route> sorted(Set<Route> routes) {
        Set<Route> sorted = new TreeSet<>(ROUTE_ORDER);
        sorted.addAll(routes);
        return sorted;
    }

    private void assertUnauthenticated(Call call, EntityExchangeResult<byte[]> result, String message) {
        assertThat(result.getStatus().value()).as(call.toString()).isEqualTo(401);
        JsonNode body = JSON.readTree(result.getResponseBody());
        assertThat(body.get("ok").asBoolean()).as(call.toString()).isFalse();
        assertThat(body.get("error").get("code").asString()).as(call.toString()).isEqualTo("UNAUTHENTICATED");
        assertThat(body.get("error").get("message").asString()).as(call.toString()).isEqualTo(message);
    }

    /** Bodies are JSON, as the SPA sends them, and empty: a route that reads one must not get that far. */
    private EntityExchangeResult<byte[]> send(Call call, String session) {
        WebTestClient.RequestBodySpec request = client.method(call.route().method()).uri(call.path())
                .contentType(MediaType.APPLICATION_JSON);
        if (session != null) {
            request.cookie(SessionCookies.NAME, session);
        }
        boolean hasBody = call.route().method() == HttpMethod.POST || call.route().method() == HttpMethod.PATCH
                || call.route().method() == HttpMethod.PUT;
        return (hasBody ? request.bodyValue("{}") : request).exchange().expectBody(byte[].class).returnResult();
    }

    private List<Call> calls() {
        List<Call> calls = new ArrayList<>();
        handlers.getHandlerMethods().forEach((info, handler) -> {
            if (!isController(handler)) {
                return;
            }
            for (Route route : routes(info)) {
                for (String path : expand(route.pattern())) {
                    calls.add(new Call(route, path));
                }
            }
        });
        return calls;
    }

    private static boolean isController(HandlerMethod handler) {
        return AnnotatedElementUtils.hasAnnotation(handler.getBeanType(), Controller.class);
    }

    private static List<Route> routes(RequestMappingInfo info) {
        Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
        if (methods.isEmpty()) {
            fail("A mapping without a method: %s", info);
        }
        List<Route> routes = new ArrayList<>();
        for (PathPattern pattern : info.getPatternsCondition().getPatterns()) {
            for (RequestMethod method : methods) {
                routes.add(new Route(method.asHttpMethod(), pattern.getPatternString()));
            }
        }
        return routes;
    }

    /** Path variables get a valid-looking id, or each alternative of their regex. */
    static List<String> expand(String pattern) {
        if (pattern.contains("*")) {
            fail("A wildcard route needs a path to try in this test: %s", pattern);
        }
        Matcher variable = VARIABLE.matcher(pattern);
        if (!variable.find()) {
            return List.of(pattern);
        }
        String regex = variable.group(2);
        List<String> values;
        if (regex == null) {
            values = List.of("1");
        } else if (ALTERNATIVES.matcher(regex).matches()) {
            values = List.of(regex.split("\\|"));
        } else {
            values = fail("A path variable whose regex is not a list of alternatives: %s", pattern);
        }
        List<String> paths = new ArrayList<>();
        for (String value : values) {
            paths.addAll(expand(pattern.substring(0, variable.start()) + value + pattern.substring(variable.end())));
        }
        return paths;
    }

    private record Call(Route route, String path) {
    }
}
