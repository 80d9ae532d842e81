package pe.cmep.events;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** One fully populated event of every type. */
final class SampleEvents {

    static final Instant AT = Instant.parse("2026-01-29T15:10:02Z");
    static final SolicitudState PAID = new SolicitudState("REGISTRADO", "PAGADO", "ASIGNADO_MEDICO", 4, 5, AT);

    private SampleEvents() {
    }

    static List<SolicitudEvent> all() {
        return List.of(
                event(new SolicitudCreated("CMEP-2026-0007", 3, 9, 2, 1, new BigDecimal("200.00"), "PEN", 2, AT,
                        new SolicitudState("REGISTRADO", "PENDIENTE", "REGISTRADO", null, null, AT))),
                event(new SolicitudEdited(List.of(
                        new SolicitudEdited.Change("lugar_atencion", null, "Sede Lima"),
                        new SolicitudEdited.Change("cliente.nombres", "Juan", "Juan Carlos")), PAID)),
                event(new GestorAssigned(4, "Gabriela Gestora", null, null, false, PAID)),
                event(new GestorChanged(6, "Otro Gestor", 4, "Gabriela Gestora", true, PAID)),
                event(new MedicoAssigned(5, "Mario Medico", null, null, false, PAID)),
                event(new MedicoChanged(7, "Otra Medica", 5, "Mario Medico", false, PAID)),
                event(new PaymentRegistered(11, "YAPE", LocalDate.of(2026, 1, 28), new BigDecimal("150.5"), "USD",
                        "PENDIENTE", PAID)),
                event(new SolicitudClosed(new SolicitudState("ATENDIDO", "PAGADO", "CERRADO", 4, 5, AT))),
                event(new SolicitudCancelled("cliente desistió",
                        new SolicitudState("CANCELADO", "PENDIENTE", "CANCELADO", null, null, AT))),
                event(new SolicitudOverridden("CAMBIAR_MEDICO", "error de asignación", "CERRADO",
                        new SolicitudState("ATENDIDO", "PAGADO", "CERRADO", 4, 7, AT))),
                new SolicitudEvent(UUID.randomUUID(), SolicitudDeleted.TYPE, SolicitudDeleted.VERSION, AT, 7, null,
                        new SolicitudDeleted(List.of("uploads/3f2a9c.pdf", "uploads/77b0e1.png"))));
    }

    static SolicitudEvent of(SolicitudEventType type) {
        return all().stream().filter(e -> e.type().equals(type.type())).findFirst().orElseThrow();
    }

    private static SolicitudEvent event(SolicitudEventPayload payload) {
        return SolicitudEvent.of(7, 1, AT, payload);
    }
}
