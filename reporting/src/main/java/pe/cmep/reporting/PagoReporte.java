package pe.cmep.reporting;

import java.math.BigDecimal;
import java.time.LocalDate;

/** A {@code reporte_pago} row, as the daily tables count it. */
record PagoReporte(LocalDate fechaPago, String moneda, BigDecimal monto) {
}
