package pe.cmep.gateway.admin;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import pe.cmep.gateway.auth.CurrentUser;
import pe.cmep.gateway.auth.PasswordHasher;
import pe.cmep.gateway.config.DatabaseErrors;
import pe.cmep.gateway.persona.PersonaDatos;
import pe.cmep.gateway.persona.PersonaGuardada;
import pe.cmep.gateway.persona.PersonaRepository;
import pe.cmep.gateway.web.ApiException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/** POST /admin/usuarios (api.md §7.10, domain.md §6.4), in one transaction. */
@Service
class AdminUserCreation {

    private static final Logger log = LoggerFactory.getLogger(AdminUserCreation.class);

    private final AdminUserRepository users;
    private final PersonaRepository personas;
    private final PasswordHasher hasher;
    private final TransactionalOperator tx;
    private final Clock clock;

    AdminUserCreation(AdminUserRepository users, PersonaRepository personas, PasswordHasher hasher,
                      TransactionalOperator tx, Clock clock) {
        this.users = users;
        this.personas = personas;
        this.hasher = hasher;
        this.tx = tx;
        this.clock = clock;
    }

    Mono<AdminUserDto> crear(AdminUserRequests.Create in, CurrentUser admin) {
        LocalDateTime now = LocalDateTime.now(clock).truncatedTo(ChronoUnit.SECONDS);
        int adminId = admin.userId();
        return hasher.hash(in.password())
                .flatMap(hash -> tx.transactional(Mono.defer(() -> users.emailUsed(in.userEmail())
                        .flatMap(taken -> taken
                                ? Mono.<Integer>error(ApiException.conflict(AdminUserErrors.EMAIL_TAKEN))
                                : persona(in, adminId, now))
                        .flatMap(personaId -> user(personaId, in, hash, adminId, now))
                        .flatMap(users::find))))
                .retryWhen(Retry.max(2).filter(DatabaseErrors::isDeadlock))
                .onErrorMap(DatabaseErrors::isDuplicateKey, AdminUserErrors::conflictOf)
                .doOnNext(dto -> log.info("admin_user_created admin_user_id={} user_id={} user_email={} persona_id={} "
                        + "roles={}", adminId, dto.userId(), dto.userEmail(), dto.personaId(), dto.roles()));
    }

    /** The account of a persona that has none yet, with its roles and their employee rows. */
    private Mono<Integer> user(int personaId, AdminUserRequests.Create in, String hash, int adminId,
                               LocalDateTime now) {
        return users.personaHasUser(personaId)
                .flatMap(has -> has
                        ? Mono.<Integer>error(ApiException.conflict(AdminUserErrors.PERSONA_HAS_USER))
                        : users.insertUser(personaId, in.userEmail(), hash, adminId, now))
                .flatMap(userId -> Flux.fromIterable(in.roles())
                        .concatMap(role -> users.insertRole(userId, role, adminId, now))
                        .thenMany(Flux.fromIterable(in.roles())
                                .concatMap(role -> users.ensureEmpleado(personaId, role, false, adminId, now)))
                        .then(Mono.just(userId)));
    }

    /**
     * The persona by document under {@link PersonaRepository}'s rule (the submitted names, telefono, direccion
     * and fecha_nacimiento replace differing values); the login e-mail becomes the persona's e-mail only if it
     * had none (domain.md §6.4). The unique keys catch concurrent creations (409).
     */
    private Mono<Integer> persona(AdminUserRequests.Create in, int adminId, LocalDateTime now) {
        PersonaDatos datos = new PersonaDatos(in.tipoDocumento(), in.numeroDocumento(), in.nombres(), in.apellidos(),
                in.telefono(), null, in.fechaNacimiento(), in.direccion());
        return personas.upsert(datos, adminId, now)
                .map(PersonaGuardada::personaId)
                .flatMap(personaId -> personas.completeEmail(personaId, in.userEmail(), adminId, now)
                        .thenReturn(personaId));
    }
}
