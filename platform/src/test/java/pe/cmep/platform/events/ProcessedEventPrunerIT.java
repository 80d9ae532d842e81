package pe.cmep.platform.events;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.r2dbc.spi.ConnectionFactories;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.ConnectionFactoryOptions;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.r2dbc.connection.R2dbcTransactionManager;
import org.springframework.r2dbc.core.DatabaseClient;
import pe.cmep.localstack.TestBackend;
import pe.cmep.localstack.TestBackends;
import pe.cmep.localstack.UsesTestBackend;

/** A consumer forgets its own old event ids, in batches, and nothing else. */
@UsesTestBackend
class ProcessedEventPrunerIT {

    private static final String DATABASE = "cmep_processed_event_pruner";

    private static DatabaseClient db;
    private static R2dbcTransactionManager transactions;

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    @BeforeAll
    static void database() {
        TestBackend backend = TestBackends.shared();
        backend.dropDatabase(DATABASE);
        backend.createDatabase(DATABASE);
        Flyway.configure().dataSource(backend.jdbcUrl(DATABASE), backend.databaseUser(), backend.databasePassword())
                .locations("classpath:db/migration").load().migrate();
        ConnectionFactory factory = ConnectionFactories.get(ConnectionFactoryOptions
                .parse(backend.springProperties(DATABASE).get("spring.r2dbc.url")).mutate()
                .option(ConnectionFactoryOptions.USER, backend.databaseUser())
                .option(ConnectionFactoryOptions.PASSWORD, backend.databasePassword())
                .build());
        db = DatabaseClient.create(factory);
        transactions = new R2dbcTransactionManager(factory);
    }

    @BeforeEach
    void empty() {
        db.sql("DELETE FROM processed_event").then().block();
    }

    @Test
    void a_run_deletes_the_consumers_ids_older_than_the_retention_in_batches_and_keeps_the_rest() {
        LocalDateTime now = LocalDateTime.now(ZoneOffset.UTC);
        for (int i = 0; i < 5; i++) {
            remember("report-aggregates", now.minusDays(31).plusMinutes(i));
        }
        String recent = remember("report-aggregates", now.minusDays(29));
        String otherConsumer = remember("file-worker", now.minusDays(60));

        Long deleted = pruner("report-aggregates", 2).prune().block(Duration.ofSeconds(30));

        // 5 ids in batches of 2: 2 + 2 + 1, the last one short, so the run ends there
        assertThat(deleted).isEqualTo(5);
        assertThat(ids()).containsExactlyInAnyOrder(recent, otherConsumer);
        assertThat(registry.get("cmep.processed.events.pruned").tag("consumer", "report-aggregates").counter()
                .count()).isEqualTo(5);
    }

    @Test
    void one_delete_removes_at_most_a_batch_oldest_first() {
        LocalDateTime now = LocalDateTime.now(ZoneOffset.UTC);
        remember("file-worker", now.minusDays(50));
        remember("file-worker", now.minusDays(40));
        String newest = remember("file-worker", now.minusDays(35));

        Long deleted = new ProcessedEventPruneRepository(db).prune("file-worker", now.minusDays(30), 2)
                .block(Duration.ofSeconds(10));

        assertThat(deleted).isEqualTo(2);
        assertThat(ids()).containsExactly(newest);
    }

    private ProcessedEventPruner pruner(String consumer, int batchSize) {
        return new ProcessedEventPruner(db, transactions, consumer,
                new ProcessedEventRetention(true, Duration.ofDays(30), Duration.ofHours(1), batchSize), registry,
                Clock.systemUTC());
    }

    private String remember(String consumer, LocalDateTime at) {
        String id = UUID.randomUUID().toString();
        db.sql("INSERT INTO processed_event (consumer, event_id, processed_at) VALUES (:c, :id, :at)")
                .bind("c", consumer).bind("id", id).bind("at", at).then().block();
        return id;
    }

    private List<String> ids() {
        return db.sql("SELECT event_id FROM processed_event")
                .map((row, meta) -> row.get("event_id", String.class)).all().collectList().block();
    }
}
