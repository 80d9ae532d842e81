package pe.cmep.gateway.seed;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import org.springframework.stereotype.Component;
import pe.cmep.gateway.persona.PersonaDatos;
import pe.cmep.gateway.persona.PersonaGuardada;
import pe.cmep.gateway.persona.PersonaRepository;
import reactor.core.publisher.Mono;

/**
 * A seed's persona: one with the document is left as it is (a seed only adds what is missing, so edits made
 * in local mode survive), an absent one is created through {@link PersonaRepository} with {@code created_by}
 * NULL (domain.md §9.1).
 */
@Component
class SeedPersonas {

    private final PersonaRepository personas;
    private final Clock clock;

    SeedPersonas(PersonaRepository personas, Clock clock) {
        this.personas = personas;
        this.clock = clock;
    }

    /** Returns the persona id. */
    Mono<Integer> ensure(String tipoDocumento, String numeroDocumento, String nombres, String apellidos,
                         String email, String celular) {
        PersonaDatos datos = new PersonaDatos(tipoDocumento, numeroDocumento, nombres, apellidos, celular, email,
                null, null);
        return personas.findId(tipoDocumento, numeroDocumento)
                .switchIfEmpty(Mono.defer(() -> personas.upsert(datos, null, now()).map(PersonaGuardada::personaId)));
    }

    private LocalDateTime now() {
        return LocalDateTime.now(clock).truncatedTo(ChronoUnit.SECONDS);
    }
}
