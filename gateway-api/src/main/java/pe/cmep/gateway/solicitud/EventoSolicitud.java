package pe.cmep.gateway.solicitud;

import pe.cmep.events.SolicitudEventPayload;
import pe.cmep.events.SolicitudState;

/**
 * An event an action records, completed when written: every event carries the solicitud's state after the whole
 * change, and a payment's event the id its row was given.
 */
@FunctionalInterface
interface EventoSolicitud {

    SolicitudEventPayload payload(SolicitudState estado, Integer pagoId);
}
