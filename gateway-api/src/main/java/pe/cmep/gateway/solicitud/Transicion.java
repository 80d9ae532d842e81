package pe.cmep.gateway.solicitud;

import java.util.ArrayList;
import java.util.List;

/**
 * What an action of the {@link Solicitud} aggregate decided: the solicitud as it leaves it, the historial rows,
 * the other rows to write and the events, in their order. SolicitudRepository writes all of it in one place.
 */
record Transicion(Solicitud despues, List<Cambio> historial, List<Escritura> escrituras,
                  List<EventoSolicitud> eventos) {

    Transicion {
        historial = List.copyOf(historial);
        escrituras = List.copyOf(escrituras);
        eventos = List.copyOf(eventos);
    }

    static Transicion ninguna(Solicitud solicitud) {
        return new Transicion(solicitud, List.of(), List.of(), List.of());
    }

    boolean vacia() {
        return historial.isEmpty() && escrituras.isEmpty() && eventos.isEmpty();
    }

    /** This transition followed by {@code siguiente} (an override, then its sub-action). */
    Transicion luego(Transicion siguiente) {
        return new Transicion(siguiente.despues, concat(historial, siguiente.historial),
                concat(escrituras, siguiente.escrituras), concat(eventos, siguiente.eventos));
    }

    private static <T> List<T> concat(List<T> a, List<T> b) {
        List<T> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
