package pe.cmep.events;

import java.time.Instant;

/**
 * The solicitud as it is after the change an event describes, so that a read model
 * (the report aggregates of the workflow-worker) can be kept without reading the database.
 *
 * @param estadoAtencion  stored status ({@code REGISTRADO}, {@code ATENDIDO}, {@code CANCELADO}, …)
 * @param estadoPago      stored payment status ({@code PENDIENTE}, {@code PAGADO}, {@code OBSERVADO})
 * @param estadoOperativo derived workflow state (domain.md §3)
 * @param gestorPersonaId persona of the current (vigente) gestor assignment, null if none
 * @param medicoPersonaId persona of the current (vigente) medico assignment, null if none
 * @param updatedAt       the solicitud's {@code updated_at} after the change, whole seconds UTC
 */
public record SolicitudState(
        String estadoAtencion,
        String estadoPago,
        String estadoOperativo,
        Integer gestorPersonaId,
        Integer medicoPersonaId,
        Instant updatedAt) {

    public SolicitudState {
        Checks.present(estadoAtencion, "estado_atencion");
        Checks.present(estadoPago, "estado_pago");
        Checks.present(estadoOperativo, "estado_operativo");
        updatedAt = Checks.seconds(Checks.present(updatedAt, "updated_at"));
    }
}
