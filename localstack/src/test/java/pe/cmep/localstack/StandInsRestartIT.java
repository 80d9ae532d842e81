package pe.cmep.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import pe.cmep.events.AwsResources.QueueSpec;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.SendMessageRequest;

/**
 * What {@code ./cmep up} after {@code ./cmep down} sees: a second start on the same home. Runs in a JVM of its own
 * (see the pom), because ElasticMQ can persist only one home per JVM and the other tests use {@link StandIns#shared()}.
 */
class StandInsRestartIT {

    private static final Path HOME = Path.of("target", "restart-test");
    private static final String DATABASE = "cmep_restart";
    private static final String KEY = "uploads/" + UUID.randomUUID() + "/kept.bin";
    private static final byte[] BYTES = UUID.randomUUID().toString().getBytes();

    private static List<Integer> firstPorts;
    private static StandIns second;

    @BeforeAll
    static void run_once_write_data_and_stop() throws Exception {
        Directories.deleteRecursively(HOME);
        StandInsSettings settings = new StandInsSettings(HOME, 0, 0, 0, List.of(DATABASE));
        try (StandIns first = StandIns.start(settings)) {
            firstPorts = List.of(first.databasePort(), first.sqsPort(), first.s3Port());
            execute(first, "CREATE TABLE solicitud (id INT PRIMARY KEY)");
            execute(first, "INSERT INTO solicitud VALUES (7)");
            try (S3Client s3 = Clients.s3(first)) {
                s3.putObject(r -> r.bucket(first.resources().bucket()).key(KEY), RequestBody.fromBytes(BYTES));
            }
            try (SqsClient sqs = AwsClients.sqs(first.sqsEndpoint())) {
                for (QueueSpec queue : first.resources().queues()) {
                    sqs.sendMessage(send(queue, url(sqs, queue.name()), "waiting for " + queue.name()));
                }
            }
        }
        second = StandIns.start(settings);
    }

    @AfterAll
    static void stop() {
        if (second != null) {
            second.close();
        }
    }

    @Test
    void close_frees_every_port() {
        for (int port : firstPorts) {
            assertThatCode(() -> Ports.requireFree(port, "test")).as("port " + port).doesNotThrowAnyException();
        }
    }

    @Test
    void database_keeps_data_across_a_full_restart() throws SQLException {
        try (Connection connection = DriverManager.getConnection(second.jdbcUrl(DATABASE), "root", "");
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT id FROM solicitud")) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getInt(1)).isEqualTo(7);
        }
    }

    @Test
    void bucket_keeps_objects_across_a_full_restart() {
        try (S3Client s3 = Clients.s3(second)) {
            assertThat(s3.getObjectAsBytes(r -> r.bucket(second.resources().bucket()).key(KEY)).asByteArray())
                    .isEqualTo(BYTES);
        }
    }

    @Test
    void queues_keep_messages_and_redrive_across_a_full_restart() {
        try (SqsClient sqs = AwsClients.sqs(second.sqsEndpoint())) {
            for (QueueSpec queue : second.resources().queues()) {
                String url = url(sqs, queue.name());
                String body = "waiting for " + queue.name();

                int receives = 0;
                while (receiveNow(sqs, url).stream().anyMatch(m -> m.body().equals(body))) {
                    receives++;
                }

                assertThat(receives).as(queue.name()).isEqualTo(second.resources().dlqMaxReceiveCount());
                assertThat(receiveNow(sqs, url(sqs, queue.dlqName()))).as(queue.dlqName())
                        .extracting(Message::body).containsExactly(body);
            }
        }
    }

    private static SendMessageRequest send(QueueSpec queue, String url, String body) {
        SendMessageRequest.Builder request = SendMessageRequest.builder().queueUrl(url).messageBody(body);
        if (queue.fifo()) {
            request.messageGroupId("solicitud-7").messageDeduplicationId(UUID.randomUUID().toString());
        }
        return request.build();
    }

    private static List<Message> receiveNow(SqsClient sqs, String url) {
        return sqs.receiveMessage(r -> r.queueUrl(url).maxNumberOfMessages(10).visibilityTimeout(0)).messages();
    }

    private static String url(SqsClient sqs, String name) {
        return sqs.getQueueUrl(r -> r.queueName(name)).queueUrl();
    }

    private static void execute(StandIns standIns, String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(standIns.jdbcUrl(DATABASE), "root", "");
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
