package pe.cmep.workflow.maintenance;

import java.time.LocalDateTime;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.r2dbc.core.DatabaseClient;

/** Users and sessions written straight into the database, as gateway-api writes them (naive UTC DATETIME). */
final class SessionRows {

    private final DatabaseClient db;

    SessionRows(DatabaseClient db) {
        this.db = db;
    }

    /** A persona with a user account of its own; returns the user id. */
    int newUser() {
        String tag = UUID.randomUUID().toString();
        Integer personaId = db.sql("INSERT INTO personas (nombres, apellidos) VALUES ('Prueba', :tag)")
                .bind("tag", tag)
                .filter(s -> s.returnGeneratedValues("persona_id"))
                .map(row -> row.get(0, Integer.class))
                .one()
                .block();
        return db.sql("INSERT INTO users (persona_id, password_hash, user_email) VALUES (:persona, 'x', :email)")
                .bind("persona", personaId)
                .bind("email", tag + "@sesiones.test")
                .filter(s -> s.returnGeneratedValues("user_id"))
                .map(row -> row.get(0, Integer.class))
                .one()
                .block();
    }

    /** A session of the user expiring at {@code expiresAt}; returns its id. */
    String session(int userId, LocalDateTime expiresAt) {
        byte[] hash = new byte[32];
        ThreadLocalRandom.current().nextBytes(hash);
        String id = HexFormat.of().formatHex(hash);
        db.sql("INSERT INTO sessions (session_id, user_id, created_at, expires_at) VALUES (:id, :user, :created, :expires)")
                .bind("id", id)
                .bind("user", userId)
                .bind("created", expiresAt.minusHours(8))
                .bind("expires", expiresAt)
                .then()
                .block();
        return id;
    }

    /** The ids of the given sessions still in the table. */
    List<String> remaining(List<String> sessionIds) {
        return db.sql("SELECT session_id FROM sessions WHERE session_id IN (:ids)")
                .bind("ids", sessionIds)
                .map(row -> row.get("session_id", String.class))
                .all()
                .collectList()
                .block();
    }

    boolean userExists(int userId) {
        return Boolean.TRUE.equals(db.sql("SELECT COUNT(*) AS n FROM users WHERE user_id = :id")
                .bind("id", userId)
                .map(row -> row.get("n", Long.class) == 1)
                .one()
                .block());
    }
}
