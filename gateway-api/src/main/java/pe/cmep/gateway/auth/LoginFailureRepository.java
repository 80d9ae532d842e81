package pe.cmep.gateway.auth;

import java.time.LocalDateTime;
import java.util.List;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

/** The rows behind {@link LoginThrottle}: {@code login_failure} and the per-key {@code login_attempt_lock}. */
@Repository
class LoginFailureRepository {

    private static final String LOCK_KEYS = """
            INSERT INTO login_attempt_lock (scope, scope_key) VALUES (:account, :accountKey), (:address, :addressKey)
            ON DUPLICATE KEY UPDATE scope_key = VALUES(scope_key)
            """;
    private static final String WINDOW = """
            SELECT COUNT(*) AS n, MIN(failed_at) AS oldest FROM login_failure
            WHERE scope = :scope AND scope_key = :key AND failed_at > :since
            """;
    private static final String INSERT = """
            INSERT INTO login_failure (scope, scope_key, failed_at) VALUES (:scope, :key, :now)
            """;
    private static final String IDS_OF_KEY = """
            SELECT id FROM login_failure WHERE scope = :scope AND scope_key = :key
            """;
    private static final String IDS_BEFORE = """
            SELECT id FROM login_failure
            WHERE ((scope = :account AND scope_key = :accountKey) OR (scope = :address AND scope_key = :addressKey))
              AND failed_at < :before
            """;
    private static final String DELETE = """
            DELETE FROM login_failure WHERE id IN (:ids)
            """;

    private final DatabaseClient db;

    LoginFailureRepository(DatabaseClient db) {
        this.db = db;
    }

    /**
     * Locks both keys' rows, creating them on first use, in one statement: every attempt takes them in the same
     * order (the primary key's), and ON DUPLICATE KEY takes an existing row's exclusive lock at once instead of a
     * shared one that two attempts would then both try to upgrade.
     */
    Mono<Void> lockKeys(String account, String address) {
        return db.sql(LOCK_KEYS)
                .bind("account", LoginThrottle.ACCOUNT)
                .bind("accountKey", account)
                .bind("address", LoginThrottle.ADDRESS)
                .bind("addressKey", address)
                .then();
    }

    /** The key's failures after {@code since}: how many, and the oldest of them. */
    Mono<Window> window(String scope, String key, LocalDateTime since) {
        return db.sql(WINDOW)
                .bind("scope", scope)
                .bind("key", key)
                .bind("since", since)
                .map((row, meta) -> new Window(row.get("n", Long.class), row.get("oldest", LocalDateTime.class)))
                .one();
    }

    /** Returns the new failure's id. */
    Mono<Long> insert(String scope, String key, LocalDateTime now) {
        return db.sql(INSERT)
                .bind("scope", scope)
                .bind("key", key)
                .bind("now", now)
                .filter(statement -> statement.returnGeneratedValues("id"))
                .map((row, meta) -> ((Number) row.get(0)).longValue())
                .one();
    }

    /** A plain read: the ids of every failure of the key. */
    Mono<List<Long>> idsOf(String scope, String key) {
        return db.sql(IDS_OF_KEY)
                .bind("scope", scope)
                .bind("key", key)
                .map((row, meta) -> ((Number) row.get("id")).longValue())
                .all().collectList();
    }

    /** A plain read: the ids of both keys' failures older than {@code before}. */
    Mono<List<Long>> idsBefore(String account, String address, LocalDateTime before) {
        return db.sql(IDS_BEFORE)
                .bind("account", LoginThrottle.ACCOUNT)
                .bind("accountKey", account)
                .bind("address", LoginThrottle.ADDRESS)
                .bind("addressKey", address)
                .bind("before", before)
                .map((row, meta) -> ((Number) row.get("id")).longValue())
                .all().collectList();
    }

    /** Deletes by primary key only: a DELETE over a key's range would lock the gap after it. */
    Mono<Void> delete(List<Long> ids) {
        return ids.isEmpty() ? Mono.empty() : db.sql(DELETE).bind("ids", ids).then();
    }

    record Window(long count, LocalDateTime oldest) {
    }
}
