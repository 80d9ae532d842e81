package pe.cmep.gateway.auth;

import java.time.LocalDateTime;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

/** Rows of {@code sessions}, addressed only by the keyed hash of the session id. */
@Repository
public class SessionRepository {

    private final DatabaseClient db;

    public SessionRepository(DatabaseClient db) {
        this.db = db;
    }

    public Mono<Void> create(String hash, int userId, LocalDateTime createdAt, LocalDateTime expiresAt) {
        return db.sql("INSERT INTO sessions (session_id, user_id, created_at, expires_at, last_seen_at) "
                        + "VALUES (:hash, :userId, :createdAt, :expiresAt, :createdAt)")
                .bind("hash", hash)
                .bind("userId", userId)
                .bind("createdAt", createdAt)
                .bind("expiresAt", expiresAt)
                .then();
    }

    public Mono<SessionRow> find(String hash) {
        return db.sql("SELECT user_id, expires_at FROM sessions WHERE session_id = :hash")
                .bind("hash", hash)
                .map((row, meta) -> new SessionRow(row.get("user_id", Integer.class),
                        row.get("expires_at", LocalDateTime.class)))
                .one();
    }

    public Mono<Void> touch(String hash, LocalDateTime now) {
        return db.sql("UPDATE sessions SET last_seen_at = :now WHERE session_id = :hash")
                .bind("now", now)
                .bind("hash", hash)
                .then();
    }

    public Mono<Long> delete(String hash) {
        return db.sql("DELETE FROM sessions WHERE session_id = :hash")
                .bind("hash", hash)
                .fetch().rowsUpdated();
    }

    public Mono<Long> deleteAllOf(int userId) {
        return db.sql("DELETE FROM sessions WHERE user_id = :userId")
                .bind("userId", userId)
                .fetch().rowsUpdated();
    }

    public record SessionRow(int userId, LocalDateTime expiresAt) {
    }
}
