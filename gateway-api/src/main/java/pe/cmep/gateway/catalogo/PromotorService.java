package pe.cmep.gateway.catalogo;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import pe.cmep.gateway.config.DatabaseErrors;
import pe.cmep.gateway.db.Binds;
import pe.cmep.gateway.web.ApiException;
import reactor.core.publisher.Mono;

/** Create, edit and delete of promotores (api.md §7.7, domain.md §5.13). */
@Service
class PromotorService {

    private final DatabaseClient db;
    private final PromotorWriter writer;
    private final PromotorRepository promotores;
    private final TransactionalOperator tx;
    private final Clock clock;

    PromotorService(DatabaseClient db, PromotorWriter writer, PromotorRepository promotores,
                    TransactionalOperator tx, Clock clock) {
        this.db = db;
        this.writer = writer;
        this.promotores = promotores;
        this.tx = tx;
        this.clock = clock;
    }

    Mono<PromotorItem> create(PromotorInput in, int userId) {
        return Mono.defer(() -> writer.create(in, userId, now()))
                .as(tx::transactional)
                .flatMap(promotores::find);
    }

    Mono<PromotorItem> update(int promotorId, PromotorPatch patch, int userId) {
        return Mono.defer(() -> {
                    LocalDateTime now = now();
                    return locked(promotorId)
                            .switchIfEmpty(Mono.error(() -> ApiException.notFound("Promotor no encontrado")))
                            .flatMap(row -> updatePromotor(promotorId, patch, userId, now)
                                    .then(updatePersona(row, patch, userId, now)));
                })
                .as(tx::transactional)
                .then(Mono.defer(() -> promotores.find(promotorId)))
                .switchIfEmpty(Mono.error(() -> ApiException.notFound("Promotor no encontrado")));
    }

    Mono<Void> delete(int promotorId) {
        return locked(promotorId)
                .switchIfEmpty(Mono.error(() -> ApiException.notFound("Promotor no encontrado")))
                .flatMap(row -> solicitudes(promotorId))
                .flatMap(n -> n > 0 ? Mono.error(inUse(n))
                        : db.sql("DELETE FROM promotores WHERE promotor_id = :id").bind("id", promotorId).then())
                .as(tx::transactional)
                // a solicitud registered between the count and the delete: the foreign key refuses it
                .onErrorResume(DatabaseErrors::isForeignKeyViolation,
                        e -> solicitudes(promotorId).flatMap(n -> Mono.error(inUse(Math.max(n, 1)))));
    }

    private static ApiException inUse(long n) {
        return ApiException.conflict("No se puede eliminar: el promotor tiene " + n + " solicitud(es) vinculada(s)");
    }

    private Mono<Long> solicitudes(int promotorId) {
        return db.sql("SELECT COUNT(*) FROM solicitud_cmep WHERE promotor_id = :id")
                .bind("id", promotorId)
                .map((row, meta) -> ((Number) row.get(0)).longValue())
                .one();
    }

    /** The promotor's type and persona, locked for the rest of the transaction; empty when it does not exist. */
    private Mono<Map<String, Object>> locked(int promotorId) {
        return db.sql("SELECT tipo_promotor, persona_id FROM promotores WHERE promotor_id = :id FOR UPDATE")
                .bind("id", promotorId)
                .map((row, meta) -> {
                    Map<String, Object> values = new LinkedHashMap<>();
                    values.put("tipo_promotor", row.get("tipo_promotor", String.class));
                    values.put("persona_id", row.get("persona_id", Integer.class));
                    return values;
                })
                .one();
    }

    private Mono<Void> updatePromotor(int promotorId, PromotorPatch patch, int userId, LocalDateTime now) {
        StringBuilder sql = new StringBuilder("UPDATE promotores SET ");
        patch.columns().keySet().forEach(c -> sql.append(c).append(" = :").append(c).append(", "));
        sql.append("updated_by = :userId, updated_at = :now WHERE promotor_id = :id");
        return Binds.all(db.sql(sql.toString()), patch.columns()).bind("userId", userId).bind("now", now).bind("id", promotorId).then();
    }

    private Mono<Void> updatePersona(Map<String, Object> promotor, PromotorPatch patch, int userId,
                                     LocalDateTime now) {
        Integer personaId = (Integer) promotor.get("persona_id");
        if (!"PERSONA".equals(promotor.get("tipo_promotor")) || personaId == null
                || (patch.nombres() == null && patch.apellidos() == null)) {
            return Mono.empty();
        }
        StringBuilder sql = new StringBuilder("UPDATE personas SET ");
        if (patch.nombres() != null) {
            sql.append("nombres = :nombres, ");
        }
        if (patch.apellidos() != null) {
            sql.append("apellidos = :apellidos, ");
        }
        sql.append("updated_by = :userId, updated_at = :now WHERE persona_id = :id");
        DatabaseClient.GenericExecuteSpec spec = db.sql(sql.toString());
        if (patch.nombres() != null) {
            spec = spec.bind("nombres", patch.nombres());
        }
        if (patch.apellidos() != null) {
            spec = spec.bind("apellidos", patch.apellidos());
        }
        return spec.bind("userId", userId).bind("now", now).bind("id", personaId).then();
    }

    private LocalDateTime now() {
        return LocalDateTime.now(clock).truncatedTo(ChronoUnit.SECONDS);
    }
}
