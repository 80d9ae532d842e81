package pe.cmep.gateway.solicitud;

import java.time.LocalDateTime;
import java.util.List;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import pe.cmep.gateway.db.Binds;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Writes historial rows; the rows of one request share one timestamp (api.md §8.2). */
@Component
class HistorialWriter {

    private final DatabaseClient db;

    HistorialWriter(DatabaseClient db) {
        this.db = db;
    }

    Mono<Void> write(int solicitudId, int userId, LocalDateTime now, List<Cambio> cambios) {
        return Flux.fromIterable(cambios)
                .concatMap(c -> Binds.nullable(Binds.nullable(Binds.nullable(db.sql(
                                        "INSERT INTO solicitud_estado_historial (solicitud_id, campo, valor_anterior, "
                                                + "valor_nuevo, cambiado_por, cambiado_en, comentario) VALUES (:solicitud, "
                                                + ":campo, :anterior, :nuevo, :usuario, :now, :comentario)")
                                .bind("solicitud", solicitudId)
                                .bind("campo", c.campo())
                                .bind("usuario", userId)
                                .bind("now", now), "anterior", c.valorAnterior()), "nuevo", c.valorNuevo()),
                        "comentario", c.comentario())
                        .then())
                .then();
    }

}
