package pe.cmep.localstack;

import java.util.Map;
import pe.cmep.events.AwsResources;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The servers an integration test runs against: a MySQL-compatible database, SQS and S3 with the queues and the
 * bucket of {@link AwsResources}. {@link TestBackends#shared()} gives the one chosen by {@code cmep.test.backend},
 * so one suite runs on the embedded stand-ins or on LocalStack and MySQL 8 without a copy of any test.
 */
public interface TestBackend {

    /** {@code embedded} or {@code localstack}, the value of {@code cmep.test.backend} that chooses it. */
    String name();

    /**
     * The Spring Boot properties that point a CMEP service at this backend and the given database (R2DBC and
     * Flyway URLs and credentials, SQS and S3 endpoints), as plain strings so this module needs no Spring.
     */
    Map<String, String> springProperties(String database);

    /** JDBC URL of a database, for tests that read or migrate it themselves with {@link #databaseUser()}. */
    String jdbcUrl(String database);

    String databaseUser();

    String databasePassword();

    /** Creates the database (utf8mb4, utf8mb4_unicode_ci) unless it exists. */
    void createDatabase(String name);

    void dropDatabase(String name);

    String sqsEndpoint();

    AwsResources resources();

    /** A new SQS client on this backend, set up as the services set up theirs; the caller closes it. */
    default SqsClient sqsClient() {
        return AwsClients.sqs(sqsEndpoint());
    }
}
