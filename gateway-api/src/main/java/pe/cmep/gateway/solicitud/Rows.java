package pe.cmep.gateway.solicitud;

import io.r2dbc.spi.Row;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;

/** Typed, null-safe reads of R2DBC rows. */
final class Rows {

    private Rows() {
    }

    static String str(Row row, String column) {
        return row.get(column, String.class);
    }

    static Integer integer(Row row, String column) {
        Number n = row.get(column, Number.class);
        return n == null ? null : n.intValue();
    }

    static BigDecimal decimal(Row row, String column) {
        return row.get(column, BigDecimal.class);
    }

    static LocalDate date(Row row, String column) {
        return row.get(column, LocalDate.class);
    }

    static LocalDateTime dateTime(Row row, String column) {
        return row.get(column, LocalDateTime.class);
    }

    static boolean bool(Row row, String column) {
        Number n = row.get(column, Number.class);
        return n != null && n.intValue() != 0;
    }
}
