package pe.cmep.gateway.reportes;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import pe.cmep.events.EstadoOperativo;

/** The arithmetic of domain.md §7 on what was read: KPIs, merged series, the six states, percentages. */
final class ReporteCalculo {

    private ReporteCalculo() {
    }

    static Reporte reporte(ReporteFiltro f, Lectura l) {
        long total = 0;
        long cerradas = 0;
        List<Reporte.DistribucionItem> distribucion = new ArrayList<>();
        for (EstadoOperativo e : EstadoOperativo.values()) {
            long[] n = l.estados().getOrDefault(e.name(), new long[2]);
            distribucion.add(new Reporte.DistribucionItem(e.name(), n[0]));
            total += n[0];
            cerradas += n[1];
        }
        long solicitudes = f.estado() == null ? total : l.estados().getOrDefault(f.estado().name(), new long[2])[0];

        Lectura.Pagos pagos = l.pagos();
        BigDecimal ticket = pagos.solicitudes() == 0 ? BigDecimal.ZERO
                : pagos.total().divide(BigDecimal.valueOf(pagos.solicitudes()), 2, RoundingMode.HALF_UP);
        Map<String, Double> porMoneda = new LinkedHashMap<>();
        porMoneda.put("PEN", pagos.pen().doubleValue());
        porMoneda.put("USD", pagos.usd().doubleValue());
        Reporte.Kpis kpis = new Reporte.Kpis(solicitudes, cerradas, pagos.total().doubleValue(), ticket.doubleValue(),
                porMoneda);

        // one item per period present in either set, sorted by the label as a string (§7.2)
        TreeMap<String, Reporte.SerieItem> series = new TreeMap<>();
        l.solicitudesPorPeriodo().forEach((p, n) -> series.put(p, new Reporte.SerieItem(p, n, 0)));
        l.ingresosPorPeriodo().forEach((p, monto) -> series.merge(p, new Reporte.SerieItem(p, 0, monto.doubleValue()),
                (s, i) -> new Reporte.SerieItem(p, s.solicitudes(), i.ingresos())));

        // K is the estado-filtered KPI, or 1 when it is 0 (§7.4)
        BigDecimal k = BigDecimal.valueOf(solicitudes == 0 ? 1 : solicitudes);
        List<Reporte.PromotorItem> promotores = l.promotores().stream()
                .map(p -> new Reporte.PromotorItem(p.promotorId(), p.nombre(), p.clientes(), p.solicitudes(),
                        BigDecimal.valueOf(p.solicitudes() * 100).divide(k, 1, RoundingMode.HALF_UP).doubleValue()))
                .toList();
        return new Reporte(l.actualizadoEn(), kpis, List.copyOf(series.values()), distribucion, promotores, l.equipo());
    }
}
