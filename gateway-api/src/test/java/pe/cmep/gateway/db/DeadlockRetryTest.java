package pe.cmep.gateway.db;

import static org.assertj.core.api.Assertions.assertThat;

import io.r2dbc.spi.R2dbcTransientResourceException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.dao.PessimisticLockingFailureException;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

class DeadlockRetryTest {

    private static Throwable mysqlError(int code) {
        return new PessimisticLockingFailureException("wrapped",
                new R2dbcTransientResourceException("server said no", "40001", code));
    }

    /** A transaction that fails with {@code error} on its first {@code failures} runs, then commits. */
    private static Mono<String> transaction(AtomicInteger runs, int failures, Throwable error) {
        return Mono.defer(() -> runs.incrementAndGet() <= failures ? Mono.error(error) : Mono.just("committed"));
    }

    @Test
    void a_deadlock_victim_is_run_again_and_commits() {
        AtomicInteger runs = new AtomicInteger();

        StepVerifier.create(transaction(runs, 2, mysqlError(1213)).retryWhen(DeadlockRetry.of("test")))
                .expectNext("committed")
                .verifyComplete();
        assertThat(runs).hasValue(3);
    }

    @Test
    void a_deadlock_that_outlives_the_attempts_fails_with_the_deadlock_itself() {
        AtomicInteger runs = new AtomicInteger();
        Throwable deadlock = mysqlError(1213);

        StepVerifier.create(transaction(runs, 100, deadlock).retryWhen(DeadlockRetry.of("test")))
                .expectErrorSatisfies(e -> assertThat(e).isSameAs(deadlock))
                .verify(Duration.ofSeconds(5));
        assertThat(runs).hasValue(4);
    }

    @Test
    void a_nowait_refusal_is_a_real_race_and_is_not_retried() {
        for (int code : new int[] {3572, 1205}) {
            AtomicInteger runs = new AtomicInteger();

            StepVerifier.create(transaction(runs, 1, mysqlError(code)).retryWhen(DeadlockRetry.of("test")))
                    .expectError(PessimisticLockingFailureException.class)
                    .verify(Duration.ofSeconds(5));
            assertThat(runs).as("runs after error %d", code).hasValue(1);
        }
    }
}
