package pe.cmep.gateway.catalogo;

import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import pe.cmep.gateway.config.DatabaseErrors;
import pe.cmep.gateway.db.Binds;
import reactor.core.publisher.Mono;

/**
 * Creates a promotor as api.md §7.7 / domain.md §5.13 say: a PERSONA promotor finds or
 * creates its persona (by document when both document fields are given, otherwise always a
 * new persona); razon_social is kept only for EMPRESA, nombre_promotor_otros only for OTROS.
 */
@Component
public class PromotorWriter {

    private final DatabaseClient db;

    public PromotorWriter(DatabaseClient db) {
        this.db = db;
    }

    /** Returns the new promotor id; runs in the caller's transaction. */
    public Mono<Integer> create(PromotorInput in, int userId, LocalDateTime now) {
        Mono<Integer> persona = "PERSONA".equals(in.tipoPromotor()) ? persona(in, userId, now) : Mono.just(0);
        return persona.flatMap(personaId -> insert(in, personaId == 0 ? null : personaId, userId, now));
    }

    private Mono<Integer> persona(PromotorInput in, int userId, LocalDateTime now) {
        Mono<Integer> created = Mono.defer(() -> insertReturningId("INSERT INTO personas (tipo_documento, "
                        + "numero_documento, nombres, apellidos, celular_1, email, created_by, created_at, updated_at) "
                        + "VALUES (:tipo, :numero, :nombres, :apellidos, :celular, :email, :userId, :now, :now)",
                Binds.values("tipo", in.hasDocument() ? in.tipoDocumento() : null,
                        "numero", in.hasDocument() ? in.numeroDocumento() : null,
                        "nombres", in.nombres(), "apellidos", in.apellidos(), "celular", in.celular1(),
                        "email", in.email(), "userId", userId, "now", now)));
        if (!in.hasDocument()) {
            return created;
        }
        // as PersonaWriter: lock only a row that exists (no gap locks), and on losing the race for a new
        // document to a concurrent insert, take the row that insert created
        return db.sql("SELECT persona_id FROM personas WHERE tipo_documento = :tipo AND numero_documento = :numero")
                .bind("tipo", in.tipoDocumento())
                .bind("numero", in.numeroDocumento())
                .map((row, meta) -> row.get("persona_id", Integer.class))
                .one()
                .flatMap(id -> lockedPersona(in))
                .flatMap(current -> updateDiffering(current, in, userId, now))
                .switchIfEmpty(created.onErrorResume(DatabaseErrors::isDuplicateKey, e -> lockedPersona(in)
                        .flatMap(current -> updateDiffering(current, in, userId, now))));
    }

    private Mono<Map<String, Object>> lockedPersona(PromotorInput in) {
        return db.sql("SELECT persona_id, nombres, apellidos, celular_1, email FROM personas "
                        + "WHERE tipo_documento = :tipo AND numero_documento = :numero FOR UPDATE")
                .bind("tipo", in.tipoDocumento())
                .bind("numero", in.numeroDocumento())
                .map((row, meta) -> {
                    Map<String, Object> current = new LinkedHashMap<>();
                    current.put("persona_id", row.get("persona_id", Integer.class));
                    current.put("nombres", row.get("nombres", String.class));
                    current.put("apellidos", row.get("apellidos", String.class));
                    current.put("celular_1", row.get("celular_1", String.class));
                    current.put("email", row.get("email", String.class));
                    return current;
                })
                .one();
    }

    private Mono<Integer> updateDiffering(Map<String, Object> current, PromotorInput in, int userId,
                                          LocalDateTime now) {
        int personaId = (Integer) current.get("persona_id");
        Map<String, Object> changed = new LinkedHashMap<>();
        Map<String, String> submitted = new LinkedHashMap<>();
        submitted.put("nombres", in.nombres());
        submitted.put("apellidos", in.apellidos());
        submitted.put("celular_1", in.celular1());
        submitted.put("email", in.email());
        submitted.forEach((column, value) -> {
            if (value != null && !value.equals(current.get(column))) {
                changed.put(column, value);
            }
        });
        if (changed.isEmpty()) {
            return Mono.just(personaId);
        }
        StringBuilder sql = new StringBuilder("UPDATE personas SET ");
        changed.keySet().forEach(c -> sql.append(c).append(" = :").append(c).append(", "));
        sql.append("updated_by = :userId, updated_at = :now WHERE persona_id = :id");
        changed.put("userId", userId);
        changed.put("now", now);
        changed.put("id", personaId);
        return Binds.all(db.sql(sql.toString()), changed).then().thenReturn(personaId);
    }

    private Mono<Integer> insert(PromotorInput in, Integer personaId, int userId, LocalDateTime now) {
        return insertReturningId("INSERT INTO promotores (tipo_promotor, fuente_promotor, persona_id, razon_social, "
                        + "nombre_promotor_otros, ruc, email, celular_1, comentario, created_by, created_at, updated_at) "
                        + "VALUES (:tipo, :fuente, :persona, :razon, :otros, :ruc, :email, :celular, :comentario, "
                        + ":userId, :now, :now)",
                Binds.values("tipo", in.tipoPromotor(), "fuente", in.fuentePromotor(), "persona", personaId,
                        "razon", "EMPRESA".equals(in.tipoPromotor()) ? in.razonSocial() : null,
                        "otros", "OTROS".equals(in.tipoPromotor()) ? in.nombrePromotorOtros() : null,
                        "ruc", in.ruc(), "email", in.email(), "celular", in.celular1(),
                        "comentario", in.comentario(), "userId", userId, "now", now));
    }

    private Mono<Integer> insertReturningId(String sql, Map<String, Object> values) {
        return Binds.all(db.sql(sql), values)
                .filter(s -> s.returnGeneratedValues())
                .map((row, meta) -> ((Number) row.get(0)).intValue())
                .one();
    }


}
