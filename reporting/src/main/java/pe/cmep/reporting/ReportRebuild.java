package pe.cmep.reporting;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * Recomputes the report aggregates from the source tables (backfill after the aggregates were introduced, repair
 * after a bug or a lost event), in one transaction: a reader sees the old aggregates or the new ones, never half of
 * each. What the rows hold: {@link ReportRebuildRepository}.
 */
public final class ReportRebuild {

    private final ReportRebuildRepository aggregates;
    private final TransactionalOperator tx;
    private final Clock clock;

    public ReportRebuild(ReportRebuildRepository aggregates, TransactionalOperator tx, Clock clock) {
        this.aggregates = aggregates;
        this.tx = tx;
        this.clock = clock;
    }

    /**
     * {@code actualizado_en} becomes the rebuild's own time: the aggregates now reflect every change
     * committed before it.
     */
    public Mono<Result> run() {
        LocalDateTime now = LocalDateTime.now(clock).truncatedTo(ChronoUnit.SECONDS);
        return aggregates.vaciar()
                .then(aggregates.llenarSolicitudes())
                .flatMap(solicitudes -> aggregates.llenarPagos().map(pagos -> new Result(solicitudes, pagos)))
                .flatMap(result -> aggregates.llenarDiarias().thenReturn(result))
                .flatMap(result -> aggregates.marcarReconstruido(now).thenReturn(result))
                .as(tx::transactional);
    }

    /** How many rows the rebuild wrote. */
    public record Result(long solicitudes, long pagos) {
    }
}
