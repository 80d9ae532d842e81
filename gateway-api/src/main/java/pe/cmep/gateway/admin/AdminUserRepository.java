package pe.cmep.gateway.admin;

import io.r2dbc.spi.Row;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import pe.cmep.gateway.auth.Roles;
import pe.cmep.gateway.text.Timestamps;
import reactor.core.publisher.Mono;

/** The rows of admin user management: users, user_role, and the empleado/medico_extra rows a role needs. */
@Repository
class AdminUserRepository {

    private static final List<String> OPERATIONAL = List.of(Roles.OPERADOR, Roles.GESTOR, Roles.MEDICO);

    private static final String SELECT_DTO = """
            SELECT u.user_id, u.user_email, u.estado, u.created_at, p.persona_id, p.nombres, p.apellidos,
                   p.tipo_documento, p.numero_documento, p.celular_1, p.email, p.celular_2, p.telefono_fijo,
                   p.fecha_nacimiento, p.direccion, p.comentario,
                   (SELECT GROUP_CONCAT(r.user_role) FROM user_role r WHERE r.user_id = u.user_id) AS roles
            FROM users u JOIN personas p ON p.persona_id = u.persona_id
            """;
    private static final String EMAIL_USED = """
            SELECT user_id FROM users WHERE user_email = :email
            """;
    private static final String PERSONA_USED = """
            SELECT user_id FROM users WHERE persona_id = :p
            """;
    private static final String INSERT_USER = """
            INSERT INTO users (persona_id, password_hash, user_email, estado, created_by, updated_by, created_at,
                               updated_at)
            VALUES (:persona, :hash, :email, 'ACTIVO', :admin, :admin, :now, :now)
            """;
    private static final String INSERT_ROLE = """
            INSERT INTO user_role (user_id, user_role, created_by, updated_by, created_at, updated_at)
            VALUES (:user, :role, :admin, :admin, :now, :now)
            """;
    private static final String ENSURE_EMPLEADO = """
            INSERT INTO empleado (persona_id, rol_empleado, estado_empleado, created_by, updated_by, created_at,
                                  updated_at)
            VALUES (:persona, :role, 'ACTIVO', :admin, :admin, :now, :now)
            ON DUPLICATE KEY UPDATE persona_id = persona_id
            """;
    private static final String ENSURE_EMPLEADO_ACTIVO = """
            INSERT INTO empleado (persona_id, rol_empleado, estado_empleado, created_by, updated_by, created_at,
                                  updated_at)
            VALUES (:persona, :role, 'ACTIVO', :admin, :admin, :now, :now)
            ON DUPLICATE KEY UPDATE estado_empleado = 'ACTIVO', updated_by = VALUES(updated_by),
                                    updated_at = VALUES(updated_at)
            """;
    private static final String ENSURE_MEDICO_EXTRA = """
            INSERT INTO medico_extra (persona_id, created_by, updated_by, created_at, updated_at)
            VALUES (:persona, :admin, :admin, :now, :now)
            ON DUPLICATE KEY UPDATE persona_id = persona_id
            """;
    private static final String LOCK_ADMIN_ROLES = """
            SELECT user_id FROM user_role WHERE user_role = 'ADMIN' FOR UPDATE
            """;
    private static final String LOCK_TARGET = """
            SELECT u.user_id, u.persona_id, u.estado,
                   (SELECT GROUP_CONCAT(r.user_role) FROM user_role r WHERE r.user_id = u.user_id) AS roles
            FROM users u WHERE u.user_id = :id FOR UPDATE
            """;
    private static final String OTHER_ACTIVE_ADMINS = """
            SELECT COUNT(*) FROM users u JOIN user_role r ON r.user_id = u.user_id
            WHERE r.user_role = 'ADMIN' AND u.estado = 'ACTIVO' AND u.user_id <> :id
            """;
    private static final String DELETE_ROLES = """
            DELETE FROM user_role WHERE user_id = :id
            """;
    private static final String SUSPEND_EMPLEADO = """
            UPDATE empleado SET estado_empleado = 'SUSPENDIDO', updated_by = :admin, updated_at = :now
            WHERE persona_id = :persona AND rol_empleado = :role
            """;
    private static final String UPDATE_ESTADO = """
            UPDATE users SET estado = :estado, updated_by = :admin, updated_at = :now WHERE user_id = :id
            """;
    private static final String TOUCH_USER = """
            UPDATE users SET updated_by = :admin, updated_at = :now WHERE user_id = :id
            """;
    private static final String LOCK_USER = """
            SELECT user_id FROM users WHERE user_id = :id FOR UPDATE
            """;
    private static final String UPDATE_PASSWORD = """
            UPDATE users SET password_hash = :hash, updated_by = :admin, updated_at = :now WHERE user_id = :id
            """;

    private final DatabaseClient db;

    AdminUserRepository(DatabaseClient db) {
        this.db = db;
    }

    Mono<List<AdminUserDto>> findAll() {
        return db.sql(SELECT_DTO + "ORDER BY u.user_id").map((row, meta) -> dto(row)).all().collectList();
    }

    Mono<AdminUserDto> find(int userId) {
        return db.sql(SELECT_DTO + "WHERE u.user_id = :id").bind("id", userId).map((row, meta) -> dto(row)).one();
    }

    Mono<Boolean> emailUsed(String email) {
        return db.sql(EMAIL_USED).bind("email", email).map((row, meta) -> 1).all().hasElements();
    }

    Mono<Boolean> personaHasUser(int personaId) {
        return db.sql(PERSONA_USED).bind("p", personaId).map((row, meta) -> 1).all().hasElements();
    }

    /** Returns the new user id; the account is ACTIVO. */
    Mono<Integer> insertUser(int personaId, String email, String hash, int adminId, LocalDateTime now) {
        return db.sql(INSERT_USER)
                .bind("persona", personaId).bind("hash", hash).bind("email", email)
                .bind("admin", adminId).bind("now", now)
                .filter(s -> s.returnGeneratedValues("user_id"))
                .map((row, meta) -> ((Number) row.get(0)).intValue()).one();
    }

    Mono<Void> insertRole(int userId, String role, int adminId, LocalDateTime now) {
        return db.sql(INSERT_ROLE)
                .bind("user", userId).bind("role", role).bind("admin", adminId).bind("now", now).then();
    }

    /**
     * Ensures the employee row of an operational role (domain.md §6.2); with {@code reactivate} an existing
     * row is set ACTIVO again (a role given back, §10 #29). MEDICO also ensures {@code medico_extra}.
     */
    Mono<Void> ensureEmpleado(int personaId, String role, boolean reactivate, int adminId, LocalDateTime now) {
        if (!OPERATIONAL.contains(role)) {
            return Mono.empty();
        }
        Mono<Void> empleado = db.sql(reactivate ? ENSURE_EMPLEADO_ACTIVO : ENSURE_EMPLEADO)
                .bind("persona", personaId).bind("role", role).bind("admin", adminId).bind("now", now).then();
        if (!Roles.MEDICO.equals(role)) {
            return empleado;
        }
        return empleado.then(db.sql(ENSURE_MEDICO_EXTRA)
                .bind("persona", personaId).bind("admin", adminId).bind("now", now).then());
    }

    /** Locks every ADMIN role row. */
    Mono<Void> lockAdminRoles() {
        return db.sql(LOCK_ADMIN_ROLES).map((row, meta) -> 1).all().then();
    }

    /** The user to edit, locked for the rest of the transaction; empty when there is none. */
    Mono<Target> lockTarget(int userId) {
        return db.sql(LOCK_TARGET).bind("id", userId).map((row, meta) -> Target.of(row)).one();
    }

    Mono<Long> countOtherActiveAdmins(int userId) {
        return db.sql(OTHER_ACTIVE_ADMINS).bind("id", userId)
                .map((row, meta) -> ((Number) row.get(0)).longValue()).one();
    }

    Mono<Void> deleteRoles(int userId) {
        return db.sql(DELETE_ROLES).bind("id", userId).then();
    }

    /** Marks the persona's employee row of a removed role not assignable (domain.md §6.2), if it is operational. */
    Mono<Void> suspendEmpleado(int personaId, String role, int adminId, LocalDateTime now) {
        if (!OPERATIONAL.contains(role)) {
            return Mono.empty();
        }
        return db.sql(SUSPEND_EMPLEADO)
                .bind("admin", adminId).bind("now", now).bind("persona", personaId).bind("role", role).then();
    }

    Mono<Void> updateEstado(int userId, String estado, int adminId, LocalDateTime now) {
        return db.sql(UPDATE_ESTADO)
                .bind("estado", estado).bind("admin", adminId).bind("now", now).bind("id", userId).then();
    }

    Mono<Void> touch(int userId, int adminId, LocalDateTime now) {
        return db.sql(TOUCH_USER).bind("admin", adminId).bind("now", now).bind("id", userId).then();
    }

    /** Locks the user row; empty when there is none. */
    Mono<Integer> lockUser(int userId) {
        return db.sql(LOCK_USER).bind("id", userId).map((row, meta) -> row.get("user_id", Integer.class)).one();
    }

    Mono<Void> updatePassword(int userId, String hash, int adminId, LocalDateTime now) {
        return db.sql(UPDATE_PASSWORD)
                .bind("hash", hash).bind("admin", adminId).bind("now", now).bind("id", userId).then();
    }

    private static AdminUserDto dto(Row row) {
        LocalDate nacimiento = row.get("fecha_nacimiento", LocalDate.class);
        return new AdminUserDto(row.get("user_id", Integer.class), row.get("user_email", String.class),
                "ACTIVO".equals(row.get("estado", String.class)), row.get("persona_id", Integer.class),
                row.get("nombres", String.class), row.get("apellidos", String.class),
                row.get("tipo_documento", String.class), row.get("numero_documento", String.class),
                row.get("celular_1", String.class), row.get("email", String.class), row.get("celular_2", String.class),
                row.get("telefono_fijo", String.class), nacimiento == null ? null : nacimiento.toString(),
                row.get("direccion", String.class), row.get("comentario", String.class),
                roles(row.get("roles", String.class)), Timestamps.format(row.get("created_at", LocalDateTime.class)));
    }

    private static List<String> roles(String concatenated) {
        return concatenated == null || concatenated.isEmpty() ? List.of()
                : Roles.sorted(Arrays.asList(concatenated.split(",")));
    }

    /** A user under edit: its persona, estado and current roles. */
    record Target(int personaId, String estado, List<String> roles) {

        static Target of(Row row) {
            return new Target(row.get("persona_id", Integer.class), row.get("estado", String.class),
                    AdminUserRepository.roles(row.get("roles", String.class)));
        }
    }
}
