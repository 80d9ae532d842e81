package pe.cmep.gateway.solicitud;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import pe.cmep.events.ArchivoDeleted;
import pe.cmep.events.ArchivoEvent;
import pe.cmep.events.SolicitudDeleted;
import pe.cmep.events.SolicitudEvent;
import pe.cmep.gateway.auth.CurrentUser;
import pe.cmep.gateway.db.DeadlockRetry;
import pe.cmep.gateway.outbox.Outbox;
import pe.cmep.gateway.web.ApiException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * DELETE /solicitudes/{id} (api.md §7.5, domain.md §5.8), in one transaction: the rows go, and the stored objects
 * are deleted later by the file-worker, from one {@code archivo.deleted} event per file written with them. The
 * {@code solicitud.deleted} event also lists the keys, for the report aggregates and any future consumer.
 */
@Service
class EliminacionService {

    private static final Logger log = LoggerFactory.getLogger(EliminacionService.class);

    private final SolicitudRepository solicitudes;
    private final EliminacionRepository eliminacion;
    private final Outbox outbox;
    private final SolicitudConteoRepository conteos;
    private final TransactionalOperator tx;
    private final Clock clock;

    EliminacionService(SolicitudRepository solicitudes, EliminacionRepository eliminacion, Outbox outbox,
                       SolicitudConteoRepository conteos, TransactionalOperator tx, Clock clock) {
        this.solicitudes = solicitudes;
        this.eliminacion = eliminacion;
        this.outbox = outbox;
        this.conteos = conteos;
        this.tx = tx;
        this.clock = clock;
    }

    Mono<Void> eliminar(int solicitudId, CurrentUser user) {
        Actor actor = new Actor(user.userId(), LocalDateTime.now(clock).truncatedTo(ChronoUnit.SECONDS));
        return solicitudes.bloquear(solicitudId)
                .switchIfEmpty(Mono.error(() -> ApiException.notFound(SolicitudQueries.NOT_FOUND)))
                .flatMap(s -> eliminacion.archivosPropios(solicitudId)
                        .flatMap(archivos -> eliminacion.borrar(solicitudId)
                                .then(eliminacion.limpiarCliente(s.clienteId()))
                                .then(s.apoderadoId() == null ? Mono.empty()
                                        : eliminacion.limpiarApoderado(s.apoderadoId()))
                                .then(outbox.append(SolicitudEvent.of(solicitudId, actor.userId(), actor.instante(),
                                        new SolicitudDeleted(archivos.stream()
                                                .map(EliminacionRepository.ArchivoGuardado::storageKey).toList()))))
                                .thenMany(Flux.fromIterable(archivos).concatMap(a -> outbox.append(ArchivoEvent.of(
                                        a.archivoId(), solicitudId, actor.userId(), actor.instante(),
                                        new ArchivoDeleted(a.storageKey())))))
                                .then(conteos.sumar(solicitudId, s.estado(), -1))))
                .as(tx::transactional)
                .retryWhen(DeadlockRetry.of("eliminacion solicitud_id=" + solicitudId))
                .doOnSuccess(v -> log.info("solicitud_deleted solicitud_id={} user_id={}", solicitudId, user.userId()));
    }
}
