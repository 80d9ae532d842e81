package pe.cmep.gateway.outbox;

import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

/**
 * Tells this instance's {@link OutboxRelay} that a transaction which wrote outbox rows has committed, so the rows
 * leave at once instead of at the next poll.
 */
@Component
class OutboxWakeUp {

    private final Sinks.Many<Long> commits = Sinks.many().multicast().directBestEffort();

    void committed() {
        // The result is ignored on purpose. FAIL_NON_SERIALIZED: another thread is signalling this very moment,
        // after this commit, and the look for rows its signal causes starts after it too. FAIL_ZERO_SUBSCRIBER: no
        // relay runs here; the rows wait for one that does.
        commits.tryEmitNext(0L);
    }

    Flux<Long> commits() {
        return commits.asFlux();
    }
}
