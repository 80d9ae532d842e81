package pe.cmep.events;

import java.util.Arrays;
import java.util.Optional;

/** Every file event type with its wire name, the major version this code reads and writes, and its record. */
public enum ArchivoEventType {

    UPLOADED(ArchivoUploaded.TYPE, ArchivoUploaded.VERSION, ArchivoUploaded.class),
    DELETED(ArchivoDeleted.TYPE, ArchivoDeleted.VERSION, ArchivoDeleted.class);

    private final String type;
    private final int version;
    private final Class<? extends ArchivoEventPayload> payloadClass;

    ArchivoEventType(String type, int version, Class<? extends ArchivoEventPayload> payloadClass) {
        this.type = type;
        this.version = version;
        this.payloadClass = payloadClass;
    }

    public String type() {
        return type;
    }

    public int version() {
        return version;
    }

    public Class<? extends ArchivoEventPayload> payloadClass() {
        return payloadClass;
    }

    /** The JSON Schema of this type on the classpath, e.g. {@code schemas/archivo.uploaded.v1.json}. */
    public String schemaResource() {
        return "schemas/" + type + ".v" + version + ".json";
    }

    public static Optional<ArchivoEventType> ofType(String type) {
        return Arrays.stream(values()).filter(t -> t.type.equals(type)).findFirst();
    }

    public static ArchivoEventType of(ArchivoEventPayload payload) {
        return Arrays.stream(values())
                .filter(t -> t.payloadClass == payload.getClass())
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No event type for " + payload.getClass()));
    }
}
