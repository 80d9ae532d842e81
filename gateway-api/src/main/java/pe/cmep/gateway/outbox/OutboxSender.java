package pe.cmep.gateway.outbox;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.reactor.circuitbreaker.operator.CircuitBreakerOperator;
import io.github.resilience4j.reactor.retry.RetryOperator;
import io.github.resilience4j.retry.Retry;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import pe.cmep.gateway.outbox.OutboxRepository.PendingEvent;
import pe.cmep.platform.aws.AwsResourceProperties;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import software.amazon.awssdk.services.sqs.SqsAsyncClient;
import software.amazon.awssdk.services.sqs.model.BatchResultErrorEntry;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequest;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchResponse;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchResultEntry;

/**
 * The relay's SQS side: the SendMessageBatch calls of one poll ({@link OutboxBatches}; {@code MessageGroupId} =
 * solicitud id, {@code MessageDeduplicationId} = event id), up to {@code parallel-batches} at once, each through the
 * {@code sqs-publish} circuit breaker and retry. It never fails: what SQS did not accept comes back as failures with
 * their reason.
 */
class OutboxSender {

    private final SqsAsyncClient sqs;
    private final AwsResourceProperties aws;
    private final OutboxProperties properties;
    private final CircuitBreaker breaker;
    private final Retry retry;
    private final MeterRegistry registry;
    private final Map<String, String> queueUrls = new ConcurrentHashMap<>();

    OutboxSender(SqsAsyncClient sqs, AwsResourceProperties aws, OutboxProperties properties, CircuitBreaker breaker,
                 Retry retry, MeterRegistry registry) {
        this.sqs = sqs;
        this.aws = aws;
        this.properties = properties;
        this.breaker = breaker;
        this.retry = retry;
        this.registry = registry;
    }

    /** @param rows the rows of the poll in id order */
    Mono<Outcome> send(List<PendingEvent> rows) {
        return Flux.fromIterable(OutboxBatches.plan(rows, properties.batchSize()))
                .flatMap(batch -> send(batch.queueRole(), batch.rows()), properties.parallelBatches())
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

    private Timer timer(String queueRole, String outcome) {
        return Timer.builder("cmep.outbox.publish")
                .tag("queue", queueRole)
                .description("One SendMessageBatch of the outbox relay, retries included")
                .tag("outcome", outcome)
                .register(registry);
    }

    static String describe(Throwable e) {
        return e.getClass().getSimpleName() + ": " + e.getMessage();
    }

    /** What one batch did: the rows SQS accepted and those it did not (with the reason). */
    record Outcome(List<PendingEvent> published, List<Failure> failed) {
        static final Outcome NOTHING = new Outcome(List.of(), List.of());

        Outcome plus(Outcome other) {
            List<PendingEvent> allPublished = new ArrayList<>(published);
            allPublished.addAll(other.published());
            List<Failure> allFailed = new ArrayList<>(failed);
            allFailed.addAll(other.failed());
            return new Outcome(allPublished, allFailed);
        }
    }

    record Failure(PendingEvent row, String error) {
    }
}
