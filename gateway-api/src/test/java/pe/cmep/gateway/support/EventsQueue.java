package pe.cmep.gateway.support;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import pe.cmep.localstack.TestBackends;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

/**
 * Reads an events FIFO queue of the outbox (solicitud-events by default) on the test backend as a consumer
 * would. Registered as a JUnit extension ({@code @RegisterExtension static final EventsQueue queue = …}) it
 * empties the queue before each test and closes its client after the class. Every message read is
 * deleted at once: a FIFO group stays blocked while one of its messages is in flight.
 *
 * <p>It reaches the backend on first use, not when constructed: a static extension field is read before JUnit
 * decides whether the class runs, and a class skipped for want of Docker must not start anything.
 */
public final class EventsQueue implements AutoCloseable, BeforeEachCallback, AfterAllCallback {

    private final String queueRole;
    private SqsClient sqs;
    private String url;

    public EventsQueue() {
        this("solicitud-events");
    }

    /** The same reading of another events queue of the outbox, e.g. {@code file-events}. */
    public EventsQueue(String queueRole) {
        this.queueRole = queueRole;
    }

    /** Reads and deletes whatever is in the queue, so a test sees only what it caused. */
    public void drain() {
        while (!receive(0).isEmpty()) {
            // keep reading
        }
    }

    /**
     * Receives until the messages whose deduplication id (the event id) is in {@code eventIds} have all arrived
     * or the deadline passes; returns those messages in arrival order, duplicates included. Messages of other
     * events (another test's relay may still be publishing) are read and dropped.
     */
    public List<Message> receive(Collection<String> eventIds, Duration deadline) {
        Set<String> wanted = Set.copyOf(eventIds);
        Predicate<Message> mine = m -> wanted.contains(dedupId(m));
        List<Message> received = new ArrayList<>();
        long end = System.nanoTime() + deadline.toNanos();
        while (System.nanoTime() < end
                && !received.stream().map(EventsQueue::dedupId).toList().containsAll(wanted)) {
            receive(1).stream().filter(mine).forEach(received::add);
        }
        return received;
    }

    /** Listens for {@code period} and returns the messages of {@code eventIds} that arrived meanwhile. */
    public List<Message> listen(Collection<String> eventIds, Duration period) {
        Set<String> wanted = Set.copyOf(eventIds);
        List<Message> received = new ArrayList<>();
        long end = System.nanoTime() + period.toNanos();
        while (System.nanoTime() < end) {
            receive(1).stream().filter(m -> wanted.contains(dedupId(m))).forEach(received::add);
        }
        return received;
    }

    public static String dedupId(Message message) {
        return message.attributes().get(MessageSystemAttributeName.MESSAGE_DEDUPLICATION_ID);
    }

    public static String groupId(Message message) {
        return message.attributes().get(MessageSystemAttributeName.MESSAGE_GROUP_ID);
    }

    private List<Message> receive(int waitSeconds) {
        connect();
        List<Message> messages = sqs.receiveMessage(r -> r.queueUrl(url)
                .maxNumberOfMessages(10)
                .waitTimeSeconds(waitSeconds)
                .messageSystemAttributeNames(MessageSystemAttributeName.MESSAGE_GROUP_ID,
                        MessageSystemAttributeName.MESSAGE_DEDUPLICATION_ID)
                .messageAttributeNames("All")).messages();
        if (!messages.isEmpty()) {
            sqs.deleteMessageBatch(r -> r.queueUrl(url).entries(messages.stream()
                    .map(m -> DeleteMessageBatchRequestEntry.builder()
                            .id(m.messageId()).receiptHandle(m.receiptHandle()).build())
                    .toList()));
        }
        return messages;
    }

    private synchronized void connect() {
        if (sqs == null) {
            sqs = TestBackends.shared().sqsClient();
            String name = TestBackends.shared().resources().queue(queueRole).name();
            url = sqs.getQueueUrl(r -> r.queueName(name)).queueUrl();
        }
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        drain();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        close();
    }

    @Override
    public synchronized void close() {
        if (sqs != null) {
            sqs.close();
        }
    }
}
