package pe.cmep.events;

/** The solicitud was closed: estado_atencion became ATENDIDO (CERRAR, or OVERRIDE of it, domain.md §5.6). */
public record SolicitudClosed(SolicitudState state) implements SolicitudEventPayload {

    public static final String TYPE = "solicitud.closed";
    public static final int VERSION = 1;

    public SolicitudClosed {
        Checks.present(state, "state");
    }
}
