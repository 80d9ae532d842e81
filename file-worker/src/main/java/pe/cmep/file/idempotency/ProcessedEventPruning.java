package pe.cmep.file.idempotency;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.ReactiveTransactionManager;
import pe.cmep.file.config.FileWorkerProperties;
import pe.cmep.platform.events.ProcessedEventPruner;

/** Forgets the file-worker's applied event ids after its retention window (docs/events.md, "Retention"). */
@Configuration(proxyBeanMethods = false)
class ProcessedEventPruning {

    @Bean
    ProcessedEventPruner fileWorkerProcessedEventPruner(DatabaseClient db, ReactiveTransactionManager transactions,
                                                        FileWorkerProperties properties, MeterRegistry registry,
                                                        Clock clock) {
        return new ProcessedEventPruner(db, transactions, ProcessedEventRepository.CONSUMER,
                properties.processedEvents(), registry, clock);
    }
}
