package pe.cmep.gateway.web;

import java.time.LocalDate;

/**
 * The dates a MySQL/MariaDB DATE or DATETIME column holds (the documented range, alike on both servers). A date
 * outside it is refused with the request: written, the server rejects the statement (1292); as a bound of a
 * comparison, it matches nothing.
 */
public final class DateColumns {

    public static final LocalDate MIN = LocalDate.of(1000, 1, 1);
    public static final LocalDate MAX = LocalDate.of(9999, 12, 31);
    public static final String OUT_OF_RANGE = "Debe ser una fecha entre " + MIN + " y " + MAX;

    private DateColumns() {
    }

    public static boolean holds(LocalDate date) {
        return !date.isBefore(MIN) && !date.isAfter(MAX);
    }
}
