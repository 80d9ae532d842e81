package pe.cmep.gateway.outbox;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OutboxPropertiesTest {

    @ParameterizedTest
    @ValueSource(ints = {0, 11})
    void a_batch_size_outside_what_one_send_message_batch_takes_is_refused(int batchSize) {
        assertThatThrownBy(() -> new OutboxProperties(true, Duration.ofMillis(200), batchSize, Duration.ofSeconds(5)))
                .hasMessageContaining("cmep.outbox.batch-size");
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 10})
    void a_batch_size_of_one_to_ten_is_accepted(int batchSize) {
        assertThatCode(() -> new OutboxProperties(true, Duration.ofMillis(200), batchSize, Duration.ofSeconds(5)))
                .doesNotThrowAnyException();
    }

    @ParameterizedTest
    @ValueSource(strings = {"PT0S", "PT-1S"})
    void the_poll_interval_and_send_timeout_must_be_positive(String duration) {
        assertThatThrownBy(() -> new OutboxProperties(true, Duration.parse(duration), 10, Duration.ofSeconds(5)))
                .hasMessageContaining("cmep.outbox.poll-interval");
        assertThatThrownBy(() -> new OutboxProperties(true, Duration.ofMillis(200), 10, Duration.parse(duration)))
                .hasMessageContaining("cmep.outbox.send-timeout");
    }
}
