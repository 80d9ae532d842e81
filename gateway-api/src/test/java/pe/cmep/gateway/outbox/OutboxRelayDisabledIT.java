package pe.cmep.gateway.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.reactive.TransactionalOperator;
import pe.cmep.events.SolicitudEvent;
import pe.cmep.gateway.support.EventsQueue;
import pe.cmep.gateway.support.BackendProperties;
import pe.cmep.localstack.TestBackends;
import pe.cmep.localstack.UsesTestBackend;

/**
 * A database of its own: the relays of the other test contexts (all enabled) poll {@code cmep_test}
 * and would publish these rows.
 */
@UsesTestBackend
@SpringBootTest(properties = "cmep.outbox.enabled=false")
@ActiveProfiles("test")
class OutboxRelayDisabledIT {

    private static final String DATABASE = "cmep_outbox_disabled";

    @Autowired
    Outbox outbox;

    @Autowired
    OutboxRelay relay;

    @Autowired
    TransactionalOperator transaction;

    @Autowired
    DatabaseClient db;

    @DynamicPropertySource
    static void testBackend(DynamicPropertyRegistry registry) {
        TestBackends.shared().createDatabase(DATABASE);
        BackendProperties.register(registry, DATABASE);
    }

    @Test
    void with_the_relay_disabled_appended_events_stay_in_the_outbox_and_nothing_is_sent() {
        SolicitudEvent event = TestEvents.edit(TestEvents.newSolicitudId(), 1);

        outbox.append(event).as(transaction::transactional).block(Duration.ofSeconds(10));

        assertThat(relay.isRunning()).isFalse();
        try (EventsQueue queue = new EventsQueue()) {
            // a few poll intervals (200 ms) of an enabled relay
            assertThat(queue.listen(List.of(event.eventId().toString()), Duration.ofSeconds(1))).isEmpty();
        }
        assertThat(db.sql("SELECT published_at IS NULL AND attempts = 0 FROM outbox_event WHERE event_id = :id")
                .bind("id", event.eventId().toString())
                .map((row, meta) -> ((Number) row.get(0)).intValue() == 1)
                .one()
                .block()).isTrue();
    }
}
