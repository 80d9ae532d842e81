package pe.cmep.gateway.solicitud;

import java.util.List;

/** A row an action writes besides the solicitud's own row and its historial: SolicitudRepository writes each. */
sealed interface Escritura {

    /** Closes the vigente assignments {@code cerrar} of the role and inserts the new one. */
    record NuevaAsignacion(RolAsignacion rol, int personaId, List<Integer> cerrar) implements Escritura {
    }

    /** A payment row; its generated id goes into the action's event. */
    record NuevoPago(PagoInput pago) implements Escritura {
    }

    /** The changed fields of the cliente or apoderado persona. */
    record EdicionPersona(int personaId, List<EdicionRequest.Edit> cambios) implements Escritura {
    }
}
