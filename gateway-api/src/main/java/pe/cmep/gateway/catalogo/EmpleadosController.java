package pe.cmep.gateway.catalogo;

import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import pe.cmep.gateway.web.ApiException;
import pe.cmep.gateway.web.Responses;
import reactor.core.publisher.Mono;

/** GET /empleados?rol= (api.md §7.8), for any logged-in user: the assignable employees of one role. */
@RestController
class EmpleadosController {

    /** In the order api.md §7.8 lists them. */
    static final List<String> ROLES = List.of("GESTOR", "MEDICO", "OPERADOR");

    private final CatalogoRepository catalogo;

    EmpleadosController(CatalogoRepository catalogo) {
        this.catalogo = catalogo;
    }

    @GetMapping("/empleados")
    Mono<ResponseEntity<Object>> empleados(ServerWebExchange exchange) {
        return catalogo.empleados(rol(exchange.getRequest().getQueryParams().getFirst("rol")))
                .collectList()
                .map(Responses::ok);
    }

    /** {@code rol} is required and exactly one of {@link #ROLES}; otherwise a 422 on {@code rol}. */
    static String rol(String value) {
        if (value == null || value.isEmpty()) {
            throw ApiException.validation("rol", "Campo requerido");
        }
        if (!ROLES.contains(value)) {
            throw ApiException.validation("rol", "Valor no permitido: " + value + " (" + String.join(", ", ROLES) + ")");
        }
        return value;
    }
}
