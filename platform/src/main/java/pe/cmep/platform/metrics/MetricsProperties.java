package pe.cmep.platform.metrics;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param cloudwatchExported the meter names (or prefixes ending in '.') sent to CloudWatch when its registry is on;
 *                           the alarms and the dashboard of infra/ read exactly these
 */
@ConfigurationProperties("cmep.metrics")
public record MetricsProperties(@DefaultValue List<String> cloudwatchExported) {

    public MetricsProperties {
        cloudwatchExported = List.copyOf(cloudwatchExported);
    }
}
