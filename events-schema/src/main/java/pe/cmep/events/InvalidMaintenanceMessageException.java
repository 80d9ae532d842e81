package pe.cmep.events;

/**
 * A maintenance message that is not JSON, lacks a field, or names a task or major version this code does not
 * know. The consumer does not acknowledge it, so it reaches the dead-letter queue.
 */
public class InvalidMaintenanceMessageException extends RuntimeException {

    public InvalidMaintenanceMessageException(String message) {
        super(message);
    }

    public InvalidMaintenanceMessageException(String message, Throwable cause) {
        super(message, cause);
    }
}
