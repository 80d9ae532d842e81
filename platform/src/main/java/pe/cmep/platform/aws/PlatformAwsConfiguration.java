package pe.cmep.platform.aws;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import software.amazon.awssdk.services.sqs.SqsAsyncClient;

/** Shared AWS wiring of the three services: resource names, queue monitoring, S3 client settings. */
@AutoConfiguration(afterName = {
        "io.awspring.cloud.autoconfigure.sqs.SqsAutoConfiguration",
        "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration"})
@EnableConfigurationProperties(AwsResourceProperties.class)
public class PlatformAwsConfiguration {

    @Bean
    @ConditionalOnBean({SqsAsyncClient.class, MeterRegistry.class})
    @ConditionalOnExpression("!'${cmep.aws.monitored-queues:}'.isEmpty()")
    QueueMonitor queueMonitor(SqsAsyncClient sqs, AwsResourceProperties properties, MeterRegistry registry) {
        return new QueueMonitor(sqs, properties, registry);
    }

    @Bean(name = "queuesHealthIndicator")
    @ConditionalOnBean(QueueMonitor.class)
    QueueHealthIndicator queuesHealthIndicator(QueueMonitor monitor) {
        return new QueueHealthIndicator(monitor);
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "software.amazon.awssdk.services.s3.S3ClientBuilder")
    static class S3 {
        @Bean
        S3ChecksumCustomizer s3ChecksumCustomizer() {
            return new S3ChecksumCustomizer();
        }
    }
}
