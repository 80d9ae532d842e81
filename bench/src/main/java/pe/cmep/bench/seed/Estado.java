package pe.cmep.bench.seed;

/** The six values of estado_operativo (domain.md §3), in the order the API lists them. */
public enum Estado {
    REGISTRADO, ASIGNADO_GESTOR, PAGADO, ASIGNADO_MEDICO, CERRADO, CANCELADO
}
