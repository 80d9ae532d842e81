package pe.cmep.gateway.admin;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import pe.cmep.gateway.auth.AdminOnly;
import pe.cmep.gateway.policy.PolicyMatrix;
import pe.cmep.gateway.web.Responses;

/** GET /admin/permisos (api.md §7.11): the policy matrix in force, shown read-only on the users page. */
@RestController
@AdminOnly
class PermisosController {

    private final PolicyMatrix matrix;

    PermisosController(PolicyMatrix matrix) {
        this.matrix = matrix;
    }

    @GetMapping("/admin/permisos")
    ResponseEntity<Object> permisos() {
        return Responses.ok(matrix.asMap());
    }
}
