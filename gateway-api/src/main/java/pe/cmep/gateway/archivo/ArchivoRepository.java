package pe.cmep.gateway.archivo;

import io.r2dbc.spi.Row;
import java.time.LocalDateTime;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import pe.cmep.gateway.db.Binds;
import reactor.core.publisher.Mono;

/** The {@code archivos} and {@code solicitud_archivo} rows of api.md §7.6. */
@Repository
class ArchivoRepository {

    private static final String SOLICITUD_EXISTS = """
            SELECT COUNT(*) FROM solicitud_cmep WHERE solicitud_id = :id
            """;
    private static final String PAGO_OF = """
            SELECT COUNT(*) FROM pago_solicitud WHERE pago_id = :pago AND solicitud_id = :id
            """;
    private static final String INSERT_ARCHIVO = """
            INSERT INTO archivos (nombre_original, nombre_storage, tipo, mime_type, tamano_bytes, storage_path,
                                  estado_verificacion, created_by, created_at, updated_at)
            VALUES (:nombre, :storage, :tipo, :mime, :tamano, :path, 'PENDIENTE', :userId, :now, :now)
            """;
    private static final String INSERT_LINK = """
            INSERT INTO solicitud_archivo (solicitud_id, archivo_id, pago_id, created_by, created_at)
            VALUES (:solicitud, :archivo, :pago, :userId, :now)
            """;
    private static final String FIND = """
            SELECT archivo_id, nombre_original, mime_type, storage_path, estado_verificacion, NULL AS solicitud_id
            FROM archivos WHERE archivo_id = :id
            """;
    private static final String LOCK_FOR_DELETE = """
            SELECT a.archivo_id, a.nombre_original, a.mime_type, a.storage_path, a.estado_verificacion,
                   (SELECT MIN(sa.solicitud_id) FROM solicitud_archivo sa WHERE sa.archivo_id = a.archivo_id)
                       AS solicitud_id
            FROM archivos a WHERE a.archivo_id = :id FOR UPDATE
            """;
    private static final String DELETE_LINKS = """
            DELETE FROM solicitud_archivo WHERE archivo_id = :id
            """;
    private static final String DELETE = """
            DELETE FROM archivos WHERE archivo_id = :id
            """;

    private final DatabaseClient db;

    ArchivoRepository(DatabaseClient db) {
        this.db = db;
    }

    Mono<Boolean> solicitudExists(int solicitudId) {
        return db.sql(SOLICITUD_EXISTS)
                .bind("id", solicitudId)
                .map((row, meta) -> ((Number) row.get(0)).longValue() > 0)
                .one();
    }

    Mono<Boolean> pagoOf(int pagoId, int solicitudId) {
        return db.sql(PAGO_OF)
                .bind("pago", pagoId)
                .bind("id", solicitudId)
                .map((row, meta) -> ((Number) row.get(0)).longValue() > 0)
                .one();
    }

    /** Both rows of a new upload; run inside the upload's transaction. Emits the new archivo_id. */
    Mono<Integer> insert(NuevoArchivo a, LocalDateTime now) {
        return db.sql(INSERT_ARCHIVO)
                .bind("nombre", a.nombreOriginal())
                .bind("storage", a.nombreStorage())
                .bind("tipo", a.tipo())
                .bind("mime", a.mimeType())
                .bind("tamano", a.tamanoBytes())
                .bind("path", a.storageKey())
                .bind("userId", a.createdBy())
                .bind("now", now)
                .filter(st -> st.returnGeneratedValues("archivo_id"))
                .map((row, meta) -> ((Number) row.get(0)).intValue())
                .one()
                .flatMap(archivoId -> Binds.nullable(db.sql(INSERT_LINK)
                                .bind("solicitud", a.solicitudId())
                                .bind("archivo", archivoId)
                                .bind("userId", a.createdBy())
                                .bind("now", now), "pago", a.pagoId(), Integer.class)
                        .then()
                        .thenReturn(archivoId));
    }

    Mono<Guardado> find(int archivoId) {
        return db.sql(FIND)
                .bind("id", archivoId)
                .map((row, meta) -> Guardado.of(row))
                .one();
    }

    /**
     * Locks the file's row for its delete and names the solicitud it hangs from (the first link; uploads make
     * exactly one).
     */
    Mono<Guardado> lockForDelete(int archivoId) {
        return db.sql(LOCK_FOR_DELETE)
                .bind("id", archivoId)
                .map((row, meta) -> Guardado.of(row))
                .one();
    }

    Mono<Void> delete(int archivoId) {
        return db.sql(DELETE_LINKS).bind("id", archivoId).then()
                .then(db.sql(DELETE).bind("id", archivoId).then());
    }

    record NuevoArchivo(int solicitudId, Integer pagoId, String nombreOriginal, String nombreStorage, String tipo,
                        String mimeType, long tamanoBytes, String storageKey, int createdBy) {
    }

    /** A stored file; {@code solicitudId} only where the query names it. */
    record Guardado(int archivoId, String nombreOriginal, String mimeType, String storageKey,
                    EstadoVerificacion estado, Integer solicitudId) {

        static Guardado of(Row row) {
            Number solicitud = row.get("solicitud_id", Number.class);
            return new Guardado(((Number) row.get("archivo_id")).intValue(), row.get("nombre_original", String.class),
                    row.get("mime_type", String.class), row.get("storage_path", String.class),
                    EstadoVerificacion.valueOf(row.get("estado_verificacion", String.class)),
                    solicitud == null ? null : solicitud.intValue());
        }
    }
}
