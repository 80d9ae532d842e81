package pe.cmep.workflow.maintenance;

import java.time.LocalDateTime;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

/** The sessions past their {@code expires_at} (naive UTC DATETIME, written by gateway-api). */
@Repository
class ExpiredSessionRepository {

    private static final String DELETE_BATCH = """
            DELETE FROM sessions WHERE expires_at < :cutoff ORDER BY expires_at, session_id LIMIT :limit
            """;

    private final DatabaseClient db;

    ExpiredSessionRepository(DatabaseClient db) {
        this.db = db;
    }

    /**
     * Deletes up to {@code limit} sessions that expired before {@code cutoff}, oldest first, in a statement of its
     * own (auto-commit), so its row locks are released before the next batch; emits how many it deleted.
     */
    Mono<Long> deleteBatch(LocalDateTime cutoff, int limit) {
        return db.sql(DELETE_BATCH)
                .bind("cutoff", cutoff)
                .bind("limit", limit)
                .fetch()
                .rowsUpdated();
    }
}
