package pe.cmep.gateway.catalogo;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import pe.cmep.gateway.web.Responses;
import reactor.core.publisher.Mono;

/** GET /servicios (api.md §7.9), for any logged-in user. */
@RestController
class ServiciosController {

    private final CatalogoRepository catalogo;

    ServiciosController(CatalogoRepository catalogo) {
        this.catalogo = catalogo;
    }

    @GetMapping("/servicios")
    Mono<ResponseEntity<Object>> servicios() {
        return catalogo.servicios().collectList().map(Responses::ok);
    }
}
