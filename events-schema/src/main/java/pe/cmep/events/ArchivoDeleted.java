package pe.cmep.events;

/**
 * The file's rows are gone (DELETE /archivos/{id}, or its solicitud was deleted); the file-worker deletes
 * the object.
 *
 * @param storageKey object key ({@code uploads/…}) to delete
 */
public record ArchivoDeleted(String storageKey) implements ArchivoEventPayload {

    public static final String TYPE = "archivo.deleted";
    public static final int VERSION = 1;

    public ArchivoDeleted {
        Checks.present(storageKey, "storage_key");
    }
}
