package pe.cmep.gateway.reportes;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import pe.cmep.events.SolicitudEvent;

/**
 * What a FIFO queue with at-least-once delivery may hand a consumer: the events of one solicitud in their
 * order, the solicitudes interleaved at random, some events delivered again right away (a redelivery after a
 * failed acknowledgement) and some again later, behind newer events of their solicitud (a duplicate sent after
 * the queue's deduplication window).
 */
final class EventosRepetidos {

    private EventosRepetidos() {
    }

    static List<SolicitudEvent> entrega(List<SolicitudEvent> enOrden, Random random) {
        Map<Integer, Deque<SolicitudEvent>> grupos = new LinkedHashMap<>();
        for (SolicitudEvent e : enOrden) {
            Deque<SolicitudEvent> grupo = grupos.computeIfAbsent(e.solicitudId(), k -> new ArrayDeque<>());
            grupo.addLast(e);
            if (random.nextInt(8) == 0) {
                grupo.addLast(e);
            }
        }
        Map<Integer, List<SolicitudEvent>> tardios = new LinkedHashMap<>();
        List<SolicitudEvent> entregados = new ArrayList<>();
        List<Integer> pendientes = new ArrayList<>(grupos.keySet());
        while (!pendientes.isEmpty()) {
            Integer id = pendientes.get(random.nextInt(pendientes.size()));
            SolicitudEvent e = grupos.get(id).pollFirst();
            entregados.add(e);
            if (random.nextInt(10) == 0) {
                tardios.computeIfAbsent(id, k -> new ArrayList<>()).add(e);
            }
            if (grupos.get(id).isEmpty()) {
                pendientes.remove(id);
                entregados.addAll(tardios.getOrDefault(id, List.of()));
            }
        }
        return entregados;
    }
}
