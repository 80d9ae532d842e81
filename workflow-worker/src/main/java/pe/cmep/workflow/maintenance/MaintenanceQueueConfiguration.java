package pe.cmep.workflow.maintenance;

import io.awspring.cloud.sqs.listener.QueueNotFoundStrategy;
import io.awspring.cloud.sqs.listener.SqsMessageListenerContainer;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import pe.cmep.platform.aws.AwsResourceProperties;
import pe.cmep.platform.metrics.ListenerMetrics;
import software.amazon.awssdk.services.sqs.SqsAsyncClient;

/** The consumer of the maintenance queue ({@code cmep-maintenance}). */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(MaintenanceProperties.class)
class MaintenanceQueueConfiguration {

    static final String QUEUE_ROLE = "maintenance";

    @Bean
    @ConditionalOnBooleanProperty(name = "cmep.maintenance.listener.enabled", matchIfMissing = true)
    SqsMessageListenerContainer<String> maintenanceListenerContainer(SqsAsyncClient sqs, AwsResourceProperties aws,
                                                                     MaintenanceProperties properties,
                                                                     MaintenanceMessageHandler handler,
                                                                     MeterRegistry registry) {
        return SqsMessageListenerContainer.<String>builder()
                .id("maintenance")
                .sqsAsyncClient(sqs)
                .queueNames(aws.queue(QUEUE_ROLE).name())
                .configure(options -> options
                        .messageVisibility(properties.listener().retryAfter())
                        // a missing queue is a deployment error; creating one here would leave it without its DLQ
                        .queueNotFoundStrategy(QueueNotFoundStrategy.FAIL)
                        // one task at a time: two clean-ups side by side would only compete for the same rows
                        .maxConcurrentMessages(1)
                        .maxMessagesPerPoll(1))
                .messageInterceptor(new ListenerMetrics<>(registry, QUEUE_ROLE, aws.dlqMaxReceiveCount(),
                        Clock.systemUTC()))
                .asyncMessageListener(handler::handle)
                .build();
    }
}
