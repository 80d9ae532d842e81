package pe.cmep.events;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A solicitud was registered (domain.md §5.1).
 *
 * @param codigo       {@code CMEP-<year>-<id>}
 * @param clienteId    the cliente (its persona id)
 * @param apoderadoId  persona of the apoderado, null if none
 * @param promotorId   null if none
 * @param servicioId   null if none
 * @param tarifaMonto  price snapshot, null without servicio
 * @param tarifaMoneda {@code PEN} or {@code USD}, null without servicio
 * @param createdBy    user who registered it
 * @param createdAt    the solicitud's {@code created_at}
 */
public record SolicitudCreated(
        String codigo,
        int clienteId,
        Integer apoderadoId,
        Integer promotorId,
        Integer servicioId,
        BigDecimal tarifaMonto,
        String tarifaMoneda,
        int createdBy,
        Instant createdAt,
        SolicitudState state) implements SolicitudEventPayload {

    public static final String TYPE = "solicitud.created";
    public static final int VERSION = 1;

    public SolicitudCreated {
        Checks.present(codigo, "codigo");
        Checks.id(clienteId, "cliente_id");
        tarifaMonto = Checks.money(tarifaMonto, "tarifa_monto");
        Checks.id(createdBy, "created_by");
        createdAt = Checks.seconds(Checks.present(createdAt, "created_at"));
        Checks.present(state, "state");
    }
}
