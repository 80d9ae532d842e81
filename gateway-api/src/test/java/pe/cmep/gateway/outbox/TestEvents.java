package pe.cmep.gateway.outbox;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import pe.cmep.events.SolicitudEdited;
import pe.cmep.events.SolicitudEvent;
import pe.cmep.events.SolicitudState;

/** Events for outbox tests; the outbox needs no solicitud row, so each test takes solicitud ids of its own. */
final class TestEvents {

    private static final AtomicInteger NEXT_SOLICITUD = new AtomicInteger(900_000);

    private TestEvents() {
    }

    static int newSolicitudId() {
        return NEXT_SOLICITUD.incrementAndGet();
    }

    /** An edit whose new value names its position, so a consumer can tell the events apart. */
    static SolicitudEvent edit(int solicitudId, int sequence) {
        Instant now = Instant.now();
        return SolicitudEvent.of(solicitudId, 1, now, new SolicitudEdited(
                List.of(new SolicitudEdited.Change("comentario", null, "edit " + sequence)),
                new SolicitudState("REGISTRADO", "PENDIENTE", "REGISTRADO", null, null, now)));
    }
}
