package pe.cmep.gateway.seed;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import pe.cmep.gateway.db.Binds;
import reactor.core.publisher.Mono;

/**
 * Find-or-insert of the rows the seeds need, each keyed by its natural key, so a seed
 * can run any number of times and only ever adds what is missing. Seed rows have
 * {@code created_by = NULL} (domain.md §9.1).
 */
@Component
class SeedWriter {

    private final DatabaseClient db;
    private final Clock clock;

    SeedWriter(DatabaseClient db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    Mono<Integer> persona(String tipoDocumento, String numeroDocumento, String nombres, String apellidos,
                          String email, String celular) {
        return db.sql("SELECT persona_id FROM personas WHERE tipo_documento = :tipo AND numero_documento = :numero")
                .bind("tipo", tipoDocumento)
                .bind("numero", numeroDocumento)
                .map((row, meta) -> row.get("persona_id", Integer.class))
                .one()
                .switchIfEmpty(insertReturningId(db.sql("INSERT INTO personas (tipo_documento, numero_documento, "
                                + "nombres, apellidos, email, celular_1, created_at, updated_at) "
                                + "VALUES (:tipo, :numero, :nombres, :apellidos, :email, :celular, :now, :now)")
                        .bind("tipo", tipoDocumento)
                        .bind("numero", numeroDocumento)
                        .bind("nombres", nombres)
                        .bind("apellidos", apellidos)
                        .bind("now", now()), "email", email, "celular", celular));
    }

    /** Returns the user id; an existing account with this e-mail is left as it is. */
    Mono<Integer> user(int personaId, String email, Mono<String> passwordHash, String estado) {
        return db.sql("SELECT user_id FROM users WHERE user_email = :email")
                .bind("email", email)
                .map((row, meta) -> row.get("user_id", Integer.class))
                .one()
                .switchIfEmpty(passwordHash.flatMap(hash -> insertReturningId(db.sql(
                                "INSERT INTO users (persona_id, password_hash, user_email, estado, created_at, updated_at) "
                                        + "VALUES (:persona, :hash, :email, :estado, :now, :now)")
                        .bind("persona", personaId)
                        .bind("hash", hash)
                        .bind("email", email)
                        .bind("estado", estado)
                        .bind("now", now()))));
    }

    Mono<Void> role(int userId, String role) {
        return insertIfAbsent("SELECT COUNT(*) FROM user_role WHERE user_id = :user AND user_role = :role",
                "INSERT INTO user_role (user_id, user_role, created_at, updated_at) VALUES (:user, :role, :now, :now)",
                Binds.values("user", userId, "role", role));
    }

    Mono<Void> empleado(int personaId, String rol) {
        return insertIfAbsent("SELECT COUNT(*) FROM empleado WHERE persona_id = :persona AND rol_empleado = :rol",
                "INSERT INTO empleado (persona_id, rol_empleado, estado_empleado, created_at, updated_at) "
                        + "VALUES (:persona, :rol, 'ACTIVO', :now, :now)",
                Binds.values("persona", personaId, "rol", rol));
    }

    Mono<Void> medicoExtra(int personaId, String cmp, String especialidad) {
        return insertIfAbsent("SELECT COUNT(*) FROM medico_extra WHERE persona_id = :persona",
                "INSERT INTO medico_extra (persona_id, cmp, especialidad, created_at, updated_at) "
                        + "VALUES (:persona, :cmp, :esp, :now, :now)",
                Binds.values("persona", personaId, "cmp", cmp, "esp", especialidad));
    }

    Mono<Void> promotorPersona(int personaId, String fuente) {
        return insertIfAbsent("SELECT COUNT(*) FROM promotores WHERE tipo_promotor = 'PERSONA' AND persona_id = :persona",
                "INSERT INTO promotores (tipo_promotor, persona_id, fuente_promotor, created_at, updated_at) "
                        + "VALUES ('PERSONA', :persona, :fuente, :now, :now)",
                Binds.values("persona", personaId, "fuente", fuente));
    }

    Mono<Void> promotorEmpresa(String razonSocial, String ruc, String email, String fuente) {
        return insertIfAbsent("SELECT COUNT(*) FROM promotores WHERE tipo_promotor = 'EMPRESA' AND razon_social = :razon",
                "INSERT INTO promotores (tipo_promotor, razon_social, ruc, email, fuente_promotor, created_at, updated_at) "
                        + "VALUES ('EMPRESA', :razon, :ruc, :email, :fuente, :now, :now)",
                Binds.values("razon", razonSocial, "ruc", ruc, "email", email, "fuente", fuente));
    }

    Mono<Void> cliente(int personaId) {
        return insertIfAbsent("SELECT COUNT(*) FROM clientes WHERE persona_id = :persona",
                "INSERT INTO clientes (persona_id, estado, created_at, updated_at) VALUES (:persona, 'ACTIVO', :now, :now)",
                Binds.values("persona", personaId));
    }

    Mono<Void> servicio(String descripcion, BigDecimal tarifa, String moneda) {
        return insertIfAbsent("SELECT COUNT(*) FROM servicios WHERE descripcion_servicio = :desc",
                "INSERT INTO servicios (descripcion_servicio, tarifa_servicio, moneda_tarifa, created_at, updated_at) "
                        + "VALUES (:desc, :tarifa, :moneda, :now, :now)",
                Binds.values("desc", descripcion, "tarifa", tarifa, "moneda", moneda));
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


    Mono<Long> countUsers() {
        return db.sql("SELECT COUNT(*) AS n FROM users").map((row, meta) -> row.get("n", Long.class)).one();
    }

    private Mono<Integer> insertReturningId(DatabaseClient.GenericExecuteSpec spec, String... nullableNameValues) {
        for (int i = 0; i < nullableNameValues.length; i += 2) {
            String name = nullableNameValues[i];
            String value = nullableNameValues[i + 1];
            spec = Binds.nullable(spec, name, value);
        }
        return spec.filter(statement -> statement.returnGeneratedValues())
                .map((row, meta) -> ((Number) row.get(0)).intValue())
                .one();
    }

    private LocalDateTime now() {
        return LocalDateTime.now(clock).truncatedTo(ChronoUnit.SECONDS);
    }
}
