package pe.cmep.file.limpieza;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import pe.cmep.file.bucket.FilesBucket;
import pe.cmep.file.config.FileWorkerProperties;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Removes objects under {@code uploads/} that no {@code archivos} row points at and that are older than the
 * configured minimum age. They are left by an upload whose rows could not be written and whose object could not
 * be removed at that moment either (storage failing just then); without this they would stay for good.
 */
@Component
public class OrphanSweeper implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OrphanSweeper.class);
    private static final int CHUNK = 500;

    private final FilesBucket bucket;
    private final StoragePathRepository archivos;
    private final FileWorkerProperties.OrphanSweep settings;
    private final Clock clock;
    private final Counter removed;
    private volatile Disposable schedule;

    OrphanSweeper(FilesBucket bucket, StoragePathRepository archivos, FileWorkerProperties properties, Clock clock,
                  MeterRegistry registry) {
        this.bucket = bucket;
        this.archivos = archivos;
        this.settings = properties.orphanSweep();
        this.clock = clock;
        this.removed = Counter.builder("cmep.files.orphans.removed")
                .description("Objects without an archivos row removed by the orphan sweep")
                .register(registry);
    }

    /** One sweep; emits how many objects it removed. */
    public Mono<Integer> sweep() {
        return bucket.uploadsOlderThan(clock.instant().minus(settings.minAge()))
                .flatMapMany(keys -> Flux.fromIterable(keys).buffer(CHUNK))
                .concatMap(chunk -> archivos.known(chunk).flatMapMany(known -> Flux.fromIterable(chunk)
                        .filter(key -> !known.contains(key))))
                .concatMap(key -> bucket.delete(key)
                        .doOnSuccess(v -> log.info("orphan_object_removed key={}", key))
                        .thenReturn(1))
                .reduce(0, Integer::sum)
                .doOnNext(removed::increment);
    }

    @Override
    public void start() {
        if (!settings.enabled()) {
            log.info("orphan_sweep_disabled (cmep.file-worker.orphan-sweep.enabled=false)");
            return;
        }
        schedule = Flux.interval(settings.interval(), settings.interval())
                .onBackpressureDrop()
                .concatMap(tick -> sweep()
                        .doOnNext(n -> log.info("orphan_sweep_done removed={}", n))
                        .onErrorResume(e -> {
                            log.warn("orphan_sweep_failed error=\"{}\" next_try_in={}", e.toString(),
                                    settings.interval());
                            return Mono.empty();
                        }), 0)
                .subscribe();
        log.info("orphan_sweep_started interval={} min_age={}", settings.interval(), settings.minAge());
    }

    @Override
    public void stop() {
        Disposable running = schedule;
        if (running != null) {
            running.dispose();
            schedule = null;
        }
    }

    @Override
    public boolean isRunning() {
        return schedule != null;
    }
}
