package pe.cmep.platform.metrics;

import io.awspring.cloud.sqs.listener.SqsHeaders;
import io.awspring.cloud.sqs.listener.interceptor.AsyncMessageInterceptor;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.springframework.messaging.Message;

/**
 * The same figures for every queue listener, whatever it does with its messages: {@code cmep.listener.messages}
 * by outcome ({@code consumed}, {@code failed}, and {@code dead_lettered} for a failure on the last receive the
 * queue allows, after which SQS moves the message to the dead-letter queue) and {@code cmep.listener.lag}, from
 * the moment the message was sent to the queue to the end of its handling.
 *
 * @param <T> the payload type of the container it is added to
 */
public final class ListenerMetrics<T> implements AsyncMessageInterceptor<T> {

    public static final String MESSAGES = "cmep.listener.messages";
    public static final String LAG = "cmep.listener.lag";

    private final Counter consumed;
    private final Counter failed;
    private final Counter deadLettered;
    private final Timer lag;
    private final int maxReceiveCount;
    private final Clock clock;

    /**
     * @param listener        the queue role it listens to (cmep.aws.queues), the {@code listener} tag
     * @param maxReceiveCount the queue's redrive maxReceiveCount (cmep.aws.dlq-max-receive-count)
     */
    public ListenerMetrics(MeterRegistry registry, String listener, int maxReceiveCount, Clock clock) {
        this.consumed = counter(registry, listener, "consumed");
        this.failed = counter(registry, listener, "failed");
        this.deadLettered = counter(registry, listener, "dead_lettered");
        this.lag = Timer.builder(LAG)
                .description("From a message's arrival in the queue to the end of its handling")
                .tag("listener", listener)
                .publishPercentiles(0.5, 0.99)
                .register(registry);
        this.maxReceiveCount = maxReceiveCount;
        this.clock = clock;
    }

    private static Counter counter(MeterRegistry registry, String listener, String outcome) {
        return Counter.builder(MESSAGES)
                .description("Messages handled by a queue listener, by outcome")
                .tags("listener", listener, "outcome", outcome)
                .register(registry);
    }

    @Override
    public CompletableFuture<Void> afterProcessing(Message<T> message, Throwable failure) {
        if (failure == null) {
            consumed.increment();
            Instant sent = header(message, SqsHeaders.MessageSystemAttributes.SQS_SENT_TIMESTAMP)
                    .map(millis -> Instant.ofEpochMilli(Long.parseLong(millis))).orElse(null);
            if (sent != null) {
                Duration waited = Duration.between(sent, clock.instant());
                lag.record(waited.isNegative() ? Duration.ZERO : waited);
            }
        } else {
            failed.increment();
            int receives = header(message, SqsHeaders.MessageSystemAttributes.SQS_APPROXIMATE_RECEIVE_COUNT)
                    .map(Integer::parseInt).orElse(0);
            if (receives >= maxReceiveCount) {
                deadLettered.increment();
            }
        }
        return CompletableFuture.completedFuture(null);
    }

    private static Optional<String> header(Message<?> message, String name) {
        Object value = message.getHeaders().get(name);
        if (value == null) {
            return Optional.empty();
        }
        // SQS sends these attributes as decimal text; anything else is treated as absent rather than failing
        String text = value.toString();
        return !text.isEmpty() && text.length() < 19 && text.chars().allMatch(Character::isDigit)
                ? Optional.of(text)
                : Optional.empty();
    }
}
