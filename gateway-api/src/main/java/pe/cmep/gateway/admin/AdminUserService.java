package pe.cmep.gateway.admin;

import io.r2dbc.spi.Row;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import pe.cmep.gateway.auth.CurrentUser;
import pe.cmep.gateway.auth.PasswordHasher;
import pe.cmep.gateway.auth.Roles;
import pe.cmep.gateway.auth.SessionRepository;
import pe.cmep.gateway.config.DatabaseErrors;
import pe.cmep.gateway.db.Binds;
import pe.cmep.gateway.web.ApiException;
import pe.cmep.gateway.web.Timestamps;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/** Admin user management (api.md §7.10, domain.md §6.4). Every write runs in one transaction. */
@Service
class AdminUserService {

    private static final Logger log = LoggerFactory.getLogger(AdminUserService.class);
    static final String EMAIL_TAKEN = "Ya existe un usuario con ese email";
    static final String PERSONA_HAS_USER = "Esta persona ya tiene un usuario asociado";
    static final String NOT_FOUND = "Usuario no encontrado";
    static final String SELF_SUSPEND = "No puedes suspenderte a ti mismo";
    static final String LAST_ADMIN = "Debe quedar al menos un ADMIN activo";
    static final String DOCUMENT_TAKEN = "Ya existe una persona con ese documento";
    private static final List<String> OPERATIONAL = List.of(Roles.OPERADOR, Roles.GESTOR, Roles.MEDICO);

    private static final String SELECT_DTO = "SELECT u.user_id, u.user_email, u.estado, u.created_at, p.persona_id, "
            + "p.nombres, p.apellidos, p.tipo_documento, p.numero_documento, p.celular_1, p.email, p.celular_2, "
            + "p.telefono_fijo, p.fecha_nacimiento, p.direccion, p.comentario, "
            + "(SELECT GROUP_CONCAT(r.user_role) FROM user_role r WHERE r.user_id = u.user_id) AS roles "
            + "FROM users u JOIN personas p ON p.persona_id = u.persona_id ";

    private final DatabaseClient db;
    private final PasswordHasher hasher;
    private final SessionRepository sessions;
    private final TransactionalOperator tx;
    private final Clock clock;

    AdminUserService(DatabaseClient db, PasswordHasher hasher, SessionRepository sessions, TransactionalOperator tx,
                     Clock clock) {
        this.db = db;
        this.hasher = hasher;
        this.sessions = sessions;
        this.tx = tx;
        this.clock = clock;
    }

    Mono<List<AdminUserDto>> list() {
        return db.sql(SELECT_DTO + "ORDER BY u.user_id").map((row, meta) -> dto(row)).all().collectList();
    }

    Mono<AdminUserDto> create(AdminUserRequests.Create in, CurrentUser admin) {
        LocalDateTime now = now();
        return hasher.hash(in.password()).flatMap(hash -> tx.transactional(Mono.defer(() ->
                        db.sql("SELECT user_id FROM users WHERE user_email = :email")
                                .bind("email", in.userEmail()).map((row, meta) -> 1).all().hasElements()
                                .flatMap(taken -> taken ? Mono.<Integer>error(ApiException.conflict(EMAIL_TAKEN))
                                        : persona(in, admin.userId(), now))
                                .flatMap(personaId -> db.sql("SELECT user_id FROM users WHERE persona_id = :p")
                                        .bind("p", personaId).map((row, meta) -> 1).all().hasElements()
                                        .flatMap(has -> has ? Mono.<Integer>error(ApiException.conflict(PERSONA_HAS_USER))
                                                : insertUser(personaId, in.userEmail(), hash, admin.userId(), now)
                                                .flatMap(userId -> Flux.fromIterable(in.roles())
                                                        .concatMap(role -> insertRole(userId, role, admin.userId(), now))
                                                        .thenMany(Flux.fromIterable(in.roles())
                                                                .concatMap(role -> ensureEmpleado(personaId, role, false,
                                                                        admin.userId(), now)))
                                                        .then(Mono.just(userId)))))
                                .flatMap(this::load))))
                .retryWhen(Retry.max(2).filter(DatabaseErrors::isDeadlock))
                .onErrorMap(DatabaseErrors::isDuplicateKey, AdminUserService::conflictOf)
                .doOnNext(dto -> log.info("admin_user_created admin_user_id={} user_id={} user_email={} persona_id={} roles={}",
                        admin.userId(), dto.userId(), dto.userEmail(), dto.personaId(), dto.roles()));
    }

    private Mono<Integer> persona(AdminUserRequests.Create in, int adminId, LocalDateTime now) {
        // Only an existing row is locked: a locking read of an absent key takes a gap lock, and two concurrent
        // creations in the same gap would deadlock on their inserts; the unique keys catch those races (409).
        return db.sql("SELECT persona_id FROM personas WHERE tipo_documento = :tipo AND numero_documento = :numero")
                .bind("tipo", in.tipoDocumento()).bind("numero", in.numeroDocumento())
                .map((row, meta) -> row.get("persona_id", Integer.class)).one()
                .flatMap(id -> db.sql("SELECT persona_id, email FROM personas WHERE persona_id = :id FOR UPDATE")
                        .bind("id", id)
                        .map((row, meta) -> new Object[] {row.get("persona_id", Integer.class),
                                row.get("email", String.class)})
                        .one())
                .flatMap(found -> {
                    int personaId = (Integer) found[0];
                    Map<String, Object> set = new LinkedHashMap<>();
                    set.put("nombres", in.nombres());
                    set.put("apellidos", in.apellidos());
                    String email = (String) found[1];
                    if (email == null || email.isBlank()) {
                        set.put("email", in.userEmail());
                    }
                    if (in.telefono() != null) {
                        set.put("celular_1", in.telefono());
                    }
                    if (in.direccion() != null) {
                        set.put("direccion", in.direccion());
                    }
                    if (in.fechaNacimiento() != null) {
                        set.put("fecha_nacimiento", in.fechaNacimiento());
                    }
                    return updatePersona(personaId, set, adminId, now).thenReturn(personaId);
                })
                .switchIfEmpty(Mono.defer(() -> {
                    DatabaseClient.GenericExecuteSpec spec = db.sql("INSERT INTO personas (tipo_documento, "
                                    + "numero_documento, nombres, apellidos, fecha_nacimiento, email, celular_1, direccion, "
                                    + "created_by, updated_by, created_at, updated_at) VALUES (:tipo, :numero, :nombres, "
                                    + ":apellidos, :nacimiento, :email, :celular, :direccion, :admin, :admin, :now, :now)")
                            .bind("tipo", in.tipoDocumento()).bind("numero", in.numeroDocumento())
                            .bind("nombres", in.nombres()).bind("apellidos", in.apellidos())
                            .bind("email", in.userEmail()).bind("admin", adminId).bind("now", now);
                    spec = Binds.nullable(spec, "nacimiento", in.fechaNacimiento(), LocalDate.class);
                    spec = Binds.nullable(spec, "celular", in.telefono(), String.class);
                    spec = Binds.nullable(spec, "direccion", in.direccion(), String.class);
                    return spec.filter(s -> s.returnGeneratedValues("persona_id"))
                            .map((row, meta) -> ((Number) row.get(0)).intValue()).one();
                }));
    }

    private Mono<Void> updatePersona(int personaId, Map<String, Object> set, int adminId, LocalDateTime now) {
        if (set.isEmpty()) {
            return Mono.empty();
        }
        StringBuilder sql = new StringBuilder("UPDATE personas SET ");
        for (String column : set.keySet()) {
            sql.append(column).append(" = :").append(column).append(", ");
        }
        sql.append("updated_by = :admin, updated_at = :now WHERE persona_id = :persona");
        DatabaseClient.GenericExecuteSpec spec = db.sql(sql.toString())
                .bind("admin", adminId).bind("now", now).bind("persona", personaId);
        for (Map.Entry<String, Object> e : set.entrySet()) {
            spec = spec.bind(e.getKey(), e.getValue());
        }
        return spec.then();
    }

    private Mono<Integer> insertUser(int personaId, String email, String hash, int adminId, LocalDateTime now) {
        return db.sql("INSERT INTO users (persona_id, password_hash, user_email, estado, created_by, updated_by, "
                        + "created_at, updated_at) VALUES (:persona, :hash, :email, 'ACTIVO', :admin, :admin, :now, :now)")
                .bind("persona", personaId).bind("hash", hash).bind("email", email)
                .bind("admin", adminId).bind("now", now)
                .filter(s -> s.returnGeneratedValues("user_id"))
                .map((row, meta) -> ((Number) row.get(0)).intValue()).one();
    }

    private Mono<Void> insertRole(int userId, String role, int adminId, LocalDateTime now) {
        return db.sql("INSERT INTO user_role (user_id, user_role, created_by, updated_by, created_at, updated_at) "
                        + "VALUES (:user, :role, :admin, :admin, :now, :now)")
                .bind("user", userId).bind("role", role).bind("admin", adminId).bind("now", now).then();
    }

    /**
     * Ensures the employee row of an operational role (domain.md §6.2); with {@code reactivate} an existing
     * row is set ACTIVO again (a role given back, §10 #29). MEDICO also ensures {@code medico_extra}.
     */
    private Mono<Void> ensureEmpleado(int personaId, String role, boolean reactivate, int adminId, LocalDateTime now) {
        if (!OPERATIONAL.contains(role)) {
            return Mono.empty();
        }
        String onDuplicate = reactivate
                ? "estado_empleado = 'ACTIVO', updated_by = VALUES(updated_by), updated_at = VALUES(updated_at)"
                : "persona_id = persona_id";
        Mono<Void> empleado = db.sql("INSERT INTO empleado (persona_id, rol_empleado, estado_empleado, created_by, "
                        + "updated_by, created_at, updated_at) VALUES (:persona, :role, 'ACTIVO', :admin, :admin, :now, :now) "
                        + "ON DUPLICATE KEY UPDATE " + onDuplicate)
                .bind("persona", personaId).bind("role", role).bind("admin", adminId).bind("now", now).then();
        if (!Roles.MEDICO.equals(role)) {
            return empleado;
        }
        return empleado.then(db.sql("INSERT INTO medico_extra (persona_id, created_by, updated_by, created_at, updated_at) "
                        + "VALUES (:persona, :admin, :admin, :now, :now) ON DUPLICATE KEY UPDATE persona_id = persona_id")
                .bind("persona", personaId).bind("admin", adminId).bind("now", now).then());
    }

    Mono<AdminUserDto> patch(int userId, AdminUserRequests.Patch in, CurrentUser admin) {
        if (Boolean.FALSE.equals(in.isActive()) && userId == admin.userId()) {
            return Mono.error(ApiException.badRequest(SELF_SUSPEND));
        }
        LocalDateTime now = now();
        boolean adminSensitive = in.roles() != null || Boolean.FALSE.equals(in.isActive());
        List<String> changes = new ArrayList<>();
        // Locking every ADMIN role row first serialises concurrent edits that could remove the last admin.
        Mono<Void> lockAdmins = adminSensitive
                ? db.sql("SELECT user_id FROM user_role WHERE user_role = 'ADMIN' FOR UPDATE")
                        .map((row, meta) -> 1).all().then()
                : Mono.empty();
        return tx.transactional(lockAdmins.then(Mono.defer(() -> db.sql(
                                "SELECT u.user_id, u.persona_id, u.estado, "
                                        + "(SELECT GROUP_CONCAT(r.user_role) FROM user_role r WHERE r.user_id = u.user_id) AS roles "
                                        + "FROM users u WHERE u.user_id = :id FOR UPDATE")
                        .bind("id", userId)
                        .map((row, meta) -> new Target(row.get("persona_id", Integer.class), row.get("estado", String.class),
                                roles(row.get("roles", String.class))))
                        .one()))
                .switchIfEmpty(Mono.error(() -> ApiException.notFound(NOT_FOUND)))
                .flatMap(target -> lastAdminCheck(userId, target, in)
                        .then(Mono.defer(() -> patchPersona(target.personaId(), in, admin.userId(), now, changes)))
                        .then(Mono.defer(() -> patchRoles(userId, target, in.roles(), admin.userId(), now, changes)))
                        .then(Mono.defer(() -> patchEstado(userId, target, in.isActive(), admin.userId(), now, changes))))
                .then(Mono.defer(() -> load(userId))))
                .retryWhen(Retry.max(2).filter(DatabaseErrors::isDeadlock))
                .onErrorMap(DatabaseErrors::isDuplicateKey, AdminUserService::conflictOf)
                .doOnNext(dto -> log.info("admin_user_updated admin_user_id={} user_id={} changes={}",
                        admin.userId(), userId, changes));
    }

    private Mono<Void> lastAdminCheck(int userId, Target target, AdminUserRequests.Patch in) {
        boolean activeAdmin = target.roles().contains(Roles.ADMIN) && "ACTIVO".equals(target.estado());
        boolean losesRole = in.roles() != null && !in.roles().contains(Roles.ADMIN);
        boolean suspended = Boolean.FALSE.equals(in.isActive());
        if (!activeAdmin || !(losesRole || suspended)) {
            return Mono.empty();
        }
        return db.sql("SELECT COUNT(*) FROM users u JOIN user_role r ON r.user_id = u.user_id "
                        + "WHERE r.user_role = 'ADMIN' AND u.estado = 'ACTIVO' AND u.user_id <> :id")
                .bind("id", userId)
                .map((row, meta) -> ((Number) row.get(0)).longValue()).one()
                .flatMap(others -> others > 0 ? Mono.<Void>empty() : Mono.error(ApiException.conflict(LAST_ADMIN)));
    }

    private Mono<Void> patchPersona(int personaId, AdminUserRequests.Patch in, int adminId, LocalDateTime now,
                                    List<String> changes) {
        Map<String, Object> set = new LinkedHashMap<>();
        put(set, "nombres", in.nombres());
        put(set, "apellidos", in.apellidos());
        put(set, "celular_1", in.telefono());
        put(set, "email", in.email());
        put(set, "celular_2", in.celular2());
        put(set, "telefono_fijo", in.telefonoFijo());
        put(set, "fecha_nacimiento", in.fechaNacimiento());
        put(set, "direccion", in.direccion());
        put(set, "tipo_documento", in.tipoDocumento());
        put(set, "numero_documento", in.numeroDocumento());
        put(set, "comentario", in.comentario());
        if (!set.isEmpty()) {
            changes.add("persona" + set.keySet());
        }
        return updatePersona(personaId, set, adminId, now);
    }

    private Mono<Void> patchRoles(int userId, Target target, List<String> roles, int adminId, LocalDateTime now,
                                  List<String> changes) {
        if (roles == null) {
            return Mono.empty();
        }
        List<String> removed = target.roles().stream().filter(r -> !roles.contains(r)).toList();
        if (!removed.isEmpty() || !target.roles().containsAll(roles)) {
            changes.add("roles " + target.roles() + " -> " + roles);
        }
        return db.sql("DELETE FROM user_role WHERE user_id = :id").bind("id", userId).then()
                .thenMany(Flux.fromIterable(roles).concatMap(role -> insertRole(userId, role, adminId, now)))
                .thenMany(Flux.fromIterable(roles).concatMap(role -> ensureEmpleado(target.personaId(), role,
                        !target.roles().contains(role), adminId, now)))
                .thenMany(Flux.fromIterable(removed).filter(OPERATIONAL::contains).concatMap(role -> db.sql(
                                "UPDATE empleado SET estado_empleado = 'SUSPENDIDO', updated_by = :admin, updated_at = :now "
                                        + "WHERE persona_id = :persona AND rol_empleado = :role")
                        .bind("admin", adminId).bind("now", now).bind("persona", target.personaId()).bind("role", role)
                        .then()))
                // a removed role ends the user's sessions at once, as suspension does
                .then(removed.isEmpty() ? Mono.empty() : sessions.deleteAllOf(userId)
                        .doOnNext(n -> changes.add("sessions_deleted=" + n)).then())
                .then(touchUser(userId, adminId, now));
    }

    private Mono<Void> patchEstado(int userId, Target target, Boolean active, int adminId, LocalDateTime now,
                                   List<String> changes) {
        if (active == null) {
            return Mono.empty();
        }
        String estado = active ? "ACTIVO" : "SUSPENDIDO";
        if (!estado.equals(target.estado())) {
            changes.add("estado " + target.estado() + " -> " + estado);
        }
        Mono<Void> update = db.sql("UPDATE users SET estado = :estado, updated_by = :admin, updated_at = :now "
                        + "WHERE user_id = :id")
                .bind("estado", estado).bind("admin", adminId).bind("now", now).bind("id", userId).then();
        if (active) {
            return update;
        }
        return update.then(sessions.deleteAllOf(userId)
                .doOnNext(n -> changes.add("sessions_deleted=" + n))
                .then());
    }

    private Mono<Void> touchUser(int userId, int adminId, LocalDateTime now) {
        return db.sql("UPDATE users SET updated_by = :admin, updated_at = :now WHERE user_id = :id")
                .bind("admin", adminId).bind("now", now).bind("id", userId).then();
    }

    Mono<Void> resetPassword(int userId, String password, CurrentUser admin) {
        LocalDateTime now = now();
        return hasher.hash(password).flatMap(hash -> tx.transactional(
                        db.sql("SELECT user_id FROM users WHERE user_id = :id FOR UPDATE").bind("id", userId)
                                .map((row, meta) -> 1).one()
                                .switchIfEmpty(Mono.error(() -> ApiException.notFound(NOT_FOUND)))
                                .then(db.sql("UPDATE users SET password_hash = :hash, updated_by = :admin, updated_at = :now "
                                                + "WHERE user_id = :id")
                                        .bind("hash", hash).bind("admin", admin.userId()).bind("now", now).bind("id", userId)
                                        .then())
                                .then(sessions.deleteAllOf(userId))))
                .doOnNext(n -> log.info("admin_user_password_reset admin_user_id={} user_id={} sessions_deleted={}",
                        admin.userId(), userId, n))
                .then();
    }

    private Mono<AdminUserDto> load(int userId) {
        return db.sql(SELECT_DTO + "WHERE u.user_id = :id").bind("id", userId).map((row, meta) -> dto(row)).one();
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

    private static ApiException conflictOf(Throwable e) {
        String text = String.valueOf(e.getMessage());
        if (text.contains("uq_users_persona")) {
            return ApiException.conflict(PERSONA_HAS_USER);
        }
        if (text.contains("uq_persona_documento")) {
            return ApiException.conflict(DOCUMENT_TAKEN);
        }
        return ApiException.conflict(EMAIL_TAKEN);
    }

    private static void put(Map<String, Object> set, String column, Object value) {
        if (value != null) {
            set.put(column, value);
        }
    }


    private LocalDateTime now() {
        return LocalDateTime.now(clock).truncatedTo(ChronoUnit.SECONDS);
    }

    private record Target(int personaId, String estado, List<String> roles) {
    }
}
