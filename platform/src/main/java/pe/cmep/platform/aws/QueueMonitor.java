package pe.cmep.platform.aws;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import pe.cmep.events.AwsResources.QueueSpec;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import software.amazon.awssdk.services.sqs.SqsAsyncClient;
import software.amazon.awssdk.services.sqs.model.GetQueueAttributesRequest;
import software.amazon.awssdk.services.sqs.model.GetQueueUrlRequest;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * Polls the depth of this service's queues and their dead-letter queues into gauges
 * ({@code cmep.queue.messages}) and remembers whether each queue answered, for the health check.
 */
public class QueueMonitor implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(QueueMonitor.class);

    private final SqsAsyncClient sqs;
    private final List<QueueSpec> queues;
    private final Duration interval;
    private final Map<String, QueueState> states = new ConcurrentHashMap<>();
    private volatile Disposable polling;

    public QueueMonitor(SqsAsyncClient sqs, AwsResourceProperties properties, MeterRegistry registry) {
        this.sqs = sqs;
        this.queues = properties.monitoredQueues().stream().map(properties::queue).toList();
        this.interval = properties.queuePollInterval();
        for (QueueSpec q : queues) {
            register(registry, q.name(), "main");
            register(registry, q.dlqName(), "dlq");
        }
    }

    private void register(MeterRegistry registry, String queueName, String kind) {
        QueueState state = states.computeIfAbsent(queueName, n -> new QueueState());
        Gauge.builder("cmep.queue.messages", state.visible, AtomicLong::get)
                .description("Messages waiting in the queue (ApproximateNumberOfMessages)")
                .tags("queue", queueName, "kind", kind, "state", "visible")
                .register(registry);
        Gauge.builder("cmep.queue.messages", state.inFlight, AtomicLong::get)
                .description("Messages received but not yet deleted (ApproximateNumberOfMessagesNotVisible)")
                .tags("queue", queueName, "kind", kind, "state", "in_flight")
                .register(registry);
    }

    /** Queue name → the last poll's outcome. */
    public Map<String, QueueState> states() {
        return Map.copyOf(states);
    }

    public List<QueueSpec> queues() {
        return queues;
    }

    Mono<Void> pollOnce() {
        return Flux.fromIterable(states.keySet())
                .flatMap(this::poll)
                .then();
    }

    private Mono<Void> poll(String queueName) {
        QueueState state = states.get(queueName);
        return Mono.fromFuture(() -> sqs.getQueueUrl(GetQueueUrlRequest.builder().queueName(queueName).build()))
                .flatMap(url -> Mono.fromFuture(() -> sqs.getQueueAttributes(GetQueueAttributesRequest.builder()
                        .queueUrl(url.queueUrl())
                        .attributeNames(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE)
                        .build())))
                .doOnNext(resp -> {
                    state.visible.set(parse(resp.attributes().get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES)));
                    state.inFlight.set(parse(resp.attributes().get(
                            QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE)));
                    state.lastSuccess = Instant.now();
                    state.lastError = null;
                })
                .onErrorResume(e -> {
                    if (state.lastError == null) {
                        log.warn("queue_poll_failed queue={} error={}", queueName, e.toString());
                    }
                    state.lastError = e.getClass().getSimpleName() + ": " + e.getMessage();
                    return Mono.empty();
                })
                .then();
    }

    private static long parse(String value) {
        return value == null ? 0 : Long.parseLong(value);
    }

    @Override
    public void start() {
        polling = Flux.interval(Duration.ZERO, interval)
                .onBackpressureDrop()
                .concatMap(tick -> pollOnce())
                .subscribe();
    }

    @Override
    public void stop() {
        Disposable p = polling;
        if (p != null) {
            p.dispose();
        }
        polling = null;
    }

    @Override
    public boolean isRunning() {
        return polling != null && !polling.isDisposed();
    }

    /** The last poll's view of one queue. */
    public static final class QueueState {
        final AtomicLong visible = new AtomicLong();
        final AtomicLong inFlight = new AtomicLong();
        volatile Instant lastSuccess;
        volatile String lastError;

        public long visible() {
            return visible.get();
        }

        public long inFlight() {
            return inFlight.get();
        }

        public Instant lastSuccess() {
            return lastSuccess;
        }

        public String lastError() {
            return lastError;
        }
    }
}
