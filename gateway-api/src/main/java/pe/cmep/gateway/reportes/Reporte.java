package pe.cmep.gateway.reportes;

import java.util.List;
import java.util.Map;

/**
 * The body of GET /admin/reportes, field for field as api.md §7.12 (names become snake_case on the wire).
 *
 * @param actualizadoEn when the newest event applied to the aggregates occurred, null if none was
 */
public record Reporte(String actualizadoEn, Kpis kpis, List<SerieItem> series, List<DistribucionItem> distribucion,
                      List<PromotorItem> rankingPromotores, RankingEquipo rankingEquipo) {

    /** @param ingresosPorMoneda always both {@code PEN} and {@code USD} */
    public record Kpis(long solicitudes, long cerradas, double ingresos, double ticketPromedio,
                       Map<String, Double> ingresosPorMoneda) {
    }

    public record SerieItem(String periodo, long solicitudes, double ingresos) {
    }

    public record DistribucionItem(String estado, long cantidad) {
    }

    public record PromotorItem(int promotorId, String nombre, long clientes, long solicitudes, double porcentaje) {
    }

    public record RankingEquipo(List<MiembroItem> gestores, List<MiembroItem> medicos, List<MiembroItem> operadores) {
    }

    /** @param ultimaActividad ISO timestamp, null when unknown */
    public record MiembroItem(int personaId, String nombre, long solicitudes, long cerradas, String ultimaActividad) {
    }
}
