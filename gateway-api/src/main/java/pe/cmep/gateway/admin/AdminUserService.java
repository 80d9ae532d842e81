package pe.cmep.gateway.admin;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import pe.cmep.gateway.auth.CurrentUser;
import pe.cmep.gateway.auth.PasswordHasher;
import pe.cmep.gateway.auth.Roles;
import pe.cmep.gateway.auth.SessionRepository;
import pe.cmep.gateway.config.DatabaseErrors;
import pe.cmep.gateway.persona.PersonaEdicion;
import pe.cmep.gateway.persona.PersonaRepository;
import pe.cmep.gateway.web.ApiException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * Admin user management besides creation ({@link AdminUserCreation}): list, edit and password reset
 * (api.md §7.10, domain.md §6.4). Every write runs in one transaction.
 */
@Service
class AdminUserService {

    private static final Logger log = LoggerFactory.getLogger(AdminUserService.class);

    private final AdminUserRepository users;
    private final PersonaRepository personas;
    private final PasswordHasher hasher;
    private final SessionRepository sessions;
    private final TransactionalOperator tx;
    private final Clock clock;

    AdminUserService(AdminUserRepository users, PersonaRepository personas, PasswordHasher hasher,
                     SessionRepository sessions, TransactionalOperator tx, Clock clock) {
        this.users = users;
        this.personas = personas;
        this.hasher = hasher;
        this.sessions = sessions;
        this.tx = tx;
        this.clock = clock;
    }

    Mono<List<AdminUserDto>> listar() {
        return users.findAll();
    }

    Mono<AdminUserDto> editar(int userId, AdminUserRequests.Patch in, CurrentUser admin) {
        if (Boolean.FALSE.equals(in.isActive()) && userId == admin.userId()) {
            return Mono.error(ApiException.badRequest(AdminUserErrors.SELF_SUSPEND));
        }
        LocalDateTime now = now();
        int adminId = admin.userId();
        boolean adminSensitive = in.roles() != null || Boolean.FALSE.equals(in.isActive());
        List<String> changes = new ArrayList<>();
        // Locking every ADMIN role row first serialises concurrent edits that could remove the last admin.
        Mono<Void> lockAdmins = adminSensitive ? users.lockAdminRoles() : Mono.empty();
        return tx.transactional(lockAdmins.then(Mono.defer(() -> users.lockTarget(userId)))
                .switchIfEmpty(Mono.error(() -> ApiException.notFound(AdminUserErrors.NOT_FOUND)))
                .flatMap(target -> lastAdminCheck(userId, target, in)
                        .then(Mono.defer(() -> patchPersona(target.personaId(), in, adminId, now, changes)))
                        .then(Mono.defer(() -> patchRoles(userId, target, in.roles(), adminId, now, changes)))
                        .then(Mono.defer(() -> patchEstado(userId, target, in.isActive(), adminId, now, changes))))
                .then(Mono.defer(() -> users.find(userId))))
                .retryWhen(Retry.max(2).filter(DatabaseErrors::isDeadlock))
                .onErrorMap(DatabaseErrors::isDuplicateKey, AdminUserErrors::conflictOf)
                .doOnNext(dto -> log.info("admin_user_updated admin_user_id={} user_id={} changes={}",
                        adminId, userId, changes));
    }

    private Mono<Void> lastAdminCheck(int userId, AdminUserRepository.Target target, AdminUserRequests.Patch in) {
        boolean activeAdmin = target.roles().contains(Roles.ADMIN) && "ACTIVO".equals(target.estado());
        boolean losesRole = in.roles() != null && !in.roles().contains(Roles.ADMIN);
        boolean suspended = Boolean.FALSE.equals(in.isActive());
        if (!activeAdmin || !(losesRole || suspended)) {
            return Mono.empty();
        }
        return users.countOtherActiveAdmins(userId)
                .flatMap(others -> others > 0 ? Mono.<Void>empty()
                        : Mono.error(ApiException.conflict(AdminUserErrors.LAST_ADMIN)));
    }

    /** An explicit edit: every field given non-null is written (null = unchanged, domain.md §6.4). */
    private Mono<Void> patchPersona(int personaId, AdminUserRequests.Patch in, int adminId, LocalDateTime now,
                                    List<String> changes) {
        PersonaEdicion edicion = new PersonaEdicion(in.nombres(), in.apellidos(), in.telefono(), in.email(),
                in.celular2(), in.telefonoFijo(), in.fechaNacimiento(), in.direccion(), in.tipoDocumento(),
                in.numeroDocumento(), in.comentario());
        return personas.update(personaId, edicion, adminId, now)
                .doOnNext(columns -> {
                    if (!columns.isEmpty()) {
                        changes.add("persona" + columns);
                    }
                })
                .then();
    }

    private Mono<Void> patchRoles(int userId, AdminUserRepository.Target target, List<String> roles, int adminId,
                                  LocalDateTime now, List<String> changes) {
        if (roles == null) {
            return Mono.empty();
        }
        List<String> removed = target.roles().stream().filter(r -> !roles.contains(r)).toList();
        if (!removed.isEmpty() || !target.roles().containsAll(roles)) {
            changes.add("roles " + target.roles() + " -> " + roles);
        }
        return users.deleteRoles(userId)
                .thenMany(Flux.fromIterable(roles).concatMap(role -> users.insertRole(userId, role, adminId, now)))
                .thenMany(Flux.fromIterable(roles).concatMap(role -> users.ensureEmpleado(target.personaId(), role,
                        !target.roles().contains(role), adminId, now)))
                .thenMany(Flux.fromIterable(removed)
                        .concatMap(role -> users.suspendEmpleado(target.personaId(), role, adminId, now)))
                // a removed role ends the user's sessions at once, as suspension does
                .then(removed.isEmpty() ? Mono.empty() : sessions.deleteAllOf(userId)
                        .doOnNext(n -> changes.add("sessions_deleted=" + n)).then())
                .then(users.touch(userId, adminId, now));
    }

    private Mono<Void> patchEstado(int userId, AdminUserRepository.Target target, Boolean active, int adminId,
                                   LocalDateTime now, List<String> changes) {
        if (active == null) {
            return Mono.empty();
        }
        String estado = active ? "ACTIVO" : "SUSPENDIDO";
        if (!estado.equals(target.estado())) {
            changes.add("estado " + target.estado() + " -> " + estado);
        }
        Mono<Void> update = users.updateEstado(userId, estado, adminId, now);
        if (active) {
            return update;
        }
        return update.then(sessions.deleteAllOf(userId)
                .doOnNext(n -> changes.add("sessions_deleted=" + n))
                .then());
    }

    Mono<Void> restablecerPassword(int userId, String password, CurrentUser admin) {
        LocalDateTime now = now();
        return hasher.hash(password).flatMap(hash -> tx.transactional(users.lockUser(userId)
                        .switchIfEmpty(Mono.error(() -> ApiException.notFound(AdminUserErrors.NOT_FOUND)))
                        .then(users.updatePassword(userId, hash, admin.userId(), now))
                        .then(sessions.deleteAllOf(userId))))
                .doOnNext(n -> log.info("admin_user_password_reset admin_user_id={} user_id={} sessions_deleted={}",
                        admin.userId(), userId, n))
                .then();
    }

    private LocalDateTime now() {
        return LocalDateTime.now(clock).truncatedTo(ChronoUnit.SECONDS);
    }
}
