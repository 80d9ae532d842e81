package pe.cmep.gateway.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.ReactiveTransactionManager;
import pe.cmep.gateway.support.BackendProperties;
import pe.cmep.localstack.TestBackends;
import pe.cmep.localstack.UsesTestBackend;

/** Pruning of published outbox rows, on a database of its own with the relay off (it would stamp the rows). */
@UsesTestBackend
@SpringBootTest(properties = "cmep.outbox.enabled=false")
@ActiveProfiles("test")
class OutboxPrunerIT {

    private static final String DATABASE = "cmep_outbox_pruner";

    @Autowired
    OutboxRepository rows;

    @Autowired
    ReactiveTransactionManager transactions;

    @Autowired
    MeterRegistry registry;

    @Autowired
    DatabaseClient db;

    @DynamicPropertySource
    static void testBackend(DynamicPropertyRegistry registry) {
        TestBackends.shared().createDatabase(DATABASE);
        BackendProperties.register(registry, DATABASE);
    }

    @BeforeEach
    void emptyOutbox() {
        db.sql("DELETE FROM outbox_event").then().block();
    }

    @Test
    void a_run_deletes_the_rows_published_before_the_retention_in_batches_and_keeps_the_rest() {
        LocalDateTime now = LocalDateTime.now(ZoneOffset.UTC);
        for (int i = 0; i < 7; i++) {
            insert(now.minusDays(8), now.minusDays(8).plusMinutes(i));
        }
        String recent = insert(now.minusDays(1), now.minusDays(1));
        String pendingOld = insert(now.minusDays(30), null);
        String pendingNew = insert(now, null);
        double prunedBefore = registry.get("cmep.outbox.pruned").counter().count();

        Long deleted = pruner(3).prune().block(Duration.ofSeconds(30));

        // 7 rows in batches of 3: 3 + 3 + 1, the last one short, so the run ends there
        assertThat(deleted).isEqualTo(7);
        assertThat(remaining()).containsExactlyInAnyOrder(recent, pendingOld, pendingNew);
        assertThat(registry.get("cmep.outbox.pruned").counter().count() - prunedBefore).isEqualTo(7);
    }

    @Test
    void one_delete_removes_at_most_a_batch_oldest_publication_first() {
        LocalDateTime now = LocalDateTime.now(ZoneOffset.UTC);
        String oldest = insert(now.minusDays(20), now.minusDays(20));
        String older = insert(now.minusDays(19), now.minusDays(19));
        String old = insert(now.minusDays(10), now.minusDays(10));

        Long deleted = rows.prune(now.minusDays(7), 2).block(Duration.ofSeconds(10));

        assertThat(deleted).isEqualTo(2);
        assertThat(remaining()).containsExactly(old).doesNotContain(oldest, older);
    }

    private OutboxPruner pruner(int batchSize) {
        OutboxProperties properties = new OutboxProperties(true, Duration.ofSeconds(1), 10, 4, Duration.ofSeconds(5),
                Duration.ofSeconds(10), TestProperties.pruning(Duration.ofDays(7), batchSize));
        return new OutboxPruner(rows, properties, transactions, registry, Clock.systemUTC());
    }

    private String insert(LocalDateTime occurredAt, LocalDateTime publishedAt) {
        String eventId = UUID.randomUUID().toString();
        rows.insert(new OutboxRepository.NewEvent(eventId, "solicitud.edited", 1, Outbox.SOLICITUD_EVENTS,
                TestEvents.newSolicitudId(), "{}", occurredAt)).block();
        if (publishedAt != null) {
            db.sql("UPDATE outbox_event SET published_at = :at WHERE event_id = :id")
                    .bind("at", publishedAt).bind("id", eventId).then().block();
        }
        return eventId;
    }

    private List<String> remaining() {
        return db.sql("SELECT event_id FROM outbox_event ORDER BY outbox_id")
                .map((row, meta) -> row.get("event_id", String.class)).all().collectList().block();
    }
}
