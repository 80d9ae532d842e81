package pe.cmep.events;

/** A message that cannot be read as a solicitud event; consumers send it to the dead-letter queue. */
public class InvalidEventException extends RuntimeException {

    public InvalidEventException(String message) {
        super(message);
    }

    public InvalidEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
