package pe.cmep.gateway.catalogo;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import pe.cmep.gateway.auth.CurrentUser;
import pe.cmep.gateway.web.ApiException;
import pe.cmep.gateway.web.FieldReader;
import pe.cmep.gateway.web.JsonBody;
import pe.cmep.gateway.web.PathIds;
import pe.cmep.gateway.web.Responses;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/** The promotor endpoints of api.md §7.7 (list, get, create, edit, delete), for any logged-in user. */
@RestController
class PromotoresController {

    private final PromotorRepository promotores;
    private final PromotorService service;
    private final JsonMapper mapper;

    PromotoresController(PromotorRepository promotores, PromotorService service, JsonMapper mapper) {
        this.promotores = promotores;
        this.service = service;
        this.mapper = mapper;
    }

    @GetMapping("/promotores")
    Mono<ResponseEntity<Object>> list() {
        return promotores.findAll().collectList().map(Responses::ok);
    }

    // The id is taken as text so that the 422 names the path parameter as the API spells it.
    @GetMapping("/promotores/{promotor_id}")
    Mono<ResponseEntity<Object>> get(@PathVariable("promotor_id") String promotorId) {
        return promotores.find(PathIds.positive(promotorId, "promotor_id"))
                .switchIfEmpty(Mono.error(() -> ApiException.notFound("Promotor no encontrado")))
                .map(Responses::ok);
    }

    @PostMapping("/promotores")
    Mono<ResponseEntity<Object>> create(@RequestBody(required = false) byte[] body, CurrentUser user) {
        FieldReader r = new FieldReader(JsonBody.parseObject(mapper, body));
        PromotorInput in = PromotorInput.read(r);
        r.validate();
        return service.crear(in, user.userId()).map(Responses::ok);
    }

    @PatchMapping("/promotores/{promotor_id}")
    Mono<ResponseEntity<Object>> edit(@PathVariable("promotor_id") String promotorId,
                                      @RequestBody(required = false) byte[] body, CurrentUser user) {
        int id = PathIds.positive(promotorId, "promotor_id");
        FieldReader r = new FieldReader(JsonBody.parseObject(mapper, body));
        PromotorPatch patch = PromotorPatch.read(r);
        r.validate();
        return service.editar(id, patch, user.userId()).map(Responses::ok);
    }

    @DeleteMapping("/promotores/{promotor_id}")
    Mono<ResponseEntity<Object>> delete(@PathVariable("promotor_id") String promotorId) {
        return service.eliminar(PathIds.positive(promotorId, "promotor_id"))
                .then(Mono.fromSupplier(Responses::ok));
    }
}
