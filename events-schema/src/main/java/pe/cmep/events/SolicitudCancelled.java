package pe.cmep.events;

/**
 * The solicitud was cancelled (CANCELAR, or OVERRIDE of it, domain.md §5.7).
 *
 * @param motivo the reason given, null if none
 */
public record SolicitudCancelled(String motivo, SolicitudState state) implements SolicitudEventPayload {

    public static final String TYPE = "solicitud.cancelled";
    public static final int VERSION = 1;

    public SolicitudCancelled {
        Checks.present(state, "state");
    }
}
