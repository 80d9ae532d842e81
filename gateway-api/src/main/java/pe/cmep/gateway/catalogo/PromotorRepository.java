package pe.cmep.gateway.catalogo;

import io.r2dbc.spi.Readable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Reads promotores with the persona of a PERSONA promotor. */
@Repository
class PromotorRepository {

    // The persona is joined only for PERSONA promotors: the persona_* fields belong to that type alone.
    private static final String SELECT = "SELECT pr.promotor_id, pr.tipo_promotor, pr.razon_social, "
            + "pr.nombre_promotor_otros, pr.ruc, pr.email, pr.celular_1, pr.fuente_promotor, pr.comentario, "
            + "p.persona_id, p.nombres, p.apellidos, p.tipo_documento, p.numero_documento "
            + "FROM promotores pr "
            + "LEFT JOIN personas p ON p.persona_id = pr.persona_id AND pr.tipo_promotor = 'PERSONA' ";

    private final DatabaseClient db;

    PromotorRepository(DatabaseClient db) {
        this.db = db;
    }

    Flux<PromotorItem> findAll() {
        return db.sql(SELECT + "ORDER BY pr.promotor_id").map(PromotorRepository::item).all();
    }

    Mono<PromotorItem> find(int promotorId) {
        return db.sql(SELECT + "WHERE pr.promotor_id = :id").bind("id", promotorId).map(PromotorRepository::item).one();
    }

    private static PromotorItem item(Readable row) {
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
}
