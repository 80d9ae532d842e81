package pe.cmep.gateway.auth;

import io.r2dbc.spi.Row;
import java.time.LocalDateTime;
import java.util.List;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

/** What authentication reads of {@code users}, their persona, roles and extra permissions. */
@Repository
public class UserAccountRepository {

    /**
     * The account of exactly this (normalised) e-mail. The column's utf8mb4_unicode_ci folds look-alikes onto it (a
     * fullwidth at sign, a trailing no-break space, a zero-width space), so the binary comparison decides; the
     * collation's equality stays first so the lookup still reads the unique index.
     */
    static final String CREDENTIALS = """
            SELECT user_id, password_hash, estado FROM users
            WHERE user_email = :email AND user_email COLLATE utf8mb4_bin = :email
            """;
    private static final String USER = """
            SELECT u.user_id, u.user_email, u.estado, u.persona_id, p.nombres, p.apellidos
            FROM users u LEFT JOIN personas p ON p.persona_id = u.persona_id WHERE u.user_id = :id
            """;
    private static final String ROLES = """
            SELECT user_role FROM user_role WHERE user_id = :id
            """;
    private static final String PERMISSIONS = """
            SELECT permission_code FROM user_permissions WHERE user_id = :id ORDER BY permission_code
            """;
    private static final String RECORD_LOGIN = """
            UPDATE users SET last_login_at = :now WHERE user_id = :id
            """;

    private final DatabaseClient db;

    public UserAccountRepository(DatabaseClient db) {
        this.db = db;
    }

    public Mono<Credentials> findCredentials(String normalizedEmail) {
        return db.sql(CREDENTIALS)
                .bind("email", normalizedEmail)
                .map((row, meta) -> Credentials.of(row))
                .one();
    }

    public Mono<CurrentUser> findUser(int userId) {
        Mono<CurrentUser> base = db.sql(USER)
                .bind("id", userId)
                .map((row, meta) -> account(row))
                .one();
        Mono<List<String>> roles = db.sql(ROLES)
                .bind("id", userId)
                .map((row, meta) -> row.get("user_role", String.class))
                .all().collectList().map(Roles::sorted);
        Mono<List<String>> permissions = db.sql(PERMISSIONS)
                .bind("id", userId)
                .map((row, meta) -> row.get("permission_code", String.class))
                .all().collectList();
        return base.flatMap(user -> Mono.zip(roles, permissions).map(t -> new CurrentUser(user.userId(),
                user.userEmail(), user.estado(), t.getT1(), t.getT2(), user.displayName(), user.personaId(), null)));
    }

    public Mono<Void> recordLogin(int userId, LocalDateTime now) {
        return db.sql(RECORD_LOGIN)
                .bind("now", now)
                .bind("id", userId)
                .then();
    }

    /** The account without its roles and permissions; the display name falls back to the e-mail. */
    private static CurrentUser account(Row row) {
        String email = row.get("user_email", String.class);
        String nombres = row.get("nombres", String.class);
        String apellidos = row.get("apellidos", String.class);
        String display = nombres == null ? email : (nombres + " " + (apellidos == null ? "" : apellidos)).trim();
        return new CurrentUser(row.get("user_id", Integer.class), email, row.get("estado", String.class),
                List.of(), List.of(), display, row.get("persona_id", Integer.class), null);
    }

    public record Credentials(int userId, String passwordHash, String estado) {

        static Credentials of(Row row) {
            return new Credentials(row.get("user_id", Integer.class), row.get("password_hash", String.class),
                    row.get("estado", String.class));
        }
    }
}
