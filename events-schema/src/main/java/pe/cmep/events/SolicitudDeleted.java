package pe.cmep.events;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * An admin deleted the solicitud with everything hanging from it (domain.md §5.8).
 *
 * @param storageKeys object keys ({@code uploads/…}) of the files deleted with it. Informational: no consumer reads
 *                    them; the file-worker deletes each object from the {@code archivo.deleted} event the same
 *                    transaction writes per file on the file-events queue (decision 15 keeps the field)
 */
public record SolicitudDeleted(List<String> storageKeys) implements SolicitudEventPayload {

    public static final String TYPE = "solicitud.deleted";
    public static final int VERSION = 1;

    public SolicitudDeleted {
        storageKeys = List.copyOf(Checks.present(storageKeys, "storage_keys"));
    }

    /** There is no solicitud after a delete; written as {@code "state": null} like every payload's state. */
    @Override
    @JsonProperty(value = "state", access = JsonProperty.Access.READ_ONLY)
    public SolicitudState state() {
        return null;
    }
}
