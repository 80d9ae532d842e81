package pe.cmep.gateway.solicitud;

import java.time.LocalDateTime;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;
import org.springframework.stereotype.Component;
import pe.cmep.gateway.db.Binds;
import pe.cmep.gateway.web.ApiException;
import reactor.core.publisher.Mono;

/**
 * Every write to a solicitud starts by locking its row without waiting: of two requests
 * changing the same solicitud at once, one proceeds and the other gets a 409 at once
 * (NOWAIT refusals map to CONFLICT), instead of acting on a state it never saw.
 */
@Component
class SolicitudLocks {

    private final DatabaseClient db;

    SolicitudLocks(DatabaseClient db) {
        this.db = db;
    }

    /** Must run inside the request's transaction; 404 when the solicitud does not exist. */
    Mono<LockedSolicitud> lock(int solicitudId) {
        return db.sql("SELECT solicitud_id, cliente_id, apoderado_id, estado_atencion, estado_pago "
                        + "FROM solicitud_cmep WHERE solicitud_id = :id FOR UPDATE NOWAIT")
                .bind("id", solicitudId)
                .map((row, meta) -> new LockedSolicitud(Rows.integer(row, "solicitud_id"),
                        Rows.integer(row, "cliente_id"), Rows.integer(row, "apoderado_id"),
                        Rows.str(row, "estado_atencion"), Rows.str(row, "estado_pago"), null, null))
                .one()
                .switchIfEmpty(Mono.error(() -> ApiException.notFound(SolicitudQueries.NOT_FOUND)))
                .flatMap(s -> db.sql("SELECT rol, persona_id FROM solicitud_asignacion "
                                + "WHERE solicitud_id = :id AND es_vigente = 1 ORDER BY asignacion_id")
                        .bind("id", solicitudId)
                        .map((row, meta) -> new String[] {Rows.str(row, "rol"),
                                String.valueOf(Rows.integer(row, "persona_id"))})
                        .all()
                        .collectList()
                        .map(rows -> {
                            Integer gestor = null;
                            Integer medico = null;
                            for (String[] r : rows) {
                                if ("GESTOR".equals(r[0])) {
                                    gestor = Integer.valueOf(r[1]);
                                } else if ("MEDICO".equals(r[0])) {
                                    medico = Integer.valueOf(r[1]);
                                }
                            }
                            return new LockedSolicitud(s.solicitudId(), s.clienteId(), s.apoderadoId(),
                                    s.estadoAtencion(), s.estadoPago(), gestor, medico);
                        }));
    }

    /**
     * Saves what the list filters on (V7), derived from the solicitud as an action left it, with updated_by and
     * updated_at, which every change sets (domain.md §5).
     */
    Mono<Void> save(LockedSolicitud after, int userId, LocalDateTime now) {
        GenericExecuteSpec update = db.sql("UPDATE solicitud_cmep SET estado_operativo = :estado, "
                        + "gestor_persona_id = :gestor, medico_persona_id = :medico, updated_by = :userId, "
                        + "updated_at = :now WHERE solicitud_id = :id")
                .bind("estado", after.estado().name())
                .bind("userId", userId)
                .bind("now", now)
                .bind("id", after.solicitudId());
        update = Binds.nullable(update, "gestor", after.gestorPersonaId(), Integer.class);
        update = Binds.nullable(update, "medico", after.medicoPersonaId(), Integer.class);
        return update.then();
    }

    /** Every change sets updated_by and updated_at (domain.md §5). */
    Mono<Void> touch(int solicitudId, int userId, LocalDateTime now) {
        return db.sql("UPDATE solicitud_cmep SET updated_by = :userId, updated_at = :now WHERE solicitud_id = :id")
                .bind("userId", userId)
                .bind("now", now)
                .bind("id", solicitudId)
                .then();
    }
}
