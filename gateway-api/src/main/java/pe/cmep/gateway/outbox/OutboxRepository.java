package pe.cmep.gateway.outbox;

import io.r2dbc.spi.Row;
import java.time.LocalDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The rows of {@code outbox_event}: appended by {@link Outbox}, published by {@link OutboxRelay}, removed long after
 * their publication by {@link OutboxPruner}.
 */
@Repository
class OutboxRepository {

    static final int MAX_ERROR_LENGTH = 1000;

    private static final String INSERT = """
            INSERT INTO outbox_event (event_id, event_type, event_version, queue_role, solicitud_id, payload,
                                      occurred_at)
            VALUES (:eventId, :eventType, :eventVersion, :queueRole, :solicitudId, :payload, :occurredAt)
            """;
    private static final String LOCK_HEADS = """
            SELECT o.solicitud_id, o.outbox_id
            FROM outbox_event o
            WHERE o.published_at IS NULL AND NOT EXISTS (
                SELECT 1 FROM outbox_event e WHERE e.solicitud_id = o.solicitud_id
                AND e.published_at IS NULL AND e.outbox_id < o.outbox_id)
            ORDER BY o.outbox_id LIMIT :limit FOR UPDATE SKIP LOCKED
            """;
    private static final String LOCK_PENDING_OF = """
            SELECT o.outbox_id, o.event_id, o.event_type, o.event_version, o.queue_role, o.solicitud_id, o.payload,
                   o.attempts
            FROM outbox_event o
            WHERE o.solicitud_id IN (:solicitudes) AND o.published_at IS NULL
            ORDER BY o.outbox_id LIMIT :limit FOR UPDATE SKIP LOCKED
            """;
    private static final String FIRST_PENDING = """
            SELECT solicitud_id, MIN(outbox_id) AS first_pending
            FROM outbox_event
            WHERE solicitud_id IN (:solicitudes) AND published_at IS NULL
            GROUP BY solicitud_id
            """;
    private static final String MARK_PUBLISHED = """
            UPDATE outbox_event SET published_at = :now WHERE outbox_id IN (:ids)
            """;
    private static final String MARK_FAILED = """
            UPDATE outbox_event SET attempts = attempts + 1, last_error = :error WHERE outbox_id = :id
            """;
    private static final String BACKLOG = """
            SELECT COUNT(*) AS pending,
                   (SELECT o.occurred_at FROM outbox_event o WHERE o.published_at IS NULL
                    ORDER BY o.outbox_id LIMIT 1) AS oldest
            FROM outbox_event WHERE published_at IS NULL
            """;
    // in the order of ix_outbox_pending (published_at, outbox_id), so the DELETE reads only the rows it removes
    private static final String PRUNE = """
            DELETE FROM outbox_event WHERE published_at < :cutoff ORDER BY published_at, outbox_id LIMIT :limit
            """;

    private final DatabaseClient db;

    OutboxRepository(DatabaseClient db) {
        this.db = db;
    }

    /** Written through the caller's transaction's connection. */
    Mono<Void> insert(NewEvent event) {
        return db.sql(INSERT)
                .bind("eventId", event.eventId())
                .bind("eventType", event.eventType())
                .bind("eventVersion", event.eventVersion())
                .bind("queueRole", event.queueRole())
                .bind("solicitudId", event.solicitudId())
                .bind("payload", event.payload())
                .bind("occurredAt", event.occurredAt())
                .then();
    }

    /**
     * Locks the first pending row of up to {@code limit} solicitudes, oldest first, and returns them. A row qualifies
     * only while no earlier row of its solicitud is unpublished, so a solicitud's events leave in order even with
     * several relays: a row locked by another relay is skipped, and the rows after it do not qualify until that relay
     * has stamped it (once {@link #firstPending} has confirmed it: the check here may read older rows than the scan
     * locks). Holding the first row of a solicitud therefore makes this transaction the only one that may send any of
     * the solicitud's rows (see {@link #lockPendingOf}). Must run inside a transaction, which keeps the locks until
     * it ends.
     */
    Flux<Head> lockHeads(int limit) {
        return db.sql(LOCK_HEADS)
                .bind("limit", limit)
                .map((row, meta) -> new Head(row.get("solicitud_id", Integer.class), row.get("outbox_id", Long.class)))
                .all();
    }

    /**
     * The first unpublished committed row of each of these solicitudes, read after the heads are locked. The
     * check in {@link #lockHeads} reads the rows as they were when that statement began, while its scan locks the
     * rows committed up to the moment it reaches them: when two actions on a solicitud commit during one scan and
     * another relay locks the first action's rows, the second action's row qualifies as a head, and its batch can
     * leave first (the system tests saw a solicitud's override arrive before the earlier one, both stamped that way
     * round). Read again now, with the heads held, every earlier committed row is seen (see {@link Head#confirmed}).
     */
    Mono<Map<Integer, Long>> firstPending(Collection<Integer> solicitudIds) {
        return db.sql(FIRST_PENDING)
                .bind("solicitudes", solicitudIds)
                .map((row, meta) -> Map.entry(row.get("solicitud_id", Integer.class),
                        ((Number) row.get("first_pending")).longValue()))
                .all()
                .collectMap(Map.Entry::getKey, Map.Entry::getValue);
    }

    /**
     * Locks the pending rows of solicitudes whose first pending row this transaction holds ({@link #lockHeads}),
     * in id order, the first rows included. No other relay can hold any of them (none qualifies for it while the
     * first is pending), so SKIP LOCKED skips only rows of transactions that have not committed yet, and those are
     * the newest of their solicitud (its actions take the solicitud's row lock in turn): what comes back is, for
     * each solicitud, its committed pending rows from the first on, without a gap.
     */
    Flux<PendingEvent> lockPendingOf(Collection<Integer> solicitudIds, int limit) {
        return db.sql(LOCK_PENDING_OF)
                .bind("solicitudes", solicitudIds)
                .bind("limit", limit)
                .map((row, meta) -> PendingEvent.of(row))
                .all();
    }

    Mono<Void> markPublished(List<Long> outboxIds, LocalDateTime now) {
        if (outboxIds.isEmpty()) {
            return Mono.empty();
        }
        return db.sql(MARK_PUBLISHED)
                .bind("now", now)
                .bind("ids", outboxIds)
                .then();
    }

    Mono<Void> markFailed(long outboxId, String error) {
        return db.sql(MARK_FAILED)
                .bind("error", error.length() > MAX_ERROR_LENGTH ? error.substring(0, MAX_ERROR_LENGTH) : error)
                .bind("id", outboxId)
                .then();
    }

    /**
     * How many rows wait and since when the oldest of them does. The count reads every pending row, so the relay
     * asks at its own slow cadence, not on every poll. The oldest is the first pending row in id order,
     * read through the pending index: MIN(occurred_at) would read every pending row (200 ms a poll with 50,000
     * waiting, against 8 ms for this), and ids are handed out as the rows are written.
     */
    Mono<Backlog> backlog() {
        return db.sql(BACKLOG)
                .map((row, meta) -> new Backlog(((Number) row.get("pending")).longValue(),
                        row.get("oldest", LocalDateTime.class)))
                .one();
    }

    /**
     * Deletes up to {@code limit} rows published before {@code cutoff}, oldest first; returns how many it deleted.
     * Unpublished rows are never touched ({@code NULL < cutoff} is not true).
     */
    Mono<Long> prune(LocalDateTime cutoff, int limit) {
        return db.sql(PRUNE)
                .bind("cutoff", cutoff)
                .bind("limit", limit)
                .fetch().rowsUpdated();
    }

    /** The first pending row of a solicitud as {@link #lockHeads} found and locked it. */
    record Head(int solicitudId, long outboxId) {

        /**
         * The solicitudes whose locked head is still their first unpublished row in {@code firstPending}; the others
         * wait for the relay that holds their earlier rows, and come back at a later poll.
         */
        static List<Integer> confirmed(List<Head> heads, Map<Integer, Long> firstPending) {
            return heads.stream()
                    .filter(head -> Long.valueOf(head.outboxId()).equals(firstPending.get(head.solicitudId())))
                    .map(Head::solicitudId)
                    .toList();
        }
    }

    /** A row to append; {@code occurredAt} naive UTC, as every DATETIME of the schema. */
    record NewEvent(String eventId, String eventType, int eventVersion, String queueRole, int solicitudId,
                    String payload, LocalDateTime occurredAt) {
    }

    /** @param oldest the {@code occurred_at} of the oldest unpublished row (UTC), null when none waits */
    record Backlog(long pending, LocalDateTime oldest) {
    }

    /**
     * One unpublished row; {@code payload} is the event's JSON, the message body as it is, and {@code queueRole}
     * the queue it goes to.
     */
    record PendingEvent(long outboxId, String eventId, String eventType, int eventVersion, String queueRole,
                        int solicitudId, String payload, int attempts) {

        static PendingEvent of(Row row) {
            return new PendingEvent(
                    row.get("outbox_id", Long.class),
                    row.get("event_id", String.class),
                    row.get("event_type", String.class),
                    row.get("event_version", Integer.class),
                    row.get("queue_role", String.class),
                    row.get("solicitud_id", Integer.class),
                    row.get("payload", String.class),
                    row.get("attempts", Integer.class));
        }
    }
}
