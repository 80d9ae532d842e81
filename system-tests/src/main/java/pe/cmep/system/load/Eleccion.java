package pe.cmep.system.load;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Which action the load sends next to a solicitud: a weighted choice among those its last answer allows
 * ({@code acciones_permitidas}), the médico actions only once it is paid (api.md §7.5: an unpaid one is a 422).
 * Weights favour moving a solicitud forward, so most reach CERRADO and the override path is exercised too.
 */
final class Eleccion {

    private static final Map<Accion, Double> PESOS = new EnumMap<>(Map.ofEntries(
            Map.entry(Accion.ASIGNAR_GESTOR, 5.0), Map.entry(Accion.CAMBIAR_GESTOR, 1.5),
            Map.entry(Accion.REGISTRAR_PAGO, 5.0), Map.entry(Accion.ASIGNAR_MEDICO, 5.0),
            Map.entry(Accion.CAMBIAR_MEDICO, 1.5), Map.entry(Accion.EDITAR_DATOS, 2.0),
            Map.entry(Accion.CERRAR, 3.0), Map.entry(Accion.CANCELAR, 0.4),
            Map.entry(Accion.OVERRIDE_PAGO, 1.5), Map.entry(Accion.OVERRIDE_CANCELAR, 1.0),
            Map.entry(Accion.SUBIR_ARCHIVO, 0.7), Map.entry(Accion.ELIMINAR, 0.05)));

    private Eleccion() {
    }

    /** The actions the solicitud's detail allows the load to send. */
    static List<Accion> posibles(JsonNode detalle) {
        List<String> permitidas = new ArrayList<>();
        detalle.path("acciones_permitidas").forEach(a -> permitidas.add(a.asString()));
        boolean pagado = "PAGADO".equals(detalle.path("estado_pago").asString());
        List<Accion> posibles = new ArrayList<>();
        for (Accion a : Accion.values()) {
            boolean permitida = a.politica() == null || permitidas.contains(a.politica());
            boolean medico = a == Accion.ASIGNAR_MEDICO || a == Accion.CAMBIAR_MEDICO;
            if (permitida && (!medico || pagado)) {
                posibles.add(a);
            }
        }
        return posibles;
    }

    /** @param azar uniform in [0, 1): where in the weighted list the choice falls */
    static Accion elegir(JsonNode detalle, double azar) {
        List<Accion> posibles = posibles(detalle);
        double total = posibles.stream().mapToDouble(PESOS::get).sum();
        double x = azar * total;
        for (Accion a : posibles) {
            x -= PESOS.get(a);
            if (x < 0) {
                return a;
            }
        }
        return posibles.get(posibles.size() - 1);
    }
}
