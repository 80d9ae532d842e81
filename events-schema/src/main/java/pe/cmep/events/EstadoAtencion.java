package pe.cmep.events;

/** The stored processing status of a solicitud (domain.md §2.3); EN_PROCESO and OBSERVADO are reserved. */
public enum EstadoAtencion {
    REGISTRADO, EN_PROCESO, ATENDIDO, OBSERVADO, CANCELADO
}
