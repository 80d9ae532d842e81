package pe.cmep.events;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/** Argument checks and wire normalisations shared by the event records. */
final class Checks {

    private Checks() {
    }

    static <T> T present(T value, String field) {
        return Objects.requireNonNull(value, () -> field + " is required");
    }

    /** Database ids start at 1; a missing primitive id arrives as 0. */
    static int id(int value, String field) {
        if (value <= 0) {
            throw new IllegalArgumentException(field + " must be a positive id, was " + value);
        }
        return value;
    }

    /** Timestamps travel as whole seconds, so an event reads back equal to what was written. */
    static Instant seconds(Instant value) {
        return value == null ? null : value.truncatedTo(ChronoUnit.SECONDS);
    }

    /** Amounts are DECIMAL(12,2) in the database and travel with exactly two decimals ("150.00"). */
    static BigDecimal money(BigDecimal value, String field) {
        if (value == null) {
            return null;
        }
        try {
            return value.setScale(2, RoundingMode.UNNECESSARY);
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException(field + " has more than two decimals: " + value.toPlainString(), e);
        }
    }
}
