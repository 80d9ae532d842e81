package pe.cmep.events;

/** A message that is not JSON, or lacks a field the envelope or its payload requires. */
public class MalformedEventException extends InvalidEventException {

    public MalformedEventException(String message) {
        super(message);
    }

    public MalformedEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
