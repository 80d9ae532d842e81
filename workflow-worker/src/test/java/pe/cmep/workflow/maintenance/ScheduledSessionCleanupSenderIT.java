package pe.cmep.workflow.maintenance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;
import pe.cmep.localstack.EmbeddedBackendOnly;
import pe.cmep.localstack.StandIns;
import pe.cmep.platform.aws.AwsResourceProperties;
import pe.cmep.workflow.WorkerIntegrationTest;
import software.amazon.awssdk.services.sqs.SqsAsyncClient;

/**
 * The local schedule at a one-second interval. Its context is closed after the class, so no other test sees its
 * messages; before that the schedule is stopped and its last message consumed.
 */
@TestPropertySource(properties = {
        "cmep.maintenance.schedule.enabled=true",
        "cmep.maintenance.schedule.interval=1s",
        "cmep.maintenance.schedule.send-timeout=2s"})
@DirtiesContext
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ScheduledSessionCleanupSenderIT extends WorkerIntegrationTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Autowired
    ScheduledSessionCleanupSender sender;

    @Autowired
    SqsAsyncClient sqs;

    @Autowired
    AwsResourceProperties aws;

    @Autowired
    DatabaseClient db;

    @Autowired
    MeterRegistry registry;

    @Test
    void a_message_goes_out_at_every_interval_and_the_worker_consumes_it() throws InterruptedException {
        SessionRows rows = new SessionRows(db);
        LocalDateTime now = LocalDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS);
        int userId = rows.newUser();
        String expired = rows.session(userId, now.minusMinutes(1));
        String live = rows.session(userId, now.plusHours(1));

        double sentBefore = sends("sent");
        Thread.sleep(4_000);
        double sentInFourSeconds = sends("sent") - sentBefore;

        // one a second; a tick on a busy machine may come late, none comes early
        assertThat(sentInFourSeconds).isBetween(2.0, 5.0);
        await().atMost(WAIT).until(() -> rows.remaining(List.of(expired)).isEmpty());
        assertThat(rows.remaining(List.of(live))).containsExactly(live);
        assertThat(registry.get("cmep.sessions.cleanup").tag("outcome", "done").timer().count())
                .isGreaterThanOrEqualTo(2);
    }

    @Test
    @EmbeddedBackendOnly("stops and starts ElasticMQ; LocalStack has no SQS outage to cause")
    void a_failed_send_is_logged_and_retried_on_the_next_tick() {
        double failedBefore = sends("failed");
        StandIns.shared().stopSqs();
        try {
            await().atMost(WAIT).until(() -> sends("failed") >= failedBefore + 2);
        } finally {
            StandIns.shared().startSqs();
        }
        double sentAfterRestart = sends("sent");

        await().atMost(WAIT).until(() -> sends("sent") >= sentAfterRestart + 2);
        assertThat(sender.isRunning()).isTrue();
    }

    @AfterAll
    void stopTheScheduleAndLetTheWorkerEmptyTheQueue() {
        sender.stop();
        QueueProbe queues = new QueueProbe(sqs);
        String queue = aws.queue("maintenance").name();
        await().atMost(WAIT).until(() -> queues.depth(queue) == 0);
    }

    private double sends(String outcome) {
        return registry.get("cmep.maintenance.scheduled").tag("outcome", outcome).counter().count();
    }
}
