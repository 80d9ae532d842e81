package pe.cmep.gateway.auth;

import io.r2dbc.spi.Row;
import java.time.LocalDateTime;
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
    private static final String FIND = """
            SELECT user_id, expires_at FROM sessions WHERE session_id = :hash
            """;
    private static final String TOUCH = """
            UPDATE sessions SET last_seen_at = :now WHERE session_id = :hash
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

    public Mono<SessionRow> find(String hash) {
        return db.sql(FIND)
                .bind("hash", hash)
                .map((row, meta) -> SessionRow.of(row))
                .one();
    }

    public Mono<Void> touch(String hash, LocalDateTime now) {
        return db.sql(TOUCH)
                .bind("now", now)
                .bind("hash", hash)
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

    public record SessionRow(int userId, LocalDateTime expiresAt) {

        static SessionRow of(Row row) {
            return new SessionRow(row.get("user_id", Integer.class), row.get("expires_at", LocalDateTime.class));
        }
    }
}
