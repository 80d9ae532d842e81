package pe.cmep.events;

/**
 * A file was uploaded and its rows committed; the file-worker checks the object against the declared type.
 *
 * @param storageKey  object key ({@code uploads/<32 hex><ext>})
 * @param mimeType    the type the upload was accepted as (the one that belongs to its extension)
 * @param tamanoBytes size the gateway stored
 */
public record ArchivoUploaded(String storageKey, String mimeType, long tamanoBytes) implements ArchivoEventPayload {

    public static final String TYPE = "archivo.uploaded";
    public static final int VERSION = 1;

    public ArchivoUploaded {
        Checks.present(storageKey, "storage_key");
        Checks.present(mimeType, "mime_type");
        if (tamanoBytes < 0) {
            throw new IllegalArgumentException("tamano_bytes must not be negative, was " + tamanoBytes);
        }
    }
}
