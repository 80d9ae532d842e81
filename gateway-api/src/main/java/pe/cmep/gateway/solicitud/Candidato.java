package pe.cmep.gateway.solicitud;

/**
 * A persona's employee row for a role, as rule R10 decides on it (domain.md §10 #19).
 *
 * @param estadoUsuario the estado of the persona's user account, null when it has none
 */
record Candidato(int personaId, String estadoEmpleado, String estadoUsuario, String nombre) {
}
