package pe.cmep.gateway.catalogo;

/** An assignable employee (api.md §7.8): the pick-list entry for the assign/change actions. */
public record EmpleadoItem(Integer personaId, String nombre, String rol) {
}
