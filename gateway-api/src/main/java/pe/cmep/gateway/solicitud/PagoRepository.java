package pe.cmep.gateway.solicitud;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import pe.cmep.gateway.db.Binds;
import reactor.core.publisher.Mono;

/** pago_solicitud rows: a payment is validated on entry by whoever registers it (domain.md §5.4). */
@Repository
class PagoRepository {

    private static final String INSERTAR = """
            INSERT INTO pago_solicitud (solicitud_id, canal_pago, fecha_pago, monto, moneda, referencia_transaccion,
                comentario, validated_by, validated_at, created_by, created_at, updated_at)
            VALUES (:id, :canal, :fecha, :monto, :moneda, :ref, :comentario, :userId, :now, :userId, :now, :now)
            """;

    private final DatabaseClient db;

    PagoRepository(DatabaseClient db) {
        this.db = db;
    }

    /** @return the new pago_id */
    Mono<Integer> insertar(int solicitudId, PagoInput pago, Actor actor) {
        DatabaseClient.GenericExecuteSpec insert = db.sql(INSERTAR)
                .bind("id", solicitudId).bind("canal", pago.canalPago()).bind("fecha", pago.fechaPago())
                .bind("monto", pago.monto()).bind("moneda", pago.moneda())
                .bind("userId", actor.userId()).bind("now", actor.ahora());
        insert = Binds.nullable(insert, "ref", pago.referenciaTransaccion());
        insert = Binds.nullable(insert, "comentario", pago.comentario());
        return insert.filter(st -> st.returnGeneratedValues("pago_id"))
                .map((row, meta) -> ((Number) row.get(0)).intValue())
                .one();
    }
}
