package pe.cmep.gateway.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.stream.Stream;
import org.springframework.r2dbc.core.DatabaseClient;
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

    private final DatabaseClient db;
    private final TransactionalOperator tx;
    private final Clock clock;
    private final ApiProperties.LoginThrottle limits;

    public LoginThrottle(DatabaseClient db, TransactionalOperator tx, Clock clock, ApiProperties properties) {
        this.db = db;
        this.tx = tx;
        this.clock = clock;
        this.limits = properties.loginThrottle();
    }

    /** Counts this attempt as a failure of both keys; 429 with the wait, nothing counted, when either is at its limit. */
    public Mono<Reservation> reserve(String account, String address) {
        LocalDateTime now = now();
        return lock(account, address)
                .then(blockedFor(ACCOUNT, account, limits.accountMaxFailures(), limits.accountWindow(), now)
                        .switchIfEmpty(blockedFor(ADDRESS, address, limits.addressMaxFailures(),
                                limits.addressWindow(), now)))
                .flatMap(wait -> Mono.<Reservation>error(ApiException.rateLimited(wait)))
                .switchIfEmpty(Mono.defer(() -> insert(ACCOUNT, account, now)
                        .zipWith(insert(ADDRESS, address, now), (a, b) -> new Reservation(account, List.of(a, b)))
                        .flatMap(reservation -> forgetOld(account, address, now).thenReturn(reservation))))
                .as(tx::transactional)
                .retryWhen(DeadlockRetry.of("login_reservation"));
    }

    /** The attempt was no failure after all: the account is suspended (403). */
    public Mono<Void> release(Reservation reservation) {
        return delete(reservation.failureIds());
    }

    /** A successful login takes its reservation back and clears the account's counter, in one delete. */
    public Mono<Void> clearAccount(Reservation reservation) {
        return ids(db.sql("SELECT id FROM login_failure WHERE scope = :scope AND scope_key = :key")
                        .bind("scope", ACCOUNT)
                        .bind("key", reservation.account()))
                .flatMap(account -> delete(Stream.concat(account.stream(), reservation.failureIds().stream())
                        .distinct().toList()));
    }

    /**
     * Locks both keys' rows, creating them on first use, in one statement: every attempt takes them in the same
     * order (the primary key's), and ON DUPLICATE KEY takes an existing row's exclusive lock at once instead of a
     * shared one that two attempts would then both try to upgrade.
     */
    private Mono<Void> lock(String account, String address) {
        return db.sql("INSERT INTO login_attempt_lock (scope, scope_key) VALUES (:account, :accountKey), "
                        + "(:address, :addressKey) ON DUPLICATE KEY UPDATE scope_key = VALUES(scope_key)")
                .bind("account", ACCOUNT)
                .bind("accountKey", account)
                .bind("address", ADDRESS)
                .bind("addressKey", address)
                .then();
    }

    private Mono<Duration> blockedFor(String scope, String key, int max, Duration window, LocalDateTime now) {
        return db.sql("SELECT COUNT(*) AS n, MIN(failed_at) AS oldest FROM login_failure "
                        + "WHERE scope = :scope AND scope_key = :key AND failed_at > :since")
                .bind("scope", scope)
                .bind("key", key)
                .bind("since", now.minus(window))
                .map((row, meta) -> {
                    long count = row.get("n", Long.class);
                    LocalDateTime oldest = row.get("oldest", LocalDateTime.class);
                    if (count < max || oldest == null) {
                        return Duration.ZERO;
                    }
                    Duration wait = Duration.between(now, oldest.plus(window));
                    return wait.isNegative() || wait.isZero() ? Duration.ofSeconds(1) : wait;
                })
                .one()
                .filter(wait -> !wait.isZero());
    }

    private Mono<Long> insert(String scope, String key, LocalDateTime now) {
        return db.sql("INSERT INTO login_failure (scope, scope_key, failed_at) VALUES (:scope, :key, :now)")
                .bind("scope", scope)
                .bind("key", key)
                .bind("now", now)
                .filter(statement -> statement.returnGeneratedValues("id"))
                .map((row, meta) -> ((Number) row.get(0)).longValue())
                .one();
    }

    /**
     * Deletes both keys' failures that no window counts any more. Their ids come from a plain read and go by primary
     * key: a DELETE over a key's range would lock the gap after it, which another key's attempt may be inserting into.
     */
    private Mono<Void> forgetOld(String account, String address, LocalDateTime now) {
        Duration keep = limits.accountWindow().compareTo(limits.addressWindow()) > 0
                ? limits.accountWindow() : limits.addressWindow();
        return ids(db.sql("SELECT id FROM login_failure WHERE ((scope = :account AND scope_key = :accountKey) "
                        + "OR (scope = :address AND scope_key = :addressKey)) AND failed_at < :before")
                .bind("account", ACCOUNT)
                .bind("accountKey", account)
                .bind("address", ADDRESS)
                .bind("addressKey", address)
                .bind("before", now.minus(keep)))
                .flatMap(this::delete);
    }

    private static Mono<List<Long>> ids(DatabaseClient.GenericExecuteSpec select) {
        return select.map((row, meta) -> ((Number) row.get("id")).longValue()).all().collectList();
    }

    private Mono<Void> delete(List<Long> ids) {
        return ids.isEmpty() ? Mono.empty() : db.sql("DELETE FROM login_failure WHERE id IN (:ids)")
                .bind("ids", ids)
                .then();
    }

    private LocalDateTime now() {
        return LocalDateTime.now(clock).truncatedTo(ChronoUnit.SECONDS);
    }

    /** An attempt counted in advance: the account it was for and its two failure rows. */
    public record Reservation(String account, List<Long> failureIds) {
    }
}
