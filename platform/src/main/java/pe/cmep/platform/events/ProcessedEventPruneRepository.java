package pe.cmep.platform.events;

import java.time.LocalDateTime;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;

/** Deletes a consumer's old {@code processed_event} rows, through ix_processed_event_age (consumer, processed_at). */
final class ProcessedEventPruneRepository {

    private static final String PRUNE = """
            DELETE FROM processed_event WHERE consumer = :consumer AND processed_at < :cutoff
            ORDER BY processed_at LIMIT :limit
            """;

    private final DatabaseClient db;

    ProcessedEventPruneRepository(DatabaseClient db) {
        this.db = db;
    }

    Mono<Long> prune(String consumer, LocalDateTime cutoff, int limit) {
        return db.sql(PRUNE)
                .bind("consumer", consumer)
                .bind("cutoff", cutoff)
                .bind("limit", limit)
                .fetch().rowsUpdated();
    }
}
