package pe.cmep.gateway.solicitud;

import java.time.LocalDateTime;

/** Who closed or cancelled a solicitud, when, and why it was cancelled (solicitud_cmep; domain.md §5.6–§5.7). */
record Desenlace(LocalDateTime fechaCierre, Integer cerradoPor, LocalDateTime fechaCancelacion,
                 Integer canceladoPor, String motivoCancelacion) {

    Desenlace cerrada(Actor actor) {
        return new Desenlace(actor.ahora(), actor.userId(), fechaCancelacion, canceladoPor, motivoCancelacion);
    }

    /** @param motivo the new motivo_cancelacion; null keeps the one there */
    Desenlace cancelada(Actor actor, String motivo) {
        return new Desenlace(fechaCierre, cerradoPor, actor.ahora(), actor.userId(),
                motivo == null ? motivoCancelacion : motivo);
    }
}
