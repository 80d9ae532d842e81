package pe.cmep.gateway.solicitud;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import pe.cmep.gateway.config.DatabaseErrors;
import pe.cmep.gateway.db.Binds;
import reactor.core.publisher.Mono;

/**
 * Find-or-create of a persona by document (domain.md §5.1 steps 1–2): an existing persona
 * takes every submitted non-empty value that differs, and each such change is returned
 * so the new solicitud's historial can record it (§10 #23, #28).
 */
@Component
class PersonaWriter {

    private final DatabaseClient db;

    PersonaWriter(DatabaseClient db) {
        this.db = db;
    }

    /**
     * Locks only a row that exists: a locking read of an absent document would take a gap lock, and two
     * registrations of new personas landing in the same gap would deadlock on their inserts. An absent
     * persona is inserted directly; if a concurrent request inserted the same document first, the insert
     * waits for it and fails on the unique key, and the now existing row is locked and updated instead.
     *
     * @param campoPrefix {@code cliente} or {@code apoderado}, the prefix of the historial {@code campo}
     */
    Mono<Result> findOrCreate(PersonaInput in, String campoPrefix, int userId, LocalDateTime now) {
        return db.sql("SELECT persona_id FROM personas WHERE tipo_documento = :tipo AND numero_documento = :numero")
                .bind("tipo", in.tipoDocumento())
                .bind("numero", in.numeroDocumento())
                .map((row, meta) -> Rows.integer(row, "persona_id"))
                .one()
                .flatMap(id -> lockExisting(in))
                .flatMap(existing -> update(existing, in, campoPrefix, userId, now))
                .switchIfEmpty(Mono.defer(() -> insert(in, userId, now)
                        .onErrorResume(DatabaseErrors::isDuplicateKey, e -> lockExisting(in)
                                .flatMap(existing -> update(existing, in, campoPrefix, userId, now)))));
    }

    /** The persona with this document, locked for the rest of the transaction; empty when there is none. */
    private Mono<Existing> lockExisting(PersonaInput in) {
        return db.sql("SELECT persona_id, nombres, apellidos, celular_1, email, fecha_nacimiento, direccion "
                        + "FROM personas WHERE tipo_documento = :tipo AND numero_documento = :numero FOR UPDATE")
                .bind("tipo", in.tipoDocumento())
                .bind("numero", in.numeroDocumento())
                .map((row, meta) -> {
                    Map<String, String> current = new LinkedHashMap<>();
                    current.put("nombres", Rows.str(row, "nombres"));
                    current.put("apellidos", Rows.str(row, "apellidos"));
                    current.put("celular_1", Rows.str(row, "celular_1"));
                    current.put("email", Rows.str(row, "email"));
                    current.put("fecha_nacimiento", Formats.date(Rows.date(row, "fecha_nacimiento")));
                    current.put("direccion", Rows.str(row, "direccion"));
                    return new Existing(Rows.integer(row, "persona_id"), current);
                })
                .one();
    }

    private Mono<Result> update(Existing existing, PersonaInput in, String campoPrefix, int userId,
                                LocalDateTime now) {
        Map<String, String> submitted = new LinkedHashMap<>();
        submitted.put("nombres", in.nombres());
        submitted.put("apellidos", in.apellidos());
        submitted.put("celular_1", in.celular());
        submitted.put("email", in.email());
        submitted.put("fecha_nacimiento", Formats.date(in.fechaNacimiento()));
        submitted.put("direccion", in.direccion());
        List<Cambio> cambios = new ArrayList<>();
        Map<String, String> changed = new LinkedHashMap<>();
        submitted.forEach((column, value) -> {
            String old = existing.current().get(column);
            if (value != null && !value.isBlank() && !value.equals(old)) {
                changed.put(column, value);
                cambios.add(Cambio.of(campoPrefix + "." + column, old, value));
            }
        });
        if (changed.isEmpty()) {
            return Mono.just(new Result(existing.personaId(), List.of()));
        }
        StringBuilder sql = new StringBuilder("UPDATE personas SET ");
        changed.keySet().forEach(column -> sql.append(column).append(" = :").append(column).append(", "));
        sql.append("updated_by = :userId, updated_at = :now WHERE persona_id = :id");
        DatabaseClient.GenericExecuteSpec spec = db.sql(sql.toString());
        for (Map.Entry<String, String> e : changed.entrySet()) {
            spec = "fecha_nacimiento".equals(e.getKey())
                    ? spec.bind(e.getKey(), in.fechaNacimiento())
                    : spec.bind(e.getKey(), e.getValue());
        }
        return spec.bind("userId", userId).bind("now", now).bind("id", existing.personaId())
                .then()
                .thenReturn(new Result(existing.personaId(), cambios));
    }

    private Mono<Result> insert(PersonaInput in, int userId, LocalDateTime now) {
        DatabaseClient.GenericExecuteSpec spec = db.sql("INSERT INTO personas (tipo_documento, numero_documento, "
                        + "nombres, apellidos, celular_1, email, fecha_nacimiento, direccion, created_by, created_at, "
                        + "updated_at) VALUES (:tipo, :numero, :nombres, :apellidos, :celular, :email, :nacimiento, "
                        + ":direccion, :userId, :now, :now)")
                .bind("tipo", in.tipoDocumento())
                .bind("numero", in.numeroDocumento())
                .bind("nombres", in.nombres())
                .bind("apellidos", in.apellidos())
                .bind("userId", userId)
                .bind("now", now);
        spec = Binds.nullable(spec, "celular", in.celular());
        spec = Binds.nullable(spec, "email", in.email());
        spec = in.fechaNacimiento() == null ? spec.bindNull("nacimiento", java.time.LocalDate.class)
                : spec.bind("nacimiento", in.fechaNacimiento());
        spec = Binds.nullable(spec, "direccion", in.direccion());
        return spec.filter(s -> s.returnGeneratedValues("persona_id"))
                .map((row, meta) -> ((Number) row.get(0)).intValue())
                .one()
                .map(id -> new Result(id, List.of()));
    }

    record Result(int personaId, List<Cambio> cambios) {
    }

    private record Existing(int personaId, Map<String, String> current) {
    }
}
