package pe.cmep.gateway.persona;

import io.r2dbc.spi.Row;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import pe.cmep.gateway.config.DatabaseErrors;
import pe.cmep.gateway.db.Binds;
import reactor.core.publisher.Mono;

/**
 * The one writer of {@code personas}. Its rule, used by every caller that submits a persona (registration,
 * promotor, admin user creation, seeds): {@link #upsert} finds the persona by document or creates it; an existing
 * persona takes every submitted non-blank value that differs from the stored one, and each such change is
 * returned ready for a historial (domain.md §5.1 steps 1–2, §10 #23, #28); a blank or absent value never erases
 * a stored one. A persona without document is always a new row (§5.13).
 * <p>
 * Three narrower writes serve contracts the rule cannot express: {@link #update}, the explicit edit of a known
 * persona (admin's PATCH of a user, a promotor's PATCH: every non-null field is written as given),
 * {@link #replace}, a solicitud's PATCH of its cliente or apoderado (each named field as given, null clears it,
 * api.md §7.4), and {@link #completeEmail}, admin user creation's "the login e-mail only if the persona had
 * none" (§6.4).
 */
@Repository
public class PersonaRepository {

    private static final String FIND_ID = """
            SELECT persona_id FROM personas WHERE tipo_documento = :tipo AND numero_documento = :numero
            """;
    private static final String LOCK = """
            SELECT persona_id, tipo_documento, numero_documento, nombres, apellidos, celular_1, email,
                   fecha_nacimiento, direccion
            FROM personas WHERE tipo_documento = :tipo AND numero_documento = :numero FOR UPDATE
            """;
    private static final String LOCK_BY_ID = """
            SELECT persona_id, tipo_documento, numero_documento, nombres, apellidos, celular_1, email,
                   fecha_nacimiento, direccion
            FROM personas WHERE persona_id = :id FOR UPDATE
            """;
    private static final String INSERT = """
            INSERT INTO personas (tipo_documento, numero_documento, nombres, apellidos, celular_1, email,
                                  fecha_nacimiento, direccion, created_by, created_at, updated_at)
            VALUES (:tipo, :numero, :nombres, :apellidos, :celular, :email, :nacimiento, :direccion, :userId,
                    :now, :now)
            """;
    /** {@code %s} is the list of {@code column = :column,} assignments. */
    private static final String UPDATE = """
            UPDATE personas SET %s updated_by = :userId, updated_at = :now WHERE persona_id = :id
            """;
    private static final String COMPLETE_EMAIL = """
            UPDATE personas SET email = :email, updated_by = :userId, updated_at = :now
            WHERE persona_id = :id AND (email IS NULL OR TRIM(email) = '')
            """;

    private final DatabaseClient db;

    public PersonaRepository(DatabaseClient db) {
        this.db = db;
    }

    /**
     * Locks only a row that exists: a locking read of an absent document would take a gap lock, and two
     * registrations of new personas landing in the same gap would deadlock on their inserts. An absent
     * persona is inserted directly; if a concurrent request inserted the same document first, the insert
     * waits for it and fails on the unique key, and the now existing row is locked and updated instead.
     * Runs in the caller's transaction.
     *
     * @param userId the writer, {@code null} for seed rows (domain.md §9.1)
     */
    public Mono<PersonaGuardada> upsert(PersonaDatos datos, Integer userId, LocalDateTime now) {
        Mono<PersonaGuardada> created = Mono.defer(() -> insert(datos, userId, now))
                .map(id -> new PersonaGuardada(id, List.of()));
        if (!datos.hasDocument()) {
            return created;
        }
        return findId(datos.tipoDocumento(), datos.numeroDocumento())
                .flatMap(id -> lock(datos))
                .flatMap(existing -> takeDiffering(existing, datos, userId, now))
                .switchIfEmpty(created.onErrorResume(DatabaseErrors::isDuplicateKey, e -> lock(datos)
                        .flatMap(existing -> takeDiffering(existing, datos, userId, now))));
    }

    /** The id of the persona with this document, without locking it; empty when there is none. */
    public Mono<Integer> findId(String tipoDocumento, String numeroDocumento) {
        return db.sql(FIND_ID)
                .bind("tipo", tipoDocumento)
                .bind("numero", numeroDocumento)
                .map((row, meta) -> row.get("persona_id", Integer.class))
                .one();
    }

    /** Writes every non-null field of the edit; returns the columns written (none: nothing is written). */
    public Mono<List<String>> update(int personaId, PersonaEdicion edicion, int userId, LocalDateTime now) {
        List<Valor> valores = new ArrayList<>();
        add(valores, "nombres", edicion.nombres());
        add(valores, "apellidos", edicion.apellidos());
        add(valores, "celular_1", edicion.celular1());
        add(valores, "email", edicion.email());
        add(valores, "celular_2", edicion.celular2());
        add(valores, "telefono_fijo", edicion.telefonoFijo());
        add(valores, "fecha_nacimiento", edicion.fechaNacimiento());
        add(valores, "direccion", edicion.direccion());
        add(valores, "tipo_documento", edicion.tipoDocumento());
        add(valores, "numero_documento", edicion.numeroDocumento());
        add(valores, "comentario", edicion.comentario());
        List<String> columns = valores.stream().map(Valor::columna).toList();
        return write(personaId, valores, userId, now).thenReturn(columns);
    }

    /**
     * The persona, locked for the rest of the transaction: a concurrent edit of the same persona through another
     * solicitud waits, so each historial row's old value is the value it really replaced.
     */
    public Mono<PersonaBloqueada> lock(int personaId) {
        return db.sql(LOCK_BY_ID).bind("id", personaId)
                .map((row, meta) -> {
                    Existente e = Existente.of(row);
                    return new PersonaBloqueada(e.personaId(), e.datos());
                })
                .one();
    }

    /** Sets each named column (nombres, apellidos, celular_1, email, fecha_nacimiento, direccion) as given. */
    public Mono<Void> replace(int personaId, Map<String, Object> columnas, int userId, LocalDateTime now) {
        List<Valor> valores = new ArrayList<>();
        columnas.forEach((columna, valor) -> valores.add(new Valor(CampoPersona.of(columna).columna(), valor)));
        return write(personaId, valores, userId, now);
    }

    /** Sets the persona's e-mail only when it has none. */
    public Mono<Void> completeEmail(int personaId, String email, int userId, LocalDateTime now) {
        return db.sql(COMPLETE_EMAIL)
                .bind("email", email).bind("userId", userId).bind("now", now).bind("id", personaId)
                .then();
    }

    /** The persona with this document, locked for the rest of the transaction; empty when there is none. */
    private Mono<Existente> lock(PersonaDatos datos) {
        return db.sql(LOCK)
                .bind("tipo", datos.tipoDocumento())
                .bind("numero", datos.numeroDocumento())
                .map((row, meta) -> Existente.of(row))
                .one();
    }

    private Mono<PersonaGuardada> takeDiffering(Existente existing, PersonaDatos submitted, Integer userId,
                                                LocalDateTime now) {
        List<Valor> valores = new ArrayList<>();
        List<PersonaCambio> cambios = new ArrayList<>();
        for (CampoPersona campo : CampoPersona.values()) {
            String nuevo = campo.text(submitted);
            String anterior = campo.text(existing.datos());
            if (nuevo != null && !nuevo.isBlank() && !nuevo.equals(anterior)) {
                valores.add(new Valor(campo.columna(), campo.valor(submitted)));
                cambios.add(new PersonaCambio(campo.columna(), anterior, nuevo));
            }
        }
        return write(existing.personaId(), valores, userId, now)
                .thenReturn(new PersonaGuardada(existing.personaId(), List.copyOf(cambios)));
    }

    private Mono<Void> write(int personaId, List<Valor> valores, Integer userId, LocalDateTime now) {
        if (valores.isEmpty()) {
            return Mono.empty();
        }
        StringBuilder assignments = new StringBuilder();
        valores.forEach(v -> assignments.append(v.columna()).append(" = :").append(v.columna()).append(", "));
        DatabaseClient.GenericExecuteSpec spec = db.sql(UPDATE.formatted(assignments));
        for (Valor v : valores) {
            spec = Binds.nullable(spec, v.columna(), v.valor(),
                    "fecha_nacimiento".equals(v.columna()) ? LocalDate.class : String.class);
        }
        return Binds.nullable(spec, "userId", userId, Integer.class).bind("now", now).bind("id", personaId).then();
    }

    private Mono<Integer> insert(PersonaDatos datos, Integer userId, LocalDateTime now) {
        DatabaseClient.GenericExecuteSpec spec = db.sql(INSERT)
                .bind("nombres", datos.nombres())
                .bind("apellidos", datos.apellidos())
                .bind("now", now);
        spec = Binds.nullable(spec, "tipo", datos.tipoDocumento());
        spec = Binds.nullable(spec, "numero", datos.numeroDocumento());
        spec = Binds.nullable(spec, "celular", datos.celular());
        spec = Binds.nullable(spec, "email", datos.email());
        spec = Binds.nullable(spec, "nacimiento", datos.fechaNacimiento(), LocalDate.class);
        spec = Binds.nullable(spec, "direccion", datos.direccion());
        spec = Binds.nullable(spec, "userId", userId, Integer.class);
        return spec.filter(s -> s.returnGeneratedValues("persona_id"))
                .map((row, meta) -> ((Number) row.get(0)).intValue())
                .one();
    }

    private static void add(List<Valor> valores, String columna, Object valor) {
        if (valor != null) {
            valores.add(new Valor(columna, valor));
        }
    }

    private record Valor(String columna, Object valor) {
    }

    private record Existente(int personaId, PersonaDatos datos) {

        static Existente of(Row row) {
            return new Existente(row.get("persona_id", Integer.class), new PersonaDatos(
                    row.get("tipo_documento", String.class), row.get("numero_documento", String.class),
                    row.get("nombres", String.class), row.get("apellidos", String.class),
                    row.get("celular_1", String.class), row.get("email", String.class),
                    row.get("fecha_nacimiento", LocalDate.class), row.get("direccion", String.class)));
        }
    }
}
