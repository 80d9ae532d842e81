package pe.cmep.gateway.auth;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.stereotype.Controller;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.reactive.HandlerMapping;
import org.springframework.web.reactive.result.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import pe.cmep.gateway.web.ApiException;
import reactor.core.publisher.Mono;

/**
 * The one place where requests are authenticated (api.md §1 "Check order" steps 1 and 2): a request routed to a
 * controller's handler needs a valid session (401) unless its route is one of {@link PublicRoutes}, and a handler
 * marked {@link AdminOnly} needs the ADMIN role (403); only then does the handler read and validate its input.
 * The user is left on the exchange for {@link CurrentUserArgumentResolver}. A request no handler takes (an unknown
 * path, a wrong method, the web app's files, {@code OPTIONS}) goes on untouched and is answered as before.
 *
 * <p>It runs after the CORS and matrix-parameter filters (the path it routes is the one they leave) and before
 * the web app's filter.
 */
@Component
@Order(0)
class AuthenticationFilter implements WebFilter {

    static final String ADMIN_ONLY = "Solo ADMIN puede acceder a esta funcion";

    private final RequestMappingHandlerMapping handlers;
    private final Authenticator authenticator;

    AuthenticationFilter(@Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping handlers,
                         Authenticator authenticator) {
        this.handlers = handlers;
        this.authenticator = authenticator;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        return handlers.getHandler(exchange)
                // no route matched (404, 405, ...): the dispatcher finds that out again and answers as it always has
                .onErrorResume(e -> Mono.empty())
                .ofType(HandlerMethod.class)
                .filter(handler -> isController(handler) && !isPublic(exchange))
                .flatMap(handler -> authenticator.authenticate(exchange).flatMap(user -> {
                    if (isAdminOnly(handler) && !user.hasRole(Roles.ADMIN)) {
                        return Mono.error(ApiException.forbidden(ADMIN_ONLY));
                    }
                    exchange.getAttributes().put(CurrentUserArgumentResolver.ATTRIBUTE, user);
                    return Mono.just(user);
                }))
                .then(Mono.defer(() -> chain.filter(exchange)));
    }

    /** Spring's own handlers (the answer to {@code OPTIONS}) are not the API's routes. */
    private static boolean isController(HandlerMethod handler) {
        return AnnotatedElementUtils.hasAnnotation(handler.getBeanType(), Controller.class);
    }

    private static boolean isPublic(ServerWebExchange exchange) {
        return PublicRoutes.contains(exchange.getRequest().getMethod(),
                exchange.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE));
    }

    private static boolean isAdminOnly(HandlerMethod handler) {
        return handler.hasMethodAnnotation(AdminOnly.class)
                || AnnotatedElementUtils.hasAnnotation(handler.getBeanType(), AdminOnly.class);
    }
}
