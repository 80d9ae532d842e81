package pe.cmep.localstack;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.lifecycle.Startables;
import org.testcontainers.localstack.LocalStackContainer;
import org.testcontainers.mysql.MySQLContainer;
import org.testcontainers.utility.DockerImageName;
import pe.cmep.events.AwsResources;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * LocalStack (SQS, S3) and MySQL 8 in Docker through Testcontainers, the servers of docker-compose.yml: the same
 * images and MySQL flags, and the queues, dead-letter queues and bucket created by the same code as on the embedded
 * stand-ins. Started once per JVM; Testcontainers removes the containers when the JVM exits.
 */
final class LocalStackTestBackend implements TestBackend {

    static final String NAME = "localstack";

    private static final Logger LOG = LoggerFactory.getLogger(LocalStackTestBackend.class);
    // the tags of docker-compose.yml, so the tests and the composed system run the same servers
    private static final DockerImageName LOCALSTACK_IMAGE = DockerImageName.parse("localstack/localstack:4.4");
    private static final DockerImageName MYSQL_IMAGE = DockerImageName.parse("mysql:8.0");
    // root, because a test creates and drops databases of its own
    private static final String DATABASE_USER = "root";
    private static final String DATABASE_PASSWORD = "cmep_root";

    private final LocalStackContainer localStack;
    private final MySQLContainer mysql;
    private final DatabaseAdmin databases;
    private final AwsResources resources;

    private LocalStackTestBackend(LocalStackContainer localStack, MySQLContainer mysql, AwsResources resources) {
        this.localStack = localStack;
        this.mysql = mysql;
        this.databases = new DatabaseAdmin("MySQL", mysql.getHost(), mysql.getMappedPort(MySQLContainer.MYSQL_PORT),
                DATABASE_USER, DATABASE_PASSWORD);
        this.resources = resources;
    }

    /** Starts both containers side by side, creates the queues, the bucket and {@code databases}. */
    static LocalStackTestBackend start(List<String> databases) {
        LocalStackContainer localStack = new LocalStackContainer(LOCALSTACK_IMAGE)
                .withServices("sqs", "s3")
                // queue URLs on the endpoint the client called (the mapped port), as in docker-compose.yml
                .withEnv("SQS_ENDPOINT_STRATEGY", "path");
        MySQLContainer mysql = new MySqlOnMariaDbDriver(MYSQL_IMAGE)
                .withUsername(DATABASE_USER)
                .withPassword(DATABASE_PASSWORD)
                .withCommand(
                        "--character-set-server=utf8mb4",
                        "--collation-server=utf8mb4_unicode_ci",
                        "--default-time-zone=+00:00",
                        "--default-authentication-plugin=mysql_native_password");
        Startables.deepStart(localStack, mysql).join();

        LocalStackTestBackend backend = new LocalStackTestBackend(localStack, mysql, AwsResources.load());
        backend.provision(databases);
        Runtime.getRuntime().addShutdownHook(new Thread(backend::stop, "cmep-localstack-backend-shutdown"));
        LOG.info("LocalStack (SQS, S3) on {} and MySQL 8 on {}:{}, databases {}", backend.endpoint(), mysql.getHost(),
                mysql.getMappedPort(MySQLContainer.MYSQL_PORT), databases);
        return backend;
    }

    private void provision(List<String> names) {
        try (SqsClient sqs = AwsClients.sqs(endpoint()); S3Client s3 = AwsClients.s3(endpoint())) {
            new QueueProvisioner(sqs, resources).provision();
            s3.createBucket(r -> r.bucket(resources.bucket()));
        }
        names.forEach(databases::create);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Map<String, String> springProperties(String database) {
        Map<String, String> props = new LinkedHashMap<>();
        props.put("spring.r2dbc.url", "r2dbc:mysql://" + mysql.getHost() + ":"
                + mysql.getMappedPort(MySQLContainer.MYSQL_PORT) + "/" + DatabaseAdmin.requireName(database));
        props.put("spring.r2dbc.username", DATABASE_USER);
        props.put("spring.r2dbc.password", DATABASE_PASSWORD);
        props.put("spring.flyway.url", jdbcUrl(database));
        props.put("spring.flyway.user", DATABASE_USER);
        props.put("spring.flyway.password", DATABASE_PASSWORD);
        props.put("spring.cloud.aws.sqs.endpoint", endpoint());
        props.put("spring.cloud.aws.s3.endpoint", endpoint());
        // LocalStack keys its resources by account and region: the services must sign as the provisioning did
        props.put("spring.cloud.aws.region.static", localStack.getRegion());
        props.put("spring.cloud.aws.credentials.access-key", localStack.getAccessKey());
        props.put("spring.cloud.aws.credentials.secret-key", localStack.getSecretKey());
        return props;
    }

    @Override
    public String jdbcUrl(String database) {
        return databases.jdbcUrl(database);
    }

    @Override
    public String databaseUser() {
        return DATABASE_USER;
    }

    @Override
    public String databasePassword() {
        return DATABASE_PASSWORD;
    }

    @Override
    public void createDatabase(String name) {
        databases.create(name);
    }

    @Override
    public void dropDatabase(String name) {
        databases.drop(name);
    }

    @Override
    public String sqsEndpoint() {
        return endpoint();
    }

    @Override
    public AwsResources resources() {
        return resources;
    }

    private String endpoint() {
        return localStack.getEndpoint().toString();
    }

    private void stop() {
        localStack.stop();
        mysql.stop();
    }

    /**
     * Testcontainers checks that MySQL is up by connecting with MySQL Connector/J; the services reach MySQL 8 with
     * MariaDB Connector/J (pe.cmep.platform.db.DatabaseUrl), so the check uses that driver and no second one is
     * put on the test classpath.
     */
    private static final class MySqlOnMariaDbDriver extends MySQLContainer {

        MySqlOnMariaDbDriver(DockerImageName image) {
            super(image);
        }

        @Override
        public String getDriverClassName() {
            return "org.mariadb.jdbc.Driver";
        }

        @Override
        public String getJdbcUrl() {
            return "jdbc:mariadb://" + getHost() + ":" + getMappedPort(MYSQL_PORT) + "/" + getDatabaseName();
        }
    }
}
