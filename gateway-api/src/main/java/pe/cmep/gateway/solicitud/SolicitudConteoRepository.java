package pe.cmep.gateway.solicitud;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import pe.cmep.events.EstadoOperativo;
import reactor.core.publisher.Mono;

/**
 * solicitud_conteo (V8): how many solicitudes are in each estado_operativo, split into {@link #SLOTS} rows per state
 * by solicitud_id, so that the list's total without a filter or with only a state reads at most 96 small rows
 * instead of counting the table (decision 41).
 *
 * <p>Every write that inserts a solicitud, deletes one or changes its estado_operativo moves these counters in its
 * own transaction, as its last write: a transaction then holds a counter's lock only until its commit and waits
 * for nothing else while holding it, and a move locks its two rows in primary-key order, so counters never take
 * part in a deadlock. The state a write moves from is the locked aggregate's, which is what the row holds: every
 * write of the API keeps {@code estado_operativo} equal to the state the aggregate derives (V7).
 */
@Repository
public class SolicitudConteoRepository {

    /** Rows per state; a solicitud counts in slot {@code solicitud_id MOD SLOTS}. V8 creates that many. */
    static final int SLOTS = 16;

    private static final String SUMAR = """
            UPDATE solicitud_conteo SET n = n + :delta WHERE estado_operativo = :estado AND slot = :slot
            """;
    private static final String MOVER = """
            UPDATE solicitud_conteo SET n = n + CASE WHEN estado_operativo = :despues THEN 1 ELSE -1 END
            WHERE estado_operativo IN (:antes, :despues) AND slot = :slot
            """;
    /**
     * The counters recomputed from the rows, in one statement (docs/performance.md gives it for tools that write
     * solicitudes straight into the database). Run it while nothing else writes solicitudes.
     */
    private static final String RECONTAR = """
            UPDATE solicitud_conteo c
            LEFT JOIN (SELECT estado_operativo, solicitud_id MOD 16 AS slot, COUNT(*) AS n
                       FROM solicitud_cmep GROUP BY estado_operativo, slot) t
                ON t.estado_operativo = c.estado_operativo AND t.slot = c.slot
            SET c.n = COALESCE(t.n, 0)
            """;

    private final DatabaseClient db;

    SolicitudConteoRepository(DatabaseClient db) {
        this.db = db;
    }

    /** A new solicitud (+1) or a deleted one (-1) in {@code estado}. */
    Mono<Void> sumar(int solicitudId, EstadoOperativo estado, int delta) {
        return db.sql(SUMAR).bind("delta", delta).bind("estado", estado.name()).bind("slot", slot(solicitudId))
                .then();
    }

    /** The solicitud moved from {@code antes} to {@code despues}; nothing when they are the same. */
    Mono<Void> mover(int solicitudId, EstadoOperativo antes, EstadoOperativo despues) {
        if (antes == despues) {
            return Mono.empty();
        }
        return db.sql(MOVER).bind("antes", antes.name()).bind("despues", despues.name())
                .bind("slot", slot(solicitudId))
                .then();
    }

    /** Brings every counter back to the rows' truth, after solicitudes were written straight into the database. */
    public Mono<Void> recontar() {
        return db.sql(RECONTAR).then();
    }

    private static int slot(int solicitudId) {
        return solicitudId % SLOTS;
    }
}
