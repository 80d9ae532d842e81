package pe.cmep.gateway.catalogo;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import pe.cmep.gateway.config.DatabaseErrors;
import pe.cmep.gateway.persona.PersonaEdicion;
import pe.cmep.gateway.persona.PersonaRepository;
import pe.cmep.gateway.web.ApiException;
import reactor.core.publisher.Mono;

/** Create, edit and delete of promotores (api.md §7.7, domain.md §5.13). */
@Service
class PromotorService {

    private final PromotorWriter writer;
    private final PromotorRepository promotores;
    private final PersonaRepository personas;
    private final TransactionalOperator tx;
    private final Clock clock;

    PromotorService(PromotorWriter writer, PromotorRepository promotores, PersonaRepository personas,
                    TransactionalOperator tx, Clock clock) {
        this.writer = writer;
        this.promotores = promotores;
        this.personas = personas;
        this.tx = tx;
        this.clock = clock;
    }

    Mono<PromotorItem> crear(PromotorInput in, int userId) {
        return Mono.defer(() -> writer.crear(in, userId, now()))
                .as(tx::transactional)
                .flatMap(promotores::find);
    }

    Mono<PromotorItem> editar(int promotorId, PromotorPatch patch, int userId) {
        return Mono.defer(() -> {
                    LocalDateTime now = now();
                    return promotores.lock(promotorId)
                            .switchIfEmpty(Mono.error(() -> ApiException.notFound("Promotor no encontrado")))
                            .flatMap(locked -> promotores.update(promotorId, patch.columns(), userId, now)
                                    .then(updatePersona(locked, patch, userId, now)));
                })
                .as(tx::transactional)
                .then(Mono.defer(() -> promotores.find(promotorId)))
                .switchIfEmpty(Mono.error(() -> ApiException.notFound("Promotor no encontrado")));
    }

    Mono<Void> eliminar(int promotorId) {
        return promotores.lock(promotorId)
                .switchIfEmpty(Mono.error(() -> ApiException.notFound("Promotor no encontrado")))
                .flatMap(locked -> promotores.countSolicitudes(promotorId))
                .flatMap(n -> n > 0 ? Mono.error(inUse(n)) : promotores.delete(promotorId))
                .as(tx::transactional)
                // a solicitud registered between the count and the delete: the foreign key refuses it
                .onErrorResume(DatabaseErrors::isForeignKeyViolation,
                        e -> promotores.countSolicitudes(promotorId).flatMap(n -> Mono.error(inUse(Math.max(n, 1)))));
    }

    private static ApiException inUse(long n) {
        return ApiException.conflict("No se puede eliminar: el promotor tiene " + n + " solicitud(es) vinculada(s)");
    }

    /** The non-empty names of a PATCH change the persona of a PERSONA promotor (domain.md §5.13). */
    private Mono<Void> updatePersona(PromotorRepository.Bloqueado promotor, PromotorPatch patch, int userId,
                                     LocalDateTime now) {
        if (!promotor.isPersona() || (patch.nombres() == null && patch.apellidos() == null)) {
            return Mono.empty();
        }
        return personas.update(promotor.personaId(), PersonaEdicion.nombres(patch.nombres(), patch.apellidos()),
                userId, now).then();
    }

    private LocalDateTime now() {
        return LocalDateTime.now(clock).truncatedTo(ChronoUnit.SECONDS);
    }
}
