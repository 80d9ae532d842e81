package pe.cmep.gateway.solicitud;

import java.math.BigDecimal;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import pe.cmep.gateway.db.Binds;
import reactor.core.publisher.Mono;

/** The rows a registration writes besides personas and promotores (domain.md §5.1). */
@Repository
class RegistroRepository {

    // shared lock: a concurrent DELETE /promotores waits for this registration instead of racing it
    private static final String PROMOTOR_BLOQUEADO = """
            SELECT COUNT(*) AS n FROM promotores WHERE promotor_id = :id LOCK IN SHARE MODE
            """;
    // a plain insert that leaves an existing row as it is: an INSERT … SELECT … WHERE NOT EXISTS would read
    // clientes with a shared next-key lock, and two registrations of new clientes would deadlock in that gap
    private static final String ASEGURAR_CLIENTE = """
            INSERT INTO clientes (persona_id, estado, created_by, created_at, updated_at)
            VALUES (:id, 'ACTIVO', :userId, :now, :now) ON DUPLICATE KEY UPDATE persona_id = persona_id
            """;
    private static final String INSERTAR = """
            INSERT INTO solicitud_cmep (cliente_id, apoderado_id, servicio_id, promotor_id, estado_atencion,
                estado_pago, tarifa_monto, tarifa_moneda, tarifa_fuente, tipo_atencion, lugar_atencion, comentario,
                created_by, created_at, updated_at)
            VALUES (:cliente, :apoderado, :servicio, :promotor, 'REGISTRADO', 'PENDIENTE', :monto, :moneda, :fuente,
                :tipo, :lugar, :comentario, :userId, :now, :now)
            """;
    // updated_at named explicitly: ON UPDATE CURRENT_TIMESTAMP would put the database's clock there instead of
    // the registration time the event carries
    private static final String CODIGO = """
            UPDATE solicitud_cmep SET codigo = :codigo, updated_at = :now WHERE solicitud_id = :id
            """;

    private final DatabaseClient db;

    RegistroRepository(DatabaseClient db) {
        this.db = db;
    }

    Mono<Boolean> existePromotor(int promotorId) {
        return db.sql(PROMOTOR_BLOQUEADO).bind("id", promotorId)
                .map((row, meta) -> Rows.integer(row, "n") > 0)
                .one();
    }

    Mono<Void> asegurarCliente(int personaId, Actor actor) {
        return db.sql(ASEGURAR_CLIENTE).bind("id", personaId).bind("userId", actor.userId())
                .bind("now", actor.ahora()).then();
    }

    /** @return the new solicitud_id */
    Mono<Integer> insertar(NuevaSolicitud s, Actor actor) {
        DatabaseClient.GenericExecuteSpec spec = db.sql(INSERTAR)
                .bind("cliente", s.clienteId())
                .bind("userId", actor.userId())
                .bind("now", actor.ahora());
        spec = Binds.nullable(spec, "apoderado", s.apoderadoId(), Integer.class);
        spec = Binds.nullable(spec, "servicio", s.servicioId(), Integer.class);
        spec = Binds.nullable(spec, "promotor", s.promotorId(), Integer.class);
        spec = Binds.nullable(spec, "monto", s.tarifaMonto(), BigDecimal.class);
        spec = Binds.nullable(spec, "moneda", s.tarifaMoneda());
        spec = Binds.nullable(spec, "fuente", s.tarifaMonto() == null ? null : "SERVICIO");
        spec = Binds.nullable(spec, "tipo", s.tipoAtencion());
        spec = Binds.nullable(spec, "lugar", s.lugarAtencion());
        spec = Binds.nullable(spec, "comentario", s.comentario());
        return spec.filter(st -> st.returnGeneratedValues("solicitud_id"))
                .map((row, meta) -> ((Number) row.get(0)).intValue())
                .one();
    }

    Mono<Void> asignarCodigo(int solicitudId, String codigo, Actor actor) {
        return db.sql(CODIGO).bind("codigo", codigo).bind("now", actor.ahora()).bind("id", solicitudId).then();
    }

    /** The row a registration inserts; the tariff is the servicio's, none without a servicio. */
    record NuevaSolicitud(int clienteId, Integer apoderadoId, Integer servicioId, Integer promotorId,
                          BigDecimal tarifaMonto, String tarifaMoneda, String tipoAtencion, String lugarAtencion,
                          String comentario) {
    }
}
