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
import pe.cmep.gateway.outbox.OutboxRepository.Head;
import pe.cmep.gateway.outbox.OutboxRepository.PendingEvent;
import pe.cmep.gateway.outbox.OutboxSender.Outcome;
import pe.cmep.platform.aws.AwsResourceProperties;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import software.amazon.awssdk.services.sqs.SqsAsyncClient;

/**
 * Publishes the rows of {@code outbox_event} to their FIFO queue (solicitud-events or file-events, the row's
 * {@code queue_role}), in id order per solicitud, and stamps them {@code published_at}. A look for rows ("poll")
 * runs when a transaction of this instance that wrote outbox rows commits ({@link OutboxWakeUp}) and every
 * {@code poll-interval} besides, for the rows of other instances and the retries. Each poll locks the first pending
 * row of up to {@code batch-size × parallel-batches} solicitudes, keeps those still first when read again, and
 * then locks their following rows (see {@link OutboxRepository#lockHeads} and
 * {@link OutboxRepository#firstPending}), sends them with {@link OutboxSender} (several SendMessageBatch calls side by
 * side, each solicitud's rows in one call) and stamps what SQS accepted, all in one transaction. An entry SQS
 * refuses counts an attempt and waits for a later poll; so does the whole batch while SQS is unreachable or the
 * {@code sqs-publish} circuit breaker is open. Requests never wait for the relay: it runs on its own and only ever
 * touches rows already committed. The backlog figures of the metrics are counted every {@code backlog-interval}.
 */
@Component
public class OutboxRelay implements SmartLifecycle {

    static final String RESILIENCE_INSTANCE = "sqs-publish";

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    // starts before the web server and stops after it has finished its last requests, whose events then still go out
    private static final int PHASE = SmartLifecycle.DEFAULT_PHASE - 4096;
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);

    private final OutboxRepository pending;
    private final OutboxWakeUp wakeUp;
    private final AwsResourceProperties aws;
    private final OutboxProperties properties;
    private final TransactionalOperator transaction;
    private final OutboxSender sender;
    private final OutboxMetrics metrics;
    private final Clock clock;
    private volatile boolean running;
    private volatile boolean pollFailing;
    private volatile Sinks.Empty<Void> stopping = Sinks.empty();
    private volatile Mono<Void> finished = Mono.empty();
    private volatile Disposable backlogCount;

    OutboxRelay(OutboxRepository pending, OutboxWakeUp wakeUp, SqsAsyncClient sqs, AwsResourceProperties aws,
                OutboxProperties properties, ReactiveTransactionManager transactionManager,
                CircuitBreakerRegistry breakers, RetryRegistry retries, MeterRegistry registry, Clock clock) {
        this.pending = pending;
        this.wakeUp = wakeUp;
        this.aws = aws;
        this.properties = properties;
        // READ COMMITTED: the locking reads then lock the rows they return and no gaps, so the API's inserts of
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
        stopping = Sinks.empty();
        running = true;
        // a commit during a poll is kept (latest) and causes one more poll after it: that poll may have looked
        // before the commit; ticks of the interval that come during a poll are as good as that one
        Flux.merge(wakeUp.commits(), Flux.interval(Duration.ZERO, properties.pollInterval()))
                .onBackpressureLatest()
                .takeUntilOther(stopping.asMono())
                .concatMap(signal -> drain(), 0)
                .doFinally(signal -> done.tryEmitEmpty())
                .subscribe();
        backlogCount = Flux.interval(Duration.ZERO, properties.backlogInterval())
                .onBackpressureDrop()
                .concatMap(tick -> pending.backlog()
                        .doOnNext(metrics::remember)
                        // the poll's own line says the database is unreachable; the oldest-pending age keeps growing
                        .onErrorResume(e -> Mono.empty()), 0)
                .subscribe();
        log.info("outbox_relay_started queues={} poll_interval={} batch_size={} parallel_batches={} "
                        + "backlog_interval={}", aws.queues().values(), properties.pollInterval(),
                properties.batchSize(), properties.parallelBatches(), properties.backlogInterval());
    }

    /** Lets the poll under way finish, so nothing is sent and then left unstamped. */
    @Override
    public void stop(Runnable callback) {
        halt().doFinally(signal -> callback.run()).subscribe();
    }

    @Override
    public void stop() {
        halt().block();
    }

    private Mono<Void> halt() {
        running = false;
        stopping.tryEmitEmpty();
        Disposable counting = backlogCount;
        if (counting != null) {
            counting.dispose();
        }
        return finished.timeout(STOP_TIMEOUT, Mono.empty());
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
     * Poll after poll while each publishes something: a backlog (rows that piled up while SQS was down, or more
     * than one poll takes) drains at once instead of one poll per interval.
     */
    private Mono<Void> drain() {
        return relayOnce()
                .expand(sent -> running && sent > 0 ? relayOnce() : Mono.empty())
                .then()
                .doOnSuccess(v -> {
                    if (pollFailing) {
                        pollFailing = false;
                        log.info("outbox_poll_recovered");
                    }
                })
                .onErrorResume(e -> {
                    // the database is unreachable or refused the statement: said once, retried every poll
                    if (!pollFailing) {
                        pollFailing = true;
                        log.warn("outbox_poll_failed error={}", OutboxSender.describe(e), e);
                    }
                    return Mono.empty();
                });
    }

    /** One poll in one transaction; emits how many events SQS accepted. */
    private Mono<Integer> relayOnce() {
        int solicitudes = properties.solicitudesPerPoll();
        return pending.lockHeads(solicitudes)
                .collectList()
                .flatMap(heads -> heads.isEmpty() ? Mono.just(List.<Integer>of())
                        : pending.firstPending(heads.stream().map(Head::solicitudId).toList())
                                .map(first -> Head.confirmed(heads, first)))
                .flatMap(ids -> ids.isEmpty() ? Mono.just(List.<PendingEvent>of())
                        : pending.lockPendingOf(ids, solicitudes * properties.batchSize()).collectList())
                .flatMap(rows -> rows.isEmpty() ? Mono.just(Outcome.NOTHING) : sender.send(rows).flatMap(this::record))
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
