package pe.cmep.events;

/**
 * An admin ran an OVERRIDE on a closed or cancelled solicitud (domain.md §5.10). The effect of the
 * sub-action travels as its own event right after this one.
 *
 * @param accion                  the sub-action ({@code EDITAR_DATOS}, {@code CAMBIAR_GESTOR}, …)
 * @param motivo                  the mandatory reason
 * @param estadoOperativoAnterior estado_operativo before the override
 * @param state                   the solicitud after the whole override
 */
public record SolicitudOverridden(
        String accion,
        String motivo,
        String estadoOperativoAnterior,
        SolicitudState state) implements SolicitudEventPayload {

    public static final String TYPE = "solicitud.overridden";
    public static final int VERSION = 1;

    public SolicitudOverridden {
        Checks.present(accion, "accion");
        Checks.present(motivo, "motivo");
        Checks.present(estadoOperativoAnterior, "estado_operativo_anterior");
        Checks.present(state, "state");
    }
}
