package pe.cmep.gateway.reportes;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * What {@link ReportesRepository} reads from the aggregates for one filter, before any arithmetic.
 *
 * @param estados               estado_operativo → {solicitudes in W_s, of them ATENDIDO}; ATENDIDO is exactly
 *                              the estado_operativo CERRADO (domain.md §3)
 * @param solicitudesPorPeriodo period label → solicitudes in W_s (estado filter applied)
 * @param ingresosPorPeriodo    period label → SUM(monto) in W_p
 * @param actualizadoEn         the newest event applied, ISO; null if none
 */
record Lectura(Map<String, long[]> estados, Map<String, Long> solicitudesPorPeriodo, Pagos pagos,
               Map<String, BigDecimal> ingresosPorPeriodo, List<Promotor> promotores,
               Reporte.RankingEquipo equipo, String actualizadoEn) {

    /** @param solicitudes COUNT(DISTINCT solicitud_id) of the payments in W_p */
    record Pagos(long solicitudes, BigDecimal total, BigDecimal pen, BigDecimal usd) {
    }

    record Promotor(int promotorId, String nombre, long clientes, long solicitudes) {
    }
}
