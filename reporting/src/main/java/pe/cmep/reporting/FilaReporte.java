package pe.cmep.reporting;

import java.time.LocalDate;
import java.time.LocalDateTime;
import pe.cmep.events.SolicitudState;

/** A {@code reporte_solicitud} row: what one solicitud contributes to the report. */
record FilaReporte(LocalDateTime creadoEn, Integer creadoPor, int clienteId, Integer promotorId,
                   String estadoAtencion, String estadoOperativo, Integer gestorPersonaId, Integer medicoPersonaId,
                   LocalDateTime actualizadoEn) {

    LocalDate dia() {
        return creadoEn.toLocalDate();
    }

    boolean cerrada() {
        return "ATENDIDO".equals(estadoAtencion);
    }

    /** The same solicitud in the state an event carries. */
    FilaReporte con(SolicitudState s) {
        return new FilaReporte(creadoEn, creadoPor, clienteId, promotorId, s.estadoAtencion(), s.estadoOperativo(),
                s.gestorPersonaId(), s.medicoPersonaId(), ReportProjector.utc(s.updatedAt()));
    }
}
