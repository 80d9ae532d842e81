package pe.cmep.gateway.solicitud;

/**
 * A solicitud row locked for the current transaction, with what the actions decide on. The actions return it as it
 * is after their change, and that is what the row's derived columns are saved from.
 */
record LockedSolicitud(int solicitudId, int clienteId, Integer apoderadoId, String estadoAtencion, String estadoPago,
                       Integer gestorPersonaId, Integer medicoPersonaId) {

    EstadoOperativo estado() {
        return EstadoOperativo.derive(estadoAtencion, estadoPago, gestorPersonaId != null, medicoPersonaId != null);
    }

    /** With {@code personaId} as the vigente assignee of {@code rol} (GESTOR or MEDICO). */
    LockedSolicitud conAsignado(String rol, int personaId) {
        return "GESTOR".equals(rol)
                ? new LockedSolicitud(solicitudId, clienteId, apoderadoId, estadoAtencion, estadoPago, personaId,
                        medicoPersonaId)
                : new LockedSolicitud(solicitudId, clienteId, apoderadoId, estadoAtencion, estadoPago, gestorPersonaId,
                        personaId);
    }

    LockedSolicitud pagada() {
        return new LockedSolicitud(solicitudId, clienteId, apoderadoId, estadoAtencion, "PAGADO", gestorPersonaId,
                medicoPersonaId);
    }

    LockedSolicitud conAtencion(String nuevoEstadoAtencion) {
        return new LockedSolicitud(solicitudId, clienteId, apoderadoId, nuevoEstadoAtencion, estadoPago,
                gestorPersonaId, medicoPersonaId);
    }
}
