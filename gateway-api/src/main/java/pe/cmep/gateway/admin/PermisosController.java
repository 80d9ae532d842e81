package pe.cmep.gateway.admin;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import pe.cmep.gateway.auth.Authenticator;
import pe.cmep.gateway.policy.PolicyMatrix;
import pe.cmep.gateway.web.Responses;
import reactor.core.publisher.Mono;

/** GET /admin/permisos (api.md §7.11): the policy matrix in force, shown read-only on the users page. */
@RestController
class PermisosController {

    private final Authenticator authenticator;
    private final PolicyMatrix matrix;

    PermisosController(Authenticator authenticator, PolicyMatrix matrix) {
        this.authenticator = authenticator;
        this.matrix = matrix;
    }

    @GetMapping("/admin/permisos")
    Mono<ResponseEntity<Object>> permisos(ServerWebExchange exchange) {
        return authenticator.requireAdmin(exchange).map(admin -> Responses.ok(matrix.asMap()));
    }
}
