package pe.cmep.gateway.archivo;

/** The file-worker's verdict on an uploaded object (domain.md §8, archivos.estado_verificacion). */
enum EstadoVerificacion {
    PENDIENTE, VERIFICADO, RECHAZADO
}
