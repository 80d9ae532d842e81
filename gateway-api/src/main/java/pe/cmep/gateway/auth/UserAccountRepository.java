package pe.cmep.gateway.auth;

import io.r2dbc.spi.Row;
import java.text.Collator;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;
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
    /**
     * The account's columns from {@code u} (users), {@code p} (its persona, joined by {@link #ACCOUNT_JOINS}) and
     * {@code x} (its extra permissions, one row each: a user without any is one row). The roles are at most four enum
     * names, aggregated in the same statement. Permission codes are free text with no safe separator, and MariaDB
     * 10.11's JSON_ARRAYAGG mangles non-Latin-1 text, so they stay rows.
     */
    static final String ACCOUNT_COLUMNS = """
            u.user_id, u.user_email, u.estado, u.persona_id, p.nombres, p.apellidos,
            (SELECT GROUP_CONCAT(r.user_role) FROM user_role r WHERE r.user_id = u.user_id) AS roles,
            x.permission_code
            """;
    static final String ACCOUNT_JOINS = """
            LEFT JOIN personas p ON p.persona_id = u.persona_id
            LEFT JOIN user_permissions x ON x.user_id = u.user_id
            """;
    private static final String USER = """
            SELECT %s
            FROM users u
            %s
            WHERE u.user_id = :id
            """.formatted(ACCOUNT_COLUMNS, ACCOUNT_JOINS);
    private static final String RECORD_LOGIN = """
            UPDATE users SET last_login_at = :now WHERE user_id = :id
            """;

    private static final Collator CODE_ORDER = Collator.getInstance(Locale.ROOT);

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
        return db.sql(USER)
                .bind("id", userId)
                .map((row, meta) -> accountRow(row))
                .all().collectList()
                .filter(rows -> !rows.isEmpty())
                .map(UserAccountRepository::account);
    }

    public Mono<Void> recordLogin(int userId, LocalDateTime now) {
        return db.sql(RECORD_LOGIN)
                .bind("now", now)
                .bind("id", userId)
                .then();
    }

    /**
     * One row of {@link #ACCOUNT_COLUMNS}: the account with this row's permission code only; the display name falls
     * back to the e-mail.
     */
    static CurrentUser accountRow(Row row) {
        String email = row.get("user_email", String.class);
        String nombres = row.get("nombres", String.class);
        String apellidos = row.get("apellidos", String.class);
        String display = nombres == null ? email : (nombres + " " + (apellidos == null ? "" : apellidos)).trim();
        String roles = row.get("roles", String.class);
        String permission = row.get("permission_code", String.class);
        return new CurrentUser(row.get("user_id", Integer.class), email, row.get("estado", String.class),
                roles == null ? List.of() : Roles.sorted(List.of(roles.split(","))),
                permission == null ? List.of() : List.of(permission), display, row.get("persona_id", Integer.class),
                null);
    }

    /**
     * The account the rows of one statement describe, with every permission code. They are ordered here, as the
     * column's collation would: an ORDER BY made the database build a temporary table on every request.
     */
    static CurrentUser account(List<CurrentUser> rows) {
        CurrentUser first = rows.get(0);
        List<String> permissions = rows.stream().flatMap(row -> row.permissionsExtra().stream())
                .sorted(CODE_ORDER).toList();
        return new CurrentUser(first.userId(), first.userEmail(), first.estado(), first.roles(), permissions,
                first.displayName(), first.personaId(), first.sessionHash());
    }

    public record Credentials(int userId, String passwordHash, String estado) {

        static Credentials of(Row row) {
            return new Credentials(row.get("user_id", Integer.class), row.get("password_hash", String.class),
                    row.get("estado", String.class));
        }
    }
}
