package pe.cmep.events;

import java.time.Instant;
import java.util.UUID;

/**
 * A request to run a maintenance task, put on the maintenance queue by a schedule (EventBridge Scheduler in
 * production, the workflow-worker's own sender elsewhere). Both send the same body; see
 * {@link MaintenanceMessageCodec} and {@code docs/events.md}.
 *
 * @param requestedAt when the schedule fired (whole UTC seconds); the task itself uses the time it runs at
 * @param messageId   the sender's id of this request: a UUID from the local sender, EventBridge Scheduler's
 *                    execution id in production; only for the logs
 */
public record MaintenanceMessage(MaintenanceTask task, Instant requestedAt, String messageId) {

    static final int MAX_MESSAGE_ID_LENGTH = 128;

    public MaintenanceMessage {
        Checks.present(task, "task");
        requestedAt = Checks.seconds(Checks.present(requestedAt, "requested_at"));
        Checks.present(messageId, "message_id");
        if (messageId.isBlank() || messageId.length() > MAX_MESSAGE_ID_LENGTH) {
            throw new IllegalArgumentException("message_id must have 1 to " + MAX_MESSAGE_ID_LENGTH
                    + " characters, was '" + messageId + "'");
        }
    }

    public static MaintenanceMessage sessionCleanup(Instant requestedAt) {
        return new MaintenanceMessage(MaintenanceTask.SESSION_CLEANUP, requestedAt, UUID.randomUUID().toString());
    }

    /** The major version of the task's message, as written on the wire. */
    public int version() {
        return task.version();
    }
}
