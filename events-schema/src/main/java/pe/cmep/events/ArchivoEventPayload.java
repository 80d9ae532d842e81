package pe.cmep.events;

/**
 * What happened to a stored file: one record per event type, each with its wire {@code TYPE} and its major
 * {@code VERSION}. {@link ArchivoEventType} lists them.
 */
public sealed interface ArchivoEventPayload permits ArchivoUploaded, ArchivoDeleted {

    /** Object key in the files bucket ({@code uploads/…}). */
    String storageKey();
}
