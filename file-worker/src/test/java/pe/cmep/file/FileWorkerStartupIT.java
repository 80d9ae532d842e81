package pe.cmep.file;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;
import pe.cmep.events.AwsResources;
import pe.cmep.localstack.EmbeddedBackendOnly;
import pe.cmep.localstack.StandIns;

class FileWorkerStartupIT extends FileWorkerIntegrationTest {

    private static final AwsResources RESOURCES = AwsResources.load();

    @Autowired
    WebTestClient client;

    @Test
    void health_is_up_with_the_database_the_file_queue_and_the_bucket() {
        AwsResources.QueueSpec files = RESOURCES.queue("file-events");
        client.get().uri("/actuator/health")
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.status").isEqualTo("UP")
                .jsonPath("$.components.r2dbc.status").isEqualTo("UP")
                .jsonPath("$.components.queues.details['%s'].in_flight".formatted(files.name())).isEqualTo(0)
                .jsonPath("$.components.queues.details['%s'].visible".formatted(files.dlqName())).isEqualTo(0)
                .jsonPath("$.components.bucket.status").isEqualTo("UP")
                .jsonPath("$.components.bucket.details.bucket").isEqualTo(RESOURCES.bucket());
    }

    @Test
    @EmbeddedBackendOnly("stops and starts S3Proxy; LocalStack has no S3 outage to cause")
    void health_is_down_while_s3_is_unreachable() {
        StandIns.shared().stopS3();
        try {
            client.get().uri("/actuator/health")
                    .exchange()
                    .expectStatus().isEqualTo(503)
                    .expectBody()
                    .jsonPath("$.components.bucket.status").isEqualTo("DOWN");
        } finally {
            StandIns.shared().startS3();
        }
        client.get().uri("/actuator/health").exchange().expectStatus().isOk();
    }
}
