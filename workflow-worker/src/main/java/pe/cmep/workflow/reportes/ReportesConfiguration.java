package pe.cmep.workflow.reportes;

import io.awspring.cloud.sqs.config.SqsMessageListenerContainerFactory;
import io.awspring.cloud.sqs.listener.BackPressureMode;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.ReactiveTransactionManager;
import org.springframework.transaction.reactive.TransactionalOperator;
import pe.cmep.platform.aws.AwsResourceProperties;
import pe.cmep.platform.events.ProcessedEventPruner;
import pe.cmep.platform.metrics.ListenerMetrics;
import pe.cmep.reporting.ReportAggregateRepository;
import pe.cmep.reporting.ReportProjector;
import pe.cmep.reporting.ReportRebuild;
import pe.cmep.reporting.ReportRebuildRepository;
import software.amazon.awssdk.services.sqs.SqsAsyncClient;

/** The projector and the rebuild of the reporting library, on this service's database, and the queue consumer. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ReportesProperties.class)
class ReportesConfiguration {

    static final String LISTENER_FACTORY = "reportesListenerFactory";
    static final String QUEUE_ROLE = "solicitud-events";

    /**
     * The consumer's own container settings. A FIFO group hands out its next message only after the previous one
     * is deleted, so acknowledgements go out at once (the default batches them for a second, which held every
     * solicitud to about one event per second) and several polls run side by side instead of the default's
     * single poll whenever a poll comes back short.
     */
    @Bean(LISTENER_FACTORY)
    SqsMessageListenerContainerFactory<Object> reportesListenerFactory(SqsAsyncClient sqs,
                                                                       ReportesProperties properties,
                                                                       AwsResourceProperties aws,
                                                                       MeterRegistry registry) {
        return SqsMessageListenerContainerFactory.builder()
                .sqsAsyncClient(sqs)
                .messageInterceptor(new ListenerMetrics<>(registry, QUEUE_ROLE, aws.dlqMaxReceiveCount(),
                        Clock.systemUTC()))
                .configure(options -> options
                        .maxConcurrentMessages(properties.maxConcurrentMessages())
                        .maxMessagesPerPoll(Math.max(1, Math.min(10, properties.maxConcurrentMessages() / 2)))
                        .pollTimeout(Duration.ofSeconds(2))
                        .acknowledgementInterval(Duration.ZERO)
                        .acknowledgementThreshold(0)
                        .messageVisibility(Duration.ofSeconds(properties.visibilitySeconds()))
                        .backPressureMode(BackPressureMode.FIXED_HIGH_THROUGHPUT))
                .build();
    }

    @Bean
    ReportProjector reportProjector(DatabaseClient db, ReactiveTransactionManager transactions,
                                    ReportesProperties properties) {
        return new ReportProjector(new ReportAggregateRepository(db), ReportProjector.transacciones(transactions),
                Clock.systemUTC(), properties.consumerName());
    }

    /** Only where the consumer runs: the one-shot rebuild has no ids to forget. */
    @Bean
    @ConditionalOnProperty(name = "cmep.reports.consumer-enabled", havingValue = "true", matchIfMissing = true)
    ProcessedEventPruner reportesProcessedEventPruner(DatabaseClient db, ReactiveTransactionManager transactions,
                                                      ReportesProperties properties, MeterRegistry registry) {
        return new ProcessedEventPruner(db, transactions, properties.consumerName(), properties.processedEvents(),
                registry, Clock.systemUTC());
    }

    @Bean
    ReportRebuild reportRebuild(DatabaseClient db, ReactiveTransactionManager transactions) {
        return new ReportRebuild(new ReportRebuildRepository(db), TransactionalOperator.create(transactions),
                Clock.systemUTC());
    }
}
