package pe.cmep.gateway.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OutboxPropertiesTest {

    @ParameterizedTest
    @ValueSource(ints = {0, 11})
    void a_batch_size_outside_what_one_send_message_batch_takes_is_refused(int batchSize) {
        assertThatThrownBy(() -> settings(Duration.ofMillis(200), batchSize, 4, Duration.ofSeconds(5)))
                .hasMessageContaining("cmep.outbox.batch-size");
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 10})
    void a_batch_size_of_one_to_ten_is_accepted(int batchSize) {
        assertThatCode(() -> settings(Duration.ofMillis(200), batchSize, 4, Duration.ofSeconds(5)))
                .doesNotThrowAnyException();
    }

    @ParameterizedTest
    @ValueSource(strings = {"PT0S", "PT-1S"})
    void the_poll_interval_and_send_timeout_must_be_positive(String duration) {
        assertThatThrownBy(() -> settings(Duration.parse(duration), 10, 4, Duration.ofSeconds(5)))
                .hasMessageContaining("cmep.outbox.poll-interval");
        assertThatThrownBy(() -> settings(Duration.ofMillis(200), 10, 4, Duration.parse(duration)))
                .hasMessageContaining("cmep.outbox.send-timeout");
    }

    @Test
    void parallel_batches_must_be_at_least_one() {
        assertThatThrownBy(() -> settings(Duration.ofMillis(200), 10, 0, Duration.ofSeconds(5)))
                .hasMessageContaining("cmep.outbox.parallel-batches");
    }

    @Test
    void a_poll_takes_up_to_batch_size_times_parallel_batches_solicitudes() {
        assertThat(settings(Duration.ofMillis(200), 10, 4, Duration.ofSeconds(5)).solicitudesPerPoll()).isEqualTo(40);
    }

    @Test
    void the_pruning_retention_must_be_positive_and_its_batch_at_least_one_row() {
        assertThatThrownBy(() -> TestProperties.pruning(Duration.ZERO, 1000))
                .hasMessageContaining("cmep.outbox.pruning.retention");
        assertThatThrownBy(() -> TestProperties.pruning(Duration.ofDays(7), 0))
                .hasMessageContaining("cmep.outbox.pruning.batch-size");
    }

    private static OutboxProperties settings(Duration pollInterval, int batchSize, int parallelBatches,
                                             Duration sendTimeout) {
        return new OutboxProperties(true, pollInterval, batchSize, parallelBatches, sendTimeout, Duration.ofSeconds(10),
                TestProperties.pruning(Duration.ofDays(7), 1000));
    }
}
