package pe.cmep.gateway.catalogo;

import java.time.LocalDateTime;
import org.springframework.stereotype.Component;
import pe.cmep.gateway.persona.PersonaDatos;
import pe.cmep.gateway.persona.PersonaGuardada;
import pe.cmep.gateway.persona.PersonaRepository;
import reactor.core.publisher.Mono;

/**
 * Creates a promotor as api.md §7.7 / domain.md §5.13 say: a PERSONA promotor finds or creates its persona
 * under {@link PersonaRepository}'s rule (by document when both document fields are given, otherwise always a
 * new persona).
 */
@Component
public class PromotorWriter {

    private final PromotorRepository promotores;
    private final PersonaRepository personas;

    PromotorWriter(PromotorRepository promotores, PersonaRepository personas) {
        this.promotores = promotores;
        this.personas = personas;
    }

    /** Returns the new promotor id; runs in the caller's transaction. */
    public Mono<Integer> crear(PromotorInput in, int userId, LocalDateTime now) {
        Mono<Integer> persona = "PERSONA".equals(in.tipoPromotor())
                ? personas.upsert(persona(in), userId, now).map(PersonaGuardada::personaId)
                : Mono.just(0);
        return persona.flatMap(personaId -> promotores.insert(in, personaId == 0 ? null : personaId, userId, now));
    }

    private static PersonaDatos persona(PromotorInput in) {
        boolean document = in.hasDocument();
        return new PersonaDatos(document ? in.tipoDocumento() : null, document ? in.numeroDocumento() : null,
                in.nombres(), in.apellidos(), in.celular1(), in.email(), null, null);
    }
}
