package pe.cmep.gateway.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.stream.Stream;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import pe.cmep.gateway.config.ApiProperties;
import pe.cmep.gateway.db.DeadlockRetry;
import pe.cmep.gateway.web.ApiException;
import reactor.core.publisher.Mono;

/**
 * Failed-login counters per account and per client address (domain.md §10 #33), kept in the database so that
 * every API instance sees the same counts. An attempt is reserved before its password is checked: under a lock
 * on its two keys it is counted against both limits and recorded as a failure, so parallel attempts cannot all
 * pass a check made before any of them failed. A login that succeeds (or finds the account suspended) takes its
 * reservation back.
 */
@Component
public class LoginThrottle {

    static final String ACCOUNT = "ACCOUNT";
    static final String ADDRESS = "ADDRESS";

    private final LoginFailureRepository failures;
    private final TransactionalOperator tx;
    private final Clock clock;
    private final ApiProperties.LoginThrottle limits;

    LoginThrottle(LoginFailureRepository failures, TransactionalOperator tx, Clock clock, ApiProperties properties) {
        this.failures = failures;
        this.tx = tx;
        this.clock = clock;
        this.limits = properties.loginThrottle();
    }

    /** Counts this attempt as a failure of both keys; 429 with the wait, nothing counted, when either is at its limit. */
    public Mono<Reservation> reserve(String account, String address) {
        LocalDateTime now = now();
        return failures.lockKeys(account, address)
                .then(blockedFor(ACCOUNT, account, limits.accountMaxFailures(), limits.accountWindow(), now)
                        .switchIfEmpty(blockedFor(ADDRESS, address, limits.addressMaxFailures(),
                                limits.addressWindow(), now)))
                .flatMap(wait -> Mono.<Reservation>error(ApiException.rateLimited(wait)))
                .switchIfEmpty(Mono.defer(() -> failures.insert(ACCOUNT, account, now)
                        .zipWith(failures.insert(ADDRESS, address, now),
                                (a, b) -> new Reservation(account, List.of(a, b)))
                        .flatMap(reservation -> forgetOld(account, address, now).thenReturn(reservation))))
                .as(tx::transactional)
                .retryWhen(DeadlockRetry.of("login_reservation"));
    }

    /** The attempt was no failure after all: the account is suspended (403). */
    public Mono<Void> release(Reservation reservation) {
        return failures.delete(reservation.failureIds());
    }

    /** A successful login takes its reservation back and clears the account's counter, in one delete. */
    public Mono<Void> clearAccount(Reservation reservation) {
        return failures.idsOf(ACCOUNT, reservation.account())
                .flatMap(account -> failures.delete(Stream.concat(account.stream(), reservation.failureIds().stream())
                        .distinct().toList()));
    }

    private Mono<Duration> blockedFor(String scope, String key, int max, Duration window, LocalDateTime now) {
        return failures.window(scope, key, now.minus(window))
                .map(found -> {
                    if (found.count() < max || found.oldest() == null) {
                        return Duration.ZERO;
                    }
                    Duration wait = Duration.between(now, found.oldest().plus(window));
                    return wait.isNegative() || wait.isZero() ? Duration.ofSeconds(1) : wait;
                })
                .filter(wait -> !wait.isZero());
    }

    /**
     * Deletes both keys' failures that no window counts any more. Their ids come from a plain read and go by primary
     * key: a DELETE over a key's range would lock the gap after it, which another key's attempt may be inserting into.
     */
    private Mono<Void> forgetOld(String account, String address, LocalDateTime now) {
        Duration keep = limits.accountWindow().compareTo(limits.addressWindow()) > 0
                ? limits.accountWindow() : limits.addressWindow();
        return failures.idsBefore(account, address, now.minus(keep)).flatMap(failures::delete);
    }

    private LocalDateTime now() {
        return LocalDateTime.now(clock).truncatedTo(ChronoUnit.SECONDS);
    }

    /** An attempt counted in advance: the account it was for and its two failure rows. */
    public record Reservation(String account, List<Long> failureIds) {
    }
}
