package pe.cmep.workflow.maintenance;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;
import pe.cmep.events.MaintenanceMessage;
import reactor.core.publisher.Mono;

/**
 * Deletes the expired sessions (domain.md §6.6): {@code expires_at < now}, now taken in UTC from the clock when
 * the task runs, in batches until a batch comes back short. Nothing but the {@code sessions} table is touched.
 */
@Service
public class SessionCleanup {

    private static final Logger log = LoggerFactory.getLogger(SessionCleanup.class);

    private final ExpiredSessionRepository sessions;
    private final Clock clock;
    private final int batchSize;
    private final MeterRegistry registry;
    private final Counter removed;

    @Autowired
    SessionCleanup(ExpiredSessionRepository sessions, Clock clock, MaintenanceProperties properties, MeterRegistry registry) {
        this(sessions, clock, properties.sessionCleanup().batchSize(), registry);
    }

    SessionCleanup(ExpiredSessionRepository sessions, Clock clock, int batchSize, MeterRegistry registry) {
        this.sessions = sessions;
        this.clock = clock;
        this.batchSize = batchSize;
        this.registry = registry;
        this.removed = Counter.builder("cmep.sessions.removed")
                .description("Expired sessions deleted by the session clean-up")
                .register(registry);
    }

    public Mono<Result> run(MaintenanceMessage request) {
        return Mono.defer(() -> {
            // the gateway compares expires_at with UTC now in whole seconds; the same cutoff keeps both in step
            LocalDateTime cutoff = LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC)
                    .truncatedTo(ChronoUnit.SECONDS);
            Timer.Sample sample = Timer.start(registry);
            return deleteBatch(cutoff)
                    .expand(deleted -> deleted == batchSize ? deleteBatch(cutoff) : Mono.empty())
                    .reduce(new Result(cutoff, 0, 0), Result::plusBatch)
                    .doOnNext(result -> {
                        sample.stop(timer("done"));
                        log.info("session_cleanup_done deleted={} cutoff={} batches={} message_id={} requested_at={}",
                                result.deleted(), cutoff, result.batches(), request.messageId(), request.requestedAt());
                    })
                    .doOnError(e -> {
                        sample.stop(timer("failed"));
                        log.warn("session_cleanup_failed cutoff={} message_id={} error={}", cutoff,
                                request.messageId(), e.toString());
                    });
        });
    }

    private Mono<Long> deleteBatch(LocalDateTime cutoff) {
        // counted batch by batch: what an interrupted run already deleted stays deleted
        return sessions.deleteBatch(cutoff, batchSize).doOnNext(removed::increment);
    }

    private Timer timer(String outcome) {
        return Timer.builder("cmep.sessions.cleanup")
                .description("Runs of the session clean-up, by outcome (done, failed)")
                .tag("outcome", outcome)
                .register(registry);
    }

    /** What one run did: the cutoff it used, the sessions it deleted and the DELETE statements it took. */
    public record Result(LocalDateTime cutoff, long deleted, int batches) {

        Result plusBatch(long batchDeleted) {
            return new Result(cutoff, deleted + batchDeleted, batches + 1);
        }
    }
}
