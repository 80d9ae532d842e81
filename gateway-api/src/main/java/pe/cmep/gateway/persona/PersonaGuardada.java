package pe.cmep.gateway.persona;

import java.util.List;

/** The persona an upsert found or created, with the changes it made to an existing one (none for a new one). */
public record PersonaGuardada(int personaId, List<PersonaCambio> cambios) {
}
