package pe.cmep.gateway.solicitud;

import io.r2dbc.spi.Row;
import java.util.List;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

/** solicitud_asignacion: the one query of a solicitud's current assignees, R10's employee read, and assigning. */
@Repository
class AsignacionRepository {

    private static final String VIGENTES = """
            SELECT sa.asignacion_id, sa.rol, sa.persona_id, p.nombres, p.apellidos
            FROM solicitud_asignacion sa LEFT JOIN personas p ON p.persona_id = sa.persona_id
            WHERE sa.solicitud_id = :id AND sa.es_vigente = 1 AND sa.rol IN ('GESTOR', 'MEDICO')
            ORDER BY sa.asignacion_id
            """;
    private static final String CANDIDATO = """
            SELECT e.persona_id, e.estado_empleado, p.nombres, p.apellidos,
                (SELECT u.estado FROM users u WHERE u.persona_id = e.persona_id) AS user_estado
            FROM empleado e JOIN personas p ON p.persona_id = e.persona_id
            WHERE e.persona_id = :persona AND e.rol_empleado = :rol
            """;
    private static final String CERRAR = """
            UPDATE solicitud_asignacion SET es_vigente = 0, updated_by = :userId, updated_at = :now
            WHERE asignacion_id IN (:ids)
            """;
    private static final String INSERTAR = """
            INSERT INTO solicitud_asignacion (solicitud_id, persona_id, rol, es_vigente, asignado_por,
                fecha_asignacion, created_by, created_at, updated_at)
            VALUES (:id, :persona, :rol, 1, :userId, :now, :userId, :now, :now)
            """;

    private final DatabaseClient db;

    AsignacionRepository(DatabaseClient db) {
        this.db = db;
    }

    /**
     * The vigente assignments of a solicitud, oldest first: the newest of a role is its current assignee. The
     * aggregate, the detail and the events all read the assignee from here.
     */
    Mono<List<AsignacionVigente>> vigentes(int solicitudId) {
        return db.sql(VIGENTES).bind("id", solicitudId).map((row, meta) -> vigente(row)).all().collectList();
    }

    /** The persona's employee row of the role, for R10; empty when there is none. */
    Mono<Candidato> candidato(int personaId, RolAsignacion rol) {
        return db.sql(CANDIDATO).bind("persona", personaId).bind("rol", rol.name())
                .map((row, meta) -> candidato(row))
                .one();
    }

    /**
     * Closes the vigente rows by primary key, inserts the new one. An UPDATE over the range
     * {@code (solicitud_id, rol, es_vigente)} would lock that range of the index even when it is empty, up to the
     * next row of another solicitud, and two assignments of different solicitudes would then deadlock on their
     * inserts (decision 11). The solicitud's row lock already keeps every other writer of this solicitud out.
     */
    Mono<Void> asignar(int solicitudId, Escritura.NuevaAsignacion asignacion, Actor actor) {
        Mono<Void> cerrar = asignacion.cerrar().isEmpty() ? Mono.empty()
                : db.sql(CERRAR).bind("userId", actor.userId()).bind("now", actor.ahora())
                        .bind("ids", asignacion.cerrar()).then();
        return cerrar.then(db.sql(INSERTAR)
                .bind("id", solicitudId).bind("persona", asignacion.personaId()).bind("rol", asignacion.rol().name())
                .bind("userId", actor.userId()).bind("now", actor.ahora())
                .then());
    }

    private static AsignacionVigente vigente(Row row) {
        return new AsignacionVigente(Rows.integer(row, "asignacion_id"),
                RolAsignacion.valueOf(Rows.str(row, "rol")), Rows.integer(row, "persona_id"),
                Formats.fullName(Rows.str(row, "nombres"), Rows.str(row, "apellidos")));
    }

    private static Candidato candidato(Row row) {
        return new Candidato(Rows.integer(row, "persona_id"), Rows.str(row, "estado_empleado"),
                Rows.str(row, "user_estado"), Formats.fullName(Rows.str(row, "nombres"), Rows.str(row, "apellidos")));
    }
}
