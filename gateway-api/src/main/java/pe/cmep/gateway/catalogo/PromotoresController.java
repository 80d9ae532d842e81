package pe.cmep.gateway.catalogo;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import pe.cmep.gateway.auth.Authenticator;
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

    private final Authenticator authenticator;
    private final PromotorRepository promotores;
    private final PromotorService service;
    private final JsonMapper mapper;

    PromotoresController(Authenticator authenticator, PromotorRepository promotores, PromotorService service,
                         JsonMapper mapper) {
        this.authenticator = authenticator;
        this.promotores = promotores;
        this.service = service;
        this.mapper = mapper;
    }

    @GetMapping("/promotores")
    Mono<ResponseEntity<Object>> list(ServerWebExchange exchange) {
        return authenticator.authenticate(exchange)
                .flatMap(user -> promotores.findAll().collectList())
                .map(Responses::ok);
    }

    // The id is taken as text and checked after the session, so that the check order of api.md §1 holds
    // (401 before 422) and the 422 names the path parameter as the API spells it.
    @GetMapping("/promotores/{promotor_id}")
    Mono<ResponseEntity<Object>> get(@PathVariable("promotor_id") String promotorId, ServerWebExchange exchange) {
        return authenticator.authenticate(exchange)
                .flatMap(user -> promotores.find(PathIds.positive(promotorId, "promotor_id")))
                .switchIfEmpty(Mono.error(() -> ApiException.notFound("Promotor no encontrado")))
                .map(Responses::ok);
    }

    @PostMapping("/promotores")
    Mono<ResponseEntity<Object>> create(@RequestBody(required = false) Mono<byte[]> body, ServerWebExchange exchange) {
        return authenticator.withBody(body, exchange, (user, bytes) -> {
                    FieldReader r = new FieldReader(JsonBody.parseObject(mapper, bytes));
                    PromotorInput in = PromotorInput.read(r);
                    r.validate();
                    return service.create(in, user.userId());
                })
                .map(Responses::ok);
    }

    @PatchMapping("/promotores/{promotor_id}")
    Mono<ResponseEntity<Object>> edit(@PathVariable("promotor_id") String promotorId,
                                      @RequestBody(required = false) Mono<byte[]> body, ServerWebExchange exchange) {
        return authenticator.withBody(body, exchange, (user, bytes) -> {
                    int id = PathIds.positive(promotorId, "promotor_id");
                    FieldReader r = new FieldReader(JsonBody.parseObject(mapper, bytes));
                    PromotorPatch patch = PromotorPatch.read(r);
                    r.validate();
                    return service.update(id, patch, user.userId());
                })
                .map(Responses::ok);
    }

    @DeleteMapping("/promotores/{promotor_id}")
    Mono<ResponseEntity<Object>> delete(@PathVariable("promotor_id") String promotorId, ServerWebExchange exchange) {
        return authenticator.authenticate(exchange)
                .flatMap(user -> service.delete(PathIds.positive(promotorId, "promotor_id")))
                .then(Mono.fromSupplier(Responses::ok));
    }
}
