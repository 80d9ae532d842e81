package pe.cmep.gateway.solicitud;

/**
 * A vigente row of solicitud_asignacion with its persona's "nombres apellidos".
 *
 * @param asignacionId 0 for the assignment an action is about to insert
 */
record AsignacionVigente(int asignacionId, RolAsignacion rol, int personaId, String nombre) {
}
