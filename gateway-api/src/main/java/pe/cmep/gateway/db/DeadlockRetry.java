package pe.cmep.gateway.db;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import pe.cmep.gateway.config.DatabaseErrors;
import reactor.util.retry.Retry;
import reactor.util.retry.RetryBackoffSpec;

/**
 * Runs a whole transaction again when InnoDB picked it as a deadlock victim (1213): it was rolled back entirely,
 * so running it again is safe, and two requests that merely crossed paths both succeed. Only deadlocks: a NOWAIT
 * refusal on a solicitud (3572, MariaDB 1205) is a real race on that solicitud and keeps its immediate 409, as
 * does a deadlock that outlives the attempts (decision 11). Apply it outside the transactional operator, so each
 * attempt is a new transaction.
 */
public final class DeadlockRetry {

    private static final Logger log = LoggerFactory.getLogger(DeadlockRetry.class);
    private static final int ATTEMPTS_AFTER_THE_FIRST = 3;

    private DeadlockRetry() {
    }

    /** @param what names the transaction in the log line of each retry, e.g. {@code asignar-gestor solicitud_id=7} */
    public static RetryBackoffSpec of(String what) {
        return Retry.backoff(ATTEMPTS_AFTER_THE_FIRST, Duration.ofMillis(20))
                .maxBackoff(Duration.ofMillis(200))
                .jitter(0.5)
                .filter(DatabaseErrors::isDeadlock)
                .doBeforeRetry(signal -> log.info("transaction_retried reason=deadlock attempt={} {}",
                        signal.totalRetries() + 1, what))
                .onRetryExhaustedThrow((spec, signal) -> signal.failure());
    }
}
