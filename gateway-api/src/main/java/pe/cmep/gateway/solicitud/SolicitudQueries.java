package pe.cmep.gateway.solicitud;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import pe.cmep.events.EstadoOperativo;
import pe.cmep.gateway.auth.CurrentUser;
import pe.cmep.gateway.policy.PolicyMatrix;
import pe.cmep.gateway.web.ApiException;
import reactor.core.publisher.Mono;

/** The read side of solicitudes: the detail of api.md §7.3 and the paged list of §7.4. */
@Component
public class SolicitudQueries {

    static final String NOT_FOUND = "Solicitud no encontrada";

    private final SolicitudDetalleRepository detalle;
    private final SolicitudListaRepository lista;
    private final PolicyMatrix policy;

    SolicitudQueries(SolicitudDetalleRepository detalle, SolicitudListaRepository lista, PolicyMatrix policy) {
        this.detalle = detalle;
        this.lista = lista;
        this.policy = policy;
    }

    /** The detail as {@code user} sees it (acciones_permitidas are the caller's); 404 when absent. */
    public Mono<SolicitudDetail> detalle(int solicitudId, CurrentUser user) {
        return detalle.detalle(solicitudId)
                .switchIfEmpty(Mono.error(() -> ApiException.notFound(NOT_FOUND)))
                .map(d -> assemble(d.base(), d.partes(), user));
    }

    /** The paged list; its SQL is ListaSql's. */
    public Mono<Page> listar(ListQuery query, CurrentUser user) {
        return lista.page(query, user);
    }

    private SolicitudDetail assemble(SolicitudDetalleRepository.Base b, SolicitudDetalleRepository.Partes partes,
                                     CurrentUser user) {
        Map<String, SolicitudDetail.Asignacion> asignaciones = porRol(partes.vigentes());
        EstadoOperativo estado = EstadoOperativo.derive(b.estadoAtencion, b.estadoPago,
                asignaciones.get(RolAsignacion.GESTOR.name()) != null,
                asignaciones.get(RolAsignacion.MEDICO.name()) != null);
        return new SolicitudDetail(b.solicitudId, b.codigo, b.cliente, b.apoderado, b.servicio, b.estadoAtencion,
                b.estadoPago, b.estadoCertificado,
                b.tarifaMonto == null || b.tarifaMonto.signum() == 0 ? null : Formats.money(b.tarifaMonto),
                b.tarifaMoneda, b.tipoAtencion, b.lugarAtencion, b.comentario, estado.name(),
                policy.allowedActions(user.roles(), estado), asignaciones, b.promotor, partes.pagos(), partes.archivos(),
                partes.historial(), b.motivoCancelacion, b.fechaCierre, b.cerradoPor, b.fechaCancelacion,
                b.canceladoPor, b.comentarioAdmin, partes.resultados(), b.createdAt, b.updatedAt);
    }

    /** asignaciones_vigentes: GESTOR and MEDICO, each its newest vigente assignment or null. */
    private static Map<String, SolicitudDetail.Asignacion> porRol(List<AsignacionVigente> vigentes) {
        Map<String, SolicitudDetail.Asignacion> byRole = new LinkedHashMap<>();
        byRole.put(RolAsignacion.GESTOR.name(), null);
        byRole.put(RolAsignacion.MEDICO.name(), null);
        vigentes.forEach(a -> byRole.put(a.rol().name(),
                new SolicitudDetail.Asignacion(a.personaId(), a.nombre(), a.rol().name())));
        return byRole;
    }

    public record ListQuery(int page, int pageSize, String q, EstadoOperativo estado, boolean mine) {
    }

    public record Page(List<SolicitudListItem> items, long total) {
    }
}
