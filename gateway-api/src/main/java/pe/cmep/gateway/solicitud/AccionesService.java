package pe.cmep.gateway.solicitud;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import pe.cmep.events.EstadoOperativo;
import pe.cmep.gateway.auth.CurrentUser;
import pe.cmep.gateway.db.DeadlockRetry;
import pe.cmep.gateway.persona.PersonaBloqueada;
import pe.cmep.gateway.persona.PersonaRepository;
import pe.cmep.gateway.policy.PolicyMatrix;
import pe.cmep.gateway.web.ApiException;
import reactor.core.publisher.Mono;

/**
 * The workflow actions of api.md §7.4–§7.5 / domain.md §5.2–§5.10. Each runs in one transaction: lock the
 * solicitud (404), check the policy on its current estado_operativo (403), let the aggregate check the action's
 * preconditions (422/409) and decide the change, write it; the response is the refreshed detail.
 */
@Service
class AccionesService {

    private final SolicitudRepository solicitudes;
    private final AsignacionRepository asignaciones;
    private final PersonaRepository personas;
    private final ServicioRepository servicios;
    private final SolicitudQueries queries;
    private final PolicyMatrix policy;
    private final TransactionalOperator tx;
    private final Clock clock;

    AccionesService(SolicitudRepository solicitudes, AsignacionRepository asignaciones,
                    PersonaRepository personas, ServicioRepository servicios, SolicitudQueries queries,
                    PolicyMatrix policy, TransactionalOperator tx, Clock clock) {
        this.solicitudes = solicitudes;
        this.asignaciones = asignaciones;
        this.personas = personas;
        this.servicios = servicios;
        this.queries = queries;
        this.policy = policy;
        this.tx = tx;
        this.clock = clock;
    }

    /** asignar-gestor, cambiar-gestor, asignar-medico, cambiar-medico. */
    Mono<SolicitudDetail> asignar(int solicitudId, AccionSolicitud accion, int personaId, CurrentUser user) {
        return ejecutar(solicitudId, accion, user, (s, actor) -> asignacion(s, accion, personaId, false));
    }

    Mono<SolicitudDetail> registrarPago(int solicitudId, PagoInput pago, CurrentUser user) {
        return ejecutar(solicitudId, AccionSolicitud.REGISTRAR_PAGO, user,
                (s, actor) -> Mono.fromCallable(() -> s.registrarPago(pago)));
    }

    Mono<SolicitudDetail> cerrar(int solicitudId, String comentario, CurrentUser user) {
        return ejecutar(solicitudId, AccionSolicitud.CERRAR, user,
                (s, actor) -> Mono.fromCallable(() -> s.cerrar(comentario, actor, false)));
    }

    Mono<SolicitudDetail> cancelar(int solicitudId, String comentario, CurrentUser user) {
        return ejecutar(solicitudId, AccionSolicitud.CANCELAR, user,
                (s, actor) -> Mono.fromCallable(() -> s.cancelar(comentario, comentario, actor, false)));
    }

    /** PATCH: an unknown servicio_id is refused before the solicitud is locked. */
    Mono<SolicitudDetail> editar(int solicitudId, EdicionRequest edicion, CurrentUser user) {
        return existeServicio(edicion.servicioId(), "servicio_id")
                .then(ejecutar(solicitudId, AccionSolicitud.EDITAR_DATOS, user, (s, actor) -> edicion(s, edicion)));
    }

    /** OVERRIDE (§5.10, §10 #31): the sub-action skips state preconditions but keeps R10, validation and audit. */
    Mono<SolicitudDetail> override(int solicitudId, OverrideRequest request, CurrentUser user) {
        return ejecutar(solicitudId, AccionSolicitud.OVERRIDE, user, (s, actor) -> subAccion(s, request, actor)
                .map(sub -> s.override(request.accion(), request.motivo(), sub)));
    }

    private Mono<Transicion> subAccion(Solicitud s, OverrideRequest request, Actor actor) {
        return switch (request.accion()) {
            case EDITAR_DATOS -> Mono.fromCallable(request::edicion)
                    .flatMap(edicion -> existeServicio(edicion.servicioId(), "payload.servicio_id")
                            .then(edicion(s, edicion)));
            case CAMBIAR_GESTOR, CAMBIAR_MEDICO -> Mono.fromCallable(request::personaId)
                    .flatMap(personaId -> asignacion(s, request.accion().accion(), personaId, true));
            case REGISTRAR_PAGO -> Mono.fromCallable(() -> s.registrarPago(request.pago()));
            case CERRAR -> Mono.fromCallable(() -> s.cerrar(null, actor, true));
            case CANCELAR -> Mono.fromCallable(() -> s.cancelar(null, request.motivo(), actor, true));
        };
    }

    private Mono<Transicion> asignacion(Solicitud s, AccionSolicitud accion, int personaId, boolean viaOverride) {
        return asignaciones.candidato(personaId, accion.rol())
                .map(Optional::of)
                .defaultIfEmpty(Optional.empty())
                .map(c -> s.asignar(accion, personaId, c.orElse(null), viaOverride));
    }

    /** The cliente's and apoderado's current fields are read (and locked) only when the edit names them. */
    private Mono<Transicion> edicion(Solicitud s, EdicionRequest edicion) {
        Mono<Optional<PersonaBloqueada>> cliente = edicion.cliente().isEmpty() ? Mono.just(Optional.empty())
                : personas.lock(s.clienteId()).map(Optional::of);
        Mono<Optional<PersonaBloqueada>> apoderado = edicion.apoderado().isEmpty() || s.apoderadoId() == null
                ? Mono.just(Optional.empty())
                : personas.lock(s.apoderadoId()).map(Optional::of);
        return cliente.flatMap(c -> apoderado.map(a -> s.editar(edicion, c.orElse(null), a.orElse(null))));
    }

    private Mono<Void> existeServicio(Integer servicioId, String field) {
        if (servicioId == null) {
            return Mono.empty();
        }
        return servicios.tarifa(servicioId)
                .switchIfEmpty(Mono.error(() -> ApiException.validation(field, "No existe el servicio " + servicioId)))
                .then();
    }

    private Mono<SolicitudDetail> ejecutar(int solicitudId, AccionSolicitud accion, CurrentUser user, Paso paso) {
        Actor actor = new Actor(user.userId(), LocalDateTime.now(clock).truncatedTo(ChronoUnit.SECONDS));
        String nombre = accion.politica().name();
        return solicitudes.bloquear(solicitudId)
                .switchIfEmpty(Mono.error(() -> ApiException.notFound(SolicitudQueries.NOT_FOUND)))
                .flatMap(s -> {
                    EstadoOperativo estado = s.estado();
                    if (!policy.allows(user.roles(), estado, accion.politica())) {
                        return Mono.error(ApiException.forbidden(
                                "Accion '" + nombre + "' no permitida en estado '" + estado.name() + "'"));
                    }
                    return paso.apply(s, actor).flatMap(t -> solicitudes.guardar(s, t, actor));
                })
                .then(Mono.defer(() -> queries.detalle(solicitudId, user)))
                .as(tx::transactional)
                .retryWhen(DeadlockRetry.of(nombre + " solicitud_id=" + solicitudId));
    }

    /** An action's own decision on the locked solicitud. */
    @FunctionalInterface
    private interface Paso {
        Mono<Transicion> apply(Solicitud solicitud, Actor actor);
    }
}
