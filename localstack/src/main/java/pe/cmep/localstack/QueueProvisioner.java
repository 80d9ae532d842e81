package pe.cmep.localstack;

import java.util.HashMap;
import java.util.Map;
import pe.cmep.events.AwsResources;
import pe.cmep.events.AwsResources.QueueSpec;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * Creates every queue of {@link AwsResources} with its dead-letter queue and redrive policy, through the SQS API.
 * Running it again on existing queues changes nothing, so it runs on every start.
 */
final class QueueProvisioner {

    static final int VISIBILITY_TIMEOUT_SECONDS = 30;

    private final SqsClient sqs;
    private final AwsResources resources;

    QueueProvisioner(SqsClient sqs, AwsResources resources) {
        this.sqs = sqs;
        this.resources = resources;
    }

    void provision() {
        resources.queues().forEach(this::provision);
    }

    private void provision(QueueSpec queue) {
        String dlqUrl = create(queue.dlqName(), queue.fifo(), Map.of());
        String dlqArn = sqs.getQueueAttributes(r -> r.queueUrl(dlqUrl).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes().get(QueueAttributeName.QUEUE_ARN);
        String redrivePolicy = "{\"deadLetterTargetArn\":\"" + dlqArn + "\",\"maxReceiveCount\":"
                + resources.dlqMaxReceiveCount() + "}";
        Map<QueueAttributeName, String> redrive = Map.of(QueueAttributeName.REDRIVE_POLICY, redrivePolicy);
        String url = create(queue.name(), queue.fifo(), redrive);
        // an existing queue keeps the attributes it was created with; this brings its redrive policy up to date
        sqs.setQueueAttributes(r -> r.queueUrl(url).attributes(redrive));
    }

    private String create(String name, boolean fifo, Map<QueueAttributeName, String> extra) {
        Map<QueueAttributeName, String> attributes = new HashMap<>(extra);
        attributes.put(QueueAttributeName.VISIBILITY_TIMEOUT, Integer.toString(VISIBILITY_TIMEOUT_SECONDS));
        if (fifo) {
            attributes.put(QueueAttributeName.FIFO_QUEUE, "true");
            attributes.put(QueueAttributeName.CONTENT_BASED_DEDUPLICATION, "false");
        }
        return sqs.createQueue(r -> r.queueName(name).attributes(attributes)).queueUrl();
    }
}
