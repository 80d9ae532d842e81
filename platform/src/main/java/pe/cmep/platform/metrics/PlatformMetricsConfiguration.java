package pe.cmep.platform.metrics;

import io.micrometer.cloudwatch2.CloudWatchMeterRegistry;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.micrometer.metrics.autoconfigure.MeterRegistryCustomizer;
import org.springframework.context.annotation.Bean;

/** The filters that decide what of each service's meters reaches CloudWatch (see {@link CloudWatchExport}). */
@AutoConfiguration
@ConditionalOnClass(CloudWatchMeterRegistry.class)
@EnableConfigurationProperties(MetricsProperties.class)
public class PlatformMetricsConfiguration {

    @Bean
    MeterRegistryCustomizer<CloudWatchMeterRegistry> cloudWatchExportFilters(MetricsProperties properties) {
        CloudWatchExport export = new CloudWatchExport(properties.cloudwatchExported());
        return registry -> export.filters().forEach(registry.config()::meterFilter);
    }
}
