package pe.cmep.gateway.solicitud;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import pe.cmep.gateway.web.FieldReader;

/** The body of registrar-pago (api.md §7.5, domain.md §5.4, §10 #15). */
record PagoInput(String canalPago, LocalDate fechaPago, BigDecimal monto, String moneda,
                 String referenciaTransaccion, String comentario) {

    static final List<String> MONEDAS = List.of("PEN", "USD");

    static PagoInput read(FieldReader r) {
        String moneda = r.optionalEnum("moneda", MONEDAS);
        return new PagoInput(
                r.requiredString("canal_pago", 1, 50),
                r.requiredDate("fecha_pago"),
                r.requiredMoney("monto"),
                moneda == null ? "PEN" : moneda,
                r.optionalText("referencia_transaccion", 255),
                r.optionalText("comentario", 10_000));
    }
}
