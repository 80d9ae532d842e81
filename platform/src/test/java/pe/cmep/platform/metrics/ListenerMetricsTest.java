package pe.cmep.platform.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.awspring.cloud.sqs.listener.SqsHeaders;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;

class ListenerMetricsTest {

    private static final Instant NOW = Instant.parse("2026-12-02T10:00:00Z");

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final ListenerMetrics<String> metrics =
            new ListenerMetrics<>(registry, "file-events", 5, Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void a_handled_message_counts_as_consumed_with_its_time_since_it_was_sent() {
        metrics.afterProcessing(message(1, NOW.minusMillis(1500)), null);

        assertThat(count("consumed")).isEqualTo(1);
        assertThat(count("failed")).isZero();
        assertThat(registry.get(ListenerMetrics.LAG).tag("listener", "file-events").timer()
                .totalTime(TimeUnit.MILLISECONDS)).isEqualTo(1500);
    }

    @Test
    void a_failure_before_the_last_allowed_receive_is_failed_only() {
        metrics.afterProcessing(message(4, NOW), new IllegalStateException("S3 down"));

        assertThat(count("failed")).isEqualTo(1);
        assertThat(count("dead_lettered")).isZero();
    }

    @Test
    void a_failure_on_the_last_allowed_receive_is_also_a_dead_letter() {
        metrics.afterProcessing(message(5, NOW), new IllegalStateException("unknown version"));

        assertThat(count("failed")).isEqualTo(1);
        assertThat(count("dead_lettered")).isEqualTo(1);
    }

    @Test
    void missing_or_odd_attributes_count_the_outcome_without_a_lag() {
        metrics.afterProcessing(MessageBuilder.withPayload("x")
                .setHeader(SqsHeaders.MessageSystemAttributes.SQS_SENT_TIMESTAMP, "soon").build(), null);

        assertThat(count("consumed")).isEqualTo(1);
        assertThat(registry.get(ListenerMetrics.LAG).timer().count()).isZero();
    }

    private double count(String outcome) {
        return registry.get(ListenerMetrics.MESSAGES).tags("listener", "file-events", "outcome", outcome)
                .counter().count();
    }

    private static Message<String> message(int receiveCount, Instant sent) {
        return MessageBuilder.withPayload("{}")
                .setHeader(SqsHeaders.MessageSystemAttributes.SQS_APPROXIMATE_RECEIVE_COUNT,
                        Integer.toString(receiveCount))
                .setHeader(SqsHeaders.MessageSystemAttributes.SQS_SENT_TIMESTAMP, Long.toString(sent.toEpochMilli()))
                .build();
    }
}
