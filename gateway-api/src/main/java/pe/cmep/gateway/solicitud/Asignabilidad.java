package pe.cmep.gateway.solicitud;

import pe.cmep.gateway.web.ApiException;

/**
 * Rule R10 with §10 #19 and #29: an ACTIVO employee row of that role (a removed role leaves it SUSPENDIDO) and,
 * when the persona has a user account, an ACTIVO account. A refusal is a 422 whose message is the one of
 * domain.md §10 #27 and whose detail says which of the three conditions failed, in the words of api.md §7.5.
 */
final class Asignabilidad {

    private Asignabilidad() {
    }

    /** The persona's "nombres apellidos" when {@code candidato} may be assigned as {@code rol}. */
    static String nombre(RolAsignacion rol, int personaId, Candidato candidato, String field) {
        if (candidato == null) {
            throw rechazo(rol, field, "La persona " + personaId + " no es empleado con rol " + rol);
        }
        if (!"ACTIVO".equals(candidato.estadoEmpleado())) {
            throw rechazo(rol, field, "El empleado no esta ACTIVO (estado: " + candidato.estadoEmpleado() + ")");
        }
        if (candidato.estadoUsuario() != null && !"ACTIVO".equals(candidato.estadoUsuario())) {
            throw rechazo(rol, field, "La cuenta de usuario de la persona " + personaId
                    + " no esta ACTIVA (estado: " + candidato.estadoUsuario() + ")");
        }
        return candidato.nombre();
    }

    private static ApiException rechazo(RolAsignacion rol, String field, String detail) {
        return ApiException.validation("La persona no es un " + rol + " activo", field, detail);
    }
}
