package pe.cmep.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import pe.cmep.events.AwsResources.QueueSpec;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sqs.model.SendMessageRequest;

class QueuesIT {

    private static final StandIns STAND_INS = StandIns.shared();
    private static SqsClient sqs;

    @BeforeAll
    static void client() {
        sqs = AwsClients.sqs(STAND_INS.sqsEndpoint());
    }

    @AfterAll
    static void closeClient() {
        sqs.close();
    }

    @Test
    void every_queue_has_a_dlq_with_redrive_policy() {
        int maxReceiveCount = STAND_INS.resources().dlqMaxReceiveCount();
        for (QueueSpec queue : STAND_INS.resources().queues()) {
            String dlqArn = attributes(queue.dlqName()).get(QueueAttributeName.QUEUE_ARN);

            String redrivePolicy = attributes(queue.name()).get(QueueAttributeName.REDRIVE_POLICY);

            assertThat(redrivePolicy)
                    .as(queue.name())
                    .contains("\"deadLetterTargetArn\":\"" + dlqArn + "\"")
                    .contains("\"maxReceiveCount\":" + maxReceiveCount);
        }
    }

    @Test
    void fifo_queues_and_their_dlqs_are_fifo_without_content_based_deduplication() {
        List<QueueSpec> fifoQueues = STAND_INS.resources().queues().stream().filter(QueueSpec::fifo).toList();
        assertThat(fifoQueues).isNotEmpty();
        for (QueueSpec queue : fifoQueues) {
            for (String name : List.of(queue.name(), queue.dlqName())) {
                Map<QueueAttributeName, String> attributes = attributes(name);
                assertThat(attributes.get(QueueAttributeName.FIFO_QUEUE)).as(name).isEqualTo("true");
                assertThat(attributes.get(QueueAttributeName.CONTENT_BASED_DEDUPLICATION)).as(name).isEqualTo("false");
            }
        }
    }

    @Test
    void queues_have_a_30_second_visibility_timeout_and_localhost_urls() {
        for (QueueSpec queue : STAND_INS.resources().queues()) {
            for (String name : List.of(queue.name(), queue.dlqName())) {
                String url = url(name);
                assertThat(url).startsWith("http://localhost:" + STAND_INS.sqsPort() + "/").endsWith("/" + name);
                assertThat(attributes(name).get(QueueAttributeName.VISIBILITY_TIMEOUT)).as(name).isEqualTo("30");
            }
        }
    }

    @Test
    void provisioning_again_keeps_the_same_queues() {
        List<String> before = sqs.listQueues().queueUrls();

        new QueueProvisioner(sqs, STAND_INS.resources()).provision();

        assertThat(sqs.listQueues().queueUrls()).containsExactlyInAnyOrderElementsOf(before);
        every_queue_has_a_dlq_with_redrive_policy();
    }

    @Test
    void message_moves_to_dlq_after_max_receives() {
        for (QueueSpec queue : STAND_INS.resources().queues()) {
            String url = url(queue.name());
            String dlqUrl = url(queue.dlqName());
            purge(url, dlqUrl);
            String body = "poison-" + UUID.randomUUID();
            sqs.sendMessage(send(queue, url, body));

            int receives = 0;
            while (receiveNow(url).stream().anyMatch(m -> m.body().equals(body))) {
                receives++;
                assertThat(receives).as(queue.name()).isLessThanOrEqualTo(STAND_INS.resources().dlqMaxReceiveCount());
            }

            assertThat(receives).as(queue.name()).isEqualTo(STAND_INS.resources().dlqMaxReceiveCount());
            assertThat(receiveNow(dlqUrl)).as(queue.dlqName()).extracting(Message::body).containsExactly(body);
        }
    }

    @Test
    void fifo_queue_delivers_a_group_in_order() {
        QueueSpec queue = STAND_INS.resources().queues().stream().filter(QueueSpec::fifo).findFirst().orElseThrow();
        String url = url(queue.name());
        purge(url);
        List<String> bodies = List.of("first", "second", "third");
        bodies.forEach(body -> sqs.sendMessage(send(queue, url, body)));

        List<String> received = sqs.receiveMessage(r -> r.queueUrl(url).maxNumberOfMessages(10)).messages().stream()
                .map(Message::body)
                .toList();

        assertThat(received).containsExactlyElementsOf(bodies);
        purge(url);
    }

    @Test
    void sqs_restart_on_same_port_recreates_queues() {
        QueueSpec queue = STAND_INS.resources().queues().get(0);
        String url = url(queue.name());
        purge(url);
        sqs.sendMessage(send(queue, url, "kept across restart"));

        STAND_INS.stopSqs();
        try {
            assertThatThrownBy(() -> sqs.listQueues()).isInstanceOf(SdkClientException.class);
        } finally {
            STAND_INS.startSqs();
        }

        assertThat(url(queue.name())).isEqualTo(url);
        every_queue_has_a_dlq_with_redrive_policy();
        assertThat(receiveNow(url)).extracting(Message::body).containsExactly("kept across restart");
        purge(url);
    }

    @Test
    void a_disconnected_sqs_refuses_clients_and_keeps_every_message_sent_just_before() {
        QueueSpec queue = STAND_INS.resources().queues().stream().filter(QueueSpec::fifo).findFirst().orElseThrow();
        String url = url(queue.name());
        purge(url);
        List<String> bodies = java.util.stream.IntStream.range(0, 50).mapToObj(i -> "sent before " + i).toList();
        bodies.forEach(body -> sqs.sendMessage(send(queue, url, body)));

        STAND_INS.disconnectSqs();
        try {
            assertThatThrownBy(() -> sqs.listQueues()).isInstanceOf(SdkClientException.class);
        } finally {
            STAND_INS.reconnectSqs();
        }

        List<String> received = new java.util.ArrayList<>();
        for (int round = 0; round < 10 && received.size() < bodies.size(); round++) {
            sqs.receiveMessage(r -> r.queueUrl(url).maxNumberOfMessages(10)).messages().forEach(m -> {
                received.add(m.body());
                sqs.deleteMessage(d -> d.queueUrl(url).receiptHandle(m.receiptHandle()));
            });
        }
        assertThat(received).containsExactlyElementsOf(bodies);
    }

    private SendMessageRequest send(QueueSpec queue, String url, String body) {
        SendMessageRequest.Builder request = SendMessageRequest.builder().queueUrl(url).messageBody(body);
        if (queue.fifo()) {
            request.messageGroupId("solicitud-1").messageDeduplicationId(UUID.randomUUID().toString());
        }
        return request.build();
    }

    /** Receives and makes the messages visible again at once, as a consumer that keeps failing would. */
    private List<Message> receiveNow(String url) {
        return sqs.receiveMessage(r -> r.queueUrl(url).maxNumberOfMessages(10).visibilityTimeout(0)).messages();
    }

    private void purge(String... urls) {
        for (String url : urls) {
            sqs.purgeQueue(r -> r.queueUrl(url));
        }
    }

    private String url(String name) {
        return sqs.getQueueUrl(r -> r.queueName(name)).queueUrl();
    }

    private Map<QueueAttributeName, String> attributes(String name) {
        String url = url(name);
        return sqs.getQueueAttributes(r -> r.queueUrl(url).attributeNames(QueueAttributeName.ALL)).attributes();
    }
}
