package pe.cmep.gateway.outbox;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import pe.cmep.gateway.outbox.OutboxRepository.PendingEvent;

/**
 * Splits the rows of one poll into SendMessageBatch calls that may go out side by side. SQS keeps the order of the
 * messages of one group inside one SendMessageBatch call of a FIFO queue, but nothing orders two calls in flight at
 * once; so all the rows a poll sends of one solicitud to one queue go in one call, in id order. That caps them at
 * one call's size: the rows of a solicitud past the first {@code batchSize} wait for the next poll.
 */
final class OutboxBatches {

    private OutboxBatches() {
    }

    /** @param rows the rows of the poll in id order */
    static List<Batch> plan(List<PendingEvent> rows, int batchSize) {
        Map<Integer, List<PendingEvent>> bySolicitud = new LinkedHashMap<>();
        for (PendingEvent row : rows) {
            List<PendingEvent> ofSolicitud = bySolicitud.computeIfAbsent(row.solicitudId(), id -> new ArrayList<>());
            if (ofSolicitud.size() < batchSize) {
                ofSolicitud.add(row);
            }
        }
        Map<String, List<List<PendingEvent>>> groupsByQueue = new LinkedHashMap<>();
        for (List<PendingEvent> ofSolicitud : bySolicitud.values()) {
            Map<String, List<PendingEvent>> byQueue = new LinkedHashMap<>();
            for (PendingEvent row : ofSolicitud) {
                byQueue.computeIfAbsent(row.queueRole(), q -> new ArrayList<>()).add(row);
            }
            byQueue.forEach((queue, group) -> groupsByQueue.computeIfAbsent(queue, q -> new ArrayList<>()).add(group));
        }
        List<Batch> batches = new ArrayList<>();
        groupsByQueue.forEach((queue, groups) -> {
            List<PendingEvent> current = new ArrayList<>();
            for (List<PendingEvent> group : groups) {
                if (current.size() + group.size() > batchSize) {
                    batches.add(new Batch(queue, current));
                    current = new ArrayList<>();
                }
                current.addAll(group);
            }
            if (!current.isEmpty()) {
                batches.add(new Batch(queue, current));
            }
        });
        return batches;
    }

    /** One SendMessageBatch call: the rows of whole message groups, each group's in id order. */
    record Batch(String queueRole, List<PendingEvent> rows) {
    }
}
