package pe.cmep.gateway.solicitud;

/** A solicitud row locked for the current transaction, with what the actions decide on. */
record LockedSolicitud(int solicitudId, int clienteId, Integer apoderadoId, String estadoAtencion, String estadoPago,
                       Integer gestorPersonaId, Integer medicoPersonaId) {

    EstadoOperativo estado() {
        return EstadoOperativo.derive(estadoAtencion, estadoPago, gestorPersonaId != null, medicoPersonaId != null);
    }
}
