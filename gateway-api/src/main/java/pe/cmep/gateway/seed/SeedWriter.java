package pe.cmep.gateway.seed;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
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
        return db.sql("SELECT COUNT(*) AS n FROM user_role WHERE user_id = :user AND user_role = :role")
                .bind("user", userId).bind("role", role)
                .map((row, meta) -> row.get("n", Long.class)).one()
                .filter(n -> n == 0)
                .flatMap(n -> db.sql("INSERT INTO user_role (user_id, user_role, created_at, updated_at) "
                                + "VALUES (:user, :role, :now, :now)")
                        .bind("user", userId).bind("role", role).bind("now", now())
                        .then());
    }

    Mono<Void> empleado(int personaId, String rol) {
        return db.sql("SELECT COUNT(*) AS n FROM empleado WHERE persona_id = :persona AND rol_empleado = :rol")
                .bind("persona", personaId).bind("rol", rol)
                .map((row, meta) -> row.get("n", Long.class)).one()
                .filter(n -> n == 0)
                .flatMap(n -> db.sql("INSERT INTO empleado (persona_id, rol_empleado, estado_empleado, created_at, updated_at) "
                                + "VALUES (:persona, :rol, 'ACTIVO', :now, :now)")
                        .bind("persona", personaId).bind("rol", rol).bind("now", now())
                        .then());
    }

    Mono<Void> medicoExtra(int personaId, String cmp, String especialidad) {
        return db.sql("SELECT COUNT(*) AS n FROM medico_extra WHERE persona_id = :persona")
                .bind("persona", personaId)
                .map((row, meta) -> row.get("n", Long.class)).one()
                .filter(n -> n == 0)
                .flatMap(n -> db.sql("INSERT INTO medico_extra (persona_id, cmp, especialidad, created_at, updated_at) "
                                + "VALUES (:persona, :cmp, :esp, :now, :now)")
                        .bind("persona", personaId).bind("cmp", cmp).bind("esp", especialidad).bind("now", now())
                        .then());
    }

    Mono<Void> promotorPersona(int personaId, String fuente) {
        return db.sql("SELECT COUNT(*) AS n FROM promotores WHERE tipo_promotor = 'PERSONA' AND persona_id = :persona")
                .bind("persona", personaId)
                .map((row, meta) -> row.get("n", Long.class)).one()
                .filter(n -> n == 0)
                .flatMap(n -> db.sql("INSERT INTO promotores (tipo_promotor, persona_id, fuente_promotor, created_at, updated_at) "
                                + "VALUES ('PERSONA', :persona, :fuente, :now, :now)")
                        .bind("persona", personaId).bind("fuente", fuente).bind("now", now())
                        .then());
    }

    Mono<Void> promotorEmpresa(String razonSocial, String ruc, String email, String fuente) {
        return db.sql("SELECT COUNT(*) AS n FROM promotores WHERE tipo_promotor = 'EMPRESA' AND razon_social = :razon")
                .bind("razon", razonSocial)
                .map((row, meta) -> row.get("n", Long.class)).one()
                .filter(n -> n == 0)
                .flatMap(n -> db.sql("INSERT INTO promotores (tipo_promotor, razon_social, ruc, email, fuente_promotor, "
                                + "created_at, updated_at) VALUES ('EMPRESA', :razon, :ruc, :email, :fuente, :now, :now)")
                        .bind("razon", razonSocial).bind("ruc", ruc).bind("email", email).bind("fuente", fuente)
                        .bind("now", now())
                        .then());
    }

    Mono<Void> cliente(int personaId) {
        return db.sql("SELECT COUNT(*) AS n FROM clientes WHERE persona_id = :persona")
                .bind("persona", personaId)
                .map((row, meta) -> row.get("n", Long.class)).one()
                .filter(n -> n == 0)
                .flatMap(n -> db.sql("INSERT INTO clientes (persona_id, estado, created_at, updated_at) "
                                + "VALUES (:persona, 'ACTIVO', :now, :now)")
                        .bind("persona", personaId).bind("now", now())
                        .then());
    }

    Mono<Void> servicio(String descripcion, BigDecimal tarifa, String moneda) {
        return db.sql("SELECT COUNT(*) AS n FROM servicios WHERE descripcion_servicio = :desc")
                .bind("desc", descripcion)
                .map((row, meta) -> row.get("n", Long.class)).one()
                .filter(n -> n == 0)
                .flatMap(n -> db.sql("INSERT INTO servicios (descripcion_servicio, tarifa_servicio, moneda_tarifa, "
                                + "created_at, updated_at) VALUES (:desc, :tarifa, :moneda, :now, :now)")
                        .bind("desc", descripcion).bind("tarifa", tarifa).bind("moneda", moneda).bind("now", now())
                        .then());
    }

    Mono<Long> countUsers() {
        return db.sql("SELECT COUNT(*) AS n FROM users").map((row, meta) -> row.get("n", Long.class)).one();
    }

    private Mono<Integer> insertReturningId(DatabaseClient.GenericExecuteSpec spec, String... nullableNameValues) {
        for (int i = 0; i < nullableNameValues.length; i += 2) {
            String name = nullableNameValues[i];
            String value = nullableNameValues[i + 1];
            spec = value == null ? spec.bindNull(name, String.class) : spec.bind(name, value);
        }
        return spec.filter(statement -> statement.returnGeneratedValues())
                .map((row, meta) -> ((Number) row.get(0)).intValue())
                .one();
    }

    private LocalDateTime now() {
        return LocalDateTime.now(clock).truncatedTo(ChronoUnit.SECONDS);
    }
}
