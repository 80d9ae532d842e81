package pe.cmep.workflow.maintenance;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.sqs.SqsAsyncClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/** Puts bodies on a queue and looks into queues, through the worker's own SQS client. */
final class QueueProbe {

    private final SqsAsyncClient sqs;

    QueueProbe(SqsAsyncClient sqs) {
        this.sqs = sqs;
    }

    void send(String queueName, String body) {
        sqs.sendMessage(r -> r.queueUrl(url(queueName)).messageBody(body)).join();
    }

    /** Messages waiting plus messages received and not yet deleted. */
    long depth(String queueName) {
        Map<QueueAttributeName, String> attributes = sqs.getQueueAttributes(r -> r.queueUrl(url(queueName))
                        .attributeNames(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE))
                .join().attributes();
        return Long.parseLong(attributes.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES))
                + Long.parseLong(attributes.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE));
    }

    /** Receives what the queue holds right now and deletes it; returns the bodies. */
    List<String> take(String queueName) {
        String url = url(queueName);
        List<Message> messages = sqs.receiveMessage(r -> r.queueUrl(url).maxNumberOfMessages(10).waitTimeSeconds(1))
                .join().messages();
        List<String> bodies = new ArrayList<>();
        for (Message message : messages) {
            sqs.deleteMessage(r -> r.queueUrl(url).receiptHandle(message.receiptHandle())).join();
            bodies.add(message.body());
        }
        return bodies;
    }

    private String url(String queueName) {
        return sqs.getQueueUrl(r -> r.queueName(queueName)).join().queueUrl();
    }
}
