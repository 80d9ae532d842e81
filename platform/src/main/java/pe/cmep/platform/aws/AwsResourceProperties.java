package pe.cmep.platform.aws;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import pe.cmep.events.AwsResources.QueueSpec;

/**
 * The AWS resources a service uses. Names come from {@code cmep-aws-resources.properties}
 * (events-schema); a deployment may override them through the environment.
 *
 * @param monitoredQueues the queue roles (keys of {@code queues}) this service reports depth and health for
 */
@ConfigurationProperties("cmep.aws")
public record AwsResourceProperties(
        String bucket,
        Map<String, String> queues,
        @DefaultValue("5") int dlqMaxReceiveCount,
        @DefaultValue List<String> monitoredQueues,
        @DefaultValue("30s") Duration queuePollInterval) {

    public AwsResourceProperties {
        queues = queues == null ? Map.of() : Map.copyOf(queues);
        monitoredQueues = List.copyOf(monitoredQueues);
    }

    public QueueSpec queue(String role) {
        String name = queues.get(role);
        if (name == null) {
            throw new IllegalStateException("No queue named for role '" + role + "' (cmep.aws.queues." + role + ")");
        }
        return QueueSpec.of(role, name);
    }
}
