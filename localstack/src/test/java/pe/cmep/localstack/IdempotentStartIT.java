package pe.cmep.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;

class IdempotentStartIT {

    private static final StandIns STAND_INS = StandIns.shared();

    @Test
    void starting_a_running_stand_in_changes_nothing() throws SQLException {
        STAND_INS.startDatabase();
        STAND_INS.startSqs();
        STAND_INS.startS3();

        try (Connection connection = DriverManager.getConnection(STAND_INS.jdbcUrl("cmep_test"), "root", "")) {
            assertThat(connection.isValid(5)).isTrue();
        }
        try (SqsClient sqs = AwsClients.sqs(STAND_INS.sqsEndpoint()); S3Client s3 = Clients.s3(STAND_INS)) {
            assertThat(sqs.listQueues().queueUrls()).hasSize(2 * STAND_INS.resources().queues().size());
            assertThat(s3.headBucket(r -> r.bucket(STAND_INS.resources().bucket())).sdkHttpResponse().isSuccessful())
                    .isTrue();
        }
    }
}
