package pe.cmep.gateway.catalogo;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import pe.cmep.gateway.auth.Authenticator;
import pe.cmep.gateway.web.Responses;
import reactor.core.publisher.Mono;

/** GET /servicios (api.md §7.9), for any logged-in user. */
@RestController
class ServiciosController {

    private final Authenticator authenticator;
    private final CatalogoRepository catalogo;

    ServiciosController(Authenticator authenticator, CatalogoRepository catalogo) {
        this.authenticator = authenticator;
        this.catalogo = catalogo;
    }

    @GetMapping("/servicios")
    Mono<ResponseEntity<Object>> servicios(ServerWebExchange exchange) {
        return authenticator.authenticate(exchange)
                .flatMap(user -> catalogo.servicios().collectList())
                .map(Responses::ok);
    }
}
