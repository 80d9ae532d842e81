package pe.cmep.gateway.solicitud;

/** The roles a solicitud assigns a persona to (solicitud_asignacion.rol; domain.md §5.3). */
enum RolAsignacion {
    GESTOR, MEDICO
}
