package pe.cmep.events;

/** A well-formed event of a type or major version this code does not know. */
public class UnsupportedEventException extends InvalidEventException {

    public UnsupportedEventException(String message) {
        super(message);
    }
}
