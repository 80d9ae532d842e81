package pe.cmep.events;

/** The stored payment status of a solicitud (domain.md §2.3); OBSERVADO is reserved and counts as not paid. */
public enum EstadoPago {
    PENDIENTE, PAGADO, OBSERVADO
}
