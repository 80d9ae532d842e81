package pe.cmep.system.authz;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import pe.cmep.system.authz.AuthorizationMatrixIT.Caller;
import pe.cmep.system.authz.MatrixFixtures.Estado;
import pe.cmep.system.hostile.ApiCaller;
import pe.cmep.system.hostile.Reply;
import pe.cmep.system.hostile.Route;

/**
 * One valid request per route (api.md §7's bodies), so a cell's answer depends only on who asks and the state. A
 * route without one here fails the test: a new endpoint needs its valid request written down with its rule.
 */
final class ValidRequests {

    private final MatrixFixtures fixtures;

    ValidRequests(MatrixFixtures fixtures) {
        this.fixtures = fixtures;
    }

    /** What was sent and the entity it addressed (variable name and id), for the fixtures' bookkeeping. */
    record Sent(Reply reply, Optional<String> variable, long id) {
    }

    Sent send(Route route, Estado estado, Caller caller, ApiCaller session, String url) {
        Map<String, String> values = new HashMap<>();
        String variable = route.variables().isEmpty() ? null : route.variables().get(0);
        long id = 0;
        if (variable != null) {
            id = fixtures.id(variable, estado);
            values.put(variable, String.valueOf(id));
        }
        String path = route.expand(values);
        Reply reply = switch (route.toString()) {
            case "GET /health", "GET /version", "GET /auth/me", "GET /solicitudes", "GET /solicitudes/{solicitud_id}",
                 "GET /archivos/{archivo_id}", "GET /promotores", "GET /promotores/{promotor_id}", "GET /servicios",
                 "GET /admin/usuarios", "GET /admin/permisos", "GET /admin/reportes",
                 "DELETE /solicitudes/{solicitud_id}", "DELETE /archivos/{archivo_id}",
                 "DELETE /promotores/{promotor_id}" -> session.send(route.method(), path, null, null);
            case "GET /empleados" -> session.get(path + "?rol=GESTOR");
            case "POST /auth/login" -> session.json("POST", path,
                    "{\"email\":\"operador@cmep.local\",\"password\":\"operador123\"}");
            // logging out the caller's shared session would turn its later cells into 401s: a session of its own
            case "POST /auth/logout" -> (caller.email() == null ? session : caller.open(url)).json("POST", path, "{}");
            case "POST /solicitudes" -> session.json("POST", path, "{\"cliente\":{\"tipo_documento\":\"PASAPORTE\","
                    + "\"numero_documento\":\"MN" + MatrixFixtures.next() + "\",\"nombres\":\"Matriz\","
                    + "\"apellidos\":\"Nueva\"}}");
            case "PATCH /solicitudes/{solicitud_id}" -> session.json("PATCH", path, "{\"comentario\":\"matriz\"}");
            case "POST /solicitudes/{solicitud_id}/asignar-gestor", "POST /solicitudes/{solicitud_id}/cambiar-gestor" ->
                    session.json("POST", path, "{\"persona_id_gestor\":" + fixtures.gestor + "}");
            case "POST /solicitudes/{solicitud_id}/asignar-medico", "POST /solicitudes/{solicitud_id}/cambiar-medico" ->
                    session.json("POST", path, "{\"persona_id_medico\":" + fixtures.medico + "}");
            case "POST /solicitudes/{solicitud_id}/registrar-pago" -> session.json("POST", path,
                    "{\"canal_pago\":\"YAPE\",\"fecha_pago\":\"2026-01-15\",\"monto\":\"150.00\"}");
            case "POST /solicitudes/{solicitud_id}/cerrar", "POST /solicitudes/{solicitud_id}/cancelar" ->
                    session.json("POST", path, "{\"comentario\":\"matriz\"}");
            case "POST /solicitudes/{solicitud_id}/override" -> session.json("POST", path,
                    "{\"motivo\":\"matriz\",\"accion\":\"EDITAR_DATOS\",\"payload\":{\"comentario\":\"override\"}}");
            case "POST /solicitudes/{solicitud_id}/archivos" -> {
                MatrixFixtures.Multipart body = MatrixFixtures.Multipart.pdf();
                yield session.send("POST", path, body.contentType(), body.bytes());
            }
            case "POST /promotores" -> session.json("POST", path, "{\"tipo_promotor\":\"EMPRESA\","
                    + "\"razon_social\":\"Matriz " + MatrixFixtures.next() + "\"}");
            case "PATCH /promotores/{promotor_id}" -> session.json("PATCH", path, "{\"comentario\":\"matriz\"}");
            case "POST /admin/usuarios" -> session.json("POST", path, MatrixFixtures.newUserBody(MatrixFixtures.next()));
            case "PATCH /admin/usuarios/{user_id}" -> session.json("PATCH", path, "{\"comentario\":\"matriz\"}");
            case "POST /admin/usuarios/{user_id}/reset-password" -> session.json("POST", path,
                    "{\"new_password\":\"matriz-pass-2\"}");
            default -> throw new IllegalStateException("no valid request written for " + route
                    + " in ValidRequests: a new endpoint needs one (and its rule in AccessRules)");
        };
        return new Sent(reply, Optional.ofNullable(variable), id);
    }
}
