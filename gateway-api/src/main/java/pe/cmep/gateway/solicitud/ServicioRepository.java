package pe.cmep.gateway.solicitud;

import java.math.BigDecimal;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

/** The servicio a solicitud names: whether it exists, and the tariff a registration copies. */
@Repository
class ServicioRepository {

    private static final String TARIFA = """
            SELECT tarifa_servicio, moneda_tarifa FROM servicios WHERE servicio_id = :id
            """;

    private final DatabaseClient db;

    ServicioRepository(DatabaseClient db) {
        this.db = db;
    }

    /** Empty when there is no such servicio. */
    Mono<Tarifa> tarifa(int servicioId) {
        return db.sql(TARIFA).bind("id", servicioId)
                .map((row, meta) -> new Tarifa(Rows.decimal(row, "tarifa_servicio"), Rows.str(row, "moneda_tarifa")))
                .one();
    }

    record Tarifa(BigDecimal monto, String moneda) {
    }
}
