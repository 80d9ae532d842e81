package pe.cmep.gateway.catalogo;

import io.r2dbc.spi.Row;
import java.time.LocalDateTime;
import java.util.Map;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import pe.cmep.gateway.db.Binds;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The {@code promotores} rows, read with the persona of a PERSONA promotor. */
@Repository
class PromotorRepository {

    // The persona is joined only for PERSONA promotors: the persona_* fields belong to that type alone.
    private static final String SELECT = """
            SELECT pr.promotor_id, pr.tipo_promotor, pr.razon_social, pr.nombre_promotor_otros, pr.ruc, pr.email,
                   pr.celular_1, pr.fuente_promotor, pr.comentario,
                   p.persona_id, p.nombres, p.apellidos, p.tipo_documento, p.numero_documento
            FROM promotores pr
            LEFT JOIN personas p ON p.persona_id = pr.persona_id AND pr.tipo_promotor = 'PERSONA'
            """;
    private static final String INSERT = """
            INSERT INTO promotores (tipo_promotor, fuente_promotor, persona_id, razon_social, nombre_promotor_otros,
                                    ruc, email, celular_1, comentario, created_by, created_at, updated_at)
            VALUES (:tipo, :fuente, :persona, :razon, :otros, :ruc, :email, :celular, :comentario, :userId, :now,
                    :now)
            """;
    private static final String LOCK = """
            SELECT tipo_promotor, persona_id FROM promotores WHERE promotor_id = :id FOR UPDATE
            """;
    /** {@code %s} is the list of {@code column = :column,} assignments. */
    private static final String UPDATE = """
            UPDATE promotores SET %s updated_by = :userId, updated_at = :now WHERE promotor_id = :id
            """;
    private static final String COUNT_SOLICITUDES = """
            SELECT COUNT(*) FROM solicitud_cmep WHERE promotor_id = :id
            """;
    private static final String DELETE = """
            DELETE FROM promotores WHERE promotor_id = :id
            """;

    private final DatabaseClient db;

    PromotorRepository(DatabaseClient db) {
        this.db = db;
    }

    Flux<PromotorItem> findAll() {
        return db.sql(SELECT + "ORDER BY pr.promotor_id").map((row, meta) -> item(row)).all();
    }

    Mono<PromotorItem> find(int promotorId) {
        return db.sql(SELECT + "WHERE pr.promotor_id = :id").bind("id", promotorId)
                .map((row, meta) -> item(row)).one();
    }

    /**
     * Returns the new promotor id: razon_social is kept only for EMPRESA, nombre_promotor_otros only for OTROS
     * (domain.md §5.13).
     */
    Mono<Integer> insert(PromotorInput in, Integer personaId, int userId, LocalDateTime now) {
        return Binds.all(db.sql(INSERT), Binds.values("tipo", in.tipoPromotor(), "fuente", in.fuentePromotor(),
                        "persona", personaId,
                        "razon", "EMPRESA".equals(in.tipoPromotor()) ? in.razonSocial() : null,
                        "otros", "OTROS".equals(in.tipoPromotor()) ? in.nombrePromotorOtros() : null,
                        "ruc", in.ruc(), "email", in.email(), "celular", in.celular1(),
                        "comentario", in.comentario(), "userId", userId, "now", now))
                .filter(s -> s.returnGeneratedValues())
                .map((row, meta) -> ((Number) row.get(0)).intValue())
                .one();
    }

    /** The promotor's type and persona, locked for the rest of the transaction; empty when it does not exist. */
    Mono<Bloqueado> lock(int promotorId) {
        return db.sql(LOCK).bind("id", promotorId).map((row, meta) -> Bloqueado.of(row)).one();
    }

    /** Writes the given promotor columns (a null clears one). */
    Mono<Void> update(int promotorId, Map<String, String> columns, int userId, LocalDateTime now) {
        StringBuilder assignments = new StringBuilder();
        columns.keySet().forEach(c -> assignments.append(c).append(" = :").append(c).append(", "));
        return Binds.all(db.sql(UPDATE.formatted(assignments)), columns)
                .bind("userId", userId).bind("now", now).bind("id", promotorId)
                .then();
    }

    Mono<Long> countSolicitudes(int promotorId) {
        return db.sql(COUNT_SOLICITUDES).bind("id", promotorId)
                .map((row, meta) -> ((Number) row.get(0)).longValue())
                .one();
    }

    Mono<Void> delete(int promotorId) {
        return db.sql(DELETE).bind("id", promotorId).then();
    }

    private static PromotorItem item(Row row) {
        String tipo = row.get("tipo_promotor", String.class);
        String razonSocial = row.get("razon_social", String.class);
        String otros = row.get("nombre_promotor_otros", String.class);
        String fuente = row.get("fuente_promotor", String.class);
        String nombres = row.get("nombres", String.class);
        String apellidos = row.get("apellidos", String.class);
        return new PromotorItem(row.get("promotor_id", Integer.class), tipo,
                PromotorSummary.nombre(tipo, nombres, apellidos, razonSocial, otros, fuente),
                razonSocial, otros, row.get("ruc", String.class), row.get("email", String.class),
                row.get("celular_1", String.class), fuente, row.get("comentario", String.class),
                row.get("persona_id", Integer.class), nombres, apellidos, row.get("tipo_documento", String.class),
                row.get("numero_documento", String.class));
    }

    /** A promotor locked for an edit or a delete; {@code personaId} is null when it has no persona. */
    record Bloqueado(String tipoPromotor, Integer personaId) {

        static Bloqueado of(Row row) {
            return new Bloqueado(row.get("tipo_promotor", String.class), row.get("persona_id", Integer.class));
        }

        boolean isPersona() {
            return "PERSONA".equals(tipoPromotor) && personaId != null;
        }
    }
}
