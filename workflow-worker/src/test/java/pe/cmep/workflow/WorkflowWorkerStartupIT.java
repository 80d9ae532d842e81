package pe.cmep.workflow;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;
import pe.cmep.events.AwsResources;
import pe.cmep.localstack.EmbeddedBackendOnly;
import pe.cmep.localstack.StandIns;

class WorkflowWorkerStartupIT extends WorkerIntegrationTest {

    private static final AwsResources RESOURCES = AwsResources.load();

    @Autowired
    WebTestClient client;

    @Test
    void health_is_up_with_the_database_and_both_queues_and_their_dlqs_reachable() {
        AwsResources.QueueSpec events = RESOURCES.queue("solicitud-events");
        AwsResources.QueueSpec maintenance = RESOURCES.queue("maintenance");
        client.get().uri("/actuator/health")
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.status").isEqualTo("UP")
                .jsonPath("$.components.r2dbc.status").isEqualTo("UP")
                .jsonPath("$.components.queues.status").isEqualTo("UP")
                .jsonPath("$.components.queues.details['%s'].visible".formatted(events.name())).isEqualTo(0)
                .jsonPath("$.components.queues.details['%s'].visible".formatted(events.dlqName())).isEqualTo(0)
                .jsonPath("$.components.queues.details['%s'].visible".formatted(maintenance.name())).isEqualTo(0)
                .jsonPath("$.components.queues.details['%s'].visible".formatted(maintenance.dlqName())).isEqualTo(0);
    }

    @Test
    void queue_depth_is_a_metric_tagged_by_queue_and_kind() {
        client.get().uri("/actuator/health").exchange().expectStatus().isOk();
        client.get().uri("/actuator/metrics/cmep.queue.messages?tag=queue:{q}&tag=state:visible",
                        RESOURCES.queue("solicitud-events").dlqName())
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.measurements[0].value").isEqualTo(0.0);
    }

    @Test
    @EmbeddedBackendOnly("stops and starts ElasticMQ; LocalStack has no SQS outage to cause")
    void health_is_down_while_sqs_is_unreachable_and_up_again_when_it_returns() {
        StandIns.shared().stopSqs();
        try {
            client.get().uri("/actuator/health")
                    .exchange()
                    .expectStatus().isEqualTo(503)
                    .expectBody()
                    .jsonPath("$.status").isEqualTo("DOWN")
                    .jsonPath("$.components.queues.status").isEqualTo("DOWN");
        } finally {
            StandIns.shared().startSqs();
        }
        client.get().uri("/actuator/health").exchange().expectStatus().isOk();
    }
}
