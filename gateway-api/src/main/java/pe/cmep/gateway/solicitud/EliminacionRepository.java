package pe.cmep.gateway.solicitud;

import java.util.List;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The hard delete of a solicitud in the spec's order (domain.md §5.8), then the orphan clean-up of its cliente and
 * apoderado. Runs in the caller's transaction, after the solicitud's row is locked.
 */
@Repository
class EliminacionRepository {

    /**
     * A file also linked to another solicitud keeps its {@code archivos} row (see {@link #borrarArchivoSinUso}), so
     * its object must not be deleted either.
     */
    private static final String ARCHIVOS_PROPIOS = """
            SELECT a.archivo_id, a.storage_path FROM solicitud_archivo sa
            JOIN archivos a ON a.archivo_id = sa.archivo_id
            WHERE sa.solicitud_id = :id AND NOT EXISTS (SELECT 1 FROM solicitud_archivo o
                WHERE o.archivo_id = sa.archivo_id AND o.solicitud_id <> :id)
            ORDER BY sa.id
            """;
    private static final String ARCHIVOS_VINCULADOS = """
            SELECT archivo_id FROM solicitud_archivo WHERE solicitud_id = :id
            """;
    private static final String BORRAR_ARCHIVO_SIN_USO = """
            DELETE FROM archivos WHERE archivo_id = :id
            AND NOT EXISTS (SELECT 1 FROM solicitud_archivo WHERE archivo_id = :id)
            """;
    private static final String BORRAR_RESULTADOS = """
            DELETE FROM resultado_medico WHERE solicitud_id = :id
            """;
    private static final String BORRAR_VINCULOS_DE_ARCHIVOS = """
            DELETE FROM solicitud_archivo WHERE solicitud_id = :id
            """;
    private static final List<String> BORRAR_EN_ORDEN = List.of("""
            DELETE FROM pago_solicitud WHERE solicitud_id = :id
            """, """
            DELETE FROM solicitud_estado_historial WHERE solicitud_id = :id
            """, """
            DELETE FROM solicitud_asignacion WHERE solicitud_id = :id
            """, """
            DELETE FROM solicitud_cmep WHERE solicitud_id = :id
            """);
    private static final String SOLICITUDES_DEL_CLIENTE = """
            SELECT COUNT(*) AS n FROM solicitud_cmep WHERE cliente_id = :id
            """;
    private static final String SOLICITUDES_DEL_APODERADO = """
            SELECT COUNT(*) AS n FROM solicitud_cmep WHERE apoderado_id = :id
            """;
    private static final String BORRAR_CLIENTE_APODERADO = """
            DELETE FROM cliente_apoderado WHERE cliente_id = :id
            """;
    private static final String BORRAR_CLIENTE = """
            DELETE FROM clientes WHERE persona_id = :id
            """;
    private static final String EMPLEADO_O_USUARIO = """
            SELECT (SELECT COUNT(*) FROM empleado WHERE persona_id = :id)
                + (SELECT COUNT(*) FROM users WHERE persona_id = :id) AS n
            """;
    private static final String BORRAR_PERSONA = """
            DELETE FROM personas WHERE persona_id = :id
            """;

    private final DatabaseClient db;

    EliminacionRepository(DatabaseClient db) {
        this.db = db;
    }

    /** The files whose objects the delete removes. */
    Mono<List<ArchivoGuardado>> archivosPropios(int solicitudId) {
        return db.sql(ARCHIVOS_PROPIOS).bind("id", solicitudId)
                .map((row, meta) -> new ArchivoGuardado(Rows.integer(row, "archivo_id"),
                        Rows.str(row, "storage_path")))
                .all().distinct().collectList();
    }

    /** Deletes the solicitud and every row hanging from it. */
    Mono<Void> borrar(int solicitudId) {
        return run(BORRAR_RESULTADOS, solicitudId)
                .then(db.sql(ARCHIVOS_VINCULADOS).bind("id", solicitudId)
                        .map((row, meta) -> Rows.integer(row, "archivo_id"))
                        .all().collectList())
                .flatMap(archivos -> run(BORRAR_VINCULOS_DE_ARCHIVOS, solicitudId)
                        .thenMany(Flux.fromIterable(archivos).concatMap(this::borrarArchivoSinUso))
                        .then())
                .thenMany(Flux.fromIterable(BORRAR_EN_ORDEN).concatMap(sql -> run(sql, solicitudId)))
                .then();
    }

    private Mono<Void> borrarArchivoSinUso(int archivoId) {
        return run(BORRAR_ARCHIVO_SIN_USO, archivoId);
    }

    /**
     * The count is a plain read: a registration for the same cliente that commits meanwhile is not seen by it,
     * but the foreign key of its new solicitud refuses the delete of the {@code clientes} row, and then the
     * cliente and its persona simply stay (the delete never fails on a persona still in use, §10 #17).
     */
    Mono<Void> limpiarCliente(int personaId) {
        return count(SOLICITUDES_DEL_CLIENTE, personaId)
                .flatMap(n -> n > 0 ? Mono.<Void>empty()
                        : run(BORRAR_CLIENTE_APODERADO, personaId)
                                .then(run(BORRAR_CLIENTE, personaId)
                                        .thenReturn(true)
                                        .onErrorResume(DataIntegrityViolationException.class, e -> Mono.just(false)))
                                .flatMap(borrado -> borrado ? borrarPersonaSinReferencias(personaId) : Mono.empty()));
    }

    Mono<Void> limpiarApoderado(int personaId) {
        return count(SOLICITUDES_DEL_APODERADO, personaId)
                .flatMap(n -> n > 0 ? Mono.<Void>empty() : borrarPersonaSinReferencias(personaId));
    }

    /**
     * Employees and users are kept on purpose; any other reference (a promotor, a cliente row, another
     * solicitud, a result) is caught by the foreign keys, and the persona then simply stays (§10 #17).
     */
    private Mono<Void> borrarPersonaSinReferencias(int personaId) {
        return count(EMPLEADO_O_USUARIO, personaId)
                .flatMap(n -> n > 0 ? Mono.<Void>empty()
                        : run(BORRAR_PERSONA, personaId)
                                .onErrorResume(DataIntegrityViolationException.class, e -> Mono.empty()));
    }

    private Mono<Void> run(String sql, int id) {
        return db.sql(sql).bind("id", id).then();
    }

    private Mono<Long> count(String sql, int id) {
        return db.sql(sql).bind("id", id).map((row, meta) -> ((Number) row.get("n")).longValue()).one();
    }

    record ArchivoGuardado(int archivoId, String storageKey) {
    }
}
