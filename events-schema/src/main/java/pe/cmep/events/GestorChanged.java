package pe.cmep.events;

/**
 * The gestor was changed (CAMBIAR_GESTOR, or OVERRIDE of it, domain.md §5.3, §5.10).
 *
 * @param personaId         the new assignee
 * @param nombre            the new assignee's "nombres apellidos"
 * @param personaIdAnterior the assignee whose assignment was closed, null if none
 * @param nombreAnterior    that assignee's "nombres apellidos", null if none
 * @param viaOverride       true when an admin OVERRIDE ran the action
 */
public record GestorChanged(
        int personaId,
        String nombre,
        Integer personaIdAnterior,
        String nombreAnterior,
        boolean viaOverride,
        SolicitudState state) implements SolicitudEventPayload {

    public static final String TYPE = "solicitud.gestor_changed";
    public static final int VERSION = 1;

    public GestorChanged {
        Checks.id(personaId, "persona_id");
        Checks.present(nombre, "nombre");
        Checks.present(state, "state");
    }
}
