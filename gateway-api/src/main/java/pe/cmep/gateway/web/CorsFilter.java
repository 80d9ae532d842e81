package pe.cmep.gateway.web;

import java.util.List;
import java.util.Set;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import pe.cmep.gateway.config.ApiProperties;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * CORS of api.md §4 with the decisions of §0 D12 and domain.md §10 #26: the exact
 * allow-list with credentials, headers on every response to a listed origin (errors
 * included), and a 403 without CORS headers for a preflight from anywhere else.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class CorsFilter implements WebFilter {

    static final String ALLOWED_METHODS = "GET, POST, PUT, PATCH, DELETE, OPTIONS, HEAD";
    static final String MAX_AGE = "600";

    private final Set<String> allowedOrigins;
    private final JsonMapper mapper;

    public CorsFilter(ApiProperties properties, JsonMapper mapper) {
        List<String> origins = properties.cors() == null ? List.of() : properties.cors().allowedOrigins();
        this.allowedOrigins = Set.copyOf(origins);
        this.mapper = mapper;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        String origin = request.getHeaders().getOrigin();
        if (origin == null) {
            return chain.filter(exchange);
        }
        ServerHttpResponse response = exchange.getResponse();
        boolean allowed = allowedOrigins.contains(origin);
        boolean preflight = HttpMethod.OPTIONS.equals(request.getMethod())
                && request.getHeaders().containsHeader(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD);
        if (preflight) {
            return allowed ? answerPreflight(request, response, origin) : refusePreflight(response);
        }
        response.getHeaders().add(HttpHeaders.VARY, HttpHeaders.ORIGIN);
        if (allowed) {
            response.getHeaders().set(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, origin);
            response.getHeaders().set(HttpHeaders.ACCESS_CONTROL_ALLOW_CREDENTIALS, "true");
        }
        return chain.filter(exchange);
    }

    private Mono<Void> answerPreflight(ServerHttpRequest request, ServerHttpResponse response, String origin) {
        HttpHeaders headers = response.getHeaders();
        headers.add(HttpHeaders.VARY, HttpHeaders.ORIGIN);
        headers.set(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, origin);
        headers.set(HttpHeaders.ACCESS_CONTROL_ALLOW_CREDENTIALS, "true");
        headers.set(HttpHeaders.ACCESS_CONTROL_ALLOW_METHODS, ALLOWED_METHODS);
        List<String> requested = request.getHeaders().getAccessControlRequestHeaders();
        if (!requested.isEmpty()) {
            headers.set(HttpHeaders.ACCESS_CONTROL_ALLOW_HEADERS, String.join(", ", requested));
        }
        headers.set(HttpHeaders.ACCESS_CONTROL_MAX_AGE, MAX_AGE);
        response.setStatusCode(HttpStatus.OK);
        return response.setComplete();
    }

    private Mono<Void> refusePreflight(ServerHttpResponse response) {
        response.setStatusCode(HttpStatus.FORBIDDEN);
        response.getHeaders().setContentType(MediaType.APPLICATION_JSON);
        byte[] body = mapper.writeValueAsBytes(
                Envelope.failure(ErrorCode.FORBIDDEN, "Origen no permitido", null));
        return response.writeWith(Mono.just(response.bufferFactory().wrap(body)));
    }
}
