package pe.cmep.gateway.catalogo;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** A catalogue service (api.md §7.9); the tarifa is a money string with two decimals (api.md §1). */
public record ServicioItem(Integer servicioId, String descripcionServicio, String tarifaServicio,
                           String monedaTarifa) {

    static ServicioItem of(Integer servicioId, String descripcion, BigDecimal tarifa, String moneda) {
        return new ServicioItem(servicioId, descripcion, money(tarifa), moneda);
    }

    /** "200.00": always two decimals, never an exponent or a thousands separator. */
    static String money(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.HALF_UP).toPlainString();
    }
}
