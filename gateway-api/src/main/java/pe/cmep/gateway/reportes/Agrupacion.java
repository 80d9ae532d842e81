package pe.cmep.gateway.reportes;

import java.util.Arrays;
import java.util.Optional;

/** The buckets of the report series (domain.md §7.2); each knows its MySQL period label. */
enum Agrupacion {
    MENSUAL("mensual"),
    SEMANAL("semanal");

    private final String parametro;

    Agrupacion(String parametro) {
        this.parametro = parametro;
    }

    static Optional<Agrupacion> parse(String value) {
        return Arrays.stream(values()).filter(a -> a.parametro.equals(value)).findFirst();
    }

    /**
     * The label of a DATE/DATETIME column, exactly as domain.md §7.2 writes it: week mode 1 and the calendar
     * year give the same labels on MySQL and MariaDB (§10 #8).
     *
     * @param column a column name of the report tables, pasted into the SQL
     */
    String etiqueta(String column) {
        return switch (this) {
            case MENSUAL -> "DATE_FORMAT(" + column + ", '%Y-%m')";
            case SEMANAL -> "CONCAT(DATE_FORMAT(" + column + ", '%Y'), '-W', LPAD(WEEK(" + column + ", 1), 2, '0'))";
        };
    }
}
