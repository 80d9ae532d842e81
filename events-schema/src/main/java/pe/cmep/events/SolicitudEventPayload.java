package pe.cmep.events;

/**
 * What happened to a solicitud: one record per event type, each with its wire {@code TYPE}
 * and its major {@code VERSION}. {@link SolicitudEventType} lists them.
 */
public sealed interface SolicitudEventPayload permits SolicitudCreated, SolicitudEdited, GestorAssigned,
        GestorChanged, MedicoAssigned, MedicoChanged, PaymentRegistered, SolicitudClosed, SolicitudCancelled,
        SolicitudOverridden, SolicitudDeleted {

    /** The solicitud after the change; null only for {@link SolicitudDeleted}. */
    SolicitudState state();
}
