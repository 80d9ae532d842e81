package pe.cmep.file.verificacion;

import io.r2dbc.spi.Row;
import java.time.LocalDateTime;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import pe.cmep.file.verificacion.Verificacion.Veredicto;
import reactor.core.publisher.Mono;

/** The {@code archivos} columns the file-worker reads and writes. */
@Repository
class ArchivoRepository {

    private static final String FIND = """
            SELECT estado_verificacion, mime_type, tamano_bytes, storage_path FROM archivos WHERE archivo_id = :id
            """;
    private static final String DECIDE = """
            UPDATE archivos SET estado_verificacion = :estado, sha256 = :sha256, motivo_rechazo = :motivo,
                                updated_at = :now
            WHERE archivo_id = :id AND estado_verificacion = 'PENDIENTE'
            """;

    private final DatabaseClient db;

    ArchivoRepository(DatabaseClient db) {
        this.db = db;
    }

    Mono<Fila> find(int archivoId) {
        return db.sql(FIND)
                .bind("id", archivoId)
                .map((row, meta) -> Fila.of(row))
                .one();
    }

    /** Only a file still waiting for its verdict gets one; returns whether this call gave it. */
    Mono<Boolean> decide(int archivoId, Veredicto veredicto, LocalDateTime now) {
        DatabaseClient.GenericExecuteSpec update = db.sql(DECIDE)
                .bind("estado", veredicto.estado())
                .bind("now", now);
        update = veredicto.sha256() == null ? update.bindNull("sha256", String.class)
                : update.bind("sha256", veredicto.sha256());
        update = veredicto.motivo() == null ? update.bindNull("motivo", String.class)
                : update.bind("motivo", veredicto.motivo());
        return update
                .bind("id", archivoId)
                .fetch().rowsUpdated()
                .map(n -> n > 0);
    }

    record Fila(String estadoVerificacion, String mimeType, Long tamanoBytes, String storageKey) {

        static Fila of(Row row) {
            Number size = row.get("tamano_bytes", Number.class);
            return new Fila(row.get("estado_verificacion", String.class), row.get("mime_type", String.class),
                    size == null ? null : size.longValue(), row.get("storage_path", String.class));
        }
    }
}
