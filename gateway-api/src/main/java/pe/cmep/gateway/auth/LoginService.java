package pe.cmep.gateway.auth;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import pe.cmep.gateway.config.ApiProperties;
import pe.cmep.gateway.db.DeadlockRetry;
import pe.cmep.gateway.web.ApiException;
import reactor.core.publisher.Mono;

/** POST /auth/login (api.md §7.2, domain.md §6.3). */
@Service
public class LoginService {

    private static final Logger log = LoggerFactory.getLogger(LoginService.class);
    static final String BAD_CREDENTIALS = "Credenciales invalidas";
    static final String SUSPENDED = "Usuario suspendido";

    private final UserAccountRepository users;
    private final SessionRepository sessions;
    private final SessionTokens tokens;
    private final PasswordHasher hasher;
    private final LoginThrottle throttle;
    private final TransactionalOperator tx;
    private final Clock clock;
    private final ApiProperties properties;

    public LoginService(UserAccountRepository users, SessionRepository sessions, SessionTokens tokens,
                        PasswordHasher hasher, LoginThrottle throttle, TransactionalOperator tx, Clock clock,
                        ApiProperties properties) {
        this.users = users;
        this.sessions = sessions;
        this.tokens = tokens;
        this.hasher = hasher;
        this.throttle = throttle;
        this.tx = tx;
        this.clock = clock;
        this.properties = properties;
    }

    public static String normalizeEmail(String email) {
        return email.trim().toLowerCase(Locale.ROOT);
    }

    /**
     * The attempt is first reserved by the throttle (429 over the limit, no password checked), then checked. A wrong
     * password keeps the reservation as the failure it is; a suspended account or a success takes it back.
     */
    public Mono<LoginResult> login(String rawEmail, String password, String clientAddress) {
        String email = normalizeEmail(rawEmail);
        return throttle.reserve(email, clientAddress)
                .flatMap(reservation -> users.findCredentials(email).map(Optional::of).defaultIfEmpty(Optional.empty())
                        .flatMap(found -> hasher.matches(password,
                                        found.map(UserAccountRepository.Credentials::passwordHash).orElse(null))
                                .flatMap(matches -> decide(matches ? found : Optional.empty(), reservation,
                                        clientAddress))));
    }

    /** @param account the account whose password matched; empty for an unknown e-mail or a wrong password */
    private Mono<LoginResult> decide(Optional<UserAccountRepository.Credentials> account,
                                     LoginThrottle.Reservation reservation, String clientAddress) {
        if (account.isEmpty()) {
            log.info("login_failed reason=bad_credentials address={}", clientAddress);
            return Mono.error(ApiException.unauthenticated(BAD_CREDENTIALS));
        }
        if (!"ACTIVO".equals(account.get().estado())) {
            log.info("login_refused reason=suspended user_id={}", account.get().userId());
            return throttle.release(reservation).then(Mono.error(ApiException.forbidden(SUSPENDED)));
        }
        return startSession(account.get().userId(), reservation);
    }

    /**
     * The user row is updated before the session row is inserted: the insert's foreign-key check takes a shared
     * lock on the user row, and two logins of one user that both held it would deadlock upgrading it for the update.
     */
    private Mono<LoginResult> startSession(int userId, LoginThrottle.Reservation reservation) {
        String sessionId = tokens.newSessionId();
        LocalDateTime now = LocalDateTime.now(clock).truncatedTo(ChronoUnit.SECONDS);
        LocalDateTime expires = now.plus(properties.session().lifetime());
        return users.recordLogin(userId, now)
                .then(sessions.create(tokens.hash(sessionId), userId, now, expires))
                .then(throttle.clearAccount(reservation))
                .then(users.findUser(userId))
                .as(tx::transactional)
                .retryWhen(DeadlockRetry.of("login user_id=" + userId))
                .doOnNext(user -> log.info("login_succeeded user_id={}", userId))
                .map(user -> new LoginResult(sessionId, user));
    }

    public record LoginResult(String sessionId, CurrentUser user) {
    }
}
