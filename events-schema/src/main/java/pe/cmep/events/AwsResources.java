package pe.cmep.events;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * The bucket and queues shared by the services, read from
 * {@code cmep-aws-resources.properties} so that no other place spells their names.
 */
public record AwsResources(String bucket, List<QueueSpec> queues, int dlqMaxReceiveCount) {

    public static final String RESOURCE = "cmep-aws-resources.properties";
    private static final String QUEUE_PREFIX = "cmep.aws.queues.";

    public AwsResources {
        queues = List.copyOf(queues);
    }

    public static AwsResources load() {
        Properties props = new Properties();
        try (InputStream in = AwsResources.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the classpath");
            }
            props.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<QueueSpec> queues = new ArrayList<>();
        props.stringPropertyNames().stream()
                .filter(key -> key.startsWith(QUEUE_PREFIX))
                .sorted()
                .forEach(key -> queues.add(QueueSpec.of(key.substring(QUEUE_PREFIX.length()), props.getProperty(key).trim())));
        return new AwsResources(
                props.getProperty("cmep.aws.bucket").trim(),
                queues,
                Integer.parseInt(props.getProperty("cmep.aws.dlq-max-receive-count").trim()));
    }

    public QueueSpec queue(String role) {
        return queues.stream()
                .filter(q -> q.role().equals(role))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No queue for " + role + " in " + RESOURCE));
    }

    /** One queue: {@code role} is the key in the properties file, e.g. {@code solicitud-events}. */
    public record QueueSpec(String role, String name, boolean fifo, String dlqName) {

        public static QueueSpec of(String role, String name) {
            boolean fifo = name.endsWith(".fifo");
            String base = fifo ? name.substring(0, name.length() - ".fifo".length()) : name;
            return new QueueSpec(role, name, fifo, base + "-dlq" + (fifo ? ".fifo" : ""));
        }
    }
}
