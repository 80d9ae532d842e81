package pe.cmep.gateway.seed;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import pe.cmep.gateway.db.Binds;
import reactor.core.publisher.Mono;

/**
 * Find-or-insert of the rows the seeds need besides personas (those are {@link SeedPersonas}'), each keyed by
 * its natural key, so a seed can run any number of times and only ever adds what is missing. Seed rows have
 * {@code created_by = NULL} (domain.md §9.1). Also the dev reset's wipe and the production seed's server check.
 */
@Repository
class SeedRepository {

    private static final String FIND_USER = """
            SELECT user_id FROM users WHERE user_email = :email
            """;
    private static final String INSERT_USER = """
            INSERT INTO users (persona_id, password_hash, user_email, estado, created_at, updated_at)
            VALUES (:persona, :hash, :email, :estado, :now, :now)
            """;
    private static final String COUNT_ROLE = """
            SELECT COUNT(*) FROM user_role WHERE user_id = :user AND user_role = :role
            """;
    private static final String INSERT_ROLE = """
            INSERT INTO user_role (user_id, user_role, created_at, updated_at) VALUES (:user, :role, :now, :now)
            """;
    private static final String COUNT_EMPLEADO = """
            SELECT COUNT(*) FROM empleado WHERE persona_id = :persona AND rol_empleado = :rol
            """;
    private static final String INSERT_EMPLEADO = """
            INSERT INTO empleado (persona_id, rol_empleado, estado_empleado, created_at, updated_at)
            VALUES (:persona, :rol, 'ACTIVO', :now, :now)
            """;
    private static final String COUNT_MEDICO_EXTRA = """
            SELECT COUNT(*) FROM medico_extra WHERE persona_id = :persona
            """;
    private static final String INSERT_MEDICO_EXTRA = """
            INSERT INTO medico_extra (persona_id, cmp, especialidad, created_at, updated_at)
            VALUES (:persona, :cmp, :esp, :now, :now)
            """;
    private static final String COUNT_PROMOTOR_PERSONA = """
            SELECT COUNT(*) FROM promotores WHERE tipo_promotor = 'PERSONA' AND persona_id = :persona
            """;
    private static final String INSERT_PROMOTOR_PERSONA = """
            INSERT INTO promotores (tipo_promotor, persona_id, fuente_promotor, created_at, updated_at)
            VALUES ('PERSONA', :persona, :fuente, :now, :now)
            """;
    private static final String COUNT_PROMOTOR_EMPRESA = """
            SELECT COUNT(*) FROM promotores WHERE tipo_promotor = 'EMPRESA' AND razon_social = :razon
            """;
    private static final String INSERT_PROMOTOR_EMPRESA = """
            INSERT INTO promotores (tipo_promotor, razon_social, ruc, email, fuente_promotor, created_at, updated_at)
            VALUES ('EMPRESA', :razon, :ruc, :email, :fuente, :now, :now)
            """;
    private static final String COUNT_CLIENTE = """
            SELECT COUNT(*) FROM clientes WHERE persona_id = :persona
            """;
    private static final String INSERT_CLIENTE = """
            INSERT INTO clientes (persona_id, estado, created_at, updated_at) VALUES (:persona, 'ACTIVO', :now, :now)
            """;
    private static final String COUNT_SERVICIO = """
            SELECT COUNT(*) FROM servicios WHERE descripcion_servicio = :desc
            """;
    private static final String INSERT_SERVICIO = """
            INSERT INTO servicios (descripcion_servicio, tarifa_servicio, moneda_tarifa, created_at, updated_at)
            VALUES (:desc, :tarifa, :moneda, :now, :now)
            """;
    private static final String COUNT_USERS = """
            SELECT COUNT(*) AS n FROM users
            """;
    /** {@code %s} is a table of {@link DevSeed#WIPE_ORDER}. */
    private static final String WIPE = """
            DELETE FROM %s
            """;
    /** {@code %s} is a table with an AUTO_INCREMENT key. */
    private static final String RESTART_IDS = """
            ALTER TABLE %s AUTO_INCREMENT = 1
            """;
    private static final String SERVER_VERSION = """
            SELECT VERSION() AS v
            """;

    private final DatabaseClient db;
    private final Clock clock;

    SeedRepository(DatabaseClient db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** Returns the user id; an existing account with this e-mail is left as it is. */
    Mono<Integer> user(int personaId, String email, Mono<String> passwordHash, String estado) {
        return db.sql(FIND_USER)
                .bind("email", email)
                .map((row, meta) -> row.get("user_id", Integer.class))
                .one()
                .switchIfEmpty(passwordHash.flatMap(hash -> db.sql(INSERT_USER)
                        .bind("persona", personaId)
                        .bind("hash", hash)
                        .bind("email", email)
                        .bind("estado", estado)
                        .bind("now", now())
                        .filter(statement -> statement.returnGeneratedValues())
                        .map((row, meta) -> ((Number) row.get(0)).intValue())
                        .one()));
    }

    Mono<Void> role(int userId, String role) {
        return insertIfAbsent(COUNT_ROLE, INSERT_ROLE, Binds.values("user", userId, "role", role));
    }

    Mono<Void> empleado(int personaId, String rol) {
        return insertIfAbsent(COUNT_EMPLEADO, INSERT_EMPLEADO, Binds.values("persona", personaId, "rol", rol));
    }

    Mono<Void> medicoExtra(int personaId, String cmp, String especialidad) {
        return insertIfAbsent(COUNT_MEDICO_EXTRA, INSERT_MEDICO_EXTRA,
                Binds.values("persona", personaId, "cmp", cmp, "esp", especialidad));
    }

    Mono<Void> promotorPersona(int personaId, String fuente) {
        return insertIfAbsent(COUNT_PROMOTOR_PERSONA, INSERT_PROMOTOR_PERSONA,
                Binds.values("persona", personaId, "fuente", fuente));
    }

    Mono<Void> promotorEmpresa(String razonSocial, String ruc, String email, String fuente) {
        return insertIfAbsent(COUNT_PROMOTOR_EMPRESA, INSERT_PROMOTOR_EMPRESA,
                Binds.values("razon", razonSocial, "ruc", ruc, "email", email, "fuente", fuente));
    }

    Mono<Void> cliente(int personaId) {
        return insertIfAbsent(COUNT_CLIENTE, INSERT_CLIENTE, Binds.values("persona", personaId));
    }

    Mono<Void> servicio(String descripcion, BigDecimal tarifa, String moneda) {
        return insertIfAbsent(COUNT_SERVICIO, INSERT_SERVICIO,
                Binds.values("desc", descripcion, "tarifa", tarifa, "moneda", moneda));
    }

    Mono<Long> countUsers() {
        return db.sql(COUNT_USERS).map((row, meta) -> row.get("n", Long.class)).one();
    }

    /** Deletes every row of the table. */
    Mono<Void> wipe(String table) {
        return db.sql(WIPE.formatted(table)).then();
    }

    /** DDL: commits implicitly on MySQL, so never inside a transaction that must stay open. */
    Mono<Void> restartIds(String table) {
        return db.sql(RESTART_IDS.formatted(table)).then();
    }

    Mono<String> serverVersion() {
        return db.sql(SERVER_VERSION).map((row, meta) -> row.get("v", String.class)).one();
    }

    /** Runs the insert (with {@code :now} bound) only when the count query finds no row. */
    private Mono<Void> insertIfAbsent(String countSql, String insertSql, Map<String, Object> params) {
        DatabaseClient.GenericExecuteSpec count = db.sql(countSql);
        for (Map.Entry<String, Object> p : params.entrySet()) {
            if (countSql.contains(":" + p.getKey())) {
                count = count.bind(p.getKey(), p.getValue());
            }
        }
        return count.map((row, meta) -> ((Number) row.get(0)).longValue()).one()
                .filter(n -> n == 0)
                .flatMap(n -> {
                    DatabaseClient.GenericExecuteSpec insert = db.sql(insertSql).bind("now", now());
                    for (Map.Entry<String, Object> p : params.entrySet()) {
                        insert = insert.bind(p.getKey(), p.getValue());
                    }
                    return insert.then();
                });
    }

    private LocalDateTime now() {
        return LocalDateTime.now(clock).truncatedTo(ChronoUnit.SECONDS);
    }
}
