package pe.cmep.gateway.solicitud;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/** Who makes a change and when: every row it writes and every event it records carry the same two. */
record Actor(int userId, LocalDateTime ahora) {

    Instant instante() {
        return ahora.toInstant(ZoneOffset.UTC);
    }
}
