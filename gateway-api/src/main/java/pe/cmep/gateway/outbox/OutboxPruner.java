package pe.cmep.gateway.outbox;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.ReactiveTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.reactive.TransactionalOperator;
import org.springframework.transaction.support.DefaultTransactionDefinition;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Deletes the outbox rows published longer ago than {@code cmep.outbox.pruning.retention}, so the table holds the
 * recent past and the pending rows instead of every event ever written. A run deletes {@code batch-size} rows per
 * statement, each in a short transaction of its own, until a statement deletes fewer. Several instances may prune at
 * once: they delete disjoint rows or wait briefly for one another, and nothing depends on which one deleted a row.
 */
@Component
public class OutboxPruner implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxPruner.class);

    private final OutboxRepository rows;
    private final OutboxProperties properties;
    private final TransactionalOperator transaction;
    private final Clock clock;
    private final Counter pruned;
    private volatile Disposable schedule;

    OutboxPruner(OutboxRepository rows, OutboxProperties properties, ReactiveTransactionManager transactionManager,
                 MeterRegistry registry, Clock clock) {
        this.rows = rows;
        this.properties = properties;
        // READ COMMITTED: no gap locks, so the relay's stamping and the API's inserts never wait for a DELETE
        DefaultTransactionDefinition definition = new DefaultTransactionDefinition();
        definition.setIsolationLevel(TransactionDefinition.ISOLATION_READ_COMMITTED);
        this.transaction = TransactionalOperator.create(transactionManager, definition);
        this.clock = clock;
        this.pruned = Counter.builder("cmep.outbox.pruned")
                .description("Published outbox rows deleted after the retention window")
                .register(registry);
    }

    /** One run; emits how many rows it deleted. */
    public Mono<Long> prune() {
        OutboxProperties.Pruning settings = properties.pruning();
        LocalDateTime cutoff = LocalDateTime.now(clock).minus(settings.retention());
        long start = System.nanoTime();
        Mono<Long> batch = rows.prune(cutoff, settings.batchSize()).as(transaction::transactional)
                .doOnNext(pruned::increment);
        return batch
                .expand(deleted -> deleted < settings.batchSize() ? Mono.empty() : batch)
                .reduce(0L, Long::sum)
                .doOnNext(total -> log.info("outbox_pruned rows={} duration_ms={} cutoff={}", total,
                        Duration.ofNanos(System.nanoTime() - start).toMillis(), cutoff));
    }

    @Override
    public void start() {
        OutboxProperties.Pruning settings = properties.pruning();
        if (!properties.enabled() || !settings.enabled()) {
            log.info("outbox_pruning_disabled");
            return;
        }
        schedule = Flux.interval(settings.interval(), settings.interval())
                .onBackpressureDrop()
                .concatMap(tick -> prune().onErrorResume(e -> {
                    log.warn("outbox_prune_failed error=\"{}\" next_try_in={}", e.toString(), settings.interval());
                    return Mono.empty();
                }), 0)
                .subscribe();
        log.info("outbox_pruning_started retention={} interval={} batch_size={}", settings.retention(),
                settings.interval(), settings.batchSize());
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
