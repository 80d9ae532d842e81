package pe.cmep.reporting;

import java.util.List;

/** The daily tables of V9 (docs/reports.md): their key columns and the figures that add up. */
enum TablaDiaria {
    DIA("reporte_dia", List.of("dia", "estado_operativo"), List.of("solicitudes")),
    EQUIPO("reporte_equipo_dia", List.of("rol", "dia", "miembro_id"), List.of("solicitudes", "cerradas")),
    PROMOTOR("reporte_promotor_dia", List.of("dia", "promotor_id", "dias_desde_anterior"),
            List.of("clientes", "solicitudes")),
    PAGO("reporte_pago_dia", List.of("fecha_pago", "moneda"), List.of("pagos", "monto")),
    PAGO_SOLICITUD("reporte_pago_dia_solicitud", List.of("fecha_pago", "dias_desde_anterior"), List.of("solicitudes"));

    final String tabla;
    final List<String> claves;
    final List<String> cifras;

    TablaDiaria(String tabla, List<String> claves, List<String> cifras) {
        this.tabla = tabla;
        this.claves = claves;
        this.cifras = cifras;
    }
}
