package pe.cmep.platform.events;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.ReactiveTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.reactive.TransactionalOperator;
import org.springframework.transaction.support.DefaultTransactionDefinition;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Forgets the event ids one consumer applied longer ago than its {@link ProcessedEventRetention}, so
 * {@code processed_event} holds the ids a redelivery can still bring and not every event ever consumed. Each
 * consumer prunes its own rows ({@code consumer = …}); a run deletes {@code batch-size} rows per statement, each in a
 * short transaction, until one deletes fewer. Several instances of a consumer may prune at once.
 */
public final class ProcessedEventPruner implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ProcessedEventPruner.class);

    private final ProcessedEventPruneRepository rows;
    private final String consumer;
    private final ProcessedEventRetention settings;
    private final TransactionalOperator transaction;
    private final Clock clock;
    private final Counter pruned;
    private volatile Disposable schedule;

    public ProcessedEventPruner(DatabaseClient db, ReactiveTransactionManager transactionManager, String consumer,
                                ProcessedEventRetention settings, MeterRegistry registry, Clock clock) {
        this.rows = new ProcessedEventPruneRepository(db);
        this.consumer = consumer;
        this.settings = settings;
        // READ COMMITTED: no gap locks, so the consumer's inserts of new ids never wait for a DELETE
        DefaultTransactionDefinition definition = new DefaultTransactionDefinition();
        definition.setIsolationLevel(TransactionDefinition.ISOLATION_READ_COMMITTED);
        this.transaction = TransactionalOperator.create(transactionManager, definition);
        this.clock = clock;
        this.pruned = Counter.builder("cmep.processed.events.pruned")
                .description("processed_event rows deleted after the consumer's retention window")
                .tag("consumer", consumer)
                .register(registry);
    }

    /** One run; emits how many rows it deleted. */
    public Mono<Long> prune() {
        LocalDateTime cutoff = LocalDateTime.now(clock).minus(settings.retention());
        long start = System.nanoTime();
        Mono<Long> batch = rows.prune(consumer, cutoff, settings.batchSize()).as(transaction::transactional)
                .doOnNext(pruned::increment);
        return batch
                .expand(deleted -> deleted < settings.batchSize() ? Mono.empty() : batch)
                .reduce(0L, Long::sum)
                .doOnNext(total -> log.info("processed_events_pruned consumer={} rows={} duration_ms={} cutoff={}",
                        consumer, total, Duration.ofNanos(System.nanoTime() - start).toMillis(), cutoff));
    }

    @Override
    public void start() {
        if (!settings.enabled()) {
            log.info("processed_events_pruning_disabled consumer={}", consumer);
            return;
        }
        schedule = Flux.interval(settings.interval(), settings.interval())
                .onBackpressureDrop()
                .concatMap(tick -> prune().onErrorResume(e -> {
                    log.warn("processed_events_prune_failed consumer={} error=\"{}\" next_try_in={}", consumer,
                            e.toString(), settings.interval());
                    return Mono.empty();
                }), 0)
                .subscribe();
        log.info("processed_events_pruning_started consumer={} retention={} interval={} batch_size={}", consumer,
                settings.retention(), settings.interval(), settings.batchSize());
    }

    @Override
    public void stop() {
        Disposable running = schedule;
        if (running != null) {
            running.dispose();
            schedule = null;
        }
    }

    @Override
    public boolean isRunning() {
        return schedule != null;
    }
}
