package pe.cmep.gateway.solicitud;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import pe.cmep.gateway.auth.CurrentUser;
import pe.cmep.gateway.db.DeadlockRetry;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * DELETE /solicitudes/{id} (api.md §7.5, domain.md §5.8): a hard delete in the spec's order,
 * then the orphan clean-up of its cliente and apoderado; the stored objects are deleted later
 * by the file-worker, from the event written in the same transaction.
 */
@Service
class EliminacionService {

    private static final Logger log = LoggerFactory.getLogger(EliminacionService.class);

    private final DatabaseClient db;
    private final SolicitudLocks locks;
    private final SolicitudEventRecorder events;
    private final TransactionalOperator tx;
    private final Clock clock;

    EliminacionService(DatabaseClient db, SolicitudLocks locks, SolicitudEventRecorder events,
                       TransactionalOperator tx, Clock clock) {
        this.db = db;
        this.locks = locks;
        this.events = events;
        this.tx = tx;
        this.clock = clock;
    }

    Mono<Void> delete(int solicitudId, CurrentUser user) {
        LocalDateTime now = LocalDateTime.now(clock).truncatedTo(ChronoUnit.SECONDS);
        return locks.lock(solicitudId)
                .flatMap(s -> storedFiles(solicitudId)
                        .flatMap(files -> run("DELETE FROM resultado_medico WHERE solicitud_id = :id", solicitudId)
                                .then(db.sql("SELECT archivo_id FROM solicitud_archivo WHERE solicitud_id = :id")
                                        .bind("id", solicitudId)
                                        .map((row, meta) -> Rows.integer(row, "archivo_id"))
                                        .all().collectList())
                                .flatMap(archivos -> run("DELETE FROM solicitud_archivo WHERE solicitud_id = :id",
                                        solicitudId)
                                        .thenMany(Flux.fromIterable(archivos).concatMap(this::deleteArchivoIfUnlinked))
                                        .then())
                                .then(run("DELETE FROM pago_solicitud WHERE solicitud_id = :id", solicitudId))
                                .then(run("DELETE FROM solicitud_estado_historial WHERE solicitud_id = :id", solicitudId))
                                .then(run("DELETE FROM solicitud_asignacion WHERE solicitud_id = :id", solicitudId))
                                .then(run("DELETE FROM solicitud_cmep WHERE solicitud_id = :id", solicitudId))
                                .then(cleanUpCliente(s.clienteId()))
                                .then(s.apoderadoId() == null ? Mono.empty() : cleanUpApoderado(s.apoderadoId()))
                                .then(events.deleted(solicitudId, user.userId(), now,
                                        files.stream().map(StoredFile::storageKey).toList()))
                                .thenMany(Flux.fromIterable(files).concatMap(f -> events.archivoDeleted(
                                        f.archivoId(), solicitudId, user.userId(), now, f.storageKey())))
                                .then()))
                .as(tx::transactional)
                .retryWhen(DeadlockRetry.of("eliminacion solicitud_id=" + solicitudId))
                .doOnSuccess(v -> log.info("solicitud_deleted solicitud_id={} user_id={}", solicitudId, user.userId()));
    }

    /**
     * The files this delete removes. A file also linked to another solicitud keeps its {@code archivos} row (see
     * {@link #deleteArchivoIfUnlinked}), so its object must not be deleted either.
     */
    private Mono<List<StoredFile>> storedFiles(int solicitudId) {
        return db.sql("SELECT a.archivo_id, a.storage_path FROM solicitud_archivo sa "
                        + "JOIN archivos a ON a.archivo_id = sa.archivo_id "
                        + "WHERE sa.solicitud_id = :id AND NOT EXISTS (SELECT 1 FROM solicitud_archivo o "
                        + "WHERE o.archivo_id = sa.archivo_id AND o.solicitud_id <> :id) ORDER BY sa.id")
                .bind("id", solicitudId)
                .map((row, meta) -> new StoredFile(Rows.integer(row, "archivo_id"), Rows.str(row, "storage_path")))
                .all().distinct().collectList();
    }

    private record StoredFile(int archivoId, String storageKey) {
    }

    private Mono<Void> deleteArchivoIfUnlinked(int archivoId) {
        return db.sql("DELETE FROM archivos WHERE archivo_id = :id "
                        + "AND NOT EXISTS (SELECT 1 FROM solicitud_archivo WHERE archivo_id = :id)")
                .bind("id", archivoId).then();
    }

    /**
     * The count is a plain read: a registration for the same cliente that commits meanwhile is not seen by it,
     * but the foreign key of its new solicitud refuses the delete of the {@code clientes} row, and then the
     * cliente and its persona simply stay (the delete never fails on a persona still in use, §10 #17).
     */
    private Mono<Void> cleanUpCliente(int personaId) {
        return count("SELECT COUNT(*) FROM solicitud_cmep WHERE cliente_id = :id", personaId)
                .flatMap(n -> n > 0 ? Mono.<Void>empty()
                        : run("DELETE FROM cliente_apoderado WHERE cliente_id = :id", personaId)
                                .then(run("DELETE FROM clientes WHERE persona_id = :id", personaId)
                                        .thenReturn(true)
                                        .onErrorResume(DataIntegrityViolationException.class, e -> Mono.just(false)))
                                .flatMap(deleted -> deleted ? deletePersonaIfUnreferenced(personaId) : Mono.empty()));
    }

    private Mono<Void> cleanUpApoderado(int personaId) {
        return count("SELECT COUNT(*) FROM solicitud_cmep WHERE apoderado_id = :id", personaId)
                .flatMap(n -> n > 0 ? Mono.<Void>empty() : deletePersonaIfUnreferenced(personaId));
    }

    /**
     * Employees and users are kept on purpose; any other reference (a promotor, a cliente row, another
     * solicitud, a result) is caught by the foreign keys, and the persona then simply stays (§10 #17).
     */
    private Mono<Void> deletePersonaIfUnreferenced(int personaId) {
        return count("SELECT (SELECT COUNT(*) FROM empleado WHERE persona_id = :id) "
                + "+ (SELECT COUNT(*) FROM users WHERE persona_id = :id)", personaId)
                .flatMap(n -> n > 0 ? Mono.<Void>empty()
                        : run("DELETE FROM personas WHERE persona_id = :id", personaId)
                                .onErrorResume(DataIntegrityViolationException.class, e -> Mono.empty()));
    }

    private Mono<Void> run(String sql, int id) {
        return db.sql(sql).bind("id", id).then();
    }

    private Mono<Long> count(String sql, int id) {
        return db.sql(sql).bind("id", id).map((row, meta) -> ((Number) row.get(0)).longValue()).one();
    }
}
