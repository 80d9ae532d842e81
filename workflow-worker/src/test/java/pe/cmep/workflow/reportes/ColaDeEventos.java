package pe.cmep.workflow.reportes;

import java.util.List;
import pe.cmep.events.SolicitudEvent;
import pe.cmep.events.SolicitudEventCodec;
import pe.cmep.localstack.TestBackend;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;

/**
 * The solicitud-events queue of the test backend as the gateway's outbox relay writes to it (docs/events.md):
 * group = solicitud id, deduplication id = event id, the type and major version as attributes.
 */
final class ColaDeEventos implements AutoCloseable {

    private final SqsClient sqs;
    private final String url;
    private final String dlqUrl;
    private final SolicitudEventCodec codec = new SolicitudEventCodec();

    ColaDeEventos(TestBackend backend) {
        this.sqs = backend.sqsClient();
        var queue = backend.resources().queue("solicitud-events");
        this.url = sqs.getQueueUrl(r -> r.queueName(queue.name())).queueUrl();
        this.dlqUrl = sqs.getQueueUrl(r -> r.queueName(queue.dlqName())).queueUrl();
    }

    void send(SolicitudEvent event) {
        send(codec.toJson(event), event.solicitudId(), event.eventId().toString(), event.type(), event.version());
    }

    /** Sends the same event again under another deduplication id: what a duplicate after the window looks like. */
    void sendAgain(SolicitudEvent event, String deduplicationId) {
        send(codec.toJson(event), event.solicitudId(), deduplicationId, event.type(), event.version());
    }

    void send(String body, int group, String deduplicationId, String type, int version) {
        sqs.sendMessage(r -> r.queueUrl(url).messageBody(body).messageGroupId(String.valueOf(group))
                .messageDeduplicationId(deduplicationId).messageAttributes(attributes(type, version)));
    }

    /** Up to ten events in one call, as the relay batches them. */
    void sendBatch(List<SolicitudEvent> events) {
        sqs.sendMessageBatch(r -> r.queueUrl(url).entries(events.stream()
                .map(e -> SendMessageBatchRequestEntry.builder()
                        .id(e.eventId().toString())
                        .messageBody(codec.toJson(e))
                        .messageGroupId(String.valueOf(e.solicitudId()))
                        .messageDeduplicationId(e.eventId().toString())
                        .messageAttributes(attributes(e.type(), e.version()))
                        .build())
                .toList()));
    }

    /** Reads (and deletes) what the dead-letter queue holds now. */
    List<Message> drainDeadLetters() {
        List<Message> messages = sqs.receiveMessage(r -> r.queueUrl(dlqUrl).maxNumberOfMessages(10).waitTimeSeconds(1))
                .messages();
        messages.forEach(m -> sqs.deleteMessage(r -> r.queueUrl(dlqUrl).receiptHandle(m.receiptHandle())));
        return messages;
    }

    private static java.util.Map<String, MessageAttributeValue> attributes(String type, int version) {
        return java.util.Map.of(
                "event_type", MessageAttributeValue.builder().dataType("String").stringValue(type).build(),
                "event_version", MessageAttributeValue.builder().dataType("Number").stringValue(String.valueOf(version))
                        .build());
    }

    @Override
    public void close() {
        sqs.close();
    }
}
