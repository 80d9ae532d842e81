package pe.cmep.events;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A payment was registered (REGISTRAR_PAGO, or OVERRIDE of it, domain.md §5.4).
 *
 * @param pagoId             the {@code pago_solicitud} row
 * @param canalPago          payment channel as entered
 * @param fechaPago          payment date (the report's payment window uses it)
 * @param monto              amount, two decimals
 * @param moneda             {@code PEN} or {@code USD}
 * @param estadoPagoAnterior estado_pago before this payment ({@code PAGADO} for a later payment)
 */
public record PaymentRegistered(
        int pagoId,
        String canalPago,
        LocalDate fechaPago,
        BigDecimal monto,
        String moneda,
        String estadoPagoAnterior,
        SolicitudState state) implements SolicitudEventPayload {

    public static final String TYPE = "solicitud.payment_registered";
    public static final int VERSION = 1;

    public PaymentRegistered {
        Checks.id(pagoId, "pago_id");
        Checks.present(canalPago, "canal_pago");
        Checks.present(fechaPago, "fecha_pago");
        monto = Checks.money(Checks.present(monto, "monto"), "monto");
        Checks.present(moneda, "moneda");
        Checks.present(estadoPagoAnterior, "estado_pago_anterior");
        Checks.present(state, "state");
    }
}
