package pe.cmep.system.authz;

import java.util.Map;
import java.util.TreeMap;
import pe.cmep.system.hostile.Route;

/**
 * The one table of who may call what: api.md §6's endpoint index, copied by hand on purpose. The authorisation
 * matrix test holds it against the routes the running API reports and against docs/openapi.json, so a new endpoint
 * fails the test until its rule is written down here.
 */
final class AccessRules {

    /** method, path, rule (api.md §6, same order). */
    private static final String TABLE = """
            GET     /health                                         anon
            GET     /version                                        anon
            POST    /auth/login                                     anon
            POST    /auth/logout                                    user
            GET     /auth/me                                        user
            POST    /solicitudes                                    user
            GET     /solicitudes                                    user
            GET     /solicitudes/{solicitud_id}                     user
            PATCH   /solicitudes/{solicitud_id}                     policy:EDITAR_DATOS
            POST    /solicitudes/{solicitud_id}/asignar-gestor      policy:ASIGNAR_GESTOR
            POST    /solicitudes/{solicitud_id}/cambiar-gestor      policy:CAMBIAR_GESTOR
            POST    /solicitudes/{solicitud_id}/registrar-pago      policy:REGISTRAR_PAGO
            POST    /solicitudes/{solicitud_id}/asignar-medico      policy:ASIGNAR_MEDICO
            POST    /solicitudes/{solicitud_id}/cambiar-medico      policy:CAMBIAR_MEDICO
            POST    /solicitudes/{solicitud_id}/cerrar              policy:CERRAR
            POST    /solicitudes/{solicitud_id}/cancelar            policy:CANCELAR
            POST    /solicitudes/{solicitud_id}/override            policy:OVERRIDE
            DELETE  /solicitudes/{solicitud_id}                     ADMIN
            POST    /solicitudes/{solicitud_id}/archivos            user
            GET     /archivos/{archivo_id}                          user
            DELETE  /archivos/{archivo_id}                          user
            GET     /promotores                                     user
            GET     /promotores/{promotor_id}                       user
            POST    /promotores                                     user
            PATCH   /promotores/{promotor_id}                       user
            DELETE  /promotores/{promotor_id}                       user
            GET     /empleados                                      user
            GET     /servicios                                      user
            GET     /admin/usuarios                                 ADMIN
            POST    /admin/usuarios                                 ADMIN
            PATCH   /admin/usuarios/{user_id}                       ADMIN
            POST    /admin/usuarios/{user_id}/reset-password        ADMIN
            GET     /admin/permisos                                 ADMIN
            GET     /admin/reportes                                 ADMIN
            """;

    private AccessRules() {
    }

    static Map<Route, AccessRule> all() {
        Map<Route, AccessRule> rules = new TreeMap<>();
        TABLE.lines().map(String::trim).filter(l -> !l.isEmpty()).forEach(line -> {
            String[] cells = line.split("\\s+");
            if (rules.put(new Route(cells[0], cells[1]), AccessRule.parse(cells[2])) != null) {
                throw new IllegalStateException("route listed twice: " + line);
            }
        });
        return rules;
    }
}
