package pe.cmep.gateway.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.reactive.TransactionalOperator;
import pe.cmep.events.SolicitudEvent;
import pe.cmep.gateway.support.BackendProperties;
import pe.cmep.gateway.support.EventsQueue;
import pe.cmep.localstack.TestBackends;
import pe.cmep.localstack.UsesTestBackend;
import reactor.core.publisher.Flux;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * The relay woken by the commits of this instance. The poll interval is an hour, so whatever arrives within seconds
 * was sent because the commit woke the relay; a database of its own, so nothing else wakes it.
 */
@UsesTestBackend
@SpringBootTest(properties = "cmep.outbox.poll-interval=1h")
@ActiveProfiles("test")
class OutboxWakeUpIT {

    private static final String DATABASE = "cmep_outbox_wakeup";
    // the wake-up path takes milliseconds; without it the event would wait an hour. Five seconds leave a loaded
    // two-core machine room and still tell the two apart.
    private static final Duration WITHOUT_POLLING = Duration.ofSeconds(5);

    @RegisterExtension
    static final EventsQueue queue = new EventsQueue();

    @Autowired
    Outbox outbox;

    @Autowired
    TransactionalOperator transaction;

    @Autowired
    MeterRegistry registry;

    @Autowired
    DatabaseClient db;

    @DynamicPropertySource
    static void testBackend(DynamicPropertyRegistry registry) {
        TestBackends.shared().createDatabase(DATABASE);
        BackendProperties.register(registry, DATABASE);
    }

    /**
     * The first publication of a JVM also sets up the SQS client (connections, queue URL), which on a loaded machine
     * took longer than the bound measured here; that is start-up, not the relay's delay. The relay counts a call
     * after SQS has answered it, when its messages may already have been received, so a test counting calls first
     * waits for every earlier row to be stamped, which the relay does after counting (a CI run counted the warm-up's
     * call inside the next test).
     */
    @BeforeEach
    void firstPublicationDone() {
        SolicitudEvent warmUp = TestEvents.edit(TestEvents.newSolicitudId(), 0);
        outbox.append(warmUp).as(transaction::transactional).block(Duration.ofSeconds(10));
        assertThat(queue.receive(List.of(warmUp.eventId().toString()), Duration.ofSeconds(60))).hasSize(1);
        everyRowStampedPublished();
    }

    @Test
    void an_event_is_published_as_soon_as_its_transaction_commits_without_waiting_for_a_poll() {
        SolicitudEvent event = TestEvents.edit(TestEvents.newSolicitudId(), 1);

        outbox.append(event).as(transaction::transactional).block(Duration.ofSeconds(10));

        assertThat(queue.receive(List.of(event.eventId().toString()), WITHOUT_POLLING)).hasSize(1);
    }

    @Test
    void events_of_one_solicitud_committed_together_leave_in_order_in_one_send_message_batch() {
        int solicitudId = TestEvents.newSolicitudId();
        List<SolicitudEvent> events = new ArrayList<>();
        for (int step = 1; step <= 8; step++) {
            events.add(TestEvents.edit(solicitudId, step));
        }
        double callsBefore = sendMessageBatchCalls();

        Flux.fromIterable(events).concatMap(outbox::append).then().as(transaction::transactional)
                .block(Duration.ofSeconds(10));

        List<String> ids = events.stream().map(e -> e.eventId().toString()).toList();
        List<Message> received = queue.receive(ids, WITHOUT_POLLING);
        assertThat(received.stream().map(EventsQueue::dedupId).toList()).containsExactlyElementsOf(ids);
        everyRowStampedPublished();
        // one row per solicitud per batch (the relay before decision 42) would have taken eight
        assertThat(sendMessageBatchCalls() - callsBefore).isEqualTo(1);
    }

    private void everyRowStampedPublished() {
        Awaitility.await("every event stamped published").atMost(Duration.ofSeconds(10))
                .until(() -> db.sql("SELECT COUNT(*) FROM outbox_event WHERE published_at IS NULL")
                        .map((row, meta) -> ((Number) row.get(0)).longValue()).one().block() == 0);
    }

    private double sendMessageBatchCalls() {
        return registry.find("cmep.outbox.publish").timers().stream().mapToDouble(t -> t.count()).sum();
    }
}
