package pe.cmep.file.eventos;

import io.awspring.cloud.sqs.listener.QueueNotFoundStrategy;
import io.awspring.cloud.sqs.listener.SqsMessageListenerContainer;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import pe.cmep.file.config.FileWorkerProperties;
import pe.cmep.platform.aws.AwsResourceProperties;
import pe.cmep.platform.metrics.ListenerMetrics;
import software.amazon.awssdk.services.sqs.SqsAsyncClient;

/** The consumer of the file-events FIFO queue: one file's events in order, several solicitudes side by side. */
@Configuration(proxyBeanMethods = false)
class FileEventsConfiguration {

    static final String QUEUE_ROLE = "file-events";

    @Bean
    SqsMessageListenerContainer<String> fileEventsListenerContainer(SqsAsyncClient sqs, AwsResourceProperties aws,
                                                                    FileWorkerProperties properties,
                                                                    FileEventHandler handler,
                                                                    MeterRegistry registry, Clock clock) {
        return SqsMessageListenerContainer.<String>builder()
                .id("file-events")
                .sqsAsyncClient(sqs)
                .queueNames(aws.queue(QUEUE_ROLE).name())
                .configure(options -> options
                        .messageVisibility(properties.retryAfter())
                        // a missing queue is a deployment error; creating one here would leave it without its DLQ
                        .queueNotFoundStrategy(QueueNotFoundStrategy.FAIL)
                        // each message may read up to 10 MB from S3: a few at a time on 0.25–0.5 vCPU
                        .maxConcurrentMessages(4)
                        .maxMessagesPerPoll(4)
                        // a FIFO group hands out its next message only once the previous one is deleted: the
                        // default of batching deletes for a second held each solicitud's files to one a second
                        .acknowledgementInterval(Duration.ZERO)
                        .acknowledgementThreshold(0))
                .messageInterceptor(new ListenerMetrics<>(registry, QUEUE_ROLE, aws.dlqMaxReceiveCount(), clock))
                .asyncMessageListener(handler::handle)
                .build();
    }
}
