package pe.cmep.gateway.policy;

/** The workflow actions of the policy matrix, in the column order of domain.md §4.1. */
public enum Accion {
    EDITAR_DATOS, ASIGNAR_GESTOR, CAMBIAR_GESTOR, REGISTRAR_PAGO, ASIGNAR_MEDICO, CAMBIAR_MEDICO, CERRAR, CANCELAR,
    OVERRIDE
}
