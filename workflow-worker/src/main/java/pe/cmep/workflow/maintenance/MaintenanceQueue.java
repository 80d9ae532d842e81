package pe.cmep.workflow.maintenance;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.stereotype.Component;
import pe.cmep.events.MaintenanceMessage;
import pe.cmep.events.MaintenanceMessageCodec;
import pe.cmep.platform.aws.AwsResourceProperties;
import software.amazon.awssdk.services.sqs.SqsAsyncClient;

/** Puts maintenance messages on the maintenance queue, with the body EventBridge Scheduler sends in production. */
@Component
class MaintenanceQueue {

    private final MaintenanceMessageCodec codec = new MaintenanceMessageCodec();
    private final SqsAsyncClient sqs;
    private final String queueName;
    private final AtomicReference<String> queueUrl = new AtomicReference<>();

    MaintenanceQueue(SqsAsyncClient sqs, AwsResourceProperties aws) {
        this.sqs = sqs;
        this.queueName = aws.queue(MaintenanceQueueConfiguration.QUEUE_ROLE).name();
    }

    String name() {
        return queueName;
    }

    /** Completes with the SQS message id. */
    CompletableFuture<String> send(MaintenanceMessage message, Duration timeout) {
        String body = codec.toJson(message);
        return queueUrl(timeout).thenCompose(url -> sqs.sendMessage(r -> r.queueUrl(url).messageBody(body)
                        .overrideConfiguration(o -> o.apiCallTimeout(timeout))))
                .thenApply(response -> response.messageId());
    }

    private CompletableFuture<String> queueUrl(Duration timeout) {
        String known = queueUrl.get();
        if (known != null) {
            return CompletableFuture.completedFuture(known);
        }
        return sqs.getQueueUrl(r -> r.queueName(queueName).overrideConfiguration(o -> o.apiCallTimeout(timeout)))
                .thenApply(response -> {
                    queueUrl.set(response.queueUrl());
                    return response.queueUrl();
                });
    }
}
