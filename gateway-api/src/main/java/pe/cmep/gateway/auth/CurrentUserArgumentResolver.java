package pe.cmep.gateway.auth;

import org.springframework.core.MethodParameter;
import org.springframework.web.reactive.BindingContext;
import org.springframework.web.reactive.result.method.SyncHandlerMethodArgumentResolver;
import org.springframework.web.server.ServerWebExchange;

/** Hands the user {@link AuthenticationFilter} authenticated to a handler that declares a {@link CurrentUser}. */
final class CurrentUserArgumentResolver implements SyncHandlerMethodArgumentResolver {

    static final String ATTRIBUTE = CurrentUser.class.getName();

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return CurrentUser.class.equals(parameter.getParameterType());
    }

    @Override
    public Object resolveArgumentValue(MethodParameter parameter, BindingContext bindingContext,
                                       ServerWebExchange exchange) {
        CurrentUser user = exchange.getAttribute(ATTRIBUTE);
        if (user == null) {
            throw new IllegalStateException("A handler of a public route asks for the current user: "
                    + parameter.getExecutable());
        }
        return user;
    }
}
