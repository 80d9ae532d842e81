package pe.cmep.platform.events;

import java.time.LocalDateTime;
import java.util.List;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A consumer's old {@code processed_event} rows, found through ix_processed_event_age (consumer, processed_at) and
 * deleted by key. Not one {@code DELETE … ORDER BY processed_at LIMIT n}: for that statement MariaDB walks the
 * primary key's (consumer, event_id) range and sorts it, reading every id of the consumer (99,000 rows read and
 * 49,000 sorted for a batch of 1,000 out of 100,000); the SELECT reads 1,000 index entries.
 */
final class ProcessedEventPruneRepository {

    private static final String OLDEST = """
            SELECT event_id FROM processed_event WHERE consumer = :consumer AND processed_at < :cutoff
            ORDER BY processed_at LIMIT :limit
            """;
    private static final String DELETE = """
            DELETE FROM processed_event WHERE consumer = :consumer AND event_id IN (:ids)
            """;

    private final DatabaseClient db;

    ProcessedEventPruneRepository(DatabaseClient db) {
        this.db = db;
    }

    Flux<String> oldest(String consumer, LocalDateTime cutoff, int limit) {
        return db.sql(OLDEST)
                .bind("consumer", consumer)
                .bind("cutoff", cutoff)
                .bind("limit", limit)
                .map((row, meta) -> row.get("event_id", String.class))
                .all();
    }

    Mono<Long> delete(String consumer, List<String> eventIds) {
        return db.sql(DELETE)
                .bind("consumer", consumer)
                .bind("ids", eventIds)
                .fetch().rowsUpdated();
    }

    /** Up to {@code limit} of the consumer's ids older than {@code cutoff}, oldest first; how many it deleted. */
    Mono<Long> prune(String consumer, LocalDateTime cutoff, int limit) {
        return oldest(consumer, cutoff, limit).collectList()
                .flatMap(ids -> ids.isEmpty() ? Mono.just(0L) : delete(consumer, ids));
    }
}
