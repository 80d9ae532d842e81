package pe.cmep.gateway.web;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * The API has no matrix parameters, yet WebFlux matches {@code /solicitudes/1;x} as {@code /solicitudes/1}: it
 * sets {@code ;x} aside before routing, so {@code DELETE /solicitudes/1;} would delete solicitud 1. Encoding the
 * semicolon keeps it in the segment's value, where a path id ({@code 1;}) is refused with 422 like any other
 * non-integer and a fixed segment ({@code /solicitudes;x}) simply matches no route (404).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class MatrixParametersFilter implements WebFilter {

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        String rawPath = request.getPath().value();
        if (rawPath.indexOf(';') < 0) {
            return chain.filter(exchange);
        }
        ServerHttpRequest literal = request.mutate().path(rawPath.replace(";", "%3B")).build();
        return chain.filter(exchange.mutate().request(literal).build());
    }
}
