package pe.cmep.gateway.solicitud;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import pe.cmep.events.EstadoOperativo;
import pe.cmep.gateway.auth.AdminOnly;
import pe.cmep.gateway.auth.CurrentUser;
import pe.cmep.gateway.web.ApiException;
import pe.cmep.gateway.web.FieldError;
import pe.cmep.gateway.web.FieldReader;
import pe.cmep.gateway.web.JsonBody;
import pe.cmep.gateway.web.PathIds;
import pe.cmep.gateway.web.Responses;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The solicitud endpoints of api.md §7.4–§7.5. Each follows the check order of api.md §1:
 * session (401), admin role where required (403), request validation (422), then the
 * service's lookup (404), policy (403) and preconditions (422/409).
 */
@RestController
class SolicitudController {

    private static final List<String> TRUE = List.of("true", "1", "yes", "on");
    private static final List<String> FALSE = List.of("false", "0", "no", "off");

    private final SolicitudQueries queries;
    private final RegistroService registro;
    private final AccionesService acciones;
    private final EliminacionService eliminacion;
    private final JsonMapper mapper;

    SolicitudController(SolicitudQueries queries, RegistroService registro,
                        AccionesService acciones, EliminacionService eliminacion, JsonMapper mapper) {
        this.queries = queries;
        this.registro = registro;
        this.acciones = acciones;
        this.eliminacion = eliminacion;
        this.mapper = mapper;
    }

    @PostMapping("/solicitudes")
    Mono<ResponseEntity<Object>> create(@RequestBody(required = false) byte[] body, CurrentUser user) {
        return registro.registrar(RegistroRequest.read(parse(body)), user)
                .map(Responses::ok);
    }

    @GetMapping("/solicitudes")
    Mono<ResponseEntity<Object>> list(@RequestParam Map<String, String> params, CurrentUser user) {
        SolicitudQueries.ListQuery query = listQuery(params);
        return queries.listar(query, user).map(page -> Responses.okBuilder().body((Object) new ListEnvelope(
                true, Map.of("items", page.items()),
                new Meta(query.page(), query.pageSize(), page.total()))));
    }

    @GetMapping("/solicitudes/{solicitud_id}")
    Mono<ResponseEntity<Object>> detail(@PathVariable("solicitud_id") String id, CurrentUser user) {
        return queries.detalle(PathIds.positive(id, "solicitud_id"), user)
                .map(Responses::ok);
    }

    @PatchMapping("/solicitudes/{solicitud_id}")
    Mono<ResponseEntity<Object>> edit(@PathVariable("solicitud_id") String id,
                                      @RequestBody(required = false) byte[] body, CurrentUser user) {
        int solicitudId = PathIds.positive(id, "solicitud_id");
        return acciones.editar(solicitudId, EdicionRequest.read(parse(body), false, ""), user)
                .map(Responses::ok);
    }

    @AdminOnly
    @DeleteMapping("/solicitudes/{solicitud_id}")
    Mono<ResponseEntity<Object>> delete(@PathVariable("solicitud_id") String id, CurrentUser user) {
        return eliminacion.eliminar(PathIds.positive(id, "solicitud_id"), user)
                .then(Mono.fromSupplier(Responses::ok));
    }

    /** The four assignment actions differ only in the action and the body field naming the persona. */
    @PostMapping("/solicitudes/{solicitud_id}/{accion:" + AccionSolicitud.RUTAS_ASIGNACION + "}")
    Mono<ResponseEntity<Object>> assign(@PathVariable("solicitud_id") String id, @PathVariable("accion") String accion,
                                        @RequestBody(required = false) byte[] body, CurrentUser caller) {
        AccionSolicitud asignacion = AccionSolicitud.deRuta(accion).orElseThrow();
        return action(id, body, caller, (solicitudId, node, user) -> {
            FieldReader r = new FieldReader(node);
            Integer personaId = r.requiredId(asignacion.campoPersona());
            r.validate();
            return acciones.asignar(solicitudId, asignacion, personaId, user);
        });
    }

    @PostMapping("/solicitudes/{solicitud_id}/registrar-pago")
    Mono<ResponseEntity<Object>> registrarPago(@PathVariable("solicitud_id") String id,
                                               @RequestBody(required = false) byte[] body, CurrentUser caller) {
        return action(id, body, caller, (solicitudId, node, user) -> {
            FieldReader r = new FieldReader(node);
            PagoInput pago = PagoInput.read(r);
            r.validate();
            return acciones.registrarPago(solicitudId, pago, user);
        });
    }

    @PostMapping("/solicitudes/{solicitud_id}/cerrar")
    Mono<ResponseEntity<Object>> cerrar(@PathVariable("solicitud_id") String id,
                                        @RequestBody(required = false) byte[] body, CurrentUser caller) {
        return action(id, body, caller,
                (solicitudId, node, user) -> acciones.cerrar(solicitudId, comentario(node), user));
    }

    @PostMapping("/solicitudes/{solicitud_id}/cancelar")
    Mono<ResponseEntity<Object>> cancelar(@PathVariable("solicitud_id") String id,
                                          @RequestBody(required = false) byte[] body, CurrentUser caller) {
        return action(id, body, caller,
                (solicitudId, node, user) -> acciones.cancelar(solicitudId, comentario(node), user));
    }

    @PostMapping("/solicitudes/{solicitud_id}/override")
    Mono<ResponseEntity<Object>> override(@PathVariable("solicitud_id") String id,
                                          @RequestBody(required = false) byte[] body, CurrentUser caller) {
        return action(id, body, caller, (solicitudId, node, user) ->
                acciones.override(solicitudId, OverrideRequest.read(node, mapper), user));
    }

    private Mono<ResponseEntity<Object>> action(String id, byte[] body, CurrentUser user, Action action) {
        int solicitudId = PathIds.positive(id, "solicitud_id");
        return action.run(solicitudId, parse(body), user).map(Responses::ok);
    }

    private static String comentario(ObjectNode node) {
        FieldReader r = new FieldReader(node);
        String comentario = r.optionalString("comentario", 10_000);
        r.validate();
        return comentario == null || comentario.isEmpty() ? null : comentario;
    }


    private ObjectNode parse(byte[] bytes) {
        return JsonBody.parseObject(mapper, bytes);
    }


    static SolicitudQueries.ListQuery listQuery(Map<String, String> params) {
        List<FieldError> errors = new java.util.ArrayList<>();
        int page = intParam(params, "page", 1, 1, Integer.MAX_VALUE, errors);
        int pageSize = intParam(params, "page_size", 20, 1, 100, errors);
        String q = params.get("q");
        if (q != null && q.length() > 150) {
            errors.add(new FieldError("q", "Debe tener como maximo 150 caracteres"));
        }
        EstadoOperativo estado = null;
        String rawEstado = params.get("estado_operativo");
        if (rawEstado != null && !rawEstado.isEmpty()) {
            estado = EstadoOperativo.parse(rawEstado).orElse(null);
            if (estado == null) {
                errors.add(new FieldError("estado_operativo", "Valor no permitido: " + rawEstado));
            }
        }
        boolean mine = false;
        String rawMine = params.get("mine");
        if (rawMine != null && !rawMine.isEmpty()) {
            String v = rawMine.toLowerCase(Locale.ROOT);
            if (TRUE.contains(v)) {
                mine = true;
            } else if (!FALSE.contains(v)) {
                errors.add(new FieldError("mine", "Debe ser booleano"));
            }
        }
        if (!errors.isEmpty()) {
            throw ApiException.validation(errors);
        }
        return new SolicitudQueries.ListQuery(page, pageSize, q == null || q.isEmpty() ? null : q, estado, mine);
    }

    private static int intParam(Map<String, String> params, String name, int dflt, int min, int max,
                                List<FieldError> errors) {
        String raw = params.get(name);
        if (raw == null || raw.isEmpty()) {
            return dflt;
        }
        try {
            int value = Integer.parseInt(raw);
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        errors.add(new FieldError(name, "Debe ser un entero entre " + min + " y " + max));
        return dflt;
    }

    @FunctionalInterface
    private interface Action {
        Mono<SolicitudDetail> run(int solicitudId, ObjectNode body, CurrentUser user);
    }

    record ListEnvelope(boolean ok, Object data, Meta meta) {
    }

    record Meta(int page, int pageSize, long total) {
    }
}
