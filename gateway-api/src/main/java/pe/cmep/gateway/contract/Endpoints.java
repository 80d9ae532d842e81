package pe.cmep.gateway.contract;

import static pe.cmep.gateway.contract.Auth.ADMIN;
import static pe.cmep.gateway.contract.Auth.ANON;
import static pe.cmep.gateway.contract.Auth.USER;
import static pe.cmep.gateway.contract.Auth.policy;

import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.springframework.http.HttpMethod;
import pe.cmep.gateway.admin.AdminUserDto;
import pe.cmep.gateway.auth.UserDto;
import pe.cmep.gateway.catalogo.EmpleadoItem;
import pe.cmep.gateway.catalogo.PromotorItem;
import pe.cmep.gateway.catalogo.ServicioItem;
import pe.cmep.gateway.contract.RequestBodies.ComentarioBody;
import pe.cmep.gateway.contract.RequestBodies.EdicionBody;
import pe.cmep.gateway.contract.RequestBodies.GestorBody;
import pe.cmep.gateway.contract.RequestBodies.LoginBody;
import pe.cmep.gateway.contract.RequestBodies.MedicoBody;
import pe.cmep.gateway.contract.RequestBodies.NuevoUsuarioBody;
import pe.cmep.gateway.contract.RequestBodies.OverrideBody;
import pe.cmep.gateway.contract.RequestBodies.PagoBody;
import pe.cmep.gateway.contract.RequestBodies.PromotorBody;
import pe.cmep.gateway.contract.RequestBodies.PromotorPatchBody;
import pe.cmep.gateway.contract.RequestBodies.RegistroBody;
import pe.cmep.gateway.contract.RequestBodies.ResetPasswordBody;
import pe.cmep.gateway.contract.RequestBodies.UsuarioPatchBody;
import pe.cmep.gateway.contract.ResponseBodies.ArchivoSubido;
import pe.cmep.gateway.contract.ResponseBodies.SolicitudCreada;
import pe.cmep.gateway.policy.Accion;
import pe.cmep.gateway.reportes.Reporte;
import pe.cmep.gateway.solicitud.SolicitudDetail;
import pe.cmep.gateway.solicitud.SolicitudListItem;

/**
 * The endpoint index of api.md §6 with what §7 says of each: the table the document is written from, because the
 * handlers take raw bodies and answer {@code ResponseEntity<Object>}, from which nothing can be inferred
 * (docs/decisions.md). Order and paths as in api.md; ContractCustomizer checks it against the app's own routes.
 */
final class Endpoints {

    private static final String SOLICITUD = "/solicitudes/{solicitud_id}";
    /** {@code {"ok": true, "data": {"user": UserDTO}}} of login and me (api.md §7.2). */
    private static final Function<RecordSchemas, Map<String, Schema<?>>> RESPONSE_USER =
            schemas -> Map.of("data", Reply.object(Map.of("user", schemas.ref(UserDto.class))));

    private Endpoints() {
    }

    static List<Endpoint> all() {
        return List.of(
                get("/health", ANON, "salud", "Readiness: the database answers (api.md §7.1)").id("health")
                        .replies(Reply.of(schemas -> Map.of("status", new StringSchema()._enum(List.of("healthy")))))
                        .errors(503),
                get("/version", ANON, "salud", "The running version, APP_VERSION").id("version")
                        .replies(Reply.of(schemas -> Map.of("version", new StringSchema()))),
                post("/auth/login", ANON, "auth", "Log in: sets the session cookie (api.md §3)").id("login")
                        .body(LoginBody.class).replies(Reply.of(RESPONSE_USER)).errors(401, 403, 422, 429),
                post("/auth/logout", USER, "auth", "Log out: ends this session and clears its cookie").id("logout"),
                get("/auth/me", USER, "auth", "The session's user").id("me").replies(Reply.of(RESPONSE_USER)),

                post("/solicitudes", USER, "solicitudes", "Register a solicitud (no policy check)").id("crearSolicitud")
                        .body(RegistroBody.class).replies(Reply.data(SolicitudCreada.class)).errors(422),
                get("/solicitudes", USER, "solicitudes", "A page of solicitudes, newest first").id("listarSolicitudes")
                        .query("page", false, new IntegerSchema().minimum(BigDecimal.ONE)._default(1), null)
                        .query("page_size", false, new IntegerSchema().minimum(BigDecimal.ONE)
                                .maximum(BigDecimal.valueOf(100))._default(20), null)
                        .query("q", false, new StringSchema().maxLength(150),
                                "case-insensitive substring of the cliente's numero_documento, nombres or apellidos")
                        .query("estado_operativo", false, enumOf(ContractEnums.ESTADO_OPERATIVO.values()),
                                "filtered before paging; meta.total counts the filtered set")
                        .query("mine", false, enumOf(List.of("true", "false", "1", "0", "yes", "no", "on", "off")),
                                "only the caller's solicitudes, by role (api.md §7.4)")
                        .replies(Reply.of(schemas -> Map.of(
                                "data", Reply.object(Map.of("items",
                                        new ArraySchema().items(schemas.ref(SolicitudListItem.class)))),
                                "meta", Reply.object(Map.of("page", new IntegerSchema(),
                                        "page_size", new IntegerSchema(), "total", new IntegerSchema().format("int64"))))))
                        .errors(422),
                get(SOLICITUD, USER, "solicitudes", "A solicitud, with the caller's acciones_permitidas")
                        .id("verSolicitud").replies(Reply.data(SolicitudDetail.class)).errors(404),
                patch(SOLICITUD, policy(Accion.EDITAR_DATOS), "solicitudes",
                        "Edit the solicitud's and its personas' data; only the keys sent are considered")
                        .id("editarSolicitud").body(EdicionBody.class).replies(Reply.data(SolicitudDetail.class))
                        .errors(404),
                action("asignar-gestor", Accion.ASIGNAR_GESTOR, GestorBody.class, "Assign the gestor")
                        .id("asignarGestor"),
                action("cambiar-gestor", Accion.CAMBIAR_GESTOR, GestorBody.class, "Change the gestor")
                        .id("cambiarGestor"),
                action("registrar-pago", Accion.REGISTRAR_PAGO, PagoBody.class, "Register a validated payment")
                        .id("registrarPago"),
                action("asignar-medico", Accion.ASIGNAR_MEDICO, MedicoBody.class, "Assign the medico (paid only)")
                        .id("asignarMedico"),
                action("cambiar-medico", Accion.CAMBIAR_MEDICO, MedicoBody.class, "Change the medico (paid only)")
                        .id("cambiarMedico"),
                action("cerrar", Accion.CERRAR, ComentarioBody.class, "Close: needs a payment and a medico")
                        .id("cerrarSolicitud").errors(409),
                action("cancelar", Accion.CANCELAR, ComentarioBody.class, "Cancel").id("cancelarSolicitud")
                        .errors(409),
                action("override", Accion.OVERRIDE, OverrideBody.class,
                        "ADMIN override of a closed or cancelled solicitud (api.md §7.5)").id("overrideSolicitud"),
                delete(SOLICITUD, ADMIN, "solicitudes", "Delete the solicitud and what only it refers to")
                        .id("eliminarSolicitud").errors(404),

                post(SOLICITUD + "/archivos", USER, "archivos", "Upload a file (10 MiB at most, allow-listed types)")
                        .id("subirArchivo").multipart(Endpoints::uploadForm).replies(Reply.data(ArchivoSubido.class))
                        .errors(404, 413, 422, 503),
                get("/archivos/{archivo_id}", USER, "archivos", "Download a file's bytes, as an attachment")
                        .id("descargarArchivo").replies(Reply.BYTES).errors(404, 503),
                delete("/archivos/{archivo_id}", USER, "archivos", "Delete a file (its object goes afterwards)")
                        .id("eliminarArchivo").errors(404),

                get("/promotores", USER, "promotores", "All promotores, by promotor_id").id("listarPromotores")
                        .replies(Reply.list(PromotorItem.class)),
                get("/promotores/{promotor_id}", USER, "promotores", "A promotor").id("verPromotor")
                        .replies(Reply.data(PromotorItem.class)).errors(404),
                post("/promotores", USER, "promotores", "Create a promotor").id("crearPromotor")
                        .body(PromotorBody.class).replies(Reply.data(PromotorItem.class)).errors(422),
                patch("/promotores/{promotor_id}", USER, "promotores", "Edit a promotor").id("editarPromotor")
                        .body(PromotorPatchBody.class).replies(Reply.data(PromotorItem.class)).errors(404),
                delete("/promotores/{promotor_id}", USER, "promotores", "Delete a promotor no solicitud refers to")
                        .id("eliminarPromotor").errors(404, 409),
                get("/empleados", USER, "catalogo", "The assignable employees of a role").id("listarEmpleados")
                        .query("rol", true, enumOf(List.of("GESTOR", "MEDICO", "OPERADOR")), null)
                        .replies(Reply.list(EmpleadoItem.class)).errors(422),
                get("/servicios", USER, "catalogo", "All services, by servicio_id").id("listarServicios")
                        .replies(Reply.list(ServicioItem.class)),

                get("/admin/usuarios", ADMIN, "admin", "All users, by user_id").id("listarUsuarios")
                        .replies(Reply.list(AdminUserDto.class)),
                post("/admin/usuarios", ADMIN, "admin", "Create a user (and its persona and employee rows)")
                        .id("crearUsuario").body(NuevoUsuarioBody.class)
                        .replies(201, Reply.data(AdminUserDto.class)).errors(409, 422),
                patch("/admin/usuarios/{user_id}", ADMIN, "admin", "Edit, re-role, suspend or reactivate a user")
                        .id("editarUsuario").body(UsuarioPatchBody.class).replies(Reply.data(AdminUserDto.class))
                        .errors(400, 404, 409),
                post("/admin/usuarios/{user_id}/reset-password", ADMIN, "admin",
                        "Set a new password and end the user's sessions").id("resetearPassword")
                        .body(ResetPasswordBody.class)
                        .replies(Reply.of(schemas -> Map.of("message", new StringSchema())))
                        .errors(404),
                get("/admin/permisos", ADMIN, "admin", "The policy matrix in force: rol → estado_operativo → acciones")
                        .id("verPermisos").replies(Reply.of(Endpoints::permisos)),
                get("/admin/reportes", ADMIN, "admin", "The reports, from the workflow-worker's aggregates")
                        .id("verReportes")
                        .query("desde", false, new StringSchema().format("date"), "default: hasta − 30 days")
                        .query("hasta", false, new StringSchema().format("date"), "default: today (UTC), inclusive")
                        .query("estado", false, enumOf(ContractEnums.ESTADO_OPERATIVO.values()),
                                "narrows only kpis.solicitudes and series[].solicitudes")
                        .query("agrupacion", false, enumOf(List.of("mensual", "semanal"))._default("mensual"), null)
                        .replies(Reply.data(Reporte.class)).errors(422));
    }

    /** The workflow actions of api.md §7.5: a JSON body is required, the reply is the reloaded detail. */
    private static Endpoint action(String name, Accion accion, Class<?> body, String summary) {
        return post(SOLICITUD + "/" + name, policy(accion), "solicitudes", summary).body(body)
                .replies(Reply.data(SolicitudDetail.class)).errors(404, 422);
    }

    private static Schema<?> uploadForm(RecordSchemas schemas) {
        return new ObjectSchema()
                .addProperty("file", new StringSchema().format("binary"))
                .addProperty("tipo_archivo", enumOf(ContractEnums.TIPO_ARCHIVO.values())._default("OTROS"))
                .addProperty("pago_id", new StringSchema().description("an integer: a payment of this solicitud"))
                .required(List.of("file"));
    }

    private static Map<String, Schema<?>> permisos(RecordSchemas schemas) {
        Schema<?> acciones = new ArraySchema().items(schemas.namedEnum(ContractEnums.ACCION.name(),
                ContractEnums.ACCION.values()));
        return Map.of("data", new ObjectSchema().additionalProperties(new ObjectSchema().additionalProperties(acciones)));
    }

    private static StringSchema enumOf(List<String> values) {
        StringSchema schema = new StringSchema();
        schema.setEnum(values);
        return schema;
    }

    private static Endpoint get(String path, Auth auth, String tag, String summary) {
        return new Endpoint(HttpMethod.GET, path, auth, tag, summary);
    }

    private static Endpoint post(String path, Auth auth, String tag, String summary) {
        return new Endpoint(HttpMethod.POST, path, auth, tag, summary);
    }

    private static Endpoint patch(String path, Auth auth, String tag, String summary) {
        return new Endpoint(HttpMethod.PATCH, path, auth, tag, summary);
    }

    private static Endpoint delete(String path, Auth auth, String tag, String summary) {
        return new Endpoint(HttpMethod.DELETE, path, auth, tag, summary);
    }
}
