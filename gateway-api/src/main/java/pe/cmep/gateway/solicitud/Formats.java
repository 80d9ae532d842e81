package pe.cmep.gateway.solicitud;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Locale;

/** Text forms the API and the historial share (api.md §1, §8.2). */
final class Formats {

    private Formats() {
    }

    /** Money as a string with two decimals ({@code "150.50"}). */
    static String money(BigDecimal amount) {
        return amount == null ? null : amount.setScale(2, RoundingMode.HALF_UP).toPlainString();
    }

    static String date(LocalDate date) {
        return date == null ? null : date.toString();
    }

    /** {@code "<nombres> <apellidos>"}. */
    static String fullName(String nombres, String apellidos) {
        if (nombres == null && apellidos == null) {
            return null;
        }
        return ((nombres == null ? "" : nombres) + " " + (apellidos == null ? "" : apellidos)).trim();
    }

    /** {@code CMEP-<year>-<id padded to at least 4 digits>} (domain.md §5.1). */
    static String codigo(int year, int solicitudId) {
        return "CMEP-" + year + "-" + String.format(Locale.ROOT, "%04d", solicitudId);
    }
}
