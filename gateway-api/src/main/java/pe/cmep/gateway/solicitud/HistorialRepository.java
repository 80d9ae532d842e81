package pe.cmep.gateway.solicitud;

import java.util.List;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import pe.cmep.gateway.db.Binds;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Writes historial rows; the rows of one request share one timestamp (api.md §8.2). */
@Repository
class HistorialRepository {

    private static final String INSERTAR = """
            INSERT INTO solicitud_estado_historial (solicitud_id, campo, valor_anterior, valor_nuevo, cambiado_por,
                cambiado_en, comentario)
            VALUES (:solicitud, :campo, :anterior, :nuevo, :usuario, :now, :comentario)
            """;

    private final DatabaseClient db;

    HistorialRepository(DatabaseClient db) {
        this.db = db;
    }

    Mono<Void> escribir(int solicitudId, Actor actor, List<Cambio> cambios) {
        return Flux.fromIterable(cambios)
                .concatMap(c -> {
                    DatabaseClient.GenericExecuteSpec spec = db.sql(INSERTAR)
                            .bind("solicitud", solicitudId)
                            .bind("campo", c.campo())
                            .bind("usuario", actor.userId())
                            .bind("now", actor.ahora());
                    spec = Binds.nullable(spec, "anterior", c.valorAnterior());
                    spec = Binds.nullable(spec, "nuevo", c.valorNuevo());
                    spec = Binds.nullable(spec, "comentario", c.comentario());
                    return spec.then();
                })
                .then();
    }
}
