package pe.cmep.gateway.outbox;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.retry.RetryRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.ReactiveTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.reactive.TransactionalOperator;
import org.springframework.transaction.support.DefaultTransactionDefinition;
import pe.cmep.gateway.outbox.OutboxRepository.PendingEvent;
import pe.cmep.gateway.outbox.OutboxSender.Outcome;
import pe.cmep.platform.aws.AwsResourceProperties;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import software.amazon.awssdk.services.sqs.SqsAsyncClient;

/**
 * Publishes the rows of {@code outbox_event} to their FIFO queue (solicitud-events or file-events, the row's
 * {@code queue_role}), oldest first, and stamps them {@code published_at}. Each poll locks a batch (see
 * {@link OutboxRepository#lockNext}), sends it with {@link OutboxSender} (one SendMessageBatch per queue) and
 * stamps what SQS accepted, all in one transaction. An entry SQS refuses counts an attempt and waits for a
 * later poll; so does the whole batch while SQS is unreachable or the {@code sqs-publish} circuit breaker is
 * open. Requests never wait for the relay: it runs on its own and only ever touches rows already committed.
 */
@Component
public class OutboxRelay implements SmartLifecycle {

    static final String RESILIENCE_INSTANCE = "sqs-publish";

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    // starts before the web server and stops after it has finished its last requests, whose events then still go out
    private static final int PHASE = SmartLifecycle.DEFAULT_PHASE - 4096;
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);

    private final OutboxRepository pending;
    private final AwsResourceProperties aws;
    private final OutboxProperties properties;
    private final TransactionalOperator transaction;
    private final OutboxSender sender;
    private final OutboxMetrics metrics;
    private final Clock clock;
    private volatile boolean running;
    private volatile boolean pollFailing;
    private volatile Mono<Void> finished = Mono.empty();

    OutboxRelay(OutboxRepository pending, SqsAsyncClient sqs, AwsResourceProperties aws, OutboxProperties properties,
                ReactiveTransactionManager transactionManager, CircuitBreakerRegistry breakers, RetryRegistry retries,
                MeterRegistry registry, Clock clock) {
        this.pending = pending;
        this.aws = aws;
        this.properties = properties;
        // READ COMMITTED: the locking read then locks the rows it returns and no gaps, so the API's inserts of
        // new outbox rows never wait for a batch being sent
        DefaultTransactionDefinition definition = new DefaultTransactionDefinition();
        definition.setIsolationLevel(TransactionDefinition.ISOLATION_READ_COMMITTED);
        this.transaction = TransactionalOperator.create(transactionManager, definition);
        CircuitBreaker breaker = breakers.circuitBreaker(RESILIENCE_INSTANCE);
        this.sender = new OutboxSender(sqs, aws, properties, breaker, retries.retry(RESILIENCE_INSTANCE), registry);
        this.metrics = new OutboxMetrics(registry, clock);
        this.clock = clock;
        breaker.getEventPublisher().onStateTransition(e -> log.warn("outbox_circuit_breaker name={} transition={}",
                e.getCircuitBreakerName(), e.getStateTransition()));
    }

    @Override
    public void start() {
        if (!properties.enabled()) {
            log.info("outbox_relay_disabled (cmep.outbox.enabled=false): this instance publishes no events");
            return;
        }
        Sinks.Empty<Void> done = Sinks.empty();
        finished = done.asMono();
        running = true;
        Flux.interval(Duration.ZERO, properties.pollInterval())
                .onBackpressureDrop()
                .takeWhile(tick -> running)
                .concatMap(tick -> drain(), 0)
                .doFinally(signal -> done.tryEmitEmpty())
                .subscribe();
        log.info("outbox_relay_started queues={} poll_interval={} batch_size={}", aws.queues().values(),
                properties.pollInterval(), properties.batchSize());
    }

    /** Lets the batch under way finish, so nothing is sent and then left unstamped. */
    @Override
    public void stop(Runnable callback) {
        running = false;
        finished.timeout(STOP_TIMEOUT, Mono.empty()).doFinally(signal -> callback.run()).subscribe();
    }

    @Override
    public void stop() {
        running = false;
        finished.timeout(STOP_TIMEOUT, Mono.empty()).block();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return PHASE;
    }

    /**
     * Batch after batch while each publishes something, then the backlog figure. Not only while they come
     * back full: a backlog on few solicitudes gives small batches (one row per solicitud), and waiting a poll
     * interval after each would drain it slowly.
     */
    private Mono<Void> drain() {
        return relayOnce()
                .expand(sent -> running && sent > 0 ? relayOnce() : Mono.empty())
                .then(pending.backlog())
                .doOnNext(metrics::remember)
                .doOnSuccess(figures -> {
                    if (pollFailing) {
                        pollFailing = false;
                        log.info("outbox_poll_recovered backlog={}", figures.pending());
                    }
                })
                .onErrorResume(e -> {
                    // the database is unreachable or refused the statement: said once, retried every poll
                    if (!pollFailing) {
                        pollFailing = true;
                        log.warn("outbox_poll_failed error={}", OutboxSender.describe(e), e);
                    }
                    return Mono.empty();
                })
                .then();
    }

    /** One batch in one transaction; emits how many events SQS accepted. */
    private Mono<Integer> relayOnce() {
        return pending.lockNext(properties.batchSize())
                .collectList()
                .flatMap(rows -> rows.isEmpty() ? Mono.just(Outcome.NOTHING) : sender.sendByQueue(rows).flatMap(this::record))
                .as(transaction::transactional)
                .doOnNext(metrics::report)
                .map(outcome -> outcome.published().size());
    }

    private Mono<Outcome> record(Outcome outcome) {
        List<Long> publishedIds = outcome.published().stream().map(PendingEvent::outboxId).toList();
        return pending.markPublished(publishedIds, LocalDateTime.now(clock))
                .thenMany(Flux.fromIterable(outcome.failed())
                        .concatMap(f -> pending.markFailed(f.row().outboxId(), f.error())))
                .then(Mono.just(outcome));
    }
}
