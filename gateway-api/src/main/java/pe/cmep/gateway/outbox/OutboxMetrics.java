package pe.cmep.gateway.outbox;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import pe.cmep.gateway.outbox.OutboxRepository.PendingEvent;

/** The relay's figures (backlog, oldest pending age, published and failed counts) and its failure lines. */
class OutboxMetrics {

    // the relay's logger: its lines keep the name they are searched by
    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

    private final Clock clock;
    private final AtomicLong backlog = new AtomicLong();
    private final AtomicReference<Instant> oldestPending = new AtomicReference<>();
    private final Counter published;
    private final Counter failures;

    OutboxMetrics(MeterRegistry registry, Clock clock) {
        this.clock = clock;
        Gauge.builder("cmep.outbox.backlog", backlog, AtomicLong::get)
                .description("Outbox rows not yet published, as of the relay's last poll")
                .register(registry);
        // computed when read, not at the poll: while polls fail (database down) the age keeps growing and the
        // "oldest pending > 60 s" alarm goes off, instead of showing the last good figure
        Gauge.builder("cmep.outbox.oldest.age", this, OutboxMetrics::oldestPendingAgeSeconds)
                .description("Seconds the oldest unpublished outbox row has waited, as of the relay's last poll")
                .baseUnit("seconds")
                .register(registry);
        this.published = Counter.builder("cmep.outbox.published")
                .description("Events the relay published to SQS")
                .register(registry);
        this.failures = Counter.builder("cmep.outbox.publish.failures")
                .description("Events whose publication failed (each is retried on a later poll)")
                .register(registry);
    }

    void remember(OutboxRepository.Backlog figures) {
        backlog.set(figures.pending());
        oldestPending.set(figures.oldest() == null ? null : figures.oldest().toInstant(ZoneOffset.UTC));
    }

    private double oldestPendingAgeSeconds() {
        Instant oldest = oldestPending.get();
        return oldest == null ? 0 : Math.max(0, Duration.between(oldest, clock.instant()).toMillis() / 1000.0);
    }

    /** After the commit, so the figures and lines say what the database holds. */
    void report(OutboxSender.Outcome outcome) {
        published.increment(outcome.published().size());
        failures.increment(outcome.failed().size());
        for (OutboxSender.Failure f : outcome.failed()) {
            PendingEvent row = f.row();
            log.atWarn()
                    .addKeyValue("event_id", row.eventId())
                    .addKeyValue("solicitud_id", row.solicitudId())
                    .addKeyValue("event_type", row.eventType())
                    .addKeyValue("queue_role", row.queueRole())
                    .addKeyValue("attempts", row.attempts() + 1)
                    .log("outbox_publish_failed event_id={} solicitud_id={} event_type={} queue_role={} attempts={} "
                                    + "error={}", row.eventId(), row.solicitudId(), row.eventType(), row.queueRole(),
                            row.attempts() + 1, f.error());
        }
    }
}
