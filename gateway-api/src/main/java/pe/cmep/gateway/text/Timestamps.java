package pe.cmep.gateway.text;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/** api.md §0 D9: stored naive UTC, exposed as ISO-8601 with {@code Z} and whole seconds. */
public final class Timestamps {

    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'");

    private Timestamps() {
    }

    public static String format(LocalDateTime utc) {
        return utc == null ? null : FORMAT.format(utc.truncatedTo(ChronoUnit.SECONDS));
    }
}
