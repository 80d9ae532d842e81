package pe.cmep.gateway.solicitud;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import pe.cmep.gateway.auth.CurrentUser;
import pe.cmep.gateway.db.DeadlockRetry;
import pe.cmep.gateway.policy.Accion;
import pe.cmep.gateway.policy.PolicyMatrix;
import pe.cmep.gateway.web.ApiException;
import reactor.core.publisher.Mono;

/** PATCH /solicitudes/{id} (api.md §7.4, domain.md §5.2). */
@Service
class EdicionService {

    private final SolicitudLocks locks;
    private final PolicyMatrix policy;
    private final SolicitudEditor editor;
    private final HistorialWriter historial;
    private final SolicitudEventRecorder events;
    private final SolicitudQueries queries;
    private final AccionesService acciones;
    private final TransactionalOperator tx;
    private final Clock clock;

    EdicionService(SolicitudLocks locks, PolicyMatrix policy, SolicitudEditor editor, HistorialWriter historial,
                   SolicitudEventRecorder events, SolicitudQueries queries, AccionesService acciones,
                   TransactionalOperator tx, Clock clock) {
        this.locks = locks;
        this.policy = policy;
        this.editor = editor;
        this.historial = historial;
        this.events = events;
        this.queries = queries;
        this.acciones = acciones;
        this.tx = tx;
        this.clock = clock;
    }

    Mono<SolicitudDetail> edit(int solicitudId, EdicionRequest request, CurrentUser user) {
        LocalDateTime now = LocalDateTime.now(clock).truncatedTo(ChronoUnit.SECONDS);
        int userId = user.userId();
        return acciones.checkServicio(request.servicioId(), "servicio_id")
                .then(locks.lock(solicitudId))
                .flatMap(s -> {
                    EstadoOperativo estado = s.estado();
                    if (!policy.allows(user.roles(), estado, Accion.EDITAR_DATOS)) {
                        return Mono.error(ApiException.forbidden(
                                "Accion 'EDITAR_DATOS' no permitida en estado '" + estado.name() + "'"));
                    }
                    return editor.apply(s, request, userId, now)
                            // an edit that changes nothing writes nothing (domain.md §5.2): no updated_at, no
                            // event, so the report's ultima_actividad never moves without an event saying so
                            .flatMap(cambios -> cambios.isEmpty() ? Mono.empty()
                                    : historial.write(solicitudId, userId, now, cambios)
                                            .then(locks.touch(solicitudId, userId, now))
                                            .then(events.edited(solicitudId, userId, now, cambios)));
                })
                .then(Mono.defer(() -> queries.detail(solicitudId, user)))
                .as(tx::transactional)
                .retryWhen(DeadlockRetry.of("EDITAR_DATOS solicitud_id=" + solicitudId));
    }
}
