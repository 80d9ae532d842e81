package pe.cmep.gateway.admin;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import pe.cmep.gateway.auth.AdminOnly;
import pe.cmep.gateway.auth.CurrentUser;
import pe.cmep.gateway.web.Envelope;
import pe.cmep.gateway.web.JsonBody;
import pe.cmep.gateway.web.PathIds;
import pe.cmep.gateway.web.Responses;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/** Admin user management (api.md §7.10), ADMIN only. */
@RestController
@AdminOnly
class AdminUsuariosController {

    private final AdminUserService service;
    private final AdminUserCreation creation;
    private final JsonMapper mapper;

    AdminUsuariosController(AdminUserService service, AdminUserCreation creation, JsonMapper mapper) {
        this.service = service;
        this.creation = creation;
        this.mapper = mapper;
    }

    @GetMapping("/admin/usuarios")
    Mono<ResponseEntity<Object>> list() {
        return service.listar().map(Responses::ok);
    }

    @PostMapping("/admin/usuarios")
    Mono<ResponseEntity<Object>> create(@RequestBody(required = false) byte[] body, CurrentUser admin) {
        return creation.crear(AdminUserRequests.create(JsonBody.parseObject(mapper, body)), admin)
                .map(dto -> ResponseEntity.status(HttpStatus.CREATED).contentType(MediaType.APPLICATION_JSON)
                        .body((Object) Envelope.ok(dto)));
    }

    @PatchMapping("/admin/usuarios/{user_id}")
    Mono<ResponseEntity<Object>> patch(@PathVariable("user_id") String id,
                                       @RequestBody(required = false) byte[] body, CurrentUser admin) {
        int userId = PathIds.positive(id, "user_id");
        return service.editar(userId, AdminUserRequests.patch(JsonBody.parseObject(mapper, body)), admin)
                .map(Responses::ok);
    }

    @PostMapping("/admin/usuarios/{user_id}/reset-password")
    Mono<ResponseEntity<Object>> resetPassword(@PathVariable("user_id") String id,
                                               @RequestBody(required = false) byte[] body, CurrentUser admin) {
        int userId = PathIds.positive(id, "user_id");
        return service.restablecerPassword(userId, AdminUserRequests.newPassword(JsonBody.parseObject(mapper, body)), admin)
                .thenReturn(Responses.okBuilder().body((Object) new Reset(true, "Password reseteado exitosamente")));
    }

    /** api.md §7.10: reset-password answers {@code {"ok": true, "message": ...}}. */
    record Reset(boolean ok, String message) {
    }
}
