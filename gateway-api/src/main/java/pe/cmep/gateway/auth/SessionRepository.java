package pe.cmep.gateway.auth;

import io.r2dbc.spi.Row;
import java.time.LocalDateTime;
import java.util.List;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

/** Rows of {@code sessions}, addressed only by the keyed hash of the session id. */
@Repository
public class SessionRepository {

    private static final String INSERT = """
            INSERT INTO sessions (session_id, user_id, created_at, expires_at, last_seen_at)
            VALUES (:hash, :userId, :createdAt, :expiresAt, :createdAt)
            """;
    /**
     * The session and, in the same statement, its user as authentication needs it: one row, or one per extra
     * permission of the user; the user's columns are null when the user row is gone.
     */
    private static final String LOOK_UP = """
            SELECT s.expires_at, s.last_seen_at, %s
            FROM sessions s
            LEFT JOIN users u ON u.user_id = s.user_id
            %s
            WHERE s.session_id = :hash
            """.formatted(UserAccountRepository.ACCOUNT_COLUMNS, UserAccountRepository.ACCOUNT_JOINS);
    /** Of concurrent requests that all read a stale value, only the first writes. */
    private static final String TOUCH = """
            UPDATE sessions SET last_seen_at = :now
            WHERE session_id = :hash AND (last_seen_at IS NULL OR last_seen_at < :staleBefore)
            """;
    private static final String DELETE = """
            DELETE FROM sessions WHERE session_id = :hash
            """;
    private static final String DELETE_ALL_OF = """
            DELETE FROM sessions WHERE user_id = :userId
            """;

    private final DatabaseClient db;

    public SessionRepository(DatabaseClient db) {
        this.db = db;
    }

    public Mono<Void> create(String hash, int userId, LocalDateTime createdAt, LocalDateTime expiresAt) {
        return db.sql(INSERT)
                .bind("hash", hash)
                .bind("userId", userId)
                .bind("createdAt", createdAt)
                .bind("expiresAt", expiresAt)
                .then();
    }

    public Mono<SessionLookup> lookUp(String hash) {
        return db.sql(LOOK_UP)
                .bind("hash", hash)
                .map((row, meta) -> SessionLookup.of(row))
                .all().collectList()
                .filter(rows -> !rows.isEmpty())
                .map(SessionLookup::merged);
    }

    /** Sets {@code last_seen_at} to {@code now} unless it was already set at or after {@code staleBefore}. */
    public Mono<Void> touch(String hash, LocalDateTime now, LocalDateTime staleBefore) {
        return db.sql(TOUCH)
                .bind("now", now)
                .bind("hash", hash)
                .bind("staleBefore", staleBefore)
                .then();
    }

    public Mono<Long> delete(String hash) {
        return db.sql(DELETE)
                .bind("hash", hash)
                .fetch().rowsUpdated();
    }

    public Mono<Long> deleteAllOf(int userId) {
        return db.sql(DELETE_ALL_OF)
                .bind("userId", userId)
                .fetch().rowsUpdated();
    }

    /**
     * @param lastSeenAt null only in a row written without one (the column allows it)
     * @param user       null when the session's user row is gone
     */
    public record SessionLookup(LocalDateTime expiresAt, LocalDateTime lastSeenAt, CurrentUser user) {

        static SessionLookup of(Row row) {
            return new SessionLookup(row.get("expires_at", LocalDateTime.class),
                    row.get("last_seen_at", LocalDateTime.class),
                    row.get("user_id") == null ? null : UserAccountRepository.accountRow(row));
        }

        static SessionLookup merged(List<SessionLookup> rows) {
            SessionLookup first = rows.get(0);
            return first.user() == null ? first : new SessionLookup(first.expiresAt(), first.lastSeenAt(),
                    UserAccountRepository.account(rows.stream().map(SessionLookup::user).toList()));
        }
    }
}
