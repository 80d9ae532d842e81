package pe.cmep.gateway.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import pe.cmep.gateway.config.ApiProperties;
import pe.cmep.gateway.web.ApiException;
import reactor.core.publisher.Mono;

/**
 * Failed-login counters per account and per client address (domain.md §10 #33), kept in
 * the database so that every API instance sees the same counts.
 */
@Component
public class LoginThrottle {

    static final String ACCOUNT = "ACCOUNT";
    static final String ADDRESS = "ADDRESS";

    private final DatabaseClient db;
    private final Clock clock;
    private final ApiProperties.LoginThrottle limits;

    public LoginThrottle(DatabaseClient db, Clock clock, ApiProperties properties) {
        this.db = db;
        this.clock = clock;
        this.limits = properties.loginThrottle();
    }

    /** Errors with 429 and the wait when either counter is at its limit. */
    public Mono<Void> check(String account, String address) {
        LocalDateTime now = now();
        return blockedFor(ACCOUNT, account, limits.accountMaxFailures(), limits.accountWindow(), now)
                .switchIfEmpty(blockedFor(ADDRESS, address, limits.addressMaxFailures(), limits.addressWindow(), now))
                .flatMap(wait -> Mono.<Void>error(ApiException.rateLimited(wait)));
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

    public Mono<Void> recordFailure(String account, String address) {
        LocalDateTime now = now();
        Duration keep = limits.accountWindow().compareTo(limits.addressWindow()) > 0
                ? limits.accountWindow() : limits.addressWindow();
        return insert(ACCOUNT, account, now)
                .then(insert(ADDRESS, address, now))
                .then(db.sql("DELETE FROM login_failure WHERE scope_key IN (:account, :address) AND failed_at < :before")
                        .bind("account", account)
                        .bind("address", address)
                        .bind("before", now.minus(keep))
                        .then());
    }

    private Mono<Void> insert(String scope, String key, LocalDateTime now) {
        return db.sql("INSERT INTO login_failure (scope, scope_key, failed_at) VALUES (:scope, :key, :now)")
                .bind("scope", scope)
                .bind("key", key)
                .bind("now", now)
                .then();
    }

    /** A successful login clears the account's counter. */
    public Mono<Void> clearAccount(String account) {
        return db.sql("DELETE FROM login_failure WHERE scope = :scope AND scope_key = :key")
                .bind("scope", ACCOUNT)
                .bind("key", account)
                .then();
    }

    private LocalDateTime now() {
        return LocalDateTime.now(clock).truncatedTo(ChronoUnit.SECONDS);
    }
}
