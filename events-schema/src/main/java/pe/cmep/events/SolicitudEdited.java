package pe.cmep.events;

import java.util.List;

/**
 * Data of a solicitud (or of its client or apoderado persona) was edited, through EDITAR_DATOS
 * or an OVERRIDE of it (domain.md §5.2, §5.10): one change per field, as in the historial.
 */
public record SolicitudEdited(List<Change> changes, SolicitudState state) implements SolicitudEventPayload {

    public static final String TYPE = "solicitud.edited";
    public static final int VERSION = 1;

    public SolicitudEdited {
        changes = List.copyOf(Checks.present(changes, "changes"));
        Checks.present(state, "state");
    }

    /**
     * @param campo         the historial {@code campo}, e.g. {@code lugar_atencion} or {@code cliente.nombres}
     * @param valorAnterior old value as text, null if it was empty
     * @param valorNuevo    new value as text, null if it was cleared
     */
    public record Change(String campo, String valorAnterior, String valorNuevo) {

        public Change {
            Checks.present(campo, "campo");
        }
    }
}
