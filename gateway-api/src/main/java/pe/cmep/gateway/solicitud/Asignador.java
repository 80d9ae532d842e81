package pe.cmep.gateway.solicitud;

import java.time.LocalDateTime;
import java.util.List;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import pe.cmep.gateway.web.ApiException;
import reactor.core.publisher.Mono;

/**
 * The assignment procedure shared by the four assignment actions and the override
 * (domain.md §5.3): rule R10, close the vigente rows of the role, insert the new one.
 */
@Component
class Asignador {

    private final DatabaseClient db;

    Asignador(DatabaseClient db) {
        this.db = db;
    }

    /**
     * R10 with §10 #19 and #29: an ACTIVO employee row of that role (a removed role leaves it SUSPENDIDO)
     * and, when the persona has a user account, an ACTIVO account. Returns the persona's full name.
     * A refusal is a 422 whose message is the one of domain.md §10 #27 and whose detail says which of the
     * three conditions failed, in the words of api.md §7.5.
     */
    Mono<String> checkAssignable(int personaId, String rol, String field) {
        return db.sql("SELECT e.estado_empleado, p.nombres, p.apellidos, "
                        + "(SELECT u.estado FROM users u WHERE u.persona_id = e.persona_id) AS user_estado "
                        + "FROM empleado e JOIN personas p ON p.persona_id = e.persona_id "
                        + "WHERE e.persona_id = :persona AND e.rol_empleado = :rol")
                .bind("persona", personaId)
                .bind("rol", rol)
                .map((row, meta) -> new Empleado(Rows.str(row, "estado_empleado"), Rows.str(row, "user_estado"),
                        Formats.fullName(Rows.str(row, "nombres"), Rows.str(row, "apellidos"))))
                .one()
                .switchIfEmpty(Mono.error(() -> notAssignable(rol, field,
                        "La persona " + personaId + " no es empleado con rol " + rol)))
                .flatMap(e -> {
                    if (!"ACTIVO".equals(e.estado())) {
                        return Mono.error(notAssignable(rol, field,
                                "El empleado no esta ACTIVO (estado: " + e.estado() + ")"));
                    }
                    if (e.userEstado() != null && !"ACTIVO".equals(e.userEstado())) {
                        return Mono.error(notAssignable(rol, field, "La cuenta de usuario de la persona " + personaId
                                + " no esta ACTIVA (estado: " + e.userEstado() + ")"));
                    }
                    return Mono.just(e.nombre());
                });
    }

    private static ApiException notAssignable(String rol, String field, String detail) {
        return ApiException.validation("La persona no es un " + rol + " activo", field, detail);
    }

    private record Empleado(String estado, String userEstado, String nombre) {
    }

    /**
     * Closes the vigente rows of {@code rol}, inserts the new one; returns the previous assignee's name or null.
     * The vigente rows are found by a plain read and closed by primary key: an UPDATE over the range
     * {@code (solicitud_id, rol, es_vigente)} would lock that range of the index even when it is empty, up to
     * the next row of another solicitud, and two assignments of different solicitudes would then deadlock on
     * their inserts (decision 11). The solicitud's row lock already keeps every other writer of this solicitud out.
     */
    Mono<Previous> assign(int solicitudId, int personaId, String rol, int userId, LocalDateTime now) {
        return db.sql("SELECT sa.asignacion_id, sa.persona_id, p.nombres, p.apellidos FROM solicitud_asignacion sa "
                        + "LEFT JOIN personas p ON p.persona_id = sa.persona_id WHERE sa.solicitud_id = :id "
                        + "AND sa.rol = :rol AND sa.es_vigente = 1 ORDER BY sa.asignacion_id DESC")
                .bind("id", solicitudId)
                .bind("rol", rol)
                .map((row, meta) -> {
                    Integer id = Rows.integer(row, "persona_id");
                    String name = Formats.fullName(Rows.str(row, "nombres"), Rows.str(row, "apellidos"));
                    return new Vigente(Rows.integer(row, "asignacion_id"),
                            new Previous(id, name == null ? String.valueOf(id) : name));
                })
                .all()
                .collectList()
                .flatMap(vigentes -> close(vigentes, userId, now)
                        .then(db.sql("INSERT INTO solicitud_asignacion (solicitud_id, persona_id, rol, es_vigente, "
                                        + "asignado_por, fecha_asignacion, created_by, created_at, updated_at) VALUES "
                                        + "(:id, :persona, :rol, 1, :userId, :now, :userId, :now, :now)")
                                .bind("id", solicitudId).bind("persona", personaId).bind("rol", rol)
                                .bind("userId", userId).bind("now", now)
                                .then())
                        .thenReturn(vigentes.isEmpty() ? Previous.NONE : vigentes.get(0).previous()));
    }

    private Mono<Void> close(List<Vigente> vigentes, int userId, LocalDateTime now) {
        if (vigentes.isEmpty()) {
            return Mono.empty();
        }
        return db.sql("UPDATE solicitud_asignacion SET es_vigente = 0, updated_by = :userId, updated_at = :now "
                        + "WHERE asignacion_id IN (:ids)")
                .bind("userId", userId).bind("now", now)
                .bind("ids", vigentes.stream().map(Vigente::asignacionId).toList())
                .then();
    }

    private record Vigente(int asignacionId, Previous previous) {
    }

    record Previous(Integer personaId, String nombre) {
        static final Previous NONE = new Previous(null, null);
    }
}
