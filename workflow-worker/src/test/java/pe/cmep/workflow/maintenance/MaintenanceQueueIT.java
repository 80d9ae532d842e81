package pe.cmep.workflow.maintenance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;
import pe.cmep.events.AwsResources.QueueSpec;
import pe.cmep.events.MaintenanceMessage;
import pe.cmep.events.MaintenanceMessageCodec;
import pe.cmep.platform.aws.AwsResourceProperties;
import pe.cmep.workflow.WorkerIntegrationTest;
import software.amazon.awssdk.services.sqs.SqsAsyncClient;

/** Messages on the real maintenance queue, consumed by the running worker (real clock). */
class MaintenanceQueueIT extends WorkerIntegrationTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Autowired
    SqsAsyncClient sqs;

    @Autowired
    AwsResourceProperties aws;

    @Autowired
    DatabaseClient db;

    @Autowired
    MeterRegistry registry;

    private final MaintenanceMessageCodec codec = new MaintenanceMessageCodec();
    private QueueProbe queues;
    private QueueSpec queue;
    private SessionRows rows;
    private LocalDateTime now;
    private int userId;

    @BeforeEach
    void setUp() {
        queues = new QueueProbe(sqs);
        queue = aws.queue("maintenance");
        rows = new SessionRows(db);
        now = LocalDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS);
        userId = rows.newUser();
    }

    @Test
    void a_session_cleanup_message_removes_expired_sessions_and_keeps_live_ones() {
        List<String> expired = List.of(rows.session(userId, now.minusHours(1)), rows.session(userId, now.minusDays(2)));
        List<String> live = List.of(rows.session(userId, now.plusHours(1)), rows.session(userId, now.plusDays(2)));
        double removedBefore = removed();

        queues.send(queue.name(), codec.toJson(MaintenanceMessage.sessionCleanup(Instant.now())));

        await().atMost(WAIT).until(() -> rows.remaining(expired).isEmpty());
        assertThat(rows.remaining(live)).containsExactlyInAnyOrderElementsOf(live);
        assertThat(removed() - removedBefore).isGreaterThanOrEqualTo(expired.size());
        await().atMost(WAIT).until(() -> queues.depth(queue.name()) == 0);
        assertThat(queues.depth(queue.dlqName())).isZero();
    }

    @Test
    void a_redelivered_message_is_harmless() {
        String expired = rows.session(userId, now.minusMinutes(10));
        String live = rows.session(userId, now.plusMinutes(10));
        String body = codec.toJson(MaintenanceMessage.sessionCleanup(Instant.now()));
        long runsBefore = runs("done");

        queues.send(queue.name(), body);
        queues.send(queue.name(), body);

        await().atMost(WAIT).until(() -> runs("done") >= runsBefore + 2);
        assertThat(rows.remaining(List.of(expired, live))).containsExactly(live);
        assertThat(runs("failed")).isZero();
        await().atMost(WAIT).until(() -> queues.depth(queue.name()) == 0);
        assertThat(queues.depth(queue.dlqName())).isZero();
    }

    @Test
    void messages_with_an_unknown_task_or_version_or_no_json_end_in_the_dead_letter_queue() {
        String unknownTask = "{\"task\":\"vacuum_files\",\"version\":1,\"requested_at\":\"2026-01-29T18:00:00Z\","
                + "\"message_id\":\"m-unknown-task\"}";
        String unknownVersion = "{\"task\":\"session_cleanup\",\"version\":2,\"requested_at\":\"2026-01-29T18:00:00Z\","
                + "\"message_id\":\"m-version-2\"}";
        String notJson = "clean the sessions, please";
        String expired = rows.session(userId, now.minusHours(3));
        double rejectedBefore = rejected();

        List.of(unknownTask, unknownVersion, notJson).forEach(body -> queues.send(queue.name(), body));

        List<String> deadLetters = new ArrayList<>();
        await().atMost(Duration.ofSeconds(90)).until(() -> {
            deadLetters.addAll(queues.take(queue.dlqName()));
            return deadLetters.size() >= 3;
        });
        assertThat(deadLetters).containsExactlyInAnyOrder(unknownTask, unknownVersion, notJson);
        // each was received, refused and left unacknowledged up to the queue's maximum receive count
        assertThat(rejected() - rejectedBefore).isEqualTo(3.0 * aws.dlqMaxReceiveCount());
        assertThat(rows.remaining(List.of(expired))).containsExactly(expired);
        assertThat(queues.depth(queue.name())).isZero();
    }

    private double removed() {
        return registry.get("cmep.sessions.removed").counter().count();
    }

    private double rejected() {
        return registry.get("cmep.maintenance.rejected").counter().count();
    }

    private long runs(String outcome) {
        var timer = registry.find("cmep.sessions.cleanup").tag("outcome", outcome).timer();
        return timer == null ? 0 : timer.count();
    }
}
