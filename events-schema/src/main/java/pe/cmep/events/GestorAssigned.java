package pe.cmep.events;

/**
 * A gestor was assigned (ASIGNAR_GESTOR, domain.md §5.3).
 *
 * @param personaId         the new assignee
 * @param nombre            the new assignee's "nombres apellidos"
 * @param personaIdAnterior the assignee whose assignment was closed, null if none
 * @param nombreAnterior    that assignee's "nombres apellidos", null if none
 * @param viaOverride       true when an admin OVERRIDE ran the action
 */
public record GestorAssigned(
        int personaId,
        String nombre,
        Integer personaIdAnterior,
        String nombreAnterior,
        boolean viaOverride,
        SolicitudState state) implements SolicitudEventPayload {

    public static final String TYPE = "solicitud.gestor_assigned";
    public static final int VERSION = 1;

    public GestorAssigned {
        Checks.id(personaId, "persona_id");
        Checks.present(nombre, "nombre");
        Checks.present(state, "state");
    }
}
