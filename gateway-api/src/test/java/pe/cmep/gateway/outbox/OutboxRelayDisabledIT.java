package pe.cmep.gateway.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
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
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * A database of its own: the relays of the other test contexts (all enabled) poll {@code cmep_test}
 * and would publish these rows. With no relay running, the relay's statements are also tried here one by one.
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
    OutboxRepository repository;

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

    @Test
    void a_head_is_not_confirmed_while_another_relay_holds_the_earlier_rows_and_is_once_they_are_stamped()
            throws Exception {
        int solicitudId = TestEvents.newSolicitudId();
        // an override and its effect in one action, then a later action
        outbox.append(TestEvents.edit(solicitudId, 1)).then(outbox.append(TestEvents.edit(solicitudId, 2)))
                .as(transaction::transactional).block(Duration.ofSeconds(10));
        outbox.append(TestEvents.edit(solicitudId, 3)).as(transaction::transactional).block(Duration.ofSeconds(10));
        List<Long> ids = db.sql("SELECT outbox_id FROM outbox_event WHERE solicitud_id = :s ORDER BY outbox_id")
                .bind("s", solicitudId)
                .map((row, meta) -> ((Number) row.get(0)).longValue())
                .all().collectList().block();
        OutboxRepository.Head later = new OutboxRepository.Head(solicitudId, ids.get(2));

        // another relay holds the first action's rows, as it does while it sends them
        Sinks.One<List<Long>> held = Sinks.one();
        Sinks.Empty<Void> stamp = Sinks.empty();
        Mono<Void> otherRelay = repository.lockPendingOf(List.of(solicitudId), 2)
                .map(OutboxRepository.PendingEvent::outboxId).collectList()
                .doOnNext(held::tryEmitValue)
                .flatMap(rows -> stamp.asMono().then(repository.markPublished(rows, LocalDateTime.now())))
                .as(transaction::transactional);
        CompletableFuture<Void> running = otherRelay.toFuture();
        try {
            assertThat(held.asMono().block(Duration.ofSeconds(10))).containsExactly(ids.get(0), ids.get(1));

            assertThat(confirmed(later)).as("the later action's row while the earlier ones are held").isEmpty();
            assertThat(repository.lockHeads(100).collectList().as(transaction::transactional)
                    .block(Duration.ofSeconds(10))).noneMatch(head -> head.solicitudId() == solicitudId);

            stamp.tryEmitEmpty();
            running.get(10, TimeUnit.SECONDS);
        } finally {
            running.cancel(true);
        }
        assertThat(confirmed(later)).as("the later action's row once the earlier ones are stamped")
                .containsExactly(solicitudId);
    }

    private List<Integer> confirmed(OutboxRepository.Head head) {
        return repository.firstPending(List.of(head.solicitudId()))
                .map(first -> OutboxRepository.Head.confirmed(List.of(head), first))
                .as(transaction::transactional)
                .block(Duration.ofSeconds(10));
    }
}
