package pe.cmep.workflow.maintenance;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import pe.cmep.events.MaintenanceMessage;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The local stand-in for the production EventBridge schedule (architecture.md): puts a session-cleanup message
 * on the maintenance queue when the worker starts and then every {@code cmep.maintenance.schedule.interval}.
 * A send that fails is logged and left to the next tick; it never stops the schedule or the worker.
 */
@Component
@ConditionalOnBooleanProperty("cmep.maintenance.schedule.enabled")
class ScheduledSessionCleanupSender implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ScheduledSessionCleanupSender.class);

    private final MaintenanceQueue queue;
    private final Clock clock;
    private final Duration interval;
    private final Duration sendTimeout;
    private final Counter sent;
    private final Counter failed;
    private volatile Disposable ticks;

    ScheduledSessionCleanupSender(MaintenanceQueue queue, Clock clock, MaintenanceProperties properties,
                                  MeterRegistry registry) {
        this.queue = queue;
        this.clock = clock;
        this.interval = properties.schedule().interval();
        this.sendTimeout = properties.schedule().sendTimeout();
        this.sent = sends(registry, "sent");
        this.failed = sends(registry, "failed");
    }

    @Override
    public void start() {
        ticks = Flux.interval(Duration.ZERO, interval)
                .onBackpressureDrop()
                .concatMap(tick -> sendOne(), 0)
                .subscribe();
        log.info("session_cleanup_schedule_started queue={} interval={}", queue.name(), interval);
    }

    private Mono<Void> sendOne() {
        MaintenanceMessage message = MaintenanceMessage.sessionCleanup(clock.instant());
        return Mono.fromFuture(() -> queue.send(message, sendTimeout))
                .doOnNext(sqsMessageId -> {
                    sent.increment();
                    log.info("session_cleanup_requested message_id={} sqs_message_id={} queue={}",
                            message.messageId(), sqsMessageId, queue.name());
                })
                .onErrorResume(e -> {
                    failed.increment();
                    log.warn("session_cleanup_request_failed message_id={} queue={} next_try_in={} error={}",
                            message.messageId(), queue.name(), interval, e.toString());
                    return Mono.empty();
                })
                .then();
    }

    @Override
    public void stop() {
        Disposable t = ticks;
        if (t != null) {
            t.dispose();
        }
        ticks = null;
    }

    @Override
    public boolean isRunning() {
        Disposable t = ticks;
        return t != null && !t.isDisposed();
    }

    private static Counter sends(MeterRegistry registry, String outcome) {
        return Counter.builder("cmep.maintenance.scheduled")
                .description("Session-cleanup messages the local schedule tried to put on the queue, by outcome")
                .tag("outcome", outcome)
                .register(registry);
    }
}
