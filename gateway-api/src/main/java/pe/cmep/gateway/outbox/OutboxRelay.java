package pe.cmep.gateway.outbox;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.reactor.circuitbreaker.operator.CircuitBreakerOperator;
import io.github.resilience4j.reactor.retry.RetryOperator;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryRegistry;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.ReactiveTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.reactive.TransactionalOperator;
import org.springframework.transaction.support.DefaultTransactionDefinition;
import pe.cmep.gateway.outbox.PendingEvents.PendingEvent;
import pe.cmep.platform.aws.AwsResourceProperties;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import software.amazon.awssdk.services.sqs.SqsAsyncClient;
import software.amazon.awssdk.services.sqs.model.BatchResultErrorEntry;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequest;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchResponse;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchResultEntry;

/**
 * Publishes the rows of {@code outbox_event} to their FIFO queue (solicitud-events or file-events, the row's
 * {@code queue_role}), oldest first, and stamps them {@code published_at}. Each poll locks a batch (see
 * {@link PendingEvents#lockNext}), sends it with one SendMessageBatch per queue ({@code MessageGroupId} = solicitud id, {@code MessageDeduplicationId} = event id) and
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

    private final PendingEvents pending;
    private final SqsAsyncClient sqs;
    private final AwsResourceProperties aws;
    private final OutboxProperties properties;
    private final TransactionalOperator transaction;
    private final CircuitBreaker breaker;
    private final Retry retry;
    private final Clock clock;
    private final MeterRegistry registry;
    private final AtomicLong backlog = new AtomicLong();
    private final AtomicReference<Instant> oldestPending = new AtomicReference<>();
    private final Counter published;
    private final Counter failures;
    private final Map<String, String> queueUrls = new ConcurrentHashMap<>();
    private volatile boolean running;
    private volatile boolean pollFailing;
    private volatile Mono<Void> finished = Mono.empty();

    OutboxRelay(PendingEvents pending, SqsAsyncClient sqs, AwsResourceProperties aws, OutboxProperties properties,
                ReactiveTransactionManager transactionManager, CircuitBreakerRegistry breakers, RetryRegistry retries,
                MeterRegistry registry, Clock clock) {
        this.pending = pending;
        this.sqs = sqs;
        this.aws = aws;
        this.properties = properties;
        // READ COMMITTED: the locking read then locks the rows it returns and no gaps, so the API's inserts of
        // new outbox rows never wait for a batch being sent
        DefaultTransactionDefinition definition = new DefaultTransactionDefinition();
        definition.setIsolationLevel(TransactionDefinition.ISOLATION_READ_COMMITTED);
        this.transaction = TransactionalOperator.create(transactionManager, definition);
        this.breaker = breakers.circuitBreaker(RESILIENCE_INSTANCE);
        this.retry = retries.retry(RESILIENCE_INSTANCE);
        this.clock = clock;
        this.registry = registry;
        Gauge.builder("cmep.outbox.backlog", backlog, AtomicLong::get)
                .description("Outbox rows not yet published, as of the relay's last poll")
                .register(registry);
        // computed when read, not at the poll: while polls fail (database down) the age keeps growing and the
        // "oldest pending > 60 s" alarm goes off, instead of showing the last good figure
        Gauge.builder("cmep.outbox.oldest.age", this, OutboxRelay::oldestPendingAgeSeconds)
                .description("Seconds the oldest unpublished outbox row has waited, as of the relay's last poll")
                .baseUnit("seconds")
                .register(registry);
        this.published = Counter.builder("cmep.outbox.published")
                .description("Events the relay published to SQS")
                .register(registry);
        this.failures = Counter.builder("cmep.outbox.publish.failures")
                .description("Events whose publication failed (each is retried on a later poll)")
                .register(registry);
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
                .doOnNext(this::remember)
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
                        log.warn("outbox_poll_failed error={}", describe(e), e);
                    }
                    return Mono.empty();
                })
                .then();
    }

    private void remember(PendingEvents.Backlog figures) {
        backlog.set(figures.pending());
        oldestPending.set(figures.oldest() == null ? null : figures.oldest().toInstant(ZoneOffset.UTC));
    }

    private double oldestPendingAgeSeconds() {
        Instant oldest = oldestPending.get();
        return oldest == null ? 0 : Math.max(0, Duration.between(oldest, clock.instant()).toMillis() / 1000.0);
    }

    /** One batch in one transaction; emits how many events SQS accepted. */
    private Mono<Integer> relayOnce() {
        return pending.lockNext(properties.batchSize())
                .collectList()
                .flatMap(rows -> rows.isEmpty() ? Mono.just(Outcome.NOTHING) : sendByQueue(rows).flatMap(this::record))
                .as(transaction::transactional)
                .doOnNext(this::report)
                .map(outcome -> outcome.published().size());
    }

    private Mono<Outcome> sendByQueue(List<PendingEvent> rows) {
        Map<String, List<PendingEvent>> byQueue = rows.stream()
                .collect(Collectors.groupingBy(PendingEvent::queueRole, LinkedHashMap::new, Collectors.toList()));
        return Flux.fromIterable(byQueue.entrySet())
                .concatMap(entry -> send(entry.getKey(), entry.getValue()))
                .reduce(Outcome.NOTHING, Outcome::plus);
    }

    private Mono<Outcome> send(String queueRole, List<PendingEvent> rows) {
        Timer.Sample sample = Timer.start(registry);
        AtomicBoolean tried = new AtomicBoolean();
        return Mono.defer(() -> queueUrl(queueRole))
                .flatMap(url -> Mono.fromFuture(() -> sqs.sendMessageBatch(request(url, rows))))
                // runs only for a call the breaker lets through
                .doOnSubscribe(subscription -> tried.set(true))
                .transformDeferred(CircuitBreakerOperator.of(breaker))
                .transformDeferred(RetryOperator.of(retry))
                .map(response -> outcomeOf(rows, response))
                .doOnNext(outcome -> sample.stop(timer(queueRole, outcome.failed().isEmpty() ? "published" : "partial")))
                // the breaker was open from the start: nothing was tried, so nothing counts as an attempt
                .onErrorResume(e -> e instanceof CallNotPermittedException && !tried.get(),
                        e -> Mono.just(Outcome.NOTHING))
                .onErrorResume(e -> {
                    sample.stop(timer(queueRole, "failed"));
                    String error = describe(e);
                    return Mono.just(new Outcome(List.of(),
                            rows.stream().map(row -> new Failure(row, error)).toList()));
                });
    }

    private Mono<String> queueUrl(String queueRole) {
        String known = queueUrls.get(queueRole);
        if (known != null) {
            return Mono.just(known);
        }
        return Mono.fromCallable(() -> aws.queue(queueRole).name())
                .flatMap(name -> Mono.fromFuture(() -> sqs.getQueueUrl(r -> r.queueName(name)
                        .overrideConfiguration(o -> o.apiCallTimeout(properties.sendTimeout())))))
                .map(response -> response.queueUrl())
                .doOnNext(url -> queueUrls.put(queueRole, url));
    }

    private SendMessageBatchRequest request(String url, List<PendingEvent> rows) {
        return SendMessageBatchRequest.builder()
                .queueUrl(url)
                .entries(rows.stream().map(row -> SendMessageBatchRequestEntry.builder()
                        .id(Long.toString(row.outboxId()))
                        .messageGroupId(Integer.toString(row.solicitudId()))
                        .messageDeduplicationId(row.eventId())
                        .messageBody(row.payload())
                        .messageAttributes(Map.of(
                                "event_type", MessageAttributeValue.builder()
                                        .dataType("String").stringValue(row.eventType()).build(),
                                "event_version", MessageAttributeValue.builder()
                                        .dataType("Number").stringValue(Integer.toString(row.eventVersion())).build()))
                        .build()).toList())
                .overrideConfiguration(o -> o.apiCallTimeout(properties.sendTimeout()))
                .build();
    }

    private static Outcome outcomeOf(List<PendingEvent> rows, SendMessageBatchResponse response) {
        Set<String> accepted = response.successful().stream()
                .map(SendMessageBatchResultEntry::id)
                .collect(Collectors.toSet());
        Map<String, BatchResultErrorEntry> refused = response.failed().stream()
                .collect(Collectors.toMap(BatchResultErrorEntry::id, entry -> entry));
        List<PendingEvent> published = new ArrayList<>();
        List<Failure> failed = new ArrayList<>();
        for (PendingEvent row : rows) {
            String id = Long.toString(row.outboxId());
            if (accepted.contains(id)) {
                published.add(row);
            } else {
                BatchResultErrorEntry error = refused.get(id);
                failed.add(new Failure(row, error == null ? "not in the SendMessageBatch response"
                        : error.code() + ": " + error.message()));
            }
        }
        return new Outcome(published, failed);
    }

    private Mono<Outcome> record(Outcome outcome) {
        List<Long> publishedIds = outcome.published().stream().map(PendingEvent::outboxId).toList();
        return pending.markPublished(publishedIds, LocalDateTime.now(clock))
                .thenMany(Flux.fromIterable(outcome.failed())
                        .concatMap(f -> pending.markFailed(f.row().outboxId(), f.error())))
                .then(Mono.just(outcome));
    }

    /** After the commit, so the figures and lines say what the database holds. */
    private void report(Outcome outcome) {
        published.increment(outcome.published().size());
        failures.increment(outcome.failed().size());
        for (Failure f : outcome.failed()) {
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

    private Timer timer(String queueRole, String outcome) {
        return Timer.builder("cmep.outbox.publish")
                .tag("queue", queueRole)
                .description("One SendMessageBatch of the outbox relay, retries included")
                .tag("outcome", outcome)
                .register(registry);
    }

    private static String describe(Throwable e) {
        return e.getClass().getSimpleName() + ": " + e.getMessage();
    }

    /** What one batch did: the rows SQS accepted and those it did not (with the reason). */
    private record Outcome(List<PendingEvent> published, List<Failure> failed) {
        static final Outcome NOTHING = new Outcome(List.of(), List.of());

        Outcome plus(Outcome other) {
            List<PendingEvent> allPublished = new ArrayList<>(published);
            allPublished.addAll(other.published());
            List<Failure> allFailed = new ArrayList<>(failed);
            allFailed.addAll(other.failed());
            return new Outcome(allPublished, allFailed);
        }
    }

    private record Failure(PendingEvent row, String error) {
    }
}
