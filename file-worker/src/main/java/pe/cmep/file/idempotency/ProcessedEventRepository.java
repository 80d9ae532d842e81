package pe.cmep.file.idempotency;

import java.time.LocalDateTime;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

/**
 * The event ids the file-worker has applied ({@code processed_event}, consumer {@value #CONSUMER}). A package of its
 * own: the event handler, the verification and the clean-up each record ids here, and none of them owns the others.
 */
@Repository
public class ProcessedEventRepository {

    static final String CONSUMER = "file-worker";

    private static final String SEEN = """
            SELECT COUNT(*) FROM processed_event WHERE consumer = :consumer AND event_id = :id
            """;
    private static final String RECORD = """
            INSERT INTO processed_event (consumer, event_id, processed_at) VALUES (:consumer, :id, :now)
            """;

    private final DatabaseClient db;

    ProcessedEventRepository(DatabaseClient db) {
        this.db = db;
    }

    public Mono<Boolean> seen(String eventId) {
        return db.sql(SEEN)
                .bind("consumer", CONSUMER)
                .bind("id", eventId)
                .map((row, meta) -> ((Number) row.get(0)).longValue() > 0)
                .one();
    }

    /**
     * Call inside the transaction of the event's effect: the key makes a second, concurrent application of the
     * same event fail and roll back.
     */
    public Mono<Void> record(String eventId, LocalDateTime now) {
        return db.sql(RECORD)
                .bind("consumer", CONSUMER)
                .bind("id", eventId)
                .bind("now", now)
                .then();
    }
}
