package pe.cmep.gateway.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.retry.RetryRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.ReactiveTransactionManager;
import org.springframework.transaction.reactive.TransactionalOperator;
import pe.cmep.events.ArchivoEvent;
import pe.cmep.events.ArchivoEventCodec;
import pe.cmep.events.ArchivoUploaded;
import pe.cmep.events.SolicitudEvent;
import pe.cmep.events.SolicitudEventCodec;
import pe.cmep.gateway.support.EventsQueue;
import pe.cmep.gateway.support.BackendProperties;
import pe.cmep.localstack.EmbeddedBackendOnly;
import pe.cmep.localstack.StandIns;
import pe.cmep.localstack.TestBackends;
import pe.cmep.localstack.UsesTestBackend;
import pe.cmep.platform.aws.AwsResourceProperties;
import reactor.core.publisher.Flux;
import software.amazon.awssdk.services.sqs.SqsAsyncClient;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * The relay against the test backend, on a database of its own: on {@code cmep_test} the relay of every other
 * cached test context would publish these rows too, and the relay's metrics would no longer say what this
 * test caused. Several relays on one database are tested on purpose, with a second relay started here.
 */
@UsesTestBackend
@SpringBootTest
@ActiveProfiles("test")
class OutboxRelayIT {

    private static final String DATABASE = "cmep_outbox_relay";
    private static final Duration DEADLINE = Duration.ofSeconds(30);

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

    @Autowired
    ApplicationContext context;

    @DynamicPropertySource
    static void testBackend(DynamicPropertyRegistry registry) {
        TestBackends.shared().createDatabase(DATABASE);
        BackendProperties.register(registry, DATABASE);
    }

    @Test
    void a_file_event_goes_to_the_file_events_queue_and_not_to_the_solicitud_events_queue() {
        ArchivoEvent event = ArchivoEvent.of(41, TestEvents.newSolicitudId(), 1, Instant.now(),
                new ArchivoUploaded("uploads/" + "e".repeat(32) + ".pdf", "application/pdf", 10));

        try (EventsQueue files = new EventsQueue("file-events")) {
            outbox.append(event).as(transaction::transactional).block(Duration.ofSeconds(10));

            List<Message> received = files.receive(List.of(event.eventId().toString()), DEADLINE);
            assertThat(received).hasSize(1);
            assertThat(EventsQueue.groupId(received.get(0))).isEqualTo(Integer.toString(event.solicitudId()));
            assertThat(received.get(0).messageAttributes().get("event_type").stringValue()).isEqualTo("archivo.uploaded");
            assertThat(new ArchivoEventCodec().fromJson(received.get(0).body())).isEqualTo(event);
        }
        assertThat(queue.listen(List.of(event.eventId().toString()), Duration.ofSeconds(1))).isEmpty();
    }

    @Test
    void an_appended_event_arrives_with_its_group_deduplication_id_attributes_and_body() {
        double publishedBefore = registry.get("cmep.outbox.published").counter().count();
        SolicitudEvent event = TestEvents.edit(TestEvents.newSolicitudId(), 1);

        outbox.append(event).as(transaction::transactional).block(Duration.ofSeconds(10));

        List<Message> received = queue.receive(List.of(event.eventId().toString()), DEADLINE);
        assertThat(received).hasSize(1);
        Message message = received.get(0);
        assertThat(EventsQueue.groupId(message)).isEqualTo(Integer.toString(event.solicitudId()));
        assertThat(EventsQueue.dedupId(message)).isEqualTo(event.eventId().toString());
        assertThat(message.messageAttributes().get("event_type").dataType()).isEqualTo("String");
        assertThat(message.messageAttributes().get("event_type").stringValue()).isEqualTo("solicitud.edited");
        assertThat(message.messageAttributes().get("event_version").dataType()).isEqualTo("Number");
        assertThat(message.messageAttributes().get("event_version").stringValue()).isEqualTo("1");
        assertThat(new SolicitudEventCodec().fromJson(message.body())).isEqualTo(event);
        awaitPublished(List.of(event));
        await("the published counter counts it",
                () -> registry.get("cmep.outbox.published").counter().count() == publishedBefore + 1);
        assertThat(registry.find("cmep.outbox.publish").tag("outcome", "published").timer().count()).isPositive();
    }

    @Test
    void a_burst_of_events_on_several_solicitudes_arrives_in_order_per_solicitud() {
        Map<Integer, List<SolicitudEvent>> bySolicitud = appendBurst();

        List<Message> received = queue.receive(ids(flatten(bySolicitud)), DEADLINE);

        assertArrivedOnceInOrder(bySolicitud, received);
    }

    @Test
    void with_a_second_relay_on_the_database_each_event_still_arrives_once_and_in_order_per_solicitud() {
        // another API instance: same database and queue, its own poll rhythm and batch size
        OutboxRelay second = new OutboxRelay(context.getBean(OutboxRepository.class),
                context.getBean(OutboxWakeUp.class), context.getBean(SqsAsyncClient.class),
                context.getBean(AwsResourceProperties.class), TestProperties.relay(Duration.ofMillis(50), 3, 2),
                context.getBean(ReactiveTransactionManager.class), context.getBean(CircuitBreakerRegistry.class),
                context.getBean(RetryRegistry.class), new SimpleMeterRegistry(), Clock.systemUTC());
        second.start();
        try {
            Map<Integer, List<SolicitudEvent>> bySolicitud = appendBurst();

            List<Message> received = queue.receive(ids(flatten(bySolicitud)), DEADLINE);

            assertArrivedOnceInOrder(bySolicitud, received);
            awaitPublished(flatten(bySolicitud));
            assertThat(queue.listen(ids(flatten(bySolicitud)), Duration.ofMillis(500))).isEmpty();
        } finally {
            second.stop();
        }
    }

    /** Six solicitudes with seven events each, written by transactions as concurrent requests would. */
    private Map<Integer, List<SolicitudEvent>> appendBurst() {
        Map<Integer, List<SolicitudEvent>> bySolicitud = new LinkedHashMap<>();
        for (int s = 0; s < 6; s++) {
            bySolicitud.put(TestEvents.newSolicitudId(), new ArrayList<>());
        }
        for (int step = 1; step <= 5; step++) {
            List<SolicitudEvent> events = new ArrayList<>();
            for (Map.Entry<Integer, List<SolicitudEvent>> e : bySolicitud.entrySet()) {
                SolicitudEvent event = TestEvents.edit(e.getKey(), step);
                e.getValue().add(event);
                events.add(event);
            }
            Flux.fromIterable(events).concatMap(outbox::append).then()
                    .as(transaction::transactional).block(Duration.ofSeconds(10));
        }
        // two events of one solicitud in one transaction (an override and its effect), for each solicitud
        for (Map.Entry<Integer, List<SolicitudEvent>> e : bySolicitud.entrySet()) {
            SolicitudEvent first = TestEvents.edit(e.getKey(), 6);
            SolicitudEvent second = TestEvents.edit(e.getKey(), 7);
            e.getValue().addAll(List.of(first, second));
            outbox.append(first).then(outbox.append(second)).as(transaction::transactional)
                    .block(Duration.ofSeconds(10));
        }
        return bySolicitud;
    }

    @Test
    @EmbeddedBackendOnly("stops and starts ElasticMQ; LocalStack has no SQS outage to cause")
    void while_sqs_is_down_events_wait_in_the_outbox_and_arrive_once_in_order_when_it_is_back() {
        Map<Integer, List<SolicitudEvent>> bySolicitud = new LinkedHashMap<>();
        StandIns.shared().stopSqs();
        try {
            for (int s = 0; s < 3; s++) {
                int solicitudId = TestEvents.newSolicitudId();
                List<SolicitudEvent> events = new ArrayList<>();
                for (int step = 1; step <= 4; step++) {
                    SolicitudEvent event = TestEvents.edit(solicitudId, step);
                    events.add(event);
                    // the request's transaction does not notice that SQS is down
                    assertThatCode(() -> outbox.append(event).as(transaction::transactional)
                            .block(Duration.ofSeconds(10))).doesNotThrowAnyException();
                }
                bySolicitud.put(solicitudId, events);
            }
            List<SolicitudEvent> all = flatten(bySolicitud);

            await("the relay tried and failed", () -> count("SELECT COUNT(*) FROM outbox_event WHERE attempts > 0 AND "
                    + "event_id IN (" + quoted(ids(all)) + ")") > 0);
            await("the backlog gauge counts the waiting events",
                    () -> registry.get("cmep.outbox.backlog").gauge().value() >= all.size());
            assertThat(count("SELECT COUNT(*) FROM outbox_event WHERE published_at IS NULL AND event_id IN ("
                    + quoted(ids(all)) + ")")).isEqualTo(all.size());
            await("the failures counter counts the failed attempts",
                    () -> registry.get("cmep.outbox.publish.failures").counter().count() > 0);
            await("the oldest-pending age (the alarm's figure) shows the events waiting",
                    () -> registry.get("cmep.outbox.oldest.age").gauge().value() > 1);
        } finally {
            StandIns.shared().startSqs();
        }

        List<SolicitudEvent> all = flatten(bySolicitud);
        List<Message> received = queue.receive(ids(all), DEADLINE);
        assertArrivedOnceInOrder(bySolicitud, received);
        awaitPublished(all);
        // nothing of these events is still on its way: each went out exactly once
        assertThat(queue.listen(ids(all), Duration.ofSeconds(1))).isEmpty();
        await("the backlog gauge is back to zero", () -> registry.get("cmep.outbox.backlog").gauge().value() == 0);
        await("the oldest-pending age is back to zero",
                () -> registry.get("cmep.outbox.oldest.age").gauge().value() == 0);
    }

    private Long count(String sql) {
        return db.sql(sql).map((row, meta) -> ((Number) row.get(0)).longValue()).one().block();
    }

    private static void assertArrivedOnceInOrder(Map<Integer, List<SolicitudEvent>> sent, List<Message> received) {
        List<String> receivedIds = received.stream().map(EventsQueue::dedupId).toList();
        assertThat(receivedIds).as("every event exactly once")
                .containsExactlyInAnyOrderElementsOf(ids(flatten(sent)));
        Map<String, List<String>> byGroup = received.stream().collect(Collectors.groupingBy(
                EventsQueue::groupId, LinkedHashMap::new,
                Collectors.mapping(EventsQueue::dedupId, Collectors.toList())));
        sent.forEach((solicitudId, events) -> assertThat(byGroup.get(Integer.toString(solicitudId)))
                .as("events of solicitud %d in the order they were written", solicitudId)
                .containsExactlyElementsOf(ids(events)));
    }

    private void awaitPublished(List<SolicitudEvent> events) {
        await("every event stamped published", () -> count("SELECT COUNT(*) FROM outbox_event "
                + "WHERE published_at IS NULL AND event_id IN (" + quoted(ids(events)) + ")") == 0);
    }

    private static void await(String what, BooleanSupplier condition) {
        Awaitility.await(what).atMost(DEADLINE).pollInterval(Duration.ofMillis(50)).until(condition::getAsBoolean);
    }

    private static List<SolicitudEvent> flatten(Map<Integer, List<SolicitudEvent>> bySolicitud) {
        return bySolicitud.values().stream().flatMap(List::stream).toList();
    }

    private static List<String> ids(List<SolicitudEvent> events) {
        return events.stream().map(e -> e.eventId().toString()).toList();
    }

    private static String quoted(List<String> ids) {
        return ids.stream().map(id -> "'" + id + "'").collect(Collectors.joining(","));
    }
}
