package pe.cmep.system.load;

import java.util.List;

/**
 * What the mixed load does to a solicitud, and what each acknowledged action must have left in the database: its
 * historial rows (api.md §8.2) and its payment and file rows. {@code politica} is the policy action that must be in
 * the solicitud's {@code acciones_permitidas} for the load to send it (null: any logged-in user may).
 */
public enum Accion {

    ASIGNAR_GESTOR("ASIGNAR_GESTOR", List.of("asignacion_gestor"), 0, 0),
    CAMBIAR_GESTOR("CAMBIAR_GESTOR", List.of("cambio_gestor"), 0, 0),
    REGISTRAR_PAGO("REGISTRAR_PAGO", List.of("pago_registrado"), 1, 0),
    ASIGNAR_MEDICO("ASIGNAR_MEDICO", List.of("asignacion_medico"), 0, 0),
    CAMBIAR_MEDICO("CAMBIAR_MEDICO", List.of("cambio_medico"), 0, 0),
    EDITAR_DATOS("EDITAR_DATOS", List.of("comentario"), 0, 0),
    CERRAR("CERRAR", List.of("estado_atencion"), 0, 0),
    CANCELAR("CANCELAR", List.of("estado_atencion"), 0, 0),
    OVERRIDE_PAGO("OVERRIDE", List.of("override", "pago_registrado"), 1, 0),
    OVERRIDE_CANCELAR("OVERRIDE", List.of("override", "estado_atencion"), 0, 0),
    SUBIR_ARCHIVO(null, List.of(), 0, 1),
    ELIMINAR(null, List.of(), 0, 0);

    /** The historial {@code campo}s the ledger counts; others (estado_pago, written only sometimes) are not. */
    public static final List<String> CAMPOS = List.of("solicitud_creada", "asignacion_gestor", "cambio_gestor",
            "pago_registrado", "asignacion_medico", "cambio_medico", "comentario", "estado_atencion", "override");

    private final String politica;
    private final List<String> campos;
    private final int pagos;
    private final int archivos;

    Accion(String politica, List<String> campos, int pagos, int archivos) {
        this.politica = politica;
        this.campos = campos;
        this.pagos = pagos;
        this.archivos = archivos;
    }

    public String politica() {
        return politica;
    }

    public List<String> campos() {
        return campos;
    }

    public int pagos() {
        return pagos;
    }

    public int archivos() {
        return archivos;
    }
}
