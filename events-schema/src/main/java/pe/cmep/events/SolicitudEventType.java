package pe.cmep.events;

import java.util.Arrays;
import java.util.Optional;

/** Every solicitud event type with its wire name, the major version this code reads and writes, and its record. */
public enum SolicitudEventType {

    CREATED(SolicitudCreated.TYPE, SolicitudCreated.VERSION, SolicitudCreated.class),
    EDITED(SolicitudEdited.TYPE, SolicitudEdited.VERSION, SolicitudEdited.class),
    GESTOR_ASSIGNED(GestorAssigned.TYPE, GestorAssigned.VERSION, GestorAssigned.class),
    GESTOR_CHANGED(GestorChanged.TYPE, GestorChanged.VERSION, GestorChanged.class),
    MEDICO_ASSIGNED(MedicoAssigned.TYPE, MedicoAssigned.VERSION, MedicoAssigned.class),
    MEDICO_CHANGED(MedicoChanged.TYPE, MedicoChanged.VERSION, MedicoChanged.class),
    PAYMENT_REGISTERED(PaymentRegistered.TYPE, PaymentRegistered.VERSION, PaymentRegistered.class),
    CLOSED(SolicitudClosed.TYPE, SolicitudClosed.VERSION, SolicitudClosed.class),
    CANCELLED(SolicitudCancelled.TYPE, SolicitudCancelled.VERSION, SolicitudCancelled.class),
    OVERRIDDEN(SolicitudOverridden.TYPE, SolicitudOverridden.VERSION, SolicitudOverridden.class),
    DELETED(SolicitudDeleted.TYPE, SolicitudDeleted.VERSION, SolicitudDeleted.class);

    private final String type;
    private final int version;
    private final Class<? extends SolicitudEventPayload> payloadClass;

    SolicitudEventType(String type, int version, Class<? extends SolicitudEventPayload> payloadClass) {
        this.type = type;
        this.version = version;
        this.payloadClass = payloadClass;
    }

    /** The wire name, e.g. {@code solicitud.created}. */
    public String type() {
        return type;
    }

    /** The major version this code reads and writes. */
    public int version() {
        return version;
    }

    public Class<? extends SolicitudEventPayload> payloadClass() {
        return payloadClass;
    }

    /** The JSON Schema of this type on the classpath, e.g. {@code schemas/solicitud.created.v1.json}. */
    public String schemaResource() {
        return "schemas/" + type + ".v" + version + ".json";
    }

    public static Optional<SolicitudEventType> ofType(String type) {
        return Arrays.stream(values()).filter(t -> t.type.equals(type)).findFirst();
    }

    public static SolicitudEventType of(SolicitudEventPayload payload) {
        return Arrays.stream(values())
                .filter(t -> t.payloadClass == payload.getClass())
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No event type for " + payload.getClass()));
    }
}
